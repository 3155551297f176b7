import { MAX_DRAWN_SNAPSHOTS, type Settings } from './args.js';
import { formatCost } from './format.js';
import type { EngineCheck } from './engine-check.js';
import { PARAMETER_NAMES, parameterShape, type Network } from './network.js';
import type { TrainResult } from './train.js';

/**
 * Wall-clock times of one run, in milliseconds.
 *
 * @example
 * const timings: Timings = { engineCheckMs: 40, trainingMs: 1200, renderMs: 300, totalMs: 1600 };
 */
export interface Timings {
  readonly engineCheckMs: number;
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
  readonly engineCheck: EngineCheck;
  readonly costHistory: readonly { readonly updates: number; readonly cost: number }[];
  readonly finalParameters: Record<string, { readonly shape: [number, number]; readonly values: number[][] }>;
  readonly timings: Timings;
}

/**
 * How a training run ended: `done` when the cost went down, `interrupted` by a signal,
 * `cost-rose` when it ended above where it started, `diverged` when it stopped being a number.
 *
 * @example
 * outcomeOf(result); // { status: 'done', message: 'cost 2.008e-1 → 3.619e-4' }
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
 * if (outcomeOf(result).status !== 'done') process.exitCode = 1;
 */
export function outcomeOf(result: TrainResult): Outcome {
  const costs = `cost ${formatCost(result.initialCost)} → ${formatCost(result.finalCost)}`;
  if (result.diverged) {
    return { status: 'diverged', message: `diverged: the cost stopped being a finite number within ${result.updates.toLocaleString('en-US')} updates (${costs}); try a smaller --aggression or --noise` };
  }
  if (result.interrupted) return { status: 'interrupted', message: `interrupted after ${result.updates.toLocaleString('en-US')} updates (${costs})` };
  if (!(result.finalCost <= result.initialCost)) {
    // A saturated network barely moves: show the rise even when the rounded costs look equal.
    const rise = (result.finalCost - result.initialCost) / result.initialCost;
    return {
      status: 'cost-rose',
      message: `the cost got worse, ${costs} (up ${rise.toExponential(2)} relative) after ${result.updates.toLocaleString('en-US')} updates; try a smaller --aggression or --noise`,
    };
  }
  return { status: 'done', message: costs };
}

function rows(values: Float64Array, [rowCount, cols]: [number, number]): number[][] {
  return Array.from({ length: rowCount }, (_, i) => Array.from(values.subarray(i * cols, (i + 1) * cols)));
}

/**
 * The parameters as `{ W1: { shape, values: rows }, … }`.
 *
 * @example
 * parametersJson(net).W2.shape; // [7, 6]
 */
export function parametersJson(net: Network): Report['finalParameters'] {
  return Object.fromEntries(
    PARAMETER_NAMES.map((name) => {
      const shape = parameterShape(name, net.hidden);
      return [name, { shape, values: rows(net[name], shape) }];
    }),
  );
}

/**
 * Everything a run did, for report.json.
 *
 * @example
 * JSON.stringify(buildReport(settings, check, result, timings), null, 2);
 */
export function buildReport(settings: Settings, engineCheck: EngineCheck, result: TrainResult, timings: Timings): Report {
  const { out: _out, ...rest } = settings;
  const outcome = outcomeOf(result);
  return {
    app: '@slope/backprop',
    settings: rest,
    seed: settings.seed,
    status: outcome.status,
    message: outcome.message,
    interrupted: result.interrupted,
    diverged: result.diverged,
    snapshots: { drawn: result.snapshots.length, scheduled: result.scheduledSnapshots, every: result.snapshotStride, limit: MAX_DRAWN_SNAPSHOTS },
    updates: result.updates,
    totalUpdates: result.totalUpdates,
    initialCost: result.initialCost,
    finalCost: result.finalCost,
    iterationsPerSecond: result.elapsedMs > 0 ? (result.updates * 1000) / result.elapsedMs : 0,
    engineCheck,
    costHistory: result.costHistory,
    finalParameters: parametersJson(result.network),
    timings,
  };
}
