import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { baseOptions, pickAxes } from './axes.js';
import { courseColors } from './colors.js';
import { contourDatasets, gridExtent } from './contour-datasets.js';
import { equalUnitsAspect } from './contour-chart.js';
import { PlotInputError } from './errors.js';
import { checkGrid, type Grid } from './grid.js';
import { arrowsPlugin, type DataArrow } from './plugins.js';
import type { XY } from './series.js';
import type { AxesOptions } from './types.js';
import { finiteArray, positiveOption } from './validate.js';
import { AXES_OPTION_NAMES } from './axes.js';
import { rejectUnknownOptions } from './options.js';

const INPUT_NAMES = [...AXES_OPTION_NAMES, 'arrows', 'grid', 'levels', 'scale', 'maxLength', 'pivot', 'color'] as const;

/**
 * Arrows as four parallel arrays: each arrow sits at (`x[i]`, `y[i]`) and points along
 * (`u[i]`, `v[i]`) — for a descent field, `u, v = −∇f(x, y)`.
 *
 * @example
 * ```ts
 * const field: VectorField = { x: [1, 2], y: [1, 1], u: [-2, -4], v: [-2, -2] };
 * ```
 */
export interface VectorField {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly u: ArrayLike<number>;
  readonly v: ArrayLike<number>;
}

/**
 * Input of {@link quiverChart}.
 *
 * @example
 * ```ts
 * const input: QuiverChartInput = { arrows: field, grid, levels: 10, scale: 0.2, maxLength: 1, pivot: 'middle' };
 * ```
 */
export interface QuiverChartInput extends AxesOptions {
  readonly arrows: VectorField;
  /** Optional function samples to draw as green isolines under the arrows. */
  readonly grid?: Grid;
  /** Contour levels for `grid` (a count or the levels). Defaults to 10. */
  readonly levels?: number | readonly number[];
  /** Arrow length = `scale` × |(u, v)| in data units. Defaults to 1. */
  readonly scale?: number;
  /** Longest arrow drawn, in data units (longer ones are shortened, keeping direction). Defaults to no cap. */
  readonly maxLength?: number;
  /** Whether (x, y) is the arrow's tail or its middle (the Sandpit centres its arrows). Defaults to `'tail'`. */
  readonly pivot?: 'tail' | 'middle';
  /** Arrow colour; defaults to ink (the Sandpit's black arrows). */
  readonly color?: string;
}

function arrowGeometry(where: string, input: QuiverChartInput): DataArrow[] {
  const field = input.arrows;
  if (field == null || typeof field !== 'object') {
    throw new TypeError(`${where}: arrows must be an object { x, y, u, v }, got ${String(field)}`);
  }
  const x = finiteArray(where, 'arrows.x', field.x);
  const columns = { y: finiteArray(where, 'arrows.y', field.y), u: finiteArray(where, 'arrows.u', field.u), v: finiteArray(where, 'arrows.v', field.v) };
  for (const [name, values] of Object.entries(columns)) {
    if (values.length !== x.length) {
      throw new PlotInputError(
        `${where}: arrows.x has ${x.length} values but arrows.${name} has ${values.length}; expected equal lengths`,
        `arrows.${name}`,
      );
    }
  }
  const scale = positiveOption(where, 'scale', input.scale, 1);
  const maxLength = positiveOption(where, 'maxLength', input.maxLength, Infinity);
  const pivot = input.pivot ?? 'tail';
  if (pivot !== 'tail' && pivot !== 'middle') {
    throw new TypeError(`${where}: option pivot must be 'tail' or 'middle', got ${JSON.stringify(pivot)}`);
  }
  return x.map((x0, i) => {
    const y0 = columns.y[i] as number;
    let du = (columns.u[i] as number) * scale;
    let dv = (columns.v[i] as number) * scale;
    const length = Math.hypot(du, dv);
    if (length > maxLength) {
      du *= maxLength / length;
      dv *= maxLength / length;
    }
    const shift = pivot === 'middle' ? 0.5 : 0;
    return { x0: x0 - shift * du, y0: y0 - shift * dv, x1: x0 + (1 - shift) * du, y1: y0 + (1 - shift) * dv };
  });
}

function extent(values: number[]): [number, number] {
  // A loop, not Math.min(...values): a spread of ~100k arguments overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A single point or a flat row still needs an axis of positive length.
  return min < max ? [min, max] : [min - 1, max + 1];
}

/**
 * A quiver plot: arrows (e.g. −∇f, the Sandpit's "which way is down") over optional
 * contours of the function. Arrows are drawn by a small inline plugin in pixel space so
 * their heads keep their shape; a marker at each anchor point carries the tooltip. Axes
 * default to the grid's extent, or else to the arrows' extent.
 *
 * Throws {@link PlotInputError} for empty, non-finite or mismatched arrow arrays and for
 * a malformed or non-finite grid.
 *
 * @example
 * ```ts
 * const f = (x: number, y: number) => (x - 1) ** 2 + 2 * (y - 2) ** 2;
 * const config = quiverChart({
 *   grid: sampleGrid(f, [0, 3], [0, 4], 31, 41),
 *   arrows: { x: [0.5, 2.5], y: [3, 1], u: [1, -3], v: [-4, 4] }, // −∇f at each point
 *   scale: 0.2,
 * });
 * ```
 */
export function quiverChart(input: QuiverChartInput): ChartConfiguration<'scatter', XY[]> {
  const where = 'quiverChart';
  if (input == null || typeof input !== 'object') {
    throw new TypeError(`${where}: input must be an object { arrows, grid? }, got ${String(input)}`);
  }
  rejectUnknownOptions(where, input, INPUT_NAMES);
  const arrows = arrowGeometry(where, input);
  const color = input.color ?? courseColors.ink;
  const grid = input.grid === undefined ? undefined : checkGrid(where, input.grid);
  const lines = grid === undefined ? [] : contourDatasets(grid, input.levels ?? 10, courseColors.green);
  const anchors: ChartDataset<'scatter', XY[]> = {
    label: 'arrows',
    data: finiteArray(where, 'arrows.x', input.arrows.x).map((x, i) => ({ x, y: input.arrows.y[i] as number })),
    parsing: false,
    showLine: false,
    borderColor: color,
    backgroundColor: color,
    pointRadius: 1.5,
  };
  const xRange = grid === undefined ? extent(arrows.flatMap((a) => [a.x0, a.x1])) : gridExtent(grid.x);
  const yRange = grid === undefined ? extent(arrows.flatMap((a) => [a.y0, a.y1])) : gridExtent(grid.y);
  return {
    type: 'scatter',
    data: { datasets: [...lines, anchors] },
    options: baseOptions(where, pickAxes(input), { xRange, yRange, aspectRatio: equalUnitsAspect(xRange, yRange) }, { show: false }),
    plugins: [arrowsPlugin(arrows, color, 1.5)],
  };
}
