import { Tensor } from '../tensor.js';
import { asTensor, zeros, type TensorLike } from '../create.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { contiguousStrides, sameShape, sizeOf } from '../shape.js';
import { forEachRun } from '../kernels/strided.js';
import { record } from '../trace.js';

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
  const out = new Tensor(x.data, target);
  return record(out, [x], {
    op: 'reshape',
    // Reshaping moves no value: the cotangent is read back in the input's shape.
    vjp: (ct) => [reshape(ct, x.shape)],
    jvp: ([t]) => reshape(t as Tensor, target),
  });
}

function inferShape(x: Tensor, shape: readonly number[]): number[] {
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
 * Reverses the axes (the matrix transpose for 2-D tensors).
 *
 * @example
 * ```ts
 * transpose(tensor([[1, 2, 3]])).toArray(); // [[1], [2], [3]]
 * ```
 */
export function transpose(a: TensorLike): Tensor {
  const x = asTensor(a);
  if (x.ndim < 2) return x;
  const shape = [...x.shape].reverse();
  const src = contiguousStrides(x.shape).reverse();
  const data = new Float64Array(x.size);
  const xd = x.data;
  forEachRun(shape, src, contiguousStrides(shape), (ao, as, _bo, _bs, oo, n) => {
    for (let i = 0; i < n; i++) data[oo + i] = xd[ao + i * as] as number;
  });
  const out = new Tensor(data, shape);
  return record(out, [x], {
    op: 'transpose',
    vjp: (ct) => [transpose(ct)],
    jvp: ([t]) => transpose(t as Tensor),
  });
}

/** A new tensor object with the same values, connected to `x` by the identity map. */
export function identity(x: Tensor): Tensor {
  return record(new Tensor(x.data, x.shape), [x], {
    op: 'identity',
    vjp: (ct) => [ct],
    jvp: ([t]) => t as Tensor,
  });
}

/** Elements [start, start + size(shape)) of `x`'s row-major data, read as `shape`. */
export function flatSlice(x: Tensor, start: number, shape: readonly number[]): Tensor {
  const n = sizeOf(shape);
  const out = new Tensor(x.data.slice(start, start + n), shape);
  return record(out, [x], {
    op: 'flatSlice',
    vjp: (ct) => [flatPad(ct, start, x.shape)],
    jvp: ([t]) => flatSlice(t as Tensor, start, shape),
  });
}

/** A zero tensor of `shape` with `x`'s values written at flat offset `start`. */
export function flatPad(x: Tensor, start: number, shape: readonly number[]): Tensor {
  const data = new Float64Array(sizeOf(shape));
  data.set(x.data, start);
  const out = new Tensor(data, shape);
  return record(out, [x], {
    op: 'flatPad',
    vjp: (ct) => [flatSlice(ct, start, x.shape)],
    jvp: ([t]) => flatPad(t as Tensor, start, shape),
  });
}

/** Stacks equally shaped tensors along a new leading axis. */
export function stack(parts: readonly Tensor[], shape: readonly number[]): Tensor {
  const n = sizeOf(shape);
  const data = new Float64Array(parts.length * n);
  parts.forEach((p, i) => {
    if (p.size !== n) {
      throw new ShapeError('stack', `part ${i} has shape ${formatShape(p.shape)}, expected ${formatShape(shape)}`, [p.shape, shape]);
    }
    data.set(p.data, i * n);
  });
  const outShape = [parts.length, ...shape];
  const out = new Tensor(data, outShape);
  return record(out, parts, {
    op: 'stack',
    vjp: (ct, needs) => parts.map((_, i) => (needs[i] ? flatSlice(ct, i * n, parts[i]?.shape ?? shape) : null)),
    jvp: (ts) => stack(ts.map((t, i) => t ?? zeros(parts[i]?.shape ?? shape)), shape),
  });
}
