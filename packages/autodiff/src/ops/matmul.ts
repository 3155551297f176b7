import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { broadcastShapes, broadcastStrides, sizeOf } from '../shape.js';
import { NO_BIAS, gemm, gemmInto, gemmNT, gemmTN } from '../kernels/gemm.js';
import { forEachRun } from '../kernels/strided.js';
import { record } from '../trace.js';
import { labelTraced, tracing } from '../jit/graph.js';
import { sumTangents, sumTo } from './broadcast.js';
import { add } from './binary.js';
import { matrixTranspose, reshape } from './layout.js';

/**
 * Matrix product with numpy's rules: 2-D operands multiply as matrices; a 1-D operand
 * is a row on the left and a column on the right, and that axis is dropped from the
 * result; operands with more dimensions are stacks of matrices, multiplied pairwise with
 * their leading (batch) dimensions broadcast, e.g. [5,1,2,3] · [4,3,6] → [5,4,2,6].
 *
 * @example
 * ```ts
 * matmul(tensor([[1, 2], [3, 4]]), tensor([1, 1])).toArray(); // [3, 7]
 * matmul(zeros([5, 1, 2, 3]), zeros([4, 3, 6])).shape; // [5, 4, 2, 6]
 * ```
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  if (x.ndim === 0 || y.ndim === 0) {
    throw new ShapeError('matmul', `operands must have at least one dimension, got shapes ${formatShape(x.shape)} and ${formatShape(y.shape)}`, [x.shape, y.shape]);
  }
  const k1 = x.shape[x.ndim - 1] as number;
  const k2 = (y.ndim === 1 ? y.shape[0] : y.shape[y.ndim - 2]) as number;
  if (k1 !== k2) {
    throw new ShapeError('matmul', `cannot multiply shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} (inner dimensions ${k1} and ${k2} differ)`, [x.shape, y.shape]);
  }
  const x2 = x.ndim === 1 ? reshape(x, [1, k1]) : x;
  const y2 = y.ndim === 1 ? reshape(y, [k2, 1]) : y;
  const out = matmulNd(x2, y2);
  if (x.ndim > 1 && y.ndim > 1) return out;
  // Drop the axes the 1-D operands gained.
  const shape = out.shape.filter((_, i) => !(x.ndim === 1 && i === out.ndim - 2) && !(y.ndim === 1 && i === out.ndim - 1));
  return labelTraced(reshape(out, shape), 'matmul');
}

/** The product of two operands of at least 2 dimensions, batch dimensions broadcast. */
export function matmulNd(x: Tensor, y: Tensor): Tensor {
  const m = x.shape[x.ndim - 2] as number;
  const k = x.shape[x.ndim - 1] as number;
  const n = y.shape[y.ndim - 1] as number;
  if (y.shape[y.ndim - 2] !== k) {
    throw new ShapeError('matmul', `cannot multiply shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} (inner dimensions ${k} and ${y.shape[y.ndim - 2]} differ)`, [x.shape, y.shape]);
  }
  const xb = x.shape.slice(0, -2);
  const yb = y.shape.slice(0, -2);
  const batch = broadcastShapes('matmul', xb, yb);
  const shape = [...batch, m, n];
  const graph = tracing(x, y);
  const twoD = batch.length === 0;
  let out: Tensor;
  if (graph != null) {
    out = graph.apply('matmul', [x, y], shape);
  } else if (twoD) {
    out = new Tensor(gemm(x.data, y.data, m, k, n), shape);
  } else {
    const c = new Float64Array(sizeOf(shape));
    const xd = x.data;
    const yd = y.data;
    const xs = broadcastStrides(xb, batch).map((s) => s * m * k);
    const ys = broadcastStrides(yb, batch).map((s) => s * k * n);
    let co = 0;
    forEachRun(batch, xs, ys, (xo, xstep, yo, ystep, _oo, count) => {
      for (let i = 0; i < count; i++) {
        gemmInto(xd, xo + i * xstep, k, 1, yd, yo + i * ystep, n, 1, NO_BIAS, 0, 0, 0, c, co, m, k, n);
        co += m * n;
      }
    });
    out = new Tensor(c, shape);
  }
  return record(out, [x, y], {
    op: 'matmul',
    // d(XY) = dX·Y + X·dY, so X̄ = C̄·Yᵀ and Ȳ = Xᵀ·C̄ (summed over broadcast batch dimensions)
    vjp: (ct, needs) => [
      needs[0] ? sumTo(matmulNd(ct, matrixTranspose(y)), x.shape) : null,
      needs[1] ? sumTo(matmulNd(matrixTranspose(x), ct), y.shape) : null,
    ],
    vjpRaw: twoD ? (ct, needs) => [
      needs[0] ? gemmNT(ct, y.data, m, n, k) : null,
      needs[1] ? gemmTN(x.data, ct, k, m, n) : null,
    ] : undefined,
    jvp: ([tx, ty]) => sumTangents(out.shape, [
      tx == null ? null : matmulNd(tx, y),
      ty == null ? null : matmulNd(x, ty),
    ], add),
  });
}

/** The 2-D product (kept for the fused layers). */
export function matmul2d(x: Tensor, y: Tensor): Tensor {
  return matmulNd(x, y);
}
