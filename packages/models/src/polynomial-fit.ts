import { checkXY } from './check-data.js';
import { solveLeastSquaresQR } from './linalg.js';

/**
 * The polynomial returned by {@link polynomialFit}.
 *
 * @example
 * ```ts
 * const { coefficients, predict }: PolynomialFit = polynomialFit(x, y, 3);
 * ```
 */
export interface PolynomialFit {
  readonly degree: number;
  /** Coefficients in ascending powers of x: y ≈ Σₖ coefficients[k] xᵏ. */
  readonly coefficients: Float64Array;
  /** χ² = Σ (yᵢ − p(xᵢ))². */
  readonly chiSquared: number;
  /** yᵢ − p(xᵢ). */
  readonly residuals: Float64Array;
  /** p(x) at one point or elementwise, evaluated in the well-conditioned centred basis. */
  predict(x: number): number;
  predict(x: ArrayLike<number>): Float64Array;
}

// (x choose k) coefficients for re-expanding Σ aₖ ((x − c)/s)ᵏ in raw powers of x.
function binomialRow(k: number): number[] {
  const row = [1];
  for (let j = 1; j <= k; j++) row.push((row[j - 1]! * (k - j + 1)) / j);
  return row;
}

/**
 * Least-squares polynomial of the given degree. The design matrix is built on
 * t = (x − centre)/halfRange ∈ [−1, 1] and solved by Householder QR, so it never forms the
 * badly conditioned normal equations of raw powers. `coefficients` are re-expanded in raw
 * powers of x for display; `predict` uses the centred form.
 *
 * @throws RangeError for a bad degree, mismatched lengths, or fewer distinct x values than degree + 1.
 * @example
 * ```ts
 * const fit = polynomialFit([0, 1, 2, 3], [1, 2, 5, 10], 2); // y = x² + 1
 * Array.from(fit.coefficients); // ≈ [1, 0, 1]
 * fit.predict(4);               // ≈ 17
 * ```
 */
export function polynomialFit(x: ArrayLike<number>, y: ArrayLike<number>, degree: number): PolynomialFit {
  if (!(Number.isInteger(degree) && degree >= 0)) {
    throw new RangeError(`polynomialFit(x, y, degree): degree must be a non-negative integer, got ${String(degree)}`);
  }
  checkXY('polynomialFit(x, y, degree)', x, y, degree + 1);
  const m = x.length;
  const n = degree + 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(hi, x[i]!);
  }
  const centre = (lo + hi) / 2;
  const scale = hi > lo ? (hi - lo) / 2 : 1;
  const a = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const t = (x[i]! - centre) / scale;
    let power = 1;
    for (let k = 0; k < n; k++) {
      a[i * n + k] = power;
      power *= t;
    }
  }
  const centred = solveLeastSquaresQR(a, m, n, y);

  const at = (xi: number) => {
    const t = (xi - centre) / scale;
    let s = 0;
    for (let k = n - 1; k >= 0; k--) s = s * t + centred[k]!;
    return s;
  };
  // Σₖ aₖ s⁻ᵏ (x − c)ᵏ = Σₖ aₖ s⁻ᵏ Σⱼ C(k, j) xʲ (−c)ᵏ⁻ʲ
  const coefficients = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ak = centred[k]! / scale ** k;
    const row = binomialRow(k);
    for (let j = 0; j <= k; j++) coefficients[j]! += ak * row[j]! * (-centre) ** (k - j);
  }
  const residuals = Float64Array.from({ length: m }, (_, i) => y[i]! - at(x[i]!));
  function predict(x: number): number;
  function predict(x: ArrayLike<number>): Float64Array;
  function predict(x: number | ArrayLike<number>): number | Float64Array {
    return typeof x === 'number' ? at(x) : Float64Array.from(x, at);
  }
  return { degree, coefficients, chiSquared: residuals.reduce((s, r) => s + r * r, 0), residuals, predict };
}
