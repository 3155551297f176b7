/**
 * QR factorisation with column pivoting, after MINPACK's `qrfac` (Moré, Garbow, Hillstrom
 * 1980): pivoting puts the numerically dependent columns last, so the triangular factor
 * reveals a Jacobian's rank (which JᵀJ, whose condition is the square of J's, cannot show
 * below about 1e-8) and gives the covariance (JᵀJ)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ accurately.
 *
 * Matrices are column-major with a leading dimension: entry (i, j) of `a` is `a[j * lda + i]`.
 */

/**
 * The Euclidean norm of `a[from … to−1]`, safe against overflow and underflow: the plain sum
 * of squares when it is comfortably inside the floating-point range (the usual case, one
 * pass), otherwise a second pass scaled by the largest entry (squares of entries near 1e±160
 * would not survive).
 */
export function rangeNorm(a: Float64Array, from: number, to: number): number {
  let plain = 0;
  for (let i = from; i < to; i++) plain += a[i]! * a[i]!;
  if (plain > 1e-280 && plain < 1e280) return Math.sqrt(plain);
  if (Number.isNaN(plain)) return NaN;
  let scale = 0;
  for (let i = from; i < to; i++) {
    const v = Math.abs(a[i]!);
    if (v > scale) scale = v;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = a[i]! / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

/**
 * Householder QR of the m×n matrix `a` (m ≥ n) with column pivoting: A·P = Q·R.
 *
 * On return the strict upper triangle of `a`'s first n rows holds R's off-diagonal entries,
 * `rdiag` its diagonal, the lower trapezoid the Householder vectors (column j's vector is
 * `a[j … m−1, j]`, for forming Qᵀb), `ipvt[j]` the original index of pivoted column j, and
 * `acnorm` the norms of A's original columns. `wa` is n scratch entries.
 */
export function qrFactor(a: Float64Array, m: number, n: number, lda: number, ipvt: Int32Array, rdiag: Float64Array, acnorm: Float64Array, wa: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const norm = rangeNorm(a, j * lda, j * lda + m);
    acnorm[j] = norm;
    rdiag[j] = norm;
    wa[j] = norm;
    ipvt[j] = j;
  }
  const columns = Math.min(m, n);
  for (let j = 0; j < columns; j++) {
    // Bring the column of largest remaining norm into the pivot position.
    let kmax = j;
    for (let k = j + 1; k < n; k++) if (rdiag[k]! > rdiag[kmax]!) kmax = k;
    if (kmax !== j) {
      for (let i = 0; i < m; i++) {
        const t = a[j * lda + i]!;
        a[j * lda + i] = a[kmax * lda + i]!;
        a[kmax * lda + i] = t;
      }
      rdiag[kmax] = rdiag[j]!;
      wa[kmax] = wa[j]!;
      const p = ipvt[j]!;
      ipvt[j] = ipvt[kmax]!;
      ipvt[kmax] = p;
    }
    // The Householder transformation that reduces column j to a multiple of the unit vector.
    const cj = j * lda;
    let ajnorm = rangeNorm(a, cj + j, cj + m);
    if (ajnorm !== 0) {
      if (a[cj + j]! < 0) ajnorm = -ajnorm;
      for (let i = j; i < m; i++) a[cj + i]! /= ajnorm;
      a[cj + j]! += 1;
      // Apply it to the remaining columns and update their norms.
      for (let k = j + 1; k < n; k++) {
        const ck = k * lda;
        let sum = 0;
        for (let i = j; i < m; i++) sum += a[cj + i]! * a[ck + i]!;
        const temp = sum / a[cj + j]!;
        for (let i = j; i < m; i++) a[ck + i]! -= temp * a[cj + i]!;
        if (rdiag[k] !== 0) {
          const ratio = a[ck + j]! / rdiag[k]!;
          rdiag[k]! *= Math.sqrt(Math.max(0, 1 - ratio * ratio));
          // Recompute from scratch once cancellation has eaten the running norm's accuracy.
          if (0.05 * (rdiag[k]! / wa[k]!) ** 2 <= Number.EPSILON) {
            rdiag[k] = rangeNorm(a, ck + j + 1, ck + m);
            wa[k] = rdiag[k]!;
          }
        }
      }
    }
    rdiag[j] = -ajnorm;
  }
}
