import type { CurveData } from './data.js';
import { createAutodiffEngine } from './autodiff-engine.js';
import { compareGradients, createGradients, type GradientComparison } from './gradients.js';
import { createHandEngine } from './hand-engine.js';
import type { Network } from './network.js';

/**
 * The hand Jacobians against `@slope/autodiff` on one network.
 *
 * @example
 * const { maxRelativeDifference, worst } = checkEngines(heartData(), net);
 */
export interface EngineCheck extends GradientComparison {
  /** Cost at the network by each engine. */
  readonly handCost: number;
  readonly autodiffCost: number;
}

/**
 * Computes J_W1 … J_b3 at `net` with the hand engine and with `@slope/autodiff`, and
 * reports where they differ most (relative to the larger entry).
 *
 * @example
 * checkEngines(heartData(), initNetwork([6, 7], createRng(0))).maxRelativeDifference; // ~1e-15
 */
export function checkEngines(data: CurveData, net: Network): EngineCheck {
  const hand = createGradients(net.hidden);
  const reference = createGradients(net.hidden);
  const handCost = createHandEngine(data, net.hidden).gradients(net, hand);
  const autodiffCost = createAutodiffEngine(data, net.hidden).gradients(net, reference);
  return { ...compareGradients(hand, reference), handCost, autodiffCost };
}
