import type { CurveData } from './data.js';
import { createAutodiffEngine } from './autodiff-engine.js';
import type { Gradients } from './gradients.js';
import { createHandEngine } from './hand-engine.js';
import type { Network } from './network.js';

/**
 * The two ways this app computes the course Jacobians.
 *
 * @example
 * const name: EngineName = 'autodiff';
 */
export type EngineName = 'hand' | 'autodiff';

/**
 * Computes the cost, the network's outputs and the six Jacobians for a fixed data set.
 *
 * @example
 * const cost = engine.gradients(net, grads); // grads.W1 … grads.b3 now hold J_W1 … J_b3
 */
export interface GradientEngine {
  readonly name: EngineName;
  /** Writes J_W1 … J_b3 at `net` into `grads` and returns the cost at `net`. */
  gradients(net: Network, grads: Gradients): number;
  /** The cost ‖a3 − y‖² / N at `net`. */
  cost(net: Network): number;
  /** The outputs a3 (2×N, row-major) at `net`, as a fresh array. */
  outputs(net: Network): Float64Array;
}

/**
 * The engine called `name` for `data` and hidden sizes `[n1, n2]`.
 *
 * @example
 * const engine = createEngine('hand', heartData(), [6, 7]);
 */
export function createEngine(name: EngineName, data: CurveData, hidden: readonly [number, number]): GradientEngine {
  return name === 'hand' ? createHandEngine(data, hidden) : createAutodiffEngine(data, hidden);
}
