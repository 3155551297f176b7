import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { histogramMoments } from './index.js';

describe('histogramMoments(centres, heights)', () => {
  it('histogramMoments(centres, heights) weights each centre by its height', () => {
    const { mean, sd } = histogramMoments([1, 2, 3], [1, 2, 1]);
    expect(mean).toBe(2);
    expect(sd).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('histogramMoments(centres, heights) matches the sample moments of the expanded data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 100, max: 220 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 12 }), (bins) => {
        fc.pre(bins.some(([, n]) => n > 0));
        const raw = bins.flatMap(([c, n]) => Array.from({ length: n }, () => c));
        const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
        const sd = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / raw.length);
        const got = histogramMoments(bins.map(([c]) => c), bins.map(([, n]) => n));
        expect(got.mean).toBeCloseTo(mean, 9);
        expect(got.sd).toBeCloseTo(sd, 9);
      }),
    );
  });

  test.each([
    [[1, 2], [1], /2 centres but 1 heights/],
    [[1, 2], [1, -1], /heights\[1\] is -1/],
    [[1, 2], [1, Number.NaN], /heights\[1\] is NaN/],
    [[1, 2], [0, 0], /every height is 0/],
  ])('histogramMoments(%j, %j) throws a RangeError', (centres, heights, message) => {
    expect(() => histogramMoments(centres, heights)).toThrow(RangeError);
    expect(() => histogramMoments(centres, heights)).toThrow(message);
  });
});
