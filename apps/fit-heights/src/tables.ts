import type { HistogramMoments } from '@slope/models';
import type { MethodRun, PathPoint } from './run-types.js';

/**
 * μ or σ to 4 decimals, the precision COURSE.md §2.5 quotes.
 *
 * @example
 * ```ts
 * formatMu(178.519823); // '178.5198'
 * ```
 */
export function formatMu(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}

/**
 * χ² in exponent form with 6 significant figures.
 *
 * @example
 * ```ts
 * formatChi2(0.000439245); // '4.39245e-4'
 * ```
 */
export function formatChi2(value: number): string {
  return Number.isFinite(value) ? value.toExponential(5) : String(value);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The path points the step table shows: every `every`-th step (the start included) and the last.
 *
 * @example
 * ```ts
 * tableSteps(path, 10).map((p) => p.step); // [0, 10, 20, 30, 40, 50] for a 50-step path
 * ```
 */
export function tableSteps(path: readonly PathPoint[], every = 10): PathPoint[] {
  const last = path[path.length - 1];
  const picked = path.filter((p) => p.step % every === 0);
  if (last !== undefined && picked[picked.length - 1] !== last) picked.push(last);
  return picked;
}

/**
 * How often the step table shows a row for a budget of `steps`: every 10 steps up to 200, then
 * the next of 20, 50, 100, 200, … that keeps it to at most 20 rows (plus the last step), so a
 * 100,000-step run prints a table, not a listing.
 *
 * @example
 * ```ts
 * [tableEvery(50), tableEvery(1000), tableEvery(100_000)]; // [10, 50, 5000]
 * ```
 */
export function tableEvery(steps: number): number {
  let every = 10;
  for (let k = 0; steps / every > 20; k++) every = [20, 50, 100][k % 3]! * 10 ** Math.floor(k / 3);
  return every;
}

/**
 * The step table of one run: step, μ, σ, χ² every 10 steps and at the last step.
 *
 * @example
 * ```ts
 * console.log(stepTable(run));
 * // step         μ        σ           χ²
 * // ...
 * //   50  178.5198   7.5499  4.39245e-4
 * ```
 */
export function stepTable(run: MethodRun, every = 10): string {
  const rows = tableSteps(run.path, every).map((p) => [String(p.step), formatMu(p.mu), formatMu(p.sigma), formatChi2(p.chi2)]);
  return table(['step', 'μ / cm', 'σ / cm', 'χ²'], rows);
}

const LABELS: Record<MethodRun['method'], string> = {
  steepest: 'steepest descent',
  'gauss-newton': 'Gauss–Newton',
  'levenberg-marquardt': 'Levenberg–Marquardt',
};

/**
 * A human name for a method.
 *
 * @example
 * ```ts
 * methodLabel('gauss-newton'); // 'Gauss–Newton'
 * ```
 */
export function methodLabel(method: MethodRun['method']): string {
  return LABELS[method];
}

function outcome(run: MethodRun): string {
  if (run.diverged) return 'diverged';
  if (run.converged) return 'converged';
  return run.reason === 'max-iterations' ? 'used every step' : run.reason;
}

/**
 * The comparison table: each method's iterations, final μ, σ, χ² and outcome, then the
 * histogram's own mean and standard deviation. A diverged run shows its best point.
 *
 * @example
 * ```ts
 * console.log(comparisonTable([steepest, gaussNewton, lm], { mean: 178.49, sd: 7.545 }));
 * ```
 */
export function comparisonTable(runs: readonly MethodRun[], moments: HistogramMoments): string {
  const rows = runs.map((run) => {
    const shown = run.diverged ? run.best : run.final;
    return [
      methodLabel(run.method),
      String(run.iterations),
      formatMu(shown.mu),
      formatMu(shown.sigma),
      formatChi2(shown.chi2),
      run.diverged ? `diverged (best point, step ${run.best.step})` : outcome(run),
    ];
  });
  rows.push(['histogram moments', '-', formatMu(moments.mean), formatMu(moments.sd), '-', 'mean and SD of the bins']);
  return table(['method', 'iterations', 'μ / cm', 'σ / cm', 'χ²', 'outcome'], rows);
}
