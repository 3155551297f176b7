import type { Tensor } from '@slope/autodiff';
import { DESCENT_OPTION_KEYS, descentLoop, resolveDescentOptions } from './descent.js';
import { scalarEvaluator } from './evaluate.js';
import { jitChoice } from './compiled.js';
import { rejectUnknownOptions } from './options.js';
import { OptimizationRun, Tracker } from './run.js';
import type { DescentOptions, OptimizationResult, Rng } from './types.js';
import { checkLength, nonNegativeNumber, optionalFunction, positiveInteger, positiveNumber, requireFunction, startVector } from './validate.js';

/**
 * A loss over a subset of the data: `batch` holds the example indices of this mini-batch.
 *
 * @example
 * ```ts
 * const loss: BatchObjective = (w, batch) => sum(square(sub(mul(w, xs(batch)), ys(batch))));
 * ```
 */
export type BatchObjective = (x: Tensor, batch: Int32Array) => Tensor | number;

/**
 * Options for {@link sgd}. `dataSize` is required: the number of examples to batch over.
 *
 * @example
 * ```ts
 * // The course's trainer: full batch, every block scaled by its own (1 + N(0,1)·noise).
 * const opts: SgdOptions = { dataSize: 100, step: 7, noise: 1, blocks: [6, 42, 14, 6, 7, 2], rng };
 * ```
 */
export interface SgdOptions extends Omit<DescentOptions, 'gradient'> {
  /** Number of examples N; batches hold indices in [0, N). */
  readonly dataSize: number;
  /** Examples per update. Default N (full batch, as the course's trainer). */
  readonly batchSize?: number;
  /** Learning rate ("aggression"). Default 0.01. */
  readonly step?: number;
  /** Multiplicative gradient noise: each block is scaled by (1 + N(0,1)·noise). Default 0. */
  readonly noise?: number;
  /** Sizes of the parameter blocks that share a noise factor, in order; they must sum to n. Default one block. */
  readonly blocks?: readonly number[];
  /** Required when `noise > 0` or `batchSize < dataSize` (shuffling); `uniform()` must return values in [0, 1) and `normal()` finite ones. */
  readonly rng?: Rng;
  /** ∇ of the batch loss by hand. */
  readonly gradient?: (x: Float64Array, batch: Int32Array) => ArrayLike<number>;
  /**
   * With a full batch (the default), the gradient autodiff takes runs as a `jit` program
   * (default true; see {@link DescentOptions.jit}); mini-batches always run eagerly, since the
   * data f reads changes with every batch.
   */
  readonly jit?: boolean;
}

/**
 * Stochastic gradient descent as a generator of states, one per mini-batch update.
 * A state's `value` and `gradientNorm` are those of the batch the next update will use.
 *
 * @example
 * ```ts
 * for (const s of sgdSteps(loss, w0, { dataSize: 100, batchSize: 10, step: 0.1, rng })) bar.update(s.iteration, s.value);
 * ```
 */
