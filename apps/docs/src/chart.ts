import { Chart, registerables, type ChartConfiguration, type ChartType, type DefaultDataPoint } from 'chart.js';
import { h } from './dom.js';

let registered = false;

// chart.js keeps its controllers in a global registry; register once, lazily, so that merely
// importing this module from a server-rendered page does nothing.
function ensureRegistered(): void {
  if (registered) return;
  Chart.register(...registerables);
  registered = true;
}

/** A canvas that redraws a chart from a fresh configuration on every {@link ChartView.render}. */
export interface ChartView {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  /** The live chart, once rendered. */
  chart(): Chart | undefined;
  render<T extends ChartType>(config: ChartConfiguration<T, DefaultDataPoint<T>, unknown>): Chart;
  destroy(): void;
}

/**
 * Creates a responsive chart.js canvas for a widget. Each render replaces the chart, because
 * the @slope/plot builders return complete configurations (plugins included); animation is
 * off so that a slider drag shows exactly the current state.
 *
 * @example
 * ```ts
 * const view = chartView('Secant and tangent');
 * root.append(view.el);
 * view.render(lineChart([{ x, y }]));
 * ```
 */
export function chartView(label: string, className = 'slope-chart'): ChartView {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const el = h('div', { class: className }, canvas);
  let current: Chart | undefined;
  return {
    el,
    canvas,
    chart: () => current,
    render(config) {
      ensureRegistered();
      current?.destroy();
      const options = { ...(config.options ?? {}), animation: false as const, responsive: true, maintainAspectRatio: true };
      current = new Chart(canvas, { ...config, options } as ChartConfiguration) as unknown as Chart;
      return current;
    },
    destroy() {
      current?.destroy();
      current = undefined;
    },
  };
}

/**
 * Turns the dataset at `index` of a line chart into unconnected markers (plot's lineChart
 * connects every series; a few charts mix lines with sample points).
 *
 * @example
 * ```ts
 * const config = markersOnly(lineChart([curve, samples]), 1);
 * ```
 */
export function markersOnly<C extends { data: { datasets: { showLine?: boolean }[] } }>(config: C, ...indices: number[]): C {
  for (const i of indices) {
    const d = config.data.datasets[i];
    if (d !== undefined) d.showLine = false;
  }
  return config;
}
