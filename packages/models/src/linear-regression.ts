import { checkXY } from './check-data.js';

/**
 * The straight-line fit returned by {@link linearRegression}.
 *
 * @example
 * ```ts
 * const { slope, slopeUncertainty }: LinearFit = linearRegression(x, y);
 * ```
 */
export interface LinearFit {
  /** m in y = m x + c. */
  readonly slope: number;
  /** c in y = m x + c. */
  readonly intercept: number;
  /** χ² = Σ (yᵢ − m xᵢ − c)². */
  readonly chiSquared: number;
  /** The residual standard deviation σ = √(χ²/(n − 2)); NaN for two points. */
  readonly sigma: number;
  /** σ_m = √(σ² / Σ(xᵢ − x̄)²). */
  readonly slopeUncertainty: number;
  /** σ_c = √(σ² (1/n + x̄² / Σ(xᵢ − x̄)²)). */
  readonly interceptUncertainty: number;
  /** Coefficient of determination 1 − χ²/Σ(yᵢ − ȳ)² (1 when y is constant and fitted exactly). */
  readonly rSquared: number;
  /** yᵢ − m xᵢ − c. */
  readonly residuals: Float64Array;
  readonly n: number;
  /** m x + c, at one point or elementwise. */
  predict(x: number): number;
  predict(x: ArrayLike<number>): Float64Array;
}

/**
 * Least-squares straight line y = m x + c by the course's closed form (COURSE.md §4, week 6):
 * `m = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²`, `c = ȳ − m x̄`, with χ² and the parameter
 * uncertainties σ_m² = σ²/Σ(xᵢ − x̄)², σ_c² = σ²(1/n + x̄²/Σ(xᵢ − x̄)²), where σ² = χ²/(n − 2)
 * estimates the scatter of the points about the line.
 *
 * @throws RangeError for mismatched lengths, fewer than 2 points, non-finite values, or all x equal.
 * @example
 * ```ts
 * const fit = linearRegression([0, 1, 2, 3], [1, 3, 5, 7]);
 * [fit.slope, fit.intercept, fit.chiSquared]; // [2, 1, 0]
 * fit.predict(10);                            // 21
 * ```
 */
export function linearRegression(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  checkXY('linearRegression(x, y)', x, y, 2);
  const n = x.length;
  let xbar = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) {
    xbar += x[i]!;
    ybar += y[i]!;
  }
  xbar /= n;
  ybar /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - xbar;
    const dy = y[i]! - ybar;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError(`linearRegression(x, y): every x equals ${xbar}; expected at least two distinct x values`);
  const slope = sxy / sxx;
  const intercept = ybar - slope * xbar;
  const residuals = Float64Array.from({ length: n }, (_, i) => y[i]! - slope * x[i]! - intercept);
  const chiSquared = residuals.reduce((s, r) => s + r * r, 0);
  const variance = n > 2 ? chiSquared / (n - 2) : Number.NaN;
  const line = (xi: number) => slope * xi + intercept;
  function predict(x: number): number;
  function predict(x: ArrayLike<number>): Float64Array;
  function predict(x: number | ArrayLike<number>): number | Float64Array {
    return typeof x === 'number' ? line(x) : Float64Array.from(x, line);
  }
  return {
    slope,
    intercept,
    chiSquared,
    sigma: Math.sqrt(variance),
    slopeUncertainty: Math.sqrt(variance / sxx),
    interceptUncertainty: Math.sqrt(variance * (1 / n + (xbar * xbar) / sxx)),
    rSquared: syy > 0 ? 1 - chiSquared / syy : 1,
    residuals,
    n,
    predict,
  };
}
