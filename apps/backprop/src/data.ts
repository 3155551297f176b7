import { datasets } from '@slope/models';

/**
 * Training data in the notebook's layout: inputs `x` (1×N) and targets `y` (2×N,
 * row-major: the N horizontal positions, then the N vertical ones).
 *
 * @example
 * const line: CurveData = { n: 2, x: Float64Array.of(0, 0.5), y: Float64Array.of(0, 1, 0, 1) };
 */
export interface CurveData {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * The course's training data, `training_data(N)`: the heart curve from `@slope/models`.
 *
 * @example
 * const heart = heartData(); // n = 100, x = 0, 0.01, …, 0.99
 */
export function heartData(n = 100): CurveData {
  const curve = datasets.heartCurve(n);
  const y = new Float64Array(2 * curve.n);
  y.set(curve.y[0], 0);
  y.set(curve.y[1], curve.n);
  return { n: curve.n, x: curve.x, y };
}
