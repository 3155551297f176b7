import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearRegression, polynomialFit } from './index.js';

describe('linearRegression', () => {
  it('linearRegression(x, y) recovers an exact line with χ² = 0', () => {
    const fit = linearRegression([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2, 14);
    expect(fit.intercept).toBeCloseTo(1, 14);
    expect(fit.chiSquared).toBeCloseTo(0, 20);
    expect(fit.rSquared).toBeCloseTo(1, 14);
    expect(fit.predict(10)).toBeCloseTo(21, 13);
    expect(Array.from(fit.predict([0, 1]))).toEqual([expect.closeTo(1, 13), expect.closeTo(3, 13)]);
  });

  it('linearRegression(x, y) gives the course closed form and uncertainties on a hand-computed 5-point example', () => {
    // x̄ = 3, ȳ = 4.2, Sxx = 10, Sxy = 8 → m = 0.8, c = 1.8; residuals 0.4, −0.4, −0.2, 0, 0.2 → χ² = 0.4.
    const fit = linearRegression([1, 2, 3, 4, 5], [3, 3, 4, 5, 6]);
    expect(fit.slope).toBeCloseTo(0.8, 14);
    expect(fit.intercept).toBeCloseTo(1.8, 14);
    expect(fit.chiSquared).toBeCloseTo(0.4, 13);
    const variance = 0.4 / 3;
    expect(fit.sigma).toBeCloseTo(Math.sqrt(variance), 13);
    expect(fit.slopeUncertainty).toBeCloseTo(Math.sqrt(variance / 10), 13);
    expect(fit.interceptUncertainty).toBeCloseTo(Math.sqrt(variance * (1 / 5 + 9 / 10)), 13);
    expect(fit.residuals.reduce((s, r) => s + r, 0)).toBeCloseTo(0, 13);
  });

  it('linearRegression(x, y) minimises χ²: nudging slope or intercept never lowers it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: 3, maxLength: 30 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (points, dm, dc) => {
          const x = points.map((p) => p[0]);
          const y = points.map((p) => p[1]);
          fc.pre(new Set(x).size > 1 && Math.max(...x) - Math.min(...x) > 1e-3);
          const fit = linearRegression(x, y);
          const chi2 = (m: number, c: number) => x.reduce((s, xi, i) => s + (y[i]! - m * xi - c) ** 2, 0);
          expect(chi2(fit.slope + dm, fit.intercept + dc)).toBeGreaterThanOrEqual(fit.chiSquared * (1 - 1e-9) - 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('linearRegression(x, y) agrees with polynomialFit(x, y, 1)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 4, maxLength: 20 }), (y) => {
        const x = y.map((_, i) => i * 0.5 - 3);
        const line = linearRegression(x, y);
        const poly = polynomialFit(x, y, 1);
        expect(poly.coefficients[1]).toBeCloseTo(line.slope, 8);
        expect(poly.coefficients[0]).toBeCloseTo(line.intercept, 8);
        expect(poly.chiSquared).toBeCloseTo(line.chiSquared, 6);
      }),
      { numRuns: 50 },
    );
  });

  it('linearRegression(x, y) with two points fits exactly and reports NaN uncertainties', () => {
    const fit = linearRegression([0, 2], [1, 5]);
    expect(fit.slope).toBe(2);
    expect(fit.slopeUncertainty).toBeNaN();
  });

  it.each([
    [[1, 2, 3], [1, 2], /x has 3 values but y has 2/],
    [[1], [1], /at least 2/],
    [[2, 2, 2], [1, 2, 3], /every x equals 2/],
    [[1, Number.NaN], [1, 2], /x\[1\] is NaN/],
  ])('linearRegression(%j, %j) throws a RangeError', (x, y, message) => {
    expect(() => linearRegression(x, y)).toThrow(message);
  });
});
