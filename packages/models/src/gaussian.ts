import { portableExp } from './portable-math.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function checkSigma(fn: string, sigma: number): void {
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`${fn}: sigma must be a positive number, got ${String(sigma)}`);
}

/**
 * The Gaussian at one point without argument checks, for inner loops; with the portable exp,
 * so fits give the same bits in every engine.
 */
export function gaussianAt(x: number, mu: number, sigma: number): number {
  const u = (x - mu) / sigma;
  return portableExp(-0.5 * u * u) / (sigma * SQRT_2PI);
}

/**
 * The normal density `f(x; μ, σ) = exp(−(x−μ)²/(2σ²)) / (σ√(2π))` (COURSE.md §2.1), at one
 * point or elementwise over an array.
 *
 * @throws RangeError when sigma is not a positive number.
 * @example
 * ```ts
 * gaussian(0, 0, 1);             // 0.3989422804014327
 * gaussian([170, 180], 175, 7);  // Float64Array [0.0442…, 0.0442…]
 * ```
 */
export function gaussian(x: number, mu: number, sigma: number): number;
export function gaussian(x: ArrayLike<number>, mu: number, sigma: number): Float64Array;
export function gaussian(x: number | ArrayLike<number>, mu: number, sigma: number): number | Float64Array {
  checkSigma('gaussian(x, mu, sigma)', sigma);
  if (typeof x === 'number') return gaussianAt(x, mu, sigma);
  return Float64Array.from(x, (xi) => gaussianAt(xi, mu, sigma));
}

/**
 * The Gaussian and its two parameter partials at one point.
 *
 * @example
 * ```ts
 * const { value, dmu, dsigma }: GaussianPartials = gaussianPartials(170, 175, 7);
 * ```
 */
export interface GaussianPartials {
  /** f(x; μ, σ). */
  readonly value: number;
  /** ∂f/∂μ = f · (x − μ)/σ². */
  readonly dmu: number;
  /** ∂f/∂σ = f · ((x − μ)²/σ³ − 1/σ). */
  readonly dsigma: number;
}

/**
 * The course's closed-form partials of the Gaussian (the graded `dfdmu` and `dfdsig`,
 * COURSE.md §2.1).
 *
 * @throws RangeError when sigma is not a positive number.
 * @example
 * ```ts
 * const { value, dmu, dsigma } = gaussianPartials(1, 0, 1);
 * // value = 0.24197…, dmu = 0.24197… (f·(x−μ)/σ²), dsigma = 0 (f·((x−μ)²/σ³ − 1/σ))
 * ```
 */
export function gaussianPartials(x: number, mu: number, sigma: number): GaussianPartials {
  checkSigma('gaussianPartials(x, mu, sigma)', sigma);
  const value = gaussianAt(x, mu, sigma);
  const d = x - mu;
  return { value, dmu: (value * d) / (sigma * sigma), dsigma: value * ((d * d) / (sigma * sigma * sigma) - 1 / sigma) };
}
