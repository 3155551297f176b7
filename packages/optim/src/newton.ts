import { descentLoop, moved } from './descent.js';
import { hessianEvaluator } from './evaluate.js';
import { armijo } from './line-search.js';
import { dot, norm, solve } from './linalg.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, MatrixFunction, Objective, OptimizationResult } from './types.js';
import { oneOf, optionalFunction, positiveNumber } from './validate.js';

/**
 * Options for {@link newton}.
 *
 * @example
 * ```ts
 * const course: NewtonOptions = { fallback: 'steepest', maxNewtonStep: 2, fallbackStep: 0.5 };
 * const pure: NewtonOptions = { fallback: 'none' };
 * ```
 */
export interface NewtonOptions extends DescentOptions {
  /** ∇²f by hand (rows or flat row-major); otherwise `hessian` from `@slope/autodiff`. */
  readonly hessian?: MatrixFunction;
  /**
   * `'steepest'` (default, the course's hybrid): use −γ∇f when the Newton step is uphill,
   * longer than `maxNewtonStep`, or the Hessian is singular. `'none'`: always −H⁻¹∇f, which
   * happily finds maxima and saddles and stops with `'singular'` on a singular Hessian.
   */
  readonly fallback?: 'steepest' | 'none';
  /** Longest Newton step the hybrid accepts. Default 2 (the course). */
  readonly maxNewtonStep?: number;
  /** γ of the hybrid's fallback step −γ∇f. Default 0.5 (the course). */
  readonly fallbackStep?: number;
  /** Backtrack (Armijo) along the chosen direction instead of taking it whole. Default false (the course takes it whole). */
  readonly lineSearch?: boolean;
}

/**
 * Newton's method on ∇f = 0 with the course's hybrid fallback, one state per step; each
 * state's `detail.direction` says which step was taken.
 *
 * @example
 * ```ts
 * const run = newtonSteps((x) => x.square().sum(), [1, 2]);
 * for (const s of run) console.log(s.detail?.direction);
 * ```
 */
export function newtonSteps(f: Objective, x0: ArrayLike<number>, options: NewtonOptions = {}): OptimizationRun {
  const method = 'newton';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, { maxIterations: 100 });
  const hessianAt = hessianEvaluator(method, f, start.length, optionalFunction<MatrixFunction>(method, 'hessian', options.hessian));
  const fallback = oneOf(method, 'fallback', options.fallback, ['steepest', 'none'], 'steepest');
  const maxNewtonStep = positiveNumber(method, 'maxNewtonStep', options.maxNewtonStep, 2);
  const fallbackStep = positiveNumber(method, 'fallbackStep', options.fallbackStep, 0.5);
  if (options.lineSearch !== undefined && typeof options.lineSearch !== 'boolean') {
    throw new TypeError(`${method}: option "lineSearch" must be a boolean, got ${typeof options.lineSearch}`);
  }
  const lineSearch = options.lineSearch ?? false;
  const n = start.length;
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    const h = hessianAt(current.x);
    const newtonStep = solve(h, current.gradient.map((g) => -g), n);
    let direction: 'newton' | 'steepest' = 'newton';
    let d: Float64Array;
    if (fallback === 'none') {
      if (newtonStep == null) return { stop: 'singular', why: 'the Hessian is singular' };
      d = newtonStep;
    } else {
      // The course's hybrid: trust −H⁻¹J only when it points downhill and is not too long.
      const downhill = newtonStep != null && -dot(newtonStep, current.gradient) > 0;
      if (newtonStep != null && downhill && norm(newtonStep) <= maxNewtonStep) d = newtonStep;
      else {
        direction = 'steepest';
        d = current.gradient.map((g) => -fallbackStep * g);
      }
    }
    if (lineSearch) {
      const accepted = armijo(ev, current, d, 1, { sufficientDecrease: 1e-4, shrink: 0.5, maxTrials: 60 });
      if (accepted === undefined) return { stop: 'line-search-failed', why: `no decrease along the ${direction} step` };
      return { ...accepted, detail: { direction, stepSize: accepted.stepSize } };
    }
    const x = moved(current.x, d, 1);
    return { x, ...ev.valueAndGradient(x), detail: { direction } };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f by Newton steps −H⁻¹∇f with the course's hybrid safeguard (Sandpit, §3.2):
 * fall back to −0.5∇f when the Newton step points uphill or is longer than 2.
 * The Hessian comes from autodiff unless `hessian` is supplied.
 *
 * @example
 * ```ts
 * const rosenbrock = (v: Tensor) => (1 - v.data[0]!) ** 2 + 100 * (v.data[1]! - v.data[0]! ** 2) ** 2;
 * const r = newton(rosenbrock, [-1.2, 1], {
 *   gradient: ([x, y]) => [-2 * (1 - x!) - 400 * x! * (y! - x! ** 2), 200 * (y! - x! ** 2)],
 *   hessian: ([x, y]) => [[2 - 400 * (y! - 3 * x! ** 2), -400 * x!], [-400 * x!, 200]],
 *   lineSearch: true,
 * });
 * r.x; // ≈ [1, 1]
 * ```
 */
export function newton(f: Objective, x0: ArrayLike<number>, options: NewtonOptions = {}): OptimizationResult {
  return newtonSteps(f, x0, options).finish();
}
