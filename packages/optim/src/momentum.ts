import { descentLoop } from './descent.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, Objective, OptimizationResult } from './types.js';
import { positiveNumber, unitInterval } from './validate.js';

/**
 * Options for {@link momentum}.
 *
 * @example
 * ```ts
 * const opts: MomentumOptions = { step: 0.01, beta: 0.9 };
 * ```
 */
export interface MomentumOptions extends DescentOptions {
  /** Learning rate γ. Default 0.01. */
  readonly step?: number;
  /** Momentum β in [0, 1). Default 0.9. */
  readonly beta?: number;
}

/**
 * Heavy-ball momentum, `v ← βv − γ∇f(x); x ← x + v`, one state per update.
 *
 * @example
 * ```ts
 * const run = momentumSteps((x) => x.square().sum(), [3, 4], { step: 0.05 });
 * const first10 = [...run].slice(0, 10);
 * ```
 */
export function momentumSteps(f: Objective, x0: ArrayLike<number>, options: MomentumOptions = {}): OptimizationRun {
  const method = 'momentum';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, ['step', 'beta']);
  const step = positiveNumber(method, 'step', options.step, 0.01);
  const beta = unitInterval(method, 'beta', options.beta, 0.9);
  const velocity = new Float64Array(start.length);
  const gen = descentLoop(tracker, ev, start, opts, (current) => {
    const x = new Float64Array(current.x.length);
    for (let i = 0; i < x.length; i++) {
      velocity[i] = beta * velocity[i]! - step * current.gradient[i]!;
      x[i] = current.x[i]! + velocity[i]!;
    }
    return { x, ...ev.valueAndGradient(x) };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f by gradient descent with heavy-ball momentum.
 *
 * @example
 * ```ts
 * const r = momentum((x) => x.square().sum(), [3, 4], { step: 0.05, beta: 0.8 });
 * r.converged; // true
 * ```
 */
export function momentum(f: Objective, x0: ArrayLike<number>, options: MomentumOptions = {}): OptimizationResult {
  return momentumSteps(f, x0, options).finish();
}
