import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tensor, grad, jvp, numericGrad, valueAndGrad, sum } from './index.js';
import { close, evaluateExpression, expressionArbitrary, printExpression } from './test-expressions.js';

const point = fc.double({ min: -2, max: 2, noNaN: true });
const vector = fc.array(point, { minLength: 3, maxLength: 3 });

describe('random compositions: reverse mode = forward mode = central differences', () => {
  it('grad(f)(x) = jvp(f, [x], [1]) = numericGrad(f, x) for scalar x', () => {
    fc.assert(fc.property(expressionArbitrary, point, (e, x) => {
      const f = (t: Parameters<typeof evaluateExpression>[1]) => evaluateExpression(e, t);
      const [value, reverse] = valueAndGrad(f)(x);
      fc.pre(Number.isFinite(value.item()) && Math.abs(value.item()) < 1e4);
      const forward = jvp(f, [x], [1])[1].item();
      const numeric = numericGrad(f, x).item();
      const label = `${printExpression(e)} at x = ${x}`;
      expect(close(reverse.item(), forward, 1e-10, 1e-12), `${label}: reverse ${reverse.item()} vs forward ${forward}`).toBe(true);
      expect(close(reverse.item(), numeric, 1e-5, 1e-6), `${label}: reverse ${reverse.item()} vs numeric ${numeric}`).toBe(true);
    }), { numRuns: 200 });
  });

  it('elementwise compositions summed over a vector: grad = jvp along each basis vector = numericGrad', () => {
    fc.assert(fc.property(expressionArbitrary, vector, (e, xs) => {
      const f = (t: Parameters<typeof evaluateExpression>[1]) => sum(evaluateExpression(e, t));
      const x = tensor(xs);
      const g = grad(f)(x);
      const numeric = numericGrad(f, x);
      xs.forEach((_, i) => {
        const basis = tensor(xs.map((_v, j) => (j === i ? 1 : 0)));
        const forward = jvp(f, [x], [basis])[1].item();
        expect(close(g.data[i] as number, forward, 1e-10, 1e-12)).toBe(true);
        expect(close(g.data[i] as number, numeric.data[i] as number, 1e-5, 1e-6)).toBe(true);
      });
    }), { numRuns: 60 });
  });

  it('second derivatives agree: grad(grad(f)) = jvp of grad = differences of grad', () => {
    fc.assert(fc.property(expressionArbitrary, point, (e, x) => {
      const f = (t: Parameters<typeof evaluateExpression>[1]) => evaluateExpression(e, t);
      const df = grad(f);
      const reverse = grad(df)(x).item();
      fc.pre(Number.isFinite(reverse) && Math.abs(reverse) < 1e4);
      const forward = jvp(df, [x], [1])[1].item();
      const numeric = numericGrad(df, x).item();
      expect(close(reverse, forward, 1e-9, 1e-10)).toBe(true);
      expect(close(reverse, numeric, 1e-4, 1e-5)).toBe(true);
    }), { numRuns: 100 });
  });
});
