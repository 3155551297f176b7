/**
 * C (m×n, written row-major at c[co…]) = A·B + D where A(i,p) = a[ao + i·ais + p·aps],
 * B(p,j) = b[bo + p·bps + j·bjs] and the bias D(i,j) = d[dO + i·dis + j·djs] (strides 0
 * broadcast it; a zero scalar means no bias). The strides let one kernel serve A·B, A·Bᵀ
 * and Aᵀ·B without materialising a transpose, and the offsets let it run on one matrix of
 * a batch. Blocks of 4×4 outputs are accumulated in sixteen locals (registers), so each
 * pass over p loads 8 values for 16 multiply-adds. Every element of C is overwritten.
 */
export function gemmInto(
  a: Float64Array, ao: number, ais: number, aps: number,
  b: Float64Array, bo: number, bps: number, bjs: number,
  d: Float64Array, dO: number, dis: number, djs: number,
  c: Float64Array, co: number,
  m: number, k: number, n: number,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const ci = co + i * n;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        const a0 = a[pa] as number, a1 = a[pa + ais] as number, a2 = a[pa + 2 * ais] as number, a3 = a[pa + 3 * ais] as number;
        const b0 = b[pb] as number, b1 = b[pb + bjs] as number, b2 = b[pb + 2 * bjs] as number, b3 = b[pb + 3 * bjs] as number;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa += aps;
        pb += bps;
      }
      const o = ci + j;
      const q0 = dO + i * dis + j * djs;
      const q1 = q0 + dis;
      const q2 = q1 + dis;
      const q3 = q2 + dis;
      c[o] = c00 + (d[q0] as number); c[o + 1] = c01 + (d[q0 + djs] as number);
      c[o + 2] = c02 + (d[q0 + 2 * djs] as number); c[o + 3] = c03 + (d[q0 + 3 * djs] as number);
      c[o + n] = c10 + (d[q1] as number); c[o + n + 1] = c11 + (d[q1 + djs] as number);
      c[o + n + 2] = c12 + (d[q1 + 2 * djs] as number); c[o + n + 3] = c13 + (d[q1 + 3 * djs] as number);
      c[o + 2 * n] = c20 + (d[q2] as number); c[o + 2 * n + 1] = c21 + (d[q2 + djs] as number);
      c[o + 2 * n + 2] = c22 + (d[q2 + 2 * djs] as number); c[o + 2 * n + 3] = c23 + (d[q2 + 3 * djs] as number);
      c[o + 3 * n] = c30 + (d[q3] as number); c[o + 3 * n + 1] = c31 + (d[q3 + djs] as number);
      c[o + 3 * n + 2] = c32 + (d[q3 + 2 * djs] as number); c[o + 3 * n + 3] = c33 + (d[q3 + 3 * djs] as number);
    }
    for (let j = n4; j < n; j++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        const bv = b[pb] as number;
        c0 += (a[pa] as number) * bv;
        c1 += (a[pa + ais] as number) * bv;
        c2 += (a[pa + 2 * ais] as number) * bv;
        c3 += (a[pa + 3 * ais] as number) * bv;
        pa += aps;
        pb += bps;
      }
      const q = dO + i * dis + j * djs;
      c[ci + j] = c0 + (d[q] as number); c[ci + n + j] = c1 + (d[q + dis] as number);
      c[ci + 2 * n + j] = c2 + (d[q + 2 * dis] as number); c[ci + 3 * n + j] = c3 + (d[q + 3 * dis] as number);
    }
  }
  let i = m4;
  if (m - i >= 2) {
    // Two leftover rows: 2×4 blocks reuse each loaded B value twice.
    const ci = co + i * n;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        const a0 = a[pa] as number, a1 = a[pa + ais] as number;
        const b0 = b[pb] as number, b1 = b[pb + bjs] as number, b2 = b[pb + 2 * bjs] as number, b3 = b[pb + 3 * bjs] as number;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        pa += aps;
        pb += bps;
      }
      const o = ci + j;
      const q0 = dO + i * dis + j * djs;
      const q1 = q0 + dis;
      c[o] = c00 + (d[q0] as number); c[o + 1] = c01 + (d[q0 + djs] as number);
      c[o + 2] = c02 + (d[q0 + 2 * djs] as number); c[o + 3] = c03 + (d[q0 + 3 * djs] as number);
      c[o + n] = c10 + (d[q1] as number); c[o + n + 1] = c11 + (d[q1 + djs] as number);
      c[o + n + 2] = c12 + (d[q1 + 2 * djs] as number); c[o + n + 3] = c13 + (d[q1 + 3 * djs] as number);
    }
    for (let j = n4; j < n; j++) {
      let c0 = 0, c1 = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        const bv = b[pb] as number;
        c0 += (a[pa] as number) * bv;
        c1 += (a[pa + ais] as number) * bv;
        pa += aps;
        pb += bps;
      }
      const q = dO + i * dis + j * djs;
      c[ci + j] = c0 + (d[q] as number);
      c[ci + n + j] = c1 + (d[q + dis] as number);
    }
    i += 2;
  }
  if (i < m) {
    const ci = co + i * n;
    for (let j = 0; j < n4; j += 4) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        const av = a[pa] as number;
        c0 += av * (b[pb] as number);
        c1 += av * (b[pb + bjs] as number);
        c2 += av * (b[pb + 2 * bjs] as number);
        c3 += av * (b[pb + 3 * bjs] as number);
        pa += aps;
        pb += bps;
      }
      const q = dO + i * dis + j * djs;
      c[ci + j] = c0 + (d[q] as number); c[ci + j + 1] = c1 + (d[q + djs] as number);
      c[ci + j + 2] = c2 + (d[q + 2 * djs] as number); c[ci + j + 3] = c3 + (d[q + 3 * djs] as number);
    }
    for (let j = n4; j < n; j++) {
      let s = 0;
      let pa = ao + i * ais;
      let pb = bo + j * bjs;
      for (let p = 0; p < k; p++) {
        s += (a[pa] as number) * (b[pb] as number);
        pa += aps;
        pb += bps;
      }
      c[ci + j] = s + (d[dO + i * dis + j * djs] as number);
    }
  }
}

