import type { Chart, Plugin } from 'chart.js';

/** Text placed at a point in data coordinates. */
export interface DataLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
}

/** An arrow from tail to head, in data coordinates. */
export interface DataArrow {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function pixel(chart: Chart, x: number, y: number): [number, number] {
  const xs = chart.scales['x'];
  const ys = chart.scales['y'];
  if (xs === undefined || ys === undefined) return [Number.NaN, Number.NaN];
  return [xs.getPixelForValue(x), ys.getPixelForValue(y)];
}

function clipToChartArea(chart: Chart, draw: (ctx: CanvasRenderingContext2D) => void): void {
  const { ctx, chartArea } = chart;
  ctx.save();
  ctx.beginPath();
  ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
  ctx.clip();
  draw(ctx);
  ctx.restore();
}

/**
 * Draws text labels at data coordinates after the datasets, so a label such as
 * "χ² = …" sits on top of the bars and follows the axes like matplotlib's `plt.text`.
 */
export function labelsPlugin(labels: readonly DataLabel[]): Plugin & { readonly labels: readonly DataLabel[] } {
  return {
    id: 'slopeLabels',
    // Kept on the plugin so the text can be inspected without rendering.
    labels,
    afterDatasetsDraw(chart) {
      clipToChartArea(chart, (ctx) => {
        ctx.font = '14px sans-serif';
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        for (const label of labels) {
          const [px, py] = pixel(chart, label.x, label.y);
          ctx.fillStyle = label.color;
          ctx.fillText(label.text, px, py);
        }
      });
    },
  };
}

/**
 * Draws arrows in pixel space, so heads keep their shape whatever the axes' aspect.
 * chart.js has no arrow element; a plugin is the documented way to draw extra shapes.
 */
export function arrowsPlugin(
  arrows: readonly DataArrow[],
  color: string,
  lineWidth: number,
): Plugin & { readonly arrows: readonly DataArrow[] } {
  return {
    id: 'slopeArrows',
    arrows,
    afterDatasetsDraw(chart) {
      clipToChartArea(chart, (ctx) => {
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.lineWidth = lineWidth;
        for (const arrow of arrows) {
          const [ax, ay] = pixel(chart, arrow.x0, arrow.y0);
          const [bx, by] = pixel(chart, arrow.x1, arrow.y1);
          const length = Math.hypot(bx - ax, by - ay);
          if (!(length > 0.5)) continue;
          const head = Math.min(4 + 2 * lineWidth, length / 2);
          const angle = Math.atan2(by - ay, bx - ax);
          const baseX = bx - head * Math.cos(angle);
          const baseY = by - head * Math.sin(angle);
          ctx.beginPath();
          ctx.moveTo(ax, ay);
          ctx.lineTo(baseX, baseY);
          ctx.stroke();
          ctx.beginPath();
          ctx.moveTo(bx, by);
          ctx.lineTo(baseX + (head / 2) * Math.sin(angle), baseY - (head / 2) * Math.cos(angle));
          ctx.lineTo(baseX - (head / 2) * Math.sin(angle), baseY + (head / 2) * Math.cos(angle));
          ctx.closePath();
          ctx.fill();
        }
      });
    },
  };
}
