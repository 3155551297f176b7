import { descentLoop } from './descent.js';
import { armijo } from './line-search.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, Objective, OptimizationResult } from './types.js';
import { positiveInteger, positiveNumber, unitInterval } from './validate.js';

/**
 * Options for {@link gradientDescent}.
 *
 * @example
 * ```ts
 * const opts: GradientDescentOptions = { step: 1, shrink: 0.5, sufficientDecrease: 1e-4 };
 * ```
 */
export interface GradientDescentOptions extends DescentOptions {
  /** The first trial step γ₀. Default 1. */
  readonly step?: number;
  /** Backtracking factor in (0, 1). Default 0.5. */
  readonly shrink?: number;
  /** Armijo constant c₁ in (0, 1). Default 1e-4. */
  readonly sufficientDecrease?: number;
  /** Trials per line search before giving up. Default 60. */
  readonly maxTrials?: number;
}

/**
 * Gradient descent with Armijo backtracking, one state per accepted step.
 *
 * @example
 * ```ts
 * for (const s of gradientDescentSteps((x) => x.square().sum(), [3, 4])) console.log(s.detail?.stepSize);
 * ```
 */
export function gradientDescentSteps(f: Objective, x0: ArrayLike<number>, options: GradientDescentOptions = {}): OptimizationRun {
  const method = 'gradientDescent';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, ['step', 'shrink', 'sufficientDecrease', 'maxTrials']);
  const first = positiveNumber(method, 'step', options.step, 1);
  const shrink = unitInterval(method, 'shrink', options.shrink, 0.5);
  const sufficientDecrease = unitInterval(method, 'sufficientDecrease', options.sufficientDecrease, 1e-4);
  const maxTrials = positiveInteger(method, 'maxTrials', options.maxTrials, 60);
  if (shrink === 0) throw new RangeError(`${method}: option "shrink" must be in (0, 1), got 0`);
  let trial = first;
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    const direction = current.gradient.map((g) => -g);
    const accepted = armijo(ev, current, direction, trial, { sufficientDecrease, shrink, maxTrials });
    if (accepted === undefined) return { stop: 'line-search-failed', why: `no decrease within ${maxTrials} trials` };
    // Start the next search a little further out so the step can grow back after a cautious stretch.
    trial = accepted.stepSize * 2;
    return { ...accepted, detail: { stepSize: accepted.stepSize } };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f by gradient descent with Armijo backtracking: try γ, halve until
 * `f(x − γ∇f) ≤ f(x) − c₁γ‖∇f‖²`.
 *
 * @example
 * ```ts
 * const r = gradientDescent((x) => x.square().sum(), [3, 4]);
 * r.converged; // true
 * ```
 */
export function gradientDescent(f: Objective, x0: ArrayLike<number>, options: GradientDescentOptions = {}): OptimizationResult {
  return gradientDescentSteps(f, x0, options).finish();
}
