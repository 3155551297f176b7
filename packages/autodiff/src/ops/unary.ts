import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { record } from '../trace.js';
import { add, div, mul, sub } from './binary.js';

type Kernel = (x: Float64Array, out: Float64Array) => void;

/**
 * An elementwise op f given by its forward kernel and its derivative f'(x) (built from
 * Tensor ops, so it can be differentiated again). The chain rule is written once here:
 * vjp = ct·f'(x), jvp = t·f'(x). `raw` is the fused first-order backward ct·f'(x) on
 * plain buffers; it must read ct[i] before writing g[i], since g may be ct itself.
 */
function unary(
  op: string,
  a: TensorLike,
  kernel: Kernel,
  derivative: (x: Tensor, out: Tensor) => Tensor,
  raw?: (ct: Float64Array, x: Float64Array, out: Float64Array, g: Float64Array) => void,
): Tensor {
  const x = asTensor(a);
  const data = new Float64Array(x.size);
  kernel(x.data, data);
  const out = new Tensor(data, x.shape);
  return record(out, [x], {
    op,
    vjp: (ct) => [mul(ct, derivative(x, out))],
    vjpRaw: raw === undefined ? undefined : (ct, _needs, ctPrivate) => {
      const g = ctPrivate ? ct : new Float64Array(ct.length);
      raw(ct, x.data, out.data, g);
      return [g];
    },
    jvp: ([t]) => mul(t as Tensor, derivative(x, out)),
  });
}

/** A tensor of the same shape whose values come from `x` but carry no derivative. */
function constant(x: Tensor, f: (v: number) => number): Tensor {
  const d = new Float64Array(x.size);
  for (let i = 0; i < d.length; i++) d[i] = f(x.data[i] as number);
  return new Tensor(d, x.shape);
}

/**
 * −a elementwise.
 *
 * @example
 * ```ts
 * neg(tensor([1, -2])).toArray(); // [-1, 2]
 * ```
 */
export function neg(a: TensorLike): Tensor {
  return unary('neg', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = -(x[i] as number); },
    // d/dx(−x) = −1
    (x) => constant(x, () => -1),
    (ct, _x, _o, g) => { for (let i = 0; i < ct.length; i++) g[i] = -(ct[i] as number); });
}

/**
 * eᵃ elementwise.
 *
 * @example
 * ```ts
 * exp(0).item(); // 1
 * ```
 */
export function exp(a: TensorLike): Tensor {
  return unary('exp', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.exp(x[i] as number); },
    // d/dx eˣ = eˣ
    (_x, out) => out,
    (ct, _x, o, g) => { for (let i = 0; i < ct.length; i++) g[i] = (ct[i] as number) * (o[i] as number); });
}

/**
 * Natural logarithm elementwise.
 *
 * @example
 * ```ts
 * log(Math.E).item(); // 1
 * ```
 */
export function log(a: TensorLike): Tensor {
  return unary('log', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.log(x[i] as number); },
    // d/dx ln x = 1/x
    (x) => div(1, x),
    (ct, x, _o, g) => { for (let i = 0; i < ct.length; i++) g[i] = (ct[i] as number) / (x[i] as number); });
}

/**
 * Square root elementwise.
 *
 * @example
 * ```ts
 * sqrt(tensor([4, 9])).toArray(); // [2, 3]
 * ```
 */
export function sqrt(a: TensorLike): Tensor {
  return unary('sqrt', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.sqrt(x[i] as number); },
    // d/dx √x = 1/(2√x)
    (_x, out) => div(0.5, out),
    (ct, _x, o, g) => { for (let i = 0; i < ct.length; i++) g[i] = (0.5 * (ct[i] as number)) / (o[i] as number); });
}

/**
 * |a| elementwise (derivative sign(a), 0 at 0).
 *
 * @example
 * ```ts
 * abs(tensor([-3, 2])).toArray(); // [3, 2]
 * ```
 */
