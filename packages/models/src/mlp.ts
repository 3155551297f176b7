import { activateInto, checkActivation, multiplySlope, type Activation } from './activation.js';
import { rejectUnknownOptions } from './options.js';
import type { Rng } from './rng.js';
import { describeInput, isArrayLike, isTensorLike, type TensorLike } from './tensor-input.js';
import { thinnedHistory } from './thinned-history.js';

/**
 * A batch of column vectors, course-style: one row per feature, one column per example.
 * A flat array is one row (for networks with one input or one output). A tensor of
 * `@slope/autodiff` works too: shape [features, examples], or [examples] for one row.
 *
 * @example
 * ```ts
 * const x: MatrixInput = [0, 0.01, 0.02];                // 1 × 3
 * const y: MatrixInput = [[0.5, 0.6, 0.7], [0.6, 0.6, 0.6]]; // 2 × 3
 * const t: MatrixInput = tensor([0, 0.01, 0.02], [1, 3]); // 1 × 3
 * ```
 */
export type MatrixInput = ArrayLike<number> | readonly (ArrayLike<number> | TensorLike)[] | TensorLike;

/**
 * The most updates one {@link Mlp.train} call makes (`iterations + 1`). Training is
 * synchronous, so a budget beyond this is a typo or a hang, not a plan; memory does not grow
 * with it (see {@link MLP_COST_HISTORY_LIMIT}).
 *
 * @example
 * ```ts
 * const net = mlp({ layers: [1, 2], rng: createRng(0) });
 * try {
 *   net.train([0], [[0], [0]], { iterations: MLP_MAX_TRAIN_ITERATIONS, noise: 0 });
 * } catch (error) {
 *   console.log((error as Error).message); // 'train: option iterations must be an integer from 0 to 99999999 …'
 * }
 * ```
 */
