import type { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { normalizeAxes } from '../shape.js';
import { sumTo } from './broadcast.js';
import { reshape } from './layout.js';
import { div } from './binary.js';
import { labelTraced } from '../jit/graph.js';

/**
 * Sum over `axis` (a number, a list, negative counts from the end; all axes when
 * omitted). The summed axes are removed unless `keepDims`.
 *
 * @example
 * ```ts
 * sum(tensor([[1, 2], [3, 4]])).item(); // 10
 * sum(tensor([[1, 2], [3, 4]]), 0).toArray(); // [4, 6]
 * ```
 */
export function sum(a: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const x = asTensor(a);
  const axes = normalizeAxes('sum', axis, x.shape);
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  if (axes.length === 0) return x;
  const s = sumTo(x, kept);
  return labelTraced(keepDims ? s : reshape(s, x.shape.filter((_, i) => !axes.includes(i))), 'sum');
}

/**
 * Mean over `axis` (all axes when omitted), like {@link sum} divided by the count.
 *
 * @example
 * ```ts
 * mean(tensor([1, 2, 3, 4])).item(); // 2.5
 * ```
 */
export function mean(a: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const x = asTensor(a);
  const axes = normalizeAxes('mean', axis, x.shape);
  let count = 1;
  for (const ax of axes) count *= x.shape[ax] as number;
  return labelTraced(div(sum(x, axes, keepDims), count), 'mean');
}
