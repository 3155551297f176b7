import type { LayerParameters } from '@slope/models';
import type { BackpropSettings } from './settings.js';

/**
 * How fast the worker trains while playing: a number of updates per animation frame (about
 * 60 a second; 1 is step by step, every update drawn), or `'max'` for as many as fit in
 * ~40 ms chunks.
 */
export type Speed = number | 'max';

/**
 * Messages from the page to the training worker. The page only ever says what the learner
 * asked for; the worker owns the trainer (any object with the {@link Trainer} shape of
 * `trainer.ts`) and answers every message that changes the state with a {@link Snapshot}.
 */
export type ToWorker =
  /** Start over with a new network (new seed, shape or hyper-parameters). */
  | { readonly type: 'reset'; readonly settings: BackpropSettings }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Pause, then run exactly this many updates (default 1). */
  | { readonly type: 'step'; readonly count?: number }
  | { readonly type: 'speed'; readonly speed: Speed }
  /** Change the iteration budget (iterations, as the CLI's `--iterations`) in place: more keeps training from the current weights, no restart. */
  | { readonly type: 'budget'; readonly total: number };

/** The state of training, sent after every chunk of updates. */
export interface Snapshot {
  readonly type: 'snapshot';
  /** Updates done so far. */
  readonly iteration: number;
  /** Updates planned: the budget's iterations + 1, as the notebook's loop makes. */
  readonly total: number;
  readonly cost: number;
  readonly initialCost: number;
  readonly running: boolean;
  readonly done: boolean;
  /** New (iteration, cost) points since the previous snapshot, where the notebook plots (every 100 iterations of its countdown). */
  readonly costs: readonly { readonly iteration: number; readonly cost: number }[];
  /** The network's drawing now: x and y of the output at the training inputs. */
  readonly output: readonly [Float64Array, Float64Array];
  /** Drawings since the previous snapshot where the notebook plots them (the magenta curves). */
  readonly trail: readonly (readonly [Float64Array, Float64Array])[];
  readonly parameters: readonly LayerParameters[];
  /** For each hidden layer, each neuron's output at the training inputs. */
  readonly hidden: readonly (readonly Float64Array[])[];
}

/** A training error, reported instead of a snapshot. */
export interface TrainingFailure {
  readonly type: 'error';
  readonly message: string;
}

/** Messages from the training worker to the page. */
export type FromWorker = Snapshot | TrainingFailure;
