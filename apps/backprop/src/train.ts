import { thinnedHistory, type ThinnedHistory } from '@slope/models';
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
  /** The most snapshots kept; more are thinned evenly (every 2nd, 4th, … kept). Default 1000. */
  readonly maxSnapshots?: number;
  /** The most points of the cost history kept besides the first and last, thinned alike. Default 2000. */
  readonly maxCostPoints?: number;
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
  /** True when the cost stopped being a finite number; training stopped there. */
  readonly diverged: boolean;
  /** Snapshots kept, evenly spaced over the run: every `snapshotStride` updates. */
  readonly snapshots: readonly Snapshot[];
  /** How many snapshots the schedule (`snapshotEvery`) asked for so far. */
  readonly scheduledSnapshots: number;
  /** Updates between kept snapshots: `snapshotEvery` until the cap thins them, then 2×, 4×, … that. */
  readonly snapshotStride: number;
  /** Cost before training (updates 0), at the snapshot points (thinned like the snapshots) and after the last update. */
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
  readonly snapshots: ThinnedHistory<Snapshot>;
  readonly costs: ThinnedHistory<{ updates: number; cost: number }>;
  /** Snapshot points passed so far (the next one's number). */
  scheduled: number;
}

/**
 * Updates number `from` + 1 … `stop` of the course loop, the stretch between two yields; returns
 * the cost before the last one (NaN or ±Infinity when the run diverged, which stops it). A plain
 * synchronous function, so none of the hot loop's locals live in the suspended frame of the
 * async `train`.
 */
function runUpdates(run: UpdateRun, from: number, stop: number): { cost: number; updates: number } {
  const { net, grads, values, jacobians, factors, iterations, aggression, noise, snapshotEvery, rng, engine, snapshots, costs } = run;
  const count = factors.length;
  let cost = Number.NaN;
  let updates = from;
  while (updates < stop) {
    cost = engine.gradients(net, grads);
    if (!Number.isFinite(cost)) return { cost, updates };
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
      // Only the snapshot points the thinned histories keep cost a forward pass.
      const point = run.scheduled++;
      if (snapshots.wants(point)) snapshots.add(point, { updates, cost: engine.cost(net), outputs: engine.outputs(net) });
      if (costs.wants(point)) costs.add(point, { updates, cost: engine.cost(net) });
    }
  }
  return { cost, updates };
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The course's trainer, `plot_training(x, y, iterations, aggression, noise)`: full-batch
 * updates P ← P − aggression · J_P · (1 + ξ_P · noise), with ξ ~ N(0, 1) drawn fresh per
 * Jacobian in the order J_W1, J_W2, J_W3, J_b1, J_b2, J_b3, for `iterations + 1` updates.
 * A snapshot is kept after each update where the countdown is a multiple of `snapshotEvery`,
 * at most `maxSnapshots` of them, thinned evenly over the run however long it gets (so an
 * interrupted 1e12-iteration run still has a picture of all of it, in bounded memory).
 * A cost that stops being finite ends the run (`diverged`).
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
  if (!Number.isSafeInteger(iterations) || iterations < 0) {
    throw new RangeError(`train: options.iterations is ${iterations}; expected an integer >= 0`);
  }
  if (!Number.isSafeInteger(snapshotEvery) || snapshotEvery < 1) {
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
    snapshots: thinnedHistory<Snapshot>(options.maxSnapshots ?? 1000),
    costs: thinnedHistory(options.maxCostPoints ?? 2000),
    scheduled: 0,
  };
  const began = now();

  let updates = 0;
  let diverged = !Number.isFinite(initialCost);
  let interrupted = signal?.aborted ?? false;
  while (!interrupted && !diverged && updates < totalUpdates) {
    const stretch = runUpdates(run, updates, Math.min(totalUpdates, updates + yieldEvery));
    updates = stretch.updates;
    diverged = !Number.isFinite(stretch.cost);
    onProgress?.({ updates, totalUpdates, cost: stretch.cost, elapsedMs: now() - began });
    if (!diverged && updates < totalUpdates) {
      await yieldToEventLoop();
      interrupted = signal?.aborted ?? false;
    }
  }
  const elapsedMs = now() - began;
  const finalCost = engine.cost(net);
  const finalOutputs = engine.outputs(net);
  const costHistory = [{ updates: 0, cost: initialCost }, ...run.costs.items];
  if (costHistory[costHistory.length - 1]!.updates !== updates) costHistory.push({ updates, cost: finalCost });
  return {
    network: net,
    initialCost,
    finalCost,
    finalOutputs,
    updates,
    totalUpdates,
    interrupted,
    diverged: diverged || !Number.isFinite(finalCost),
    snapshots: run.snapshots.items,
    scheduledSnapshots: run.scheduled,
    snapshotStride: snapshotEvery * run.snapshots.stride,
    costHistory,
    elapsedMs,
  };
}
