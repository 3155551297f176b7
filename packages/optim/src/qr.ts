/**
 * QR factorisation with column pivoting and the damped least-squares solve built on it, after
 * MINPACK's `qrfac` and `qrsolv` (Moré, Garbow, Hillstrom 1980). Levenberg–Marquardt needs
 * both: pivoting puts the numerically dependent columns last, so a rank-deficient or
 * zero-column Jacobian still gives a usable triangular factor, and `qrSolve` adds the
 * damping λD² by Givens rotations without forming JᵀJ (whose condition is the square of J's).
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

/**
 * Overwrites `b` (length m) with Qᵀb, using the Householder vectors `qrFactor` left in `a`,
 * and puts R's diagonal back on `a`'s diagonal (so `a`'s upper triangle is R).
 */
export function applyQt(a: Float64Array, m: number, n: number, lda: number, rdiag: Float64Array, b: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const cj = j * lda;
    const ajj = a[cj + j]!;
    if (ajj !== 0) {
      let sum = 0;
      for (let i = j; i < m; i++) sum += a[cj + i]! * b[i]!;
      const temp = -sum / ajj;
      for (let i = j; i < m; i++) b[i]! += a[cj + i]! * temp;
    }
    a[cj + j] = rdiag[j]!;
  }
}

/**
 * Given R and Qᵀb from a pivoted QR of A (R in the upper triangle of `r`, n×n, leading
 * dimension `ldr`), solves min ‖[A; D](x) − [b; 0]‖ for the diagonal D = `diag`, by Givens
 * rotations that turn [R; PᵀDP] into a triangular S. x goes to `x`; S's diagonal to `sdiag`
 * and its strict lower triangle (transposed) to `r`'s strict lower triangle, which
 * `lmParameter` reads. R's upper triangle is preserved. A singular S gives the least-squares
 * solution with the dependent components set to zero. `wa` is n scratch entries.
 */
export function qrSolve(r: Float64Array, n: number, ldr: number, ipvt: Int32Array, diag: Float64Array, qtb: Float64Array, x: Float64Array, sdiag: Float64Array, wa: Float64Array): void {
  // Copy R and Qᵀb to preserve the input and initialise S; keep R's diagonal in x.
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) r[j * ldr + i] = r[i * ldr + j]!;
    x[j] = r[j * ldr + j]!;
    wa[j] = qtb[j]!;
  }
  for (let j = 0; j < n; j++) {
    // Eliminate row j of D (its entry sits in column ipvt-position j) with Givens rotations.
    const dj = diag[ipvt[j]!]!;
    if (dj !== 0) {
      for (let k = j; k < n; k++) sdiag[k] = 0;
      sdiag[j] = dj;
      // Only one entry of (Qᵀb, 0) beyond the first n changes, and it starts at zero.
      let qtbpj = 0;
      for (let k = j; k < n; k++) {
        if (sdiag[k] === 0) continue;
        const rkk = r[k * ldr + k]!;
        let cos: number;
        let sin: number;
        if (Math.abs(rkk) < Math.abs(sdiag[k]!)) {
          const cotan = rkk / sdiag[k]!;
          sin = 0.5 / Math.sqrt(0.25 + 0.25 * cotan * cotan);
          cos = sin * cotan;
        } else {
          const tan = sdiag[k]! / rkk;
          cos = 0.5 / Math.sqrt(0.25 + 0.25 * tan * tan);
          sin = cos * tan;
        }
        r[k * ldr + k] = cos * rkk + sin * sdiag[k]!;
        const temp = cos * wa[k]! + sin * qtbpj;
        qtbpj = -sin * wa[k]! + cos * qtbpj;
        wa[k] = temp;
        for (let i = k + 1; i < n; i++) {
          const rik = r[k * ldr + i]!;
          const t = cos * rik + sin * sdiag[i]!;
          sdiag[i] = -sin * rik + cos * sdiag[i]!;
          r[k * ldr + i] = t;
        }
      }
    }
    // Keep S's diagonal entry and restore R's.
    sdiag[j] = r[j * ldr + j]!;
    r[j * ldr + j] = x[j]!;
  }
  // Solve S z = (rotated Qᵀb); a singular S gives the least-squares solution.
  let nsing = n;
  for (let j = 0; j < n; j++) {
    if (sdiag[j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    let sum = 0;
    for (let i = j + 1; i < nsing; i++) sum += r[j * ldr + i]! * wa[i]!;
    wa[j] = (wa[j]! - sum) / sdiag[j]!;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa[j]!;
}
