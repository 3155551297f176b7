import { Chart, registerables, type ChartConfiguration, type ChartType, type DefaultDataPoint, type Plugin } from 'chart.js';
import { NARROW_PX, pageIsDark, themedConfig, themedDataset, themedOptions, themedPlugins, type ChartTheme } from './chart-theme.js';
import { h } from './dom.js';

let registered = false;

// chart.js keeps its controllers in a global registry; register once, lazily, so that merely
// importing this module from a server-rendered page does nothing.
function ensureRegistered(): void {
  if (registered) return;
  Chart.register(...registerables);
  registered = true;
}

/** How a chart view shapes its canvas. */
export interface ChartViewOptions {
  /**
   * `'equal'`: one unit on x is as long on screen as one unit on y (circles stay round,
   * contour maps are not squashed). The canvas height follows the chart's width, axes and
   * legend so that the plot area has the data's aspect.
   */
  readonly aspect?: 'equal';
}

/** A canvas that draws chart.js configurations in the page's theme. */
export interface ChartView {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  /** The live chart, once rendered. */
  chart(): Chart | undefined;
  /** Draws a configuration from scratch (a new chart). */
  render<T extends ChartType>(config: ChartConfiguration<T, DefaultDataPoint<T>, unknown>): Chart;
  /**
   * Redraws in place from a configuration of the same type: `'datasets'` swaps only the
   * datasets (the axes stay), `'all'` also the options and inline plugins. The first call renders.
   */
  update(config: ChartConfiguration, scope: 'all' | 'datasets'): void;
  destroy(): void;
}

const live = new Set<{ retheme(): void }>();
let themeObserver: MutationObserver | undefined;

// One observer for every chart: VitePress toggles the `dark` class on <html>.
function watchTheme(): void {
  if (themeObserver !== undefined || typeof MutationObserver === 'undefined') return;
  let dark = pageIsDark();
  themeObserver = new MutationObserver(() => {
    if (pageIsDark() === dark) return;
    dark = pageIsDark();
    for (const view of live) view.retheme();
  });
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}

/**
 * Calls `redraw` whenever the reader switches between light and dark mode, for canvases
 * drawn without chart.js (diagrams); returns the function that stops it.
 *
 * @example
 * ```ts
 * const stop = onThemeChange(() => drawDiagram());
 * ```
 */
export function onThemeChange(redraw: () => void): () => void {
  watchTheme();
  const entry = { retheme: redraw };
  live.add(entry);
  return () => live.delete(entry);
}

const widthOf = (el: HTMLElement): number => el.clientWidth || el.parentElement?.clientWidth || 800;

/** The aspect ratio (width / height of the canvas) a chart is drawn at on this width. */
function shapeFor(configured: number | undefined, theme: ChartTheme, legendItems: number): number {
  const wanted = configured ?? 2;
  if (!theme.narrow) return wanted;
  // On a phone, a wide chart would leave a sliver of plot under its legend: go taller.
  return Math.min(wanted, legendItems > 3 ? 0.95 : 1.3);
}

function legendCount(config: ChartConfiguration): number {
  const legend = config.options?.plugins?.legend;
  if (legend?.display === false) return 0;
  return config.data.datasets.filter((d) => typeof d.label === 'string' && d.label !== '').length;
}

/**
 * Creates a responsive chart.js canvas for a widget. Every configuration passes through the
 * docs' chart theme ({@link themedConfig}): readable tick labels (powers of ten on log axes),
 * the page's colours (and dark mode, redrawn when the reader switches), smaller type and a
 * taller shape on a phone, and, with `aspect: 'equal'`, a plot area whose shape matches the
 * data's. Animation is off so that a slider drag shows exactly the current state.
 *
 * @example
 * ```ts
 * const view = chartView('Secant and tangent');
 * root.append(view.el);
 * view.render(lineChart([{ x, y }]));
 * ```
 */
