import { checkActivation, type Activation } from './activation.js';
import { toBatch, type Batch, type MatrixInput } from './batch.js';
import { networkEngine, type NetworkEngine, type NetworkShape } from './network-engine.js';
import { rejectUnknownOptions } from './options.js';
import type { Rng } from './rng.js';
import { isArrayLike } from './tensor-input.js';
import { thinnedHistory } from './thinned-history.js';

export type { MatrixInput } from './batch.js';

/**
 * The largest `iterations` one {@link Mlp.train} or {@link Mlp.trainSteps} call accepts (the
 * run makes iterations + 1 updates): 10¹², about 1.6 years at 20,000 updates a second, the same
 * cap as the backprop CLI's `--iterations`. Memory does not grow with the budget (see
 * {@link MLP_COST_HISTORY_LIMIT}), so a long run stopped early has still used bounded memory.
 *
 * @example
 * ```ts
 * const net = mlp({ layers: [1, 2], rng: createRng(0) });
 * try {
 *   net.train([0], [[0], [0]], { iterations: MLP_MAX_TRAIN_ITERATIONS + 1, noise: 0 });
 * } catch (error) {
 *   console.log((error as Error).message); // 'train: option iterations must be an integer from 0 to 1000000000000 …'
 * }
 * ```
 */
export const MLP_MAX_TRAIN_ITERATIONS = 1_000_000_000_000;

/**
 * The most entries {@link TrainResult.costs} keeps besides the final one: the progress points
 * are thinned evenly (every 2nd, 4th, … kept) once there would be more.
 *
 * @example
 * ```ts
 * const net = mlp({ layers: [1, 2], rng: createRng(0) });
 * net.train([0, 1], [[0, 1], [1, 0]], { iterations: 5000, progressEvery: 1, noise: 0 }).costs.length; // ≤ MLP_COST_HISTORY_LIMIT + 1
 * ```
 */
export const MLP_COST_HISTORY_LIMIT = 2000;

/**
 * The most weights and biases one {@link mlp} may hold (80 MB of float64, twice that while
 * training): a larger layer list is refused before any memory is taken.
 *
 * @example
 * ```ts
 * mlp({ layers: [1, 3000, 3000, 1], rng: createRng(0) }); // 9,006,001 parameters: fine
 * try {
 *   mlp({ layers: [1, 1e6, 1e6, 1], rng: createRng(0) });
 * } catch (error) {
 *   console.log((error as Error).message); // '… need 1,000,004,000,001 weights and biases; expected at most 10,000,000 (MLP_MAX_PARAMETERS)'
 * }
 * ```
 */
export const MLP_MAX_PARAMETERS = 10_000_000;

const MLP_OPTION_NAMES = ['layers', 'activation', 'outputActivation', 'rng', 'init', 'parameters'] as const;
const TRAIN_STEP_OPTION_NAMES = ['iterations', 'aggression', 'noise', 'rng', 'progressEvery', 'gradients'] as const;
const TRAIN_OPTION_NAMES = [...TRAIN_STEP_OPTION_NAMES, 'onProgress', 'signal'] as const;

/**
 * One layer's weights (one row per neuron) and biases.
 *
 * @example
 * ```ts
 * const quizLayer: LayerParameters = { weights: [[-2, 4, -1], [6, 0, -3]], biases: [0.1, -2.5] };
 * ```
 */
export interface LayerParameters {
  readonly weights: number[][];
  readonly biases: number[];
}

/**
 * How {@link mlp} draws its initial weights and biases.
 *
 * @example
 * ```ts
 * mlp({ layers: [1, 6, 7, 2], rng: createRng(0), init: 'xavier' satisfies MlpInit });
 * ```
 */
export type MlpInit = 'course' | 'xavier';

/**
 * Options for {@link mlp}.
 *
 * @example
 * ```ts
 * const course: MlpOptions = { layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0), init: 'course' };
 * ```
 */
