/**
 * A tensor as `@slope/autodiff` makes it: row-major values and a shape. Matched by shape, not
 * by class, so a `Tensor` from any copy of `@slope/autodiff` is recognised.
 *
 * @example
 * ```ts
 * import { tensor } from '@slope/autodiff';
 * const x: TensorLike = tensor([0, 0.25, 0.5], [1, 3]);
 * ```
 */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** True for a tensor-shaped object: an array `shape` of sizes and array-like `data` of that size. */
export function isTensorLike(value: unknown): value is TensorLike {
  if (value == null || typeof value !== 'object') return false;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  if (!Array.isArray(shape) || data == null || typeof (data as { length?: unknown }).length !== 'number') return false;
  let size = 1;
  for (const d of shape as unknown[]) {
    if (!(typeof d === 'number' && Number.isInteger(d) && d >= 0)) return false;
    size *= d;
  }
  return size === (data as ArrayLike<number>).length;
}

/** True for an array, typed array or other object with a numeric `length` (strings excluded). */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return value != null && typeof value === 'object' && typeof (value as { length?: unknown }).length === 'number';
}

/** How a value that is none of the accepted forms reads in a message. */
export function describeInput(value: unknown): string {
  if (value == null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return `${typeof value} ${String(value)}`;
}

/**
 * `value` as a list of numbers: an array or typed array as it is, or the values of a tensor
 * with at most one dimension longer than 1 (`[n]`, `[1, n]`, `[n, 1]`).
 *
 * @throws TypeError naming the argument and the accepted forms, for anything else.
 */
export function toVector(where: string, argument: string, value: unknown): ArrayLike<number> {
  if (isTensorLike(value)) {
    const long = value.shape.filter((d) => d > 1);
    if (long.length <= 1) return value.data;
    throw new TypeError(
      `${where}: ${argument} is a tensor of shape [${value.shape.join(', ')}]; expected a vector: a number[], a Float64Array or a tensor of shape [n], [1, n] or [n, 1]`,
    );
  }
  if (isArrayLike(value)) return value as ArrayLike<number>;
  throw new TypeError(`${where}: ${argument} is ${describeInput(value)}; expected a number[], a Float64Array or a tensor of shape [n]`);
}
