import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import {
  ShapeError, Tensor, tensor, scalar, zeros, ones, full,
  add, sub, mul, div, pow, neg, exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, relu, square,
  matmul, matmulAdd, transpose, sum, mean, reshape,
} from './index.js';

describe('tensor(values, shape?)', () => {
  it('tensor(nested) infers a row-major shape', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.size).toBe(6);
    expect(t.ndim).toBe(2);
  });
  it('tensor(values, shape) reads flat values in row-major order', () => {
    expect(tensor([1, 2, 3, 4], [2, 2]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(tensor(Float64Array.of(1, 2)).toArray()).toEqual([1, 2]);
  });
  it('tensor(Float64Array) copies its input', () => {
    const src = Float64Array.of(1, 2);
    const t = tensor(src);
    src[0] = 9;
    expect(t.data[0]).toBe(1);
  });
  it('scalar(x) has shape [] and item() returns x', () => {
    expect(scalar(3).shape).toEqual([]);
    expect(scalar(3).item()).toBe(3);
    expect(tensor(2.5).toArray()).toBe(2.5);
  });
  it('item() throws ShapeError unless the tensor has one element', () => {
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).item()).toThrow(/item: .*\[2\]/);
    expect(tensor([[7]]).item()).toBe(7);
  });
  it('tensor rejects ragged arrays and wrong sizes with ShapeError', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/tensor: cannot read 3 values as shape \[2,2\]/);
    expect(() => new Tensor(new Float64Array(3), [2])).toThrow(ShapeError);
  });
  it('zeros, ones and full fill a shape', () => {
    expect(zeros([2]).toArray()).toEqual([0, 0]);
    expect(ones([1, 2]).toArray()).toEqual([[1, 1]]);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
  });
  it('toString() names the shape and values', () => {
    expect(tensor([1, 2]).toString()).toBe('Tensor([2], [1,2])');
  });
});

describe('elementwise ops', () => {
  test.each([
    ['add', add, 6, 2, 8],
    ['sub', sub, 6, 2, 4],
    ['mul', mul, 6, 2, 12],
    ['div', div, 6, 2, 3],
    ['pow', pow, 6, 2, 36],
  ] as const)('%s(a, b) computes the binary op on scalars', (_name, op, a, b, expected) => {
    expect(op(a, b).item()).toBe(expected);
  });

  test.each([
    ['neg', neg, 0.7, -0.7],
    ['exp', exp, 0.7, Math.exp(0.7)],
    ['log', log, 0.7, Math.log(0.7)],
    ['sqrt', sqrt, 0.7, Math.sqrt(0.7)],
    ['abs', abs, -0.7, 0.7],
    ['sin', sin, 0.7, Math.sin(0.7)],
    ['cos', cos, 0.7, Math.cos(0.7)],
    ['tan', tan, 0.7, Math.tan(0.7)],
    ['tanh', tanh, 0.7, Math.tanh(0.7)],
    ['sigmoid', sigmoid, 0.7, 1 / (1 + Math.exp(-0.7))],
    ['relu', relu, -0.7, 0],
    ['square', square, 0.7, 0.49],
  ] as const)('%s(x) matches Math', (_name, op, x, expected) => {
    expect(op(x).item()).toBeCloseTo(expected, 15);
  });

  it('sigmoid(x) does not overflow for large |x|', () => {
    expect(sigmoid(tensor([-1000, 1000])).toArray()).toEqual([0, 1]);
  });

  it('methods mirror the free functions', () => {
    const a = tensor([[1, 2], [3, 4]]);
    expect(a.add(1).mul(2).sub(a).div(2).toArray()).toEqual(div(sub(mul(add(a, 1), 2), a), 2).toArray());
    expect(a.matmul(a).toArray()).toEqual([[7, 10], [15, 22]]);
    expect(a.transpose().toArray()).toEqual([[1, 3], [2, 4]]);
    expect(a.sum().item()).toBe(10);
    expect(a.mean(1).toArray()).toEqual([1.5, 3.5]);
    expect(a.reshape([4]).toArray()).toEqual([1, 2, 3, 4]);
    expect(a.neg().abs().sqrt().square().toArray()).toEqual([[1, 2], [3, 4]].map((r) => r.map((v) => Math.sqrt(v) ** 2)));
  });
});

