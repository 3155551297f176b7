import { describe, expect, it } from 'vitest';
import { evaluate, taylor } from './index.js';
import { close } from './test-support.js';

const coefficients = (src: string, about: number, order: number): string[] => taylor(src, { about, order }).terms.map((t) => t.coefficient.toString());

describe('taylor(expr, { about, order })', () => {
  it('taylor(e^x) about 0 is Σ x^n/n!', () => {
    expect(coefficients('e^x', 0, 5)).toEqual(['1', '1', '1/2', '1/6', '1/24', '1/120']);
    expect(taylor('e^x', { about: 0, order: 4 }).polynomial.toString()).toBe('1 + x + x^2/2 + x^3/6 + x^4/24');
  });

  it('taylor(cos x) about 0 has even powers only, (−1)^n/(2n)!', () => {
    expect(coefficients('cos(x)', 0, 6)).toEqual(['1', '0', '-1/2', '0', '1/24', '0', '-1/720']);
  });

  it('taylor(1/x) about 1 is Σ (−1)^n (x − 1)^n and converges only on 0 < x < 2', () => {
    expect(coefficients('1/x', 1, 5)).toEqual(['1', '-1', '1', '-1', '1', '-1']);
    const error = (x: number, order: number): number => Math.abs(taylor('1/x', { about: 1, order }).evaluate(x) - 1 / x);
    expect(error(1.5, 12)).toBeLessThan(error(1.5, 4));
    expect(error(0.4, 12)).toBeLessThan(error(0.4, 4));
    expect(error(2.5, 12)).toBeGreaterThan(error(2.5, 4));
    expect(error(-0.5, 12)).toBeGreaterThan(error(-0.5, 4));
  });

  it('taylor(ln x) about 10: first and second order differ by 0.32 at x = 2', () => {
    const first = taylor('log(x)', { about: 10, order: 1 });
    const second = taylor('log(x)', { about: 10, order: 2 });
    expect(second.terms.map((t) => t.coefficient.toString())).toEqual(['log(10)', '1/10', '-1/200']);
    expect(close(first.evaluate(2) - second.evaluate(2), 0.32, 1e-12)).toBe(true);
  });

  it('taylor(2/(x^2 − x)) about 0.5 is −8 − 32(x − 0.5)^2 …', () => {
    const t = taylor('2/(x^2 - x)', { about: 0.5, order: 2 });
    expect(t.terms.map((term) => term.coefficient.toString())).toEqual(['-8', '0', '-32']);
    expect(t.polynomial.toString()).toBe('-8 - 32*(x - 1/2)^2');
  });

  it('taylor(x·y²·e^(−x⁴−y²/2)) about (−1, 2): the quiz\'s first-order plane and its second-order terms', () => {
    const f = 'x*y^2*exp(-x^4 - y^2/2)';
    const e3 = Math.exp(-3);
    const t1 = taylor(f, { about: { x: -1, y: 2 }, order: 1 });
    expect(t1.terms.map((t) => [t.powers, t.value])).toEqual([
      [{ x: 0, y: 0 }, -4 * e3],
      [{ x: 1, y: 0 }, -12 * e3],
      [{ x: 0, y: 1 }, 4 * e3],
    ]);
    const t2 = taylor(f, { about: { x: -1, y: 2 }, order: 2 });
    // ½ΔᵀHΔ matches the symbolic Hessian at the point.
    const h = { xx: 2 * (t2.terms[3]?.value as number), xy: t2.terms[4]?.value as number, yy: 2 * (t2.terms[5]?.value as number) };
    const fd = (dx: number, dy: number): number => evaluate(f, { x: -1 + dx, y: 2 + dy });
    const eps = 1e-4;
    expect(close(h.xx, (fd(eps, 0) - 2 * fd(0, 0) + fd(-eps, 0)) / eps ** 2, 1e-5)).toBe(true);
    expect(close(h.yy, (fd(0, eps) - 2 * fd(0, 0) + fd(0, -eps)) / eps ** 2, 1e-5)).toBe(true);
    expect(close(h.xy, (fd(eps, eps) - fd(eps, -eps) - fd(-eps, eps) + fd(-eps, -eps)) / (4 * eps ** 2), 1e-5)).toBe(true);
    // Near the point, each order is closer than the one before.
    const at = { x: -0.95, y: 2.05 };
    const errors = [0, 1, 2].map((order) => Math.abs(taylor(f, { about: { x: -1, y: 2 }, order }).evaluate(at) - evaluate(f, at)));
    expect(errors[1]).toBeLessThan(errors[0] as number);
    expect(errors[2]).toBeLessThan(errors[1] as number);
  });

  it('taylor(...).remainder(x) bounds the true error by the Lagrange form', () => {
    for (const order of [1, 3, 5]) {
      const r = taylor('exp(x)', { about: 0, order }).remainder(1);
      const lagrange = Math.E / [1, 1, 2, 6, 24, 120, 720][order + 1]!;
      expect(r.actual).toBeLessThanOrEqual(r.lagrangeBound);
      expect(close(r.lagrangeBound, lagrange, 1e-12)).toBe(true);
      expect(close(r.nextTerm, 1 / [1, 1, 2, 6, 24, 120, 720][order + 1]!, 1e-12)).toBe(true);
    }
    const multi = taylor('x*y^2*exp(-x^4 - y^2/2)', { about: { x: -1, y: 2 }, order: 1 }).remainder({ x: -0.9, y: 2.1 });
    expect(multi.actual).toBeLessThanOrEqual(multi.lagrangeBound);
  });

  it('taylor(...).remainder(x) blows up across a singularity', () => {
    expect(taylor('1/x', { about: 1, order: 2 }).remainder(-0.5).lagrangeBound).toBeGreaterThan(1e6);
  });

  it('taylor(expr, opts) validates its options', () => {
    expect(() => taylor('x', { about: 0, order: -1 })).toThrow(RangeError);
    expect(() => taylor('x*y', { about: 0, order: 1 })).toThrow(/opts.variable/);
    const t = taylor('x*y', { about: 1, order: 1, variable: 'x' });
    expect(t.polynomial.toString()).toBe('y + y*(x - 1)');
    expect(t.evaluate({ x: 3, y: 2 })).toBe(6);
    expect(t.terms[0]?.value).toBeNaN();
  });

  it('taylor(expr, opts) names what is wrong with its options (D17)', () => {
    expect(() => taylor('x^2', { about: {}, order: 2 })).toThrow(/opts.about is an empty record: expected at least one variable/);
    expect(() => taylor('x', { about: 0, order: 1e6 })).toThrow(/opts.order = 1000000 is too large: expected at most 200/);
    expect(() => taylor('x', { about: 0, order: 2.5 })).toThrow(/opts.order = 2.5: expected an integer ≥ 0/);
    expect(() => taylor('x', { about: NaN, order: 2 })).toThrow(/opts.about = NaN: expected a finite number/);
    expect(() => taylor('x', { about: { x: '1' } as never, order: 2 })).toThrow(/opts.about.x is the string "1"/);
    expect(() => taylor('x', { about: 0, oder: 2 } as never)).toThrow(/unknown option "oder"; did you mean "order"\?/);
    expect(() => taylor('x', undefined as never)).toThrow(/expected options \{ about, order \}/);
    expect(() => taylor('a+b+c+d+f+g+h+k+m+n', { about: { a: 0, b: 0, c: 0, d: 0, f: 0, g: 0, h: 0, k: 0, m: 0, n: 0 }, order: 9 })).toThrow(/terms: expected at most 20000/);
  });

  it('taylor(...).evaluate(at) and .remainder(at, opts) check their arguments (D17)', () => {
    const t = taylor('exp(x)', { about: 0, order: 3 });
    expect(() => t.evaluate('1' as never)).toThrow(/expected a number or a record of numbers such as \{ x: 1 \}, got the string "1"/);
    expect(() => t.evaluate({ y: 1 } as never)).toThrow(/no number for "x"/);
    expect(() => t.remainder(1, { sample: 10 } as never)).toThrow(/unknown option "sample"; did you mean "samples"\?/);
    expect(() => t.remainder(1, { samples: 0 })).toThrow(/opts.samples = 0/);
    expect(t.evaluate({ x: 1 })).toBeCloseTo(1 + 1 + 1 / 2 + 1 / 6, 14);
  });
});

