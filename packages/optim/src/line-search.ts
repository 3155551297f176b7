import type { Point } from './descent.js';
import { moved } from './descent.js';
import type { ScalarEvaluator } from './evaluate.js';
import { dot } from './linalg.js';

export interface ArmijoOptions {
  /** c₁ in f(x + t·d) ≤ f(x) + c₁·t·∇f·d. */
  readonly sufficientDecrease: number;
  /** Factor applied to t after each rejected trial. */
  readonly shrink: number;
  readonly maxTrials: number;
}

/**
 * Backtracking (Armijo) along d from t = initial. Returns the accepted point, t, and whether
 * t had to be cut below `initial`; or undefined when d is not a descent direction or no trial
 * decreased f enough.
 */
export function armijo(
  ev: ScalarEvaluator,
  from: Point,
  direction: Float64Array,
  initial: number,
  { sufficientDecrease, shrink, maxTrials }: ArmijoOptions,
): (Point & { stepSize: number; shortened: boolean }) | undefined {
  const slope = dot(from.gradient, direction);
  if (!(slope < 0)) return undefined;
  let t = initial;
  for (let trial = 0; trial < maxTrials; trial++) {
    const x = moved(from.x, direction, t);
    const { value, gradient } = ev.valueAndGradient(x);
    if (Number.isFinite(value) && value <= from.value + sufficientDecrease * t * slope) return { x, value, gradient, stepSize: t, shortened: trial > 0 };
    t *= shrink;
  }
  return undefined;
}
