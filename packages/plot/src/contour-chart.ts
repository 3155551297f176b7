import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions, pickAxes } from './axes.js';
import { courseColors } from './colors.js';
import { contourDatasets, gridExtent } from './contour-datasets.js';
import { checkGrid, type Grid } from './grid.js';
import { toPoints, type XY } from './series.js';
import type { AxesOptions, Curve } from './types.js';
import { finiteCurve } from './validate.js';
import { AXES_OPTION_NAMES } from './axes.js';
import { rejectUnknownOptions } from './options.js';

const INPUT_NAMES = [...AXES_OPTION_NAMES, 'grid', 'levels', 'paths', 'lineColor'] as const;
const PATH_KEYS = ['x', 'y', 'label', 'color'] as const;

/**
 * A path drawn over a contour map, such as an optimiser's iterates.
 *
 * @example
 * ```ts
 * const descent: ContourPath = { x: mus, y: sigmas, label: 'steepest descent' };
 * ```
 */
export interface ContourPath extends Curve {
  readonly label?: string;
  /** Line and marker colour. Defaults to magenta for the first path, then blue, then ink. */
  readonly color?: string;
}

/**
 * Input of {@link contourChart}.
 *
 * @example
 * ```ts
 * const input: ContourChartInput = { grid, levels: 20, paths: [descent], xLabel: 'μ / cm', yLabel: 'σ / cm' };
 * ```
 */
export interface ContourChartInput extends AxesOptions {
  readonly grid: Grid;
  /** A count N of evenly spaced levels, or the levels themselves. Defaults to 10. */
  readonly levels?: number | readonly number[];
  readonly paths?: readonly ContourPath[];
  /** Isoline colour; defaults to green. */
  readonly lineColor?: string;
}

const PATH_COLORS = [courseColors.magenta, courseColors.blue, courseColors.ink] as const;

/** A path as 'o-' (line and markers) plus its last point as a larger orange marker. */
export function pathDatasets(
  where: string,
  paths: readonly ContourPath[],
): { datasets: ChartDataset<'scatter', XY[]>[]; legend: number[] } {
  if (!Array.isArray(paths)) {
    throw new TypeError(`${where}: paths must be an array of { x, y } paths, got ${typeof paths}`);
  }
  const datasets: ChartDataset<'scatter', XY[]>[] = [];
  const legend: number[] = [];
  paths.forEach((path, k) => {
    if (path != null && typeof path === 'object') rejectUnknownOptions(`${where}: paths[${k}]`, path, PATH_KEYS);
    const { x, y } = finiteCurve(where, `paths[${k}]`, path);
    const color = path.color ?? PATH_COLORS[k % PATH_COLORS.length] ?? courseColors.ink;
    const points = toPoints(x, y);
    if (path.label !== undefined) legend.push(datasets.length);
    datasets.push({
      label: path.label ?? `path ${k + 1}`,
      data: points,
      parsing: false,
      showLine: true,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 1.5,
      pointRadius: 2.5,
      order: 1,
    });
    datasets.push({
      label: `${path.label ?? `path ${k + 1}`} (last point)`,
      data: points.slice(-1),
      parsing: false,
      showLine: false,
      borderColor: courseColors.orange,
      backgroundColor: courseColors.orange,
      pointRadius: 5,
      // Drawn above the paths: chart.js draws lower `order` on top.
      order: 0,
    });
  });
  return { datasets, legend };
}

/** Width/height of the extent, kept within [0.5, 2.5] so a lopsided grid still gets a usable chart. */
export function equalUnitsAspect(xRange: readonly [number, number], yRange: readonly [number, number]): number {
  const ratio = (xRange[1] - xRange[0]) / (yRange[1] - yRange[0]);
  return Math.min(2.5, Math.max(0.5, ratio));
}

/**
 * A contour map of a gridded function (isolines by d3-contour, in green) with paths on
 * top, as the course draws χ²(μ, σ) with the descent path (COURSE.md §2.6): each path a
 * magenta line with markers ('o-'), its last point a larger orange marker; further paths
 * (e.g. Levenberg–Marquardt beside steepest descent) default to blue, then ink. Axes
 * default to the grid's extent, and `aspectRatio` to the extent's width/height so a
 * browser chart approximates equal units (clamped to [0.5, 2.5]).
 *
 * Throws {@link PlotInputError} for a malformed or non-finite grid or path, and
 * `RangeError` for fewer than one level.
 *
 * @example
 * ```ts
 * const grid = sampleGrid(chiSquared, [150, 200], [2, 35], 101, 67);
 * const config = contourChart({ grid, levels: 20, paths: [{ x: mus, y: sigmas, label: 'steepest descent' }], xLabel: 'μ / cm', yLabel: 'σ / cm' });
 * ```
 */
export function contourChart(input: ContourChartInput): ChartConfiguration<'scatter', XY[]> {
  const where = 'contourChart';
  if (input == null || typeof input !== 'object') {
    throw new TypeError(`${where}: input must be an object { grid, levels, paths }, got ${String(input)}`);
  }
  rejectUnknownOptions(where, input, INPUT_NAMES);
  const grid = checkGrid(where, input.grid);
  const lines = contourDatasets(grid, input.levels ?? 10, input.lineColor ?? courseColors.green).map((d) => ({ ...d, order: 2 }));
  const paths = pathDatasets(where, input.paths ?? []);
  const xRange = gridExtent(grid.x);
  const yRange = gridExtent(grid.y);
  return {
    type: 'scatter',
    data: { datasets: [...lines, ...paths.datasets] },
    options: baseOptions(
      where,
      pickAxes(input),
      { xRange, yRange, aspectRatio: equalUnitsAspect(xRange, yRange) },
      { show: paths.legend.length > 0, datasetIndices: new Set(paths.legend.map((i) => i + lines.length)) },
    ),
  };
}
