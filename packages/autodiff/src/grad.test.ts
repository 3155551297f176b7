import { describe, expect, it } from 'vitest';
import {
  ShapeError, Tensor, tensor, scalar, grad, valueAndGrad, vjp, noGrad, hessian, matmul, relu, sum, tanh, sigmoid,
} from './index.js';

/** micrograd's test_engine.py expressions, written with the fluent methods. */
function microgradSanity(x: Tensor): Tensor {
  const z = x.mul(2).add(2).add(x);
  const q = z.relu().add(z.mul(x));
  const h = z.mul(z).relu();
  return h.add(q).add(q.mul(x));
}

function microgradMoreOps(a: Tensor, b: Tensor): Tensor {
  let c = a.add(b);
  let d = a.mul(b).add(b.pow(3));
  c = c.add(c.add(1));
  c = c.add(scalar(1).add(c).add(a.neg()));
  d = d.add(d.mul(2).add(b.add(a).relu()));
  d = d.add(scalar(3).mul(d).add(b.sub(a).relu()));
  const e = c.sub(d);
  const f = e.pow(2);
  let g = f.div(2);
  g = g.add(scalar(10).div(f));
  return g;
}

describe('grad and valueAndGrad against micrograd', () => {
  it('valueAndGrad(f)(x) reproduces test_sanity_check: y = -20, dy/dx = 46', () => {
    const [y, dy] = valueAndGrad(microgradSanity)(-4);
    expect(y.item()).toBe(-20);
    expect(dy.item()).toBe(46);
  });

  it('valueAndGrad(f, { argnums: [0, 1] }) reproduces test_more_ops', () => {
    const [g, [dga, dgb]] = valueAndGrad(microgradMoreOps, { argnums: [0, 1] })(-4, 2);
    expect(g.item()).toBeCloseTo(24.70408163265306, 12);
    expect(dga?.item()).toBeCloseTo(138.83381924198252, 10);
    expect(dgb?.item()).toBeCloseTo(645.5772594752186, 10);
  });

  it('grad accumulates when a value is used twice (b in a*b + b**3)', () => {
    const [da, db] = grad((a, b) => a.mul(b).add(b.pow(3)), { argnums: [0, 1] })(3, 2);
    expect(da?.item()).toBe(2);
    expect(db?.item()).toBe(3 + 3 * 4);
    expect(grad((x) => x.add(x).add(x))(5).item()).toBe(3);
    expect(grad((x) => x.mul(x))(5).item()).toBe(10);
  });
});

describe('grad against tfjs gradients_test', () => {
  it('grad of sum(relu(matmul(a, b))) gives step(m)·bᵀ and aᵀ·step(m)', () => {
    const a = tensor([[-1, 2, -3], [10, -20, 30]]);
    const b = tensor([[2, -3], [4, -1], [2, -3]]);
    const [da, db] = grad((x, y) => sum(relu(matmul(x, y))), { argnums: [0, 1] })(a, b);
    // m = a·b = [[0, 10], [0, -100]], so de/dm = step(m) = [[0, 1], [0, 0]].
    expect(da?.shape).toEqual([2, 3]);
    expect(da?.toArray()).toEqual([[-3, -1, -3], [0, 0, 0]]);
    expect(db?.shape).toEqual([3, 2]);
    expect(db?.toArray()).toEqual([[0, -1], [0, 2], [0, -3]]);
  });
});

