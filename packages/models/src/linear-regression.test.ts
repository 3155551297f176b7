import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensor } from '@slope/autodiff';
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
    expect(fit.uncertaintyNote).toBeNull();
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

  it('linearRegression(x, y) with two points fits exactly and reports the uncertainties as unavailable (null), with the reason', () => {
    const fit = linearRegression([0, 2], [1, 5]);
    expect(fit.slope).toBe(2);
    expect(fit.intercept).toBe(1);
    expect(fit.sigma).toBeNull();
    expect(fit.slopeUncertainty).toBeNull();
    expect(fit.interceptUncertainty).toBeNull();
    expect(fit.uncertaintyNote).toMatch(/0 degrees of freedom/);
    expect(linearRegression([0, 1, 2], [1, 2, 4]).uncertaintyNote).toBeNull();
  });

  it.each([
    // True line y = 1e-200 x (x ≈ 1e200): squares of x overflow to Infinity without scaling.
    [[1e200, 2e200, 3e200], [1, 2, 3], 1e-200, 0],
    [[-3e300, 1e300, 4e300], [-3, 1, 4], 1e-300, 0],
    // Tiny numbers whose squares underflow to 0.
    [[1e-200, 2e-200, 3e-200], [5, 7, 9], 2e200, 3],
    [[1, 2, 3], [2e300, 4e300, 6e300], 2e300, 0],
  ])('linearRegression(%j, %j) scales before summing: slope %s, intercept %s, R² = 1', (x, y, slope, intercept) => {
    const fit = linearRegression(x, y);
    expect(fit.slope / slope).toBeCloseTo(1, 12);
    expect(Math.abs(fit.intercept - intercept)).toBeLessThan(1e-12 * Math.max(1, Math.abs(y[2]!)));
    expect(fit.rSquared).toBeCloseTo(1, 12);
    expect(Number.isFinite(fit.slopeUncertainty!)).toBe(true);
    expect(fit.predict(x[1]!) / y[1]!).toBeCloseTo(1, 12);
  });

  it('linearRegression(x, y) on x ≈ 1e200 with scatter matches the same fit of x / 1e200 (uncertainties included)', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [3, 3, 4, 5, 6];
    const small = linearRegression(x, y);
    const big = linearRegression(x.map((v) => v * 1e200), y);
    expect(big.slope * 1e200).toBeCloseTo(small.slope, 12);
    expect(big.intercept).toBeCloseTo(small.intercept, 12);
    expect(big.chiSquared).toBeCloseTo(small.chiSquared, 12);
    expect(big.slopeUncertainty! * 1e200).toBeCloseTo(small.slopeUncertainty!, 12);
    expect(big.interceptUncertainty).toBeCloseTo(small.interceptUncertainty!, 12);
  });

  it('linearRegression(x · 2^k, y) has exactly the slope 2^−k · m: power-of-two scaling changes no digit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 3, maxLength: 20 }),
        fc.integer({ min: -900, max: 900 }),
        (y, k) => {
          const x = y.map((_, i) => i + 1);
          const base = linearRegression(x, y);
          const scaled = linearRegression(x.map((v) => v * 2 ** k), y);
          expect(scaled.slope).toBe(base.slope * 2 ** -k);
          expect(scaled.intercept).toBe(base.intercept);
          expect(scaled.chiSquared).toBe(base.chiSquared);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('linearRegression accepts 1-D tensors of @slope/autodiff', () => {
    const fit = linearRegression(tensor([0, 1, 2, 3]), tensor([1, 3, 5, 7], [1, 4]));
    expect(fit.slope).toBeCloseTo(2, 14);
    expect(fit.intercept).toBeCloseTo(1, 14);
  });

  it.each([
    [tensor([1, 2, 3, 4], [2, 2]), /x is a tensor of shape \[2, 2\]; expected a vector/],
    [null, /x is null; expected a number\[\], a Float64Array or a tensor of shape \[n\]/],
    ['1,2,3', /x is the string "1,2,3"/],
    [3, /x is number 3/],
  ])('linearRegression(%s, y) throws a TypeError naming the accepted forms', (x, message) => {
    expect(() => linearRegression(x as never, [1, 2, 3, 4])).toThrow(TypeError);
    expect(() => linearRegression(x as never, [1, 2, 3, 4])).toThrow(message);
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
