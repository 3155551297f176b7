import type { ChartConfiguration } from 'chart.js';
import { seriesChart, type Series, type XY } from './series.js';
import type { AxesOptions } from './types.js';

/**
 * A line chart of one or more series on numeric axes (linear or log). Series are drawn as
 * connected lines without markers, in the order given, coloured from the course palette
 * unless they carry a colour. Throws {@link PlotInputError} for empty series, non-finite
 * values, mismatched `x`/`y` lengths, and values ≤ 0 on a log axis.
 *
 * @example
 * ```ts
 * const config = lineChart(
 *   [{ x: iterations, y: costs, label: 'cost' }],
 *   { xLabel: 'iteration', yLabel: 'cost', yScale: 'log' },
 * );
 * ```
 */
export function lineChart(series: readonly Series[], options: AxesOptions = {}): ChartConfiguration<'scatter', XY[]> {
  return seriesChart('lineChart', series, options, { showLine: true, pointRadius: 0, width: 2 });
}
