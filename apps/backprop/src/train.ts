import type { GradientEngine } from './engine.js';
import { createGradients, type Gradients } from './gradients.js';
import { cloneNetwork, PARAMETER_NAMES, type Network, type NormalSource } from './network.js';

/**
 * The course trainer's settings (COURSE.md §1.6).
 *
 * @example
 * const options: TrainOptions = { iterations: 50_000, aggression: 7, noise: 1, snapshotEvery: 100, rng, engine };
 */
export interface TrainOptions {
  /** The loop runs `iterations + 1` updates, as the notebook's `while iterations >= 0`. */
  readonly iterations: number;
  /** The step size: P ← P − aggression · J_P · (1 + ξ_P · noise). */
  readonly aggression: number;
  /** Scale of the multiplicative N(0, 1) noise on each Jacobian. */
  readonly noise: number;
  /** Keep the network's output whenever the notebook's countdown is a multiple of this. */
  readonly snapshotEvery: number;
  /** Source of the noise draws. */
  readonly rng: NormalSource;
  readonly engine: GradientEngine;
  /** Aborting stops training at the next yield; the result covers the updates done. */
  readonly signal?: AbortSignal;
  /** Updates between yields to the event loop (and progress reports). Default 250. */
  readonly yieldEvery?: number;
  /** Called at every yield with the progress so far. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Clock in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
}

/**
 * Where training is, reported at every yield.
 *
 * @example
 * train(net, { ...options, onProgress: (p: TrainProgress) => console.log(p.updates, p.cost) });
 */
export interface TrainProgress {
  /** Updates done so far. */
  readonly updates: number;
  /** Updates planned (`iterations + 1`). */
  readonly totalUpdates: number;
  /** The cost before the latest update. */
  readonly cost: number;
  readonly elapsedMs: number;
}

/**
 * The network's output curve after one update, as the notebook's magenta snapshots.
 *
 * @example
 * result.snapshots.map((s: Snapshot) => s.cost);
 */
export interface Snapshot {
  /** Updates done when it was taken. */
  readonly updates: number;
  readonly cost: number;
  /** a3, 2×N row-major. */
  readonly outputs: Float64Array;
}

/**
 * What a training run did.
 *
 * @example
 * const { finalCost, interrupted }: TrainResult = await train(net, options);
 */
export interface TrainResult {
  /** The trained network (the input network is left untouched). */
  readonly network: Network;
  readonly initialCost: number;
  readonly finalCost: number;
  /** a3 of the final network, 2×N row-major. */
  readonly finalOutputs: Float64Array;
  readonly updates: number;
  readonly totalUpdates: number;
  /** True when `signal` stopped the run early. */
  readonly interrupted: boolean;
  readonly snapshots: readonly Snapshot[];
  /** Cost before training (updates 0) and at every snapshot. */
  readonly costHistory: readonly { readonly updates: number; readonly cost: number }[];
  readonly elapsedMs: number;
}

/** Everything one stretch of updates reads and writes, gathered once per `train` call. */
interface UpdateRun {
  readonly net: Network;
  readonly grads: Gradients;
  /** The parameters and their Jacobians in the draw order W1, W2, W3, b1, b2, b3. */
  readonly values: readonly Float64Array[];
  readonly jacobians: readonly Float64Array[];
  /** 1 + ξ · noise for each parameter, refilled every update. */
  readonly factors: Float64Array;
  readonly iterations: number;
  readonly aggression: number;
  readonly noise: number;
  readonly snapshotEvery: number;
  readonly rng: NormalSource;
  readonly engine: GradientEngine;
  readonly snapshots: Snapshot[];
  readonly costHistory: { updates: number; cost: number }[];
}

/**
 * Updates number `from` + 1 … `stop` of the course loop, the stretch between two yields; returns
 * the cost before the last one. A plain synchronous function, so none of the hot loop's locals
 * live in the suspended frame of the async `train`.
 */
function runUpdates(run: UpdateRun, from: number, stop: number): number {
  const { net, grads, values, jacobians, factors, iterations, aggression, noise, snapshotEvery, rng, engine } = run;
  const count = factors.length;
  let cost = Number.NaN;
  for (let updates = from; updates < stop; ) {
    cost = engine.gradients(net, grads);
    for (let p = 0; p < count; p++) factors[p] = 1 + rng.normal() * noise;
    for (let p = 0; p < count; p++) {
      const parameter = values[p]!;
      const jacobian = jacobians[p]!;
      const factor = factors[p]!;
      for (let i = 0; i < parameter.length; i++) parameter[i]! -= jacobian[i]! * factor * aggression;
    }
    const countdown = iterations - updates;
    updates++;
    if (countdown % snapshotEvery === 0) {
      const outputs = engine.outputs(net);
      const snapshotCost = engine.cost(net);
      run.snapshots.push({ updates, cost: snapshotCost, outputs });
      run.costHistory.push({ updates, cost: snapshotCost });
    }
  }
  return cost;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The course's trainer, `plot_training(x, y, iterations, aggression, noise)`: full-batch
 * updates P ← P − aggression · J_P · (1 + ξ_P · noise), with ξ ~ N(0, 1) drawn fresh per
 * Jacobian in the order J_W1, J_W2, J_W3, J_b1, J_b2, J_b3, for `iterations + 1` updates.
 * A snapshot is kept after each update where the countdown is a multiple of `snapshotEvery`.
 *
 * @example
 * const result = await train(initNetwork([6, 7], rng), {
 *   iterations: 50_000, aggression: 7, noise: 1, snapshotEvery: 100, rng, engine,
 * });
 * result.finalCost; // < 1e-3
 */
export async function train(start: Network, options: TrainOptions): Promise<TrainResult> {
  const { iterations, aggression, noise, snapshotEvery, rng, engine, signal, onProgress } = options;
  const yieldEvery = options.yieldEvery ?? 250;
  const now = options.now ?? (() => performance.now());
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`train: options.iterations is ${iterations}; expected an integer >= 0`);
  }
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) {
    throw new RangeError(`train: options.snapshotEvery is ${snapshotEvery}; expected a positive integer`);
  }
  if (!Number.isInteger(yieldEvery) || yieldEvery < 1) {
    throw new RangeError(`train: options.yieldEvery is ${yieldEvery}; expected a positive integer`);
  }

  const net = cloneNetwork(start);
  const grads = createGradients(net.hidden);
  const totalUpdates = iterations + 1;
  const initialCost = engine.cost(net);
  const run: UpdateRun = {
    net,
    grads,
    values: PARAMETER_NAMES.map((name) => net[name]),
    jacobians: PARAMETER_NAMES.map((name) => grads[name]),
    factors: new Float64Array(PARAMETER_NAMES.length),
    iterations,
    aggression,
    noise,
    snapshotEvery,
    rng,
    engine,
    snapshots: [],
    costHistory: [{ updates: 0, cost: initialCost }],
  };
  const { snapshots, costHistory } = run;
  const began = now();

  let updates = 0;
  let interrupted = signal?.aborted ?? false;
  while (!interrupted && updates < totalUpdates) {
    const stop = Math.min(totalUpdates, updates + yieldEvery);
    const cost = runUpdates(run, updates, stop);
    updates = stop;
    onProgress?.({ updates, totalUpdates, cost, elapsedMs: now() - began });
    if (updates < totalUpdates) {
      await yieldToEventLoop();
      interrupted = signal?.aborted ?? false;
    }
  }
  const elapsedMs = now() - began;
  const finalCost = engine.cost(net);
  const finalOutputs = engine.outputs(net);
  const last = costHistory[costHistory.length - 1];
  if (last !== undefined && last.updates !== updates) costHistory.push({ updates, cost: finalCost });
  return { network: net, initialCost, finalCost, finalOutputs, updates, totalUpdates, interrupted, snapshots, costHistory, elapsedMs };
}
