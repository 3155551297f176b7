import { ShapeError, formatShape } from './shape-error.js';
import { sizeOf } from './shape.js';
import { Tensor } from './tensor.js';

/**
 * Anything {@link tensor} accepts: a number, nested arrays, a Float64Array or a Tensor.
 *
 * @example
 * ```ts
 * const xs: TensorLike[] = [3, [1, 2], [[1, 2], [3, 4]], Float64Array.of(1, 2)];
 * ```
 */
export type TensorLike = Tensor | number | readonly number[] | readonly (readonly number[])[] | Float64Array;

function flatten(values: unknown, where: string): { data: number[]; shape: number[] } {
  if (typeof values === 'number') return { data: [values], shape: [] };
  if (!Array.isArray(values)) {
    throw new TypeError(`tensor: ${where} must be a number or an array of numbers, got ${typeof values}`);
  }
  if (values.length === 0) return { data: [], shape: [0] };
  const parts = values.map((v, i) => flatten(v, `${where}[${i}]`));
  const inner = (parts[0] as { shape: number[] }).shape;
  const data: number[] = [];
  for (const [i, p] of parts.entries()) {
    if (p.shape.length !== inner.length || p.shape.some((d, j) => d !== inner[j])) {
      throw new ShapeError('tensor', `ragged nested array: ${where}[${i}] has shape ${formatShape(p.shape)}, expected ${formatShape(inner)}`, [p.shape, inner]);
    }
    for (const x of p.data) data.push(x);
  }
  return { data, shape: [values.length, ...inner] };
}

/**
 * Creates a tensor from a number, nested arrays, a Float64Array (copied) or a Tensor
 * (returned as is, or reshaped when `shape` is given). With `shape`, the values are read
 * in row-major order and their count must match.
 *
 * @example
 * ```ts
 * tensor([[1, 2, 3], [4, 5, 6]]).shape; // [2, 3]
 * tensor([1, 2, 3, 4], [2, 2]).toArray(); // [[1, 2], [3, 4]]
 * ```
 */
export function tensor(values: TensorLike, shape?: readonly number[]): Tensor {
  let t: Tensor;
  if (values instanceof Tensor) {
    if (shape === undefined) return values;
    t = values;
  } else if (values instanceof Float64Array) {
    t = new Tensor(Float64Array.from(values), [values.length]);
  } else {
    const flat = flatten(values, 'values');
    t = new Tensor(Float64Array.from(flat.data), flat.shape);
  }
  if (shape === undefined) return t;
  if (sizeOf(shape) !== t.size) {
    throw new ShapeError('tensor', `cannot read ${t.size} values as shape ${formatShape(shape)}`, [t.shape, shape]);
  }
  return values instanceof Tensor ? t.reshape(shape) : new Tensor(t.data, shape);
}

/**
 * A shape-`[]` tensor holding `x`.
 *
 * @example
 * ```ts
 * scalar(3).item(); // 3
 * ```
 */
export function scalar(x: number): Tensor {
  return new Tensor(Float64Array.of(x), []);
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * ```ts
 * full([2], 7).toArray(); // [7, 7]
 * ```
 */
export function full(shape: readonly number[], value: number): Tensor {
  const t = new Tensor(new Float64Array(sizeOf(shape)), shape);
  if (value !== 0) t.data.fill(value);
  return t;
}

/**
 * A tensor of zeros.
 *
 * @example
 * ```ts
 * zeros([2, 2]).toArray(); // [[0, 0], [0, 0]]
 * ```
 */
export function zeros(shape: readonly number[]): Tensor {
  return full(shape, 0);
}

/**
 * A tensor of ones.
 *
 * @example
 * ```ts
 * ones([3]).toArray(); // [1, 1, 1]
 * ```
 */
export function ones(shape: readonly number[]): Tensor {
  return full(shape, 1);
}

/** Coerces an op operand; numbers become scalars. */
export function asTensor(x: TensorLike): Tensor {
  return x instanceof Tensor ? x : typeof x === 'number' ? scalar(x) : tensor(x);
}
