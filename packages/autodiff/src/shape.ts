import { ShapeError, formatShape } from './shape-error.js';
import { describeValue } from './validate.js';

/** The largest number of elements one tensor may hold: 2²⁸ float64 values (2 GiB). */
export const MAX_ELEMENTS = 2 ** 28;
/** The most dimensions a tensor may have (numpy 2 allows 64 as well). */
export const MAX_DIMENSIONS = 64;

/**
 * Checks that `shape` is an array of non-negative integers with at most
 * {@link MAX_DIMENSIONS} entries and at most {@link MAX_ELEMENTS} elements in all, so a
 * bad shape fails here with its name instead of deep inside a typed-array constructor.
 */
export function checkShape(op: string, shape: unknown): asserts shape is readonly number[] {
  if (!Array.isArray(shape)) {
    throw new TypeError(`${op}: shape must be an array of non-negative integers, got ${describe(shape)}`);
  }
  if (shape.length > MAX_DIMENSIONS) {
    throw new ShapeError(op, `shape has ${shape.length} dimensions; at most ${MAX_DIMENSIONS} are supported`, []);
  }
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(op, `dimension ${i} of shape ${formatShape(shape as number[])} is ${describe(d)}; expected a non-negative integer`, []);
    }
    size *= d;
  }
  if (size > MAX_ELEMENTS) {
    throw new ShapeError(op, `shape ${formatShape(shape)} has ${size} elements; at most ${MAX_ELEMENTS} (2 GiB of float64) are supported`, [shape]);
  }
}

/** A bad shape entry for messages: a number as itself, anything else described. */
function describe(v: unknown): string {
  return typeof v === 'number' ? String(v) : describeValue(v);
}

/** Number of elements of a shape (1 for the scalar shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous tensor. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** numpy broadcasting: align trailing dimensions; each pair must be equal or contain a 1. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(op, `cannot broadcast shapes ${formatShape(a)} and ${formatShape(b)}`, [a, b]);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Strides that read a tensor of `shape` as if it had the (broadcast) shape `target`:
 * missing leading dimensions and stretched size-1 dimensions get stride 0.
 */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = contiguousStrides(shape);
  const offset = target.length - shape.length;
  const strides = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) {
    strides[i + offset] = shape[i] === 1 && target[i + offset] !== 1 ? 0 : (own[i] as number);
  }
  return strides;
}

/** Normalises `axis` (number, list, negative indices allowed) to sorted unique axes. */
export function normalizeAxes(op: string, axis: number | readonly number[] | undefined, shape: readonly number[]): number[] {
  const rank = shape.length;
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  if (typeof axis !== 'number' && !Array.isArray(axis)) {
    throw new TypeError(`${op}: axis must be an integer or an array of integers, got ${describe(axis)}`);
  }
  const list: unknown[] = typeof axis === 'number' ? [axis] : [...axis];
  const out = new Set<number>();
  for (const ax of list) {
    if (typeof ax !== 'number') {
      throw new TypeError(`${op}: axis must be an integer or an array of integers, got ${Array.isArray(axis) ? 'an array containing ' : ''}${describe(ax)}`);
    }
    if (!Number.isInteger(ax) || ax < -rank || ax >= rank) {
      throw new ShapeError(op, `axis ${ax} is out of range for shape ${formatShape(shape)}`, [shape]);
    }
    out.add(ax < 0 ? ax + rank : ax);
  }
  return [...out].sort((x, y) => x - y);
}
