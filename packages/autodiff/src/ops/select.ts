import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { broadcastShapes, sameShape, sizeOf } from '../shape.js';
import { broadcastBuffer, maximumRun, minimumRun } from '../kernels/elementwise.js';
import { record } from '../trace.js';
import { tracing } from '../jit/graph.js';
import type { ElementwiseKind } from '../jit/primitives.js';
import { broadcastTo, sumTangents, sumTo } from './broadcast.js';
import { add, compute, mul } from './binary.js';
import { equal, greater, greaterEqual, less, lessEqual } from './compare.js';

const plus = (a: Tensor, b: Tensor): Tensor => add(a, b);

/** ct·w summed back to `shape`, or null when not needed. */
function weighted(need: boolean | undefined, ct: Tensor, w: () => Tensor, shape: readonly number[]): Tensor | null {
  return need ? sumTo(mul(ct, w()), shape) : null;
}

/**
 * The larger of a and b elementwise, with numpy broadcasting (NaN if either is NaN).
 * Where a = b the derivative is split evenly between them (as in JAX).
 *
 * @example
 * ```ts
 * maximum(tensor([1, 5]), 3).toArray(); // [3, 5]
 * ```
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('maximum', a, b);
}

/**
 * The smaller of a and b elementwise, with numpy broadcasting (NaN if either is NaN).
 * Where a = b the derivative is split evenly between them (as in JAX).
 *
 * @example
 * ```ts
 * minimum(tensor([1, 5]), 3).toArray(); // [1, 3]
 * ```
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('minimum', a, b);
}

function extremum(kind: 'maximum' | 'minimum', a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute(kind, x, y, kind === 'maximum' ? maximumRun : minimumRun);
  const wins = kind === 'maximum' ? greater : less;
  // ∂max(x, y)/∂x = [x > y] + ½[x = y] (and symmetrically for y; min with < instead)
  const wx = (): Tensor => add(wins(x, y), mul(equal(x, y), 0.5));
  const wy = (): Tensor => add(wins(y, x), mul(equal(x, y), 0.5));
  return record(out, [x, y], {
    op: kind,
    vjp: (ct, needs) => [weighted(needs[0], ct, wx, x.shape), weighted(needs[1], ct, wy, y.shape)],
    jvp: ([tx, ty]) => sumTangents(out.shape, [tx == null ? null : mul(tx, wx()), ty == null ? null : mul(ty, wy())], plus),
  });
}

/** A three-operand elementwise op with broadcasting: computed now or recorded while jit traces. */
function ternary(kind: ElementwiseKind, a: Tensor, b: Tensor, c: Tensor, f: (p: number, q: number, r: number) => number): Tensor {
  const shape = broadcastShapes(kind, broadcastShapes(kind, a.shape, b.shape), c.shape);
  const graph = tracing(a, b, c);
  if (graph != null) return graph.apply(kind, [a, b, c], shape);
  const stretch = (t: Tensor): Float64Array => (sameShape(t.shape, shape) ? t.data : broadcastBuffer(t.data, t.shape, shape));
  const p = stretch(a);
  const q = stretch(b);
  const r = stretch(c);
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = f(p[i] as number, q[i] as number, r[i] as number);
  return new Tensor(data, shape);
}

/**
 * Elementwise choice: a where `cond` is nonzero, b elsewhere, all three broadcast
 * together (numpy's where). This is how to write a branch that jit can trace. The
 * gradient flows to a where cond holds and to b elsewhere; cond gets none.
 *
 * @example
 * ```ts
 * const x = tensor([-2, 3]);
 * where(greater(x, 0), x, x.mul(0.1)).toArray(); // [-0.2, 3] (a leaky relu)
 * ```
 */
export function where(cond: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  const c = asTensor(cond);
  const x = asTensor(a);
  const y = asTensor(b);
  const out = ternary('where', c, x, y, (p, q, r) => (p !== 0 ? q : r));
  return record(out, [c, x, y], {
    op: 'where',
    vjp: (ct, needs) => [
      null,
      needs[1] ? sumTo(where(c, ct, 0), x.shape) : null,
      needs[2] ? sumTo(where(c, 0, ct), y.shape) : null,
    ],
    jvp: ([, tx, ty]) => broadcastTo(where(c, tx ?? 0, ty ?? 0), out.shape),
  });
}

/**
 * a limited to [lo, hi] elementwise: min(max(a, lo), hi), numpy's clip (lo and hi may be
 * numbers or tensors; if lo > hi the result is hi). The gradient flows to a where
 * lo ≤ a ≤ hi, to lo where a < lo, and to hi where max(a, lo) > hi.
 *
 * @example
 * ```ts
 * clip(tensor([-2, 0.5, 7]), 0, 1).toArray(); // [0, 0.5, 1]
 * ```
 */
export function clip(a: TensorLike, lo: TensorLike, hi: TensorLike): Tensor {
  const x = asTensor(a);
  const l = asTensor(lo);
  const h = asTensor(hi);
  const out = ternary('clip', x, l, h, (p, q, r) => Math.min(Math.max(p, q), r));
  const m = (): Tensor => maximum(x, l);
  const wx = (): Tensor => mul(greaterEqual(x, l), lessEqual(m(), h));
  const wl = (): Tensor => mul(less(x, l), lessEqual(m(), h));
  const wh = (): Tensor => greater(m(), h);
  return record(out, [x, l, h], {
    op: 'clip',
    vjp: (ct, needs) => [weighted(needs[0], ct, wx, x.shape), weighted(needs[1], ct, wl, l.shape), weighted(needs[2], ct, wh, h.shape)],
    jvp: ([tx, tl, th]) => sumTangents(out.shape, [
      tx == null ? null : mul(tx, wx()),
      tl == null ? null : mul(tl, wl()),
      th == null ? null : mul(th, wh()),
    ], plus),
  });
}