export interface MlpOptions {
  /** Layer sizes from input to output, e.g. [1, 6, 7, 2] as in the course. */
  readonly layers: readonly number[];
  /** Activation of every layer; default 'sigmoid' (the course's logistic σ). */
  readonly activation?: Activation;
  /** Activation of the output layer; default the same as `activation`, as in the course. */
  readonly outputActivation?: Activation;
  /**
   * Random source for the initial weights; required unless `parameters` is given. Training
   * continues the same stream for its noise unless {@link TrainOptions.rng} names another (see
   * {@link mlp}: one seed, one stream).
   */
  readonly rng?: Rng;
  /**
   * 'course' (default): every weight and bias from N(0, 0.5²), drawn in the order W1, W2, …,
   * b1, b2, …, each row-major (COURSE.md §1.2). 'xavier': weights from N(0, 2/(fanIn + fanOut)),
   * biases 0.
   */
  readonly init?: MlpInit;
  /** Start from these weights instead of random ones (no rng needed). */
  readonly parameters?: readonly LayerParameters[];
}

/**
 * Options for {@link Mlp.train}.
 *
 * @example
 * ```ts
 * const notebook: TrainOptions = { iterations: 10000, aggression: 7, noise: 1 };
 * ```
 */
export interface TrainOptions {
  /**
   * The course's loop runs `while iterations >= 0`, so this makes iterations + 1 updates.
   * Default 10000; at most {@link MLP_MAX_TRAIN_ITERATIONS}.
   */
  readonly iterations?: number;
  /** Step multiplier on each Jacobian; default 7 (the notebook's setting). */
  readonly aggression?: number;
  /** Each Jacobian is scaled by (1 + N(0,1)·noise) per update; default 1. 0 makes plain gradient descent. */
  readonly noise?: number;
  /**
   * Source of the noise draws. Default: the rng the network was created with, continuing its
   * stream after the initial weights (one seed, one stream, as the notebook's `np.random`).
   * Needed when noise ≠ 0 and the network was built from `parameters`.
   */
  readonly rng?: Rng;
  /**
   * Progress points (reports, and the entries of {@link TrainResult.costs}) follow the
   * notebook's plotting rule with this spacing (default 100): update 0, then every update
   * after which the countdown is a multiple of it — see {@link snapshotDue}; the last update
   * always is one.
   */
  readonly progressEvery?: number;
  /**
   * Computes the cost and ∂C/∂W, ∂C/∂b at the given parameters (the layout of
   * {@link Mlp.parameters}) by another method, e.g. automatic differentiation; the trainer
   * then uses these instead of its own back-propagation. Default: the hand-written δ-recursion.
   */
  readonly gradients?: GradientFunction;
  /** Called at every progress point; call `progress.stop()` to end training there. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Training stops at the next update once this is aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A replacement for the trainer's own back-propagation (see {@link TrainOptions.gradients}):
 * the cost and the gradients, layer by layer, at `parameters`.
 *
 * @example
 * ```ts
 * const byHand: GradientFunction = (parameters) => {
 *   const copy = mlp({ layers: net.layers, parameters });
 *   return { cost: copy.cost(x, y), gradients: copy.gradients(x, y) };
 * };
 * ```
 */
export type GradientFunction = (parameters: readonly LayerParameters[]) => { readonly cost: number; readonly gradients: readonly LayerParameters[] };

/**
 * A progress report during training.
 *
 * @example
 * ```ts
 * net.train(x, y, { rng, onProgress: (p: TrainProgress) => { if (p.cost < 1e-3) p.stop(); } });
 * ```
 */
export interface TrainProgress {
  /** Updates done so far. */
  readonly iteration: number;
  /** Updates planned (iterations + 1). */
  readonly total: number;
  /** The cost at the current weights, after `iteration` updates. */
  readonly cost: number;
  /** End training after this report. */
  stop(): void;
}

/**
 * What {@link Mlp.train} returns.
 *
 * @example
 * ```ts
 * const { initialCost, finalCost, costs }: TrainResult = net.train(x, y, { rng });
 * ```
 */
export interface TrainResult {
  /** Updates performed. */
  readonly updates: number;
  readonly initialCost: number;
  readonly finalCost: number;
  /**
   * The cost at the progress points, update 0 first and the last update last; evenly thinned
   * to at most {@link MLP_COST_HISTORY_LIMIT} entries (plus the last) on long runs.
   */
  readonly costs: readonly { readonly iteration: number; readonly cost: number }[];
  /** 'completed', or why it ended early. */
  readonly reason: 'completed' | 'stopped' | 'aborted' | 'diverged';
}

/**
 * A fully connected feed-forward network (the course's multilayer perceptron).
 *
 * @example
 * ```ts
 * const net: Mlp = mlp({ layers: [1, 6, 7, 2], rng: createRng(0) });
 * const [horizontal, vertical] = net.forward(heartCurve().x);
 * ```
 */
export interface Mlp {
  readonly layers: readonly number[];
  readonly activation: Activation;
  readonly outputActivation: Activation;
  /** The output activations, one row per output, one column per example. */
  forward(x: MatrixInput): Float64Array[];
  /** Copies of the weights and biases, layer by layer. */
  parameters(): LayerParameters[];
  /** Replace the weights and biases (shapes must match). */
  setParameters(parameters: readonly LayerParameters[]): void;
  /** C = ‖a_L − y‖²_F / N (COURSE.md §1.3), N = number of examples. */
  cost(x: MatrixInput, y: MatrixInput): number;
  /** ∂C/∂W and ∂C/∂b for every layer, by the course's hand-derived back-propagation (§1.4). */
  gradients(x: MatrixInput, y: MatrixInput): LayerParameters[];
  /** The course trainer (§1.6): full batch, multiplicative Jacobian noise, progress and stop. */
  train(x: MatrixInput, y: MatrixInput, options?: TrainOptions): TrainResult;
  /** The same trainer as a generator: yields a report at every progress point, returns the result. */
  trainSteps(x: MatrixInput, y: MatrixInput, options?: Omit<TrainOptions, 'onProgress' | 'signal'>): Generator<TrainProgress, TrainResult>;
  toString(): string;
}

function checkLayers(layers: readonly number[]): number[] {
  if (!Array.isArray(layers) || layers.length < 2) {
    throw new RangeError(`mlp: option layers must list at least an input and an output size, got ${JSON.stringify(layers)}`);
  }
  layers.forEach((size, i) => {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`mlp: layers[${i}] is ${String(size)}; expected a positive integer`);
  });
  let count = 0;
  for (let l = 0; l + 1 < layers.length; l++) count += layers[l + 1]! * (layers[l]! + 1);
  if (count > MLP_MAX_PARAMETERS) {
    throw new RangeError(
      `mlp: layers [${layers.join(', ')}] need ${count.toLocaleString('en-US')} weights and biases; expected at most ${MLP_MAX_PARAMETERS.toLocaleString('en-US')} (MLP_MAX_PARAMETERS)`,
    );
  }
  return [...layers];
}


