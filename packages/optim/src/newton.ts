import { descentLoop, moved, type ResolvedDescentOptions, stepConsistency } from './descent.js';
import { hessianEvaluator, type ScalarEvaluator } from './evaluate.js';
import { armijo } from './line-search.js';
import { allFinite, dot, norm, solve, symmetricEigen } from './linalg.js';
import { OptimizationRun, type Tracker } from './run.js';
import { scalarSetup } from './setup.js';
import { trustRegionStep } from './trust-region.js';
import type { DescentOptions, IterationState, MatrixFunction, Objective, OptimizationResult } from './types.js';
import { oneOf, optionalFunction, positiveNumber } from './validate.js';

/**
 * How {@link newton} keeps its steps safe.
 *
 * - `'trust-region'` (default): Newton's quadratic model trusted within a region that grows
 *   when the model predicts well and shrinks when it does not; the model's minimiser in the
 *   region comes from the Hessian's eigen-decomposition, so saddles and maxima are stepped
 *   away from along negative curvature. Convex quadratics are solved in one step.
 * - `'course-hybrid'`: the course's Sandpit rule (COURSE.md §3.2), exactly as the notebook
 *   has it: −H⁻¹∇f when it points downhill and is no longer than `maxNewtonStep`, otherwise
 *   −`fallbackStep`·∇f; with `fallback: 'none'` always −H⁻¹∇f.
 *
 * @example
 * ```ts
 * // Booth's function, a convex quadratic with its minimum 0 at (1, 3), from (0, 0).
 * const booth = (v: Tensor) => (v.data[0]! + 2 * v.data[1]! - 7) ** 2 + (2 * v.data[0]! + v.data[1]! - 5) ** 2;
 * const derivatives = {
 *   gradient: (v: Float64Array) => [10 * v[0]! + 8 * v[1]! - 34, 8 * v[0]! + 10 * v[1]! - 38],
 *   hessian: () => [[10, 8], [8, 10]],
 * };
 * for (const strategy of ['trust-region', 'course-hybrid'] as NewtonStrategy[]) {
 *   const r = newton(booth, [0, 0], { strategy, ...derivatives });
 *   console.log(strategy, r.reason, r.iterations); // trust-region: one step; course-hybrid: −0.5∇f overshoots, diverged
 * }
 * ```
 */
export type NewtonStrategy = 'trust-region' | 'course-hybrid';

/**
 * Options for {@link newton}. `fallback`, `maxNewtonStep`, `fallbackStep` and `lineSearch`
 * belong to the course's hybrid: passing any of them selects it when `strategy` is not given,
 * and is an error with `strategy: 'trust-region'`.
 *
 * @example
 * ```ts
 * const course: NewtonOptions = { strategy: 'course-hybrid', fallback: 'steepest', maxNewtonStep: 2, fallbackStep: 0.5 };
 * const pure: NewtonOptions = { strategy: 'course-hybrid', fallback: 'none' };
 * ```
 */
export interface NewtonOptions extends DescentOptions {
  /** ∇²f by hand (rows or flat row-major); otherwise `hessian` from `@slope/autodiff`. */
  readonly hessian?: MatrixFunction;
  /** Default `'trust-region'` (`'course-hybrid'` when a hybrid-only option is given); see {@link NewtonStrategy}. */
  readonly strategy?: NewtonStrategy;
  /**
   * Course hybrid only. `'steepest'` (default): use −γ∇f when the Newton step is uphill,
   * longer than `maxNewtonStep`, or the Hessian is singular. `'none'`: always −H⁻¹∇f, which
   * happily finds maxima and saddles and stops with `'singular'` on a singular Hessian.
   */
  readonly fallback?: 'steepest' | 'none';
  /** Course hybrid only: the longest Newton step it accepts. Default 2 (the course). */
  readonly maxNewtonStep?: number;
  /** Course hybrid only: γ of the fallback step −γ∇f. Default 0.5 (the course). */
  readonly fallbackStep?: number;
  /** Course hybrid only: backtrack (Armijo) along the chosen direction instead of taking it whole. Default false (the course takes it whole). */
  readonly lineSearch?: boolean;
}

