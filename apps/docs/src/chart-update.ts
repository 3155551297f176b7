import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
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
  const chart = view.chart();
  if (chart === undefined) {
    view.render(config);
    return;
  }
  const plugins = chart.config.plugins as Plugin[] | undefined;
  const next = (config.plugins ?? []) as Plugin[];
  if (plugins === undefined && next.length > 0) {
    // A chart created without inline plugins has no list to swap them into.
    view.render(config);
    return;
  }
  plugins?.splice(0, plugins.length, ...next);
  assignDatasets(chart.data.datasets, config.data.datasets);
  chart.options = { ...(config.options ?? {}), animation: false, responsive: true, maintainAspectRatio: true } as typeof chart.options;
  chart.update('none');
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
  const chart = view.chart();
  if (chart === undefined) {
    view.render(config);
    return;
  }
  assignDatasets(chart.data.datasets, config.data.datasets as ChartDataset[]);
  chart.update('none');
}

/**
 * Copies the next datasets onto the chart's own dataset objects, index by index, and trims or
 * appends the rest. chart.js keys its per-dataset state (meta, controller, elements) on the
 * dataset object, so keeping the objects lets an update reuse them instead of building new
 * controllers for every dataset on every slider move.
 */
export function assignDatasets(current: ChartDataset[], next: readonly ChartDataset[]): void {
  next.forEach((d, i) => {
    const target = current[i] as unknown as Record<string, unknown> | undefined;
    if (target === undefined || target['type'] !== d.type) {
      current[i] = d;
      return;
    }
    for (const key of Object.keys(target)) if (!(key in d)) delete target[key];
    Object.assign(target, d);
  });
  current.length = next.length;
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

function isPowerOfTen(value: number): boolean {
  const e = Math.log10(value);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/**
 * Labels a log axis with powers of ten only (1e-12, 1e-8, …) instead of chart.js's long
 * decimals; other ticks stay unlabelled.
 *
 * @example
 * ```ts
 * view.render(powerOfTenTicks(lineChart(series, { yScale: 'log' }), 'y'));
 * ```
 */
export function powerOfTenTicks<C extends { options?: unknown }>(config: C, ...axes: ('x' | 'y')[]): C {
  const options = (config.options ??= {}) as { scales?: Record<string, { ticks?: Record<string, unknown> }> };
  const scales = (options.scales ??= {});
  for (const axis of axes) {
    const scale = (scales[axis] ??= {}) as { ticks?: Record<string, unknown>; afterBuildTicks?: (s: { ticks: { value: number }[] }) => void };
    // A log axis over many decades has ~9 ticks per decade, each measured and laid out on every
    // update; keeping the decades only makes a redraw while dragging much cheaper.
    scale.afterBuildTicks = (built) => {
      const decades = built.ticks.filter((t) => isPowerOfTen(t.value));
      if (decades.length >= 2) built.ticks = decades;
    };
    scale.ticks = {
      ...(scale.ticks ?? {}),
      autoSkip: true,
      callback: (value: number | string) => {
        return isPowerOfTen(Number(value)) ? `1e${Math.round(Math.log10(Number(value)))}` : '';
      },
    };
  }
  return config;
}
