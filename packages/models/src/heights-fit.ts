import { gaussianAt } from './gaussian.js';

/**
 * The heights assignment's quantities, one home each (COURSE.md §2): χ²(μ, σ), the histogram's
 * moments, the window of the χ² contour map, and the judge of a fit that ran away from the data.
 * `fitGaussian`, the fit-heights CLI and the docs widget all use these.
 */

/**
 * χ²(μ, σ) = Σ (yᵢ − f(xᵢ; μ, σ))² over every bin: the course's unweighted χ² (COURSE.md §2.2).
 *
 * @example
 * ```ts
 * const { x, y } = heights('course');
 * chiSquared(x, y, 155, 6); // 0.0323333…
 * ```
 */
export function chiSquared(x: ArrayLike<number>, y: ArrayLike<number>, mu: number, sigma: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = y[i]! - gaussianAt(x[i]!, mu, sigma);
    s += r * r;
  }
  return s;
}

/**
 * The mean and (population) standard deviation a histogram implies.
 *
 * @example
 * ```ts
 * const { mean, sd }: HistogramMoments = histogramMoments(x, y);
 * ```
 */
export interface HistogramMoments {
  readonly mean: number;
  readonly sd: number;
}

/**
 * Mean and population standard deviation of a histogram, each bin centre weighted by its
 * height (counts or densities: only their ratios matter). The course data give 178.49 and 7.545.
 *
 * @throws RangeError when the lengths differ, a height is negative or not finite, or every height is 0.
 * @example
 * ```ts
 * histogramMoments([1, 2, 3], [1, 2, 1]); // { mean: 2, sd: Math.SQRT1_2 }
 * ```
 */
export function histogramMoments(centres: ArrayLike<number>, heights: ArrayLike<number>): HistogramMoments {
  if (centres.length !== heights.length) {
    throw new RangeError(`histogramMoments: ${centres.length} centres but ${heights.length} heights; expected equal lengths`);
  }
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!;
    if (!(h >= 0) || !Number.isFinite(h)) throw new RangeError(`histogramMoments: heights[${i}] is ${h}; expected a finite number ≥ 0`);
    total += h;
    weighted += h * centres[i]!;
  }
  if (total === 0) throw new RangeError('histogramMoments: every height is 0; expected at least one non-empty bin');
  const mean = weighted / total;
  let spread = 0;
  for (let i = 0; i < heights.length; i++) spread += heights[i]! * (centres[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(spread / total) };
}

/**
 * The μ and σ ranges of a χ² contour map, in cm.
 *
 * @example
 * ```ts
 * const { mu, sigma }: ContourWindow = contourWindow(histogramMoments(x, y));
 * ```
 */
export interface ContourWindow {
  readonly mu: readonly [number, number];
  readonly sigma: readonly [number, number];
}

/** The course helper's contour window (COURSE.md §2.6). */
const COURSE_MU: readonly [number, number] = [150, 200];
const COURSE_SIGMA: readonly [number, number] = [2, 35];

/**
 * The window of the χ² contour map: the course's μ 150–200, σ 2–35 (COURSE.md §2.6), moved to
 * be centred on the histogram's mean (and widened for a wide histogram) only when the data sit
 * elsewhere, so the terminal and the site frame every histogram alike.
 *
 * @example
 * ```ts
 * contourWindow({ mean: 178.49, sd: 7.545 }); // { mu: [150, 200], sigma: [2, 35] }
 * contourWindow({ mean: 163.1, sd: 6.0 });    // { mu: [150, 200], … }
 * contourWindow({ mean: 120, sd: 5 });        // { mu: [95, 145], sigma: [2, 35] }
 * ```
 */
export function contourWindow(moments: HistogramMoments): ContourWindow {
  const inside = moments.mean >= COURSE_MU[0] && moments.mean <= COURSE_MU[1];
  const halfWidth = Math.max(25, 3 * moments.sd);
  const mu: readonly [number, number] = inside && halfWidth === 25 ? COURSE_MU : [moments.mean - halfWidth, moments.mean + halfWidth];
  const sigma: readonly [number, number] = 3 * moments.sd <= COURSE_SIGMA[1] ? COURSE_SIGMA : [COURSE_SIGMA[0], 3 * moments.sd];
  return { mu, sigma };
}

