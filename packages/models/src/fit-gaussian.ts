import { checkXY } from './check-data.js';
import { rejectUnknownOptions } from './options.js';
import { toVector, type TensorLike } from './tensor-input.js';
import { gaussianAt } from './gaussian.js';
import { invert, toRows } from './linalg.js';
import { fitLeastSquares, type FitReason, type LeastSquaresMethod } from './least-squares.js';

/**
 * How {@link fitGaussian} minimises χ².
 *
 * @example
 * ```ts
 * const method: GaussianFitMethod = 'steepest';
 * ```
 */
export type GaussianFitMethod = 'steepest' | LeastSquaresMethod;

/**
 * Options for {@link fitGaussian}.
 *
 * @example
 * ```ts
 * const course: FitGaussianOptions = { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 };
 * ```
 */
export interface FitGaussianOptions {
  /** Default 'levenberg-marquardt'; 'steepest' is the course's fixed-step descent. */
  readonly method?: GaussianFitMethod;
  /** Starting [μ, σ]; default the histogram's mean and standard deviation. */
  readonly start?: readonly [mu: number, sigma: number];
  /** Steepest descent's step multiplier on ∇χ² (the course's "aggression"); default 2000. */
  readonly aggression?: number;
  /**
   * Steepest descent: the number of steps (default 50). Other methods: the iteration budget
   * (default 100). At most {@link FIT_GAUSSIAN_MAX_STEPS}: the whole path is kept.
   */
  readonly steps?: number;
}

const OPTION_NAMES = ['method', 'start', 'aggression', 'steps'] as const;

/**
 * The largest `steps` {@link fitGaussian} accepts. The fit keeps every point of its path
 * (about 100 bytes each), so the budget bounds its memory: 100,000 steps, about 10 MB.
 *
 * @example
 * ```ts
 * const { x, y } = heights('course');
 * fitGaussian(x, y, { method: 'levenberg-marquardt', steps: FIT_GAUSSIAN_MAX_STEPS }).converged; // true
 * ```
 */
export const FIT_GAUSSIAN_MAX_STEPS = 100_000;

/**
 * One point of the fit's path: iteration 0 is the start.
 *
 * @example
 * ```ts
 * const { mu, sigma, chiSquared } = fitGaussian(x, y).path[0]!;
 * ```
 */
export interface GaussianFitStep {
  readonly iteration: number;
  readonly mu: number;
  readonly sigma: number;
  readonly chiSquared: number;
}

/**
 * The result of {@link fitGaussian}.
 *
 * @example
 * ```ts
 * const { mu, sigma, covariance } = fitGaussian(x, y);
 * const muError = Math.sqrt(covariance![0]![0]!);
 * ```
 */
export interface GaussianFit {
  readonly mu: number;
  readonly sigma: number;
  /** Σ (yᵢ − f(xᵢ; μ, σ))² at the result (course χ², no σᵢ weights). */
  readonly chiSquared: number;
  readonly method: GaussianFitMethod;
  /** Updates performed. */
  readonly iterations: number;
  readonly converged: boolean;
  /**
   * Why it stopped. 'diverged' also when the result has σ ≤ 0 or a curve that is practically
   * zero over every bin (the fit ran off into the flat far field of χ²).
   */
  readonly reason: FitReason;
  /** (μ, σ, χ²) after each step; `path[0]` is the start, `path[k]` is after step k. */
  readonly path: readonly GaussianFitStep[];
  /**
   * 2×2 covariance of (μ, σ), s²(JᵀJ)⁻¹ with s² = χ²/(n − 2) from the residual scatter, or
   * null when JᵀJ is singular there.
   */
  readonly covariance: number[][] | null;
}

function chiSquared(x: ArrayLike<number>, y: ArrayLike<number>, mu: number, sigma: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = y[i]! - gaussianAt(x[i]!, mu, sigma);
    s += r * r;
  }
  return s;
}

// ∂f/∂μ and ∂f/∂σ per bin, the course's closed forms (COURSE.md §2.1).
function jacobian(x: ArrayLike<number>, mu: number, sigma: number): Float64Array {
  const j = new Float64Array(x.length * 2);
  for (let i = 0; i < x.length; i++) {
    const f = gaussianAt(x[i]!, mu, sigma);
    const d = x[i]! - mu;
    j[2 * i] = (f * d) / (sigma * sigma);
    j[2 * i + 1] = f * ((d * d) / (sigma * sigma * sigma) - 1 / sigma);
  }
  return j;
}

