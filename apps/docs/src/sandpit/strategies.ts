/** A 2-vector. */
export type Vec2 = readonly [number, number];
/** A symmetric 2×2 matrix. */
export type Mat2 = readonly [Vec2, Vec2];

/** The "Gradient descent in a sandpit" lab's `next_step(f, J, H)` strategies (COURSE.md §3.2). */
export const STRATEGY_NAMES = ['steepest', 'newton', 'hybrid', 'right'] as const;

/** One of {@link STRATEGY_NAMES}. */
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** The lab's step size for steepest descent, its "aggression". */
export const AGGRESSION = 0.5;

function newtonStep(J: Vec2, H: Mat2): Vec2 | undefined {
  const [[a, b], [, d]] = H;
  const det = a * d - b * b;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return undefined;
  // −H⁻¹J for a symmetric 2×2 H.
  return [-(d * J[0] - b * J[1]) / det, -(-b * J[0] + a * J[1]) / det];
}

/**
 * The step a strategy takes from a point with Jacobian J and Hessian H (of the depth).
 * 'right' goes one metre in +x; 'steepest' is −0.5 J; 'newton' is −H⁻¹J (which is just as
 * happy to climb to a maximum); 'hybrid' takes the Newton step unless it points uphill or is
 * longer than 2, and then falls back to −0.5 J.
 *
 * @example
 * ```ts
 * nextStep('steepest', [2, 0], [[1, 0], [0, 1]]); // [-1, 0]
 * ```
 */
export function nextStep(strategy: StrategyName, J: Vec2, H: Mat2): Vec2 {
  const steepest: Vec2 = [-AGGRESSION * J[0], -AGGRESSION * J[1]];
  switch (strategy) {
    case 'right':
      return [1, 0];
    case 'steepest':
      return steepest;
    case 'newton':
      return newtonStep(J, H) ?? steepest;
    case 'hybrid': {
      const s = newtonStep(J, H);
      if (s === undefined || -(s[0] * J[0] + s[1] * J[1]) <= 0 || Math.hypot(s[0], s[1]) > 2) return steepest;
      return s;
    }
    default:
      throw new RangeError(`nextStep: unknown strategy ${JSON.stringify(strategy)}; expected one of ${STRATEGY_NAMES.join(', ')}`);
  }
}
