import { portableCos, portableSin } from './portable-math.js';

/**
 * The course's training data for the backpropagation assignment (COURSE.md §1.5).
 *
 * @example
 * ```ts
 * const { x, y }: HeartCurve = heartCurve(100);
 * ```
 */
export interface HeartCurve {
  /** Number of points. */
  readonly n: number;
  /** Inputs k/n for k = 0 … n − 1: the distance travelled along the curve, in [0, 1). */
  readonly x: Float64Array;
  /** Targets as two rows (horizontal, vertical), each of length n, inside the unit square. */
  readonly y: readonly [Float64Array, Float64Array];
}

/**
 * The heart curve of the course's backpropagation assignment: with t = 2πx,
 * `y = ([16 sin³t, 13 cos t − 5 cos 2t − 2 cos 3t − cos 4t] / 20 + 1) / 2`, computed with
 * `portableSin` and `portableCos`, so the data have the same bits on every engine.
 *
 * @param n - number of points (default 100, as in the course); x runs 0, 1/n, …, (n−1)/n.
 * @throws RangeError when n is not a positive integer.
 * @example
 * ```ts
 * const { x, y } = heartCurve();
 * [x[25], y[0][25], y[1][25]]; // [0.25, 0.9, 0.6]
 * ```
 */
export function heartCurve(n = 100): HeartCurve {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`heartCurve(n): n must be a positive integer, got ${String(n)}`);
  }
  const x = new Float64Array(n);
  const horizontal = new Float64Array(n);
  const vertical = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = k / n;
    const t = 2 * Math.PI * x[k]!;
    const s = portableSin(t);
    horizontal[k] = ((16 * s * s * s) / 20 + 1) / 2;
    vertical[k] = ((13 * portableCos(t) - 5 * portableCos(2 * t) - 2 * portableCos(3 * t) - portableCos(4 * t)) / 20 + 1) / 2;
  }
  return { n, x, y: [horizontal, vertical] };
}
