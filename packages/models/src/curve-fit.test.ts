import { ParseError } from '@slope/symbolic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveFit, fitGaussian, heights, linearRegression } from './index.js';

const xs = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4];

describe('curveFit', () => {
  it("curveFit('a*exp(-b*x)', x, y, p0) recovers a and b from exact data", () => {
    const y = xs.map((t) => 3 * Math.exp(-0.5 * t));
    const fit = curveFit('a*exp(-b*x)', xs, y, { a: 1, b: 1 });
    expect(fit.names).toEqual(['a', 'b']);
    expect(fit.values.a).toBeCloseTo(3, 9);
    expect(fit.values.b).toBeCloseTo(0.5, 9);
    expect(fit.converged).toBe(true);
    expect(fit.chiSquared).toBeLessThan(1e-20);
    expect(fit.predict(10)).toBeCloseTo(3 * Math.exp(-5), 9);
    expect(fit.path[0]).toEqual(new Float64Array([1, 1]));
  });

  it('curveFit(expression) takes p0 as an array in the sorted order of the free symbols', () => {
    const y = xs.map((t) => 2 * (1 - Math.exp(-0.7 * t * t)));
    // The quiz's model y = a1(1 − e^(−a2 x²)) (COURSE.md §3.6).
    const fit = curveFit('a1*(1 - exp(-a2*x^2))', xs, y, [1, 1]);
    expect(fit.names).toEqual(['a1', 'a2']);
    expect(Array.from(fit.parameters)).toEqual([expect.closeTo(2, 9), expect.closeTo(0.7, 9)]);
  });

  it('curveFit(function) with numeric derivatives agrees with the expression model', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (a, b) => {
        const y = xs.map((t, i) => a * Math.exp(-b * t) + 0.01 * Math.sin(7 * i));
        const symbolic = curveFit('a*exp(-b*x)', xs, y, [1, 0.5]);
        const numeric = curveFit((t, p) => p[0]! * Math.exp(-p[1]! * t), xs, y, [1, 0.5]);
        expect(numeric.names).toEqual(['p0', 'p1']);
        expect(numeric.parameters[0]).toBeCloseTo(symbolic.parameters[0]!, 6);
        expect(numeric.parameters[1]).toBeCloseTo(symbolic.parameters[1]!, 6);
      }),
      { numRuns: 15 },
    );
  });

  it("curveFit('m*x + c') gives linearRegression's line and its uncertainties (covariance scaled by χ²/(n − 2))", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const line = linearRegression(x, y);
    const fit = curveFit('m*x + c', x, y, { m: 0, c: 0 });
    expect(fit.values.m).toBeCloseTo(line.slope, 7);
    expect(fit.values.c).toBeCloseTo(line.intercept, 7);
    expect(fit.chiSquared).toBeCloseTo(line.chiSquared, 9);
    const [c, m] = [fit.uncertainties![0]!, fit.uncertainties![1]!];
    expect(m).toBeCloseTo(line.slopeUncertainty!, 7);
    expect(c).toBeCloseTo(line.interceptUncertainty!, 7);
  });

  it('curveFit with per-point sigma minimises Σ r²/σ² and reports the absolute covariance (AᵀWA)⁻¹', () => {
    const x = [0, 1, 2, 3];
    const y = [1, 2.5, 2.9, 4.4];
    const sigma = [0.1, 0.5, 0.2, 1];
    const fit = curveFit('m*x + c', x, y, { m: 1, c: 1 }, { sigma });
    // Closed-form weighted line: w = 1/σ², with sums S, Sx, Sxx, Sy, Sxy.
    const w = sigma.map((s) => 1 / (s * s));
    const S = w.reduce((a, b) => a + b, 0);
    const Sx = x.reduce((a, xi, i) => a + w[i]! * xi, 0);
    const Sxx = x.reduce((a, xi, i) => a + w[i]! * xi * xi, 0);
    const Sy = y.reduce((a, yi, i) => a + w[i]! * yi, 0);
    const Sxy = x.reduce((a, xi, i) => a + w[i]! * xi * y[i]!, 0);
    const D = S * Sxx - Sx * Sx;
    expect(fit.values.m).toBeCloseTo((S * Sxy - Sx * Sy) / D, 10);
    expect(fit.values.c).toBeCloseTo((Sxx * Sy - Sx * Sxy) / D, 10);
    const chi2 = x.reduce((a, xi, i) => a + ((y[i]! - fit.values.m! * xi - fit.values.c!) / sigma[i]!) ** 2, 0);
    expect(fit.chiSquared).toBeCloseTo(chi2, 12);
    // names are [c, m]: var(c) = Sxx/D, var(m) = S/D, cov = −Sx/D.
    expect(fit.covariance![0]![0]).toBeCloseTo(Sxx / D, 12);
    expect(fit.covariance![1]![1]).toBeCloseTo(S / D, 12);
    expect(fit.covariance![0]![1]).toBeCloseTo(-Sx / D, 12);
  });

  it("curveFit(the Gaussian as an expression) on heights('course') matches fitGaussian", () => {
    const { x, y } = heights('course');
    const fit = curveFit('exp(-(x - mu)^2 / (2*s^2)) / (s*sqrt(2*pi))', x, y, { mu: 170, s: 10 });
    const reference = fitGaussian(x, y, { method: 'levenberg-marquardt', start: [170, 10] });
    expect(fit.values.mu).toBeCloseTo(reference.mu, 6);
    expect(fit.values.s).toBeCloseTo(reference.sigma, 6);
    expect(fit.chiSquared).toBeCloseTo(reference.chiSquared, 12);
  });

  it("curveFit(expression, …, { variable: 't', method: 'gauss-newton' }) fits in another variable", () => {
    const t = [0, 1, 2, 3, 4];
    const fit = curveFit('k*t^2 + x', t, t.map((v) => 0.5 * v * v + 2), { k: 1, x: 0 }, { variable: 't', method: 'gauss-newton' });
    expect(fit.names).toEqual(['k', 'x']);
    expect(fit.values.k).toBeCloseTo(0.5, 10);
    expect(fit.values.x).toBeCloseTo(2, 10);
  });

  it('curveFit throws ParseError for a malformed expression', () => {
    expect(() => curveFit('a*exp(', xs, xs, [1])).toThrow(ParseError);
  });

  it.each([
    ['a*x', [1, 2], /p0 has 2 values; expected 1/],
    ['a*x', { a: 1, q: 2 }, /"q", which is not a parameter/],
    ['a*x + b', { a: 1 }, /p0.b is undefined/],
    ['2*x', [], /no parameters besides x/],
    ['a*x', [Number.NaN], /p0\[0\] \(a\) is NaN/],
  ])('curveFit(%j, x, y, %j) throws a RangeError', (model, p0, message) => {
    expect(() => curveFit(model, xs, xs, p0)).toThrow(message);
  });

  it.each([
    [{ sigma: [1, 2] }, /sigma has 2 values; expected 9/],
    [{ sigma: 0 }, /sigma\[0\] is 0/],
    [{ method: 'steepest' }, /method/],
    [{ maxIterations: 0 }, /maxIterations/],
  ])('curveFit(…, %j) throws a RangeError naming the option', (options, message) => {
    expect(() => curveFit('a*x', xs, xs, [1], options as never)).toThrow(message);
  });
});
