import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions } from './axes.js';
import { courseColors } from './colors.js';
import { PlotInputError } from './errors.js';
import type { AxesOptions, Curve } from './types.js';
import { finiteCurve, positiveOnLogAxis, positiveOption } from './validate.js';
import { AXES_OPTION_NAMES } from './axes.js';
import { rejectUnknownOptions } from './options.js';

const SERIES_KEYS = ['x', 'y', 'label', 'color', 'width', 'pointRadius'] as const;

/**
 * One series of a line or scatter chart: coordinates plus optional legend label, colour,
 * line width (line charts) and point radius.
 *
 * @example
 * ```ts
 * const cost: Series = { x: [0, 1, 2], y: [0.25, 0.1, 0.04], label: 'cost', color: courseColors.orange };
 * ```
 */
export interface Series extends Curve {
  readonly label?: string;
  readonly color?: string;
  /** Line width in pixels. */
  readonly width?: number;
  /** Marker radius in pixels. */
  readonly pointRadius?: number;
}

/** Default colours, in order, for series without a colour of their own. */
export const seriesPalette = [courseColors.orange, courseColors.magenta, courseColors.green, courseColors.blue, courseColors.ink] as const;

/**
 * A point as chart.js's scatter controller stores it (the builders set `parsing: false`).
 *
 * @example
 * ```ts
 * lineChart([{ x: [0, 1], y: [2, 3] }]).data.datasets[0]?.data; // [{ x: 0, y: 2 }, { x: 1, y: 3 }]
 * ```
 */
export interface XY {
  x: number;
  y: number;
}

export function toPoints(x: readonly number[], y: readonly number[]): XY[] {
  return x.map((xi, i) => ({ x: xi, y: y[i] as number }));
}

/** Builds the config of {@link lineChart} and {@link scatterChart}; they differ in style only. */
export function seriesChart(
  where: string,
  series: readonly Series[],
  options: AxesOptions,
  style: { showLine: boolean; pointRadius: number; width: number },
): ChartConfiguration<'scatter', XY[]> {
  if (!Array.isArray(series)) {
    throw new TypeError(`${where}: series must be an array of { x, y } series, got ${typeof series}`);
  }
  if (series.length === 0) {
    throw new PlotInputError(`${where}: series is empty; expected at least one series`, 'series');
  }
  rejectUnknownOptions(where, options, AXES_OPTION_NAMES);
  const datasets = series.map((s, k): ChartDataset<'scatter', XY[]> => {
    const argument = `series[${k}]`;
    if (s != null && typeof s === 'object') rejectUnknownOptions(`${where}: ${argument}`, s, SERIES_KEYS);
    const { x, y } = finiteCurve(where, argument, s);
    positiveOnLogAxis(where, `${argument}.x`, x, options.xScale);
    positiveOnLogAxis(where, `${argument}.y`, y, options.yScale);
    const color = s.color ?? seriesPalette[k % seriesPalette.length] ?? courseColors.ink;
    return {
      label: s.label ?? '',
      data: toPoints(x, y),
      parsing: false,
      showLine: style.showLine,
      borderColor: color,
      backgroundColor: color,
      borderWidth: positiveOption(where, `${argument}.width`, s.width, style.width),
      pointRadius: s.pointRadius ?? style.pointRadius,
    };
  });
  const labelled = new Set(series.flatMap((s, k) => (s.label === undefined ? [] : [k])));
  return {
    type: 'scatter',
    data: { datasets },
    options: baseOptions(where, options, {}, { show: labelled.size > 0, datasetIndices: labelled }),
  };
}