const HYBRID_ONLY = ['fallback', 'maxNewtonStep', 'fallbackStep', 'lineSearch'] as const;

/** Whether the options ask for the course's hybrid, explicitly or through one of its own options. */
function hybridImplied(options: NewtonOptions | null | undefined): boolean {
  if (options == null || typeof options !== 'object') return false;
  return options.strategy === 'course-hybrid' || (options.strategy === undefined && HYBRID_ONLY.some((key) => options[key] !== undefined));
}

/**
 * Newton's method, one state per accepted step: by default globalised by a trust region, or
 * the course's hybrid (`strategy: 'course-hybrid'`), whose states say in `detail.direction`
 * which step was taken.
 *
 * @example
 * ```ts
 * const run = newtonSteps((x) => x.square().sum(), [1, 2], { strategy: 'course-hybrid' });
 * for (const s of run) console.log(s.detail?.direction);
 * ```
 */
export function newtonSteps(f: Objective, x0: ArrayLike<number>, options: NewtonOptions = {}): OptimizationRun {
  const method = 'newton';
  const { x0: start, ev, tracker, opts, jit } = scalarSetup(method, f, x0, options, ['hessian', 'strategy', ...HYBRID_ONLY], {
    // The hybrid keeps the course's budget; trust regions crawl along curved valleys (Meyer's takes ~200 steps).
    maxIterations: hybridImplied(options) ? 100 : 500,
  });
  const hessianAt = hessianEvaluator(method, f, start.length, optionalFunction<MatrixFunction>(method, 'hessian', options.hessian), jit);
  const hybridOption = HYBRID_ONLY.find((key) => options[key] !== undefined);
  const strategy = oneOf(method, 'strategy', options.strategy, ['trust-region', 'course-hybrid'], hybridOption === undefined ? 'trust-region' : 'course-hybrid');
  if (strategy === 'trust-region') {
    if (hybridOption !== undefined) {
      throw new RangeError(`${method}: option "${hybridOption}" belongs to the course's hybrid, not strategy 'trust-region'; pass strategy: 'course-hybrid' (or leave strategy out)`);
    }
    return new OptimizationRun(trustRegionNewton(ev, hessianAt, start, opts, tracker), tracker);
  }
  return courseHybrid(method, ev, hessianAt, start, opts, tracker, options);
}

/** The course's hybrid Newton method, unchanged from the course (COURSE.md §3.2). */
function courseHybrid(
  method: string,
  ev: ScalarEvaluator,
  hessianAt: (x: Float64Array) => Float64Array,
  start: Float64Array,
  opts: ResolvedDescentOptions,
  tracker: Tracker,
  options: NewtonOptions,
): OptimizationRun {
  const fallback = oneOf(method, 'fallback', options.fallback, ['steepest', 'none'], 'steepest');
  const maxNewtonStep = positiveNumber(method, 'maxNewtonStep', options.maxNewtonStep, 2);
  const fallbackStep = positiveNumber(method, 'fallbackStep', options.fallbackStep, 0.5);
  if (options.lineSearch !== undefined && typeof options.lineSearch !== 'boolean') {
    throw new TypeError(`${method}: option "lineSearch" must be a boolean, got ${typeof options.lineSearch}`);
  }
  const lineSearch = options.lineSearch ?? false;
  const n = start.length;
  // The hybrid's path is the course's; only what it calls a minimum is checked: ∇f = 0 at a
  // saddle or a maximum (where pure Newton happily goes) is reported as 'stalled', not success.
  const curvature = (x: Float64Array): string | undefined => {
    const h = hessianAt(x);
    if (!allFinite(h)) return undefined;
    const { values } = symmetricEigen(h, n);
    const largest = Math.max(Math.abs(values[0]!), Math.abs(values[n - 1]!));
    if (values[0]! >= -1e-8 * largest) return undefined;
    return values[n - 1]! <= 1e-8 * largest ? '∇f vanishes at a maximum (the Hessian is negative definite)' : '∇f vanishes at a saddle point (the Hessian has a negative eigenvalue)';
  };
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
  }, { consistency: true, curvature });
  return new OptimizationRun(gen, tracker);
}

