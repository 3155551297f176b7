import type { LayerParameters } from '@slope/models/mlp';
import { MAX_DRAWN_SNAPSHOTS, type Settings } from './args.js';
import { formatCost } from './format.js';
import type { JacobianCheck } from './jacobian-check.js';
import { courseNetwork, PARAMETER_NAMES } from './jacobians.js';
import type { TrainRun } from './train-run.js';

/**
 * Wall-clock times of one run, in milliseconds.
 *
 * @example
 * const timings: Timings = { jacobianCheckMs: 40, trainingMs: 1200, renderMs: 300, totalMs: 1600 };
 */
export interface Timings {
  readonly jacobianCheckMs: number;
  readonly trainingMs: number;
  readonly renderMs: number;
  readonly totalMs: number;
}

/**
 * The contents of report.json.
 *
 * @example
 * const report = JSON.parse(readFileSync('out/backprop/report.json', 'utf8')) as Report;
 */
export interface Report {
  readonly app: '@slope/backprop';
  readonly settings: Omit<Settings, 'out'>;
  readonly seed: number;
  /** How the run ended; `message` says it in words. */
  readonly status: Outcome['status'];
  readonly message: string;
  readonly interrupted: boolean;
  readonly diverged: boolean;
  /** Snapshots drawn, how many the schedule asked for, and the spacing of those drawn (in updates). */
  readonly snapshots: { readonly drawn: number; readonly scheduled: number; readonly every: number; readonly limit: number };
  readonly updates: number;
  readonly totalUpdates: number;
  readonly initialCost: number;
  readonly finalCost: number;
  readonly iterationsPerSecond: number;
  readonly jacobianCheck: JacobianCheck;
  readonly costHistory: readonly { readonly updates: number; readonly cost: number }[];
  readonly finalParameters: Record<string, { readonly shape: [number, number]; readonly values: number[][] }>;
  readonly timings: Timings;
}

/**
 * How a training run ended: `done` when the cost went down, `interrupted` by a signal,
 * `cost-rose` when it ended above where it started, `diverged` when it stopped being a number.
 *
 * @example
 * outcomeOf(run); // { status: 'done', message: 'cost 2.008e-1 → 4.509e-4' }
 */
export interface Outcome {
  readonly status: 'done' | 'interrupted' | 'cost-rose' | 'diverged';
  readonly message: string;
}

/**
 * The {@link Outcome} of a training run: a run whose cost got worse or stopped being finite
 * failed, whatever else it did.
 *
 * @example
 * if (outcomeOf(run).status !== 'done') process.exitCode = 1;
 */
export function outcomeOf(run: TrainRun): Outcome {
  const costs = `cost ${formatCost(run.initialCost)} → ${formatCost(run.finalCost)}`;
  if (run.diverged) {
    return { status: 'diverged', message: `diverged: the cost stopped being a finite number within ${run.updates.toLocaleString('en-US')} updates (${costs}); try a smaller --aggression or --noise` };
  }
  if (run.interrupted) return { status: 'interrupted', message: `interrupted after ${run.updates.toLocaleString('en-US')} updates (${costs})` };
  if (!(run.finalCost <= run.initialCost)) {
    // A saturated network barely moves: show the rise even when the rounded costs look equal.
    const rise = (run.finalCost - run.initialCost) / run.initialCost;
    return {
      status: 'cost-rose',
      message: `the cost got worse, ${costs} (up ${rise.toExponential(2)} relative) after ${run.updates.toLocaleString('en-US')} updates; try a smaller --aggression or --noise`,
    };
  }
  return { status: 'done', message: costs };
}

/**
 * The parameters as `{ W1: { shape, values: rows }, … }`, named as the notebook names them.
 *
 * @example
 * parametersJson(net.parameters()).W2.shape; // [7, 6]
 */
export function parametersJson(parameters: readonly LayerParameters[]): Report['finalParameters'] {
  const net = courseNetwork(parameters);
  return Object.fromEntries(
    PARAMETER_NAMES.map((name) => {
      const { rows, cols, data } = net[name];
      return [name, { shape: [rows, cols], values: Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols))) }];
    }),
  );
}

/**
 * Everything a run did, for report.json.
 *
 * @example
 * JSON.stringify(buildReport(settings, check, run, timings), null, 2);
 */
export function buildReport(settings: Settings, jacobianCheck: JacobianCheck, run: TrainRun, timings: Timings): Report {
  const { out: _out, ...rest } = settings;
  const outcome = outcomeOf(run);
  return {
    app: '@slope/backprop',
    settings: rest,
    seed: settings.seed,
    status: outcome.status,
    message: outcome.message,
    interrupted: run.interrupted,
    diverged: run.diverged,
    snapshots: { drawn: run.snapshots.length, scheduled: run.scheduledSnapshots, every: run.snapshotStride, limit: MAX_DRAWN_SNAPSHOTS },
    updates: run.updates,
    totalUpdates: run.totalUpdates,
    initialCost: run.initialCost,
    finalCost: run.finalCost,
    iterationsPerSecond: run.elapsedMs > 0 ? (run.updates * 1000) / run.elapsedMs : 0,
    jacobianCheck,
    costHistory: run.costHistory,
    finalParameters: parametersJson(run.parameters),
    timings,
  };
}
