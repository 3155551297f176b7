import { describe, expect, it } from 'vitest';
import { contourChart, courseColors, PlotInputError, sampleGrid } from './index.js';
import { renderPng } from './node.js';
import { chiSquared } from './test-course-data.js';
import { countNear, decodePng, hexToRgb } from './test-png.js';

// The course's steepest descent on χ²(μ, σ): from (155, 6), aggression 2000, 50 steps (COURSE.md §2.3).
const path = { x: [155, 155.926, 157.277, 158.512, 178.5198], y: [6, 13.319, 15.521, 16.918, 7.5499] };
const grid = sampleGrid(chiSquared, [150, 200], [2, 35], 101, 67);

describe('contourChart', () => {
  it('contourChart({ grid, levels: 20, paths }) renders green isolines, a magenta path and an orange last point', async () => {
    const config = contourChart({ grid, levels: 20, paths: [{ ...path, label: 'steepest descent' }], xLabel: 'μ / cm', yLabel: 'σ / cm' });
    const pixels = await decodePng(await renderPng(config, { width: 600, height: 420 }));
    expect([pixels.width, pixels.height]).toEqual([600, 420]);
    expect(countNear(pixels, hexToRgb(courseColors.green), 60)).toBeGreaterThan(1000);
    expect(countNear(pixels, hexToRgb(courseColors.magenta))).toBeGreaterThan(100);
    expect(countNear(pixels, hexToRgb(courseColors.orange))).toBeGreaterThan(40);
  });

  it('contourChart draws one dataset per level, then each path and its last point', () => {
    const config = contourChart({ grid, levels: 20, paths: [path, { x: [155, 178.5], y: [6, 7.55], label: 'Levenberg–Marquardt' }] });
    const datasets = config.data.datasets;
    expect(datasets).toHaveLength(24);
    expect(datasets.slice(0, 20).every((d) => d.borderColor === courseColors.green && d.showLine === true)).toBe(true);
    expect(datasets[20]).toMatchObject({ borderColor: courseColors.magenta, showLine: true });
    expect(datasets[21]).toMatchObject({ backgroundColor: courseColors.orange, data: [{ x: 178.5198, y: 7.5499 }] });
    expect(datasets[22]).toMatchObject({ borderColor: courseColors.blue, label: 'Levenberg–Marquardt' });
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it('contourChart fits the axes to the grid and sets the axis labels', () => {
    const config = contourChart({ grid, xLabel: 'μ / cm', yLabel: 'σ / cm' });
    expect(config.options?.scales?.['x']).toMatchObject({ min: 150, max: 200, title: { text: 'μ / cm' } });
    expect(config.options?.scales?.['y']).toMatchObject({ min: 2, max: 35, title: { text: 'σ / cm' } });
    expect(config.options?.aspectRatio).toBeCloseTo(50 / 33, 12);
  });

  it('contourChart rejects a non-finite grid, naming the grid point', () => {
    const broken = sampleGrid((x, y) => (x === 1 && y === 0 ? Number.NaN : x + y), [0, 1], [0, 1], 2, 2);
    expect(() => contourChart({ grid: broken })).toThrow(PlotInputError);
    expect(() => contourChart({ grid: broken })).toThrow(/contourChart: grid\.values\[1\] at \(x = 1, y = 0\) is NaN/);
  });

  it('contourChart rejects a bad path and levels < 1', () => {
    expect(() => contourChart({ grid, paths: [{ x: [150, 160], y: [5] }] })).toThrow(/paths\[0\]\.x has 2 values but paths\[0\]\.y has 1/);
    expect(() => contourChart({ grid, paths: [{ x: [], y: [] }] })).toThrow(/paths\[0\]\.x is empty/);
    expect(() => contourChart({ grid, levels: 0 })).toThrow(/levels must be an integer from 1 to 1000 \(MAX_CONTOUR_LEVELS\)/);
  });

  it('contourChart rejects unknown input and path keys, naming the closest', () => {
    expect(() => contourChart({ grid, level: 20 } as never)).toThrow(/contourChart: unknown option "level"; did you mean "levels"\?/);
    expect(() => contourChart({ grid, paths: [{ ...path, lable: 'descent' }] } as never)).toThrow(/contourChart: paths\[0\]: unknown option "lable"; did you mean "label"\?/);
  });
});
