import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussian, gaussianPartials } from './index.js';

describe('gaussian', () => {
  it('gaussian(x, mu, sigma) is the normal density', () => {
    expect(gaussian(0, 0, 1)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(gaussian(1, 0, 1)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 15);
    expect(gaussian(180, 175, 5)).toBeCloseTo(Math.exp(-0.5) / (5 * Math.sqrt(2 * Math.PI)), 15);
  });

  it('gaussian(array, mu, sigma) maps elementwise', () => {
    const values = gaussian([170, 175, 180], 175, 5);
    expect(values).toBeInstanceOf(Float64Array);
    expect(values[0]).toBeCloseTo(values[2]!, 15);
    expect(values[1]).toBe(gaussian(175, 175, 5));
  });

  it('gaussian(x, mu, sigma) integrates to 1 (trapezoid over ±10σ)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (mu, sigma) => {
        const h = sigma / 50;
        let s = 0;
        for (let x = mu - 10 * sigma; x <= mu + 10 * sigma; x += h) s += gaussian(x, mu, sigma) * h;
        expect(s).toBeCloseTo(1, 4);
      }),
      { numRuns: 20 },
    );
  });

  it('gaussianPartials(x, mu, sigma) matches central differences of gaussian', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 150, max: 200, noNaN: true }),
        fc.double({ min: 160, max: 190, noNaN: true }),
        fc.double({ min: 3, max: 20, noNaN: true }),
        (x, mu, sigma) => {
          const h = 1e-5;
          const { value, dmu, dsigma } = gaussianPartials(x, mu, sigma);
          expect(value).toBe(gaussian(x, mu, sigma));
          expect(dmu).toBeCloseTo((gaussian(x, mu + h, sigma) - gaussian(x, mu - h, sigma)) / (2 * h), 9);
          expect(dsigma).toBeCloseTo((gaussian(x, mu, sigma + h) - gaussian(x, mu, sigma - h)) / (2 * h), 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each([[0], [-1], [Number.NaN]])('gaussian(x, mu, %s) throws a RangeError naming sigma', (sigma) => {
    expect(() => gaussian(0, 0, sigma)).toThrow(/sigma/);
    expect(() => gaussianPartials(0, 0, sigma)).toThrow(RangeError);
  });
});