/**
 * The notebook's plotting rule (COURSE.md §1.6), the one rule Slope uses for every progress
 * point, drawing and snapshot of the course trainer: the loop counts `iterations` down to 0,
 * makes an update at each count, and plots after it when the count is a multiple of `every`.
 * So after update `update` (1-based) of a run of `iterations` iterations a snapshot is due when
 * iterations − update + 1 is a multiple of `every`; the last update (count 0) always is.
 *
 * @example
 * ```ts
 * // 1,000 iterations (1,001 updates), a snapshot every 100: after updates 1, 101, …, 1001.
 * [1, 100, 101, 1001].map((u) => snapshotDue(u, 1000, 100)); // [true, false, true, true]
 * ```
 */
export function snapshotDue(update: number, iterations: number, every: number): boolean {
  return (iterations - update + 1) % every === 0;
}

function checkTrainOptions(opts: TrainOptions): { iterations: number; aggression: number; noise: number; every: number } {
  const iterations = opts.iterations ?? 10000;
  const aggression = opts.aggression ?? 7;
  const noise = opts.noise ?? 1;
  const every = opts.progressEvery ?? 100;
  if (!(Number.isInteger(iterations) && iterations >= 0 && iterations <= MLP_MAX_TRAIN_ITERATIONS)) {
    throw new RangeError(`train: option iterations must be an integer from 0 to ${MLP_MAX_TRAIN_ITERATIONS} (MLP_MAX_TRAIN_ITERATIONS), got ${String(iterations)}`);
  }
  if (!(Number.isFinite(aggression) && aggression > 0)) throw new RangeError(`train: option aggression must be a positive number, got ${String(aggression)}`);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`train: option noise must be a number ≥ 0, got ${String(noise)}`);
  if (!(Number.isSafeInteger(every) && every >= 1)) throw new RangeError(`train: option progressEvery must be a positive integer, got ${String(every)}`);
  if (opts.gradients !== undefined && typeof opts.gradients !== 'function') {
    throw new TypeError(`train: option gradients must be a function (parameters) => { cost, gradients }, got ${typeof opts.gradients}`);
  }
  return { iterations, aggression, noise, every };
}

