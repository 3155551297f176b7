import type { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { equalRun, greaterEqualRun, greaterRun, lessEqualRun, lessRun } from '../kernels/elementwise.js';
import { compute } from './binary.js';

// Comparisons give 1 where the relation holds and 0 elsewhere (NaN compares false). They
// are piecewise constant, so nothing is recorded: gradients do not flow through them.
// Use them to build masks for `where`.

/**
 * [a > b] elementwise as 1/0, with numpy broadcasting (no gradient flows through it).
 *
 * @example
 * ```ts
 * greater(tensor([1, 2, 3]), 2).toArray(); // [0, 0, 1]
 * ```
 */
export function greater(a: TensorLike, b: TensorLike): Tensor {
  return compute('greater', asTensor(a), asTensor(b), greaterRun);
}

/**
 * [a ≥ b] elementwise as 1/0, with numpy broadcasting (no gradient flows through it).
 *
 * @example
 * ```ts
 * greaterEqual(tensor([1, 2, 3]), 2).toArray(); // [0, 1, 1]
 * ```
 */
export function greaterEqual(a: TensorLike, b: TensorLike): Tensor {
  return compute('greaterEqual', asTensor(a), asTensor(b), greaterEqualRun);
}

/**
 * [a < b] elementwise as 1/0, with numpy broadcasting (no gradient flows through it).
 *
 * @example
 * ```ts
 * less(tensor([1, 2, 3]), 2).toArray(); // [1, 0, 0]
 * ```
 */
export function less(a: TensorLike, b: TensorLike): Tensor {
  return compute('less', asTensor(a), asTensor(b), lessRun);
}

/**
 * [a ≤ b] elementwise as 1/0, with numpy broadcasting (no gradient flows through it).
 *
 * @example
 * ```ts
 * lessEqual(tensor([1, 2, 3]), 2).toArray(); // [1, 1, 0]
 * ```
 */
export function lessEqual(a: TensorLike, b: TensorLike): Tensor {
  return compute('lessEqual', asTensor(a), asTensor(b), lessEqualRun);
}

/**
 * [a = b] elementwise as 1/0, with numpy broadcasting (no gradient flows through it).
 *
 * @example
 * ```ts
 * equal(tensor([1, 2, 3]), 2).toArray(); // [0, 1, 0]
 * ```
 */
export function equal(a: TensorLike, b: TensorLike): Tensor {
  return compute('equal', asTensor(a), asTensor(b), equalRun);
}
