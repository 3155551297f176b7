import { divergence } from './descent.js';
import { vectorEvaluator } from './evaluate.js';
import { allFinite, choleskyInto, choleskySolveInPlace, inverse, norm, normalMatrix, solve } from './linalg.js';
import { OptimizationRun, Tracker } from './run.js';
import type { IterationDetail, IterationState, MatrixFunction, OptimizationResult, VectorFunction } from './types.js';
import {
  checkLength,
  nonNegativeNumber,
  oneOf,
  optionalFunction,
  positiveInteger,
  positiveNumber,
  requireFunction,
  startVector,
} from './validate.js';

/**
 * The three least-squares methods of the course (week 6).
 *
 * @example
 * ```ts
 * const m: LeastSquaresMethod = 'levenberg-marquardt';
 * ```
 */
export type LeastSquaresMethod = 'steepest' | 'gauss-newton' | 'levenberg-marquardt';

/**
 * Options for {@link leastSquares}.
 *
 * @example
 * ```ts
 * const course: LeastSquaresOptions = { method: 'steepest', aggression: 2000, maxIterations: 50 };
 * ```
 */
export interface LeastSquaresOptions {
  /** Default `'levenberg-marquardt'`. */
  readonly method?: LeastSquaresMethod;
  /** ∂r/∂p by hand (m×n rows or flat row-major); otherwise `jacobian` from `@slope/autodiff`. */
  readonly jacobian?: MatrixFunction;
  /** Measurement uncertainties σᵢ (one number for all, or one per residual): χ² = Σ (rᵢ/σᵢ)². */
  readonly sigma?: number | ArrayLike<number>;
  /** Step γ of `'steepest'`: p ← p − γ∇χ². Default 1. */
  readonly aggression?: number;
  /** Initial Levenberg–Marquardt damping λ. Default 1e-3. */
  readonly damping?: number;
  /** Factor λ is divided by after a success and multiplied by after a failure. Default 10. */
  readonly dampingFactor?: number;
  /** Iteration budget. Default 100 (1000 for `'steepest'`). */
  readonly maxIterations?: number;
  /** Stop when ‖∇χ²‖ ≤ this. Default 0 (off). */
  readonly gradientTolerance?: number;
  /** Stop when ‖Δp‖ ≤ this · (1 + ‖p‖). Default 1e-12. */
  readonly stepTolerance?: number;
  /** Stop when χ² changes by ≤ this · χ² (relative). Default 1e-10 (0 for `'steepest'`). */
  readonly valueTolerance?: number;
  /** Diverged when χ² exceeds the best by this · (1 + best). Default 1e10. */
  readonly divergenceLimit?: number;
}

/**
 * A least-squares fit: `value` is χ² (also as `chi2`), `residuals` are r(p) at the
 * solution, and `covariance` is the parameter covariance (JᵀWJ)⁻¹. With `sigma` given it
 * is used as is (absolute σ); without, it is scaled by the reduced χ², χ²/(m − n), as
 * `scipy.optimize.curve_fit` does by default. `covariance` is null when JᵀWJ is singular
 * (or m ≤ n without σ). `standardErrors` are the square roots of its diagonal.
 *
 * @example
 * ```ts
 * const fit = leastSquares(residuals, [170, 10]);
 * const [errMu, errSigma] = fit.standardErrors ?? [];
 * ```
 */
export interface LeastSquaresResult extends OptimizationResult {
  readonly chi2: number;
  readonly residuals: Float64Array;
  readonly covariance: readonly Float64Array[] | null;
  readonly standardErrors: Float64Array | null;
  readonly method: LeastSquaresMethod;
}

interface Evaluated {
  readonly p: Float64Array;
  readonly r: Float64Array;
  readonly chi2: number;
}

/**
 * Least-squares iterations as a generator of states (value = χ²).
 *
 * @example
 * ```ts
 * for (const s of leastSquaresSteps(residuals, [155, 6], { method: 'steepest', aggression: 2000 })) path.push(s.x);
 * ```
 */
