import { Tensor } from '../tensor.js';
import { asTensor, scalar, type TensorLike } from '../create.js';
import { record } from '../trace.js';
import { tracing } from '../jit/graph.js';
import type { ElementwiseKind } from '../jit/primitives.js';
import { erf as erfScalar } from '../kernels/special.js';
import { add, div, mul, sub } from './binary.js';
import { greater } from './compare.js';

type Kernel = (x: Float64Array, out: Float64Array) => void;

/**
 * An elementwise op f given by its forward kernel and its derivative f'(x) (built from
 * Tensor ops, so it can be differentiated again). The chain rule is written once here:
 * vjp = ct·f'(x), jvp = t·f'(x). `raw` is the fused first-order backward ct·f'(x) on
 * plain buffers; it must read ct[i] before writing g[i], since g may be ct itself.
 * While jit traces, the op is recorded as primitive `kind` instead of computed.
 */
function unary(
  kind: ElementwiseKind,
  a: TensorLike,
  kernel: Kernel,
  derivative: (x: Tensor, out: Tensor) => Tensor,
  raw?: (ct: Float64Array, x: Float64Array, out: Float64Array, g: Float64Array) => void,
): Tensor {
  const x = asTensor(a);
  const graph = tracing(x);
  let out: Tensor;
  if (graph == null) {
    const data = new Float64Array(x.size);
    kernel(x.data, data);
    out = new Tensor(data, x.shape);
  } else {
    out = graph.apply(kind, [x], x.shape);
  }
  return record(out, [x], {
    op: kind,
    vjp: (ct) => [mul(ct, derivative(x, out))],
    vjpRaw: raw === undefined ? undefined : (ct, _needs, ctPrivate) => {
      const g = ctPrivate ? ct : new Float64Array(ct.length);
      raw(ct, x.data, out.data, g);
      return [g];
    },
    jvp: ([t]) => mul(t as Tensor, derivative(x, out)),
  });
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
    // d/dx(−x) = −1 (a scalar: broadcasting gives it the cotangent's shape)
    () => scalar(-1),
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
    (x) => sign(x));
}

/**
 * The sign of a elementwise: −1, 0 or 1 (NaN stays NaN). Piecewise constant, so its
 * derivative is 0: gradients do not flow through it.
 *
 * @example
 * ```ts
 * sign(tensor([-3, 0, 2])).toArray(); // [-1, 0, 1]
 * ```
 */
export function sign(a: TensorLike): Tensor {
  const x = asTensor(a);
  const graph = tracing(x);
  if (graph != null) return graph.apply('sign', [x], x.shape);
  const data = new Float64Array(x.size);
  const xd = x.data;
  for (let i = 0; i < xd.length; i++) data[i] = Math.sign(xd[i] as number);
  return new Tensor(data, x.shape);
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
    (x) => greater(x, 0),
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

/**
 * Inverse tangent elementwise, in (−π/2, π/2).
 *
 * @example
 * ```ts
 * atan(1).item(); // 0.7853981633974483 (π/4)
 * ```
 */
export function atan(a: TensorLike): Tensor {
  return unary('atan', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.atan(x[i] as number); },
    // d/dx atan x = 1/(1 + x²)
    (x) => div(1, add(1, mul(x, x))));
}

/**
 * Inverse sine elementwise, for a in [−1, 1] (NaN outside).
 *
 * @example
 * ```ts
 * asin(1).item(); // 1.5707963267948966 (π/2)
 * ```
 */
export function asin(a: TensorLike): Tensor {
  return unary('asin', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.asin(x[i] as number); },
    // d/dx asin x = 1/√(1 − x²)  (∞ at ±1)
    (x) => div(1, sqrt(sub(1, mul(x, x)))));
}

/**
 * Inverse cosine elementwise, for a in [−1, 1] (NaN outside).
 *
 * @example
 * ```ts
 * acos(1).item(); // 0
 * ```
 */
export function acos(a: TensorLike): Tensor {
  return unary('acos', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.acos(x[i] as number); },
    // d/dx acos x = −1/√(1 − x²)
    (x) => div(-1, sqrt(sub(1, mul(x, x)))));
}

/**
 * Hyperbolic sine elementwise.
 *
 * @example
 * ```ts
 * sinh(0).item(); // 0
 * ```
 */
export function sinh(a: TensorLike): Tensor {
  return unary('sinh', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.sinh(x[i] as number); },
    // d/dx sinh x = cosh x
    (x) => cosh(x));
}

/**
 * Hyperbolic cosine elementwise.
 *
 * @example
 * ```ts
 * cosh(0).item(); // 1
 * ```
 */
export function cosh(a: TensorLike): Tensor {
  return unary('cosh', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.cosh(x[i] as number); },
    // d/dx cosh x = sinh x
    (x) => sinh(x));
}

/**
 * ln(1 + a) elementwise, accurate for tiny a (where 1 + a would round).
 *
 * @example
 * ```ts
 * log1p(1e-20).item(); // 1e-20
 * ```
 */
export function log1p(a: TensorLike): Tensor {
  return unary('log1p', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.log1p(x[i] as number); },
    // d/dx ln(1 + x) = 1/(1 + x)
    (x) => div(1, add(1, x)));
}

/**
 * eᵃ − 1 elementwise, accurate for tiny a.
 *
 * @example
 * ```ts
 * expm1(1e-20).item(); // 1e-20
 * ```
 */
export function expm1(a: TensorLike): Tensor {
  return unary('expm1', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = Math.expm1(x[i] as number); },
    // d/dx (eˣ − 1) = eˣ = out + 1
    (_x, out) => add(out, 1));
}

/**
 * The error function erf(a) = (2/√π)∫₀ᵃ e^(−t²) dt elementwise (W. J. Cody's rational
 * approximations, relative error below 1e-15).
 *
 * @example
 * ```ts
 * erf(0.5).item(); // 0.5204998778130465
 * ```
 */
export function erf(a: TensorLike): Tensor {
  return unary('erf', a, (x, o) => { for (let i = 0; i < x.length; i++) o[i] = erfScalar(x[i] as number); },
    // d/dx erf x = (2/√π)·e^(−x²)
    (x) => mul(exp(neg(mul(x, x))), 2 / Math.sqrt(Math.PI)));
}
