import { type ResolvedDescentOptions, stepConsistency } from './descent.js';
import type { ScalarEvaluator } from './evaluate.js';
import { allFinite, dot, matVec, norm } from './linalg.js';
import { OptimizationRun, type Tracker } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, IterationState, Objective, OptimizationResult } from './types.js';
import { wolfeSearch } from './wolfe.js';

/**
 * Options for {@link bfgs}.
 *
 * @example
 * ```ts
 * const opts: BfgsOptions = { gradientTolerance: 1e-10, maxIterations: 500 };
 * ```
 */
export type BfgsOptions = DescentOptions;

/** A quasi-Newton decrement this close to f's rounding error means f cannot be lowered measurably. */
const ROUNDING = 16 * Number.EPSILON;
const SEARCH = { sufficientDecrease: 1e-4, curvature: 0.9, maxEvaluations: 40 };

/**
 * BFGS quasi-Newton iterations with a strong-Wolfe line search, one state per step.
 *
 * @example
 * ```ts
 * const states = [...bfgsSteps((x) => x.square().sum(), [1, 2])];
 * ```
 */
export function bfgsSteps(f: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): OptimizationRun {
  const { x0: start, ev, tracker, opts } = scalarSetup('bfgs', f, x0, options, [], { maxIterations: 500 });
  return new OptimizationRun(iterate(ev, start, opts, tracker), tracker);
}

function* iterate(ev: ScalarEvaluator, start: Float64Array, opts: ResolvedDescentOptions, tracker: Tracker): Generator<IterationState, OptimizationResult, undefined> {
  const n = start.length;
  const first = ev.valueAndGradient(start);
  let x = start;
  let f = first.value;
  let g = first.gradient;
  yield tracker.record(x, f, norm(g));
  if (!Number.isFinite(f) || !allFinite(g)) return tracker.finish('diverged', `at the start f = ${f}${allFinite(g) ? '' : ' and ∇f is not finite'}`);
  let inverse = identity(n);
  let fresh = true;
  /** Whether the last step's change in f is what its end gradients predict (the trapezoid rule, exact for quadratics). */
  let consistent = true;
  for (let iteration = 1; ; iteration++) {
    const gradientNorm = norm(g);
    const hg = matVec(inverse, g, n, n);
    const decrement = 0.5 * dot(g, hg);
    if (consistent && gradientNorm <= opts.gradientTolerance) return tracker.finish('gradient-tolerance');
    if (consistent && !fresh && decrement <= ROUNDING * Math.abs(f)) {
      return tracker.finish('gradient-tolerance', `the quasi-Newton decrement ${decrement.toPrecision(3)} is at f's rounding level`);
    }
    if (iteration > opts.maxIterations) return tracker.finish('max-iterations');
    let d = hg.map((v) => -v);
    if (!(dot(d, g) < 0)) {
      // Rounding has spoilt positive definiteness: restart from the gradient.
      inverse = identity(n);
      fresh = true;
      d = g.map((v) => -v);
    }
    // A first step along −∇f gets length min(‖∇f‖, 1) — never the unscaled gradient, which on a
    // steep start jumps far past the region where f's model means anything (Jennrich–Sampson:
    // ‖∇f‖ ≈ 1e5). Later steps start from the quasi-Newton step itself.
    const maxStep = (1e3 * Math.max(1, norm(x))) / norm(d);
    let accepted = wolfeSearch(ev, x, f, g, d, fresh ? Math.min(1, 1 / norm(d)) : 1, { ...SEARCH, maxStep });
    if (accepted === undefined && !fresh) {
      inverse = identity(n);
      fresh = true;
      d = g.map((v) => -v);
      accepted = wolfeSearch(ev, x, f, g, d, Math.min(1, 1 / norm(d)), { ...SEARCH, maxStep: (1e3 * Math.max(1, norm(x))) / norm(d) });
    }
    // A "step" that rounds away to nothing is no progress either.
    if (accepted !== undefined && accepted.x.every((v, i) => v === x[i])) accepted = undefined;
    if (accepted === undefined) {
      if (consistent && gradientNorm <= opts.gradientTolerance) return tracker.finish('gradient-tolerance');
      if (consistent && decrement <= 1e3 * ROUNDING * Math.abs(f)) {
        return tracker.finish('gradient-tolerance', `no decrease is measurable: the quasi-Newton decrement ${decrement.toPrecision(3)} is at f's rounding level`);
      }
      return tracker.finish('stalled', `no step along the search direction decreases f (‖∇f‖ = ${gradientNorm.toPrecision(3)})`);
    }
    const s = accepted.x.map((v, i) => v - x[i]!);
    const y = accepted.gradient.map((v, i) => v - g[i]!);
    const trapezoid = -0.5 * (dot(g, s) + dot(accepted.gradient, s));
    const actual = f - accepted.value;
    consistent = stepConsistency(actual, trapezoid, f, consistent);
    const sy = dot(s, y);
    // Skip the update unless the curvature condition holds, so the inverse Hessian stays positive definite.
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) {
        // Shanno–Phua: size the initial inverse Hessian from the first curvature pair.
        const gamma = sy / dot(y, y);
        inverse = identity(n);
        for (let i = 0; i < n; i++) inverse[i * n + i] = gamma;
        fresh = false;
      }
      inverse = updated(inverse, s, y, sy, n);
    }
    const previous = x;
    const previousValue = f;
    x = accepted.x;
    f = accepted.value;
    g = accepted.gradient;
    const best = tracker.best;
    yield tracker.record(x, f, norm(g), previous, { stepSize: accepted.stepSize });
    if (best !== undefined && f - best.value > opts.divergenceLimit * (1 + Math.abs(best.value))) return tracker.finish('diverged', `the value grew to ${f.toPrecision(4)}`);
    if (opts.valueTolerance > 0 && Math.abs(previousValue - f) <= opts.valueTolerance * (1 + Math.abs(f))) return tracker.finish('value-tolerance');
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/** The BFGS update of the inverse Hessian H with the pair (s, y). */
function updated(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): Float64Array {
  const hy = matVec(h, y, n, n);
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  const next = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      next[i * n + j] = h[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
  return next;
}

/**
 * Minimises f by BFGS: inverse-Hessian updates (the first one sized by Shanno–Phua), a
 * strong-Wolfe line search, and a first step no longer than 1. It reports convergence only
 * after a step whose change in f its gradients account for, so a step onto a plateau where
 * everything underflowed is not taken for a minimum. Reasons: `'gradient-tolerance'` (also
 * when the quasi-Newton decrement is at f's rounding level), `'value-tolerance'` (when set),
 * `'max-iterations'`, `'diverged'`, `'stalled'` (no step decreases f, yet the point is not a
 * minimiser to the tolerance).
 *
 * @example
 * ```ts
 * bfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 }).x; // ≈ [1, 1]
 * ```
 */
export function bfgs(f: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): OptimizationResult {
  return bfgsSteps(f, x0, options).finish();
}
