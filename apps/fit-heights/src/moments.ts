/**
 * The mean and standard deviation a histogram implies, read straight from its bins.
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
 * Mean and (population) standard deviation of a histogram, weighting each bin centre by its
 * height: the closed-form answer a Gaussian fit should land near.
 *
 * @param centres bin centres
 * @param heights bin heights (counts or densities; only their ratios matter)
 * @throws {RangeError} if the lengths differ, a height is negative or not finite, or all are zero.
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
    const h = heights[i] as number;
    if (!(h >= 0) || !Number.isFinite(h)) {
      throw new RangeError(`histogramMoments: heights[${i}] is ${h}; expected a finite number >= 0`);
    }
    total += h;
    weighted += h * (centres[i] as number);
  }
  if (total === 0) throw new RangeError('histogramMoments: every height is 0; expected at least one non-empty bin');
  const mean = weighted / total;
  let spread = 0;
  for (let i = 0; i < heights.length; i++) spread += (heights[i] as number) * ((centres[i] as number) - mean) ** 2;
  return { mean, sd: Math.sqrt(spread / total) };
}
