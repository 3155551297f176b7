import { describe, expect, it } from 'vitest';
import { courseColors, MAX_DRAWN_SNAPSHOTS, PlotInputError, trainingChart, withAlpha } from './index.js';
import { renderPng } from './node.js';
import { countNear, decodePng, hexToRgb } from './test-png.js';

// The assignment's heart curve (COURSE.md §1.5), 100 points in the unit square.
const t = Array.from({ length: 100 }, (_, i) => (2 * Math.PI * i) / 100);
const heart = {
  x: t.map((s) => ((16 * Math.sin(s) ** 3) / 20 + 1) / 2),
  y: t.map((s) => ((13 * Math.cos(s) - 5 * Math.cos(2 * s) - 2 * Math.cos(3 * s) - Math.cos(4 * s)) / 20 + 1) / 2),
};
const shrunk = (k: number) => ({ x: heart.x.map((v) => 0.5 + (v - 0.5) * k), y: heart.y.map((v) => 0.5 + (v - 0.5) * k) });
const snapshots = [0.2, 0.35, 0.5, 0.65].map(shrunk);

describe('trainingChart', () => {
  it('trainingChart({ target, snapshots, final }) renders green target, faint magenta snapshots and orange final', async () => {
    const config = trainingChart({ target: heart, snapshots, final: shrunk(0.85) });
    const pixels = await decodePng(await renderPng(config, { width: 480, height: 480 }));
    expect([pixels.width, pixels.height]).toEqual([480, 480]);
    expect(countNear(pixels, hexToRgb(courseColors.green), 40)).toBeGreaterThan(300);
    expect(countNear(pixels, hexToRgb(courseColors.orange))).toBeGreaterThan(300);
    // Magenta at alpha 0.1 over white is (255, 229.5, 255).
    expect(countNear(pixels, [255, 230, 255], 10)).toBeGreaterThan(300);
    expect(countNear(pixels, hexToRgb(courseColors.magenta))).toBe(0);
  });

  it('trainingChart styles the curves as the course does and defaults to [0, 1]² with aspect 1', () => {
    const config = trainingChart({ target: heart, snapshots, final: shrunk(0.85) });
    const [final, target, first] = config.data.datasets;
    expect(final).toMatchObject({ borderColor: courseColors.orange, borderWidth: 2.5, label: 'final output' });
    expect(target).toMatchObject({ borderColor: courseColors.green, borderWidth: 1.5, label: 'training data' });
    expect(first).toMatchObject({ borderColor: withAlpha(courseColors.magenta, 0.1), borderWidth: 2 });
    expect(config.data.datasets).toHaveLength(6);
    expect(config.options?.scales?.['x']).toMatchObject({ min: 0, max: 1 });
    expect(config.options?.scales?.['y']).toMatchObject({ min: 0, max: 1 });
    expect(config.options?.aspectRatio).toBe(1);
  });

  it.each([
    ['an empty target', { target: { x: [], y: [] } }, /target\.x is empty/],
    ['a NaN in a snapshot', { target: heart, snapshots: [heart, { x: [0.5, Number.NaN], y: [0.5, 0.5] }] }, /snapshots\[1\]\.x\[1\] is NaN/],
    ['a mismatched final curve', { target: heart, final: { x: [0.1, 0.2], y: [0.1] } }, /final\.x has 2 values but final\.y has 1/],
  ])('trainingChart rejects %s with a PlotInputError', (_, input, message) => {
    expect(() => trainingChart(input)).toThrow(PlotInputError);
    expect(() => trainingChart(input)).toThrow(message);
  });

  it('trainingChart rejects a snapshot alpha outside (0, 1]', () => {
    expect(() => trainingChart({ target: heart, snapshotAlpha: 0 })).toThrow(/option snapshotAlpha must be in \(0, 1\], got 0/);
  });

  it('trainingChart rejects unknown input keys, naming the closest', () => {
    expect(() => trainingChart({ target: heart, snapshot: snapshots } as never)).toThrow(/trainingChart: unknown option "snapshot"; did you mean "snapshots"\?/);
  });

  it('trainingChart draws at most MAX_DRAWN_SNAPSHOTS snapshots, thinned evenly with the first and last kept', () => {
    const many = Array.from({ length: 50_001 }, (_, k) => shrunk(0.2 + (0.6 * k) / 50_000));
    const config = trainingChart({ target: heart, snapshots: many, final: heart });
    const drawn = config.data.datasets.slice(2);
    expect(drawn).toHaveLength(MAX_DRAWN_SNAPSHOTS);
    expect(drawn[0]!.data[0]).toEqual({ x: many[0]!.x[0], y: many[0]!.y[0] });
    expect(drawn.at(-1)!.data[0]).toEqual({ x: many.at(-1)!.x[0], y: many.at(-1)!.y[0] });
    expect(drawn.at(-1)!.label).toBe('snapshot 50001');
  });
});