function gemmStrided(
  a: Float64Array, ais: number, aps: number,
  b: Float64Array, bps: number, bjs: number,
  d: Float64Array, dis: number, djs: number,
  m: number, k: number, n: number,
): Float64Array {
  const c = new Float64Array(m * n);
  gemmInto(a, 0, ais, aps, b, 0, bps, bjs, d, 0, dis, djs, c, 0, m, k, n);
  return c;
}

/** A zero bias read with strides 0: the product without a bias term. */
export const NO_BIAS = new Float64Array(1);

/** C (m×n) = A (m×k) · B (k×n), all row-major. */
export function gemm(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  return gemmStrided(a, k, 1, b, n, 1, NO_BIAS, 0, 0, m, k, n);
}

/**
 * C (m×n) = A (m×k) · B (k×n) + D, with the bias D read through strides (dis, djs):
 * (n, 1) for a full matrix, (1, 0) for a column, (0, 1) for a row.
 */
export function gemmBias(a: Float64Array, b: Float64Array, d: Float64Array, dis: number, djs: number, m: number, k: number, n: number): Float64Array {
  return gemmStrided(a, k, 1, b, n, 1, d, dis, djs, m, k, n);
}

/** C (m×n) = A (m×k) · Bᵀ where B is n×k. */
export function gemmNT(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  return gemmStrided(a, k, 1, b, 1, k, NO_BIAS, 0, 0, m, k, n);
}

/** C (m×n) = Aᵀ · B where A is k×m and B is k×n. */
export function gemmTN(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  return gemmStrided(a, 1, m, b, n, 1, NO_BIAS, 0, 0, m, k, n);
}
