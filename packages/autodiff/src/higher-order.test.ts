import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ShapeError, Tensor, tensor, grad, valueAndGrad, jvp, jacobian, hessian, tanh, sum, sin, exp, mul, numericGrad,
} from './index.js';

const sech2 = (x: number): number => 1 / Math.cosh(x) ** 2;

describe('higher order', () => {
  it('grad(grad(grad(tanh))) matches the closed forms of the first three derivatives', () => {
    const d1 = grad((x) => tanh(x));
    const d2 = grad(d1);
    const d3 = grad(d2);
    for (const x of [-1.5, 0, 0.3, 1]) {
      const t = Math.tanh(x);
      expect(d1(x).item()).toBeCloseTo(sech2(x), 14);
      expect(d2(x).item()).toBeCloseTo(-2 * t * sech2(x), 14);
      expect(d3(x).item()).toBeCloseTo(-2 * sech2(x) * (sech2(x) - 2 * t * t), 13);
    }
  });

  it('grad(grad(x³)) at [.1, .2] is [.6, 1.2] (tfjs second-order test)', () => {
    const d2 = grad((x) => sum(grad((y) => y.mul(y).mul(y).sum())(x)));
    const out = d2(tensor([0.1, 0.2])).toArray() as number[];
    expect(out[0]).toBeCloseTo(0.6, 14);
    expect(out[1]).toBeCloseTo(1.2, 14);
  });

  it('higher derivatives of sin cycle through cos, -sin, -cos, sin', () => {
    let f = (x: Tensor): Tensor => sin(x);
    const expected = [Math.cos, (x: number) => -Math.sin(x), (x: number) => -Math.cos(x), Math.sin];
    for (const ref of expected) {
      const g = grad(f);
      f = g;
      expect(f(tensor(0.7)).item()).toBeCloseTo(ref(0.7), 13);
    }
  });

  it('nested grad does not confuse perturbations (d/dx [x · d/dy (x·y)] = 2x)', () => {
    const inner = (x: Tensor): Tensor => grad((y) => x.mul(y))(x);
    expect(grad((x) => x.mul(inner(x)))(3).item()).toBe(6);
    // And through forward mode: d/dx x·(d/dy x·y at y=1) = 2x.
    const [, t] = jvp((x) => x.mul(jvp((y) => x.mul(y), [1], [1])[1]), [3], [1]);
    expect(t.item()).toBe(6);
  });
});

describe('jvp(f, primals, tangents)', () => {
  it('jvp returns the output and J·v', () => {
    const [y, dy] = jvp((x) => x.square().mul(3), [tensor([1, 2])], [tensor([1, 0.5])]);
    expect(y.toArray()).toEqual([3, 12]);
    expect(dy.toArray()).toEqual([6, 6]);
  });
  it('jvp with several primals adds the directional derivatives', () => {
    const [, t] = jvp((a, b) => a.mul(b).sum(), [tensor([1, 2]), tensor([3, 4])], [tensor([1, 0]), tensor([0, 1])]);
    expect(t.item()).toBe(3 + 2);
  });
  it('jvp of a function that ignores its input returns a zero tangent', () => {
    const [, t] = jvp(() => tensor([5, 6]), [1], [1]);
    expect(t.toArray()).toEqual([0, 0]);
  });
  it('jvp(jvp) gives second derivatives (forward-over-forward)', () => {
    const d2 = (x: number): number => jvp((u) => jvp((v) => exp(v.mul(2)), [u], [1])[1], [x], [1])[1].item();
    expect(d2(0.3)).toBeCloseTo(4 * Math.exp(0.6), 13);
  });
  it('jvp rejects mismatched tangents', () => {
    expect(() => jvp((x) => x, [tensor([1, 2])], [tensor([1])])).toThrow(ShapeError);
    expect(() => jvp((x) => x, [1, 2], [1])).toThrow(RangeError);
  });
  it('grad of a jvp (reverse-over-forward) gives the second derivative', () => {
    const g = grad((x) => jvp((u) => u.mul(u).mul(u), [x], [1])[1]);
    expect(g(2).item()).toBe(12);
  });
});