export function abs(a: TensorLike): Tensor {
  return unary('abs', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.abs(x[i] as number); },
    // d/dx |x| = sign(x)
    (x) => constant(x, Math.sign));
}

/**
 * sin elementwise.
 *
 * @example
 * ```ts
 * sin(0).item(); // 0
 * ```
 */
export function sin(a: TensorLike): Tensor {
  return unary('sin', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.sin(x[i] as number); },
    // d/dx sin x = cos x
    (x) => cos(x));
}

/**
 * cos elementwise.
 *
 * @example
 * ```ts
 * cos(0).item(); // 1
 * ```
 */
export function cos(a: TensorLike): Tensor {
  return unary('cos', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.cos(x[i] as number); },
    // d/dx cos x = −sin x
    (x) => neg(sin(x)));
}

/**
 * tan elementwise.
 *
 * @example
 * ```ts
 * tan(0).item(); // 0
 * ```
 */
export function tan(a: TensorLike): Tensor {
  return unary('tan', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.tan(x[i] as number); },
    // d/dx tan x = 1 + tan² x
    (_x, out) => add(1, mul(out, out)));
}

/**
 * Hyperbolic tangent elementwise.
 *
 * @example
 * ```ts
 * tanh(0).item(); // 0
 * ```
 */
export function tanh(a: TensorLike): Tensor {
  return unary('tanh', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.tanh(x[i] as number); },
    // d/dx tanh x = 1 − tanh² x
    (_x, out) => sub(1, mul(out, out)),
    (ct, _x, o, g) => {
      for (let i = 0; i < ct.length; i++) { const t = o[i] as number; g[i] = (ct[i] as number) * (1 - t * t); }
    });
}

/**
 * The logistic function σ(a) = 1 / (1 + e⁻ᵃ) elementwise (0 and 1 in the far tails, never NaN).
 *
 * @example
 * ```ts
 * sigmoid(0).item(); // 0.5
 * ```
 */
export function sigmoid(a: TensorLike): Tensor {
  return unary('sigmoid', a, sigmoidKernel,
    // d/dx σ(x) = σ(x)(1 − σ(x))
    (_x, out) => mul(out, sub(1, out)),
    (ct, _x, o, g) => {
      for (let i = 0; i < ct.length; i++) { const s = o[i] as number; g[i] = (ct[i] as number) * s * (1 - s); }
    });
}

function sigmoidKernel(x: Float64Array, o: Float64Array): void {
  // 1/(1+e^−x) needs no branch: e^−x overflows to ∞ for x < −709 and the result is 0.
  for (let i = 0; i < x.length; i++) o[i] = 1 / (1 + Math.exp(-(x[i] as number)));
}

/**
 * max(a, 0) elementwise (derivative 1 for a > 0, else 0).
 *
 * @example
 * ```ts
 * relu(tensor([-1, 2])).toArray(); // [0, 2]
 * ```
 */
export function relu(a: TensorLike): Tensor {
  return unary('relu', a, (x, o) => { for (let i = 0; i < x.length; i++) { const v = x[i] as number; o[i] = v > 0 ? v : 0; } },
    // d/dx max(x, 0) = [x > 0]
    (x) => constant(x, (v) => (v > 0 ? 1 : 0)),
    (ct, x, _o, g) => { for (let i = 0; i < ct.length; i++) g[i] = (x[i] as number) > 0 ? (ct[i] as number) : 0; });
}

/**
 * a² elementwise.
 *
 * @example
 * ```ts
 * square(tensor([3, -2])).toArray(); // [9, 4]
 * ```
 */
export function square(a: TensorLike): Tensor {
  return unary('square', a, (x, o) => { for (let i = 0; i < x.length; i++) { const v = x[i] as number; o[i] = v * v; } },
    // d/dx x² = 2x
    (x) => mul(x, 2),
    (ct, x, _o, g) => { for (let i = 0; i < ct.length; i++) g[i] = 2 * (ct[i] as number) * (x[i] as number); });
}
