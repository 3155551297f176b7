/**
 * The Levenberg–Marquardt step for a trust region, after MINPACK's `lmpar` (Moré 1978, "The
 * Levenberg–Marquardt algorithm: implementation and theory", §5), solved through the normal
 * equations in scaled variables z = D·p:
 *
 *   (D⁻¹JᵀJD⁻¹ + λI) z = −D⁻¹Jᵀr,  with λ ≥ 0 chosen so that ‖z‖ is within 10% of Δ
 *
 * (λ = 0, the Gauss–Newton step, when that already fits). D holds the Jacobian's column norms,
 * so the scaled matrix has a diagonal of at most 1 and every Cholesky pivot is judged against
 * its own diagonal entry: a column that is zero or depends on the others is singular however
 * large or small its units make the rest. A singular scaled matrix has no Gauss–Newton step;
 * the search then uses λ > 0, where the system is always positive definite.
 */

/** Work vectors and matrices for {@link lmStep}, n (or n×n) entries each. */
export interface LmWork {
  /** The Cholesky factor L (lower, row-major) of D⁻¹JᵀJD⁻¹ + λI for the current λ. */
  readonly lower: Float64Array;
  /** z for the current λ. */
  readonly z: Float64Array;
  /** L⁻¹ z / ‖z‖, for the Newton correction of λ. */
  readonly w: Float64Array;
}

export function lmWork(n: number): LmWork {
  return { lower: new Float64Array(n * n), z: new Float64Array(n), w: new Float64Array(n) };
}

function norm(v: Float64Array, n: number): number {
  let plain = 0;
  for (let i = 0; i < n; i++) plain += v[i]! * v[i]!;
  if (plain > 1e-280 && plain < 1e280) return Math.sqrt(plain);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (v[i]! / scale) ** 2;
  return scale * Math.sqrt(sum);
}

/**
 * Cholesky factor of D⁻¹JᵀJD⁻¹ + λI (read from JᵀJ = `normal` as it goes) into `lower`; false
 * when a pivot is not positive relative to its own diagonal entry (a zero or dependent column).
 */
function factor(work: LmWork, normal: Float64Array, diag: Float64Array, n: number, lambda: number): boolean {
  const { lower } = work;
  for (let j = 0; j < n; j++) {
    const own = normal[j * n + j]! / (diag[j]! * diag[j]!) + lambda;
    let d = own;
    for (let k = 0; k < j; k++) d -= lower[j * n + k]! ** 2;
    if (!(d > 64 * Number.EPSILON * own)) return false;
    const ljj = Math.sqrt(d);
    lower[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = normal[i * n + j]! / (diag[i]! * diag[j]!);
      for (let k = 0; k < j; k++) s -= lower[i * n + k]! * lower[j * n + k]!;
      lower[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** z = −(LLᵀ)⁻¹ D⁻¹Jᵀr (Jᵀr = ½∇χ²), and w = L⁻¹ z/‖z‖; returns ‖z‖. */
function solve(work: LmWork, gradient: Float64Array, diag: Float64Array, n: number): number {
  const { lower, z, w } = work;
  for (let i = 0; i < n; i++) {
    let s = (-0.5 * gradient[i]!) / diag[i]!;
    for (let k = 0; k < i; k++) s -= lower[i * n + k]! * z[k]!;
    z[i] = s / lower[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= lower[k * n + i]! * z[k]!;
    z[i] = s / lower[i * n + i]!;
  }
  const length = norm(z, n);
  for (let i = 0; i < n; i++) {
    let s = z[i]! / length;
    for (let k = 0; k < i; k++) s -= lower[i * n + k]! * w[k]!;
    w[i] = s / lower[i * n + i]!;
  }
  return length;
}

/** step = D⁻¹z; returns λ. */
function finish(work: LmWork, diag: Float64Array, n: number, step: Float64Array, lambda: number): number {
  for (let i = 0; i < n; i++) step[i] = work.z[i]! / diag[i]!;
  return lambda;
}

/**
 * Finds λ for the trust region of radius `delta` (‖D·step‖ ≤ Δ, to 10%), writes the step p
 * (= D⁻¹z, pointing downhill) to `step` and returns λ. `normal` is JᵀJ (weighted), `gradient`
 * ∇χ² = 2Jᵀr, `diag` the scaling D (positive), `par` the previous λ as a starting guess.
 */
export function lmStep(
  normal: Float64Array,
  gradient: Float64Array,
  diag: Float64Array,
  n: number,
  delta: number,
  par: number,
  step: Float64Array,
  work: LmWork,
): number {
  const { w } = work;
  let gnorm = 0;
  for (let i = 0; i < n; i++) gnorm += (gradient[i]! / diag[i]!) ** 2;
  gnorm = 0.5 * Math.sqrt(gnorm);
  if (!(gnorm < Infinity)) gnorm = 0.5 * norm(Float64Array.from(gradient, (g, i) => g / diag[i]!), n);
  // The Gauss–Newton step, and from it a lower bound for λ (Newton on φ(λ) = ‖z(λ)‖ − Δ).
  let parl = 0;
  let fp = Infinity;
  if (factor(work, normal, diag, n, 0)) {
    const length = solve(work, gradient, diag, n);
    fp = length - delta;
    if (fp <= 0.1 * delta) return finish(work, diag, n, step, 0);
    parl = fp / delta / norm(w, n) ** 2;
  }
  let paru = gnorm / delta;
  if (paru === 0) paru = Number.MIN_VALUE / Math.min(delta, 0.1);
  par = Math.min(Math.max(par, parl), paru);
  if (par === 0) par = Number.isFinite(fp) ? gnorm / (fp + delta) : 0.001 * paru;
  for (let iteration = 1; ; iteration++) {
    if (par === 0) par = Math.max(Number.MIN_VALUE, 0.001 * paru);
    if (!factor(work, normal, diag, n, par)) {
      // Rounding can leave Ã + λI short of positive definite for a tiny λ: raise it.
      parl = Math.max(parl, par);
      par = Math.max(10 * par, 0.001 * paru);
      if (iteration >= 60) {
        work.z.fill(0);
        return finish(work, diag, n, step, par);
      }
      continue;
    }
    const length = solve(work, gradient, diag, n);
    const previous = fp;
    fp = length - delta;
    // Close enough, or Moré's exceptional cases: no lower bound and φ negative and falling,
    // or ten iterations (the outer iteration copes with the rest).
    if (Math.abs(fp) <= 0.1 * delta || (parl === 0 && fp <= previous && previous < 0) || iteration >= 10) return finish(work, diag, n, step, par);
    const parc = fp / delta / norm(w, n) ** 2;
    if (fp > 0) parl = Math.max(parl, par);
    if (fp < 0) paru = Math.min(paru, par);
    par = Math.max(parl, par + parc);
  }
}

/** ‖J·p‖² = pᵀ(JᵀJ)p, for the predicted reduction. */
export function quadraticForm(normal: Float64Array, p: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += normal[i * n + j]! * p[j]!;
    sum += p[i]! * row;
  }
  return Math.max(sum, 0);
}
