import type { CurveData } from './data.js';
import { createAutodiffEngine } from './autodiff-engine.js';
import type { GradientEngine } from './engine.js';
import { compareGradients, createGradients, type GradientComparison } from './gradients.js';
import { createHandEngine } from './hand-engine.js';
import { jacobianScales } from './jacobian-scale.js';
import { PARAMETER_NAMES, type Network, type ParameterName } from './network.js';

/**
 * The hand Jacobians against `@slope/autodiff` on one network.
 *
 * @example
 * const { passed, scaledDifference, tolerance } = checkEngines(heartData(), net);
 */
export interface EngineCheck extends GradientComparison {
  /** Cost at the network by each engine. */
  readonly handCost: number;
  readonly autodiffCost: number;
  /**
   * max over the six Jacobians of max |hand − autodiff| / scale, where the scale bounds the
   * terms each entry sums (see `jacobianScales`): what rounding can make of them.
   */
  readonly scaledDifference: number;
  /** Where `scaledDifference` is largest. */
  readonly worstScaled: { readonly jacobian: `J_${ParameterName}`; readonly index: number };
  /** The largest `scaledDifference` rounding explains for these sizes: {@link engineCheckTolerance}. */
  readonly tolerance: number;
  /** `scaledDifference ≤ tolerance`: the hand Jacobians are right. */
  readonly passed: boolean;
}

/** Unit roundoff of float64. */
const UNIT_ROUNDOFF = 2 ** -53;

/**
 * The most the scaled difference of two correct Jacobian computations can be: each entry is
 * reached through sums of N (the examples), n1 and n2 (the layer widths) terms, and every
 * summation order rounds differently, by up to about a unit roundoff per term. Eight times
 * that leaves room for the chain of such sums; the differences measured on correct networks
 * (widths 6 to 4,000, five seeds each) stay below 1/20 of it, and any mistake in a Jacobian
 * formula shows up many orders of magnitude above it.
 *
 * @example
 * engineCheckTolerance(100, [6, 7]); // 8 · 2⁻⁵³ · 115 ≈ 1.0e-13
 */
export function engineCheckTolerance(examples: number, hidden: readonly [number, number]): number {
  return 8 * UNIT_ROUNDOFF * (examples + hidden[0] + hidden[1] + 2);
}

/**
 * Computes J_W1 … J_b3 at `net` with the hand engine (or `hand`, to check another) and with
 * `@slope/autodiff`, and reports where they differ most: relative to each entry, and relative
 * to the size of the terms it sums, which decides.
 *
 * @example
 * checkEngines(heartData(), initNetwork([6, 7], createRng(0))).passed; // true
 */
export function checkEngines(data: CurveData, net: Network, hand: GradientEngine = createHandEngine(data, net.hidden)): EngineCheck {
  const ours = createGradients(net.hidden);
  const reference = createGradients(net.hidden);
  const handCost = hand.gradients(net, ours);
  const autodiffCost = createAutodiffEngine(data, net.hidden).gradients(net, reference);
  const scales = jacobianScales(data, net);
  let scaledDifference = 0;
  let worstScaled: EngineCheck['worstScaled'] = { jacobian: 'J_W1', index: 0 };
  for (const name of PARAMETER_NAMES) {
    const u = ours[name];
    const v = reference[name];
    for (let i = 0; i < u.length; i++) {
      const d = Math.abs(u[i]! - v[i]!);
      const scaled = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d === 0 ? 0 : d / scales[name];
      if (scaled > scaledDifference) {
        scaledDifference = scaled;
        worstScaled = { jacobian: `J_${name}`, index: i };
      }
    }
  }
  if (!Number.isFinite(handCost) || !Number.isFinite(autodiffCost)) scaledDifference = Number.POSITIVE_INFINITY;
  const tolerance = engineCheckTolerance(data.n, net.hidden);
  return { ...compareGradients(ours, reference), handCost, autodiffCost, scaledDifference, worstScaled, tolerance, passed: scaledDifference <= tolerance };
}
