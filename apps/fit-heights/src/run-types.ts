import type { MethodName } from './options.js';

/**
 * One point of a fitting path: the parameters after `step` iterations and χ² there.
 *
 * @example
 * ```ts
 * const start: PathPoint = { step: 0, mu: 155, sigma: 6, chi2: 0.0323333 };
 * ```
 */
export interface PathPoint {
  readonly step: number;
  readonly mu: number;
  readonly sigma: number;
  readonly chi2: number;
}

/**
 * One method's fit, reduced to what the tables, plots and report need.
 *
 * @example
 * ```ts
 * const run: MethodRun = runMethod(x, y, region, 'steepest', { start: [155, 6], aggression: 2000, steps: 50 });
 * run.final.mu; // 178.5198…
 * ```
 */
export interface MethodRun {
  readonly method: MethodName;
  /** Every iterate, the start (step 0) first. */
  readonly path: readonly PathPoint[];
  /** Iterations performed. */
  readonly iterations: number;
  /** Where the run ended (on divergence, the last finite point of the path). */
  readonly final: PathPoint;
  /** The lowest χ² seen. */
  readonly best: PathPoint;
  readonly converged: boolean;
  readonly diverged: boolean;
  /** `'diverged'` when the app judged the run diverged, otherwise `fitReason`. */
  readonly reason: string;
  /** Why `fitGaussian` says the run stopped, in the optimiser's words. */
  readonly fitReason: string;
  /** One line for humans from the optimiser. */
  readonly message: string;
}
