import { PlotInputError } from './errors.js';
import type { Range } from './types.js';
import { finiteArray, validRange } from './validate.js';

/**
 * Samples of a function of two variables on a rectilinear grid. `values` is row-major:
 * `values[j * x.length + i]` is the value at `(x[i], y[j])`. `x` and `y` ascend strictly.
 *
 * @example
 * ```ts
 * const grid: Grid = { x: [0, 1], y: [0, 1], values: [0, 1, 1, 2] }; // f = x + y
 * ```
 */
export interface Grid {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** A grid whose shape and values have been checked. */
export interface CheckedGrid {
  readonly x: number[];
  readonly y: number[];
  readonly values: number[];
}

function evenlySpaced(range: Range, n: number): number[] {
  const [min, max] = range;
  // Endpoints exactly, so a grid over [150, 200] really ends at 200 despite rounding.
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? max : min + ((max - min) * i) / (n - 1)));
}

/**
 * The most points {@link sampleGrid} evaluates (2048 × 2048): beyond it the grid's memory and
 * the contour work grow past what any chart can show.
 *
 * @example
 * ```ts
 * sampleGrid((x, y) => x * y, [0, 1], [0, 1], 2048, 2048).values.length === MAX_GRID_POINTS; // the largest square grid
 * try {
 *   sampleGrid((x, y) => x * y, [0, 1], [0, 1], 1e9, 1e9);
 * } catch (error) {
 *   console.log((error as Error).message); // refused before any memory is taken: '… expected at most 4,194,304 (MAX_GRID_POINTS, …)'
 * }
 * ```
 */
export const MAX_GRID_POINTS = 2048 * 2048;

function gridCount(option: string, n: number): number {
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`sampleGrid: ${option} must be an integer ≥ 2, got ${n}`);
  }
  return n;
}

/**
 * Evaluates `f(x, y)` on an `nx` × `ny` grid of evenly spaced points spanning `xRange` and
 * `yRange` (endpoints included), ready for {@link contourLines} and the contour builders.
 * Values are stored as returned; non-finite ones are reported when the grid is drawn. At
 * most {@link MAX_GRID_POINTS} points; a larger grid is refused before any memory is taken.
 *
 * @example
 * ```ts
 * const bowl = sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 41, 41);
 * bowl.values.length; // 1681
 * ```
 */
export function sampleGrid(
  f: (x: number, y: number) => number,
  xRange: Range,
  yRange: Range,
  nx: number,
  ny: number,
): Grid {
  if (typeof f !== 'function') {
    throw new TypeError(`sampleGrid: f must be a function (x, y) => number, got ${typeof f}`);
  }
  gridCount('nx', nx);
  gridCount('ny', ny);
  if (nx * ny > MAX_GRID_POINTS) {
    throw new RangeError(
      `sampleGrid: nx × ny = ${nx} × ${ny} = ${(nx * ny).toLocaleString('en-US')} points; expected at most ${MAX_GRID_POINTS.toLocaleString('en-US')} (MAX_GRID_POINTS, e.g. 2048 × 2048)`,
    );
  }
  const x = evenlySpaced(validRange('sampleGrid', 'xRange', xRange), nx);
  const y = evenlySpaced(validRange('sampleGrid', 'yRange', yRange), ny);
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x[i] as number, y[j] as number);
  }
  return { x, y, values };
}

function strictlyAscending(where: string, argument: string, coords: number[]): number[] {
  if (coords.length < 2) {
    throw new PlotInputError(`${where}: ${argument} has ${coords.length} value; expected at least 2`, argument);
  }
  for (let i = 1; i < coords.length; i++) {
    if (!((coords[i] as number) > (coords[i - 1] as number))) {
      throw new PlotInputError(
        `${where}: ${argument}[${i}] = ${coords[i]} does not exceed ${argument}[${i - 1}] = ${coords[i - 1]}; expected strictly ascending coordinates`,
        argument,
        i,
      );
    }
  }
  return coords;
}

/** Checks a grid's coordinates, shape and values, naming the first problem found. */
export function checkGrid(where: string, grid: Grid): CheckedGrid {
  if (grid == null || typeof grid !== 'object') {
    throw new TypeError(`${where}: grid must be an object { x, y, values }, got ${String(grid)}`);
  }
  const x = strictlyAscending(where, 'grid.x', finiteArray(where, 'grid.x', grid.x));
  const y = strictlyAscending(where, 'grid.y', finiteArray(where, 'grid.y', grid.y));
  const { values } = grid;
  if (values == null || typeof values.length !== 'number') {
    throw new TypeError(`${where}: grid.values must be an array of numbers, got ${String(values)}`);
  }
  if (values.length !== x.length * y.length) {
    throw new PlotInputError(
      `${where}: grid.values has ${values.length} values; expected grid.x.length × grid.y.length = ${x.length} × ${y.length} = ${x.length * y.length}`,
      'grid.values',
    );
  }
  const checked = new Array<number>(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const i = k % x.length;
      const j = Math.floor(k / x.length);
      throw new PlotInputError(
        `${where}: grid.values[${k}] at (x = ${x[i]}, y = ${y[j]}) is ${Number.isNaN(v) ? 'NaN' : String(v)}; expected finite values everywhere on the grid`,
        'grid.values',
        k,
      );
    }
    checked[k] = v;
  }
  return { x, y, values: checked };
}
