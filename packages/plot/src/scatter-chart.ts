import type { ChartConfiguration } from 'chart.js';
import { seriesChart, type Series, type XY } from './series.js';
import type { AxesOptions } from './types.js';

/**
 * A scatter chart: each series drawn as unconnected markers on numeric axes (linear or
 * log). Validation is that of {@link lineChart}.
 *
 * @example
 * ```ts
 * const config = scatterChart([{ x: [1, 2, 3], y: [2, 4, 9], label: 'samples' }], { xLabel: 'x' });
 * ```
 */
export function scatterChart(series: readonly Series[], options: AxesOptions = {}): ChartConfiguration<'scatter', XY[]> {
  return seriesChart('scatterChart', series, options, { showLine: false, pointRadius: 3, width: 1 });
}