/** The model's predicted decrease at the rounding level of f: no measurable progress is left. */
const ROUNDING = 16 * Number.EPSILON;

/**
 * Trust-region Newton (Nocedal & Wright, Algorithm 4.1, with the exact subproblem of
 * {@link trustRegionStep}) in variables scaled by D = √|diag H| (the largest seen so far), so
 * badly scaled problems are not crawled through. Success needs a minimiser: a small gradient
 * where the Hessian has no negative curvature, or a Newton decrement at f's rounding level after
 * a step whose change in f the gradients account for.
 */
function* trustRegionNewton(
  ev: ScalarEvaluator,
  hessianAt: (x: Float64Array) => Float64Array,
  start: Float64Array,
  opts: ResolvedDescentOptions,
  tracker: Tracker,
): Generator<IterationState, OptimizationResult, undefined> {
  const n = start.length;
  const first = ev.valueAndGradient(start);
  let x = start;
  let f = first.value;
  let g = first.gradient;
  yield tracker.record(x, f, norm(g));
  if (!Number.isFinite(f) || !allFinite(g)) return tracker.finish('diverged', `at the start f = ${f}${allFinite(g) ? '' : ' and ∇f is not finite'}`);
  let h = hessianAt(x);
  if (!allFinite(h)) return tracker.finish('diverged', 'the Hessian at the start is not finite');
  const scale = new Float64Array(n);
  let radius = NaN;
  /** Whether the last accepted step's change in f matched the trapezoid rule on its end gradients. */
  let consistent = true;
  let failures = 0;
  for (let iteration = 1; ; ) {
    for (let i = 0; i < n; i++) {
      const d = Math.sqrt(Math.abs(h[i * n + i]!));
      scale[i] = Math.max(scale[i]!, d > 0 && Number.isFinite(d) ? d : 0);
    }
    const unit = scale.every((d) => d === 0);
    const dInv = Float64Array.from(scale, (d) => (d > 0 && !unit ? 1 / d : 1));
    const hs = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hs[i * n + j] = h[i * n + j]! * dInv[i]! * dInv[j]!;
    const gs = Float64Array.from(g, (v, i) => v * dInv[i]!);
    const eigen = symmetricEigen(hs, n);
    const lowest = eigen.values[0]!;
    const largest = Math.max(Math.abs(lowest), Math.abs(eigen.values[n - 1]!));
    const curvatureOk = lowest >= -1e-8 * largest;
    const gradientNorm = norm(g);
    // A minimiser to tolerance: no negative curvature, and a small gradient or a Newton
    // decrement at f's rounding level; trusted only after a step the gradients account for.
    if (curvatureOk && consistent) {
      if (gradientNorm <= opts.gradientTolerance) return tracker.finish('gradient-tolerance');
      const decrement = lowest > 0 ? newtonDecrement(eigen.values, eigen.vectors, gs) : Infinity;
      if (decrement <= ROUNDING * Math.abs(f)) return tracker.finish('gradient-tolerance', `the Newton decrement ${decrement.toPrecision(3)} is at f's rounding level`);
    }
    if (iteration > opts.maxIterations) return tracker.finish('max-iterations');
    if (Number.isNaN(radius)) {
      // Start with the Newton step when the model is convex (so a quadratic takes one step),
      // else with a region the size of the scaled gradient step.
      const convex = lowest >= -Number.EPSILON * n * largest;
      const newton = convex ? trustRegionStep(eigen, gs, Infinity) : undefined;
      radius = newton !== undefined ? norm(newton.step) : Math.max(norm(gs) / Math.max(largest, Number.MIN_VALUE), 1e-3);
      if (!(radius > 0) || !Number.isFinite(radius)) radius = 1;
    }
    const { step: stepScaled, predicted } = trustRegionStep(eigen, gs, radius);
    if (!(predicted < 0)) {
      // The model cannot decrease at all: ∇f = 0 with no negative curvature.
      if (curvatureOk && consistent) return tracker.finish('gradient-tolerance');
      return tracker.finish('stalled', "∇f vanishes here, but the last step's change in f does not match its gradients (a plateau, or a gradient that is not f's)");
    }
    const step = Float64Array.from(stepScaled, (v, i) => v * dInv[i]!);
    const stepLength = norm(stepScaled);
    const trial = Float64Array.from(x, (v, i) => v + step[i]!);
    const next = allFinite(trial) ? ev.valueAndGradient(trial) : { value: NaN, gradient: new Float64Array(n) };
    const actual = f - next.value;
    const ratio = predicted < 0 ? actual / -predicted : -1;
    if (!(ratio >= 0.25)) radius = 0.25 * stepLength;
    else if (ratio > 0.75 && stepLength >= 0.99 * radius) radius *= 2;
    if (Number.isFinite(next.value) && ratio > 1e-4) {
      const trapezoid = -0.5 * (dot(g, step) + dot(next.gradient, step));
      consistent = stepConsistency(actual, trapezoid, f, consistent);
      const previous = x;
      const previousValue = f;
      x = trial;
      f = next.value;
      g = next.gradient;
      const best = tracker.best;
      yield tracker.record(x, f, norm(g), previous, { stepSize: stepLength / Math.max(radius, stepLength) });
      if (!allFinite(g)) return tracker.finish('diverged', 'the gradient became non-finite');
      if (best !== undefined && f - best.value > opts.divergenceLimit * (1 + Math.abs(best.value))) {
        return tracker.finish('diverged', `the value grew to ${f.toPrecision(4)}`);
      }
      h = hessianAt(x);
      if (!allFinite(h)) return tracker.finish('diverged', 'the Hessian became non-finite');
      if (opts.valueTolerance > 0 && Math.abs(previousValue - f) <= opts.valueTolerance * (1 + Math.abs(f))) return tracker.finish('value-tolerance');
      failures = 0;
      iteration++;
      continue;
    }
    // A rejected step: the region has shrunk; give up once it is below the step tolerance.
    failures++;
    const xNorm = norm(x);
    if (norm(step) <= opts.stepTolerance * (1 + xNorm) || failures >= 60) {
      return tracker.finish('stalled', `no step within the trust region decreases f (‖∇f‖ = ${gradientNorm.toPrecision(3)})`);
    }
  }
}