/**
 * Where a Gaussian can still describe a histogram: from the left edge of its first non-empty bin
 * to the right edge of its last, in cm.
 *
 * @example
 * ```ts
 * const region: DataRegion = dataRegion(x, y); // course: { low: 160, high: 200, span: 40 }
 * ```
 */
export interface DataRegion {
  readonly low: number;
  readonly high: number;
  /** `high − low`. */
  readonly span: number;
  /** The largest bin height, for the "vanished model" test of {@link fitRunaway}. */
  readonly top: number;
}

/**
 * The {@link DataRegion} of a histogram; a bin's half-width is half the smallest gap between
 * consecutive centres (0 for a single bin).
 *
 * @throws RangeError when no bin has a positive height.
 * @example
 * ```ts
 * dataRegion(heights('course').x, heights('course').y); // { low: 160, high: 200, span: 40, top: 0.0530… }
 * ```
 */
export function dataRegion(x: ArrayLike<number>, y: ArrayLike<number>): DataRegion {
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < x.length; i++) {
    const d = Math.abs(x[i]! - x[i - 1]!);
    if (d > 0) gap = Math.min(gap, d);
  }
  const half = Number.isFinite(gap) ? gap / 2 : 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let top = 0;
  for (let i = 0; i < x.length; i++) {
    const h = y[i]!;
    top = Math.max(top, Math.abs(h));
    if (h > 0) {
      low = Math.min(low, x[i]! - half);
      high = Math.max(high, x[i]! + half);
    }
  }
  if (!(high >= low)) throw new RangeError('dataRegion: no bin has a positive height; expected at least one');
  return { low, high, span: high - low, top };
}

/**
 * The one judge of a heights fit that has left the data (a run that "diverged" although χ² may
 * stay finite: far from the data χ² is flat, ≈ Σ y², so tolerances can fire there): why
 * (μ, σ, χ²) is outside the region where a Gaussian can describe the histogram, or null when it
 * is inside. Outside means: a value not finite, σ ≤ 0, σ larger than the data's span, μ more
 * than one span outside the data, or a curve practically zero (below 10⁻³ of the tallest bin)
 * over every bin.
 *
 * @example
 * ```ts
 * const region = dataRegion(x, y);
 * fitRunaway(x, region, { mu: 4785, sigma: 36600, chiSquared: 0.015 });
 * // 'σ = 36600.0000 cm is larger than the whole span of the data (40.0000 cm)'
 * ```
 */
export function fitRunaway(
  x: ArrayLike<number>,
  region: DataRegion,
  point: { readonly mu: number; readonly sigma: number; readonly chiSquared: number },
): string | null {
  const { mu, sigma, chiSquared: chi2 } = point;
  if (!Number.isFinite(mu) || !Number.isFinite(sigma) || !Number.isFinite(chi2)) {
    return `the parameters or χ² stopped being finite (μ = ${mu}, σ = ${sigma}, χ² = ${chi2})`;
  }
  if (!(sigma > 0)) return `σ = ${sigma.toFixed(4)} cm is not positive`;
  if (region.span > 0 && sigma > region.span) {
    return `σ = ${sigma.toFixed(4)} cm is larger than the whole span of the data (${region.span.toFixed(4)} cm)`;
  }
  const reach = Math.max(region.span, sigma);
  if (mu < region.low - reach || mu > region.high + reach) {
    return `μ = ${mu.toFixed(4)} cm is more than one data span (${reach.toFixed(4)} cm) outside the data (${region.low.toFixed(2)}–${region.high.toFixed(2)} cm)`;
  }
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, gaussianAt(x[i]!, mu, sigma));
  if (peak < 1e-3 * region.top) return `the Gaussian at μ = ${mu.toFixed(4)}, σ = ${sigma.toFixed(4)} is practically zero over every bin`;
  return null;
}
