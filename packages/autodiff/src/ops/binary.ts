import { Tensor } from '../tensor.js';
import { asTensor, scalar, type TensorLike } from '../create.js';
import { addRun, broadcastBinary, divRun, mulRun, powRun, subRun } from '../kernels/elementwise.js';
import type { BinaryRun } from '../kernels/strided.js';
import { record } from '../trace.js';
import { sumTangents, sumTo } from './broadcast.js';
import { log } from './unary.js';

function compute(op: string, x: Tensor, y: Tensor, run: BinaryRun): Tensor {
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
