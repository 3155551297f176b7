import { gaussian, type HeightsHistogram } from '@slope/models';
import { contourChart, histogramChart, sampleGrid, type Range } from '@slope/plot';
import { renderPng } from '@slope/plot/node';
import { sideBySide } from './compose.js';
import type { DataRegion } from './fits.js';
import { histogramMoments } from './moments.js';
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
/** The course's contour window (COURSE.md §2.6), sampled every 0.5 cm like the helper. */
const COURSE_MU: Range = [150, 200];
const COURSE_SIGMA: Range = [2, 35];
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
export function contourGridSize(window: { mu: Range; sigma: Range }, bins: number): { nx: number; ny: number } {
  const count = (range: Range) => Math.min(MAX_GRID_SIDE, Math.round((range[1] - range[0]) / GRID_STEP) + 1);
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

/**
 * χ²(μ, σ) = Σ (yᵢ − f(xᵢ; μ, σ))² over every bin, the course's unweighted χ².
 *
 * @example
 * ```ts
 * const { x, y } = heights('course');
 * chiSquared(x, y, 155, 6); // 0.0323333…
 * ```
 */
export function chiSquared(x: ArrayLike<number>, y: ArrayLike<number>, mu: number, sigma: number): number {
  // Point by point: the array form of `gaussian` allocates, and the contour grid calls this ~7000 times.
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += ((y[i] as number) - gaussian(x[i] as number, mu, sigma)) ** 2;
  return sum;
}

/**
 * The μ and σ window of the contour map: the course's μ 150–200, σ 2–35, moved to be centred on
 * the histogram's mean (and widened for a wide histogram) only when the data sit elsewhere.
 *
 * @example
 * ```ts
 * contourWindow({ mean: 178.49, sd: 7.545 }); // { mu: [150, 200], sigma: [2, 35] }
 * ```
 */
export function contourWindow(moments: { mean: number; sd: number }): { mu: Range; sigma: Range } {
  const inside = moments.mean >= COURSE_MU[0] && moments.mean <= COURSE_MU[1];
  const halfWidth = Math.max(25, 3 * moments.sd);
  const mu: Range = inside && halfWidth === 25 ? COURSE_MU : [moments.mean - halfWidth, moments.mean + halfWidth];
  const sigma: Range = 3 * moments.sd <= COURSE_SIGMA[1] ? COURSE_SIGMA : [COURSE_SIGMA[0], 3 * moments.sd];
  return { mu, sigma };
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
