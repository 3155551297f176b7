import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions, pickAxes } from './axes.js';
import { courseColors } from './colors.js';
import { PlotInputError } from './errors.js';
import { formatValue } from './format.js';
import { labelsPlugin } from './plugins.js';
import type { AxesOptions, Range } from './types.js';
import { finiteArray, positiveOption, validRange } from './validate.js';
import { AXES_OPTION_NAMES } from './axes.js';
import { rejectUnknownOptions } from './options.js';

const INPUT_NAMES = [...AXES_OPTION_NAMES, 'centers', 'heights', 'model', 'chiSquared', 'labelAt', 'curveStep', 'curveColor'] as const;

/**
 * The most points the model curve of {@link histogramChart} is sampled at. The default step
 * (0.1) widens to fit a wide x range; an explicit `curveStep` that needs more is refused.
 *
 * @example
 * ```ts
 * const config = histogramChart({ centers: [170], heights: [0.05], model: () => 0.04, xRange: [0, 1e6] });
 * config.data.datasets[3]?.data.length; // 10000 samples (MAX_CURVE_SAMPLES), not 10 million
 * ```
 */
export const MAX_CURVE_SAMPLES = 10_000;

/**
 * Input of {@link histogramChart}: bin centres and heights, and the model density.
 *
 * @example
 * ```ts
 * const input: HistogramInput = { centers: [161.25, 163.75], heights: [0.012, 0.005], model: (x) => gaussian(x, 178, 7.5) };
 * ```
 */
export interface HistogramInput extends AxesOptions {
  /** Bin centres, evenly spaced by the bin width (bars are as wide as the closest two centres). */
  readonly centers: ArrayLike<number>;
  /** Bin heights (the data), one per centre. */
  readonly heights: ArrayLike<number>;
  /** The model, evaluated at the centres for the bar colours and along x for its curve. */
  readonly model: (x: number) => number;
  /**
   * The value shown as "χ² = …". Defaults to Σ (heights[i] − model(centers[i]))², the course's
   * χ²; `false` hides the label.
   */
  readonly chiSquared?: number | false;
  /** Where the label's left edge sits, in data coordinates. Defaults to 2.5 % in from the top-left corner. */
  readonly labelAt?: readonly [x: number, y: number];
  /**
   * Spacing of the model curve's samples along x. Defaults to 0.1 (the course's step), widened
   * to span / (MAX_CURVE_SAMPLES − 1) on a range wider than 999.9.
   */
  readonly curveStep?: number;
  /** Model curve colour; defaults to the ink colour (the course draws it white on blue). */
  readonly curveColor?: string;
}

/**
 * A floating bar of {@link histogramChart}: from `y[0]` up to `y[1]` at bin centre `x`.
 *
 * @example
 * ```ts
 * const magentaPart: BarSpan = { x: 161.25, y: [0.0125, 0.026] }; // data 0.0125, model 0.026
 * ```
 */
export interface BarSpan {
  x: number;
  y: [number, number];
}

const DEFAULT_X: Range = [130, 210];
const DEFAULT_Y: Range = [0, 0.08];

function modelAt(model: (x: number) => number, x: number, where: string): number {
  const value = model(x);
  if (!Number.isFinite(value)) {
    throw new PlotInputError(`${where}: model(${x}) is ${value}; expected the model to be finite across the plot`, 'model');
  }
  return value;
}

/**
 * The course's histogram-with-model figure (COURSE.md §2.6): each bin drawn as bars of the
 * bin width at its centre, split by colour — the overlap of data and model in green, where
 * the model exceeds the data in magenta, where the data exceed the model in orange — the
 * model as a curve, and "χ² = …" in the top-left corner. Axes default to the course's
 * x 130–210 and y 0–0.08 (override with `xRange`/`yRange`) and labels `x`, `f(x)`.
 *
 * Throws {@link PlotInputError} for empty or non-finite data, mismatched lengths, or a
 * model that is not finite at a centre or along the curve.
 *
 * @example
 * ```ts
 * const gaussian = (x: number) => Math.exp(-((x - 178.5) ** 2) / (2 * 7.55 ** 2)) / (7.55 * Math.sqrt(2 * Math.PI));
 * const config = histogramChart({ centers, heights, model: gaussian });
 * ```
 */