function covarianceAt(x: ArrayLike<number>, mu: number, sigma: number, chi2: number): number[][] | null {
  const j = jacobian(x, mu, sigma);
  const g = new Float64Array(4);
  for (let i = 0; i < x.length; i++) {
    const a = j[2 * i]!;
    const b = j[2 * i + 1]!;
    g[0]! += a * a;
    g[1]! += a * b;
    g[3]! += b * b;
  }
  g[2] = g[1]!;
  const dof = Math.max(1, x.length - 2);
  try {
    return toRows(invert(g, 2).map((v) => (v * chi2) / dof), 2);
  } catch {
    return null;
  }
}

// A fit that ends with σ ≤ 0, or with a curve that is practically zero over every bin, has
// left the data: far from it χ² is flat (≈ Σ y²), so tolerances can fire there. Undamped
// Gauss–Newton from a poor start does this; so does steepest descent with a huge step.
function leftTheData(x: ArrayLike<number>, y: ArrayLike<number>, mu: number, sigma: number): boolean {
  if (!(sigma > 0) || !Number.isFinite(mu)) return true;
  let peak = 0;
  let top = 0;
  for (let i = 0; i < x.length; i++) {
    peak = Math.max(peak, gaussianAt(x[i]!, mu, sigma));
    top = Math.max(top, Math.abs(y[i]!));
  }
  return peak < 1e-3 * top;
}

function momentStart(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  let w = 0;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    if (y[i]! < 0) throw new RangeError(`fitGaussian(x, y): y[${i}] is ${y[i]}; a histogram has no negative heights (or pass option start)`);
    w += y[i]!;
    m += y[i]! * x[i]!;
  }
  if (!(w > 0)) throw new RangeError('fitGaussian(x, y): every y is 0; expected a histogram with at least one non-empty bin');
  m /= w;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += y[i]! * (x[i]! - m) ** 2;
  if (!(v > 0)) {
    throw new RangeError(`fitGaussian(x, y): all the weight is in one bin (x = ${m}), so the data give no width to start from; pass option start`);
  }
  return [m, Math.sqrt(v / w)];
}

function steepestPath(x: ArrayLike<number>, y: ArrayLike<number>, start: readonly [number, number], aggression: number, steps: number) {
  let [mu, sigma] = start;
  const path: GaussianFitStep[] = [{ iteration: 0, mu, sigma, chiSquared: chiSquared(x, y, mu, sigma) }];
  let reason: FitReason = 'max-iterations';
  for (let k = 1; k <= steps; k++) {
    // The graded steepest_step: J = [∂χ²/∂μ, ∂χ²/∂σ] with ∂χ²/∂p = −2 (y − f)·∂f/∂p; step = −J·aggression.
    let jmu = 0;
    let jsigma = 0;
    for (let i = 0; i < x.length; i++) {
      const f = gaussianAt(x[i]!, mu, sigma);
      const d = x[i]! - mu;
      const r = y[i]! - f;
      jmu += -2 * r * ((f * d) / (sigma * sigma));
      jsigma += -2 * r * f * ((d * d) / (sigma * sigma * sigma) - 1 / sigma);
    }
    mu -= aggression * jmu;
    sigma -= aggression * jsigma;
    const chi2 = chiSquared(x, y, mu, sigma);
    if (!Number.isFinite(chi2) || !(sigma > 0)) {
      reason = 'diverged';
      break;
    }
    path.push({ iteration: k, mu, sigma, chiSquared: chi2 });
  }
  return { path, reason };
}

