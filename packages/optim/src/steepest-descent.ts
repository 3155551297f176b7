import { descentLoop, moved } from './descent.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, Objective, OptimizationResult } from './types.js';
import { positiveNumber } from './validate.js';

/**
 * Options for {@link steepestDescent}.
 *
 * @example
 * ```ts
 * const opts: SteepestDescentOptions = { step: 0.5, maxIterations: 50 };
 * ```
 */
export interface SteepestDescentOptions extends DescentOptions {
  /** The fixed multiple γ of −∇f taken each iteration: the course's "aggression". Default 0.1. */
  readonly step?: number;
}

/**
 * Steepest descent with a fixed step, `x ← x − γ∇f(x)`, one state per iteration.
 * Iterate it (or `.finish()`) for the result; see {@link OptimizationRun}.
 *
 * @example
 * ```ts
 * const run = steepestDescentSteps((x) => x.square().sum(), [3, 4], { step: 0.25 });
 * for (const s of run) console.log(s.iteration, s.value.toFixed(4));
 * ```
 */
export function steepestDescentSteps(f: Objective, x0: ArrayLike<number>, options: SteepestDescentOptions = {}): OptimizationRun {
  const method = 'steepestDescent';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, ['step']);
  const step = positiveNumber(method, 'step', options.step, 0.1);
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    const x = moved(current.x, current.gradient, -step);
    return { x, ...ev.valueAndGradient(x) };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f by steepest descent with a fixed step γ (the course's aggression):
 * `x ← x − γ∇f(x)`. Too large a γ diverges (reported, with the best point so far).
 *
 * @example
 * ```ts
 * const r = steepestDescent((x) => x.square().sum(), [3, 4], { step: 0.25 });
 * r.x; // ≈ [0, 0]
 * r.reason; // 'gradient-tolerance'
 * ```
 */
export function steepestDescent(f: Objective, x0: ArrayLike<number>, options: SteepestDescentOptions = {}): OptimizationResult {
  return steepestDescentSteps(f, x0, options).finish();
}
