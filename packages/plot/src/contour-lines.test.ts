import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contourLevels, contourLines, MAX_CONTOUR_LEVELS, MAX_GRID_POINTS, PlotInputError, sampleGrid } from './index.js';

const bowl = sampleGrid((x, y) => x * x + y * y, [-2, 2], [-2, 2], 81, 81);

describe('contourLines', () => {
  it('contourLines(grid, [1]) of x² + y² is one closed polyline on the unit circle', () => {
    const lines = contourLines(bowl, [1]);
    expect(lines).toHaveLength(1);
    const [circle] = lines;
    expect(circle?.level).toBe(1);
    const points = circle?.points ?? [];
    expect(points.length).toBeGreaterThan(50);
    expect(points[0]).toEqual(points[points.length - 1]);
    for (const p of points) expect(Math.hypot(p.x, p.y)).toBeCloseTo(1, 3);
  });

  it('contourLines(grid, levels) puts every point where f equals its level, up to interpolation error', () => {
    // Linear interpolation along a grid edge of spacing h errs by at most h²·f''/8 = 0.05²·2/8.
    const bound = (0.05 ** 2 * 2) / 8 + 1e-12;
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 3.9, noNaN: true }), (level) => {
        const lines = contourLines(bowl, [level]);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          for (const p of line.points) {
            expect(Math.abs(p.x * p.x + p.y * p.y - level)).toBeLessThanOrEqual(bound);
            expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(2);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('contourLines(grid, levels) cuts the frame d3 adds around the grid, so lines end on its edges', () => {
    const plane = sampleGrid((x) => x, [0, 1], [0, 1], 11, 11);
    const lines = contourLines(plane, [0.55]);
    expect(lines).toHaveLength(1);
    const points = lines[0]?.points ?? [];
    for (const p of points) expect(p.x).toBeCloseTo(0.55, 12);
    const ys = points.map((p) => p.y);
    expect(Math.min(...ys)).toBeCloseTo(0, 12);
    expect(Math.max(...ys)).toBeCloseTo(1, 12);
  });

  it('contourLines(grid, n) draws n levels evenly spaced inside the range of the grid', () => {
    const lines = contourLines(bowl, 7);
    const levels = [...new Set(lines.map((l) => l.level))];
    expect(levels).toEqual(contourLevels(bowl.values, 7));
    expect(levels).toHaveLength(7);
  });

  it('contourLines(grid, levels) follows a non-uniform grid through its coordinates', () => {
    const x = [0, 0.1, 0.5, 2];
    const y = [0, 1];
    const values = [...x, ...x]; // f(x, y) = x
    const [line] = contourLines({ x, y, values }, [1.25]);
    for (const p of line?.points ?? []) expect(p.x).toBeCloseTo(1.25, 12);
  });

  it.each([
    ['an empty x', { x: [], y: [0, 1], values: [] }, /grid\.x is empty/],
    ['a single column', { x: [0], y: [0, 1], values: [0, 0] }, /grid\.x has 1 value; expected at least 2/],
    ['descending y', { x: [0, 1], y: [1, 0], values: [0, 0, 0, 0] }, /grid\.y\[1\] = 0 does not exceed/],
    ['too few values', { x: [0, 1], y: [0, 1], values: [0, 0, 0] }, /grid\.values has 3 values; expected .* = 4/],
    ['a NaN value', { x: [0, 1], y: [0, 1], values: [0, 0, Number.NaN, 0] }, /grid\.values\[2\] at \(x = 0, y = 1\) is NaN/],
    ['an infinite value', { x: [0, 1], y: [0, 1], values: [0, Infinity, 0, 0] }, /grid\.values\[1\] .* is Infinity/],
  ])('contourLines(grid, levels) rejects %s with a PlotInputError naming it', (_, grid, message) => {
    expect(() => contourLines(grid, 3)).toThrow(PlotInputError);
    expect(() => contourLines(grid, 3)).toThrow(message);
  });

  it.each([[0], [-1], [2.5], [Number.NaN]])('contourLines(grid, %s) rejects a level count below 1 or fractional', (n) => {
    expect(() => contourLines(bowl, n)).toThrow(RangeError);
    expect(() => contourLines(bowl, n)).toThrow(/levels must be an integer from 1 to 1000 \(MAX_CONTOUR_LEVELS\)/);
  });

  it('contourLines(grid, levels) rejects an empty or non-finite level list', () => {
    expect(() => contourLines(bowl, [])).toThrow(/levels is empty/);
    expect(() => contourLines(bowl, [1, Number.NaN])).toThrow(/levels\[1\] is NaN/);
  });
});

describe('contourLevels', () => {
  it('contourLevels(values, n) spaces n levels evenly strictly inside [min, max]', () => {
    expect(contourLevels([0, 10, 5], 4)).toEqual([2, 4, 6, 8]);
  });
});

describe('sampleGrid', () => {
  it('sampleGrid(f, xRange, yRange, nx, ny) stores f(x[i], y[j]) row-major, endpoints included', () => {
    const grid = sampleGrid((x, y) => 10 * x + y, [150, 200], [2, 35], 101, 67);
    expect(grid.x).toHaveLength(101);
    expect(grid.y).toHaveLength(67);
    expect(grid.x[100]).toBe(200);
    expect(grid.y[66]).toBe(35);
    expect(grid.x[1]).toBeCloseTo(150.5, 12);
    expect(grid.values[3 * 101 + 2]).toBeCloseTo(10 * 151 + 3.5, 9);
  });

  it.each([
    ['nx', 1, 5, /nx must be an integer ≥ 2, got 1/],
    ['ny', 5, 2.5, /ny must be an integer ≥ 2, got 2.5/],
  ])('sampleGrid rejects a bad %s', (_, nx, ny, message) => {
    expect(() => sampleGrid((x) => x, [0, 1], [0, 1], nx, ny)).toThrow(message);
  });

  it('sampleGrid rejects an empty or reversed range, naming it', () => {
    expect(() => sampleGrid((x) => x, [1, 1], [0, 1], 3, 3)).toThrow(/xRange is \[1, 1\]; expected finite \[min, max\] with min < max/);
    expect(() => sampleGrid((x) => x, [0, 1], [0, Infinity], 3, 3)).toThrow(/yRange/);
  });

  it('sampleGrid refuses a grid beyond MAX_GRID_POINTS at once, before taking memory or calling f', () => {
    let calls = 0;
    const f = () => ++calls;
    expect(() => sampleGrid(f, [0, 1], [0, 1], 1e9, 1e9)).toThrow(RangeError);
    expect(() => sampleGrid(f, [0, 1], [0, 1], 1e9, 1e9)).toThrow(
      /sampleGrid: nx × ny = 1000000000 × 1000000000 = 1,000,000,000,000,000,000 points; expected at most 4,194,304 \(MAX_GRID_POINTS, e.g. 2048 × 2048\)/,
    );
    expect(calls).toBe(0);
    expect(sampleGrid(f, [0, 1], [0, 1], 2048, 2048).values.length).toBe(MAX_GRID_POINTS);
  });

  it('contourLines caps the levels at MAX_CONTOUR_LEVELS, counted or listed', () => {
    expect(() => contourLines(bowl, 1e9)).toThrow(/levels must be an integer from 1 to 1000/);
    expect(() => contourLines(bowl, Array.from({ length: MAX_CONTOUR_LEVELS + 1 }, (_, i) => i / 1000))).toThrow(/levels has 1001 values; expected at most 1000/);
    expect(contourLines(bowl, MAX_CONTOUR_LEVELS).length).toBeGreaterThan(0);
  });
});
