import { describe, expect, it } from 'vitest';
import { Tensor, tensor, jacobian, jacfwd, jacrev, hessian, jit, exp, sub, numericGrad } from './index.js';

const residuals = (p: Tensor): Tensor => exp(sub(tensor(Array.from({ length: 20 }, (_, i) => i / 4)), p.at(0)).square().div(p.at(1)).neg());

describe('jacobian, jacfwd, jacrev', () => {
  it('all three agree, shaped [...out.shape, ...x.shape]', () => {
    const f = (x: Tensor): Tensor => x.matmul(tensor([[1, 2, 0], [0, -1, 3]])).sin();
    const x = tensor([[0.3, -0.2], [0.5, 0.1]]);
    const J = jacobian(f)(x);
    expect(J.shape).toEqual([2, 3, 2, 2]);
    for (const other of [jacfwd(f)(x), jacrev(f)(x)]) other.data.forEach((v, i) => expect(v).toBeCloseTo(J.data[i] as number, 14));
  });

  it('the Jacobian of 20 residuals in 2 parameters matches central differences', () => {
    const p = tensor([2.5, 3]);
    const J = jacobian(residuals)(p);
    expect(J.shape).toEqual([20, 2]);
    for (let i = 0; i < 20; i++) {
      const num = numericGrad((q) => residuals(q).at(i), p);
      expect(J.data[2 * i]).toBeCloseTo(num.data[0] as number, 7);
      expect(J.data[2 * i + 1]).toBeCloseTo(num.data[1] as number, 7);
    }
  });

  it("mode 'auto' uses forward mode for fewer inputs than outputs and reverse mode otherwise", () => {
    let calls = 0;
    const counted = (f: (x: Tensor) => Tensor) => (x: Tensor): Tensor => { calls++; return f(x); };
    // 2 inputs, 20 outputs: after the first call (which also learns the output size),
    // one pushforward per input: f runs twice.
    const tall = jacobian(counted(residuals));
    tall(tensor([2.5, 3]));
    calls = 0;
    tall(tensor([2.5, 3]));
    expect(calls).toBe(2);
    // 20 inputs, 2 outputs: one forward pass and two pullbacks: f runs once.
    const wide = jacobian(counted((x: Tensor) => tensor([[1], [-1]]).mul(x.square().sum())));
    wide(tensor(Array.from({ length: 20 }, (_, i) => i)));
    calls = 0;
    expect(wide(tensor(Array.from({ length: 20 }, (_, i) => i))).shape).toEqual([2, 1, 20]);
    expect(calls).toBe(1);
    // Forced modes do what they say.
    calls = 0;
    jacrev(counted(residuals))(tensor([2.5, 3]));
    expect(calls).toBe(1);
  });

  it('argnums picks one argument or gives one Jacobian per listed argument', () => {
    const f = (x: Tensor, y: Tensor): Tensor => x.mul(y);
    const [jx, jy] = jacobian(f, { argnums: [0, 1] })(tensor([1, 2]), 3);
    expect(jx?.toArray()).toEqual([[3, 0], [0, 3]]);
    expect(jy?.toArray()).toEqual([1, 2]);
    expect(jacfwd(f, { argnums: 1 })(tensor([1, 2]), 3).toArray()).toEqual([1, 2]);
    expect(jacrev(f, { argnums: [1] })(tensor([1, 2]), 3).map((t) => t.toArray())).toEqual([[1, 2]]);
  });

  it('empty inputs or outputs give empty Jacobians of the right shape', () => {
    expect(jacobian((x: Tensor) => x.mul(2))(tensor([])).shape).toEqual([0, 0]);
    expect(jacfwd((x: Tensor) => x.sum().reshape([1]).slice(1))(tensor([1, 2])).shape).toEqual([0, 2]);
  });

  it('jit(jacobian(f)) compiles the chosen mode and agrees', () => {
    const p = tensor([2.5, 3]);
    const want = jacobian(residuals)(p);
    const got = jit(jacobian(residuals))(p);
    got.data.forEach((v, i) => expect(v).toBeCloseTo(want.data[i] as number, 14));
  });

  it('hessian forward-over-reverse and reverse-over-reverse agree', () => {
    const f = (x: Tensor): Tensor => x.pow(3).sum().add(x.at(0).mul(x.at(1)));
    const x = tensor([1, 2]);
    expect(hessian(f)(x).toArray()).toEqual([[6, 1], [1, 12]]);
    expect(hessian(f, { mode: 'reverse-over-reverse' })(x).toArray()).toEqual([[6, 1], [1, 12]]);
  });
});
