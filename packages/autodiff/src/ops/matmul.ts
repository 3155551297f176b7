import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { gemm, gemmNT, gemmTN } from '../kernels/gemm.js';
import { record } from '../trace.js';
import { sumTangents } from './broadcast.js';
import { add } from './binary.js';
import { reshape, transpose } from './layout.js';

/**
 * Matrix product with numpy's rules for 1-D operands: a vector on the left is a row,
 * on the right a column, and that axis is dropped from the result. Operands must be 1-D
 * or 2-D.
 *
 * @example
 * ```ts
 * matmul(tensor([[1, 2], [3, 4]]), tensor([1, 1])).toArray(); // [3, 7]
 * ```
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  if (x.ndim === 0 || y.ndim === 0 || x.ndim > 2 || y.ndim > 2) {
    throw new ShapeError('matmul', `operands must be 1-D or 2-D, got shapes ${formatShape(x.shape)} and ${formatShape(y.shape)}`, [x.shape, y.shape]);
  }
  const k1 = x.shape[x.ndim - 1] as number;
  const k2 = y.shape[0] as number;
  if (k1 !== k2) {
    throw new ShapeError('matmul', `cannot multiply shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} (inner dimensions ${k1} and ${k2} differ)`, [x.shape, y.shape]);
  }
  const x2 = x.ndim === 1 ? reshape(x, [1, k1]) : x;
  const y2 = y.ndim === 1 ? reshape(y, [k2, 1]) : y;
  const out = matmul2d(x2, y2);
  if (x.ndim === 2 && y.ndim === 2) return out;
  const shape = [...(x.ndim === 2 ? [x.shape[0] as number] : []), ...(y.ndim === 2 ? [y.shape[1] as number] : [])];
  return reshape(out, shape);
}

export function matmul2d(x: Tensor, y: Tensor): Tensor {
  const m = x.shape[0] as number;
  const k = x.shape[1] as number;
  const n = y.shape[1] as number;
  const out = new Tensor(gemm(x.data, y.data, m, k, n), [m, n]);
  return record(out, [x, y], {
    op: 'matmul',
    // d(XY) = dX·Y + X·dY, so X̄ = C̄·Yᵀ and Ȳ = Xᵀ·C̄
    vjp: (ct, needs) => [
      needs[0] ? matmul2d(ct, transpose(y)) : null,
      needs[1] ? matmul2d(transpose(x), ct) : null,
    ],
    vjpRaw: (ct, needs) => [
      needs[0] ? gemmNT(ct, y.data, m, n, k) : null,
      needs[1] ? gemmTN(x.data, ct, k, m, n) : null,
    ],
    jvp: ([tx, ty]) => sumTangents(out.shape, [
      tx == null ? null : matmul2d(tx, y),
      ty == null ? null : matmul2d(x, ty),
    ], add),
  });
}
