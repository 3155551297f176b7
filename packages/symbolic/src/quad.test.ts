import { describe, expect, it } from 'vitest';
import { quad, quad2d } from './index.js';
import { kronrod15 } from './quad.js';

describe('kronrod15: the G7–K15 pair', () => {
  it('integrates every polynomial up to degree 22 exactly on one interval (the Kronrod rule\'s degree 3·7 + 1)', () => {
    for (let k = 0; k <= 22; k++) {
      const r = kronrod15((x) => x ** k, -1, 1);
      const exact = k % 2 === 1 ? 0 : 2 / (k + 1);
      expect(Math.abs(r.value - exact), `x^${k}`).toBeLessThan(1e-15);
    }
    // Degree 24 is beyond it: the rule is no longer exact.
    expect(Math.abs(kronrod15((x) => x ** 24, -1, 1).value - 2 / 25)).toBeGreaterThan(1e-10);
  });

  it('the error estimate is 0-floored by rounding and positive when G7 and K15 differ', () => {
    const smooth = kronrod15(Math.exp, 0, 1);
    expect(smooth.error).toBeLessThan(1e-13);
    const rough = kronrod15((x) => Math.sqrt(x), 0, 1);
    expect(rough.error).toBeGreaterThan(1e-6);
    expect(Math.abs(rough.value - 2 / 3)).toBeLessThan(rough.error);
  });
});

describe('quad(f, a, b, opts): adaptive Gauss–Kronrod', () => {
  // Closed forms, including the hard ones the issue names.
  it.each([
    ['sqrt(x) near 0', 'sqrt(x)', 0, 1, 2 / 3],
    ['log(x) at 0', 'log(x)', 0, 1, -1],
    ['1/sqrt(x), integrable singularity', '1/sqrt(x)', 0, 1, 2],
    ['1/(1 + x^2) on (−∞, ∞)', '1/(1 + x^2)', -Infinity, Infinity, Math.PI],
    ['oscillatory sin(50x)', 'sin(50*x)', 0, 1, (1 - Math.cos(50)) / 50],
    ['the Gaussian over ℝ', 'exp(-x^2/2)', -Infinity, Infinity, Math.sqrt(2 * Math.PI)],
    ['exp(−x) on [0, ∞)', 'exp(-x)', 0, Infinity, 1],
    ['exp(x) on (−∞, 0]', 'exp(x)', -Infinity, 0, 1],
    ['a kink: |x − 1/3|', 'abs(x - 1/3)', 0, 1, 5 / 18],
    ['reversed bounds', 'x', 1, 0, -0.5],
  ] as const)('%s: ∫ %s from %s to %s', (_name, f, a, b, exact) => {
    const r = quad(f, a, b);
    expect(r.converged, r.reason).toBe(true);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(Math.max(1e-10, 1e-10 * Math.abs(exact)) * 10);
    // The estimate bounds the actual error (QUADPACK's estimate is pessimistic by design).
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.error + 1e-15);
    expect(r.evaluations % 15).toBe(0);
  });

  it('finds a peak far from 0 on an infinite interval: the heights Gaussian (μ = 155, σ = 6) and others', () => {
    for (const [mu, sigma] of [[155, 6], [178.5, 7.55], [1e4, 30], [-300, 2]] as const) {
      const r = quad((x) => Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma)), -Infinity, Infinity);
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - Math.sqrt(2 * Math.PI) * sigma)).toBeLessThan(1e-8 * sigma);
    }
    const half = quad((x) => Math.exp(-((x - 400) ** 2) / 50), 0, Infinity);
    expect(Math.abs(half.value - Math.sqrt(50 * Math.PI))).toBeLessThan(1e-8);
  });

  it('meets a requested tolerance and spends more evaluations for a tighter one', () => {
    const loose = quad((x) => Math.sqrt(x), 0, 1, { tol: 1e-4, relTol: 0 });
    const tight = quad((x) => Math.sqrt(x), 0, 1, { tol: 1e-12, relTol: 0 });
    expect(loose.converged && tight.converged).toBe(true);
    expect(loose.error).toBeLessThanOrEqual(1e-4);
    expect(tight.error).toBeLessThanOrEqual(1e-12);
    expect(tight.evaluations).toBeGreaterThan(loose.evaluations);
    expect(Math.abs(tight.value - 2 / 3)).toBeLessThan(1e-12);
  });

  it('reports, never hides, a tolerance it cannot meet: converged false with the reason and the best estimate', () => {
    const r = quad('sin(1/x)', 0.001, 1, { maxEvaluations: 300 });
    expect(r.converged).toBe(false);
    expect(r.reason).toMatch(/evaluation budget of 300 ran out with error estimate .* the worst interval is near x = /);
    expect(r.evaluations).toBeLessThanOrEqual(300);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.error).toBeGreaterThan(1e-10);
  });

  it('a jump it cannot resolve below rounding is reported as such', () => {
    const r = quad((x) => (x < Math.SQRT1_2 ? 0 : 1), 0, 1, { tol: 1e-300, relTol: 0, maxEvaluations: 1e6 });
    expect(r.converged).toBe(false);
    expect(r.reason).toMatch(/cannot be subdivided further .* near|around x = 0\.707/);
    expect(Math.abs(r.value - (1 - Math.SQRT1_2))).toBeLessThan(1e-12);
  });

  it('a value of f that is not a number stops the run with the point named', () => {
    const r = quad('log(x)', -1, 1);
    expect(r.converged).toBe(false);
    expect(Number.isNaN(r.value)).toBe(true);
    expect(r.reason).toMatch(/not a finite number at x = 0/);
  });

  it('takes a JS function or an expression in its one variable (or the one named)', () => {
    expect(quad((t) => t * t, 0, 3).value).toBeCloseTo(9, 12);
    expect(quad('t^2', 0, 3).value).toBeCloseTo(9, 12);
    expect(quad('a^2', 0, 3, { variable: 'a' }).value).toBeCloseTo(9, 12);
    expect(() => quad('a*x', 0, 1, { variable: 'a' })).toThrow(/symbols x besides the variable a/);
  });

  it('rejects unknown options by name, bad tolerances and NaN bounds', () => {
    expect(() => quad('x', 0, 1, { tolerance: 1e-3 } as never)).toThrow(/unknown option "tolerance"/);
    expect(() => quad('x', 0, 1, { maxEvaluation: 10 } as never)).toThrow(/unknown option "maxEvaluation"; did you mean "maxEvaluations"\?/);
    expect(() => quad('x', 0, 1, { tol: -1 })).toThrow(/option tol = -1/);
    expect(() => quad('x', 0, 1, { tol: 0, relTol: 0 })).toThrow(/both 0/);
    expect(() => quad('x', NaN, 1)).toThrow(/bounds a = NaN/);
    expect(() => quad('x*y', 0, 1)).toThrow(/symbols y besides the variable x/);
  });
});

