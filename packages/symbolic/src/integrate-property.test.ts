import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, integrate, simplify } from './index.js';

/**
 * Property: for generated integrands of every class integrate() supports, it finds an
 * antiderivative, and derivative(F, x) equals the integrand at random points of its domain
 * (an independent check: the derivative rules, not the integrator's own verification).
 */

const nz = fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0);
const small = fc.integer({ min: -3, max: 3 });
const par = (n: number): string => (n < 0 ? `(${n})` : String(n));

interface Case {
  readonly f: string;
  /** The integrand's domain for sampling: all reals, or x > 0. */
  readonly positive: boolean;
}

const polynomial = fc.array(small, { minLength: 1, maxLength: 6 }).map((cs): Case => ({ f: cs.map((c, k) => `${par(c)}*x^${k}`).join(' + '), positive: false }));

const power = fc.tuple(nz, fc.constantFrom('1/2', '3/2', '-1/2', '-2', '-3', '1/3', '5', '-1', '2/3')).map(([c, p]): Case => ({ f: `${par(c)}*x^(${p})`, positive: true }));

const tableOfLinear = fc
  .tuple(nz, nz, small, fc.constantFrom('sin(u)', 'cos(u)', 'exp(u)', 'sinh(u)', 'cosh(u)', 'tanh(u)', '1/(1 + u^2)', 'sech(u)^2', '1/sqrt(u^2 + 1)', 'u^4', '1/u'))
  .map(([c, a, b, f]): Case => ({ f: `${par(c)}*${f.replace(/u/g, `(${par(a)}*x + ${par(b)})`)}`, positive: false }));

const parts = fc
  .tuple(fc.integer({ min: 1, max: 4 }), nz, fc.constantFrom('exp', 'sin', 'cos', 'sinh'))
  .map(([n, a, f]): Case => ({ f: `x^${n}*${f}(${par(a)}*x)`, positive: false }));

const logarithmic = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('log(x)', 'log(x)^2', 'atan(x)', 'asinh(x)', 'log(2*x + 1)'))
  .map(([n, f]): Case => ({ f: `x^${n}*${f}`, positive: true }));

const cyclic = fc.tuple(nz, nz, fc.constantFrom('sin', 'cos')).map(([a, b, f]): Case => ({ f: `exp(${par(a)}*x)*${f}(${par(b)}*x)`, positive: false }));

/** g′(x)·h(g(x)), so substitution u = g(x) applies (the derivative written out, times a constant). */
const substitution = fc
  .tuple(nz, fc.constantFrom('x^2 + 1', 'x^3', 'sin(x)', 'exp(x)', 'log(x)', 'cos(2*x)', 'sqrt(x)'), fc.constantFrom('sin(u)', 'exp(u)', 'u^3', '1/(1 + u^2)', 'cos(u)^2', 'sqrt(u^2 + 1)'))
  .map(([c, g, h]): Case => ({ f: `${par(c)}*(${derivative(g, 'x').toString()})*${h.replace(/u/g, `(${g})`)}`, positive: g === 'log(x)' || g === 'sqrt(x)' }));

/** P(x)/Q(x) with Q a product of linear (possibly repeated) and irreducible quadratic factors. */
const rational = fc
  .tuple(
    fc.array(small, { minLength: 1, maxLength: 4 }),
    fc.uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 2 }),
    fc.boolean(),
    fc.constantFrom('', 'x^2 + 1', 'x^2 + 2*x + 5', 'x^2 - x + 1', '(x^2 + 4)^2'),
  )
  .filter(([num]) => num.some((c) => c !== 0))
  .map(([num, roots, repeated, quadratic]): Case => {
    const P = num.map((c, k) => `${par(c)}*x^${k}`).join(' + ');
    const linear = roots.map((r, i) => `(x - ${par(r)})${repeated && i === 0 ? '^2' : ''}`);
    const Q = [...linear, ...(quadratic === '' ? [] : [`(${quadratic})`])].join('*');
    return { f: `(${P})/(${Q})`, positive: false };
  });

const trig = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), nz).filter(([m, n]) => m + n > 0).map(([m, n, a]): Case => ({ f: `sin(${par(a)}*x)^${m}*cos(${par(a)}*x)^${n}`, positive: false }));

const single = fc.oneof(polynomial, power, tableOfLinear, parts, logarithmic, cyclic, substitution, rational, trig);
const sum = fc.tuple(single, single).map(([p, q]): Case => ({ f: `${p.f} + ${q.f}`, positive: p.positive || q.positive }));
const integrand = fc.oneof({ weight: 4, arbitrary: single }, { weight: 1, arbitrary: sum });

const points = fc.array(fc.double({ min: 0.05, max: 2.9, noNaN: true }), { minLength: 6, maxLength: 6 });

describe('integrate(f, x) on generated integrands of the supported classes', () => {
  it('finds F, and derivative(F, x) equals f at random points of f\'s domain (200 integrands)', () => {
    let compared = 0;
    fc.assert(
      fc.property(integrand, points, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (c, xs, signs) => {
        const f = simplify(c.f);
        const F = integrate(f, 'x');
        const dF = derivative(F, 'x');
        xs.forEach((x0, i) => {
          const x = c.positive || signs[i] !== true ? x0 : -x0;
          const fv = evaluate(f, { x });
          if (!Number.isFinite(fv) || Math.abs(fv) > 1e8) return;
          const Fv = evaluate(F, { x });
          expect(Number.isFinite(Fv), `F = ${F.toString()} has no value at x = ${x}, where f = ${f.toString()} does`).toBe(true);
          const dv = evaluate(dF, { x });
          expect(Math.abs(dv - fv), `d/dx ${F.toString()} at x = ${x}: ${dv} vs f = ${fv} (f = ${f.toString()})`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(fv)));
          compared++;
        });
      }),
      { numRuns: 200, seed: 2026 },
    );
    expect(compared).toBeGreaterThan(600);
  });
});
