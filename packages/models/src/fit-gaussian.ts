import { leastSquares, type LeastSquaresMethod } from '@slope/optim';
import { checkXY } from './check-data.js';
import { gaussianAt } from './gaussian.js';
import { chiSquared, dataRegion, fitRunaway, histogramMoments } from './heights-fit.js';
import type { FitReason } from './least-squares.js';
import { rejectUnknownOptions } from './options.js';
import { toVector, type TensorLike } from './tensor-input.js';

/**
 * How {@link fitGaussian} minimises χ².
 *
 * @example
 * ```ts
 * const method: GaussianFitMethod = 'steepest';
 * ```
 */
export type GaussianFitMethod = LeastSquaresMethod;

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
   * Steepest descent: the number of steps (default 50, the course's). Other methods: the
   * iteration budget (default `leastSquares`' own, 100·(n + 1) = 300). At most
   * {@link FIT_GAUSSIAN_MAX_STEPS}: the whole path is kept.
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
  /** Why the result is outside the region a Gaussian can describe the data in (`fitRunaway`), or null. */
  readonly runaway: string | null;
  /** (μ, σ, χ²) after each step; `path[0]` is the start, `path[k]` is after step k. */
  readonly path: readonly GaussianFitStep[];
  /**
   * 2×2 covariance of (μ, σ), s²(JᵀJ)⁻¹ with s² = χ²/(n − 2) from the residual scatter
   * (`leastSquares`' own), or null when JᵀJ is singular there, the fit diverged or took no step.
   */
  readonly covariance: number[][] | null;
}

// ∂f/∂μ and ∂f/∂σ per bin, the course's closed forms (COURSE.md §2.1), as the Jacobian of the
// residuals y − f: row-major, one row per bin.
function residualJacobian(x: ArrayLike<number>, mu: number, sigma: number): Float64Array {
  const j = new Float64Array(x.length * 2);
  for (let i = 0; i < x.length; i++) {
    const f = gaussianAt(x[i]!, mu, sigma);
    const d = x[i]! - mu;
    j[2 * i] = -(f * d) / (sigma * sigma);
    j[2 * i + 1] = -f * ((d * d) / (sigma * sigma * sigma) - 1 / sigma);
  }
  return j;
}

function momentStart(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  for (let i = 0; i < x.length; i++) {
    if (y[i]! < 0) throw new RangeError(`fitGaussian(x, y): y[${i}] is ${y[i]}; a histogram has no negative heights (or pass option start)`);
  }
  let moments;
  try {
    moments = histogramMoments(x, y);
  } catch {
    throw new RangeError('fitGaussian(x, y): every y is 0; expected a histogram with at least one non-empty bin');
  }
  if (!(moments.sd > 0)) {
    throw new RangeError(`fitGaussian(x, y): all the weight is in one bin (x = ${moments.mean}), so the data give no width to start from; pass option start`);
  }
  return [moments.mean, moments.sd];
}

/**
 * Fit a Gaussian `f(x; μ, σ)` to a histogram (bin centres `x`, densities `y`) by minimising
 * the course's χ² = Σ (yᵢ − f(xᵢ))².
 *
 * Every method goes through `leastSquares` of `@slope/optim` with the course's closed-form
 * partials (COURSE.md §2.1): `method: 'steepest'` is exactly the course's assignment (§2.2–2.3),
 * each step −aggression·∇χ² for a fixed number of steps; `'gauss-newton'` and
 * `'levenberg-marquardt'` use `leastSquares`' budget and tolerances. A fit that ends outside the
 * region where a Gaussian can describe the histogram (`fitRunaway`, the one judge the CLI and
 * the site use too) is reported as `diverged`, with the reason in `runaway`.
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
  const steps = options.steps ?? (method === 'steepest' ? 50 : 300);
  if (!(Number.isInteger(steps) && steps >= 0 && steps <= FIT_GAUSSIAN_MAX_STEPS)) {
    throw new RangeError(`fitGaussian: option steps must be an integer from 0 to ${FIT_GAUSSIAN_MAX_STEPS}, got ${String(steps)}`);
  }

  const n = x.length;
  const fit = leastSquares(
    (p) => {
      const [mu, sigma] = [p.data[0]!, p.data[1]!];
      // σ ≤ 0 is no Gaussian: NaN residuals end the run there as diverged, keeping the best point.
      return Float64Array.from({ length: n }, (_, i) => (sigma > 0 ? y[i]! - gaussianAt(x[i]!, mu, sigma) : Number.NaN));
    },
    start,
    {
      method,
      jacobian: (p) => residualJacobian(x, p[0]!, p[1]!),
      // The course's steepest descent runs its fixed number of steps; the others keep leastSquares' budget unless given one.
      ...(method === 'steepest' ? { aggression, maxIterations: Math.max(1, steps) } : options.steps === undefined ? {} : { maxIterations: Math.max(1, steps) }),
      historyLimit: Math.max(2, steps + 1),
    },
  );
  // The path ends at the last state that is a Gaussian with a finite χ² (a diverged step is not kept).
  const good = fit.history.findIndex((state) => !Number.isFinite(state.value) || !(state.x[1]! > 0));
  const states = steps === 0 ? fit.history.slice(0, 1) : good < 0 ? fit.history : fit.history.slice(0, Math.max(1, good));
  const path = states.map((state, iteration) => ({ iteration, mu: state.x[0]!, sigma: state.x[1]!, chiSquared: chiSquared(x, y, state.x[0]!, state.x[1]!) }));
  const last = steps === 0 ? path[0]! : { iteration: path.length - 1, mu: fit.x[0]!, sigma: fit.x[1]!, chiSquared: chiSquared(x, y, fit.x[0]!, fit.x[1]!) };
  const runaway = fitRunaway(x, dataRegion(x, y), last);
  const diverged = runaway != null || fit.reason === 'diverged';
  return {
    mu: last.mu,
    sigma: last.sigma,
    chiSquared: last.chiSquared,
    method,
    iterations: path.length - 1,
    converged: fit.converged && !diverged,
    reason: diverged ? 'diverged' : fit.reason,
    runaway,
    path,
    covariance: diverged || steps === 0 || fit.covariance == null ? null : fit.covariance.map((row) => Array.from(row)),
  };
}
