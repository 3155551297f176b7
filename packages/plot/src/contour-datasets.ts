import type { ChartDataset } from 'chart.js';
import { contourLines } from './contour-lines.js';
import { formatValue } from './format.js';
import type { Grid } from './grid.js';
import type { XY } from './series.js';

/**
 * One scatter dataset per level, its polylines joined with NaN points: chart.js breaks a
 * line at a point it cannot place (with `spanGaps` off), so 20 levels cost 20 datasets
 * rather than hundreds.
 */
export function contourDatasets(grid: Grid, levels: number | readonly number[], color: string): ChartDataset<'scatter', XY[]>[] {
  const byLevel = new Map<number, XY[]>();
  for (const line of contourLines(grid, levels)) {
    const points = byLevel.get(line.level) ?? [];
    if (points.length > 0) points.push({ x: Number.NaN, y: Number.NaN });
    for (const p of line.points) points.push({ x: p.x, y: p.y });
    byLevel.set(line.level, points);
  }
  return [...byLevel].map(([level, data]) => ({
    label: `level ${formatValue(level)}`,
    data,
    parsing: false,
    showLine: true,
    spanGaps: false,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 1,
    pointRadius: 0,
    pointHitRadius: 0,
  }));
}

/** The extent of a grid's coordinates, the natural axis range of a contour map. */
export function gridExtent(coords: ArrayLike<number>): [number, number] {
  return [coords[0] as number, coords[coords.length - 1] as number];
}
