import { contours } from 'd3-contour';
import { checkGrid, type CheckedGrid, type Grid } from './grid.js';
import { PlotInputError } from './errors.js';

/**
 * One isoline: a polyline (closed when its first and last points coincide) along which the
 * gridded function equals `level`.
 *
 * @example
 * ```ts
 * const [line] = contourLines(grid, [1]);
 * line.level; // 1
 * line.points[0]; // { x: …, y: … }
 * ```
 */
export interface ContourLine {
  readonly level: number;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/**
 * The most contour levels drawn: each level is a pass over the whole grid.
 *
 * @example
 * ```ts
 * const bowl = sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 21, 21);
 * contourLines(bowl, MAX_CONTOUR_LEVELS).length > 0; // the most levels accepted
 * ```
 */
export const MAX_CONTOUR_LEVELS = 1000;

/**
 * `count` contour levels evenly spaced strictly inside the range of `values`:
 * `min + (max − min)·k/(count + 1)` for k = 1…count. The extremes are left out because a
 * contour at the minimum or maximum degenerates to isolated points.
 *
 * @example
 * ```ts
 * contourLevels([0, 10], 4); // [2, 4, 6, 8]
 * ```
 */
export function contourLevels(values: ArrayLike<number>, count: number): number[] {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_CONTOUR_LEVELS)) {
    throw new RangeError(`contourLevels: levels must be an integer from 1 to ${MAX_CONTOUR_LEVELS} (MAX_CONTOUR_LEVELS), got ${count}`);
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max) || !Number.isFinite(max - min)) {
    throw new PlotInputError(
      `contourLevels: values span [${min}, ${max}]; expected a non-empty array of finite numbers`,
      'values',
    );
  }
  return Array.from({ length: count }, (_, k) => min + ((max - min) * (k + 1)) / (count + 1));
}

function resolveLevels(where: string, grid: CheckedGrid, levels: number | readonly number[]): number[] {
  if (typeof levels === 'number') {
    if (!(Number.isInteger(levels) && levels >= 1 && levels <= MAX_CONTOUR_LEVELS)) {
      throw new RangeError(`${where}: levels must be an integer from 1 to ${MAX_CONTOUR_LEVELS} (MAX_CONTOUR_LEVELS) or an array of levels, got ${levels}`);
    }
    return contourLevels(grid.values, levels);
  }
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new PlotInputError(`${where}: levels is empty; expected a count ≥ 1 or at least one level`, 'levels');
  }
  if (levels.length > MAX_CONTOUR_LEVELS) {
    throw new PlotInputError(`${where}: levels has ${levels.length} values; expected at most ${MAX_CONTOUR_LEVELS} (MAX_CONTOUR_LEVELS)`, 'levels');
  }
  levels.forEach((level, i) => {
    if (!Number.isFinite(level)) {
      throw new PlotInputError(`${where}: levels[${i}] is ${level}; expected a finite level`, 'levels', i);
    }
  });
  return [...levels].sort((a, b) => a - b);
}

/** Maps d3-contour's cell coordinate `c` (value `i` sits at `i + 0.5`) onto the axis. */
function toAxis(coords: number[], c: number): number {
  const u = Math.min(Math.max(c - 0.5, 0), coords.length - 1);
  const i = Math.min(Math.floor(u), coords.length - 2);
  const a = coords[i] as number;
  const b = coords[i + 1] as number;
  return a + (u - i) * (b - a);
}

/**
 * Splits a d3-contour ring into isolines. d3 closes every band polygon along a frame half a
 * cell outside the grid; those frame points are not part of any isoline, so they are cut out.
 */
function ringToPolylines(ring: number[][], nx: number, ny: number): number[][][] {
  const onFrame = (p: number[]) => {
    const [cx = 0, cy = 0] = p;
    return cx <= 0 || cx >= nx || cy <= 0 || cy >= ny;
  };
  // d3 repeats the first point at the end of a closed ring.
  const open = ring.slice(0, -1);
  const start = open.findIndex(onFrame);
  if (start < 0) return [ring];
  const lines: number[][][] = [];
  let current: number[][] = [];
  for (let step = 1; step <= open.length; step++) {
    const p = open[(start + step) % open.length] as number[];
    if (onFrame(p)) {
      if (current.length >= 2) lines.push(current);
      current = [];
    } else {
      current.push(p);
    }
  }
  if (current.length >= 2) lines.push(current);
  return lines;
}

/**
 * Isolines of a gridded function, computed with d3-contour (marching squares with linear
 * interpolation) and returned as polylines in the grid's own coordinates.
 *
 * `levels` is either a count N (N levels evenly spaced strictly between the grid's minimum
 * and maximum, see {@link contourLevels}) or the explicit levels. Lines are ordered by level.
 * Throws {@link PlotInputError} for a malformed or non-finite grid and `RangeError` for
 * `levels < 1`.
 *
 * @example
 * ```ts
 * const grid = sampleGrid((x, y) => x * x + y * y, [-2, 2], [-2, 2], 81, 81);
 * const [circle] = contourLines(grid, [1]); // the unit circle, as one closed polyline
 * ```
 */
export function contourLines(grid: Grid, levels: number | readonly number[]): ContourLine[] {
  const checked = checkGrid('contourLines', grid);
  const thresholds = resolveLevels('contourLines', checked, levels);
  const nx = checked.x.length;
  const ny = checked.y.length;
  const bands = contours().size([nx, ny]).thresholds(thresholds)(checked.values);
  const lines: ContourLine[] = [];
  for (const band of bands) {
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        for (const polyline of ringToPolylines(ring, nx, ny)) {
          lines.push({
            level: band.value,
            points: polyline.map(([cx = 0, cy = 0]) => ({ x: toAxis(checked.x, cx), y: toAxis(checked.y, cy) })),
          });
        }
      }
    }
  }
  return lines;
}
