/**
 * The trust-region subproblem min gᵀp + ½pᵀHp subject to ‖p‖ ≤ Δ, solved exactly from an
 * eigen-decomposition of H (Moré & Sorensen 1983; Nocedal & Wright, §4.3): p(σ) = −(H + σI)⁻¹g
 * with σ ≥ max(0, −λ_min) chosen so that ‖p‖ = Δ, unless the Newton step already lies inside.
 * It copes with indefinite H (saddles, maxima: the step follows negative curvature) and with
 * the "hard case" where g has no component along the most negative eigenvector.
 */
import type { SymmetricEigen } from './linalg.js';

export interface TrustRegionStep {
  /** The step p. */
  readonly step: Float64Array;
  /** The model's change gᵀp + ½pᵀHp (≤ 0). */
  readonly predicted: number;
  /** σ of the solution (0 for an interior Newton step). */
  readonly shift: number;
}

/** Components of g (in the eigenbasis) at most this fraction of ‖g‖ count as zero. */
const NEGLIGIBLE = 1e-14;

/**
 * Solves the subproblem for H = Q diag(λ) Qᵀ (`eigen`, λ ascending) and gradient `g`.
 * For positive semi-definite H whose zero-curvature directions carry no gradient, the interior
 * solution is the minimum-norm Newton step, so a convex quadratic is solved in one step.
 */
export function trustRegionStep(eigen: SymmetricEigen, g: Float64Array, radius: number): TrustRegionStep {
  const { values: lambda, vectors: q } = eigen;
  const n = g.length;
  const gHat = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += q[i * n + k]! * g[i]!;
    gHat[k] = s;
  }
  const gNorm = Math.hypot(...gHat);
  const tiny = NEGLIGIBLE * gNorm;
  const lambdaMax = Math.max(Math.abs(lambda[0]!), Math.abs(lambda[n - 1]!));
  // Eigenvalues this small relative to the largest are zero curvature for the step.
  const flat = Number.EPSILON * n * lambdaMax;
  const lowest = lambda[0]!;
  const coefficients = (sigma: number, out: Float64Array): number => {
    let norm2 = 0;
    for (let k = 0; k < n; k++) {
      const d = lambda[k]! + sigma;
      const c = Math.abs(gHat[k]!) <= tiny && d <= flat ? 0 : -gHat[k]! / d;
      out[k] = c;
      norm2 += c * c;
    }
    return Math.sqrt(norm2);
  };
  const coefficient = new Float64Array(n);
  if (lowest >= -flat) {
    // Positive (semi-)definite: the Newton step, if it exists and fits.
    const singularAlongGradient = lambda.some((l, k) => l <= flat && Math.abs(gHat[k]!) > tiny);
    if (!singularAlongGradient && coefficients(0, coefficient) <= radius) return finish(eigen, coefficient, gHat, 0);
  }
  const floor = Math.max(0, -lowest);
  // The hard case: no gradient along the lowest eigenvector(s) and the shifted step falls short.
  const lowestCarriesGradient = lambda.some((l, k) => l <= lowest + flat && Math.abs(gHat[k]!) > tiny);
  if (!lowestCarriesGradient && lowest < -flat) {
    const length = coefficients(floor, coefficient);
    if (length <= radius) {
      const extra = Math.sqrt(Math.max(0, radius * radius - length * length));
      coefficient[0] = coefficient[0]! + extra;
      return finish(eigen, coefficient, gHat, floor);
    }
  }
  // σ in (floor, upper] with ‖p(σ)‖ = Δ: safeguarded Newton on 1/‖p(σ)‖ − 1/Δ, which is
  // nearly linear in σ (Moré & Sorensen), with bisection when a step leaves the bracket.
  let lo = floor;
  let hi = floor + gNorm / radius + lambdaMax;
  let sigma = Math.max(lo + Math.max(1e-12 * Math.max(1, lambdaMax), Number.MIN_VALUE), Math.min(hi, floor + gNorm / radius));
  for (let iteration = 0; iteration < 200; iteration++) {
    const length = coefficients(sigma, coefficient);
    if (Math.abs(length - radius) <= 1e-10 * radius) break;
    if (length > radius) lo = sigma;
    else hi = sigma;
    let derivative = 0;
    for (let k = 0; k < n; k++) derivative += coefficient[k]! ** 2 / (lambda[k]! + sigma);
    // d/dσ (1/‖p‖) = (Σ cₖ²/(λₖ+σ)) / ‖p‖³
    const phi = 1 / length - 1 / radius;
    const next = sigma - phi / (derivative / length ** 3);
    sigma = next > lo && next < hi ? next : 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) break;
  }
  coefficients(sigma, coefficient);
  return finish(eigen, coefficient, gHat, sigma);
}

/** The step Q·c and the model change Σ (ĝₖcₖ + ½λₖcₖ²). */
function finish({ values: lambda, vectors: q }: SymmetricEigen, c: Float64Array, gHat: Float64Array, shift: number): TrustRegionStep {
  const n = c.length;
  const step = new Float64Array(n);
  let predicted = 0;
  for (let k = 0; k < n; k++) {
    const ck = c[k]!;
    predicted += gHat[k]! * ck + 0.5 * lambda[k]! * ck * ck;
    if (ck === 0) continue;
    for (let i = 0; i < n; i++) step[i]! += q[i * n + k]! * ck;
  }
  return { step, predicted, shift };
}
