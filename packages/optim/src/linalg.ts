/**
 * Small dense linear algebra on row-major Float64Arrays. The systems here are n ≤ a few
 * dozen, so plain O(n³) factorisations with explicit singularity checks beat any library.
 */

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function norm(a: ArrayLike<number>): number {
  // Scaled so that huge gradients do not overflow to Infinity before we can report them.
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]! / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/** y = A x for an m×n row-major A. */
export function matVec(a: Float64Array, x: ArrayLike<number>, m: number, n: number): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/** y = Aᵀ x for an m×n row-major A. */
export function matTVec(a: Float64Array, x: ArrayLike<number>, m: number, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const xi = x[i]!;
    for (let j = 0; j < n; j++) y[j]! += a[i * n + j]! * xi;
  }
  return y;
}

/** Cholesky factor L (lower, row-major) of a symmetric n×n matrix, or null if not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  return choleskyInto(a, l, n) ? l : null;
}

/** Writes the Cholesky factor of A into l (which must be zero above the diagonal); false if A is not positive definite. */
export function choleskyInto(a: Float64Array, l: Float64Array, n: number): boolean {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]!));
  const tiny = Number.EPSILON * n * Math.max(maxDiag, Number.MIN_VALUE);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > tiny)) return false;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ y = b, overwriting b with y. */
export function choleskySolveInPlace(l: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let s = y[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
}

/** LU factorisation with partial pivoting (PA = LU packed in one matrix). */
export interface LU {
  readonly lu: Float64Array;
  readonly pivot: Int32Array;
  readonly n: number;
}

/**
 * Factorises A, or returns null when a pivot is below n·ε·max|A| (numerically singular),
 * so callers can report `'singular'` instead of returning garbage.
 */
export function luFactor(a: Float64Array, n: number): LU | null {
  const lu = Float64Array.from(a);
  const pivot = new Int32Array(n);
  let maxAbs = 0;
  for (let i = 0; i < n * n; i++) maxAbs = Math.max(maxAbs, Math.abs(lu[i]!));
  if (!Number.isFinite(maxAbs)) return null;
  const tiny = n * Number.EPSILON * maxAbs;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > tiny)) return null;
    pivot[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
    }
    const d = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k]! /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!;
    }
  }
  return { lu, pivot, n };
}

export function luSolve({ lu, pivot, n }: LU, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    const p = pivot[k]!;
    if (p !== k) {
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= lu[i * n + k]! * x[k]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= lu[i * n + k]! * x[k]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** Solves A x = b, or null when A is singular. */
export function solve(a: Float64Array, b: ArrayLike<number>, n: number): Float64Array | null {
  const f = luFactor(a, n);
  if (f == null) return null;
  const x = luSolve(f, b);
  return allFinite(x) ? x : null;
}

/** A⁻¹ for a symmetric positive definite A (Cholesky), falling back to LU; null if singular. */
export function inverse(a: Float64Array, n: number): Float64Array | null {
  const l = cholesky(a, n);
  const f = l == null ? luFactor(a, n) : null;
  if (l == null && f == null) return null;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    let col: Float64Array = e;
    if (l != null) choleskySolveInPlace(l, e, n);
    else col = luSolve(f!, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

/** AᵀWA (n×n) for an m×n A and optional diagonal weights w (length m). */
export function normalMatrix(a: Float64Array, m: number, n: number, w?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < m; i++) {
    const wi = w === undefined ? 1 : w[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const aij = a[row + j]! * wi;
      if (aij === 0) continue;
      for (let k = j; k < n; k++) out[j * n + k]! += aij * a[row + k]!;
    }
  }
  for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) out[j * n + k] = out[k * n + j]!;
  return out;
}

/**
 * An orthonormal basis (n×(n−m), row-major, columns are basis vectors) of the null space
 * of the m×n matrix A, by Gram–Schmidt on Aᵀ's columns followed by the unit vectors.
 * Returns null when A's rows are linearly dependent.
 */
export function nullSpace(a: Float64Array, m: number, n: number): Float64Array | null {
  const basis: Float64Array[] = [];
  const orthogonalise = (v: Float64Array): number => {
    // Two passes of modified Gram–Schmidt keep the basis orthogonal to working precision.
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dot(q, v);
        for (let i = 0; i < n; i++) v[i]! -= c * q[i]!;
      }
    }
    return norm(v);
  };
  for (let r = 0; r < m; r++) {
    const v = a.slice(r * n, r * n + n);
    const size = norm(v);
    const left = orthogonalise(v);
    if (!(left > 1e-10 * size)) return null;
    for (let i = 0; i < n; i++) v[i]! /= left;
    basis.push(v);
  }
  const z: Float64Array[] = [];
  for (let e = 0; e < n && basis.length < n; e++) {
    const v = new Float64Array(n);
    v[e] = 1;
    const left = orthogonalise(v);
    if (left > 1e-8) {
      for (let i = 0; i < n; i++) v[i]! /= left;
      basis.push(v);
      z.push(v);
    }
  }
  const k = z.length;
  const out = new Float64Array(n * k);
  for (let c = 0; c < k; c++) for (let i = 0; i < n; i++) out[i * k + c] = z[c]![i]!;
  return out;
}

/** Zᵀ H Z for an n×n H and an n×k Z. */
export function project(h: Float64Array, z: Float64Array, n: number, k: number): Float64Array {
  const hz = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += h[i * n + j]! * z[j * k + c]!;
      hz[i * k + c] = s;
    }
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[i * k + r]! * hz[i * k + c]!;
      out[r * k + c] = s;
    }
  return out;
}

/** Eigenvalues (ascending) and orthonormal eigenvectors (column k of the row-major n×n `vectors`) of a symmetric matrix. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations: slow for large n
 * but accurate to working precision, also for tiny and clustered eigenvalues, which is what a
 * trust-region step needs. Only the upper triangle of `a` is read.
 */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) m[i * n + j] = m[j * n + i] = a[i * n + j]!;
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += m[i * n + i]! ** 2;
      for (let j = i + 1; j < n; j++) off += m[i * n + j]! ** 2;
    }
    if (!(off > Number.EPSILON ** 2 * 1e-4 * diagonal) || !Number.isFinite(off)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        // The rotation angle that zeroes m[p][q] (Golub & Van Loan, Algorithm 8.5.1).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i]! - m[j * n + j]!);
  const values = Float64Array.from(order, (i) => m[i * n + i]!);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from]!;
  });
  return { values, vectors };
}