export function leastSquaresSteps(
  residuals: VectorFunction,
  p0: ArrayLike<number>,
  options: LeastSquaresOptions = {},
): OptimizationRun<LeastSquaresResult> {
  const name = 'leastSquares';
  requireFunction(name, 'residuals', residuals);
  const start = startVector(name, 'p0', p0);
  const n = start.length;
  const method = oneOf(name, 'method', options.method, ['steepest', 'gauss-newton', 'levenberg-marquardt'], 'levenberg-marquardt');
  const steepest = method === 'steepest';
  const ev = vectorEvaluator(name, residuals, n, optionalFunction<MatrixFunction>(name, 'jacobian', options.jacobian));
  const aggression = positiveNumber(name, 'aggression', options.aggression, 1);
  let damping = positiveNumber(name, 'damping', options.damping, 1e-3);
  const dampingFactor = positiveNumber(name, 'dampingFactor', options.dampingFactor, 10);
  if (dampingFactor <= 1) throw new RangeError(`${name}: option "dampingFactor" must be greater than 1, got ${dampingFactor}`);
  const maxIterations = positiveInteger(name, 'maxIterations', options.maxIterations, steepest ? 1000 : 100);
  const gradientTolerance = nonNegativeNumber(name, 'gradientTolerance', options.gradientTolerance, 0);
  const stepTolerance = nonNegativeNumber(name, 'stepTolerance', options.stepTolerance, 1e-12);
  const valueTolerance = nonNegativeNumber(name, 'valueTolerance', options.valueTolerance, steepest ? 0 : 1e-10);
  const divergenceLimit = positiveNumber(name, 'divergenceLimit', options.divergenceLimit, 1e10);
  const sigmaOption = options.sigma;
  if (sigmaOption !== undefined && typeof sigmaOption !== 'number' && typeof (sigmaOption as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${name}: option "sigma" must be a number or an array of numbers`);
  }

  let m = -1;
  let weights: Float64Array | undefined;
  const evaluate = (p: Float64Array): Evaluated => {
    const r = ev.values(p);
    if (m < 0) {
      m = r.length;
      if (m === 0) throw new RangeError(`${name}: residuals returned an empty vector`);
      if (sigmaOption !== undefined) {
        const sig = typeof sigmaOption === 'number' ? new Float64Array(m).fill(sigmaOption) : Float64Array.from(sigmaOption);
        checkLength(name, 'option "sigma"', sig.length, m);
        sig.forEach((s, i) => {
          if (!(s > 0 && Number.isFinite(s))) throw new RangeError(`${name}: option "sigma" must be positive and finite, got ${s} at index ${i}`);
        });
        weights = sig.map((s) => 1 / (s * s));
      }
    } else checkLength(name, 'the residual vector', r.length, m);
    let chi2 = 0;
    for (let i = 0; i < m; i++) chi2 += (weights === undefined ? 1 : weights[i]!) * r[i]! * r[i]!;
    return { p, r, chi2 };
  };
  // Work buffers reused every iteration: the loop runs in microseconds, so allocation and GC would dominate.
  const gradient = new Float64Array(n);
  const normal = new Float64Array(n * n);
  const damped = new Float64Array(n * n);
  const lower = new Float64Array(n * n);
  const delta = new Float64Array(n);
  let normalAt = -1;
  /** Fills ∇χ² = 2JᵀWr and JᵀWJ at the point with index `index` in `points`. */
  const linearise = (index: number): void => {
    const at = points[index]!;
    const jac = ev.jacobian(at.p, m);
    gradient.fill(0);
    normal.fill(0);
    for (let i = 0; i < m; i++) {
      const w = weights === undefined ? 1 : weights[i]!;
      const wr = 2 * w * at.r[i]!;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const jij = jac[row + j]!;
        gradient[j]! += jij * wr;
        if (steepest) continue;
        const wj = w * jij;
        for (let k = j; k < n; k++) normal[j * n + k]! += wj * jac[row + k]!;
      }
    }
    for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) normal[j * n + k] = normal[k * n + j]!;
    normalAt = steepest ? -1 : index;
  };
  /** Solves (JᵀWJ + λ·diag(JᵀWJ)) δ = −½∇χ² into `delta`; false when singular. */
  const solveStep = (lambda: number): boolean => {
    damped.set(normal);
    for (let i = 0; i < n; i++) damped[i * n + i]! += lambda * Math.max(normal[i * n + i]!, 1e-300);
    for (let i = 0; i < n; i++) delta[i] = -gradient[i]! / 2;
    if (choleskyInto(damped, lower, n)) {
      choleskySolveInPlace(lower, delta, n);
      return true;
    }
    const viaLu = solve(damped, delta, n);
    if (viaLu == null) return false;
    delta.set(viaLu);
    return true;
  };
  const stepped = (from: Float64Array, scale: number, direction: Float64Array): Float64Array => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = from[i]! + scale * direction[i]!;
    return p;
  };

  const points: Evaluated[] = [];
  const tracker = new Tracker<Omit<LeastSquaresResult, keyof OptimizationResult>>(name, () => ev.evaluations);
  tracker.extras = (s) => {
    const at = points[s.iteration]!;
    let covariance: Float64Array[] | null = null;
    if (allFinite(at.r) && (weights !== undefined || m > n)) {
      const jtj = normalAt === s.iteration ? normal : normalMatrix(ev.jacobian(at.p, m), m, n, weights);
      const inv = inverse(jtj, n);
      const scale = weights === undefined ? at.chi2 / (m - n) : 1;
      if (inv != null) covariance = Array.from({ length: n }, (_, i) => inv.slice(i * n, i * n + n).map((v) => v * scale));
    }
    return {
      chi2: at.chi2,
      residuals: Float64Array.from(at.r),
      covariance,
      standardErrors: covariance == null ? null : Float64Array.from(covariance, (row, i) => Math.sqrt(row[i]!)),
      method,
    };
  };

  function* iterate(): Generator<IterationState, LeastSquaresResult, undefined> {
    let current = evaluate(start);
    points.push(current);
    if (!allFinite(current.r)) {
      yield tracker.record(start, current.chi2, NaN);
      return tracker.finish('diverged', 'the residuals at p₀ are not finite');
    }
    linearise(0);
    yield tracker.record(start, current.chi2, norm(gradient));
    if (norm(gradient) <= gradientTolerance) return tracker.finish('gradient-tolerance');
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      let next: Evaluated;
      let detail: IterationDetail | undefined;
      if (steepest) {
        next = evaluate(stepped(current.p, -aggression, gradient));
      } else if (method === 'gauss-newton') {
        if (!solveStep(0)) return tracker.finish('singular', 'JᵀWJ is singular');
        next = evaluate(stepped(current.p, 1, delta));
      } else {
        // Marquardt's scaling: damp each parameter by its own curvature, so units do not matter.
        let found: Evaluated | undefined;
        let smallestStep = Infinity;
        for (let attempt = 0; attempt < 40 && found === undefined; attempt++) {
          if (!solveStep(damping)) {
            damping *= dampingFactor;
            continue;
          }
          smallestStep = Math.min(smallestStep, norm(delta));
          const trial = evaluate(stepped(current.p, 1, delta));
          if (Number.isFinite(trial.chi2) && trial.chi2 <= current.chi2) {
            found = trial;
            detail = { damping };
            damping = Math.max(damping / dampingFactor, 1e-15);
          } else damping *= dampingFactor;
        }
        if (found === undefined) {
          const tiny = smallestStep <= stepTolerance * (1 + norm(current.p));
          return tracker.finish(tiny ? 'step-tolerance' : 'line-search-failed', 'no damping decreased χ²');
        }
        next = found;
      }
      const previous = current;
      current = next;
      points.push(current);
      const best = tracker.best;
      const finite = allFinite(current.r) && allFinite(current.p);
      if (finite) linearise(points.length - 1);
      const gradientNorm = finite ? norm(gradient) : NaN;
      yield tracker.record(current.p, current.chi2, gradientNorm, previous.p, detail);
      const why = finite ? divergence({ x: current.p, value: current.chi2, gradient }, best, divergenceLimit) : 'the residuals became non-finite';
      if (why !== undefined) return tracker.finish('diverged', why);
      if (gradientNorm <= gradientTolerance) return tracker.finish('gradient-tolerance');
      if (Math.abs(previous.chi2 - current.chi2) <= valueTolerance * current.chi2) return tracker.finish('value-tolerance');
      let stepSquared = 0;
      for (let i = 0; i < n; i++) stepSquared += (current.p[i]! - previous.p[i]!) ** 2;
      if (Math.sqrt(stepSquared) <= stepTolerance * (1 + norm(current.p))) return tracker.finish('step-tolerance');
    }
    return tracker.finish('max-iterations');
  }
  return new OptimizationRun(iterate(), tracker as Tracker);
}

/**
 * Fits parameters p by minimising χ² = Σ (rᵢ(p)/σᵢ)² with the course's steepest descent
 * (`aggression`), Gauss–Newton, or Levenberg–Marquardt (default), and reports the
 * parameter covariance. Residuals take p as a Tensor of shape [n] and return shape [m]
 * (or plain numbers when `jacobian` is supplied).
 *
 * @example
 * ```ts
 * const x = [0, 1, 2, 3], y = [1, 3, 5, 7];
 * const fit = leastSquares((p) => x.map((xi, i) => p.data[0]! * xi + p.data[1]! - y[i]!), [0, 0], {
 *   jacobian: () => x.map((xi) => [xi, 1]),
 * });
 * fit.x; // ≈ [2, 1]
 * ```
 */
export function leastSquares(residuals: VectorFunction, p0: ArrayLike<number>, options: LeastSquaresOptions = {}): LeastSquaresResult {
  return leastSquaresSteps(residuals, p0, options).finish();
}
