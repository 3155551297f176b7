import { type JitChoice, jitChoice } from './compiled.js';
import { DESCENT_OPTION_KEYS, type ResolvedDescentOptions, resolveDescentOptions } from './descent.js';
import { type ScalarEvaluator, scalarEvaluator } from './evaluate.js';
import { rejectUnknownOptions } from './options.js';
import { Tracker } from './run.js';
import type { DescentOptions, GradientFunction, Objective } from './types.js';
import { optionalFunction, requireFunction, startVector } from './validate.js';

export interface ScalarSetup {
  readonly x0: Float64Array;
  readonly ev: ScalarEvaluator;
  readonly tracker: Tracker;
  readonly opts: ResolvedDescentOptions;
  /** The run's `jit` choice, for any further derivative it takes (newton's Hessian). */
  readonly jit: JitChoice;
}

/**
 * Validates the common arguments of a scalar minimiser and builds its evaluator and tracker.
 * `ownKeys` are the method's option names besides the shared {@link DESCENT_OPTION_KEYS}.
 */
export function scalarSetup(
  method: string,
  f: Objective,
  x0: ArrayLike<number>,
  options: DescentOptions,
  ownKeys: readonly string[],
  defaults: Partial<ResolvedDescentOptions> = {},
): ScalarSetup {
  requireFunction(method, 'f', f);
  rejectUnknownOptions(method, options, [...DESCENT_OPTION_KEYS, ...ownKeys]);
  if (options == null || typeof options !== 'object') throw new TypeError(`${method}: options must be an object`);
  const start = startVector(method, 'x0', x0);
  const gradient = optionalFunction<GradientFunction>(method, 'gradient', options.gradient);
  const opts = resolveDescentOptions(method, options, defaults);
  const jit = jitChoice(method, f, options);
  const ev = scalarEvaluator(method, f, start.length, gradient, jit);
  return { x0: start, ev, tracker: new Tracker(method, ev, 'value', opts.historyLimit), opts, jit };
}
