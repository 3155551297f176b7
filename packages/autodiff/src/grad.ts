import type { Tensor } from './tensor.js';
import { asTensor, full, type TensorLike } from './create.js';
import { backward } from './backward.js';
import { isOutermost, popTrace, pushTrace, withRecording } from './trace.js';
import { argnumList, checkOutput, makeLeaves, release, requireScalar } from './transform-args.js';
import { ShapeError, formatShape } from './shape-error.js';
import { sameShape } from './shape.js';
import { rejectUnknownOptions } from './options.js';
import { checkFunction, indexList } from './validate.js';

/**
 * A function of tensors returning a tensor, as the transformations accept it.
 *
 * @example
 * ```ts
 * const loss: TensorFunction = (w, x) => w.mul(x).sum();
 * ```
 */
export type TensorFunction = (...args: Tensor[]) => Tensor;

interface Evaluated {
  value: Tensor;
  aux: unknown;
  grads: Tensor[];
}

function evaluate(name: string, f: (...args: Tensor[]) => unknown, args: readonly TensorLike[], argnums: number | readonly number[], hasAux: boolean): Evaluated {
  const nums = argnumList(name, argnums, args.length);
  const trace = pushTrace('reverse');
  let value: Tensor;
  let aux: unknown;
  let leaves: Tensor[];
  try {
    const prepared = makeLeaves(args, nums, trace);
    leaves = prepared.leaves;
    const result = withRecording(() => f(...prepared.inputs));
    if (hasAux) {
      if (!Array.isArray(result) || result.length !== 2) {
        throw new TypeError(`${name}: with hasAux, f must return [value, aux], got ${Array.isArray(result) ? `an array of length ${result.length}` : typeof result}`);
      }
      value = checkOutput(name, result[0]);
      aux = result[1];
    } else {
      value = checkOutput(name, result);
    }
  } finally {
    popTrace(trace);
  }
  requireScalar(name, value);
  const grads = backward(value, full(value.shape, 1), leaves, trace.id);
  if (isOutermost()) return { value: release(value), aux: release(aux), grads };
  return { value, aux, grads };
}

function named<F extends object>(fn: F, name: string): F {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/**
 * Transforms `f` into a function returning the gradient of `f` with respect to argument
 * `argnums` (default 0), shaped like that argument; with a list of argnums it returns one
 * gradient per listed argument. `f` must return a scalar. Gradients of gradients work:
 * `grad(grad(f))`.
 *
 * @example
 * ```ts
 * const dtanh = grad((x) => tanh(x));
 * dtanh(1).item(); // 0.41997434161402614
 * grad(grad(grad((x) => tanh(x))))(1).item(); // 0.6216266807712961 (d³/dx³ tanh at 1)
 * grad((w, b) => w.mul(b).sum(), { argnums: [0, 1] })(tensor([1, 2]), tensor([3, 4])); // [[3, 4], [1, 2]]
 * ```
 */
export function grad(f: TensorFunction, opts?: { argnums?: number }): (...args: TensorLike[]) => Tensor;
export function grad(f: TensorFunction, opts: { argnums: readonly number[] }): (...args: TensorLike[]) => Tensor[];
export function grad(f: TensorFunction, opts?: { argnums?: number | readonly number[] }): (...args: TensorLike[]) => Tensor | Tensor[] {
  checkFunction('grad', 'f', f);
  rejectUnknownOptions('grad', opts, ['argnums']);
  const argnums = opts?.argnums ?? 0;
  indexList('grad', 'argnums', argnums);
  return named((...args: TensorLike[]) => {
    const { grads } = evaluate('grad', f, args, argnums, false);
    return typeof argnums === 'number' ? (grads[0] as Tensor) : grads;
  }, `grad(${f.name || 'f'})`);
}

/**
 * Like {@link grad} but returns `[value, grads]` from one evaluation of `f`. With
 * `hasAux`, `f` returns `[value, aux]`; aux is passed through untouched and the result
 * is `[[value, aux], grads]`.
 *
 * @example
 * ```ts
 * const [loss, g] = valueAndGrad((w) => w.square().sum())(tensor([1, 2]));
 * loss.item(); // 5
 * g.toArray(); // [2, 4]
 * ```
 */
export function valueAndGrad(f: TensorFunction, opts?: { argnums?: number; hasAux?: false }): (...args: TensorLike[]) => [Tensor, Tensor];
export function valueAndGrad(f: TensorFunction, opts: { argnums: readonly number[]; hasAux?: false }): (...args: TensorLike[]) => [Tensor, Tensor[]];
export function valueAndGrad<A>(f: (...args: Tensor[]) => readonly [Tensor, A], opts: { argnums?: number; hasAux: true }): (...args: TensorLike[]) => [[Tensor, A], Tensor];
export function valueAndGrad<A>(f: (...args: Tensor[]) => readonly [Tensor, A], opts: { argnums: readonly number[]; hasAux: true }): (...args: TensorLike[]) => [[Tensor, A], Tensor[]];
export function valueAndGrad(
  f: (...args: Tensor[]) => unknown,
  opts?: { argnums?: number | readonly number[]; hasAux?: boolean },
): (...args: TensorLike[]) => unknown {
  checkFunction('valueAndGrad', 'f', f);
  rejectUnknownOptions('valueAndGrad', opts, ['argnums', 'hasAux']);
  const argnums = opts?.argnums ?? 0;
  indexList('valueAndGrad', 'argnums', argnums);
  const hasAux = opts?.hasAux ?? false;
  if (typeof hasAux !== 'boolean') throw new TypeError(`valueAndGrad: option hasAux must be true or false, got ${typeof hasAux}`);
  return named((...args: TensorLike[]) => {
    const { value, aux, grads } = evaluate('valueAndGrad', f, args, argnums, hasAux);
    const g = typeof argnums === 'number' ? grads[0] : grads;
    return hasAux ? [[value, aux], g] : [value, g];
  }, `valueAndGrad(${f.name || 'f'})`);
}

/**
 * Evaluates `f` at `primals` and returns its output with the pullback `vjpFn`, which
 * maps a cotangent shaped like the output to one cotangent per primal (vᵀJ). `vjpFn`
 * may be called many times; it holds the recorded graph until it is dropped.
 *
 * @example
 * ```ts
 * const [out, vjpFn] = vjp((x) => x.square(), tensor([1, 2, 3]));
 * vjpFn(tensor([1, 0, 1]))[0].toArray(); // [2, 0, 6]
 * ```
 */
export function vjp(f: (...args: Tensor[]) => Tensor, ...primals: TensorLike[]): [out: Tensor, vjpFn: (cotangent: TensorLike) => Tensor[]] {
  checkFunction('vjp', 'f', f);
  const nums = primals.map((_, i) => i);
  const trace = pushTrace('reverse');
  let out: Tensor;
  let leaves: Tensor[];
  try {
    const prepared = makeLeaves(primals, nums, trace);
    leaves = prepared.leaves;
    out = checkOutput('vjp', withRecording(() => f(...prepared.inputs)));
  } finally {
    popTrace(trace);
  }
  const root = out;
  const vjpFn = (cotangent: TensorLike): Tensor[] => {
    const ct = asTensor(cotangent);
    if (ct.size !== root.size) {
      throw new ShapeError('vjp', `cotangent shape ${formatShape(ct.shape)} does not match output shape ${formatShape(root.shape)}`, [ct.shape, root.shape]);
    }
    const seed = sameShape(ct.shape, root.shape) ? ct : ct.reshape(root.shape);
    return backward(root, seed, leaves, trace.id);
  };
  return [isOutermost() ? release(out) : out, vjpFn];
}
