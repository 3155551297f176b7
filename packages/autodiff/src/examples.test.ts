import { describe, expect, it } from 'vitest';
import * as m from './index.js';
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

describe('TSDoc examples of the new ops and of jit', () => {
  it('elementwise ops', () => {
    expect(m.atan(1).item()).toBe(0.7853981633974483);
    expect(m.asin(1).item()).toBe(1.5707963267948966);
    expect(m.acos(1).item()).toBe(0);
    expect(m.sinh(0).item()).toBe(0);
    expect(m.cosh(0).item()).toBe(1);
    expect(m.log1p(1e-20).item()).toBe(1e-20);
    expect(m.expm1(1e-20).item()).toBe(1e-20);
    expect(m.erf(0.5).item()).toBe(0.5204998778130465);
    expect(m.atan2(1, -1).item()).toBe(2.356194490192345);
    expect(m.sign(m.tensor([-3, 0, 2])).toArray()).toEqual([-1, 0, 1]);
    expect(m.greater(m.tensor([1, 2, 3]), 2).toArray()).toEqual([0, 0, 1]);
    expect(m.greaterEqual(m.tensor([1, 2, 3]), 2).toArray()).toEqual([0, 1, 1]);
    expect(m.less(m.tensor([1, 2, 3]), 2).toArray()).toEqual([1, 0, 0]);
    expect(m.lessEqual(m.tensor([1, 2, 3]), 2).toArray()).toEqual([1, 1, 0]);
    expect(m.equal(m.tensor([1, 2, 3]), 2).toArray()).toEqual([0, 1, 0]);
    expect(m.maximum(m.tensor([1, 5]), 3).toArray()).toEqual([3, 5]);
    expect(m.minimum(m.tensor([1, 5]), 3).toArray()).toEqual([1, 3]);
    const x = m.tensor([-2, 3]);
    expect(m.where(m.greater(x, 0), x, x.mul(0.1)).toArray()).toEqual([-0.2, 3]);
    expect(m.clip(m.tensor([-2, 0.5, 7]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
  });
  it('layout ops', () => {
    expect(m.at(m.tensor([10, 20, 30]), -1).item()).toBe(30);
    expect(m.at(m.tensor([[1, 2], [3, 4]]), 0).toArray()).toEqual([1, 2]);
    expect(m.slice(m.tensor([1, 2, 3, 4]), 1).toArray()).toEqual([2, 3, 4]);
    expect(m.slice(m.tensor([1, 2, 3, 4]), 0, -1).toArray()).toEqual([1, 2, 3]);
    expect(m.transpose(m.zeros([2, 3, 4]), [0, 2, 1]).shape).toEqual([2, 4, 3]);
    expect(m.matmul(m.zeros([5, 1, 2, 3]), m.zeros([4, 3, 6])).shape).toEqual([5, 4, 2, 6]);
    const a = m.tensor([[1, 2], [3, 4]]);
    expect(a.shape).toEqual([2, 2]);
    expect([...a.data]).toEqual([1, 2, 3, 4]);
  });
  it('jacobian, jacfwd, jacrev, jit', () => {
    const [jx, jy] = m.jacobian((x, y) => x.mul(y), { argnums: [0, 1] })(m.tensor([1, 2]), 3);
    expect([jx?.toArray(), jy?.toArray()]).toEqual([[[3, 0], [0, 3]], [1, 2]]);
    expect(m.jacfwd((x) => x.sin())(m.tensor([0, 0])).toArray()).toEqual([[1, 0], [0, 1]]);
    expect(m.jacrev((x) => x.square().sum().reshape([1]))(m.tensor([1, 2])).toArray()).toEqual([[2, 4]]);
    const power = m.jit((x: m.Tensor, k: number) => x.pow(k), { staticArgnums: [1] });
    expect(power([1, 2], 3).toArray()).toEqual([1, 8]);
    const vg = m.jit(m.valueAndGrad((x: m.Tensor) => x.square().sum())).lower(new Float64Array(3));
    const value = new Float64Array(1);
    const gradient = new Float64Array(3);
    vg.run([Float64Array.of(1, 2, 3)], [value, gradient]);
    expect([...value, ...gradient]).toEqual([14, 2, 4, 6]);
    const loss = (w: m.Tensor, x: m.Tensor) => w.matmul(x).sigmoid().sum();
    const [v, g] = m.jit(m.valueAndGrad(loss))(m.tensor([[0.5, -1]]), m.tensor([[1], [2]]));
    expect(v.item()).toBeCloseTo(0.18242552380635635, 15);
    expect(g.toArray()).toEqual([[0.14914645207033286, 0.2982929041406657]]);
    expect(() => m.jit((x: m.Tensor) => (x.sum().item() > 0 ? x : x.neg()))([1, 2])).toThrow(m.TracerError);
  });
});
