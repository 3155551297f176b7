import { Tensor } from '../tensor.js';
import { asTensor, scalar, type TensorLike } from '../create.js';
import { addRun, atan2Run, broadcastBinary, divRun, mulRun, powRun, subRun } from '../kernels/elementwise.js';
import type { BinaryRun } from '../kernels/strided.js';
import { broadcastShapes } from '../shape.js';
import { record } from '../trace.js';
import { tracing } from '../jit/graph.js';
import type { ElementwiseKind } from '../jit/primitives.js';
import { sumTangents, sumTo } from './broadcast.js';
import { log } from './unary.js';

/** The broadcast result of a binary elementwise op: computed now, or recorded while jit traces. */
export function compute(op: ElementwiseKind, x: Tensor, y: Tensor, run: BinaryRun): Tensor {
  const graph = tracing(x, y);
  if (graph != null) return graph.apply(op, [x, y], broadcastShapes(op, x.shape, y.shape));
  const { data, shape } = broadcastBinary(op, x, y, run);
  return new Tensor(data, shape);
}

const plus = (a: Tensor, b: Tensor): Tensor => add(a, b);

/**
 * a + b with numpy broadcasting.
 *
 * @example
 * ```ts
 * add(tensor([[1, 2], [3, 4]]), tensor([10, 20])).toArray(); // [[11, 22], [13, 24]]
 * ```
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute('add', x, y, addRun);
  return record(out, [x, y], {
    op: 'add',
    // ∂(x+y)/∂x = ∂(x+y)/∂y = 1
    vjp: (ct, needs) => [needs[0] ? sumTo(ct, x.shape) : null, needs[1] ? sumTo(ct, y.shape) : null],
    jvp: ([tx, ty]) => sumTangents(out.shape, [tx ?? null, ty ?? null], plus),
  });
}

/**
 * a − b with numpy broadcasting.
 *
 * @example
 * ```ts
 * sub(5, tensor([1, 2])).toArray(); // [4, 3]
 * ```
 */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute('sub', x, y, subRun);
  return record(out, [x, y], {
    op: 'sub',
    // ∂(x−y)/∂x = 1, ∂(x−y)/∂y = −1
    vjp: (ct, needs) => [needs[0] ? sumTo(ct, x.shape) : null, needs[1] ? sumTo(neg1(ct), y.shape) : null],
    jvp: ([tx, ty]) => sumTangents(out.shape, [tx ?? null, ty == null ? null : neg1(ty)], plus),
  });
}

function neg1(t: Tensor): Tensor {
  return mul(t, -1);
}

/**
 * a · b elementwise with numpy broadcasting.
 *
 * @example
 * ```ts
 * mul(tensor([1, 2, 3]), 2).toArray(); // [2, 4, 6]
 * ```
 */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute('mul', x, y, mulRun);
  return record(out, [x, y], {
    op: 'mul',
    // ∂(xy)/∂x = y, ∂(xy)/∂y = x
    vjp: (ct, needs) => [
      needs[0] ? sumTo(mul(ct, y), x.shape) : null,
      needs[1] ? sumTo(mul(ct, x), y.shape) : null,
    ],
    jvp: ([tx, ty]) => sumTangents(out.shape, [tx == null ? null : mul(tx, y), ty == null ? null : mul(x, ty)], plus),
  });
}

/**
 * a / b elementwise with numpy broadcasting.
 *
 * @example
 * ```ts
 * div(tensor([1, 2]), 4).toArray(); // [0.25, 0.5]
 * ```
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute('div', x, y, divRun);
  return record(out, [x, y], {
    op: 'div',
    // ∂(x/y)/∂x = 1/y, ∂(x/y)/∂y = −x/y² = −out/y
    vjp: (ct, needs) => [
      needs[0] ? sumTo(div(ct, y), x.shape) : null,
      needs[1] ? sumTo(neg1(div(mul(ct, out), y)), y.shape) : null,
    ],
    jvp: ([tx, ty]) => sumTangents(out.shape, [
      tx == null ? null : div(tx, y),
      ty == null ? null : neg1(div(mul(ty, out), y)),
    ], plus),
  });
}

/**
 * a ** b elementwise with numpy broadcasting.
 *
 * @example
 * ```ts
 * pow(tensor([2, 3]), 2).toArray(); // [4, 9]
 * ```
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const out = compute('pow', x, y, powRun);
  // ∂(x^y)/∂x = y·x^(y−1); ∂(x^y)/∂y = x^y·ln x (only formed when y is differentiated,
  // so a constant exponent never evaluates ln of a negative base)
  const dx = (): Tensor => mul(y, pow(x, sub(y, scalar(1))));
  const dy = (): Tensor => mul(out, log(x));
  return record(out, [x, y], {
    op: 'pow',
    vjp: (ct, needs) => [
      needs[0] ? sumTo(mul(ct, dx()), x.shape) : null,
      needs[1] ? sumTo(mul(ct, dy()), y.shape) : null,
    ],
    jvp: ([tx, ty]) => sumTangents(out.shape, [
      tx == null ? null : mul(tx, dx()),
      ty == null ? null : mul(ty, dy()),
    ], plus),
  });
}

/**
 * The angle of the point (b, a) elementwise: atan2(a, b) in (−π, π], with numpy
 * broadcasting (a is the y coordinate, b the x coordinate, as in Math.atan2).
 *
 * @example
 * ```ts
 * atan2(1, -1).item(); // 2.356194490192345 (3π/4)
 * ```
 */
export function atan2(a: TensorLike, b: TensorLike): Tensor {
  const y = asTensor(a);
  const x = asTensor(b);
  const out = compute('atan2', y, x, atan2Run);
  // ∂atan2(y, x)/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)
  const r2 = (): Tensor => add(mul(x, x), mul(y, y));
  return record(out, [y, x], {
    op: 'atan2',
    vjp: (ct, needs) => [
      needs[0] ? sumTo(div(mul(ct, x), r2()), y.shape) : null,
      needs[1] ? sumTo(neg1(div(mul(ct, y), r2())), x.shape) : null,
    ],
    jvp: ([ty, tx]) => sumTangents(out.shape, [
      ty == null ? null : div(mul(ty, x), r2()),
      tx == null ? null : neg1(div(mul(tx, y), r2())),
    ], plus),
  });
}
