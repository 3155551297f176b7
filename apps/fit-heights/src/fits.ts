import { fitGaussian, type GaussianFit } from '@slope/models';
import type { MethodName } from './options.js';
import type { MethodRun, PathPoint } from './run-types.js';

/**
 * Where a fitted Gaussian can still describe the histogram: μ within one data span of the
 * occupied bins, 0 < σ ≤ that span. Beyond it the model is flat or elsewhere, and χ² barely
 * moves, so a run that ends out there has run away even though χ² stayed finite.
 *
 * @example
 * ```ts
 * const region: DataRegion = dataRegion(x, y, binWidth); // course: { low: 160, high: 200, span: 40 }
 * ```
 */
export interface DataRegion {
  /** Left edge of the first non-empty bin, cm. */
  readonly low: number;
  /** Right edge of the last non-empty bin, cm. */
  readonly high: number;
  /** `high − low`, cm. */
  readonly span: number;
}

/**
 * The region of {@link DataRegion} for a histogram.
 *
 * @throws {RangeError} when no bin is occupied.
 * @example
 * ```ts
 * dataRegion([161.25, 198.75], [0.01, 0.02], 2.5); // { low: 160, high: 200, span: 40 }
 * ```
 */
export function dataRegion(x: ArrayLike<number>, y: ArrayLike<number>, binWidth: number): DataRegion {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    if ((y[i] as number) > 0) {
      low = Math.min(low, (x[i] as number) - binWidth / 2);
      high = Math.max(high, (x[i] as number) + binWidth / 2);
    }
  }
  if (!(high > low)) throw new RangeError('dataRegion: no bin has a positive height; expected at least one');
  return { low, high, span: high - low };
}

/**
 * Why `point` lies outside `region`, or `null` when it is inside.
 *
 * @example
 * ```ts
 * runawayReason({ step: 1, mu: 4785, sigma: 36600, chi2: 0.015 }, { low: 160, high: 200, span: 40 });
 * // 'σ = 36600.0000 cm is larger than the whole span of the data (40.0000 cm)'
 * ```
 */
export function runawayReason(point: PathPoint, region: DataRegion): string | null {
  const { mu, sigma } = point;
  if (!Number.isFinite(mu) || !Number.isFinite(sigma) || !Number.isFinite(point.chi2)) {
    return `the parameters or χ² stopped being finite (μ = ${mu}, σ = ${sigma}, χ² = ${point.chi2})`;
  }
  if (!(sigma > 0)) return `σ = ${sigma.toFixed(4)} cm is not positive`;
  if (sigma > region.span) {
    return `σ = ${sigma.toFixed(4)} cm is larger than the whole span of the data (${region.span.toFixed(4)} cm)`;
  }
  if (mu < region.low - region.span || mu > region.high + region.span) {
    return `μ = ${mu.toFixed(4)} cm is more than one data span (${region.span.toFixed(4)} cm) outside the data (${region.low.toFixed(2)}–${region.high.toFixed(2)} cm)`;
  }
  return null;
}

/**
 * What {@link runMethod} needs besides the method.
 *
 * @example
 * ```ts
 * const settings: FitSettings = { start: [155, 6], aggression: 2000, steps: 50 };
 * ```
 */
export interface FitSettings {
  readonly start: readonly [number, number];
  readonly aggression: number;
  readonly steps: number;
}

function toPoint(step: GaussianFit['path'][number]): PathPoint {
  return { step: step.iteration, mu: step.mu, sigma: step.sigma, chi2: step.chiSquared };
}

/**
 * Runs one method with `fitGaussian` from `@slope/models` and judges the outcome: the run
 * diverged when `fitGaussian` says so or when it ended outside the data's region (see
 * {@link DataRegion}); a diverged run's best point is the lowest χ² seen inside the region.
 *
 * @example
 * ```ts
 * const { x, y, binWidth } = heights('course');
 * const run = runMethod(x, y, dataRegion(x, y, binWidth), 'steepest', { start: [155, 6], aggression: 2000, steps: 50 });
 * run.final; // { step: 50, mu: 178.5198…, sigma: 7.5499…, chi2: 4.39245…e-4 }
 * ```
 */
export function runMethod(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  region: DataRegion,
  method: MethodName,
  settings: FitSettings,
): MethodRun {
  const fit = fitGaussian(x, y, { method, start: settings.start, aggression: settings.aggression, steps: settings.steps });
  const path = fit.path.map(toPoint);
  const final = path[path.length - 1] ?? { step: 0, mu: fit.mu, sigma: fit.sigma, chi2: fit.chiSquared };
  const runaway = runawayReason(final, region);
  const diverged = fit.reason === 'diverged' || runaway != null;
  const inside = path.filter((p) => runawayReason(p, region) == null);
  const candidates = inside.length > 0 ? inside : path;
  const best = candidates.reduce((a, b) => (b.chi2 < a.chi2 ? b : a), candidates[0] ?? final);
  let message: string;
  if (runaway != null) {
    const left = path.find((p) => p.step > 0 && runawayReason(p, region) != null) ?? final;
    message = `diverged: left the data's region at step ${left.step}; at step ${final.step} ${runaway} (fitGaussian: '${fit.reason}')`;
  } else if (diverged) {
    message = `diverged after step ${final.step}: fitGaussian reports '${fit.reason}' (χ² not finite, σ ≤ 0, or a model that vanishes over every bin)`;
  } else {
    message = fit.converged ? `converged (${fit.reason}) after ${fit.iterations} iterations` : `stopped (${fit.reason}) after ${fit.iterations} iterations`;
  }
  return {
    method,
    path,
    iterations: fit.iterations,
    final,
    best: diverged ? best : final,
    converged: fit.converged && !diverged,
    diverged,
    reason: diverged ? 'diverged' : fit.reason,
    fitReason: fit.reason,
    message,
  };
}
