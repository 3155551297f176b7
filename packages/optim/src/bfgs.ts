import { descentLoop } from './descent.js';
import { armijo } from './line-search.js';
import { dot, matVec } from './linalg.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, Objective, OptimizationResult } from './types.js';

/**
 * Options for {@link bfgs}.
 *
 * @example
 * ```ts
 * const opts: BfgsOptions = { gradientTolerance: 1e-10, maxIterations: 500 };
 * ```
 */
export type BfgsOptions = DescentOptions;

/**
 * BFGS quasi-Newton iterations with Armijo backtracking from the unit step.
 *
 * @example
 * ```ts
 * const states = [...bfgsSteps((x) => x.square().sum(), [1, 2])];
 * ```
 */
export function bfgsSteps(f: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): OptimizationRun {
  const method = 'bfgs';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, { maxIterations: 500 });
  const n = start.length;
  const identity = () => {
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) m[i * n + i] = 1;
    return m;
  };
  let inverseHessian = identity();
  let scaled = false;
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    let d = matVec(inverseHessian, current.gradient, n, n).map((v) => -v);
    if (!(dot(d, current.gradient) < 0)) {
      // Rounding can spoil positive definiteness; restart from the gradient.
      inverseHessian = identity();
      scaled = false;
      d = current.gradient.map((g) => -g);
    }
    const accepted = armijo(ev, current, d, 1, { sufficientDecrease: 1e-4, shrink: 0.5, maxTrials: 60 });
    if (accepted === undefined) return { stop: 'line-search-failed', why: 'no decrease along the quasi-Newton direction' };
    const s = accepted.x.map((v, i) => v - current.x[i]!);
    const y = accepted.gradient.map((v, i) => v - current.gradient[i]!);
    const sy = dot(s, y);
    // Skip the update unless the curvature condition holds, so the inverse Hessian stays positive definite.
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        const gamma = sy / dot(y, y);
        for (let i = 0; i < n; i++) inverseHessian[i * n + i] = gamma;
        scaled = true;
      }
      const hy = matVec(inverseHessian, y, n, n);
      const yhy = dot(y, hy);
      const rho = 1 / sy;
      const next = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          next[i * n + j] =
            inverseHessian[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
        }
      inverseHessian = next;
    }
    return { ...accepted, detail: { stepSize: accepted.stepSize } };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f by BFGS (inverse-Hessian updates, Armijo line search, update skipped when
 * sᵀy ≤ 0). Reasons: the three tolerances, `'max-iterations'`, `'diverged'`, `'line-search-failed'`.
 *
 * @example
 * ```ts
 * bfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 }).x; // ≈ [1, 1]
 * ```
 */
export function bfgs(f: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): OptimizationResult {
  return bfgsSteps(f, x0, options).finish();
}
