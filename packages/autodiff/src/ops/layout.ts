import { Tensor } from '../tensor.js';
import { asTensor, zeros, type TensorLike } from '../create.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { contiguousStrides, sameShape, sizeOf } from '../shape.js';
import { forEachRun } from '../kernels/strided.js';
import { record } from '../trace.js';
import { labelTraced, tracing, tracingAll } from '../jit/graph.js';

/**
 * The same values read with a new shape (row-major; one dimension may be −1 and is
 * inferred). Shares the data buffer.
 *
 * @example
 * ```ts
 * reshape(tensor([1, 2, 3, 4]), [2, -1]).toArray(); // [[1, 2], [3, 4]]
 * ```
 */
export function reshape(a: TensorLike, shape: readonly number[]): Tensor {
  const x = asTensor(a);
  const target = inferShape(x, shape);
  if (sameShape(target, x.shape)) return x;
  const graph = tracing(x);
  const out = graph == null ? new Tensor(x.data, target) : graph.apply('reshape', [x], target);
  return record(out, [x], {
    op: 'reshape',
    // Reshaping moves no value: the cotangent is read back in the input's shape.
    vjp: (ct) => [reshape(ct, x.shape)],
    jvp: ([t]) => reshape(t as Tensor, target),
  });
}

function inferShape(x: Tensor, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) {
    throw new TypeError(`reshape: shape must be an array of integers, got ${shape == null ? 'null' : typeof shape}`);
  }
  const free = shape.filter((d) => d === -1).length;
  const known = sizeOf(shape.filter((d) => d !== -1));
  const bad = free > 1 || shape.some((d) => !Number.isInteger(d) || d < -1) ||
    (free === 0 ? known !== x.size : known === 0 || x.size % known !== 0);
  if (bad) {
    throw new ShapeError('reshape', `cannot reshape ${formatShape(x.shape)} (${x.size} values) to ${formatShape(shape)}`, [x.shape, shape]);
  }
  return shape.map((d) => (d === -1 ? x.size / known : d));
}

/**
 * Permutes the axes: output axis i is input axis `axes[i]` (numpy's transpose). Without
 * `axes` the order is reversed, which is the matrix transpose for 2-D tensors.
 *
 * @example
 * ```ts
 * transpose(tensor([[1, 2, 3]])).toArray(); // [[1], [2], [3]]
 * transpose(zeros([2, 3, 4]), [0, 2, 1]).shape; // [2, 4, 3]
 * ```
 */
export function transpose(a: TensorLike, axes?: readonly number[]): Tensor {
  const x = asTensor(a);
  const perm = axes === undefined ? x.shape.map((_, i) => x.ndim - 1 - i) : checkAxes(x, axes);
  if (perm.every((p, i) => p === i)) return x;
  const shape = perm.map((p) => x.shape[p] as number);
  const graph = tracing(x);
  let out: Tensor;
  if (graph == null) {
    const own = contiguousStrides(x.shape);
    const src = perm.map((p) => own[p] as number);
    const data = new Float64Array(x.size);
    const xd = x.data;
    forEachRun(shape, src, contiguousStrides(shape), (ao, as, _bo, _bs, oo, n) => {
      for (let i = 0; i < n; i++) data[oo + i] = xd[ao + i * as] as number;
    });
    out = new Tensor(data, shape);
  } else {
    out = graph.apply('transpose', [x], shape, perm);
  }
  const inverse = new Array<number>(perm.length);
  perm.forEach((p, i) => { inverse[p] = i; });
  return record(out, [x], {
    op: 'transpose',
    vjp: (ct) => [transpose(ct, inverse)],
    jvp: ([t]) => transpose(t as Tensor, perm),
  });
}

function checkAxes(x: Tensor, axes: readonly number[]): number[] {
  const ok = Array.isArray(axes) && axes.length === x.ndim &&
    axes.every((p) => Number.isInteger(p) && p >= 0 && p < x.ndim) && new Set(axes).size === axes.length;
  if (!ok) {
    throw new ShapeError('transpose', `axes ${Array.isArray(axes) ? formatShape(axes) : String(axes)} are not a permutation of the ${x.ndim} axes of shape ${formatShape(x.shape)}`, [x.shape]);
  }
  return [...axes];
}

/** Swaps the last two axes (the matrix transpose of every matrix in a batch). */
export function matrixTranspose(x: Tensor): Tensor {
  const n = x.ndim;
  return transpose(x, x.shape.map((_, i) => (i < n - 2 ? i : i === n - 2 ? n - 1 : n - 2)));
}

/** A new tensor object with the same values, connected to `x` by the identity map. */
export function identity(x: Tensor): Tensor {
  const graph = tracing(x);
  const out = graph == null ? new Tensor(x.data, x.shape) : graph.alias(x);
  return record(out, [x], {
    op: 'identity',
    vjp: (ct) => [ct],
    jvp: ([t]) => t as Tensor,
  });
}

