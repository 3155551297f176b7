import { descentLoop } from './descent.js';
import { OptimizationRun } from './run.js';
import { scalarSetup } from './setup.js';
import type { DescentOptions, Objective, OptimizationResult } from './types.js';
import { positiveNumber, unitInterval } from './validate.js';

/**
 * Options for {@link adam}.
 *
 * @example
 * ```ts
 * const opts: AdamOptions = { step: 0.1, beta1: 0.9, beta2: 0.999 };
 * ```
 */
export interface AdamOptions extends DescentOptions {
  /** Learning rate α. Default 0.001. */
  readonly step?: number;
  /** First-moment decay β₁ in [0, 1). Default 0.9. */
  readonly beta1?: number;
  /** Second-moment decay β₂ in [0, 1). Default 0.999. */
  readonly beta2?: number;
  /** ε added to √v̂. Default 1e-8. */
  readonly epsilon?: number;
}

/**
 * Adam (Kingma & Ba 2015) with bias-corrected moments, one state per update.
 *
 * @example
 * ```ts
 * for (const s of adamSteps((x) => x.square().sum(), [3, 4], { step: 0.1 })) if (s.value < 1e-3) break;
 * ```
 */
export function adamSteps(f: Objective, x0: ArrayLike<number>, options: AdamOptions = {}): OptimizationRun {
  const method = 'adam';
  const { x0: start, ev, tracker, opts } = scalarSetup(method, f, x0, options, ['step', 'beta1', 'beta2', 'epsilon']);
  const step = positiveNumber(method, 'step', options.step, 0.001);
  const beta1 = unitInterval(method, 'beta1', options.beta1, 0.9);
  const beta2 = unitInterval(method, 'beta2', options.beta2, 0.999);
  const epsilon = positiveNumber(method, 'epsilon', options.epsilon, 1e-8);
  const m = new Float64Array(start.length);
  const v = new Float64Array(start.length);
  const gen = descentLoop(tracker, ev, start, opts, (current, t) => {
    const x = new Float64Array(current.x.length);
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let i = 0; i < x.length; i++) {
      const g = current.gradient[i]!;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      x[i] = current.x[i]! - (step * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon);
    }
    return { x, ...ev.valueAndGradient(x) };
  });
  return new OptimizationRun(gen, tracker);
}

/**
 * Minimises f with Adam.
 *
 * @example
 * ```ts
 * const r = adam((x) => x.square().sum(), [3, 4], { step: 0.1, maxIterations: 2000 });
 * r.value < 1e-6; // true
 * ```
 */
export function adam(f: Objective, x0: ArrayLike<number>, options: AdamOptions = {}): OptimizationResult {
  return adamSteps(f, x0, options).finish();
}