/**
 * Create a multilayer perceptron `a⁽ⁿ⁾ = σ(W⁽ⁿ⁾ a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾)` with examples as columns,
 * exactly the course's network (COURSE.md §1.2–1.6), and the course's trainer: the one
 * network and trainer of Slope, used by the backprop CLI and the docs site alike.
 *
 * Forward and backward passes are hand-written Float64Array loops over buffers allocated once
 * per training run (the δ-recursion of §1.4, checked against `@slope/autodiff` in the tests);
 * for the course's shape, [1, 6, 7, 2] with sigmoids, a fused kernel written out unit by unit
 * computes the same sums in the same order, bit for bit, in less time.
 *
 * **One seed, one run, everywhere.** The initial weights are the first draws of `rng`, and
 * training's noise continues the same stream unless `train` is given its own rng — the
 * notebook's one `np.random`. Every function on the path (the sigmoid's exp, tanh, the rng's
 * normal draws, the heart curve's sin and cos) is a portable implementation with the same bits
 * on every JavaScript engine, so `mlp({ layers, rng: createRng(seed) })` trained with the same
 * settings gives the same weights and costs, to the last bit, in Node and in a browser.
 *
 * @throws RangeError for bad layer sizes (or more than {@link MLP_MAX_PARAMETERS} parameters), activation or parameter shapes.
 * @throws TypeError for an unknown option name (naming the closest known one), or when no rng is given for random weights.
 * @example
 * ```ts
 * const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
 * const { x, y } = heartCurve();
 * const result = net.train(x, y, { iterations: 1000, aggression: 7, noise: 1 });
 * result.finalCost < result.initialCost; // true
 * ```
 */