describe('grad(f, opts)', () => {
  it('grad(f)(x) returns a gradient shaped like x', () => {
    const g = grad((w) => w.square().sum())(tensor([[1, 2], [3, 4]]));
    expect(g.shape).toEqual([2, 2]);
    expect(g.toArray()).toEqual([[2, 4], [6, 8]]);
    expect(grad((x) => tanh(x))(scalar(0)).shape).toEqual([]);
  });

  it('grad(f, { argnums: 1 }) differentiates the second argument only', () => {
    const g = grad((x, y) => x.mul(y).sum(), { argnums: 1 })(tensor([1, 2]), tensor([3, 4]));
    expect(g.toArray()).toEqual([1, 2]);
  });

  it('gradients of broadcast operands are summed back to their shape', () => {
    const [dw, db] = grad((w, b) => w.add(b).square().sum(), { argnums: [0, 1] })(tensor([[1, 2], [3, 4]]), tensor([1, -1]));
    expect(dw?.toArray()).toEqual([[4, 2], [8, 6]]);
    expect(db?.toArray()).toEqual([12, 8]);
  });

  it('grad returns zeros for an argument f does not use', () => {
    expect(grad((_x, y) => y.sum(), { argnums: 0 })(tensor([1, 2]), tensor([3])).toArray()).toEqual([0, 0]);
  });

  it('grad rejects a non-scalar output and a bad argnums', () => {
    expect(() => grad((x) => x.mul(2))(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => grad((x) => x.mul(2))(tensor([1, 2]))).toThrow(/grad: f must return a scalar .* \[2\]/);
    expect(() => grad((x) => x, { argnums: 2 })(1)).toThrow(RangeError);
    expect(() => grad((x) => x, { argnums: 2 })(1)).toThrow(/argnums contains 2/);
  });

  it('grad names the transformed function after f', () => {
    function loss(x: Tensor): Tensor { return x.square(); }
    expect(grad(loss).name).toBe('grad(loss)');
  });

  it('the returned gradients do not share buffers with each other or the inputs', () => {
    const x = tensor([1, 2]);
    const [gx, gy] = grad((a, b) => a.add(b).sum(), { argnums: [0, 1] })(x, tensor([3, 4]));
    (gx as Tensor).data[0] = 100;
    expect(gy?.data[0]).toBe(1);
    expect(x.data[0]).toBe(1);
  });
});

describe('valueAndGrad(f, { hasAux })', () => {
  it('passes aux through and returns [[value, aux], grad]', () => {
    const f = (w: Tensor): readonly [Tensor, { pred: Tensor }] => {
      const pred = w.mul(2);
      return [pred.square().sum(), { pred }];
    };
    const [[value, aux], g] = valueAndGrad(f, { hasAux: true })(tensor([1, 2]));
    expect(value.item()).toBe(20);
    expect(aux.pred.toArray()).toEqual([2, 4]);
    expect(g.toArray()).toEqual([8, 16]);
  });

  it('hasAux with argnums lists returns one gradient per argument', () => {
    const [[value, aux], gs] = valueAndGrad((a: Tensor, b: Tensor) => [a.mul(b), 'note'] as const, { argnums: [0, 1], hasAux: true })(2, 5);
    expect(value.item()).toBe(10);
    expect(aux).toBe('note');
    expect(gs.map((t) => t.item())).toEqual([5, 2]);
  });

  it('hasAux rejects an f that does not return a pair', () => {
    expect(() => valueAndGrad((x: Tensor) => x as unknown as readonly [Tensor, number], { hasAux: true })(1)).toThrow(TypeError);
  });
});

describe('vjp(f, ...primals)', () => {
  it('vjp returns vᵀJ for a vector function, callable many times', () => {
    const [out, pullback] = vjp((x, y) => x.mul(y), tensor([1, 2, 3]), tensor([4, 5, 6]));
    expect(out.toArray()).toEqual([4, 10, 18]);
    const [gx, gy] = pullback(tensor([1, 0, 2]));
    expect(gx?.toArray()).toEqual([4, 0, 12]);
    expect(gy?.toArray()).toEqual([1, 0, 6]);
    expect(pullback([0, 1, 0])[0]?.toArray()).toEqual([0, 5, 0]);
  });
  it('vjp rejects a cotangent of the wrong size', () => {
    const [, pullback] = vjp((x) => x.mul(2), tensor([1, 2]));
    expect(() => pullback(tensor([1, 2, 3]))).toThrow('vjp: cotangent shape [3] does not match output shape [2]');
  });
});

describe('noGrad(fn)', () => {
  it('noGrad makes values computed inside constants for grad', () => {
    expect(grad((x) => x.mul(noGrad(() => x.mul(3))))(2).item()).toBe(6);
  });
  it('noGrad returns fn result and still allows grad inside', () => {
    expect(noGrad(() => grad((x) => x.square())(3).item())).toBe(6);
  });
});

describe('scale and memory', () => {
  it('grad through a 100,000-op chain does not overflow the stack', () => {
    const g = grad((x) => {
      let y = x;
      for (let i = 0; i < 100_000; i++) y = y.mul(1.00001);
      return y;
    })(1);
    expect(g.item()).toBeCloseTo(1.00001 ** 100_000, 8);
  });

  it('memory stays flat over 10,000 valueAndGrad steps (the tape is released)', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(typeof gc).toBe('function');
    const x = tensor(Array.from({ length: 200 }, (_, i) => Math.sin(i)));
    const loss = (w: Tensor): Tensor => sigmoid(w.mul(x)).sub(0.5).square().mean();
    const step = valueAndGrad(loss);
    let w = tensor(Array.from({ length: 200 }, () => 0.1));
    const run = (n: number): void => {
      for (let i = 0; i < n; i++) {
        const [, g] = step(w);
        w = w.sub(g.mul(0.1));
      }
    };
    run(1000);
    (gc as () => void)();
    const before = process.memoryUsage().heapUsed;
    run(10_000);
    (gc as () => void)();
    const growth = process.memoryUsage().heapUsed - before;
    // A retained tape would hold ~10 tensors of 200 doubles per step: > 100 MB here.
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('matmulAdd gradients', () => {
  it('grad of matmulAdd equals grad of add(matmul) for column and row biases', () => {
    const W = tensor([[0.3, -0.2], [0.1, 0.5], [-0.4, 0.2]]);
    const a = tensor([[0.5, -1, 2], [1, 0.25, -0.5]]);
    for (const b of [tensor([[0.1], [-0.1], [0.2]]), tensor([0.1, 0.2, 0.3]), tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])]) {
      const fused = grad((w, x, c) => sigmoid(w.matmulAdd(x, c)).square().sum(), { argnums: [0, 1, 2] })(W, a, b);
      const plain = grad((w, x, c) => sigmoid(w.matmul(x).add(c)).square().sum(), { argnums: [0, 1, 2] })(W, a, b);
      fused.forEach((g, i) => g.data.forEach((v, j) => expect(v).toBeCloseTo(plain[i]?.data[j] as number, 14)));
      expect(fused.map((g) => g.shape)).toEqual([W.shape, a.shape, b.shape]);
    }
  });
});

describe('dense(a, b, c, activation)', () => {
  const W = tensor([[0.3, -0.2], [0.1, 0.5], [-0.4, 0.2]]);
  const a = tensor([[0.5, -1, 2], [1, 0.25, -0.5]]);
  const unfused = { sigmoid, tanh, relu, linear: (t: Tensor) => t } as const;
  const cases = (['sigmoid', 'tanh', 'relu', 'linear'] as const).flatMap((act) =>
    [tensor([[0.1], [-0.1], [0.2]]), tensor([0.1, 0.2, -0.3]), scalar(0.05)].map((b) => [act, b] as const));
  it.each(cases)('dense(W, a, b, %s) matches the unfused ops in value and gradient (bias %s)', (act, b) => {
    const fused = (w: Tensor, x: Tensor, c: Tensor): Tensor => w.dense(x, c, act).square().sum();
    const plain = (w: Tensor, x: Tensor, c: Tensor): Tensor => unfused[act](w.matmul(x).add(c)).square().sum();
    const [vf, gf] = valueAndGrad(fused, { argnums: [0, 1, 2] })(W, a, b);
    const [vp, gp] = valueAndGrad(plain, { argnums: [0, 1, 2] })(W, a, b);
    expect(vf.item()).toBeCloseTo(vp.item(), 14);
    gf.forEach((g, i) => {
      expect(g.shape).toEqual(gp[i]?.shape);
      g.data.forEach((v, j) => expect(v).toBeCloseTo(gp[i]?.data[j] as number, 14));
    });
  });
  it('dense rejects an unknown activation and mismatched shapes', () => {
    expect(() => W.dense(a, 0, 'softplus' as 'relu')).toThrow(/activation is softplus/);
    expect(() => W.dense(W, 0)).toThrow('dense: cannot multiply shapes [3,2] and [3,2] (expected [m,k] and [k,n])');
  });
});

describe('transformation state', () => {
  it('an exception inside f leaves no transformation active', () => {
    const boom = (): Tensor => { throw new Error('boom'); };
    expect(() => grad(boom)(1)).toThrow('boom');
    expect(() => noGrad(() => grad(boom)(1))).toThrow('boom');
    expect(grad((x) => x.mul(x))(3).item()).toBe(6);
    expect(grad((x) => x.mul(noGrad(() => x.mul(1))))(3).item()).toBe(3);
    expect(hessian((x) => x.pow(3).sum())(tensor([2])).item()).toBe(12);
  });
  it('tensors computed inside a finished transformation act as constants afterwards', () => {
    let leaked: Tensor | null = null;
    grad((x) => { leaked = x.mul(2); return leaked.sum(); })(1);
    expect(grad((y) => y.mul(leaked as unknown as Tensor))(5).item()).toBe(2);
  });
});
