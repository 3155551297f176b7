import type { Settings } from './args.js';
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
  readonly interrupted: boolean;
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
  return {
    app: '@slope/backprop',
    settings: rest,
    seed: settings.seed,
    interrupted: result.interrupted,
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
