import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions, pickAxes } from './axes.js';
import { courseColors, withAlpha } from './colors.js';
import { toPoints, type XY } from './series.js';
import type { AxesOptions, Curve } from './types.js';
import { finiteCurve } from './validate.js';

/**
 * Input of {@link trainingChart}: the curve a network should draw, what it drew along the
 * way, and what it drew at the end.
 *
 * @example
 * ```ts
 * const input: TrainingChartInput = { target: heart, snapshots: [early, middle], final: last };
 * ```
 */
export interface TrainingChartInput extends AxesOptions {
  readonly target: Curve;
  /** Outputs at intermediate iterations, oldest first (the course keeps one every 100). */
  readonly snapshots?: readonly Curve[];
  readonly final?: Curve;
  /** Opacity of each snapshot; they build up where outputs agree. Defaults to 0.1. */
  readonly snapshotAlpha?: number;
}

function curveDataset(label: string, points: XY[], color: string, width: number, order: number): ChartDataset<'scatter', XY[]> {
  return {
    label,
    data: points,
    parsing: false,
    showLine: true,
    borderColor: color,
    backgroundColor: color,
    borderWidth: width,
    pointRadius: 0,
    pointHitRadius: 0,
    order,
  };
}

/**
 * The backprop assignment's training picture (COURSE.md §1.6): the target curve in green
 * (width 1.5), every snapshot of the network's output in translucent magenta (alpha 0.1,
 * width 2) and the final output in orange (width 2.5), on [0, 1]² with aspect 1 by
 * default. Snapshots are drawn first, the final output last, on top.
 *
 * Throws {@link PlotInputError} for an empty, non-finite or mismatched curve, naming it
 * (`target`, `snapshots[k]`, `final`).
 *
 * @example
 * ```ts
 * const t = Array.from({ length: 100 }, (_, i) => (2 * Math.PI * i) / 100);
 * const heart = {
 *   x: t.map((s) => (16 * Math.sin(s) ** 3 / 20 + 1) / 2),
 *   y: t.map((s) => ((13 * Math.cos(s) - 5 * Math.cos(2 * s) - 2 * Math.cos(3 * s) - Math.cos(4 * s)) / 20 + 1) / 2),
 * };
 * const config = trainingChart({ target: heart, snapshots: outputsEvery100, final: lastOutput });
 * ```
 */
export function trainingChart(input: TrainingChartInput): ChartConfiguration<'scatter', XY[]> {
  const where = 'trainingChart';
  if (input == null || typeof input !== 'object') {
    throw new TypeError(`${where}: input must be an object { target, snapshots?, final? }, got ${String(input)}`);
  }
  const target = finiteCurve(where, 'target', input.target);
  const snapshots = input.snapshots ?? [];
  if (!Array.isArray(snapshots)) {
    throw new TypeError(`${where}: snapshots must be an array of { x, y } curves, got ${typeof snapshots}`);
  }
  const alpha = input.snapshotAlpha ?? 0.1;
  if (!(alpha > 0 && alpha <= 1)) {
    throw new RangeError(`${where}: option snapshotAlpha must be in (0, 1], got ${alpha}`);
  }
  const faint = withAlpha(courseColors.magenta, alpha);
  const datasets: ChartDataset<'scatter', XY[]>[] = [];
  const legend = new Set<number>();
  if (input.final !== undefined) {
    const final = finiteCurve(where, 'final', input.final);
    legend.add(datasets.length);
    datasets.push(curveDataset('final output', toPoints(final.x, final.y), courseColors.orange, 2.5, 0));
  }
  legend.add(datasets.length);
  datasets.push(curveDataset('training data', toPoints(target.x, target.y), courseColors.green, 1.5, 1));
  snapshots.forEach((snapshot, k) => {
    const curve = finiteCurve(where, `snapshots[${k}]`, snapshot);
    if (k === 0) legend.add(datasets.length);
    datasets.push(curveDataset(k === 0 ? 'snapshots' : `snapshot ${k + 1}`, toPoints(curve.x, curve.y), faint, 2, 2));
  });
  return {
    type: 'scatter',
    data: { datasets },
    options: baseOptions(where, pickAxes(input), { xRange: [0, 1], yRange: [0, 1], aspectRatio: 1 }, { show: true, datasetIndices: legend }),
  };
}
