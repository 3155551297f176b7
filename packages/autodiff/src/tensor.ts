import { ShapeError, formatShape } from './shape-error.js';
import { sizeOf } from './shape.js';
import type { GraphNode, Tangent, Trace } from './trace.js';
import { add, sub, mul, div, pow } from './ops/binary.js';
import {
  neg, exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, relu, square,
} from './ops/unary.js';
import { matmul } from './ops/matmul.js';
import { sum, mean } from './ops/reduce.js';
import { reshape, transpose } from './ops/layout.js';
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
 * @example
 * ```ts
 * const a = tensor([[1, 2], [3, 4]]);
 * a.matmul(a).add(1).toArray(); // [[8, 11], [16, 23]]
 * ```
 */
export class Tensor {
  /** Row-major values; `data.length === size`. */
  readonly data: Float64Array;
  /** Dimensions; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** @internal The recorded op that produced this tensor, while a reverse trace needs it. */
  _origin: GraphNode | null = null;
  /** @internal The innermost reverse trace this tensor depends on. */
  _trace: Trace | null = null;
  /** @internal Tangents carried for active forward traces. */
  _tangents: Tangent[] | null = null;

  /**
   * Wraps `data` (not copied) with `shape`; throws {@link ShapeError} when the sizes differ.
   */
  constructor(data: Float64Array, shape: readonly number[]) {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) {
        throw new ShapeError('Tensor', `dimension ${d} in shape ${formatShape(shape)} must be a non-negative integer`, [shape]);
      }
    }
    if (sizeOf(shape) !== data.length) {
      throw new ShapeError('Tensor', `shape ${formatShape(shape)} needs ${sizeOf(shape)} values, got ${data.length}`, [shape]);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The value of a size-1 tensor; throws {@link ShapeError} otherwise. */
  item(): number {
    if (this.data.length !== 1) {
      throw new ShapeError('item', `expected a tensor with one element, got shape ${formatShape(this.shape)}`, [this.shape]);
    }
    return this.data[0] as number;
  }

  /** The values as nested plain arrays (a number for a scalar). */
  toArray(): number | NestedArray {
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
    return new Tensor(this.data, this.shape);
  }

  toString(): string {
    return `Tensor(${formatShape(this.shape)}, ${JSON.stringify(this.toArray())})`;
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
  matmul(other: Tensor | number): Tensor { return matmul(this, other); }
  matmulAdd(other: Tensor | number, bias: Tensor | number): Tensor { return matmulAdd(this, other, bias); }
  dense(other: Tensor | number, bias: Tensor | number, activation: Activation = 'linear'): Tensor { return dense(this, other, bias, activation); }
  transpose(): Tensor { return transpose(this); }
  sum(axis?: number | readonly number[], keepDims = false): Tensor { return sum(this, axis, keepDims); }
  mean(axis?: number | readonly number[], keepDims = false): Tensor { return mean(this, axis, keepDims); }
  reshape(shape: readonly number[]): Tensor { return reshape(this, shape); }
}
