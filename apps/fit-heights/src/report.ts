import { thinPath } from './figures.js';
import type { LoadedData } from './load-data.js';
import type { HistogramMoments } from '@slope/models';
import type { FitHeightsOptions } from './options.js';
import type { MethodRun, PathPoint } from './run-types.js';

/**
 * One method's entry in `report.json`.
 *
 * @example
 * ```ts
 * const { mu, sigma, chi2, diverged }: RunReport = report.runs.steepest;
 * ```
 */
export interface RunReport {
  readonly iterations: number;
  readonly mu: number;
  readonly sigma: number;
  readonly chi2: number;
  readonly converged: boolean;
  readonly diverged: boolean;
  readonly reason: string;
  /** The reason `fitGaussian` gave (differs from `reason` when the app judged a run-away). */
  readonly fitReason: string;
  readonly message: string;
  /** The lowest χ² inside the data's region (equals the final point unless diverged). */
  readonly best: PathPoint;
  /** The path, start first; a path longer than 2,000 points is thinned evenly (first and last kept). */
  readonly path: readonly PathPoint[];
  /** How many points the whole path has (`path` holds all of them up to 2,000). */
  readonly pathLength: number;
}

/**
 * The whole of `report.json`.
 *
 * @example
 * ```ts
 * const report = JSON.parse(await readFile('out/fit-heights/report.json', 'utf8')) as FitHeightsReport;
 * ```
 */
export interface FitHeightsReport {
  readonly app: '@slope/fit-heights';
  readonly options: Omit<FitHeightsOptions, 'data' | 'unit'> & { readonly data: string | null; readonly unit: LoadedData['unit'] };
  readonly data: {
    readonly name: string;
    readonly file: string | null;
    readonly bins: number;
    readonly binWidth: number;
    readonly total: number | null;
    readonly provenance: string;
    readonly citation: string | null;
    readonly centres: readonly number[];
    readonly density: readonly number[];
  };
  readonly moments: HistogramMoments;
  /** The method of the step table and the magenta path (`--method`). */
  readonly method: FitHeightsOptions['method'];
  readonly diverged: boolean;
  readonly exitCode: 0 | 1;
  readonly runs: Readonly<Record<MethodRun['method'], RunReport>>;
  readonly files: readonly string[];
}

function runReport(run: MethodRun): RunReport {
  // JSON has no Infinity or NaN, so a diverged run's last point is reported as its best one.
  const shown = run.diverged ? run.best : run.final;
  return {
    iterations: run.iterations,
    mu: shown.mu,
    sigma: shown.sigma,
    chi2: shown.chi2,
    converged: run.converged,
    diverged: run.diverged,
    reason: run.reason,
    fitReason: run.fitReason,
    message: run.message,
    best: run.best,
    path: thinPath(run.path),
    pathLength: run.path.length,
  };
}

/**
 * Everything a run found, as the object written to `report.json`.
 *
 * @example
 * ```ts
 * const report = buildReport(options, data, moments, runs, primary, ['histogram.png', 'contour.png', 'report.json']);
 * report.runs.steepest.mu; // 178.5198…
 * ```
 */
export function buildReport(
  options: FitHeightsOptions,
  loaded: LoadedData,
  moments: HistogramMoments,
  runs: readonly MethodRun[],
  primary: MethodRun,
  files: readonly string[],
): FitHeightsReport {
  const { histogram } = loaded;
  const byMethod = Object.fromEntries(runs.map((run) => [run.method, runReport(run)])) as Record<MethodRun['method'], RunReport>;
  return {
    app: '@slope/fit-heights',
    options: { ...options, data: options.data ?? null, unit: loaded.unit },
    data: {
      name: loaded.label,
      file: loaded.file,
      bins: histogram.x.length,
      binWidth: histogram.binWidth,
      total: histogram.total,
      provenance: histogram.provenance,
      citation: histogram.citation,
      centres: [...histogram.x],
      density: [...histogram.y],
    },
    moments,
    method: primary.method,
    diverged: primary.diverged,
    exitCode: primary.diverged ? 1 : 0,
    runs: byMethod,
    files,
  };
}
