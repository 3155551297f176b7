/**
 * A curve or point cloud as two parallel coordinate arrays (`x[i]`, `y[i]`). Plain arrays
 * and typed arrays both work, so tensors' `Float64Array`s can be passed without copying.
 *
 * @example
 * ```ts
 * const parabola: Curve = { x: [0, 1, 2], y: [0, 1, 4] };
 * ```
 */
export interface Curve {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/**
 * A closed interval `[min, max]` with `min < max`, used for axis ranges and grid extents.
 *
 * @example
 * ```ts
 * const unit: Range = [0, 1];
 * ```
 */
export type Range = readonly [min: number, max: number];

/**
 * An axis scale: `'linear'`, or `'log'` (every plotted value on that axis must be > 0).
 *
 * @example
 * ```ts
 * lineChart([cost], { yScale: 'log' });
 * ```
 */
export type AxisScale = 'linear' | 'log';

/**
 * Options shared by every builder: title, axis labels, axis ranges and scales.
 * Omitted ranges are fitted to the data by chart.js (or by the builder where stated).
 *
 * @example
 * ```ts
 * const axes: AxesOptions = { xLabel: 'iteration', yLabel: 'cost', yScale: 'log' };
 * ```
 */
export interface AxesOptions {
  /** Title drawn above the plot. */
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly xRange?: Range;
  readonly yRange?: Range;
  /** Defaults to `'linear'`. */
  readonly xScale?: AxisScale;
  /** Defaults to `'linear'`. */
  readonly yScale?: AxisScale;
  /**
   * Width / height of the whole chart, honoured by chart.js in responsive (browser) mode.
   * In Node the size passed to `renderPng` decides.
   */
  readonly aspectRatio?: number;
}
