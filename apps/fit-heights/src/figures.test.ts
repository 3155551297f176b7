import { describe, expect, it } from 'vitest';
import { contourWindow } from '@slope/models';
import { contourGridSize, MAX_PATH_POINTS, thinPath } from './index.js';

describe('contourGridSize(window, bins)', () => {
  it("is the course's 0.5 cm grid for the course window and 100 bins", () => {
    expect(contourGridSize(contourWindow({ mean: 178.49, sd: 7.545 }), 100)).toEqual({ nx: 101, ny: 67 });
  });

  it('stays within about two million χ² terms and 201 points a side whatever the data', () => {
    // One stray height once made σ 619.5 cm: a 7,435 × 3,717 grid of 621-bin χ² sums.
    const cases = [
      [contourWindow({ mean: 481, sd: 619.5 }), 621],
      [contourWindow({ mean: 170, sd: 1e6 }), 10_000],
      [contourWindow({ mean: 170, sd: 7 }), 10_000],
    ] as const;
    for (const [window, bins] of cases) {
      const { nx, ny } = contourGridSize(window, bins);
      expect(nx).toBeLessThanOrEqual(201);
      expect(ny).toBeLessThanOrEqual(201);
      expect(Math.min(nx, ny)).toBeGreaterThanOrEqual(21);
      expect(nx * ny * bins).toBeLessThanOrEqual(Math.max(2_000_000, 21 * 21 * bins));
    }
  });
});

describe('thinPath(path, limit)', () => {
  it('keeps short paths whole and thins long ones evenly, first and last kept', () => {
    expect(thinPath([1, 2, 3])).toEqual([1, 2, 3]);
    const long = Array.from({ length: 100_001 }, (_, i) => i);
    const thin = thinPath(long);
    expect(thin).toHaveLength(MAX_PATH_POINTS);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(100_000);
    expect(thin.every((v, i) => i === 0 || v > thin[i - 1]!)).toBe(true);
  });
});
