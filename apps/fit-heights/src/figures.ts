import { chiSquared, contourWindow, gaussian, histogramMoments, type ContourWindow, type DataRegion, type HeightsHistogram } from '@slope/models';
import { contourChart, histogramChart, sampleGrid, type Range } from '@slope/plot';
import { renderPng } from '@slope/plot/node';
import { sideBySide } from './compose.js';
import type { MethodRun, PathPoint } from './run-types.js';
import { formatMu, methodLabel } from './tables.js';

/**
 * What {@link renderFigures} draws.
 *
 * @example
 * ```ts
 * const input: FigureInput = { histogram: heights('course'), primary, secondary, region };
 * ```
 */
export interface FigureInput {
  readonly histogram: HeightsHistogram;
  /** The `--method` run: its start and end are the histograms' before and after, its path is magenta. */
  readonly primary: MethodRun;
  /** The run drawn beside it on the contour map (Levenberg–Marquardt, or steepest descent when that is the primary). */
  readonly secondary: MethodRun;
  readonly region: DataRegion;
}

/**
 * The two PNGs, encoded.
 *
 * @example
 * ```ts
 * const { histogram, contour } = await renderFigures(input);
 * await writeFile('contour.png', contour);
 * ```
 */
export interface Figures {
  readonly histogram: Buffer;
  readonly contour: Buffer;
}

const PANEL = { width: 640, height: 480 } as const;
const CONTOUR = { width: 900, height: 620 } as const;
/** The contour grid's spacing where it fits, the course helper's (COURSE.md §2.6). */
const GRID_STEP = 0.5;
const LEVELS = 20;
/** At most this many grid points a side, and this many Gaussian evaluations for the whole χ² map. */
const MAX_GRID_SIDE = 201;
const MIN_GRID_SIDE = 21;
const CHI2_BUDGET = 2_000_000;
/** The most points of a path drawn; longer paths are thinned evenly, first and last kept. */
export const MAX_PATH_POINTS = 2000;

/**
 * The χ² grid's size for a contour window over a histogram of `bins` bins: the course's 0.5 cm
 * spacing where it fits, otherwise coarser, so the map never costs more than about two million
 * Gaussian evaluations (at most 201 × 201 points) whatever the data — one stray height once
 * made it 27 million points of 621 bins each.
 *
 * @example
 * ```ts
 * contourGridSize({ mu: [150, 200], sigma: [2, 35] }, 100); // { nx: 101, ny: 67 }, the course's grid
 * ```
 */
export function contourGridSize(window: ContourWindow, bins: number): { nx: number; ny: number } {
  const count = (range: readonly [number, number]) => Math.min(MAX_GRID_SIDE, Math.round((range[1] - range[0]) / GRID_STEP) + 1);
  let nx = count(window.mu);
  let ny = count(window.sigma);
  const cost = nx * ny * Math.max(1, bins);
  if (cost > CHI2_BUDGET) {
    const shrink = Math.sqrt(CHI2_BUDGET / cost);
    nx = Math.max(MIN_GRID_SIDE, Math.floor(nx * shrink));
    ny = Math.max(MIN_GRID_SIDE, Math.floor(ny * shrink));
  }
  return { nx, ny };
}

/** At most `limit` points of `path`, evenly spread, the first and the last kept. */
export function thinPath<T>(path: readonly T[], limit = MAX_PATH_POINTS): T[] {
  if (path.length <= limit) return [...path];
  return Array.from({ length: limit }, (_, i) => path[Math.round((i * (path.length - 1)) / (limit - 1))]!);
}

function histogramPanel(histogram: HeightsHistogram, point: PathPoint, title: string, xRange: Range, yRange: Range) {
  return histogramChart({
    centers: histogram.x,
    heights: histogram.y,
    model: (x) => gaussian(x, point.mu, point.sigma),
    xRange,
    yRange,
    title,
    xLabel: 'height / cm',
    yLabel: 'density / cm⁻¹',
  });
}

function shownPoint(run: MethodRun): PathPoint {
  return run.diverged ? run.best : run.final;
}

function afterTitle(run: MethodRun): string {
  const p = shownPoint(run);
  const where = `μ = ${formatMu(p.mu)}, σ = ${formatMu(p.sigma)}`;
  if (run.diverged) return `after: ${methodLabel(run.method)} diverged; best point (step ${p.step}) ${where}`;
  return `after: ${methodLabel(run.method)}, step ${p.step}: ${where}`;
}

/**
 * Renders `histogram.png` (before and after, side by side: bars in the course's green, magenta
 * and orange with the χ² label) and `contour.png` (χ² with 20 levels, the primary path in
 * magenta with its last point orange, the secondary path beside it in blue).
 *
 * @example
 * ```ts
 * const { histogram, contour } = await renderFigures({ histogram: heights('course'), primary, secondary, region });
 * ```
 */
export async function renderFigures(input: FigureInput): Promise<Figures> {
  const { histogram, primary, secondary, region } = input;
  const start = primary.path[0] ?? primary.final;
  const after = shownPoint(primary);

  const courseX: Range = [130, 210];
  const xRange: Range = region.low >= courseX[0] && region.high <= courseX[1] ? courseX : [region.low - 0.1 * region.span, region.high + 0.1 * region.span];
  // A loop, not Math.max(...y): a spread of many bins can overflow the stack.
  const tallest = histogram.y.reduce((top, v) => Math.max(top, v), 0);
  const yRange: Range = [0, Math.max(0.08, 1.15 * tallest)];
  const before = histogramPanel(histogram, start, `before: start μ = ${formatMu(start.mu)}, σ = ${formatMu(start.sigma)}`, xRange, yRange);
  const afterChart = histogramPanel(histogram, after, afterTitle(primary), xRange, yRange);
  const histogramPng = await sideBySide([await renderPng(before, PANEL), await renderPng(afterChart, PANEL)]);

  const window = contourWindow(histogramMoments(histogram.x, histogram.y));
  const { nx, ny } = contourGridSize(window, histogram.x.length);
  const grid = sampleGrid((mu, sigma) => chiSquared(histogram.x, histogram.y, mu, sigma), window.mu, window.sigma, nx, ny);
  const path = (run: MethodRun) => ({
    x: thinPath(run.path).map((p) => p.mu),
    y: thinPath(run.path).map((p) => p.sigma),
    label: `${methodLabel(run.method)} (${run.iterations} steps${run.diverged ? ', diverged' : ''})`,
  });
  const contour = contourChart({
    grid,
    levels: LEVELS,
    paths: [path(primary), path(secondary)],
    title: `χ²(μ, σ), ${LEVELS} levels: ${methodLabel(primary.method)} and ${methodLabel(secondary.method)} from (${formatMu(start.mu)}, ${formatMu(start.sigma)})`,
    xLabel: 'μ / cm',
    yLabel: 'σ / cm',
  });
  return { histogram: histogramPng, contour: await renderPng(contour, CONTOUR) };
}
