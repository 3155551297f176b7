import type { ChartOptions, ScaleOptionsByType } from 'chart.js';
import type { AxesOptions, AxisScale, Range } from './types.js';
import { positiveOption, validRange } from './validate.js';
import { courseColors } from './colors.js';

/** The option names of {@link AxesOptions}, which every builder accepts. */
export const AXES_OPTION_NAMES = ['title', 'xLabel', 'yLabel', 'xRange', 'yRange', 'xScale', 'yScale', 'aspectRatio'] as const;

type CartesianScale = Partial<ScaleOptionsByType<'linear' | 'logarithmic'>>;

function axis(where: string, name: 'xRange' | 'yRange', scale: AxisScale | undefined, label: string | undefined, range: Range | undefined): CartesianScale {
  const checked = range === undefined ? undefined : validRange(where, name, range);
  if (scale === 'log' && checked !== undefined && checked[0] <= 0) {
    throw new RangeError(`${where}: option ${name} starts at ${checked[0]}, which a log axis cannot show; expected a minimum > 0`);
  }
  return {
    type: scale === 'log' ? 'logarithmic' : 'linear',
    ...(checked === undefined ? {} : { min: checked[0], max: checked[1] }),
    title: { display: label !== undefined, text: label ?? '', color: courseColors.ink },
  } as CartesianScale;
}

function scaleOption(where: string, option: 'xScale' | 'yScale', value: AxisScale | undefined): AxisScale {
  if (value === undefined || value === 'linear' || value === 'log') return value ?? 'linear';
  throw new TypeError(`${where}: option ${option} must be 'linear' or 'log', got ${JSON.stringify(value)}`);
}

/** Validated scales and the plugin/legend options every builder shares. */
export function baseOptions(
  where: string,
  axes: AxesOptions,
  defaults: { xRange?: Range; yRange?: Range; aspectRatio?: number },
  legend: { readonly show: boolean; readonly datasetIndices?: ReadonlySet<number> },
): ChartOptions<'scatter'> {
  const xScale = scaleOption(where, 'xScale', axes.xScale);
  const yScale = scaleOption(where, 'yScale', axes.yScale);
  const aspectRatio = positiveOption(where, 'aspectRatio', axes.aspectRatio ?? defaults.aspectRatio, 2);
  const shown = legend.datasetIndices;
  return {
    aspectRatio,
    scales: {
      x: axis(where, 'xRange', xScale, axes.xLabel, axes.xRange ?? defaults.xRange),
      y: axis(where, 'yRange', yScale, axes.yLabel, axes.yRange ?? defaults.yRange),
    },
    plugins: {
      title: { display: axes.title !== undefined, text: axes.title ?? '', color: courseColors.ink },
      legend: {
        display: legend.show,
        labels: shown === undefined ? {} : { filter: (item) => item.datasetIndex !== undefined && shown.has(item.datasetIndex) },
      },
    },
  };
}

/** The {@link AxesOptions} fields of a builder's input, without its data. */
export function pickAxes(input: AxesOptions): AxesOptions {
  const { title, xLabel, yLabel, xRange, yRange, xScale, yScale, aspectRatio } = input;
  const picked = { title, xLabel, yLabel, xRange, yRange, xScale, yScale, aspectRatio };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as AxesOptions;
}
