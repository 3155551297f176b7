import { ShapeError, formatShape } from './shape-error.js';
import { MAX_DIMENSIONS, checkShape, sizeOf } from './shape.js';
import { Tensor } from './tensor.js';
import { describeValue } from './validate.js';

/**
 * Anything {@link tensor} accepts: a number, nested arrays, a Float64Array or a Tensor.
 *
 * @example
 * ```ts
 * const xs: TensorLike[] = [3, [1, 2], [[1, 2], [3, 4]], Float64Array.of(1, 2)];
 * ```
 */
export type TensorLike = Tensor | number | NestedNumbers | Float64Array;

/**
 * Numbers nested to any depth (`[[[1, 2]], [[3, 4]]]`); every level must be rectangular,
 * which {@link tensor} checks.
 *
 * @example
 * ```ts
 * const cube: NestedNumbers = [[[1, 2]], [[3, 4]]];
 * ```
 */
export type NestedNumbers = readonly (number | NestedNumbers)[];

/** A bad value for messages; a hole in a sparse array reads as undefined. */
function describe(v: unknown): string {
  return v === undefined ? 'undefined (a hole or missing entry)' : describeValue(v);
}

function pathOf(flat: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    idx.unshift(flat % n);
    flat = Math.floor(flat / n);
  }
  return `values${idx.map((i) => `[${i}]`).join('')}`;
}

/**
 * Reads nested arrays level by level (no recursion, so deep nesting cannot overflow the
 * stack); every array on one level must have the same length and hold only numbers or
 * only arrays. Holes and non-numbers are named by their position.
 */
function flatten(values: unknown): { data: number[] | Float64Array; shape: number[] } {
  if (typeof values === 'number') return { data: [values], shape: [] };
  if (!Array.isArray(values)) {
    throw new TypeError(`tensor: values must be a number, an array of numbers or a Float64Array, got ${describe(values)}`);
  }
  const shape: number[] = [];
  let level: unknown[] = [values];
  for (;;) {
    const len = (level[0] as unknown[]).length;
    shape.push(len);
    if (shape.length > MAX_DIMENSIONS) {
      throw new ShapeError('tensor', `values are nested more than ${MAX_DIMENSIONS} deep; at most ${MAX_DIMENSIONS} dimensions are supported`, []);
    }
    const outer = shape.slice(0, -1);
    const next: unknown[] = new Array<unknown>(level.length * len);
    for (let p = 0; p < level.length; p++) {
      const arr = level[p] as unknown[];
      if (arr.length !== len) {
        throw new ShapeError('tensor', `ragged nested array: ${pathOf(p, outer)} has length ${arr.length}, expected ${len}`, []);
      }
      for (let j = 0; j < len; j++) next[p * len + j] = arr[j];
    }
    if (next.length === 0) return { data: [], shape };
    const nested = Array.isArray(next[0]);
    for (let q = 0; q < next.length; q++) {
      const v = next[q];
      if (nested ? !Array.isArray(v) : typeof v !== 'number') {
        if (Array.isArray(v) || typeof v === 'number') {
          throw new ShapeError('tensor', `ragged nested array: ${pathOf(q, shape)} is ${Array.isArray(v) ? 'an array' : 'a number'} where ${nested ? 'an array' : 'a number'} was expected`, []);
        }
        throw new TypeError(`tensor: ${pathOf(q, shape)} is ${describe(v)}; expected a number`);
      }
    }
    if (!nested) return { data: next as number[], shape };
    level = next;
  }
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
    const flat = flatten(values);
    checkShape('tensor', flat.shape);
    t = new Tensor(Float64Array.from(flat.data), flat.shape);
  }
  if (shape === undefined) return t;
  checkShape('tensor', shape);
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
  if (typeof x !== 'number') throw new TypeError(`scalar: x must be a number, got ${describe(x)}`);
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
  checkShape('full', shape);
  if (typeof value !== 'number') throw new TypeError(`full: value must be a number, got ${describe(value)}`);
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
  checkShape('zeros', shape);
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
  checkShape('ones', shape);
  return full(shape, 1);
}

/** Coerces an op operand; numbers become scalars. */
export function asTensor(x: TensorLike): Tensor {
  return x instanceof Tensor ? x : typeof x === 'number' ? scalar(x) : tensor(x);
}
