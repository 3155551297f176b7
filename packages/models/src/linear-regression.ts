import { checkXY } from './check-data.js';
import { toVector, type TensorLike } from './tensor-input.js';

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
  /** The residual standard deviation σ = √(χ²/(n − 2)); null for two points (see `uncertaintyNote`). */
  readonly sigma: number | null;
  /** σ_m = √(σ² / Σ(xᵢ − x̄)²); null for two points. */
  readonly slopeUncertainty: number | null;
  /** σ_c = √(σ² (1/n + x̄² / Σ(xᵢ − x̄)²)); null for two points. */
  readonly interceptUncertainty: number | null;
  /** Why `sigma` and the uncertainties are null (two points leave no degrees of freedom), else null. */
  readonly uncertaintyNote: string | null;
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
 * The power of two nearest below the largest |value|, or 1 for all zeros. Dividing by it is
 * exact (only the exponent changes), so scaled sums give the same digits as unscaled ones
 * wherever those do not overflow or underflow.
 */
function powerOfTwoScale(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]!));
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/**
 * Least-squares straight line y = m x + c by the course's closed form (COURSE.md §4, week 6):
 * `m = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²`, `c = ȳ − m x̄`, with χ² and the parameter
 * uncertainties σ_m² = σ²/Σ(xᵢ − x̄)², σ_c² = σ²(1/n + x̄²/Σ(xᵢ − x̄)²), where σ² = χ²/(n − 2)
 * estimates the scatter of the points about the line. With two points there is no scatter
 * to estimate: σ and the uncertainties are null and `uncertaintyNote` says why.
 *
 * x and y are scaled by powers of two before the sums (and the results scaled back), so data
 * near the ends of the float range (x ≈ 1e200, whose squares overflow) fit as well as any other.
 * Arrays, typed arrays and 1-D tensors of `@slope/autodiff` are accepted.
 *
 * @throws RangeError for mismatched lengths, fewer than 2 points, non-finite values, or all x equal.
 * @throws TypeError when x or y is not a list of numbers.
 * @example
 * ```ts
 * const fit = linearRegression([0, 1, 2, 3], [1, 3, 5, 7]);
 * [fit.slope, fit.intercept, fit.chiSquared]; // [2, 1, 0]
 * fit.predict(10);                            // 21
 * ```
 */
export function linearRegression(x: ArrayLike<number> | TensorLike, y: ArrayLike<number> | TensorLike): LinearFit {
  const xs = toVector('linearRegression(x, y)', 'x', x);
  const ys = toVector('linearRegression(x, y)', 'y', y);
  checkXY('linearRegression(x, y)', xs, ys, 2);
  const n = xs.length;
  const sx = powerOfTwoScale(xs);
  const sy = powerOfTwoScale(ys);
  const u = Float64Array.from(xs, (v) => v / sx);
  const v = Float64Array.from(ys, (w) => w / sy);
  let ubar = 0;
  let vbar = 0;
  for (let i = 0; i < n; i++) {
    ubar += u[i]!;
    vbar += v[i]!;
  }
  ubar /= n;
  vbar /= n;
  let suu = 0;
  let suv = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i]! - ubar;
    const dv = v[i]! - vbar;
    suu += du * du;
    suv += du * dv;
    svv += dv * dv;
  }
  if (!(suu > 0)) throw new RangeError(`linearRegression(x, y): every x equals ${xs[0]}; expected at least two distinct x values`);
  // b and a are the slope and intercept in the scaled units: v = b u + a.
  const b = suv / suu;
  const a = vbar - b * ubar;
  const slope = b * (sy / sx);
  const intercept = a * sy;
  const scaledResiduals = Float64Array.from({ length: n }, (_, i) => v[i]! - b * u[i]! - a);
  const scaledChi2 = scaledResiduals.reduce((s, r) => s + r * r, 0);
  const residuals = scaledResiduals.map((r) => r * sy);
  const line = (xi: number) => slope * xi + intercept;
  function predict(x: number): number;
  function predict(x: ArrayLike<number>): Float64Array;
  function predict(x: number | ArrayLike<number>): number | Float64Array {
    return typeof x === 'number' ? line(x) : Float64Array.from(x, line);
  }
  const dof = n - 2;
  const scaledVariance = dof > 0 ? scaledChi2 / dof : null;
  return {
    slope,
    intercept,
    chiSquared: scaledChi2 * sy * sy,
    sigma: scaledVariance == null ? null : Math.sqrt(scaledVariance) * sy,
    slopeUncertainty: scaledVariance == null ? null : Math.sqrt(scaledVariance / suu) * (sy / sx),
    interceptUncertainty: scaledVariance == null ? null : Math.sqrt(scaledVariance * (1 / n + (ubar * ubar) / suu)) * sy,
    uncertaintyNote:
      scaledVariance == null
        ? 'two points leave n − 2 = 0 degrees of freedom: the line passes through both, so the scatter about it, and with it σ and the uncertainties, cannot be estimated'
        : null,
    rSquared: svv > 0 ? 1 - scaledChi2 / svv : 1,
    residuals,
    n,
    predict,
  };
}