export function histogramChart(input: HistogramInput): ChartConfiguration<'bar' | 'line', (BarSpan | { x: number; y: number })[]> {
  const where = 'histogramChart';
  if (input == null || typeof input !== 'object') {
    throw new TypeError(`${where}: input must be an object { centers, heights, model }, got ${String(input)}`);
  }
  rejectUnknownOptions(where, input, INPUT_NAMES);
  const centers = finiteArray(where, 'centers', input.centers);
  const heights = finiteArray(where, 'heights', input.heights);
  if (centers.length !== heights.length) {
    throw new PlotInputError(
      `${where}: centers has ${centers.length} values but heights has ${heights.length}; expected one height per centre`,
      'heights',
    );
  }
  if (typeof input.model !== 'function') {
    throw new TypeError(`${where}: model must be a function (x) => number, got ${typeof input.model}`);
  }
  const xRange = validRange(where, 'xRange', input.xRange ?? DEFAULT_X);
  const yRange = validRange(where, 'yRange', input.yRange ?? DEFAULT_Y);
  const span = xRange[1] - xRange[0];
  const step = positiveOption(where, 'curveStep', input.curveStep, Math.max(0.1, span / (MAX_CURVE_SAMPLES - 1)));
  if (Math.floor(span / step) + 1 > MAX_CURVE_SAMPLES) {
    throw new RangeError(
      `${where}: option curveStep ${step} over xRange [${xRange[0]}, ${xRange[1]}] makes ${Math.floor(span / step) + 1} samples; expected at most ${MAX_CURVE_SAMPLES} (MAX_CURVE_SAMPLES): use a curveStep of at least ${span / (MAX_CURVE_SAMPLES - 1)}`,
    );
  }

  const overlap: BarSpan[] = [];
  const modelAbove: BarSpan[] = [];
  const dataAbove: BarSpan[] = [];
  let chiSquared = 0;
  centers.forEach((x, i) => {
    const data = heights[i] as number;
    const model = modelAt(input.model, x, where);
    chiSquared += (data - model) ** 2;
    overlap.push({ x, y: [0, Math.min(data, model)] });
    if (model > data) modelAbove.push({ x, y: [data, model] });
    if (data > model) dataAbove.push({ x, y: [model, data] });
  });

  const samples = Math.min(MAX_CURVE_SAMPLES, Math.floor(span / step) + 1);
  const curve = Array.from({ length: samples }, (_, k) => {
    const x = xRange[0] + k * step;
    return { x, y: modelAt(input.model, x, where) };
  });

  const bar = (label: string, data: BarSpan[], color: string): ChartDataset<'bar', BarSpan[]> => ({
    type: 'bar',
    label,
    data,
    backgroundColor: color,
    borderWidth: 0,
    // One bar per centre, spanning the full spacing, and the three colours stacked in place.
    barPercentage: 1,
    categoryPercentage: 1,
    grouped: false,
    order: 1,
  });
  const datasets = [
    bar('data ∩ model', overlap, courseColors.green),
    bar('model > data', modelAbove, courseColors.magenta),
    bar('data > model', dataAbove, courseColors.orange),
    {
      type: 'line' as const,
      label: 'model',
      data: curve,
      borderColor: input.curveColor ?? courseColors.ink,
      backgroundColor: input.curveColor ?? courseColors.ink,
      borderWidth: 2,
      pointRadius: 0,
      order: 0,
    },
  ];

  const shown = input.chiSquared ?? chiSquared;
  if (shown !== false && !Number.isFinite(shown)) {
    throw new RangeError(`${where}: option chiSquared must be a finite number or false, got ${shown}`);
  }
  const labelAt = input.labelAt ?? [
    xRange[0] + 0.025 * (xRange[1] - xRange[0]),
    yRange[0] + 0.925 * (yRange[1] - yRange[0]),
  ];
  const plugins =
    shown === false ? [] : [labelsPlugin([{ x: labelAt[0], y: labelAt[1], text: `χ² = ${formatValue(shown)}`, color: courseColors.ink }])];

  const options = baseOptions(
    where,
    { xLabel: 'x', yLabel: 'f(x)', ...pickAxes(input), xRange, yRange },
    {},
    { show: false },
  );
  const x = options.scales?.['x'];
  // Bar charts pad the x axis by half a bar; the course's axes end exactly at xRange.
  if (x !== undefined) Object.assign(x, { offset: false, grid: { offset: false } });
  return {
    type: 'bar',
    data: { datasets } as ChartConfiguration<'bar' | 'line', (BarSpan | { x: number; y: number })[]>['data'],
    options: options as ChartConfiguration<'bar' | 'line'>['options'],
    plugins,
  };
}