describe('broadcasting', () => {
  test.each([
    [[2, 3], [3], [2, 3]],
    [[2, 3], [2, 1], [2, 3]],
    [[2, 1], [1, 3], [2, 3]],
    [[4, 1, 3], [2, 1], [4, 2, 3]],
    [[], [2, 2], [2, 2]],
    [[5, 1, 1], [1, 4, 1], [5, 4, 1]],
  ])('add(shape %j, shape %j) has shape %j and numpy values', (sa, sb, expected) => {
    const a = tensor(Array.from({ length: sa.reduce((p, d) => p * d, 1) }, (_, i) => i + 1), sa);
    const b = tensor(Array.from({ length: sb.reduce((p, d) => p * d, 1) }, (_, i) => 10 * (i + 1)), sb);
    const out = add(a, b);
    expect(out.shape).toEqual(expected);
    // Reference: index both operands independently through numpy's broadcasting rule.
    const rank = expected.length;
    const at = (t: Tensor, idx: number[]): number => {
      let flat = 0;
      t.shape.forEach((d, k) => { flat = flat * d + (d === 1 ? 0 : idx[rank - t.ndim + k] as number); });
      return t.data[flat] as number;
    };
    for (let f = 0; f < out.size; f++) {
      const idx: number[] = [];
      let r = f;
      for (let k = rank - 1; k >= 0; k--) { idx[k] = r % (expected[k] as number); r = Math.floor(r / (expected[k] as number)); }
      expect(out.data[f]).toBe(at(a, idx) + at(b, idx));
    }
  });

  it('add throws ShapeError naming the op and both shapes', () => {
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow('add: cannot broadcast shapes [2,3] and [4]');
    expect(() => mul(zeros([2]), zeros([3]))).toThrow(ShapeError);
    const error = (() => {
      try {
        sub(zeros([2]), zeros([3]));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).op).toBe('sub');
    expect((error as ShapeError).shapes).toEqual([[2], [3]]);
  });

  it('broadcasting is commutative for add and mul (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      (shape, ones1) => {
        const other = shape.map((d, i) => (ones1[i] ? 1 : d));
        const a = tensor(Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => i - 2), shape);
        const b = tensor(Array.from({ length: other.reduce((p, d) => p * d, 1) }, (_, i) => 0.5 * i + 1), other);
        expect(add(a, b).toArray()).toEqual(add(b, a).toArray());
        expect(mul(a, b).toArray()).toEqual(mul(b, a).toArray());
      },
    ));
  });
});

describe('matmul, transpose, reductions, reshape', () => {
  it('matmul(a, b) multiplies matrices', () => {
    expect(matmul(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[7, 8], [9, 10], [11, 12]])).toArray()).toEqual([[58, 64], [139, 154]]);
  });
  it('matmul follows numpy for 1-D operands', () => {
    const m = tensor([[1, 2], [3, 4]]);
    expect(matmul(m, tensor([1, 1])).toArray()).toEqual([3, 7]);
    expect(matmul(tensor([1, 1]), m).toArray()).toEqual([4, 6]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).shape).toEqual([]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).item()).toBe(11);
  });
  it('matmul throws ShapeError naming both shapes', () => {
    expect(() => matmul(zeros([2, 3]), zeros([4, 5]))).toThrow('matmul: cannot multiply shapes [2,3] and [4,5] (inner dimensions 3 and 4 differ)');
    expect(() => matmul(zeros([2, 2, 2]), zeros([3, 2, 2]))).toThrow('matmul: cannot broadcast shapes [2] and [3]');
    expect(() => matmul(zeros([]), zeros([2]))).toThrow(ShapeError);
  });
  it('transpose reverses axes', () => {
    const t = tensor(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    const tt = transpose(t);
    expect(tt.shape).toEqual([4, 3, 2]);
    expect(tt.data[1 * 6 + 2 * 2 + 1]).toBe(1 * 12 + 2 * 4 + 1);
    expect(transpose(tensor([1, 2])).toArray()).toEqual([1, 2]);
  });
  it('sum(a, axis) and mean(a, axis) reduce like numpy', () => {
    const t = tensor(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    expect(sum(t).item()).toBe(276);
    expect(sum(t, 0).toArray()).toEqual([[12, 14, 16, 18], [20, 22, 24, 26], [28, 30, 32, 34]]);
    expect(sum(t, [0, 2]).toArray()).toEqual([60, 92, 124]);
    expect(sum(t, -1).shape).toEqual([2, 3]);
    expect(sum(t, 1, true).shape).toEqual([2, 1, 4]);
    expect(mean(t, 2).toArray()).toEqual([[1.5, 5.5, 9.5], [13.5, 17.5, 21.5]]);
    expect(() => sum(t, 3)).toThrow('sum: axis 3 is out of range for shape [2,3,4]');
  });
  it('reshape infers one -1 dimension and rejects bad sizes', () => {
    expect(reshape(tensor([1, 2, 3, 4, 5, 6]), [3, -1]).shape).toEqual([3, 2]);
    expect(() => reshape(tensor([1, 2, 3]), [2, -1])).toThrow('reshape: cannot reshape [3] (3 values) to [2,-1]');
  });
});

describe('matmul kernels', () => {
  const naive = (a: number[][], b: number[][]): number[][] =>
    a.map((row) => (b[0] ?? []).map((_, j) => row.reduce((s, v, p) => s + v * (b[p]?.[j] as number), 0)));
  it('matmul(a, b) equals the naive triple loop for every size 1..9 (block edges)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (m, k, n) => {
      const a = Array.from({ length: m }, (_, i) => Array.from({ length: k }, (_, p) => Math.sin(i * 7 + p)));
      const b = Array.from({ length: k }, (_, p) => Array.from({ length: n }, (_, j) => Math.cos(p * 3 + j)));
      const got = matmul(tensor(a), tensor(b)).toArray() as number[][];
      const want = naive(a, b);
      got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]?.[j] as number, 12)));
      const c = Array.from({ length: n }, (_, j) => j - 1);
      const fused = matmulAdd(tensor(a), tensor(b), tensor(c)).toArray() as number[][];
      fused.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo((want[i]?.[j] as number) + (c[j] as number), 12)));
    }), { numRuns: 60 });
  });
  it('matmulAdd rejects shapes that do not fit', () => {
    expect(() => matmulAdd(zeros([2, 3]), zeros([3, 2]), zeros([3]))).toThrow('matmulAdd: cannot broadcast shapes [3] and [2,2]');
    expect(() => matmulAdd(zeros([2, 3]), zeros([2, 2]), 0)).toThrow(ShapeError);
  });
});
