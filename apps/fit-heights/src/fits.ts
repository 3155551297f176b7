import { fitGaussian, fitRunaway, type DataRegion, type GaussianFit } from '@slope/models';
import type { MethodName } from './options.js';
import type { MethodRun, PathPoint } from './run-types.js';

/**
 * Why `point` lies outside the region where a Gaussian can describe the histogram, or null:
 * `@slope/models`' one judge, `fitRunaway`, which `fitGaussian` and the docs site use too.
 *
 * @example
 * ```ts
 * runawayReason(x, dataRegion(x, y), { step: 1, mu: 4785, sigma: 36600, chi2: 0.015 });
 * // 'σ = 36600.0000 cm is larger than the whole span of the data (40.0000 cm)'
 * ```
 */
export function runawayReason(x: ArrayLike<number>, region: DataRegion, point: PathPoint): string | null {
  return fitRunaway(x, region, { mu: point.mu, sigma: point.sigma, chiSquared: point.chi2 });
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
 * const { x, y } = heights('course');
 * const run = runMethod(x, y, dataRegion(x, y), 'steepest', { start: [155, 6], aggression: 2000, steps: 50 });
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
  const runaway = runawayReason(x, region, final);
  const diverged = fit.reason === 'diverged' || runaway != null;
  const inside = path.filter((p) => runawayReason(x, region, p) == null);
  const candidates = inside.length > 0 ? inside : path;
  const best = candidates.reduce((a, b) => (b.chi2 < a.chi2 ? b : a), candidates[0] ?? final);
  let message: string;
  if (runaway != null) {
    const left = path.find((p) => p.step > 0 && runawayReason(x, region, p) != null) ?? final;
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
