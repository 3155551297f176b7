import { describe, expect, it } from 'vitest';
import { courseColors, lineChart, PlotInputError, scatterChart } from './index.js';
import { renderPng } from './node.js';
import { countNear, decodePng, hexToRgb } from './test-png.js';

const iterations = Array.from({ length: 200 }, (_, i) => i + 1);
const cost = iterations.map((i) => 0.25 * Math.exp(-i / 40) + 1e-4);

describe('lineChart', () => {
  it('lineChart(series, { yScale: "log" }) renders a cost curve in orange on a log axis', async () => {
    const config = lineChart([{ x: iterations, y: cost, label: 'cost' }], {
      xLabel: 'iteration',
      yLabel: 'cost',
      yScale: 'log',
    });
    expect(config.options?.scales?.['y']?.type).toBe('logarithmic');
    const pixels = await decodePng(await renderPng(config, { width: 480, height: 320 }));
    expect([pixels.width, pixels.height]).toEqual([480, 320]);
    expect(countNear(pixels, hexToRgb(courseColors.orange))).toBeGreaterThan(300);
    expect(countNear(pixels, hexToRgb(courseColors.magenta))).toBe(0);
  });

  it('lineChart(series) colours series from the course palette in order unless given', () => {
    const config = lineChart([
      { x: [0, 1], y: [0, 1] },
      { x: [0, 1], y: [1, 0] },
      { x: [0, 1], y: [1, 1], color: '#123456' },
    ]);
    expect(config.data.datasets.map((d) => d.borderColor)).toEqual([courseColors.orange, courseColors.magenta, '#123456']);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  it('lineChart(series) copies the data into {x, y} points in order', () => {
    const config = lineChart([{ x: new Float64Array([3, 1, 2]), y: [30, 10, 20] }]);
    expect(config.data.datasets[0]?.data).toEqual([
      { x: 3, y: 30 },
      { x: 1, y: 10 },
      { x: 2, y: 20 },
    ]);
  });

  it.each([
    ['no series', [], /series is empty/],
    ['an empty series', [{ x: [], y: [] }], /series\[0\]\.x is empty/],
    ['NaN', [{ x: [0, 1, 2], y: [0, Number.NaN, 2] }], /series\[0\]\.y\[1\] is NaN; expected a finite number/],
    ['Infinity', [{ x: [0, Infinity], y: [0, 1] }], /series\[0\]\.x\[1\] is Infinity/],
    ['mismatched lengths', [{ x: [0, 1], y: [0] }, { x: [0, 1, 2], y: [0, 1] }], /series\[0\]\.x has 2 values but series\[0\]\.y has 1/],
  ])('lineChart rejects %s with a PlotInputError naming the argument', (_, series, message) => {
    expect(() => lineChart(series)).toThrow(PlotInputError);
    expect(() => lineChart(series)).toThrow(message);
  });

  it('lineChart rejects values ≤ 0 on a log axis, naming the index', () => {
    const attempt = () => lineChart([{ x: [1, 2, 3], y: [1, 0, 2] }], { yScale: 'log' });
    expect(attempt).toThrow(/series\[0\]\.y\[1\] is 0, which a log axis cannot show/);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(PlotInputError);
      expect((error as PlotInputError).argument).toBe('series[0].y');
      expect((error as PlotInputError).index).toBe(1);
    }
  });

  it('lineChart rejects bad options, naming them', () => {
    const series = [{ x: [0, 1], y: [0, 1] }];
    expect(() => lineChart(series, { xRange: [1, 0] })).toThrow(/xRange is \[1, 0\]/);
    expect(() => lineChart(series, { yScale: 'sqrt' as 'log' })).toThrow(/option yScale must be 'linear' or 'log'/);
    expect(() => lineChart([{ x: [1, 2], y: [1, 2] }], { yScale: 'log', yRange: [0, 1] })).toThrow(/yRange starts at 0/);
  });
});

describe('scatterChart', () => {
  it('scatterChart(series) renders unconnected markers in the series colour', async () => {
    const config = scatterChart([{ x: [1, 2, 3, 4, 5], y: [1, 4, 9, 16, 25], color: courseColors.green, pointRadius: 6 }]);
    expect(config.data.datasets[0]?.showLine).toBe(false);
    const pixels = await decodePng(await renderPng(config, { width: 400, height: 300 }));
    expect(countNear(pixels, hexToRgb(courseColors.green))).toBeGreaterThan(100);
  });

  it.each([
    [() => lineChart([{ x: [0, 1], y: [1, 2] }], { ylabel: 'cost' } as never), /lineChart: unknown option "ylabel"; did you mean "yLabel"\?/],
    [() => lineChart([{ x: [0, 1], y: [1, 2] }], { yscale: 'log' } as never), /did you mean "yScale"/],
    [() => lineChart([{ x: [0, 1], y: [1, 2], colour: 'red' } as never]), /lineChart: series\[0\]: unknown option "colour"; did you mean "color"\?/],
    [() => scatterChart([{ x: [0, 1], y: [1, 2] }, { x: [0], y: [1], radius: 3 } as never]), /scatterChart: series\[1\]: unknown option "radius"/],
  ])('%s rejects the misspelt option by name instead of drawing with the default', (build, message) => {
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
  });
});