export const MLP_MAX_TRAIN_ITERATIONS = 100_000_000;

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
const TRAIN_STEP_OPTION_NAMES = ['iterations', 'aggression', 'noise', 'rng', 'progressEvery'] as const;
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
  /** Random source for the initial weights; required unless `parameters` is given. */
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
 * const notebook: TrainOptions = { iterations: 10000, aggression: 7, noise: 1, rng: createRng(1) };
 * ```
 */
export interface TrainOptions {
  /**
   * The course's loop runs `while iterations >= 0`, so this makes iterations + 1 updates.
   * Default 10000; at most {@link MLP_MAX_TRAIN_ITERATIONS} − 1.
   */
  readonly iterations?: number;
  /** Step multiplier on each Jacobian; default 7 (the notebook's setting). */
  readonly aggression?: number;
  /** Each Jacobian is scaled by (1 + N(0,1)·noise) per update; default 1. 0 makes plain gradient descent. */
  readonly noise?: number;
  /** Source of the noise draws; required when noise ≠ 0. */
  readonly rng?: Rng;
  /** Report progress every this many updates (default 100, the notebook's plotting interval). */
  readonly progressEvery?: number;
  /** Called at every progress point; call `progress.stop()` to end training there. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Training stops at the next update once this is aborted. */
  readonly signal?: AbortSignal;
}

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
  /** The cost at the current weights. */
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
  /** The same trainer as a generator: yields a progress report every `progressEvery` updates, returns the result. */
  trainSteps(x: MatrixInput, y: MatrixInput, options?: Omit<TrainOptions, 'onProgress' | 'signal'>): Generator<TrainProgress, TrainResult>;
  toString(): string;
}

interface Batch {
  readonly data: Float64Array;
  readonly columns: number;
}

const ACCEPTED_FORMS = 'a number[] (one row), a number[][] (one row per feature, one column per example), a Float64Array, or a tensor of shape [features, examples]';

function rowValues(where: string, argument: string, row: unknown, r: number): ArrayLike<number> {
  if (isTensorLike(row) && row.shape.length <= 1) return row.data;
  if (isArrayLike(row) && typeof row !== 'string') return row as ArrayLike<number>;
  throw new TypeError(`${where}: ${argument}[${r}] is ${describeInput(row)}; expected a row of numbers`);
}

function toBatch(where: string, argument: 'x' | 'y', input: MatrixInput, rows: number, columns?: number): Batch {
  let rowList: ArrayLike<number>[];
  if (isTensorLike(input)) {
    const { shape, data } = input;
    if (shape.length === 1) rowList = [data];
    else if (shape.length === 2) {
      const n = shape[1]!;
      rowList = Array.from({ length: shape[0]! }, (_, r) => Array.prototype.slice.call(data, r * n, (r + 1) * n) as number[]);
    } else {
      throw new TypeError(`${where}: ${argument} is a tensor of shape [${shape.join(', ')}]; expected ${ACCEPTED_FORMS}`);
    }
  } else if (isArrayLike(input)) {
    const nested = input.length > 0 && typeof input[0] !== 'number';
    rowList = nested ? Array.from(input as readonly unknown[], (row, r) => rowValues(where, argument, row, r)) : [input as ArrayLike<number>];
  } else {
    throw new TypeError(`${where}: ${argument} is ${describeInput(input)}; expected ${ACCEPTED_FORMS}`);
  }
  if (rowList.length !== rows) {
    throw new RangeError(`${where}: ${argument} has ${rowList.length} row(s); expected ${rows} (one per ${argument === 'y' ? 'output' : 'input'}), examples as columns`);
  }
  const n = rowList[0]!.length;
  if (n === 0) throw new RangeError(`${where}: ${argument} has no examples; expected at least one column`);
  if (columns !== undefined && n !== columns) throw new RangeError(`${where}: ${argument} has ${n} examples; expected ${columns} to match x`);
  const data = new Float64Array(rows * n);
  rowList.forEach((row, r) => {
    if (row.length !== n) throw new RangeError(`${where}: ${argument} row ${r} has ${row.length} values; expected ${n} like row 0`);
    for (let k = 0; k < n; k++) {
      const v = row[k]!;
      if (!Number.isFinite(v)) throw new RangeError(`${where}: ${argument} row ${r}, column ${k} is ${String(v)}; expected a finite number`);
      data[r * n + k] = v;
    }
  });
  return { data, columns: n };
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
 * Create a multilayer perceptron `a⁽ⁿ⁾ = σ(W⁽ⁿ⁾ a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾)` with examples as columns,
 * exactly the course's network (COURSE.md §1.2–1.6). Forward and backward passes are
 * hand-written Float64Array loops (the δ-recursion of §1.4), checked against
 * `@slope/autodiff` in the tests.
 *
 * @throws RangeError for bad layer sizes (or more than {@link MLP_MAX_PARAMETERS} parameters), activation or parameter shapes.
 * @throws TypeError for an unknown option name (naming the closest known one), or when no rng is given for random weights.
 * @example
 * ```ts
 * const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
 * const { x, y } = heartCurve();
 * const result = net.train(x, y, { iterations: 1000, aggression: 7, noise: 1, rng: createRng(1) });
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
  const act = (l: number) => (l === depth - 1 ? outputActivation : activation);

  function setParameters(parameters: readonly LayerParameters[]): void {
    if (parameters.length !== depth) throw new RangeError(`setParameters: got ${parameters.length} layers; expected ${depth}`);
    parameters.forEach((p, l) => {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      if (p.weights.length !== out || p.weights.some((row) => row.length !== inp)) {
        throw new RangeError(`setParameters: layer ${l + 1} weights must be ${out}×${inp}`);
      }
      if (p.biases.length !== out) throw new RangeError(`setParameters: layer ${l + 1} has ${p.biases.length} biases; expected ${out}`);
    });
    parameters.forEach((p, l) => {
      weights[l]!.set(p.weights.flat());
      biases[l]!.set(p.biases);
    });
  }

  if (options.parameters) {
    setParameters(options.parameters);
  } else {
    const rng = options.rng;
    if (!rng) throw new TypeError('mlp: option rng is required to draw initial weights (or pass parameters)');
    const init = options.init ?? 'course';
    if (init === 'course') {
      for (const w of weights) for (let i = 0; i < w.length; i++) w[i] = rng.normal() / 2;
      for (const b of biases) for (let i = 0; i < b.length; i++) b[i] = rng.normal() / 2;
    } else if (init === 'xavier') {
      weights.forEach((w, l) => {
        const std = Math.sqrt(2 / (layers[l]! + layers[l + 1]!));
        for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
      });
    } else {
      throw new RangeError(`mlp: option init must be 'course' or 'xavier', got ${JSON.stringify(init)}`);
    }
  }

  // Activations a[0..depth] and pre-activations z[1..depth] of the last batch, unit-major.
  function forwardPass(x: Batch): { z: Float64Array[]; a: Float64Array[] } {
    const n = x.columns;
    const a = [x.data];
    const z: Float64Array[] = [new Float64Array(0)];
    for (let l = 0; l < depth; l++) {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      const w = weights[l]!;
      const b = biases[l]!;
      const prev = a[l]!;
      const zl = new Float64Array(out * n);
      const al = new Float64Array(out * n);
      const f = act(l);
      for (let i = 0; i < out; i++) {
        const row = i * n;
        zl.fill(b[i]!, row, row + n);
        for (let j = 0; j < inp; j++) {
          const wij = w[i * inp + j]!;
          const col = j * n;
          for (let k = 0; k < n; k++) zl[row + k]! += wij * prev[col + k]!;
        }
      }
      activateInto(f, zl, al);
      z.push(zl);
      a.push(al);
    }
    return { z, a };
  }

  function costOf(output: Float64Array, y: Batch): number {
    let s = 0;
    for (let i = 0; i < output.length; i++) {
      const d = output[i]! - y.data[i]!;
      s += d * d;
    }
    return s / y.columns;
  }

  // δ_L = 2(a_L − y) ⊙ σ'(z_L); δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ σ'(z_l); J_W = δ a_{l−1}ᵀ / N; J_b = Σ δ / N.
  function backwardPass(pass: { z: Float64Array[]; a: Float64Array[] }, y: Batch): { dw: Float64Array[]; db: Float64Array[] } {
    const n = y.columns;
    const dw: Float64Array[] = new Array<Float64Array>(depth);
    const db: Float64Array[] = new Array<Float64Array>(depth);
    const top = pass.a[depth]!;
    const ztop = pass.z[depth]!;
    let delta = new Float64Array(top.length);
    for (let i = 0; i < top.length; i++) delta[i] = 2 * (top[i]! - y.data[i]!);
    multiplySlope(act(depth - 1), ztop, top, delta);
    for (let l = depth - 1; l >= 0; l--) {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      const prev = pass.a[l]!;
      const gw = new Float64Array(out * inp);
      const gb = new Float64Array(out);
      for (let i = 0; i < out; i++) {
        const row = i * n;
        let sb = 0;
        for (let k = 0; k < n; k++) sb += delta[row + k]!;
        gb[i] = sb / n;
        for (let j = 0; j < inp; j++) {
          const col = j * n;
          let s = 0;
          for (let k = 0; k < n; k++) s += delta[row + k]! * prev[col + k]!;
          gw[i * inp + j] = s / n;
        }
      }
      dw[l] = gw;
      db[l] = gb;
      if (l > 0) {
        const w = weights[l]!;
        const zl = pass.z[l]!;
        const next = new Float64Array(inp * n);
        for (let i = 0; i < out; i++) {
          for (let j = 0; j < inp; j++) {
            const wij = w[i * inp + j]!;
            for (let k = 0; k < n; k++) next[j * n + k]! += wij * delta[i * n + k]!;
          }
        }
        multiplySlope(act(l - 1), zl, prev, next);
        delta = next;
      }
    }
    return { dw, db };
  }

  function rowsOf(data: Float64Array, rows: number, columns: number): Float64Array[] {
    return Array.from({ length: rows }, (_, r) => data.slice(r * columns, (r + 1) * columns));
  }

  function asParameters(dw: Float64Array[], db: Float64Array[]): LayerParameters[] {
    return dw.map((w, l) => ({
      weights: rowsOf(w, layers[l + 1]!, layers[l]!).map((row) => Array.from(row)),
      biases: Array.from(db[l]!),
    }));
  }

  function inputs(where: string, x: MatrixInput, y: MatrixInput): [Batch, Batch] {
    const bx = toBatch(where, 'x', x, layers[0]!);
    return [bx, toBatch(where, 'y', y, layers[depth]!, bx.columns)];
  }

  function* steps(x: MatrixInput, y: MatrixInput, opts: TrainOptions): Generator<TrainProgress, TrainResult> {
    const [bx, by] = inputs('train(x, y)', x, y);
    const iterations = opts.iterations ?? 10000;
    const aggression = opts.aggression ?? 7;
    const noise = opts.noise ?? 1;
    const every = opts.progressEvery ?? 100;
    if (!(Number.isInteger(iterations) && iterations >= 0 && iterations < MLP_MAX_TRAIN_ITERATIONS)) {
      throw new RangeError(`train: option iterations must be an integer from 0 to ${MLP_MAX_TRAIN_ITERATIONS - 1} (MLP_MAX_TRAIN_ITERATIONS − 1), got ${String(iterations)}`);
    }
    if (!(Number.isFinite(aggression) && aggression > 0)) throw new RangeError(`train: option aggression must be a positive number, got ${String(aggression)}`);
    if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`train: option noise must be a number ≥ 0, got ${String(noise)}`);
    if (!(Number.isInteger(every) && every >= 1)) throw new RangeError(`train: option progressEvery must be a positive integer, got ${String(every)}`);
    const rng = opts.rng;
    if (noise !== 0 && !rng) throw new TypeError('train: option rng is required when noise is not 0');

    const total = iterations + 1;
    // Progress points are numbered 0, 1, 2, … (update = point · every); the history keeps an even subset.
    const costs = thinnedHistory<{ iteration: number; cost: number }>(MLP_COST_HISTORY_LIMIT);
    let lastReported = -1;
    let stopRequested = false;
    const stop = () => {
      stopRequested = true;
    };
    let initialCost = Number.NaN;
    let reason: TrainResult['reason'] = 'completed';
    let updates = 0;
    const factors = new Float64Array(2 * depth);
    while (updates < total) {
      const pass = forwardPass(bx);
      const cost = costOf(pass.a[depth]!, by);
      if (updates === 0) initialCost = cost;
      if (!Number.isFinite(cost)) {
        reason = 'diverged';
        break;
      }
      if (updates % every === 0) {
        costs.add(updates / every, { iteration: updates, cost });
        lastReported = updates;
        yield { iteration: updates, total, cost, stop };
        if (stopRequested) {
          reason = 'stopped';
          break;
        }
        if (opts.signal?.aborted) {
          reason = 'aborted';
          break;
        }
      }
      const { dw, db } = backwardPass(pass, by);
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
      if (opts.signal?.aborted) {
        reason = 'aborted';
        break;
      }
    }
    const finalCost = costOf(forwardPass(bx).a[depth]!, by);
    const history = [...costs.items];
    if (reason === 'completed' || reason === 'stopped' || reason === 'aborted') {
      if (history[history.length - 1]?.iteration !== updates) history.push({ iteration: updates, cost: finalCost });
      if (lastReported !== updates) yield { iteration: updates, total, cost: finalCost, stop };
    }
    return { updates, initialCost, finalCost, costs: history, reason };
  }

  const network: Mlp = {
    layers,
    activation,
    outputActivation,
    forward(x) {
      const bx = toBatch('forward(x)', 'x', x, layers[0]!);
      return rowsOf(forwardPass(bx).a[depth]!, layers[depth]!, bx.columns);
    },
    parameters() {
      return asParameters(weights, biases);
    },
    setParameters,
    cost(x, y) {
      const [bx, by] = inputs('cost(x, y)', x, y);
      return costOf(forwardPass(bx).a[depth]!, by);
    },
    gradients(x, y) {
      const [bx, by] = inputs('gradients(x, y)', x, y);
      const { dw, db } = backwardPass(forwardPass(bx), by);
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
