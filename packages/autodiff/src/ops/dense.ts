import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { ShapeError, formatShape } from '../shape-error.js';
import { broadcastShapes, broadcastStrides, sameShape } from '../shape.js';
import { gemmBias, gemmNT, gemmTN } from '../kernels/gemm.js';
import { sumToBuffer } from '../kernels/elementwise.js';
import { record } from '../trace.js';
import { sumTangents, sumTo } from './broadcast.js';
import { add, mul, sub } from './binary.js';
import { transpose } from './layout.js';
import { matmul2d } from './matmul.js';
import { relu, sigmoid, tanh } from './unary.js';
import { labelTraced, tracing } from '../jit/graph.js';

/** The unfused activations, for jit: its compiler fuses the bias and activation itself. */
const unfused: Record<Activation, (t: Tensor) => Tensor> = { sigmoid, tanh, relu, linear: (t) => t };

/**
 * Activations {@link dense} can fuse.
 *
 * @example
 * ```ts
 * const act: Activation = 'sigmoid';
 * ```
 */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear';

/**
 * Each activation as data: the in-place forward on the private pre-activation buffer,
 * its derivative written in terms of the output (so no pre-activation is kept), as
 * Tensor ops for higher order and as a fused buffer loop δ = ct·f'(z) for first order
 * (written into `into`, which may be ct itself).
 */
const activations: Record<Activation, {
  apply(z: Float64Array): void;
  derivative(out: Tensor): Tensor | null;
  delta(ct: Float64Array, out: Float64Array, into: Float64Array): Float64Array;
}> = {
  sigmoid: {
    apply: (z) => { for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-(z[i] as number))); },
    // σ' = σ(1 − σ)
    derivative: (out) => mul(out, sub(1, out)),
    delta: (ct, o, d) => {
      for (let i = 0; i < d.length; i++) { const s = o[i] as number; d[i] = (ct[i] as number) * s * (1 - s); }
      return d;
    },
  },
  tanh: {
    apply: (z) => { for (let i = 0; i < z.length; i++) z[i] = Math.tanh(z[i] as number); },
    // tanh' = 1 − tanh²
    derivative: (out) => sub(1, mul(out, out)),
    delta: (ct, o, d) => {
      for (let i = 0; i < d.length; i++) { const t = o[i] as number; d[i] = (ct[i] as number) * (1 - t * t); }
      return d;
    },
  },
  relu: {
    apply: (z) => { for (let i = 0; i < z.length; i++) if (!((z[i] as number) > 0)) z[i] = 0; },
    // relu' = [z > 0] = [out > 0]
    derivative: (out) => {
      const d = new Float64Array(out.size);
      for (let i = 0; i < d.length; i++) d[i] = (out.data[i] as number) > 0 ? 1 : 0;
      return new Tensor(d, out.shape);
    },
    delta: (ct, o, d) => {
      for (let i = 0; i < d.length; i++) d[i] = (o[i] as number) > 0 ? (ct[i] as number) : 0;
      return d;
    },
  },
  linear: {
    apply: () => undefined,
    derivative: () => null,
    delta: (ct) => ct,
  },
};

/**
 * A fully connected layer in one pass: activation(a·b + c), with `c` broadcast to the
 * product's shape. The course's layer a⁽ⁿ⁾ = σ(W⁽ⁿ⁾·a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾) is
 * `dense(W, a, b, 'sigmoid')`; row-major batches use `dense(x, W, b, …)`. Values and
 * derivatives (any order) equal those of the unfused ops.
 *
 * @example
 * ```ts
 * dense(tensor([[1, 2]]), tensor([[3], [4]]), -11, 'sigmoid').item(); // σ(0) = 0.5
 * ```
 */
export function dense(a: TensorLike, b: TensorLike, c: TensorLike, activation: Activation = 'linear'): Tensor {
  return fusedLayer('dense', a, b, c, activation);
}
/**
 * a·b + c in one pass (torch's addmm): the course layer z = W·a + b. `a` and `b` are
 * 2-D and `c` broadcasts to the product's shape (a column [m,1] or row [n] bias, or a
 * full matrix). Same values and derivatives as `add(matmul(a, b), c)`, one buffer fewer.
 *
 * @example
 * ```ts
 * matmulAdd(tensor([[1, 2]]), tensor([[3], [4]]), 1).toArray(); // [[12]]
 * ```
 */
export function matmulAdd(a: TensorLike, b: TensorLike, c: TensorLike): Tensor {
  return fusedLayer('matmulAdd', a, b, c, 'linear');
}

function fusedLayer(name: string, a: TensorLike, b: TensorLike, c: TensorLike, activation: Activation): Tensor {
  const act = Object.prototype.hasOwnProperty.call(activations, activation) ? activations[activation] : undefined;
  if (act === undefined) {
    throw new RangeError(`${name}: activation is ${String(activation)}, expected 'sigmoid', 'tanh', 'relu' or 'linear'`);
  }
  const x = asTensor(a);
  const y = asTensor(b);
  const z = asTensor(c);
  if (x.ndim !== 2 || y.ndim !== 2 || x.shape[1] !== y.shape[0]) {
    throw new ShapeError(name, `cannot multiply shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} (expected [m,k] and [k,n])`, [x.shape, y.shape]);
  }
  const m = x.shape[0] as number;
  const k = x.shape[1] as number;
  const n = y.shape[1] as number;
  const shape = [m, n];
  if (!sameShape(broadcastShapes(name, z.shape, shape), shape)) {
    throw new ShapeError(name, `cannot add shape ${formatShape(z.shape)} to the product of shape ${formatShape(shape)}`, [shape, z.shape]);
  }
  if (tracing(x, y, z) != null) return labelTraced(unfused[activation](add(matmul2d(x, y), z)), name);
  const [dis, djs] = broadcastStrides(z.shape, shape) as [number, number];
  const data = gemmBias(x.data, y.data, z.data, dis, djs, m, k, n);
  // The pre-activation buffer is private to this call, so the activation runs in place.
  act.apply(data);
  const out = new Tensor(data, shape);
  const delta = (ct: Tensor): Tensor => {
    const d = act.derivative(out);
    return d == null ? ct : mul(ct, d);
  };
  return record(out, [x, y, z], {
    op: activation === 'linear' ? name : `${name}(${activation})`,
    // δ = C̄·f'(Z); Ā = δ·Bᵀ, B̄ = Aᵀ·δ, C̄ = Σ over broadcast dims of δ
    vjp: (ct, needs) => {
      const d = delta(ct);
      return [
        needs[0] ? matmul2d(d, transpose(y)) : null,
        needs[1] ? matmul2d(transpose(x), d) : null,
        needs[2] ? sumTo(d, z.shape) : null,
      ];
    },
    vjpRaw: (ct, needs, ctPrivate) => {
      const d = act.delta(ct, data, ctPrivate ? ct : new Float64Array(ct.length));
      return [
        needs[0] ? gemmNT(d, y.data, m, n, k) : null,
        needs[1] ? gemmTN(x.data, d, k, m, n) : null,
        needs[2] ? (sameShape(z.shape, shape) ? d : sumToBuffer(d, shape, z.shape)) : null,
      ];
    },
    jvp: ([tx, ty, tz]) => delta(sumTangents(shape, [
      tx == null ? null : matmul2d(tx, y),
      ty == null ? null : matmul2d(x, ty),
      tz ?? null,
    ], add)),
  });
}