export function sgdSteps(f: BatchObjective, x0: ArrayLike<number>, options: SgdOptions): OptimizationRun {
  const method = 'sgd';
  requireFunction(method, 'f', f);
  if (options == null || typeof options !== 'object') throw new TypeError(`${method}: options must be an object with "dataSize"`);
  rejectUnknownOptions(method, options, [...DESCENT_OPTION_KEYS, 'dataSize', 'batchSize', 'step', 'noise', 'blocks', 'rng']);
  const start = startVector(method, 'x0', x0);
  const n = start.length;
  const dataSize = positiveInteger(method, 'dataSize', options.dataSize, Number.NaN);
  if (Number.isNaN(dataSize)) throw new RangeError(`${method}: option "dataSize" must be a positive integer, got undefined`);
  const batchSize = positiveInteger(method, 'batchSize', options.batchSize, dataSize);
  if (batchSize > dataSize) throw new RangeError(`${method}: option "batchSize" (${batchSize}) must not exceed "dataSize" (${dataSize})`);
  const step = positiveNumber(method, 'step', options.step, 0.01);
  const noise = nonNegativeNumber(method, 'noise', options.noise, 0);
  const blocks = options.blocks ?? [n];
  if (!Array.isArray(blocks) || blocks.some((b) => !Number.isInteger(b) || b < 1)) {
    throw new RangeError(`${method}: option "blocks" must be an array of positive integers`);
  }
  checkLength(method, 'the sum of option "blocks"', blocks.reduce((a, b) => a + b, 0), n);
  const rng = options.rng;
  if ((noise > 0 || batchSize < dataSize) && (rng === undefined || typeof rng.normal !== 'function' || typeof rng.uniform !== 'function')) {
    throw new TypeError(`${method}: option "rng" ({ uniform(), normal() }) is required when "noise" > 0 or "batchSize" < "dataSize"`);
  }
  // A uniform draw of 1 would index past the end of a shuffle; a bad source is named, not trusted.
  const uniform = (): number => {
    const u = rng!.uniform();
    if (typeof u !== 'number' || !(u >= 0 && u < 1)) throw new RangeError(`${method}: option "rng": uniform() returned ${String(u)}; expected a number in [0, 1)`);
    return u;
  };
  const normal = (): number => {
    const z = rng!.normal();
    if (typeof z !== 'number' || !Number.isFinite(z)) throw new RangeError(`${method}: option "rng": normal() returned ${String(z)}; expected a finite number`);
    return z;
  };
  const gradient = optionalFunction<NonNullable<SgdOptions['gradient']>>(method, 'gradient', options.gradient);
  const opts = resolveDescentOptions(method, { ...options, gradient: undefined }, { gradientTolerance: 0 });

  const order = Int32Array.from({ length: dataSize }, (_, i) => i);
  let cursor = dataSize;
  let batch = order.subarray(0, batchSize);
  const nextBatch = () => {
    if (batchSize === dataSize) return;
    if (cursor + batchSize > dataSize) {
      // A fresh Fisher–Yates shuffle per epoch; the tail that does not fill a batch waits for the next epoch.
      for (let i = dataSize - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      cursor = 0;
    }
    batch = order.slice(cursor, cursor + batchSize);
    cursor += batchSize;
  };
  nextBatch();
  // A full batch is the same indices 0…N−1 at every step, so f(·, batch) can be compiled once
  // (keyed on f and N); mini-batches change the data f reads at every step, so they run eagerly.
  const jit = jitChoice(method, f, options, `full batch of ${dataSize}`);
  const ev = scalarEvaluator(method, (x) => f(x, batch), n, gradient === undefined ? undefined : (x) => gradient(x, batch), batchSize === dataSize ? jit : undefined);
  const tracker = new Tracker(method, ev, 'value', opts.historyLimit);
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    const x = Float64Array.from(current.x);
    let offset = 0;
    for (const size of blocks) {
      const factor = noise > 0 ? 1 + normal() * noise : 1;
      for (let i = offset; i < offset + size; i++) x[i]! -= step * factor * current.gradient[i]!;
      offset += size;
    }
    nextBatch();
    return { x, ...ev.valueAndGradient(x) };
  }, { consistency: false });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises a data loss by stochastic gradient descent: mini-batches (shuffled each epoch
 * with `rng.uniform`) and, as in the course's trainer, multiplicative gradient noise per
 * parameter block. Stops at `maxIterations` unless a tolerance is set.
 *
 * @example
 * ```ts
 * const r = sgd((w, batch) => batchLoss(w, batch), [0, 0], { dataSize: 50, batchSize: 5, step: 0.05, rng, maxIterations: 500 });
 * ```
 */
export function sgd(f: BatchObjective, x0: ArrayLike<number>, options: SgdOptions): OptimizationResult {
  return sgdSteps(f, x0, options).finish();
}
