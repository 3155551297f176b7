import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, KitShapeError, matmul, matrixShape, mul, scale, size, sub, sum, transpose, type Matrix } from './matrix.js';

const matrix = (rows: number, cols: number) => fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const dims = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));

function close(a: Matrix, b: Matrix): void {
  expect(matrixShape(a)).toEqual(matrixShape(b));
  a.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(b[i]![j]!, 9)));
}

describe('the learner kit', () => {
  it('computes the small cases by hand', () => {
    expect(matmul([[1, 2]], [[3], [4]])).toEqual([[11]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(mul([[1, 2]], [[3, 4]])).toEqual([[3, 8]]);
    expect(add([[1, 2]], [[3, 4]])).toEqual([[4, 6]]);
    expect(sub([[1, 2]], [[3, 4]])).toEqual([[-2, -2]]);
    expect(scale([[1, 2]], 2)).toEqual([[2, 4]]);
    expect(sum([[1, 2], [3, 4]])).toEqual([[3], [7]]);
    expect(sum([[1, 2], [3, 4]], 0)).toEqual([[4, 6]]);
    expect(size([[0, 0.01, 0.02]])).toBe(3);
  });

  it('(AB)ᵀ = BᵀAᵀ and (Aᵀ)ᵀ = A for every shape', () => {
    fc.assert(
      fc.property(dims.chain(([r, k, c]) => fc.tuple(matrix(r, k), matrix(k, c))), ([A, B]) => {
        close(transpose(matmul(A, B)), matmul(transpose(B), transpose(A)));
        expect(transpose(transpose(A))).toEqual(A);
      }),
    );
  });

  it('sum over the examples is the product with a column of ones', () => {
    fc.assert(
      fc.property(dims.chain(([r, c]) => matrix(r, c)), (A) => {
        close(sum(A, 1), matmul(A, A[0]!.map(() => [1])));
        close(sum(A, 0), matmul([A.map(() => 1)], A));
      }),
    );
  });

  it('rejects shapes that do not fit, naming the operation and both shapes', () => {
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(new KitShapeError('matmul', [[1, 2], [1, 2]], "A is 1×2 and B is 1×2: A's columns (2) must equal B's rows (1)"));
    expect(() => mul([[1]], [[1, 2]])).toThrow(/^mul: A is 1×1 and B is 1×2: elementwise operations need equal shapes$/);
    expect(() => transpose([[1, 2], [3]] as Matrix)).toThrow(/transpose: A must be a matrix .*ragged array: row 0 has 2 entries, row 1 has 1/);
    expect(() => matmul([1, 2] as unknown as Matrix, [[1]])).toThrow(/first element is the number 1, not a row/);
    expect(() => sum([[1]], 2 as 0)).toThrow(/axis must be 0 .* or 1 .*, got the number 2/);
    expect(() => scale([[1]], '2' as unknown as number)).toThrow(/k must be a number, got the string "2"/);
  });
});
