import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Plugin } from 'chart.js';
import { darkVariant, pageIsDark } from './chart-theme.js';

type XY = { x: number; y: number };
type ScatterConfig = ChartConfiguration<'scatter', XY[]>;
type ScatterDataset = ChartDataset<'scatter', XY[]>;

/** One isoline level: its polylines (NaN points between them) and how it is stroked. */
interface Stroke {
  readonly data: readonly XY[];
  readonly color: string;
  readonly width: number;
}

/**
 * Whether a dataset is one of @slope/plot's contour levels (`contourDatasets`: a line
 * labelled "level …" without markers) rather than a path or marker drawn over the map.
 */
export function isContourDataset(d: { label?: string; pointRadius?: unknown; showLine?: boolean }): boolean {
  return d.pointRadius === 0 && d.showLine === true && typeof d.label === 'string' && d.label.startsWith('level ');
}

/** A chart plugin that draws contour lines under the datasets; the lines can be swapped in place. */
export interface ContourLayer {
  readonly plugin: Plugin<'scatter'>;
  /** Replaces the isolines (contour datasets of @slope/plot); the chart redraws them at its next update. */
  setLines(lines: readonly ScatterDataset[]): void;
}

function strokesOf(lines: readonly ScatterDataset[]): Stroke[] {
  // chart.js draws a higher `order` first (underneath); keep that stacking.
  return [...lines]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.order ?? 0) - (a.d.order ?? 0) || a.i - b.i)
    .map(({ d }) => ({
      data: d.data,
      color: typeof d.borderColor === 'string' ? d.borderColor : '#888888',
      width: typeof d.borderWidth === 'number' ? d.borderWidth : 1,
    }));
}

/**
 * Draws contour lines straight onto the chart's canvas, under the datasets and clipped to the
 * plot area, from a bitmap that is redrawn only when the lines, the canvas size or the axes
 * change. chart.js would otherwise parse, lay out and resolve options for every isoline point
 * (thousands) on each `update()`, which is what made a slider drag over a contour map slow;
 * the paths over the map stay ordinary datasets.
 *
 * @example
 * ```ts
 * const layer = contourLayer(contourDatasets);
 * view.render({ ...config, plugins: [layer.plugin] });
 * ```
 */
export function contourLayer(lines: readonly ScatterDataset[] = []): ContourLayer {
  let strokes = strokesOf(lines);
  let version = 0;
  let cache: HTMLCanvasElement | undefined;
  let cacheKey = '';
  const paint = (chart: Chart, target: HTMLCanvasElement, dark: boolean): void => {
    const ctx = target.getContext('2d');
    const { chartArea: area, scales } = chart;
    const xs = scales['x'];
    const ys = scales['y'];
    if (ctx == null || xs === undefined || ys === undefined) return;
    const dpr = chart.currentDevicePixelRatio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, target.width, target.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    ctx.clip();
    ctx.lineJoin = 'round';
    for (const s of strokes) {
      ctx.beginPath();
      let pen = false;
      for (const p of s.data) {
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
          pen = false;
          continue;
        }
        const px = xs.getPixelForValue(p.x);
        const py = ys.getPixelForValue(p.y);
        if (pen) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.strokeStyle = dark ? darkVariant(s.color) : s.color;
      ctx.lineWidth = s.width;
      ctx.stroke();
    }
    ctx.restore();
  };
  // Draws its isolines in the page's theme itself (see chart-theme.ts).
  const plugin: Plugin<'scatter'> & { themeAware: true } = {
    id: 'slopeContourLayer',
    themeAware: true,
    beforeDatasetsDraw(chart) {
      const c = chart as unknown as Chart;
      const { canvas, chartArea: a, scales } = c;
      const xs = scales['x'];
      const ys = scales['y'];
      if (strokes.length === 0 || xs === undefined || ys === undefined || canvas.width === 0 || canvas.height === 0) return;
      const dark = pageIsDark();
      const key = [version, dark, canvas.width, canvas.height, c.currentDevicePixelRatio, a.left, a.top, a.right, a.bottom, xs.min, xs.max, ys.min, ys.max].join(',');
      cache ??= document.createElement('canvas');
      if (key !== cacheKey) {
        cache.width = canvas.width;
        cache.height = canvas.height;
        paint(c, cache, dark);
        cacheKey = key;
      }
      const ctx = c.ctx;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(cache, 0, 0);
      ctx.restore();
    },
    afterDestroy() {
      cache = undefined;
      cacheKey = '';
    },
  };
  return {
    plugin,
    setLines(next) {
      strokes = strokesOf(next);
      version += 1;
    },
  };
}

/**
 * Moves a contour chart's isolines out of chart.js's datasets into a {@link contourLayer}:
 * the returned configuration keeps only the paths and markers (its legend filter still sees
 * their original indices) and carries the layer's plugin. Axis ranges are unchanged, since
 * @slope/plot's contourChart sets them from the grid.
 *
 * @example
 * ```ts
 * const { config, layer } = withContourLayer(contourChart({ grid, levels: 12 }));
 * updateDatasets(view, config); // a slider drag then updates only the paths
 * ```
 */
export function withContourLayer<C extends ScatterConfig>(config: C, layer: ContourLayer = contourLayer()): { config: C; layer: ContourLayer } {
  const all = config.data.datasets;
  const lines = all.filter((d) => isContourDataset(d));
  const kept = all.map((d, i) => ({ d, i })).filter(({ d }) => !isContourDataset(d));
  layer.setLines(lines);
  const options = { ...(config.options ?? {}) };
  const legend = options.plugins?.legend;
  const filter = legend?.labels?.filter;
  if (legend !== undefined && filter !== undefined) {
    const original = kept.map(({ i }) => i);
    options.plugins = {
      ...options.plugins,
      legend: {
        ...legend,
        labels: {
          ...legend.labels,
          filter: (item: LegendItem, data) => filter({ ...item, datasetIndex: original[item.datasetIndex ?? -1] ?? -1 }, data),
        },
      },
    };
  }
  const plugins = [...((config.plugins ?? []) as Plugin<'scatter'>[]), layer.plugin];
  return { config: { ...config, data: { ...config.data, datasets: kept.map(({ d }) => d) }, options, plugins }, layer };
}