describe('jacobian and hessian', () => {
  it('jacobian(f)(x) has shape [...out.shape, ...x.shape]', () => {
    const A = tensor([[1, 2, 3], [4, 5, 6]]);
    const J = jacobian((x) => A.matmul(x))(tensor([1, 1, 1]));
    expect(J.shape).toEqual([2, 3]);
    expect(J.toArray()).toEqual(A.toArray());
    const J2 = jacobian((x) => x.mul(2))(tensor([[1, 2]]));
    expect(J2.shape).toEqual([1, 2, 1, 2]);
  });

  it('hessian(f)(x) of a quadratic form xᵀAx is A + Aᵀ', () => {
    const A = tensor([[1, 2], [0, 3]]);
    const H = hessian((x) => x.matmul(A).matmul(x))(tensor([0.5, -1]));
    expect(H.toArray()).toEqual([[2, 2], [2, 6]]);
  });

  it('hessian forward-over-reverse agrees with reverse-over-reverse (property)', () => {
    const component = (x: Tensor, i: number): Tensor => x.matmul(tensor([0, 1, 2].map((j) => (j === i ? 1 : 0))));
    const f = (x: Tensor): Tensor => {
      const [a, b, c] = [0, 1, 2].map((i) => component(x, i)) as [Tensor, Tensor, Tensor];
      return tanh(a.mul(b)).add(exp(c.mul(0.3)).mul(a)).add(sin(b.mul(c)).square());
    };
    fc.assert(fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }), (xs) => {
      const x = tensor(xs);
      const hf = hessian(f)(x);
      const hr = hessian(f, { mode: 'reverse-over-reverse' })(x);
      expect(hf.shape).toEqual([3, 3]);
      hf.data.forEach((v, i) => expect(v).toBeCloseTo(hr.data[i] as number, 10));
      // Symmetric, and each row is the numeric derivative of the gradient.
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(hf.data[i * 3 + j]).toBeCloseTo(hf.data[j * 3 + i] as number, 10);
    }), { numRuns: 25 });
  });

  it('hessian matches central differences of the gradient', () => {
    const f = (x: Tensor): Tensor => mul(x, x).sum().mul(x.sin().sum());
    const x = tensor([0.4, -1.1]);
    const H = hessian(f)(x);
    for (let i = 0; i < 2; i++) {
      const row = numericGrad((y) => grad(f)(y).reshape([2]).matmul(tensor(i === 0 ? [1, 0] : [0, 1])), x);
      row.data.forEach((v, j) => expect(H.data[i * 2 + j]).toBeCloseTo(v, 6));
    }
  });

  it('hessian rejects an unknown mode', () => {
    expect(() => hessian((x) => x, { mode: 'sideways' as 'reverse-over-reverse' })).toThrow(RangeError);
  });

  it('valueAndGrad inside grad keeps the inner value differentiable', () => {
    const g = grad((x) => valueAndGrad((y) => y.mul(y).mul(x))(x)[0]);
    expect(g(3).item()).toBe(27);
  });
});

describe('fused layers at higher order', () => {
  it('hessian of a dense/matmulAdd network agrees across modes and with the unfused ops', () => {
    const W = tensor([[0.3, -0.2], [0.1, 0.5], [-0.4, 0.2]]);
    const b = tensor([[0.1], [-0.1], [0.2]]);
    const fused = (x: Tensor): Tensor => W.dense(x.reshape([2, 1]), b, 'sigmoid').matmulAdd(tensor([[1, -1]]), 0.5).tanh().sum();
    const plain = (x: Tensor): Tensor => W.matmul(x.reshape([2, 1])).add(b).sigmoid().matmul(tensor([[1, -1]])).add(0.5).tanh().sum();
    const x = tensor([0.7, -0.3]);
    const h1 = hessian(fused)(x);
    const h2 = hessian(fused, { mode: 'reverse-over-reverse' })(x);
    const h3 = hessian(plain)(x);
    h1.data.forEach((v, i) => {
      expect(v).toBeCloseTo(h2.data[i] as number, 13);
      expect(v).toBeCloseTo(h3.data[i] as number, 13);
    });
    const [, t] = jvp(fused, [x], [tensor([1, 2])]);
    const [, tp] = jvp(plain, [x], [tensor([1, 2])]);
    expect(t.item()).toBeCloseTo(tp.item(), 14);
  });
});
