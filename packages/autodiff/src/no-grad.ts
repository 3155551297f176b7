import { withNoGrad } from './trace.js';
import { checkFunction } from './validate.js';

/**
 * Runs `fn` without recording: ops inside return plain tensors that no enclosing
 * transformation differentiates (a stop-gradient for everything computed in `fn`).
 * Transformations called inside `fn` (`grad`, `jvp`, …) still work normally.
 *
 * @example
 * ```ts
 * grad((x) => x.mul(noGrad(() => x.mul(3))))(2).item(); // 6 (the inner 3x is a constant)
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction('noGrad', 'fn', fn);
  return withNoGrad(fn);
}
