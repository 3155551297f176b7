import { ShapeError, formatShape } from './shape-error.js';
import { checkShape, sizeOf } from './shape.js';
import type { GraphNode, Tangent, Trace } from './trace.js';
import type { TracedRef } from './jit/graph.js';
import { concretizationError } from './tracer-error.js';
import { add, sub, mul, div, pow, atan2 } from './ops/binary.js';
import {
  neg, exp, log, sqrt, abs, sign, sin, cos, tan, tanh, sigmoid, relu, square,
  atan, asin, acos, sinh, cosh, log1p, expm1, erf,
} from './ops/unary.js';
import { greater, greaterEqual, less, lessEqual, equal } from './ops/compare.js';
import { maximum, minimum, clip } from './ops/select.js';
import { matmul } from './ops/matmul.js';
import { sum, mean } from './ops/reduce.js';
import { reshape, transpose, at, slice } from './ops/layout.js';
import { dense, matmulAdd, type Activation } from './ops/dense.js';

/**
 * Nested plain arrays, as returned by {@link Tensor.toArray}.
 *
 * @example
 * ```ts
 * const rows: NestedArray = [[1, 2], [3, 4]];
 * ```
 */
export type NestedArray = number[] | NestedArray[];

/**
 * An n-dimensional array of float64 values in row-major order. Tensors are immutable
 * values as far as the library is concerned: ops always return new tensors. Every op
 * is available as a free function and as a method taking `Tensor | number`.
 *
 * The public surface other code can rely on (e.g. a function that accepts a Tensor from
 * this package): `x instanceof Tensor`, `x.shape` (dimensions), `x.data` (the values,
 * row-major, length `x.size`), `x.size`, `x.ndim`, `x.item()` and `x.toArray()`.
 * Inside {@link jit} tracing, tensors have a shape but no values: `data`, `item()` and
 * `toArray()` throw a {@link TracerError}.
 *
 * @example
 * ```ts
 * const a = tensor([[1, 2], [3, 4]]);
 * a.matmul(a).add(1).toArray(); // [[8, 11], [16, 23]]
 * a.shape; // [2, 2]
 * a.data; // Float64Array [1, 2, 3, 4] (row-major)
 * ```
 */
export class Tensor {
  /** @internal The values; an empty placeholder for a traced tensor. */
  readonly _data: Float64Array;
  /** Dimensions; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** Number of elements (the product of `shape`; 1 for a scalar). */
  readonly size: number;
  /** @internal Set while jit traces: the graph node this tensor stands for (it has no values). */
  readonly _ref: TracedRef | null;
  /** @internal The recorded op that produced this tensor, while a reverse trace needs it. */
  _origin: GraphNode | null = null;
  /** @internal The innermost reverse trace this tensor depends on. */
  _trace: Trace | null = null;
  /** @internal Tangents carried for active forward traces. */
  _tangents: Tangent[] | null = null;

  /**
   * Wraps `data` (not copied) with `shape`; throws {@link ShapeError} when the sizes differ.
   * (`ref` is internal: jit's traced tensors have a graph node instead of values.)
   */
  constructor(data: Float64Array, shape: readonly number[], ref: TracedRef | null = null) {
    if (!(data instanceof Float64Array)) {
      throw new TypeError(`Tensor: data must be a Float64Array, got ${data == null ? 'null' : typeof data}`);
    }
    checkShape('Tensor', shape);
    const size = sizeOf(shape);
    if (ref == null && size !== data.length) {
      throw new ShapeError('Tensor', `shape ${formatShape(shape)} needs ${size} values, got ${data.length}`, [shape]);
    }
    this._data = data;
    this.shape = Object.freeze([...shape]);
    this.size = size;
    this._ref = ref;
  }

