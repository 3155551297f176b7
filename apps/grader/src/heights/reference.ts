import type { HeightsCase } from './cases.js';

/** The three graded functions of the heights assignment, in the course's order. */
export const HEIGHTS_NAMES = ['dfdmu', 'dfdsig', 'steepest_step'] as const;

/** One of {@link HEIGHTS_NAMES}. */
export type HeightsName = (typeof HEIGHTS_NAMES)[number];

/** f(x; μ, σ) = exp(−(x−μ)²/(2σ²)) / (σ√(2π)) (COURSE.md §2.1). */
export function gaussian(x: number, mu: number, sig: number): number {
  return Math.exp(-((x - mu) ** 2) / (2 * sig * sig)) / (sig * Math.sqrt(2 * Math.PI));
}

/** ∂f/∂μ = f · (x − μ)/σ². */
export function dfdmuAt(x: number, mu: number, sig: number): number {
  return (gaussian(x, mu, sig) * (x - mu)) / sig ** 2;
}

/** ∂f/∂σ = f · ((x − μ)²/σ³ − 1/σ). */
export function dfdsigAt(x: number, mu: number, sig: number): number {
  return gaussian(x, mu, sig) * ((x - mu) ** 2 / sig ** 3 - 1 / sig);
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + v * b[i]!, 0);
}

/** J = [∂χ²/∂μ, ∂χ²/∂σ] with χ² = Σ (y − f)² and the given ∂f/∂μ, ∂f/∂σ over the bins. */
export function chiSquaredJacobian(c: HeightsCase, dmu: readonly number[], dsig: readonly number[]): [number, number] {
  const residual = c.y.map((v, i) => v - gaussian(c.x[i]!, c.mu, c.sig));
  return [-2 * dot(residual, dmu), -2 * dot(residual, dsig)];
}

/** The reference values of the three functions on a case: the course's formulas. */
export function heightsReference(c: HeightsCase): Record<HeightsName, number[]> {
  const dfdmu = c.x.map((v) => dfdmuAt(v, c.mu, c.sig));
  const dfdsig = c.x.map((v) => dfdsigAt(v, c.mu, c.sig));
  const J = chiSquaredJacobian(c, dfdmu, dfdsig);
  return { dfdmu, dfdsig, steepest_step: [-J[0] * c.aggression, -J[1] * c.aggression] };
}

function chiSquared(c: HeightsCase, mu: number, sig: number): number {
  return c.y.reduce((s, v, i) => s + (v - gaussian(c.x[i]!, mu, sig)) ** 2, 0);
}

/**
 * The same three by central finite differences of f and χ² (an oracle independent of the
 * formulas): h scaled to the parameter, error O(h²).
 */
export function heightsFiniteDifferences(c: HeightsCase): Record<HeightsName, number[]> {
  const hm = 1e-5 * Math.abs(c.mu);
  const hs = 1e-5 * c.sig;
  const dfdmu = c.x.map((v) => (gaussian(v, c.mu + hm, c.sig) - gaussian(v, c.mu - hm, c.sig)) / (2 * hm));
  const dfdsig = c.x.map((v) => (gaussian(v, c.mu, c.sig + hs) - gaussian(v, c.mu, c.sig - hs)) / (2 * hs));
  const Jmu = (chiSquared(c, c.mu + hm, c.sig) - chiSquared(c, c.mu - hm, c.sig)) / (2 * hm);
  const Jsig = (chiSquared(c, c.mu, c.sig + hs) - chiSquared(c, c.mu, c.sig - hs)) / (2 * hs);
  return { dfdmu, dfdsig, steepest_step: [-Jmu * c.aggression, -Jsig * c.aggression] };
}
