import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polynomialFit } from './index.js';

const horner = (c: ArrayLike<number>, x: number) => {
  let s = 0;
  for (let k = c.length - 1; k >= 0; k--) s = s * x + c[k]!;
  return s;
};

describe('polynomialFit', () => {
  it('polynomialFit(x, y, 2) recovers y = x² + 1', () => {
    const fit = polynomialFit([0, 1, 2, 3], [1, 2, 5, 10], 2);
    expect(Array.from(fit.coefficients)).toEqual([expect.closeTo(1, 12), expect.closeTo(0, 12), expect.closeTo(1, 12)]);
    expect(fit.predict(4)).toBeCloseTo(17, 11);
    expect(fit.chiSquared).toBeCloseTo(0, 20);
  });

  it('polynomialFit(x, y, d) recovers any polynomial of degree ≤ d exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 5 }), (coeffs) => {
        const x = Array.from({ length: 12 }, (_, i) => -2 + i * 0.4);
        const y = x.map((xi) => horner(coeffs, xi));
        const fit = polynomialFit(x, y, coeffs.length - 1);
        coeffs.forEach((c, k) => expect(fit.coefficients[k]).toBeCloseTo(c, 8));
        x.forEach((xi, i) => expect(fit.predict(xi)).toBeCloseTo(y[i]!, 9));
      }),
      { numRuns: 60 },
    );
  });

  it('polynomialFit stays accurate where the raw-power normal equations break down (x = 1000…1010, degree 5)', () => {
    const coeffs = [0.5, -1, 2, 0.25, -0.1, 0.01];
    const x = Array.from({ length: 40 }, (_, i) => 1000 + i * 0.25);
    const y = x.map((xi) => horner(coeffs, xi - 1005));
    const fit = polynomialFit(x, y, 5);
    // Relative to the size of y (~1e2): cond of raw powers here is ~1e30, so normal equations give garbage.
    x.forEach((xi, i) => expect(Math.abs(fit.predict(xi) - y[i]!)).toBeLessThan(1e-8));
    expect(fit.chiSquared).toBeLessThan(1e-15);
  });

  it('polynomialFit(x, y, 0) is the mean', () => {
    const fit = polynomialFit([1, 2, 3, 4], [2, 4, 6, 8], 0);
    expect(fit.coefficients[0]).toBeCloseTo(5, 14);
    expect(fit.predict([10, 20])).toEqual(new Float64Array([fit.coefficients[0]!, fit.coefficients[0]!]));
  });

  it('polynomialFit residuals are orthogonal to every basis power (normal equations hold)', () => {
    const x = [0, 0.5, 1.2, 2, 2.1, 3.3, 4];
    const y = [1, -0.3, 2.2, 0.4, 1.9, 3.1, -1];
    const fit = polynomialFit(x, y, 2);
    for (let k = 0; k <= 2; k++) {
      const dot = x.reduce((s, xi, i) => s + fit.residuals[i]! * xi ** k, 0);
      expect(Math.abs(dot)).toBeLessThan(1e-12);
    }
  });

  it.each([
    [[1, 2, 3], [1, 2, 3], -1, /degree/],
    [[1, 2, 3], [1, 2, 3], 1.5, /degree/],
    [[1, 2], [1, 2], 2, /at least 3/],
    [[1, 1, 1, 2], [1, 2, 3, 4], 2, /rank deficient/],
  ])('polynomialFit(%j, %j, %s) throws a RangeError', (x, y, degree, message) => {
    expect(() => polynomialFit(x, y, degree)).toThrow(message);
  });
});
