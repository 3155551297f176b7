import { dot, norm } from './linalg.js';
import type { IterationState } from './types.js';

/**
 * Cosines of the angles between consecutive steps of a run. Values near −1 mean the path
 * zig-zags (steepest descent across a narrow valley); near +1, it walks straight.
 *
 * @example
 * ```ts
 * const r = steepestDescent(narrowValley, [10, 1], { step: 0.09 });
 * const zigzag = stepCosines(r.history).filter((c) => c < -0.5).length;
 * ```
 */
export function stepCosines(history: readonly IterationState[]): number[] {
  const steps = history.flatMap((s) => (s.step === undefined ? [] : [s.step]));
  const out: number[] = [];
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]!;
    const b = steps[i]!;
    const denominator = norm(a) * norm(b);
    out.push(denominator === 0 ? 0 : dot(a, b) / denominator);
  }
  return out;
}

/**
 * Total length of the path a run walked, Σ‖stepᵢ‖, to compare with the straight-line
 * distance from start to finish.
 *
 * @example
 * ```ts
 * pathLength(r.history) / Math.hypot(...r.x.map((v, i) => v - x0[i]));
 * ```
 */
export function pathLength(history: readonly IterationState[]): number {
  let total = 0;
  for (const s of history) if (s.step !== undefined) total += norm(s.step);
  return total;
}