/** ½∇fᵀH⁻¹∇f, the decrease the Newton step promises, from H's eigen-decomposition (H positive definite). */
function newtonDecrement(values: Float64Array, vectors: Float64Array, g: Float64Array): number {
  const n = g.length;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += vectors[i * n + k]! * g[i]!;
    sum += (c * c) / values[k]!;
  }
  return 0.5 * sum;
}

/**
 * Minimises f by Newton's method. By default (`strategy: 'trust-region'`) the steps are
 * globalised by a trust region on the Hessian's eigen-decomposition: it never diverges from
 * a standard start, steps off saddles and maxima, and solves a convex quadratic in one step.
 * `strategy: 'course-hybrid'` is the course's Sandpit rule instead: −H⁻¹∇f, falling back to
 * −0.5∇f when that step points uphill or is longer than 2. The Hessian comes from autodiff
 * unless `hessian` is supplied. Reasons: `'gradient-tolerance'` (only at a point with no
 * negative curvature), `'value-tolerance'` (when set), `'max-iterations'`, `'diverged'`,
 * `'stalled'` (no step in the region decreases f), and for the hybrid `'step-tolerance'`,
 * `'singular'` (`fallback: 'none'`) and `'line-search-failed'` (`lineSearch`).
 *
 * @example
 * ```ts
 * const rosenbrock = (v: Tensor) => (1 - v.data[0]!) ** 2 + 100 * (v.data[1]! - v.data[0]! ** 2) ** 2;
 * const r = newton(rosenbrock, [-1.2, 1], {
 *   gradient: ([x, y]) => [-2 * (1 - x!) - 400 * x! * (y! - x! ** 2), 200 * (y! - x! ** 2)],
 *   hessian: ([x, y]) => [[2 - 400 * (y! - 3 * x! ** 2), -400 * x!], [-400 * x!, 200]],
 * });
 * r.x; // ≈ [1, 1]
 * ```
 */
export function newton(f: Objective, x0: ArrayLike<number>, options: NewtonOptions = {}): OptimizationResult {
  return newtonSteps(f, x0, options).finish();
}
