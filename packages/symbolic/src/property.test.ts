import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, parse, simplify } from './index.js';

const leaf = fc.oneof(
  { weight: 3, arbitrary: fc.constant('x') },
  // No literal 0: 0^x is constant for x > 0, but the exponential rule's log(0) makes its
  // derivative NaN there (an honest "undefined", documented, not a wrong number).
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0).map((n) => (n < 0 ? `(${n})` : String(n))) },
  { weight: 1, arbitrary: fc.constantFrom('1/3', '0.75', 'pi', 'y') },
);

const expression = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie('e'), fc.constantFrom('2', '3', '-1', '1/2', '-2', 'x')).map(([a, p]) => `(${a})^${p}`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'tanh', 'atan', 'abs', 'cosh', 'asinh', 'cbrt'), tie('e')).map(([f, a]) => `${f}(${a})`),
  ),
})).e;

/** Points in [−2, 2] on a grid offset from 0, so removable singularities (x·(1/x)) are not hit in float underflow. */
const point = fc.integer({ min: -2000, max: 2000 }).map((k) => k / 1000 + 0.000123);

/** Five-point central difference and a half-step estimate, to tell smooth points from kinks. */
function stencil(f: (x: number) => number, x: number, h: number): number {
  return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
}

describe('derivative(expr, x) on random expression trees', () => {
  it('derivative(expr, x) agrees with a central finite difference at random points (1,000 expressions)', () => {
    let compared = 0;
    fc.assert(
      fc.property(expression, point, (src, x0) => {
        const e = parse(src);
        // x/(x − x) is undefined everywhere, though float division makes atan of it look constant.
        if (/\/0(?![\d.])/.test(simplify(e).toString())) return true;
        const f = (x: number): number => evaluate(e, { x, y: 0.8 });
        const fx = f(x0);
        if (!Number.isFinite(fx) || Math.abs(fx) > 1e4) return true;
        const h = 1e-3 * Math.max(1, Math.abs(x0));
        const a = stencil(f, x0, h);
        const b = stencil(f, x0, h / 2);
        // Near a singularity or kink the two estimates disagree: not a smooth point, skip it.
        if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b))) return true;
        // A kink (abs at 0) has equal symmetric stencils but different one-sided slopes.
        const forward = (f(x0 + h) - fx) / h;
        const backward = (fx - f(x0 - h)) / h;
        if (Math.abs(forward - backward) > 0.1 * Math.max(1, Math.abs(b))) return true;
        const d = evaluate(derivative(e, 'x'), { x: x0, y: 0.8 });
        compared++;
        return Math.abs(d - b) <= 1e-5 * Math.max(1, Math.abs(b));
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('derivative(expr, x, { simplify: false }) has the same value as the simplified derivative', () => {
    fc.assert(
      fc.property(expression, point, (src, x) => {
        const a = evaluate(derivative(src, 'x'), { x, y: 0.8 });
        const b = evaluate(derivative(src, 'x', { simplify: false }), { x, y: 0.8 });
        if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(b) > 1e6) return true;
        return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(b));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
