import { lineChart, trainingChart } from '@slope/plot';
import type { CurveData } from './data.js';
import { formatCost, formatCount } from './format.js';
import type { TrainResult } from './train.js';

const curveOf = (values: Float64Array, n: number) => ({ x: values.subarray(0, n), y: values.subarray(n, 2 * n) });

/**
 * The notebook's picture: the heart in green, every snapshot in faint magenta, the final
 * output in orange, on [0, 1]².
 *
 * @example
 * const png = await renderPng(drawingChart(heartData(), result), { width: 640, height: 640 });
 */
export function drawingChart(data: CurveData, result: TrainResult) {
  return trainingChart({
    target: curveOf(data.y, data.n),
    snapshots: result.snapshots.map((snapshot) => curveOf(snapshot.outputs, data.n)),
    final: curveOf(result.finalOutputs, data.n),
    title: `I ❤ backpropagation: ${formatCount(result.updates)} updates, cost ${formatCost(result.finalCost)}`,
  });
}

/**
 * The cost ‖a3 − y‖²/N against the updates done, on a log scale.
 *
 * @example
 * const png = await renderPng(costChart(result), { width: 800, height: 450 });
 */
export function costChart(result: TrainResult) {
  return lineChart([{ x: result.costHistory.map((p) => p.updates), y: result.costHistory.map((p) => p.cost), label: 'cost ‖a3 − y‖² / N' }], {
    title: `Cost while training (final ${formatCost(result.finalCost)})`,
    xLabel: 'iteration (updates done)',
    xRange: [0, Math.max(1, result.updates)],
    yLabel: 'cost (log scale)',
    yScale: 'log',
  });
}
