import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartView } from './chart.js';

/**
 * Redraws a chart in place from a complete configuration of the same type: datasets,
 * options (axes, legend) and inline plugins (such as the histogram's χ² label) are swapped
 * and the chart updated without animation — no new Chart, canvas or resize observer, which
 * keeps a slider drag well inside a frame. The first call renders.
 *
 * @example
 * ```ts
 * updateChart(histView, histogramChart({ centers, heights, model }));
 * ```
 */
export function updateChart(view: ChartView, config: ChartConfiguration): void {
  view.update(config, 'all');
}

/**
 * Redraws a chart with new datasets in place when it already exists (no new Chart, no
 * re-layout of the axes), else renders the full configuration. Slider drags use this so a
 * redraw stays well inside a frame.
 *
 * @example
 * ```ts
 * updateDatasets(view, config); // first call renders, later calls swap datasets
 * ```
 */
export function updateDatasets(view: ChartView, config: ChartConfiguration<'scatter', { x: number; y: number }[]>): void {
  view.update(config as unknown as ChartConfiguration, 'datasets');
}

/** A chart.js line-with-markers dataset for a path of points. */
export function pathDataset(label: string, xs: readonly number[], ys: readonly number[], color: string, extra: Partial<ChartDataset<'scatter', { x: number; y: number }[]>> = {}): ChartDataset<'scatter', { x: number; y: number }[]> {
  return {
    label,
    data: xs.map((x, i) => ({ x, y: ys[i] ?? Number.NaN })),
    parsing: false,
    showLine: true,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 2.5,
    order: 0,
    ...extra,
  };
}

/**
 * Shows the legend for datasets whose index is at least `from` (contour lines come first
 * and stay out of the legend).
 *
 * @example
 * ```ts
 * legendFrom(config, lineCount);
 * ```
 */
export function legendFrom<C extends ChartConfiguration<'scatter', { x: number; y: number }[]>>(config: C, from: number): C {
  const plugins = (config.options ??= {}).plugins ??= {};
  plugins.legend = { display: true, labels: { filter: (item) => (item.datasetIndex ?? 0) >= from } };
  return config;
}
