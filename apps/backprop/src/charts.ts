import { lineChart, trainingChart } from '@slope/plot';
import type { CurveData } from './data.js';
import { formatCount } from '@slope/cli-kit';
import { formatCost } from './format.js';
import type { TrainResult } from './train.js';

const curveOf = (values: Float64Array, n: number) => ({ x: values.subarray(0, n), y: values.subarray(n, 2 * n) });
const finite = (values: Float64Array) => values.every(Number.isFinite);

/**
 * The notebook's picture: the heart in green, every snapshot in faint magenta, the final
 * output in orange, on [0, 1]².
 *
 * @example
 * const png = await renderPng(drawingChart(heartData(), result), { width: 640, height: 640 });
 */
export function drawingChart(data: CurveData, result: TrainResult) {
  // A diverged run's last outputs may be NaN: draw what is finite and say so in the title.
  const snapshots = result.snapshots.filter((snapshot) => finite(snapshot.outputs)).map((snapshot) => curveOf(snapshot.outputs, data.n));
  const shown = finite(result.finalOutputs);
  return trainingChart({
    target: curveOf(data.y, data.n),
    snapshots,
    ...(shown ? { final: curveOf(result.finalOutputs, data.n) } : {}),
    title: `I ❤ backpropagation: ${formatCount(result.updates)} updates, cost ${formatCost(result.finalCost)}${shown ? '' : ' (diverged: no final output)'}`,
  });
}

/**
 * The cost ‖a3 − y‖²/N against the updates done, on a log scale.
 *
 * @example
 * const png = await renderPng(costChart(result), { width: 800, height: 450 });
 */
export function costChart(result: TrainResult) {
  // A log axis shows positive finite costs only; a diverged run's last ones are left out.
  const points = result.costHistory.filter((p) => Number.isFinite(p.cost) && p.cost > 0);
  return lineChart([{ x: points.map((p) => p.updates), y: points.map((p) => p.cost), label: 'cost ‖a3 − y‖² / N' }], {
    title: `Cost while training (final ${formatCost(result.finalCost)})`,
    xLabel: 'iteration (updates done)',
    xRange: [0, Math.max(1, result.updates)],
    yLabel: 'cost (log scale)',
    yScale: 'log',
  });
}
