import { lineChart, trainingChart } from '@slope/plot';
import { formatCount } from '@slope/cli-kit';
import { formatCost } from './format.js';
import type { TrainRun } from './train-run.js';

const finite = (values: readonly Float64Array[]) => values.every((row) => row.every(Number.isFinite));
const curve = ([x, y]: readonly [Float64Array, Float64Array]) => ({ x, y });

type DrawingConfig = ReturnType<typeof trainingChart>;
type XY = { x: number; y: number };
type ChartPlugin = NonNullable<DrawingConfig['plugins']>[number];

/** The part of chart.js's chart a drawing plugin uses (this app does not depend on chart.js itself). */
interface DrawingSurface {
  readonly ctx: {
    save(): void;
    restore(): void;
    beginPath(): void;
    rect(x: number, y: number, w: number, h: number): void;
    clip(): void;
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    stroke(): void;
    strokeStyle: unknown;
    lineWidth: number;
    lineJoin: string;
  };
  readonly chartArea: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly scales: Record<string, { getPixelForValue(value: number): number }>;
}

/**
 * The same picture with the snapshot curves after the first stroked straight onto the canvas,
 * under the datasets, each curve on its own so the faint magenta piles up where they overlap as
 * in the notebook. As chart.js datasets, 501 curves of 100 points cost an element per point and
 * took most of a second to draw; the first stays a dataset, for the legend.
 *
 * @example
 * const png = await renderPng(snapshotsAsLayer(trainingChart(input)), { width: 640, height: 640 });
 */
export function snapshotsAsLayer(config: DrawingConfig): DrawingConfig {
  const datasets = config.data.datasets;
  const isRest = (d: (typeof datasets)[number]) => typeof d.label === 'string' && d.label.startsWith('snapshot ');
  const rest = datasets.filter(isRest);
  const first = datasets.find((d) => d.label === 'snapshots');
  if (rest.length === 0 || first === undefined) return config;
  const curves = rest.map((d) => d.data as XY[]);
  const layer = {
    id: 'slopeSnapshotLayer',
    beforeDatasetsDraw(chart: DrawingSurface) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x']!;
      const y = scales['y']!;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      ctx.strokeStyle = String(first.borderColor);
      ctx.lineWidth = Number(first.borderWidth);
      ctx.lineJoin = 'round';
      for (const points of curves) {
        ctx.beginPath();
        points.forEach((p, k) => (k === 0 ? ctx.moveTo(x.getPixelForValue(p.x), y.getPixelForValue(p.y)) : ctx.lineTo(x.getPixelForValue(p.x), y.getPixelForValue(p.y))));
        ctx.stroke();
      }
      ctx.restore();
    },
  } as unknown as ChartPlugin;
  return { ...config, data: { ...config.data, datasets: datasets.filter((d) => !isRest(d)) }, plugins: [...(config.plugins ?? []), layer] };
}

/**
 * The notebook's picture: the heart in green, every snapshot in faint magenta, the final
 * output in orange, on [0, 1]².
 *
 * @example
 * const png = await renderPng(drawingChart(heart, run), { width: 640, height: 640 });
 */
export function drawingChart(target: readonly [Float64Array, Float64Array], run: TrainRun) {
  // A diverged run's last outputs may be NaN: draw what is finite and say so in the title.
  const snapshots = run.snapshots.filter((snapshot) => finite(snapshot.outputs)).map((snapshot) => curve(snapshot.outputs));
  const shown = finite(run.finalOutputs);
  return snapshotsAsLayer(
    trainingChart({
      target: curve(target),
      snapshots,
      ...(shown ? { final: curve(run.finalOutputs) } : {}),
      title: `I ❤ backpropagation: ${formatCount(run.updates)} updates, cost ${formatCost(run.finalCost)}${shown ? '' : ' (diverged: no final output)'}`,
    }),
  );
}

/**
 * The cost ‖a3 − y‖²/N against the updates done, on a log scale.
 *
 * @example
 * const png = await renderPng(costChart(run), { width: 800, height: 450 });
 */
export function costChart(run: TrainRun) {
  // A log axis shows positive finite costs only; a diverged run's last ones are left out.
  const points = run.costHistory.filter((p) => Number.isFinite(p.cost) && p.cost > 0);
  return lineChart([{ x: points.map((p) => p.updates), y: points.map((p) => p.cost), label: 'cost ‖a3 − y‖² / N' }], {
    title: `Cost while training (final ${formatCost(run.finalCost)})`,
    xLabel: 'iteration (updates done)',
    xRange: [0, Math.max(1, run.updates)],
    yLabel: 'cost (log scale)',
    yScale: 'log',
  });
}
