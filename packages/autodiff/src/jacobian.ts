import type { Tensor } from './tensor.js';
import { asTensor, zeros, type TensorLike } from './create.js';
import { vjp, grad } from './grad.js';
import { jvp } from './jvp.js';
import { stack } from './ops/layout.js';
import { reshape } from './ops/layout.js';

function basis(shape: readonly number[], i: number): Tensor {
  const e = zeros(shape);
  e.data[i] = 1;
  return e;
}

/**
 * Transforms `f` into a function returning its Jacobian at `x`, shaped
 * `[...out.shape, ...x.shape]` (reverse mode: one pullback per output element).
 *
 * @example
 * ```ts
 * jacobian((x) => x.square())(tensor([1, 2])).toArray(); // [[2, 0], [0, 4]]
 * ```
 */
export function jacobian(f: (x: Tensor) => Tensor): (x: TensorLike) => Tensor {
  return (x: TensorLike) => {
    const xs = asTensor(x);
    const [out, pullback] = vjp(f, xs);
    const rows: Tensor[] = [];
    for (let i = 0; i < out.size; i++) rows.push(pullback(basis(out.shape, i))[0] as Tensor);
    return reshape(stack(rows, xs.shape), [...out.shape, ...xs.shape]);
  };
}

/**
 * How {@link hessian} composes the two modes.
 *
 * @example
 * ```ts
 * hessian((x) => x.pow(3).sum(), { mode: 'reverse-over-reverse' });
 * ```
 */
export interface HessianOptions {
  /** `'forward-over-reverse'` (default: one jvp of the gradient per input element) or `'reverse-over-reverse'`. */
  mode?: 'forward-over-reverse' | 'reverse-over-reverse';
}

/**
 * Transforms a scalar-valued `f` into a function returning its Hessian at `x`, shaped
 * `[...x.shape, ...x.shape]`. By default forward-over-reverse (jvp of grad), which agrees
 * with reverse-over-reverse (jacobian of grad).
 *
 * @example
 * ```ts
 * hessian((x) => x.pow(3).sum())(tensor([1, 2])).toArray(); // [[6, 0], [0, 12]]
 * ```
 */
export function hessian(f: (x: Tensor) => Tensor, opts: HessianOptions = {}): (x: TensorLike) => Tensor {
  const mode = opts.mode ?? 'forward-over-reverse';
  if (mode !== 'forward-over-reverse' && mode !== 'reverse-over-reverse') {
    throw new RangeError(`hessian: option mode is ${String(mode)}, expected 'forward-over-reverse' or 'reverse-over-reverse'`);
  }
  const g = grad(f);
  if (mode === 'reverse-over-reverse') return jacobian(g);
  return (x: TensorLike) => {
    const xs = asTensor(x);
    const columns: Tensor[] = [];
    for (let i = 0; i < xs.size; i++) columns.push(jvp(g, [xs], [basis(xs.shape, i)])[1]);
    return reshape(stack(columns, xs.shape), [...xs.shape, ...xs.shape]);
  };
}
