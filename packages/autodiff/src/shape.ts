import { ShapeError, formatShape } from './shape-error.js';

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
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = new Set<number>();
  for (const ax of list) {
    if (!Number.isInteger(ax) || ax < -rank || ax >= rank) {
      throw new ShapeError(op, `axis ${ax} is out of range for shape ${formatShape(shape)}`, [shape]);
    }
    out.add(ax < 0 ? ax + rank : ax);
  }
  return [...out].sort((x, y) => x - y);
}
