import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, derivative, evaluate } from '@slope/symbolic';
import { grad, Tensor } from './index.js';
import { close, evaluateExpression, expressionArbitrary, printExpression } from './test-expressions.js';

describe('reverse mode against @slope/symbolic', () => {
  it('grad(f)(x) equals derivative(parse(f), x) evaluated at x, for random compositions', () => {
    fc.assert(fc.property(expressionArbitrary, fc.double({ min: -2, max: 2, noNaN: true }), (e, x) => {
      const source = printExpression(e);
      const reverse = grad((t: Tensor) => evaluateExpression(e, t))(x).item();
      const symbolic = Number(evaluate(derivative(parse(source), 'x'), { x }));
      fc.pre(Number.isFinite(symbolic) && Math.abs(symbolic) < 1e6);
      expect(close(reverse, symbolic, 1e-9, 1e-11), `${source} at x = ${x}: reverse ${reverse}, symbolic ${symbolic}`).toBe(true);
    }), { numRuns: 150 });
  });

  it('the course layer σ(w·x + b): ∂/∂w from grad equals the symbolic derivative', () => {
    const d = derivative(parse('1 / (1 + exp(-(w * x + b)))'), 'w');
    const [gw] = grad((w: Tensor, x: Tensor, b: Tensor) => w.mul(x).add(b).sigmoid(), { argnums: [0] })(1.3, 0.7, -0.1);
    expect(gw?.item()).toBeCloseTo(Number(evaluate(d, { w: 1.3, x: 0.7, b: -0.1 })), 14);
  });
});
