import { Tensor } from '../tensor.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { broadcastShapes, sameShape } from '../shape.js';
import { broadcastBuffer, sumToBuffer } from '../kernels/elementwise.js';
import { record } from '../trace.js';
import { zeros } from '../create.js';
import { tracing } from '../jit/graph.js';

/**
 * Sums `x` down to `shape` (the inverse of broadcasting): the vector-Jacobian product of
 * {@link broadcastTo}, and how binary ops return gradients to broadcast operands.
 */
export function sumTo(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) return x;
  if (!sameShape(broadcastShapes('sumTo', shape, x.shape), x.shape)) {
    throw new ShapeError('sumTo', `cannot sum shape ${formatShape(x.shape)} down to ${formatShape(shape)}`, [x.shape, shape]);
  }
  const graph = tracing(x);
  const out = graph == null ? new Tensor(sumToBuffer(x.data, x.shape, shape), shape) : graph.apply('sumTo', [x], shape);
  return record(out, [x], {
    op: 'sumTo',
    // d/dx Σ over broadcast dims: every summed element receives the cotangent.
    vjp: (ct) => [broadcastTo(ct, x.shape)],
    vjpRaw: (ct) => [broadcastBuffer(ct, shape, x.shape)],
    jvp: ([t]) => (t == null ? zeros(shape) : sumTo(t, shape)),
  });
}

/** Stretches `x` to the broadcast shape `shape` (a copy). */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) return x;
  if (!sameShape(broadcastShapes('broadcastTo', x.shape, shape), shape)) {
    throw new ShapeError('broadcastTo', `cannot broadcast shape ${formatShape(x.shape)} to ${formatShape(shape)}`, [x.shape, shape]);
  }
  const graph = tracing(x);
  const out = graph == null ? new Tensor(broadcastBuffer(x.data, x.shape, shape), shape) : graph.apply('copy', [x], shape);
  return record(out, [x], {
    op: 'broadcastTo',
    // Each input element was copied to several outputs: its cotangent is their sum.
    vjp: (ct) => [sumTo(ct, x.shape)],
    vjpRaw: (ct) => [sumToBuffer(ct, shape, x.shape)],
    jvp: ([t]) => (t == null ? zeros(shape) : broadcastTo(t, shape)),
  });
}

/** Σ of the non-null terms, stretched to `shape`; zeros when every term is null. */
export function sumTangents(shape: readonly number[], terms: readonly (Tensor | null)[], add: (a: Tensor, b: Tensor) => Tensor): Tensor {
  let acc: Tensor | null = null;
  for (const t of terms) if (t != null) acc = acc == null ? t : add(acc, t);
  return acc == null ? zeros(shape) : broadcastTo(acc, shape);
}
