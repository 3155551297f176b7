/**
 * The Levenberg–Marquardt parameter for a trust region, after MINPACK's `lmpar`
 * (Moré 1978, "The Levenberg–Marquardt algorithm: implementation and theory", §5).
 */
import { qrSolve, rangeNorm } from './qr.js';

/** Scratch vectors `lmParameter` needs, n entries each. */
export interface LmScratch {
  readonly sdiag: Float64Array;
  readonly wa1: Float64Array;
  readonly wa2: Float64Array;
}

function norm(v: Float64Array, n: number): number {
  return rangeNorm(v, 0, n);
}

/**
 * Finds λ ≥ 0 such that the step x solving min ‖J x + r‖² + λ‖D x‖² has ‖D x‖ within 10% of
 * `delta` (or λ = 0 when the Gauss–Newton step is already inside), writes that step to `x`
 * (the step itself, pointing downhill) and returns λ. `par` is the previous λ, a starting guess.
 *
 * Inputs come from a pivoted QR of J: R in the upper triangle of `r` (n×n, leading dimension
 * `ldr`), the pivots `ipvt`, and `qtb` = the first n entries of Qᵀr. When R is singular the
 * Gauss–Newton step is a least-squares solution with the dependent components zero, and the
 * search then needs λ > 0, which `qrSolve` handles by Givens rotations.
 */
export function lmParameter(
  r: Float64Array,
  n: number,
  ldr: number,
  ipvt: Int32Array,
  diag: Float64Array,
  qtb: Float64Array,
  delta: number,
  par: number,
  x: Float64Array,
  { sdiag, wa1, wa2 }: LmScratch,
): number {
  const dwarf = Number.MIN_VALUE;
  // The Gauss–Newton direction; for a rank-deficient J a least-squares solution.
  let nsing = n;
  for (let j = 0; j < n; j++) {
    wa1[j] = qtb[j]!;
    if (r[j * ldr + j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa1[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    wa1[j]! /= r[j * ldr + j]!;
    const temp = wa1[j]!;
    for (let i = 0; i < j; i++) wa1[i]! -= r[j * ldr + i]! * temp;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa1[j]!;
  for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
  let dxnorm = norm(wa2, n);
  let fp = dxnorm - delta;
  if (fp <= 0.1 * delta) return negate(x, n, 0);

  // With J of full rank the Newton step on φ(λ) = ‖D x(λ)‖ − Δ gives a lower bound for λ.
  let parl = 0;
  if (nsing >= n) {
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < j; i++) sum += r[j * ldr + i]! * wa1[i]!;
      wa1[j] = (wa1[j]! - sum) / r[j * ldr + j]!;
    }
    const temp = norm(wa1, n);
    parl = fp / delta / temp / temp;
  }
  // An upper bound from the scaled gradient.
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[j * ldr + i]! * qtb[i]!;
    wa1[j] = sum / diag[ipvt[j]!]!;
  }
  const gnorm = norm(wa1, n);
  let paru = gnorm / delta;
  if (paru === 0) paru = dwarf / Math.min(delta, 0.1);
  par = Math.min(Math.max(par, parl), paru);
  if (par === 0) par = gnorm / dxnorm;

  for (let iteration = 1; ; iteration++) {
    if (par === 0) par = Math.max(dwarf, 0.001 * paru);
    const root = Math.sqrt(par);
    for (let j = 0; j < n; j++) wa1[j] = root * diag[j]!;
    qrSolve(r, n, ldr, ipvt, wa1, qtb, x, sdiag, wa2);
    for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
    dxnorm = norm(wa2, n);
    const previous = fp;
    fp = dxnorm - delta;
    // Close enough, or the exceptional cases: no lower bound and φ already negative and
    // decreasing, or ten iterations (Moré's limit; the outer iteration copes with the rest).
    if (Math.abs(fp) <= 0.1 * delta || (parl === 0 && fp <= previous && previous < 0) || iteration === 10) break;
    // The Newton correction for λ, from S (left by qrSolve in r's lower triangle and sdiag).
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      wa1[j]! /= sdiag[j]!;
      const temp = wa1[j]!;
      for (let i = j + 1; i < n; i++) wa1[i]! -= r[j * ldr + i]! * temp;
    }
    const temp = norm(wa1, n);
    const parc = fp / delta / temp / temp;
    if (fp > 0) parl = Math.max(parl, par);
    if (fp < 0) paru = Math.min(paru, par);
    par = Math.max(parl, par + parc);
  }
  return negate(x, n, par);
}

/** MINPACK solves for −step; turning it round here keeps callers simple. */
function negate(x: Float64Array, n: number, par: number): number {
  for (let j = 0; j < n; j++) x[j] = -x[j]!;
  return par;
}