export function mlp(options: MlpOptions): Mlp {
  rejectUnknownOptions('mlp', options, MLP_OPTION_NAMES);
  if (options === undefined) throw new TypeError('mlp: options { layers, rng } are required');
  const layers = checkLayers(options.layers);
  const activation = checkActivation('mlp', options.activation ?? 'sigmoid');
  const outputActivation = checkActivation('mlp (outputActivation)', options.outputActivation ?? activation);
  const depth = layers.length - 1;
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l < depth; l++) {
    weights.push(new Float64Array(layers[l + 1]! * layers[l]!));
    biases.push(new Float64Array(layers[l + 1]!));
  }
  const shape: NetworkShape = {
    layers,
    activations: Array.from({ length: depth }, (_, l) => (l === depth - 1 ? outputActivation : activation)),
    weights,
    biases,
  };
  // Bumped by setParameters, so a suspended trainSteps knows its stored activations are stale.
  let version = 0;

  function checkParameters(where: string, parameters: readonly LayerParameters[]): void {
    if (!Array.isArray(parameters) || parameters.length !== depth) {
      throw new RangeError(`${where}: got ${Array.isArray(parameters) ? parameters.length : typeof parameters} layers; expected ${depth}`);
    }
    parameters.forEach((p, l) => {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      const rows: unknown = p?.weights;
      if (!Array.isArray(rows) || rows.length !== out || rows.some((row: unknown) => !isArrayLike(row) || row.length !== inp)) {
        throw new RangeError(`${where}: layer ${l + 1} weights must be ${out}×${inp}`);
      }
      const column: unknown = p.biases;
      if (!isArrayLike(column) || column.length !== out) {
        throw new RangeError(`${where}: layer ${l + 1} has ${isArrayLike(column) ? column.length : 'no'} biases; expected ${out}`);
      }
    });
  }

  function setParameters(parameters: readonly LayerParameters[]): void {
    checkParameters('setParameters', parameters);
    copyInto(parameters, weights, biases);
    version++;
  }

  const initRng = options.rng;
  if (options.parameters) {
    setParameters(options.parameters);
  } else {
    if (!initRng) throw new TypeError('mlp: option rng is required to draw initial weights (or pass parameters)');
    const init = options.init ?? 'course';
    if (init === 'course') {
      for (const w of weights) for (let i = 0; i < w.length; i++) w[i] = initRng.normal() / 2;
      for (const b of biases) for (let i = 0; i < b.length; i++) b[i] = initRng.normal() / 2;
    } else if (init === 'xavier') {
      weights.forEach((w, l) => {
        const std = Math.sqrt(2 / (layers[l]! + layers[l + 1]!));
        for (let i = 0; i < w.length; i++) w[i] = initRng.normal() * std;
      });
    } else {
      throw new RangeError(`mlp: option init must be 'course' or 'xavier', got ${JSON.stringify(init)}`);
    }
  }

  function copyInto(parameters: readonly LayerParameters[], w: readonly Float64Array[], b: readonly Float64Array[]): void {
    parameters.forEach((p, l) => {
      const inp = layers[l]!;
      p.weights.forEach((row, i) => w[l]!.set(row, i * inp));
      b[l]!.set(p.biases);
    });
  }

  function rowsOf(data: Float64Array, rows: number, columns: number): Float64Array[] {
    return Array.from({ length: rows }, (_, r) => data.slice(r * columns, (r + 1) * columns));
  }

  function asParameters(dw: readonly Float64Array[], db: readonly Float64Array[]): LayerParameters[] {
    return dw.map((w, l) => ({
      weights: rowsOf(w, layers[l + 1]!, layers[l]!).map((row) => Array.from(row)),
      biases: Array.from(db[l]!),
    }));
  }

  const zerosLike = (arrays: readonly Float64Array[]) => arrays.map((a) => new Float64Array(a.length));

  function inputs(where: string, x: MatrixInput, y: MatrixInput): [Batch, Batch] {
    const bx = toBatch(where, 'x', x, layers[0]!);
    return [bx, toBatch(where, 'y', y, layers[depth]!, bx.columns)];
  }

  /** Writes the gradients a user's GradientFunction returned into dw, db, checking their shapes. */
  function takeGradients(result: ReturnType<GradientFunction>, dw: Float64Array[], db: Float64Array[]): number {
    const where = 'train: option gradients';
    if (result == null || typeof result !== 'object') throw new TypeError(`${where} must return { cost, gradients }, got ${String(result)}`);
    checkParameters(`${where} returned gradients that do not fit the network`, result.gradients);
    copyInto(result.gradients, dw, db);
    return Number(result.cost);
  }

  function* steps(x: MatrixInput, y: MatrixInput, opts: TrainOptions): Generator<TrainProgress, TrainResult> {
    const [bx, by] = inputs('train(x, y)', x, y);
    const { iterations, aggression, noise, every } = checkTrainOptions(opts);
    const rng = opts.rng ?? initRng;
    if (noise !== 0 && !rng) throw new TypeError('train: option rng is required when noise is not 0 and the network was built from parameters');
    const custom = opts.gradients;
    const engine: NetworkEngine = networkEngine(shape, bx, by);
    const dw = zerosLike(weights);
    const db = zerosLike(biases);
    const total = iterations + 1;
    // The history keeps an even subset of the progress points, numbered 0, 1, 2, … in order.
    const costs = thinnedHistory<{ iteration: number; cost: number }>(MLP_COST_HISTORY_LIMIT);
    let point = 0;
    let stopRequested = false;
    const stop = () => {
      stopRequested = true;
    };
    const factors = new Float64Array(2 * depth);
    let reason: TrainResult['reason'] = 'completed';
    let updates = 0;
    let initialCost = Number.NaN;
    let cost: number;
    let lastReported = -1;
    for (;;) {
      // The cost at the weights after `updates` updates; the engine keeps the pass for backward.
      const seen = version;
      cost = custom ? takeGradients(custom(asParameters(weights, biases)), dw, db) : engine.forward();
      if (updates === 0) initialCost = cost;
      if (!Number.isFinite(cost)) {
        reason = 'diverged';
        break;
      }
      if (updates === 0 || snapshotDue(updates, iterations, every)) {
        costs.add(point++, { iteration: updates, cost });
        lastReported = updates;
        yield { iteration: updates, total, cost, stop };
        if (stopRequested) {
          reason = 'stopped';
          break;
        }
      }
      if (updates === total) break;
      if (opts.signal?.aborted) {
        reason = 'aborted';
        break;
      }
      if (!custom) {
        // Parameters set while the generator was suspended: the stored pass is of the old ones.
        if (version !== seen) engine.forward();
        engine.backward(dw, db);
      }
      // One factor per Jacobian, drawn in the course's order J_W1 … J_WL, J_b1 … J_bL.
      for (let q = 0; q < factors.length; q++) factors[q] = noise === 0 ? 1 : 1 + rng!.normal() * noise;
      for (let l = 0; l < depth; l++) {
        const w = weights[l]!;
        const gw = dw[l]!;
        const sw = aggression * factors[l]!;
        for (let i = 0; i < w.length; i++) w[i]! -= sw * gw[i]!;
        const b = biases[l]!;
        const gb = db[l]!;
        const sb = aggression * factors[depth + l]!;
        for (let i = 0; i < b.length; i++) b[i]! -= sb * gb[i]!;
      }
      updates++;
    }
    const history = [...costs.items];
    if (reason !== 'diverged' && lastReported !== updates) {
      history.push({ iteration: updates, cost });
      yield { iteration: updates, total, cost, stop };
    }
    return { updates, initialCost, finalCost: cost, costs: history, reason };
  }

  const network: Mlp = {
    layers,
    activation,
    outputActivation,
    forward(x) {
      const bx = toBatch('forward(x)', 'x', x, layers[0]!);
      const engine = networkEngine(shape, bx, null);
      engine.forward();
      return rowsOf(engine.output, layers[depth]!, bx.columns);
    },
    parameters() {
      return asParameters(weights, biases);
    },
    setParameters,
    cost(x, y) {
      const [bx, by] = inputs('cost(x, y)', x, y);
      return networkEngine(shape, bx, by).forward();
    },
    gradients(x, y) {
      const [bx, by] = inputs('gradients(x, y)', x, y);
      const engine = networkEngine(shape, bx, by);
      const dw = zerosLike(weights);
      const db = zerosLike(biases);
      engine.forward();
      engine.backward(dw, db);
      return asParameters(dw, db);
    },
    train(x, y, opts = {}) {
      rejectUnknownOptions('train', opts, TRAIN_OPTION_NAMES);
      const run = steps(x, y, opts);
      for (;;) {
        const next = run.next();
        if (next.done) return next.value;
        opts.onProgress?.(next.value);
      }
    },
    trainSteps(x, y, opts = {}) {
      // Checked here, not inside the generator, so a misspelt option fails at the call.
      rejectUnknownOptions('trainSteps', opts, TRAIN_STEP_OPTION_NAMES);
      return steps(x, y, opts);
    },
    toString() {
      return `MLP [${layers.join(', ')}] (${activation}${outputActivation === activation ? '' : `, output ${outputActivation}`})`;
    },
  };
  return network;
}