  /** Row-major values; `data.length === size`. Throws {@link TracerError} while jit traces this tensor. */
  get data(): Float64Array {
    if (this._ref != null) throw concretizationError(this._ref.info(), 'data');
    return this._data;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The value of a size-1 tensor; throws {@link ShapeError} otherwise. */
  item(): number {
    if (this._ref != null) throw concretizationError(this._ref.info(), 'item');
    if (this.data.length !== 1) {
      throw new ShapeError('item', `expected a tensor with one element, got shape ${formatShape(this.shape)}`, [this.shape]);
    }
    return this.data[0] as number;
  }

  /** The values as nested plain arrays (a number for a scalar). */
  toArray(): number | NestedArray {
    if (this._ref != null) throw concretizationError(this._ref.info(), 'toArray');
    if (this.shape.length === 0) return this.data[0] as number;
    const build = (dim: number, offset: number): NestedArray => {
      const n = this.shape[dim] as number;
      if (dim === this.shape.length - 1) return Array.from(this.data.subarray(offset, offset + n));
      const step = sizeOf(this.shape.slice(dim + 1));
      return Array.from({ length: n }, (_, i) => build(dim + 1, offset + i * step));
    };
    return build(0, 0);
  }

  /** A tensor with the same values and no connection to any transformation. */
  detach(): Tensor {
    return new Tensor(this._data, this.shape, this._ref);
  }

  /** `Tensor([2,2], [[1,2],[3,4]])`; a traced tensor prints its shape and the op that made it. */
  toString(): string {
    if (this._ref != null) return `Traced(${formatShape(this.shape)}, output of ${this._ref.info().kind})`;
    return `Tensor(${formatShape(this.shape)}, ${JSON.stringify(this.toArray())})`;
  }

  /**
   * `+t`, `t < 0` and `` `${t}` ``: a size-1 tensor reads as its number (as in numpy), a
   * larger one throws a TypeError for numeric use, since its truth or order is ambiguous;
   * a traced tensor throws a {@link TracerError} (its value is not known while tracing).
   */
  [Symbol.toPrimitive](hint: string): number | string {
    if (hint === 'string') return this.toString();
    if (this._ref != null) throw concretizationError(this._ref.info(), 'comparison');
    if (this._data.length === 1) return this._data[0] as number;
    if (hint === 'default') return this.toString();
    throw new TypeError(`Tensor: a tensor of shape ${formatShape(this.shape)} has ${this.size} values and cannot be used as one number; reduce it first (sum, mean) or compare elementwise (greater, less)`);
  }

  add(other: Tensor | number): Tensor { return add(this, other); }
  sub(other: Tensor | number): Tensor { return sub(this, other); }
  mul(other: Tensor | number): Tensor { return mul(this, other); }
  div(other: Tensor | number): Tensor { return div(this, other); }
  pow(other: Tensor | number): Tensor { return pow(this, other); }
  neg(): Tensor { return neg(this); }
  exp(): Tensor { return exp(this); }
  log(): Tensor { return log(this); }
  sqrt(): Tensor { return sqrt(this); }
  abs(): Tensor { return abs(this); }
  sin(): Tensor { return sin(this); }
  cos(): Tensor { return cos(this); }
  tan(): Tensor { return tan(this); }
  tanh(): Tensor { return tanh(this); }
  sigmoid(): Tensor { return sigmoid(this); }
  relu(): Tensor { return relu(this); }
  square(): Tensor { return square(this); }
  sign(): Tensor { return sign(this); }
  atan(): Tensor { return atan(this); }
  asin(): Tensor { return asin(this); }
  acos(): Tensor { return acos(this); }
  sinh(): Tensor { return sinh(this); }
  cosh(): Tensor { return cosh(this); }
  log1p(): Tensor { return log1p(this); }
  expm1(): Tensor { return expm1(this); }
  erf(): Tensor { return erf(this); }
  atan2(other: Tensor | number): Tensor { return atan2(this, other); }
  maximum(other: Tensor | number): Tensor { return maximum(this, other); }
  minimum(other: Tensor | number): Tensor { return minimum(this, other); }
  clip(lo: Tensor | number, hi: Tensor | number): Tensor { return clip(this, lo, hi); }
  greater(other: Tensor | number): Tensor { return greater(this, other); }
  greaterEqual(other: Tensor | number): Tensor { return greaterEqual(this, other); }
  less(other: Tensor | number): Tensor { return less(this, other); }
  lessEqual(other: Tensor | number): Tensor { return lessEqual(this, other); }
  equal(other: Tensor | number): Tensor { return equal(this, other); }
  at(i: number): Tensor { return at(this, i); }
  slice(start?: number, end?: number): Tensor { return slice(this, start, end); }
  matmul(other: Tensor | number): Tensor { return matmul(this, other); }
  matmulAdd(other: Tensor | number, bias: Tensor | number): Tensor { return matmulAdd(this, other, bias); }
  dense(other: Tensor | number, bias: Tensor | number, activation: Activation = 'linear'): Tensor { return dense(this, other, bias, activation); }
  transpose(axes?: readonly number[]): Tensor { return transpose(this, axes); }
  sum(axis?: number | readonly number[], keepDims = false): Tensor { return sum(this, axis, keepDims); }
  mean(axis?: number | readonly number[], keepDims = false): Tensor { return mean(this, axis, keepDims); }
  reshape(shape: readonly number[]): Tensor { return reshape(this, shape); }
}
