import { leastSquares, type StopReason } from '@slope/optim';

/**
 * The damped and undamped Newton-type least-squares methods.
 *
 * @example
 * ```ts
 * const method: LeastSquaresMethod = 'gauss-newton';
 * ```
 */
export type LeastSquaresMethod = 'gauss-newton' | 'levenberg-marquardt';

/**
 * Why a fit stopped: `@slope/optim`'s `StopReason`; the three tolerances mean success.
 *
 * @example
 * ```ts
 * const reason: FitReason = fitGaussian(x, y).reason; // e.g. 'value-tolerance'
 * ```
 */
export type FitReason = StopReason;

export interface LeastSquaresProblem {
  /** rᵢ(p) (unweighted; pass `sigma` to weight them). */
  readonly residuals: (p: Float64Array) => Float64Array;
  /** ∂rᵢ/∂pⱼ, row-major m×n. */
  readonly jacobian: (p: Float64Array) => Float64Array;
  readonly p0: ArrayLike<number>;
  readonly method: LeastSquaresMethod;
  readonly maxIterations: number;
  readonly sigma?: ArrayLike<number>;
}

export interface LeastSquaresSolution {
  readonly parameters: Float64Array;
  /** Accepted points, the start first. */
  readonly path: Float64Array[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason: FitReason;
  /** (JᵀWJ)⁻¹, scaled by χ²/(m − n) when no σ was given; null when singular. */
  readonly covariance: Float64Array[] | null;
}

/** Gauss–Newton or Levenberg–Marquardt through `@slope/optim`'s `leastSquares`, with analytic Jacobians. */
export function fitLeastSquares(problem: LeastSquaresProblem): LeastSquaresSolution {
  const result = leastSquares((p) => problem.residuals(p.data), problem.p0, {
    method: problem.method,
    jacobian: problem.jacobian,
    maxIterations: Math.max(1, problem.maxIterations),
    ...(problem.sigma === undefined ? {} : { sigma: problem.sigma }),
  });
  return {
    parameters: Float64Array.from(result.x),
    path: result.history.map((s) => Float64Array.from(s.x)),
    iterations: result.iterations,
    converged: result.converged,
    reason: result.reason,
    covariance: result.covariance == null ? null : result.covariance.map((row) => Float64Array.from(row)),
  };
}