export function chartView(label: string, className = 'slope-chart', options: ChartViewOptions = {}): ChartView {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const el = h('div', { class: className }, canvas);
  let current: Chart | undefined;
  let raw: ChartConfiguration | undefined;
  let theme: ChartTheme = { dark: false, narrow: false };
  // The height / width the equal-aspect layout settled on (reused on every update so that a
  // drag does not re-converge it each time), and how many corrections in a row it made.
  let settled: number | undefined;
  let corrections = 0;
  let shape = 1 / 2; // height / width of the canvas
  let pending: ReturnType<typeof setTimeout> | undefined;

  const currentTheme = (): ChartTheme => ({ dark: pageIsDark(), narrow: widthOf(el) < NARROW_PX });

  const later = (fn: () => void): void => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      fn();
    }, 0);
  };

  // The canvas box takes its height from its width by CSS aspect-ratio, and chart.js fills the
  // box: chart.js's own aspect handling caps a chart at its box's current height, so a chart
  // that must grow taller (on a phone, an equal-aspect map) would shrink sideways instead.
  const fitHeight = (): void => {
    el.style.aspectRatio = (1 / shape).toFixed(4);
  };

  // Runs after every layout: keeps the shape right for the width (a phone turned, a window
  // resized) and, for equal-aspect charts, the plot area's shape equal to the data's.
  const shapePlugin: Plugin & { themeAware: true } = {
    id: 'slopeShape',
    themeAware: true,
    resize() {
      later(() => {
        if (raw !== undefined && (el.clientWidth < NARROW_PX) !== theme.narrow) view.retheme();
      });
    },
    afterLayout(chart) {
      if (options.aspect !== 'equal') return;
      const { chartArea: area, scales, width, height } = chart;
      const xs = scales['x'];
      const ys = scales['y'];
      if (xs === undefined || ys === undefined || !(width > 0)) return;
      const spanX = xs.max - xs.min;
      const spanY = ys.max - ys.min;
      const areaW = area.right - area.left;
      const areaH = area.bottom - area.top;
      if (!(spanX > 0 && spanY > 0 && areaW > 0 && areaH > 0)) return;
      // The plot area must be areaW·spanY/spanX tall; the rest of the canvas (axes, legend,
      // title) keeps its height. Bounded so a very tall data range cannot make a huge canvas.
      const want = Math.min(Math.max(height - areaH + (areaW * spanY) / spanX, 0.3 * width), 1.3 * width, Math.max(320, 0.85 * window.innerHeight));
      if (Math.abs(want - height) < 1.5 || corrections >= 4) {
        corrections = 0;
        return;
      }
      corrections += 1;
      settled = want / width;
      shape = settled;
      later(fitHeight);
    },
  };

  const shapeOf = (config: ChartConfiguration): number =>
    options.aspect === 'equal' && settled !== undefined ? settled : 1 / shapeFor(config.options?.aspectRatio, theme, legendCount(config));

  const shaped = (config: ChartConfiguration): ChartConfiguration => {
    const themed = themedConfig(config, theme);
    shape = shapeOf(config);
    fitHeight();
    return {
      ...themed,
      options: { ...themed.options, animation: false, responsive: true, maintainAspectRatio: false },
      plugins: [...(themed.plugins ?? []), shapePlugin],
    };
  };

  const view: ChartView & { retheme(): void } = {
    el,
    canvas,
    chart: () => current,
    render(config) {
      ensureRegistered();
      watchTheme();
      current?.destroy();
      raw = config as ChartConfiguration;
      theme = currentTheme();
      current = new Chart(canvas, shaped(raw)) as unknown as Chart;
      live.add(view);
      return current;
    },
    update(config, scope) {
      const chart = current;
      const nextTheme = currentTheme();
      if (chart === undefined || nextTheme.dark !== theme.dark || nextTheme.narrow !== theme.narrow) {
        view.render(config);
        return;
      }
      raw = config;
      if (scope === 'all') {
        const plugins = chart.config.plugins as Plugin[];
        plugins.splice(0, plugins.length, ...themedPlugins(config.plugins as Plugin[] | undefined, theme), shapePlugin);
        const next = themedOptions(config.options, theme) as NonNullable<ChartConfiguration['options']>;
        shape = shapeOf(config);
        fitHeight();
        chart.options = { ...next, animation: false, responsive: true, maintainAspectRatio: false } as typeof chart.options;
      }
      assignDatasets(chart.data.datasets as unknown as Record<string, unknown>[], config.data.datasets.map((d) => themedDataset(d, theme)) as unknown as Record<string, unknown>[]);
      chart.update('none');
    },
    retheme() {
      if (raw !== undefined && current !== undefined) view.render(raw);
    },
    destroy() {
      if (pending !== undefined) clearTimeout(pending);
      pending = undefined;
      current?.destroy();
      current = undefined;
      live.delete(view);
    },
  };
  return view;
}

/**
 * Copies the next datasets onto the chart's own dataset objects, index by index, and trims or
 * appends the rest. chart.js keys its per-dataset state (meta, controller, elements) on the
 * dataset object, so keeping the objects lets an update reuse them instead of building new
 * controllers for every dataset on every slider move.
 */
export function assignDatasets(current: Record<string, unknown>[], next: readonly Record<string, unknown>[]): void {
  next.forEach((d, i) => {
    const target = current[i];
    if (target === undefined || target['type'] !== d['type']) {
      current[i] = d;
      return;
    }
    for (const key of Object.keys(target)) if (!(key in d)) delete target[key];
    Object.assign(target, d);
  });
  current.length = next.length;
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
