import type { Candidate, KnownFactor } from '../diagnose.js';
import type { HeightsCase } from './cases.js';
import { chiSquaredJacobian, dfdmuAt, dfdsigAt, gaussian, type HeightsName } from './reference.js';

/** The course's formula for each function, as the hints quote it. */
export const HEIGHTS_FORMULAS: Record<HeightsName, string> = {
  dfdmu: '∂f/∂μ = f · (x − μ)/σ²',
  dfdsig: '∂f/∂σ = f · ((x − μ)²/σ³ − 1/σ)',
  steepest_step: 'J = [∂χ²/∂μ, ∂χ²/∂σ] with ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ and ∂χ²/∂σ = −2 (y − f) · ∂f/∂σ (dot products over the bins); step = −J · aggression',
};

function vector(values: readonly number[], mistakes: readonly string[]): Candidate {
  return { value: { shape: [values.length], data: values }, mistakes };
}

const MISSING_F = (name: string) => `the factor f(x; μ, σ) is missing: differentiating the exponential gives the exponential back (chain rule), so ${name === 'dfdmu' ? HEIGHTS_FORMULAS.dfdmu : HEIGHTS_FORMULAS.dfdsig}`;

/**
 * The known wrong formulas for `name` on case `c`, the right one first. For steepest_step,
 * `learner` holds the learner's own dfdmu and dfdsig values when they returned arrays of the
 * right length, since steepest_step calls them.
 */
export function heightsCandidates(name: HeightsName, c: HeightsCase, learner: { dfdmu?: readonly number[]; dfdsig?: readonly number[] } = {}): Candidate[] {
  const { x, mu, sig } = c;
  const f = x.map((v) => gaussian(v, mu, sig));
  const d = (g: (v: number, fv: number) => number) => x.map((v, i) => g(v, f[i]!));
  if (name === 'dfdmu') {
    return [
      vector(d((v, fv) => (fv * (v - mu)) / sig ** 2), []),
      vector(d((v) => (v - mu) / sig ** 2), [MISSING_F(name)]),
      vector(d((v, fv) => (fv * (v - mu)) / sig), [`wrong power of σ: σ¹ in the denominator; ∂/∂μ of −(x − μ)²/(2σ²) is (x − μ)/σ², so ${HEIGHTS_FORMULAS.dfdmu}`]),
      vector(d((v, fv) => (fv * (v - mu)) / sig ** 3), [`wrong power of σ: σ³ in the denominator; ∂/∂μ of −(x − μ)²/(2σ²) is (x − μ)/σ², so ${HEIGHTS_FORMULAS.dfdmu}`]),
      vector(d((v, fv) => fv * (v - mu)), [`the 1/σ² is missing: ∂/∂μ of −(x − μ)²/(2σ²) is (x − μ)/σ², so ${HEIGHTS_FORMULAS.dfdmu}`]),
      vector(d((v, fv) => fv * ((v - mu) ** 2 / sig ** 3 - 1 / sig)), [`this is ∂f/∂σ; dfdmu differentiates with respect to μ: ${HEIGHTS_FORMULAS.dfdmu}`]),
    ];
  }
  if (name === 'dfdsig') {
    const q = (v: number) => (v - mu) ** 2;
    return [
      vector(d((v, fv) => fv * (q(v) / sig ** 3 - 1 / sig)), []),
      vector(d((v) => q(v) / sig ** 3 - 1 / sig), [MISSING_F(name)]),
      vector(d((v, fv) => (fv * q(v)) / sig ** 3), [`the −1/σ term is missing: f has 1/σ in front, and the product rule gives its derivative −f/σ as well: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => fv * (q(v) / sig ** 3 + 1 / sig)), [`the 1/σ term has the wrong sign: d(1/σ)/dσ = −1/σ², which gives −f/σ: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => fv * (q(v) / sig ** 2 - 1 / sig)), [`wrong power of σ in the first term: ∂/∂σ of −(x − μ)²/(2σ²) is (x − μ)²/σ³: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => fv * (q(v) / sig ** 4 - 1 / sig)), [`wrong power of σ in the first term: ∂/∂σ of −(x − μ)²/(2σ²) is (x − μ)²/σ³: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => fv * (q(v) / sig ** 3 - 1 / sig ** 2)), [`wrong power of σ in the second term: the 1/σ in front of f gives −f/σ, not −f/σ²: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => fv * (q(v) / sig ** 3 - 1)), [`the second term is −f/σ, not −f: ${HEIGHTS_FORMULAS.dfdsig}`]),
      vector(d((v, fv) => (fv * (v - mu)) / sig ** 2), [`this is ∂f/∂μ; dfdsig differentiates with respect to σ: ${HEIGHTS_FORMULAS.dfdsig}`]),
    ];
  }
  const dmu = x.map((v) => dfdmuAt(v, mu, sig));
  const dsig = x.map((v) => dfdsigAt(v, mu, sig));
  const [Jmu, Jsig] = chiSquaredJacobian(c, dmu, dsig);
  const a = c.aggression;
  const out = [
    vector([-Jmu * a, -Jsig * a], []),
    vector([-Jmu * a, Jsig * a], ['the σ component has the wrong sign: ∂χ²/∂σ = −2 (y − f) · ∂f/∂σ, the same form as ∂χ²/∂μ, and the step is −J · aggression']),
    vector([Jmu * a, -Jsig * a], ['the μ component has the wrong sign: ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ, and the step is −J · aggression']),
    vector([-Jsig * a, -Jmu * a], ['the two components are swapped: return [dμ, dσ], the μ step first']),
    vector([-Jmu * a, -chiSquaredJacobian(c, dmu, dmu)[1] * a], ['∂χ²/∂σ uses ∂f/∂μ: it needs dfdsig(x, mu, sig)']),
  ];
  if (learner.dfdmu !== undefined && learner.dfdsig !== undefined) {
    const [Lmu, Lsig] = chiSquaredJacobian(c, learner.dfdmu, learner.dfdsig);
    out.push(vector([-Lmu * a, -Lsig * a], ['steepest_step is right for the dfdmu and dfdsig it calls, but those are wrong: fix them first (see their hints)']));
  }
  return out;
}

/** The constant factors the common slips introduce, per function. */
export function heightsFactors(name: HeightsName, c: HeightsCase): KnownFactor[] {
  if (name !== 'steepest_step') {
    return [
      { value: -1, hint: `the sign is flipped: ∂/∂μ of −(x − μ)² is +2(x − μ); ${HEIGHTS_FORMULAS[name]}` },
      { value: 0.5, hint: `the result is half the expected: the 2 from the square cancels the 2 of 2σ²; ${HEIGHTS_FORMULAS[name]}` },
      { value: 2, hint: `the result is twice the expected: the 2 from the square cancels the 2 of 2σ²; ${HEIGHTS_FORMULAS[name]}` },
    ];
  }
  return [
    { value: -1, hint: 'the step goes uphill: ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ and step = −J · aggression; one of these minus signs is missing (or there is one too many)' },
    { value: 1 / c.aggression, hint: `the step is not multiplied by the aggression (${c.aggression}): step = −J · aggression` },
    { value: 0.5, hint: 'the step is half the expected: χ² = Σ (y − f)² gives the factor 2 in ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ' },
    { value: 2, hint: 'the step is twice the expected: the factor 2 of ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ is applied twice' },
    { value: 1 / c.x.length, hint: `the step is ${c.x.length} (the number of bins) times too small: χ² is a sum over the bins, not a mean` },
  ];
}
