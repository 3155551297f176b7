import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions, pickAxes } from './axes.js';
import { courseColors, withAlpha } from './colors.js';
import { toPoints, type XY } from './series.js';
import type { AxesOptions, Curve } from './types.js';
import { finiteCurve } from './validate.js';
import { AXES_OPTION_NAMES } from './axes.js';
import { rejectUnknownOptions } from './options.js';

const INPUT_NAMES = [...AXES_OPTION_NAMES, 'target', 'snapshots', 'final', 'snapshotAlpha'] as const;

/**
 * The most snapshots {@link trainingChart} draws. More are thinned evenly (the first and the
 * last always kept): beyond a few thousand translucent curves the picture no longer changes,
 * but the drawing time and memory keep growing.
 *
 * @example
 * ```ts
 * const curve = { x: [0.2, 0.5, 0.8], y: [0.5, 0.8, 0.5] };
 * const snapshots = Array.from({ length: 50_000 }, () => curve);
 * trainingChart({ target: curve, snapshots }).data.datasets.length; // 1 + 2000 (MAX_DRAWN_SNAPSHOTS)
 * ```
 */
export const MAX_DRAWN_SNAPSHOTS = 2000;

/** Indices of at most `limit` items of `count`, evenly spread, first and last included. */
function evenIndices(count: number, limit: number): number[] {
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.round((i * (count - 1)) / (limit - 1)));
}

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
  /**
   * Outputs at intermediate iterations, oldest first (the course keeps one every 100). At most
   * {@link MAX_DRAWN_SNAPSHOTS} are drawn, thinned evenly.
   */
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
 * (`target`, `snapshots[k]`, `final`). At most {@link MAX_DRAWN_SNAPSHOTS} snapshots are
 * drawn (and checked): more are thinned evenly, keeping the first and the last.
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
  rejectUnknownOptions(where, input, INPUT_NAMES);
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
  evenIndices(snapshots.length, MAX_DRAWN_SNAPSHOTS).forEach((k, drawn) => {
    const curve = finiteCurve(where, `snapshots[${k}]`, snapshots[k]);
    if (drawn === 0) legend.add(datasets.length);
    datasets.push(curveDataset(drawn === 0 ? 'snapshots' : `snapshot ${k + 1}`, toPoints(curve.x, curve.y), faint, 2, 2));
  });
  return {
    type: 'scatter',
    data: { datasets },
    options: baseOptions(where, pickAxes(input), { xRange: [0, 1], yRange: [0, 1], aspectRatio: 1 }, { show: true, datasetIndices: legend }),
  };
}
