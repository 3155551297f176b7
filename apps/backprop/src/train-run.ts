import { snapshotDue, thinnedHistory, type GradientFunction, type LayerParameters, type Mlp } from '@slope/models/mlp';

/**
 * One training run of the CLI: `mlp().trainSteps` (the one course trainer of `@slope/models`)
 * driven with progress, snapshots for the drawing, and Ctrl-C.
 *
 * @example
 * const options: TrainRunOptions = { iterations: 50_000, aggression: 7, noise: 1, snapshotEvery: 100, maxSnapshots: 1000 };
 */
export interface TrainRunOptions {
  /** The loop makes `iterations + 1` updates, as the notebook's `while iterations >= 0`. */
  readonly iterations: number;
  readonly aggression: number;
  readonly noise: number;
  /** Keep the network's output after each update where the notebook's countdown is a multiple of this. */
  readonly snapshotEvery: number;
  /** The most snapshots kept; more are thinned evenly (every 2nd, 4th, … kept). */
  readonly maxSnapshots: number;
  /** Gradients by another method (`--engine autodiff`); default the trainer's own. */
  readonly gradients?: GradientFunction;
  /** Aborting stops training at the next yield; the result covers the updates done. */
  readonly signal?: AbortSignal;
  /** Called about every {@link PROGRESS_MS} milliseconds and at the end. */
  readonly onProgress?: (progress: { readonly updates: number; readonly cost: number; readonly elapsedMs: number }) => void;
  /** Clock in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
}

/**
 * The network's output after one update, as the notebook's magenta curves.
 *
 * @example
 * result.snapshots.map((s: Snapshot) => s.cost);
 */
export interface Snapshot {
  /** Updates done when it was taken. */
  readonly updates: number;
  readonly cost: number;
  /** a3: the horizontal and vertical outputs at the training inputs. */
  readonly outputs: readonly [Float64Array, Float64Array];
}

/**
 * What a run did.
 *
 * @example
 * const { finalCost, interrupted }: TrainRun = await trainRun(net, x, y, options);
 */
export interface TrainRun {
  readonly initialCost: number;
  readonly finalCost: number;
  /** a3 of the final network. */
  readonly finalOutputs: readonly [Float64Array, Float64Array];
  readonly parameters: LayerParameters[];
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
  /** The cost at the trainer's progress points (update 0, then every {@link progressSpacing} updates), evenly thinned by it; the last update last. */
  readonly costHistory: readonly { readonly updates: number; readonly cost: number }[];
  readonly elapsedMs: number;
}

/** Milliseconds between progress reports and yields to the event loop (where Ctrl-C is seen). */
export const PROGRESS_MS = 100;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const pair = (rows: Float64Array[]): [Float64Array, Float64Array] => [rows[0]!, rows[1]!];

/**
 * The trainer's progress spacing: the largest divisor of `snapshotEvery` up to 256, so every
 * snapshot point is a progress point (the notebook's rule with a finer spacing) while the
 * generator yields — and the run looks at the clock — only every few hundred updates.
 */
export function progressSpacing(snapshotEvery: number): number {
  for (let d = Math.min(256, snapshotEvery); d > 1; d--) if (snapshotEvery % d === 0) return d;
  return 1;
}

/**
 * Trains `net` on (x, y) with `net.trainSteps`, keeping a snapshot of the drawing where the
 * notebook plots one (`snapshotDue`), thinned to `maxSnapshots`, and yielding to the event loop
 * every {@link PROGRESS_MS} ms so that a signal can stop it between two updates.
 *
 * @example
 * const run = await trainRun(mlp({ layers: [1, 6, 7, 2], rng: createRng(0) }), x, y, options);
 */
export async function trainRun(net: Mlp, x: Float64Array, y: readonly [Float64Array, Float64Array], options: TrainRunOptions): Promise<TrainRun> {
  const { iterations, aggression, noise, snapshotEvery, signal, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const progressEvery = progressSpacing(snapshotEvery);
  const steps = net.trainSteps(x, y, { iterations, aggression, noise, progressEvery, ...(options.gradients ? { gradients: options.gradients } : {}) });
  const snapshots = thinnedHistory<Snapshot>(options.maxSnapshots);
  let scheduled = 0;
  const began = now();
  let nextReport = began + PROGRESS_MS;
  let interrupted = false;
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      const result = step.value;
      const elapsedMs = now() - began;
      const finalCost = result.finalCost;
      onProgress?.({ updates: result.updates, cost: finalCost, elapsedMs });
      return {
        initialCost: result.initialCost,
        finalCost,
        finalOutputs: pair(net.forward(x)),
        parameters: net.parameters(),
        updates: result.updates,
        totalUpdates: iterations + 1,
        interrupted,
        diverged: result.reason === 'diverged',
        snapshots: snapshots.items,
        scheduledSnapshots: scheduled,
        snapshotStride: snapshotEvery * snapshots.stride,
        costHistory: result.costs.map((c) => ({ updates: c.iteration, cost: c.cost })),
        elapsedMs,
      };
    }
    const { iteration, cost } = step.value;
    if (iteration > 0 && snapshotDue(iteration, iterations, snapshotEvery)) {
      // Only the snapshots the thinned history keeps cost a forward pass.
      const point = scheduled++;
      if (snapshots.wants(point)) snapshots.add(point, { updates: iteration, cost, outputs: pair(net.forward(x)) });
    }
    const time = now();
    if (time >= nextReport || iteration === 0) {
      onProgress?.({ updates: iteration, cost, elapsedMs: time - began });
      await yieldToEventLoop();
      nextReport = now() + PROGRESS_MS;
      if (signal?.aborted === true) {
        interrupted = true;
        step.value.stop();
      }
    }
  }
}