describe('quad2d(f, [a, b], [c, d], opts)', () => {
  it('over a rectangle: ∫∫ x·y over [0, 1] × [0, 2] = 1', () => {
    const r = quad2d('x*y', [0, 1], [0, 2]);
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(1, 13);
  });

  it('over a region between curves: the unit disc has area π', () => {
    const r = quad2d(() => 1, [-1, 1], [(x) => -Math.sqrt(1 - x * x), (x) => Math.sqrt(1 - x * x)]);
    expect(r.converged, r.reason).toBe(true);
    expect(Math.abs(r.value - Math.PI)).toBeLessThan(1e-9);
  });

  it('the Gaussian over the plane is π, in Cartesian and in polar coordinates', () => {
    const cartesian = quad2d('exp(-(x^2 + y^2))', [-Infinity, Infinity], [-Infinity, Infinity], { tol: 1e-8 });
    const polar = quad2d('r*exp(-r^2)', [0, Infinity], [0, 2 * Math.PI], { variables: ['r', 't'] });
    expect(cartesian.converged && polar.converged).toBe(true);
    expect(Math.abs(cartesian.value - Math.PI)).toBeLessThan(1e-8);
    expect(Math.abs(polar.value - Math.PI)).toBeLessThan(1e-10);
  });

  it('a triangle below y = x: ∫∫ 1 = 1/2, with reversed x-limits giving the negative', () => {
    expect(quad2d(() => 1, [0, 1], [0, (x) => x]).value).toBeCloseTo(0.5, 13);
    expect(quad2d(() => 1, [1, 0], [0, (x) => x]).value).toBeCloseTo(-0.5, 13);
  });

  it('reports an inner integral that does not converge, and a budget that runs out', () => {
    const r = quad2d((_x, y) => Math.sin(1 / y), [0, 1], [0.001, 1], { maxEvaluations: 2000 });
    expect(r.converged).toBe(false);
    expect(r.reason).toMatch(/inner integral over y at x = .* did not converge|budget/);
  });

  it('rejects unknown options and bad variables', () => {
    expect(() => quad2d('x*y', [0, 1], [0, 1], { variable: 'x' } as never)).toThrow(/unknown option "variable"; did you mean "variables"\?/);
    expect(() => quad2d('x*y', [0, 1], [0, 1], { variables: ['x', 'x'] })).toThrow(/two different names/);
    expect(() => quad2d('x*z', [0, 1], [0, 1])).toThrow(/symbols z/);
    expect(() => quad2d('x', [0, 1], [0, () => NaN])).toThrow(/upper y-limit is NaN/);
  });
});
