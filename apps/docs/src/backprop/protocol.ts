import type { LayerParameters } from '@slope/models';
import type { BackpropSettings } from './settings.js';

/** Messages from the page to the training worker. */
export type ToWorker =
  | { readonly type: 'reset'; readonly settings: BackpropSettings }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' };

/** The state of training, sent after every chunk of updates. */
export interface Snapshot {
  readonly type: 'snapshot';
  /** Updates done so far. */
  readonly iteration: number;
  /** Updates planned. */
  readonly total: number;
  readonly cost: number;
  readonly initialCost: number;
  readonly running: boolean;
  readonly done: boolean;
  /** New (iteration, cost) points since the previous snapshot, one per 100 updates. */
  readonly costs: readonly { readonly iteration: number; readonly cost: number }[];
  /** The network's drawing now: x and y of the output at the training inputs. */
  readonly output: readonly [Float64Array, Float64Array];
  /** Drawings at every 100th update since the previous snapshot (the notebook's magenta curves). */
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