/**
 * Fit a Gaussian `f(x; μ, σ)` to a histogram (bin centres `x`, densities `y`) by minimising
 * the course's χ² = Σ (yᵢ − f(xᵢ))².
 *
 * `method: 'steepest'` is exactly the course's assignment (COURSE.md §2.2–2.3): each step
 * moves by −aggression·∇χ² using the closed-form partials, for a fixed number of steps.
 * `'gauss-newton'` and `'levenberg-marquardt'` go through `leastSquares` of `@slope/optim`.
 * x and y may be arrays, typed arrays or 1-D tensors of `@slope/autodiff`.
 *
 * @throws RangeError for mismatched or too short inputs, a histogram without weight, or a bad option value.
 * @throws TypeError for an unknown option name (naming the closest known one) or inputs that are not lists of numbers.
 * @example
 * ```ts
 * const { x, y } = heights('course');
 * const fit = fitGaussian(x, y, { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 });
 * fit.path[1];            // { iteration: 1, mu: 155.926…, sigma: 13.318…, … }
 * [fit.mu, fit.sigma];    // [178.5198…, 7.5499…]
 * ```
 */
export function fitGaussian(
  xValues: ArrayLike<number> | TensorLike,
  yValues: ArrayLike<number> | TensorLike,
  options: FitGaussianOptions = {},
): GaussianFit {
  rejectUnknownOptions('fitGaussian', options, OPTION_NAMES);
  const x = toVector('fitGaussian(x, y)', 'x', xValues);
  const y = toVector('fitGaussian(x, y)', 'y', yValues);
  checkXY('fitGaussian(x, y)', x, y, 3);
  const method = options.method ?? 'levenberg-marquardt';
  if (method !== 'steepest' && method !== 'gauss-newton' && method !== 'levenberg-marquardt') {
    throw new RangeError(`fitGaussian: option method must be 'steepest', 'gauss-newton' or 'levenberg-marquardt', got ${JSON.stringify(method)}`);
  }
  const start = options.start ?? momentStart(x, y);
  if (!(Array.isArray(start) && start.length === 2 && Number.isFinite(start[0]) && Number.isFinite(start[1]) && start[1] > 0)) {
    const shown = Array.isArray(start) ? `[${start.join(', ')}]` : JSON.stringify(start);
    throw new RangeError(`fitGaussian: option start must be [mu, sigma] with sigma > 0, got ${shown}`);
  }
  const aggression = options.aggression ?? 2000;
  if (!(Number.isFinite(aggression) && aggression > 0)) {
    throw new RangeError(`fitGaussian: option aggression must be a positive number, got ${String(aggression)}`);
  }
  const steps = options.steps ?? (method === 'steepest' ? 50 : 100);
  if (!(Number.isInteger(steps) && steps >= 0 && steps <= FIT_GAUSSIAN_MAX_STEPS)) {
    throw new RangeError(`fitGaussian: option steps must be an integer from 0 to ${FIT_GAUSSIAN_MAX_STEPS}, got ${String(steps)}`);
  }

  if (method === 'steepest') {
    const run = steepestPath(x, y, start, aggression, steps);
    const { path } = run;
    const last = path[path.length - 1]!;
    const reason: FitReason = leftTheData(x, y, last.mu, last.sigma) ? 'diverged' : run.reason;
    return {
      mu: last.mu,
      sigma: last.sigma,
      chiSquared: last.chiSquared,
      method,
      iterations: path.length - 1,
      converged: false,
      reason,
      path,
      covariance: reason === 'diverged' ? null : covarianceAt(x, last.mu, last.sigma, last.chiSquared),
    };
  }

  const n = x.length;
  const fit = fitLeastSquares({
    residuals: (p) => Float64Array.from({ length: n }, (_, i) => y[i]! - gaussianAt(x[i]!, p[0]!, p[1]!)),
    // Residuals are y − f, so their Jacobian is −∂f/∂p.
    jacobian: (p) => jacobian(x, p[0]!, p[1]!).map((v) => -v),
    p0: start,
    method,
    maxIterations: steps,
  });
  const path = fit.path.map((p, iteration) => ({ iteration, mu: p[0]!, sigma: p[1]!, chiSquared: chiSquared(x, y, p[0]!, p[1]!) }));
  const [mu, sigma] = [fit.parameters[0]!, fit.parameters[1]!];
  const chi2 = chiSquared(x, y, mu, sigma);
  const lost = leftTheData(x, y, mu, sigma);
  return {
    mu,
    sigma,
    chiSquared: chi2,
    method,
    iterations: fit.iterations,
    converged: fit.converged && !lost,
    reason: lost ? 'diverged' : fit.reason,
    path,
    covariance: lost ? null : covarianceAt(x, mu, sigma, chi2),
  };
}
