import type { Chart } from 'chart.js';

/**
 * The data coordinates under a pointer event on a chart's canvas, or undefined when the
 * pointer is outside the plot area (chart.js scales do the pixel → value mapping).
 *
 * @example
 * ```ts
 * canvas.addEventListener('click', (e) => { const p = dataAt(view.chart()!, e); if (p) start(p.x); });
 * ```
 */
export function dataAt(chart: Chart, event: MouseEvent): { x: number; y: number } | undefined {
  const rect = chart.canvas.getBoundingClientRect();
  const px = ((event.clientX - rect.left) / rect.width) * chart.width;
  const py = ((event.clientY - rect.top) / rect.height) * chart.height;
  const area = chart.chartArea;
  if (px < area.left || px > area.right || py < area.top || py > area.bottom) return undefined;
  const xScale = chart.scales['x'];
  const yScale = chart.scales['y'];
  if (xScale === undefined || yScale === undefined) return undefined;
  return { x: xScale.getValueForPixel(px) ?? Number.NaN, y: yScale.getValueForPixel(py) ?? Number.NaN };
}

/**
 * The pixel position (relative to the canvas's CSS box) of a data point, for tests and hit testing.
 *
 * @example
 * ```ts
 * const { left, top } = pixelOf(chart, 1.5, 0);
 * ```
 */
export function pixelOf(chart: Chart, x: number, y: number): { left: number; top: number } {
  const rect = chart.canvas.getBoundingClientRect();
  const xs = chart.scales['x'];
  const ys = chart.scales['y'];
  if (xs === undefined || ys === undefined) return { left: Number.NaN, top: Number.NaN };
  return { left: (xs.getPixelForValue(x) / chart.width) * rect.width, top: (ys.getPixelForValue(y) / chart.height) * rect.height };
}
