import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseColors, histogramChart, MAX_CURVE_SAMPLES, PlotInputError, type BarSpan } from './index.js';
import { renderPng } from './node.js';
import { courseCenters, courseHeights, gaussian } from './test-course-data.js';
import { countNear, decodePng, hexToRgb } from './test-png.js';

function bars(config: ReturnType<typeof histogramChart>, index: number): BarSpan[] {
  return (config.data.datasets[index]?.data ?? []) as BarSpan[];
}

describe('histogramChart', () => {
  it('histogramChart({ centers, heights, model }) renders the course figure with green, magenta and orange bars', async () => {
    const config = histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(160, 15) });
    const pixels = await decodePng(await renderPng(config, { width: 640, height: 480 }));
    expect([pixels.width, pixels.height]).toEqual([640, 480]);
    expect(countNear(pixels, hexToRgb(courseColors.green))).toBeGreaterThan(2000);
    expect(countNear(pixels, hexToRgb(courseColors.magenta))).toBeGreaterThan(2000);
    expect(countNear(pixels, hexToRgb(courseColors.orange))).toBeGreaterThan(2000);
    expect(countNear(pixels, hexToRgb(courseColors.ink), 40)).toBeGreaterThan(300);
  });

  it('histogramChart labels χ² = Σ(y − f)², matching the course value 0.0125075 at (160, 15)', () => {
    const labelOf = (config: ReturnType<typeof histogramChart>) =>
      (config.plugins?.[0] as { labels?: { text: string; x: number; y: number }[] } | undefined)?.labels?.[0];
    const course = labelOf(histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(160, 15) }));
    expect(course?.text).toBe('χ² = 0.0125075');
    expect(course?.x).toBeCloseTo(132, 12);
    expect(course?.y).toBeCloseTo(0.074, 12);
    const fitted = labelOf(histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(178.51982, 7.54991) }));
    expect(fitted?.text).toBe('χ² = 0.000439245');
    const given = labelOf(histogramChart({ centers: [1], heights: [1], model: () => 1, chiSquared: 0.5, labelAt: [2, 3] }));
    expect(given).toMatchObject({ text: 'χ² = 0.5', x: 2, y: 3 });
    expect(histogramChart({ centers: [1], heights: [1], model: () => 1, chiSquared: false }).plugins).toHaveLength(0);
  });

  it('histogramChart uses the course axes by default (x 130–210, y 0–0.08) and lets them be changed', () => {
    const course = histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(178.5, 7.55) });
    expect(course.options?.scales?.['x']).toMatchObject({ type: 'linear', min: 130, max: 210, offset: false });
    expect(course.options?.scales?.['y']).toMatchObject({ min: 0, max: 0.08 });
    const wide = histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(178.5, 7.55), xRange: [50, 300], yRange: [0, 0.1] });
    expect(wide.options?.scales?.['x']).toMatchObject({ min: 50, max: 300 });
    expect(wide.options?.scales?.['y']).toMatchObject({ min: 0, max: 0.1 });
  });

  it('histogramChart splits each bin into min(y, f) in green and |y − f| above it in magenta or orange', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (pairs) => {
          const centers = pairs.map((_, i) => i);
          const heights = pairs.map(([y]) => y);
          const model = (x: number) => pairs[Math.round(x)]?.[1] ?? 0;
          const config = histogramChart({ centers, heights, model, xRange: [-1, pairs.length], yRange: [0, 1] });
          const [overlap, modelAbove, dataAbove] = [bars(config, 0), bars(config, 1), bars(config, 2)];
          expect(overlap).toHaveLength(pairs.length);
          pairs.forEach(([y, f], i) => {
            expect(overlap[i]?.y).toEqual([0, Math.min(y, f)]);
            const above = [...modelAbove, ...dataAbove].filter((b) => b.x === i);
            if (y === f) expect(above).toHaveLength(0);
            else expect(above[0]?.y).toEqual([Math.min(y, f), Math.max(y, f)]);
          });
          expect(modelAbove.every((b) => (pairs[b.x]?.[1] ?? 0) > (pairs[b.x]?.[0] ?? 0))).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('histogramChart colours overlap green, model above data magenta, data above model orange', () => {
    const config = histogramChart({ centers: [1, 2], heights: [0.5, 0.1], model: () => 0.3, xRange: [0, 3], yRange: [0, 1] });
    const colours = config.data.datasets.map((d) => d.backgroundColor);
    expect(colours.slice(0, 3)).toEqual([courseColors.green, courseColors.magenta, courseColors.orange]);
    expect(bars(config, 1)).toEqual([{ x: 2, y: [0.1, 0.3] }]);
    expect(bars(config, 2)).toEqual([{ x: 1, y: [0.3, 0.5] }]);
  });

  it('histogramChart samples the model curve across xRange with curveStep', () => {
    const config = histogramChart({ centers: [0.5], heights: [1], model: (x) => 2 * x, xRange: [0, 1], yRange: [0, 2], curveStep: 0.25 });
    expect(config.data.datasets[3]?.data).toEqual([0, 0.25, 0.5, 0.75, 1].map((x) => ({ x, y: 2 * x })));
  });

  it.each([
    ['empty centres', { centers: [], heights: [] }, /centers is empty/],
    ['NaN heights', { centers: [1, 2], heights: [0.1, Number.NaN] }, /heights\[1\] is NaN/],
    ['mismatched lengths', { centers: [1, 2, 3], heights: [0.1, 0.2] }, /centers has 3 values but heights has 2/],
  ])('histogramChart rejects %s with a PlotInputError', (_, data, message) => {
    const attempt = () => histogramChart({ ...data, model: () => 0 });
    expect(attempt).toThrow(PlotInputError);
    expect(attempt).toThrow(message);
  });

  it('histogramChart rejects a model that is not finite, naming where', () => {
    expect(() => histogramChart({ centers: [150], heights: [0.01], model: (x) => (x > 200 ? Number.NaN : 0) })).toThrow(
      /model\(200\.\d+\) is NaN/,
    );
    expect(() => histogramChart({ centers: [150], heights: [0.01], model: () => 0, chiSquared: Number.NaN })).toThrow(
      /option chiSquared must be a finite number or false/,
    );
  });

  it('histogramChart rejects unknown input keys, naming the closest', () => {
    expect(() => histogramChart({ centers: courseCenters, heights: courseHeights, model: gaussian(160, 15), curvestep: 1 } as never)).toThrow(
      /histogramChart: unknown option "curvestep"; did you mean "curveStep"\?/,
    );
    expect(() => histogramChart({ centres: courseCenters, heights: courseHeights, model: gaussian(160, 15) } as never)).toThrow(/did you mean "centers"/);
  });

  it('histogramChart samples the model curve at most MAX_CURVE_SAMPLES times, whatever the x range', () => {
    const config = histogramChart({ centers: [170, 1e9], heights: [0.01, 0.01], model: () => 0, xRange: [0, 1e12] });
    const curve = config.data.datasets[3]?.data ?? [];
    expect(curve.length).toBeLessThanOrEqual(MAX_CURVE_SAMPLES);
    expect(curve.length).toBeGreaterThan(MAX_CURVE_SAMPLES - 2);
    expect(() => histogramChart({ centers: [170], heights: [0.01], model: () => 0, curveStep: 1e-9 })).toThrow(
      /option curveStep 1e-9 over xRange \[130, 210\] makes 80000000001 samples; expected at most 10000 \(MAX_CURVE_SAMPLES\): use a curveStep of at least 0.008/,
    );
  });
});