/** Elements [start, start + size(shape)) of `x`'s row-major data, read as `shape`. */
export function flatSlice(x: Tensor, start: number, shape: readonly number[]): Tensor {
  const n = sizeOf(shape);
  const graph = tracing(x);
  const out = graph == null ? new Tensor(x.data.slice(start, start + n), shape) : graph.apply('flatSlice', [x], shape, [start]);
  return record(out, [x], {
    op: 'flatSlice',
    vjp: (ct) => [flatPad(ct, start, x.shape)],
    jvp: ([t]) => flatSlice(t as Tensor, start, shape),
  });
}

/** A zero tensor of `shape` with `x`'s values written at flat offset `start`. */
export function flatPad(x: Tensor, start: number, shape: readonly number[]): Tensor {
  const graph = tracing(x);
  let out: Tensor;
  if (graph == null) {
    const data = new Float64Array(sizeOf(shape));
    data.set(x.data, start);
    out = new Tensor(data, shape);
  } else {
    out = graph.apply('flatPad', [x], shape, [start]);
  }
  return record(out, [x], {
    op: 'flatPad',
    vjp: (ct) => [flatSlice(ct, start, x.shape)],
    jvp: ([t]) => flatPad(t as Tensor, start, shape),
  });
}

/** Stacks equally shaped tensors along a new leading axis. */
export function stack(parts: readonly Tensor[], shape: readonly number[]): Tensor {
  const n = sizeOf(shape);
  parts.forEach((p, i) => {
    if (p.size !== n) {
      throw new ShapeError('stack', `part ${i} has shape ${formatShape(p.shape)}, expected ${formatShape(shape)}`, [p.shape, shape]);
    }
  });
  const outShape = [parts.length, ...shape];
  const graph = tracingAll(parts);
  let out: Tensor;
  if (graph == null) {
    const data = new Float64Array(parts.length * n);
    parts.forEach((p, i) => data.set(p.data, i * n));
    out = new Tensor(data, outShape);
  } else {
    out = graph.apply('stack', parts.map((p) => (sameShape(p.shape, shape) ? p : reshape(p, shape))), outShape);
  }
  return record(out, parts, {
    op: 'stack',
    vjp: (ct, needs) => parts.map((_, i) => (needs[i] ? flatSlice(ct, i * n, parts[i]?.shape ?? shape) : null)),
    jvp: (ts) => stack(ts.map((t, i) => t ?? zeros(parts[i]?.shape ?? shape)), shape),
  });
}

/**
 * Entry `i` along the first axis (numpy's `a[i]`): a scalar for a vector, a row for a
 * matrix. Negative `i` counts from the end, as in `Array.prototype.at`. Differentiable,
 * and traceable by jit (unlike reading `a.data[i]`).
 *
 * @example
 * ```ts
 * at(tensor([10, 20, 30]), -1).item(); // 30
 * at(tensor([[1, 2], [3, 4]]), 0).toArray(); // [1, 2]
 * ```
 */
export function at(a: TensorLike, i: number): Tensor {
  const x = asTensor(a);
  if (x.ndim === 0) throw new ShapeError('at', 'cannot index a scalar (shape [])', [x.shape]);
  const len = x.shape[0] as number;
  if (typeof i !== 'number' || !Number.isInteger(i) || i < -len || i >= len) {
    throw new RangeError(`at: index ${String(i)} is out of range for the first axis of shape ${formatShape(x.shape)} (expected an integer in [${-len}, ${len - 1}])`);
  }
  const rest = x.shape.slice(1);
  return labelTraced(flatSlice(x, (i < 0 ? i + len : i) * sizeOf(rest), rest), 'at');
}

/**
 * Entries [start, end) along the first axis (numpy's `a[start:end]`), with
 * `Array.prototype.slice` rules: negative positions count from the end, and positions
 * outside the axis are clamped. Differentiable and traceable by jit.
 *
 * @example
 * ```ts
 * slice(tensor([1, 2, 3, 4]), 1).toArray(); // [2, 3, 4]
 * slice(tensor([1, 2, 3, 4]), 0, -1).toArray(); // [1, 2, 3]
 * ```
 */
export function slice(a: TensorLike, start = 0, end?: number): Tensor {
  const x = asTensor(a);
  if (x.ndim === 0) throw new ShapeError('slice', 'cannot slice a scalar (shape [])', [x.shape]);
  const len = x.shape[0] as number;
  for (const [name, v] of [['start', start], ['end', end]] as const) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v))) {
      throw new TypeError(`slice: ${name} must be an integer, got ${typeof v === 'number' ? v : typeof v}`);
    }
  }
  const clamp = (p: number): number => Math.min(len, Math.max(0, p < 0 ? p + len : p));
  const from = clamp(start);
  const to = Math.max(from, end === undefined ? len : clamp(end));
  if (from === 0 && to === len) return x;
  const rest = x.shape.slice(1);
  return labelTraced(flatSlice(x, from * sizeOf(rest), [to - from, ...rest]), 'slice');
}
