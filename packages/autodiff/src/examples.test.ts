import { describe, expect, it } from 'vitest';
import {
  tensor, scalar, full, zeros, ones, add, sub, div, pow, exp, log, matmul, matmulAdd, dense, sum, mean, reshape, transpose,
  grad, valueAndGrad, vjp, jvp, jacobian, hessian, noGrad, numericGrad, gradCheck, tanh,
} from './index.js';

// The @example blocks of the TSDoc comments, run as written.
describe('TSDoc examples', () => {
  it('tensor constructors', () => {
    const a = tensor([[1, 2], [3, 4]]);
    expect(a.matmul(a).add(1).toArray()).toEqual([[8, 11], [16, 23]]);
    expect(tensor([[1, 2, 3], [4, 5, 6]]).shape).toEqual([2, 3]);
    expect(tensor([1, 2, 3, 4], [2, 2]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(scalar(3).item()).toBe(3);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
  });
  it('ops', () => {
    expect(add(tensor([[1, 2], [3, 4]]), tensor([10, 20])).toArray()).toEqual([[11, 22], [13, 24]]);
    expect(sub(5, tensor([1, 2])).toArray()).toEqual([4, 3]);
    expect(div(tensor([1, 2]), 4).toArray()).toEqual([0.25, 0.5]);
    expect(pow(tensor([2, 3]), 2).toArray()).toEqual([4, 9]);
    expect(exp(0).item()).toBe(1);
    expect(log(Math.E).item()).toBe(1);
    expect(matmul(tensor([[1, 2], [3, 4]]), tensor([1, 1])).toArray()).toEqual([3, 7]);
    expect(matmulAdd(tensor([[1, 2]]), tensor([[3], [4]]), 1).toArray()).toEqual([[12]]);
    expect(dense(tensor([[1, 2]]), tensor([[3], [4]]), -11, 'sigmoid').item()).toBe(0.5);
    expect(sum(tensor([[1, 2], [3, 4]])).item()).toBe(10);
    expect(sum(tensor([[1, 2], [3, 4]]), 0).toArray()).toEqual([4, 6]);
    expect(mean(tensor([1, 2, 3, 4])).item()).toBe(2.5);
    expect(reshape(tensor([1, 2, 3, 4]), [2, -1]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(transpose(tensor([[1, 2, 3]])).toArray()).toEqual([[1], [2], [3]]);
  });
  it('transformations', () => {
    expect(grad((x) => tanh(x))(1).item()).toBe(0.41997434161402614);
    expect(grad(grad(grad((x) => tanh(x))))(1).item()).toBeCloseTo(0.6216266807712961, 15);
    const gs = grad((w, b) => w.mul(b).sum(), { argnums: [0, 1] })(tensor([1, 2]), tensor([3, 4]));
    expect(gs.map((g) => g.toArray())).toEqual([[3, 4], [1, 2]]);
    const [loss, g] = valueAndGrad((w) => w.square().sum())(tensor([1, 2]));
    expect([loss.item(), g.toArray()]).toEqual([5, [2, 4]]);
    const [, vjpFn] = vjp((x) => x.square(), tensor([1, 2, 3]));
    expect(vjpFn(tensor([1, 0, 1]))[0]?.toArray()).toEqual([2, 0, 6]);
    expect(jvp((x) => x.sin(), [0], [1]).map((t) => t.item())).toEqual([0, 1]);
    expect(jacobian((x) => x.square())(tensor([1, 2])).toArray()).toEqual([[2, 0], [0, 4]]);
    expect(hessian((x) => x.pow(3).sum())(tensor([1, 2])).toArray()).toEqual([[6, 0], [0, 12]]);
    expect(grad((x) => x.mul(noGrad(() => x.mul(3))))(2).item()).toBe(6);
    const n = numericGrad((x) => x.square().sum(), tensor([1, 2])).toArray() as number[];
    expect(n[0]).toBeCloseTo(2, 8);
    expect(n[1]).toBeCloseTo(4, 8);
    const r = gradCheck((w, x) => w.matmul(x).sigmoid().sum(), [tensor([[1, 2]]), tensor([[0.5], [-1]])]);
    expect(r.ok).toBe(true);
    expect(r.absError).toBeLessThan(1e-8);
  });
});
