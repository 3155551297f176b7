// Small dense linear algebra for the fitters. Matrices are row-major Float64Arrays.

/**
 * Least-squares solution of A c ≈ b by Householder QR (A is m×n, m ≥ n, full column rank).
 * QR works on A itself, so its conditioning is cond(A), not cond(A)² as with the normal
 * equations.
 */
export function solveLeastSquaresQR(a: Float64Array, m: number, n: number, b: ArrayLike<number>): Float64Array {
  const r = Float64Array.from(a);
  const qtb = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm = Math.hypot(norm, r[i * n + k]!);
    if (norm === 0) throw new RangeError(`least squares: the design matrix is rank deficient (column ${k} depends on the others); too few distinct x values for this model`);
    const alpha = r[k * n + k]! > 0 ? -norm : norm;
    // v = x − alpha e₁, stored in a scratch vector.
    const v = new Float64Array(m - k);
    for (let i = k; i < m; i++) v[i - k] = r[i * n + k]!;
    v[0]! -= alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k]! * r[i * n + j]!;
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) r[i * n + j]! -= f * v[i - k]!;
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += v[i - k]! * qtb[i]!;
    const f = (2 * dot) / vv;
    for (let i = k; i < m; i++) qtb[i]! -= f * v[i - k]!;
  }
  const scale = Math.abs(r[0]!);
  const c = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const diag = r[k * n + k]!;
    if (Math.abs(diag) <= 1e-13 * scale) {
      throw new RangeError(`least squares: the design matrix is rank deficient (column ${k}); too few distinct x values for this model`);
    }
    let s = qtb[k]!;
    for (let j = k + 1; j < n; j++) s -= r[k * n + j]! * c[j]!;
    c[k] = s / diag;
  }
  return c;
}

/** Inverse of a square n×n matrix by Gauss–Jordan elimination with partial pivoting. */
export function invert(m: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(m);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    const p = a[pivot * n + col]!;
    if (!(Math.abs(p) > 1e-14 * scale)) throw new RangeError('matrix is singular: the parameters are not identifiable from these data');
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        [a[col * n + j], a[pivot * n + j]] = [a[pivot * n + j]!, a[col * n + j]!];
        [inv[col * n + j], inv[pivot * n + j]] = [inv[pivot * n + j]!, inv[col * n + j]!];
      }
    }
    for (let j = 0; j < n; j++) {
      a[col * n + j]! /= p;
      inv[col * n + j]! /= p;
    }
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const f = a[row * n + col]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        a[row * n + j]! -= f * a[col * n + j]!;
        inv[row * n + j]! -= f * inv[col * n + j]!;
      }
    }
  }
  return inv;
}

/** A row-major n×n matrix as nested arrays (the public shape of covariances). */
export function toRows(m: Float64Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(m.subarray(i * n, i * n + n)));
  return rows;
}
