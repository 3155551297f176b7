import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  Tensor, TracerError, tensor, scalar, zeros, jit, grad, valueAndGrad, vjp, jvp, jacobian, jacfwd, jacrev, hessian, noGrad,
  add, sub, mul, div, pow, neg, exp, log, sqrt, abs, sign, sin, cos, tan, tanh, sigmoid, relu, square, atan, asin, acos,
  sinh, cosh, log1p, expm1, erf, atan2, maximum, minimum, where, clip, greater, less, equal, greaterEqual, lessEqual,
  matmul, matmulAdd, dense, transpose, reshape, sum, mean, at, slice,
} from '../index.js';
import { expressionArbitrary, evaluateExpression, close } from '../test-expressions.js';

function expectClose(got: Tensor, want: Tensor, tol = 1e-12): void {
  expect(got.shape).toEqual(want.shape);
  got.data.forEach((v, i) => {
    const w = want.data[i] as number;
    if (Number.isNaN(w)) expect(v).toBeNaN();
    else expect(Math.abs(v - w)).toBeLessThanOrEqual(tol * (1 + Math.abs(w)));
  });
}

const A = tensor([[0.5, -1.2, 0.3], [1.1, 0.7, -0.4]]);
const B = tensor([[0.2, 0.9], [-0.6, 0.4], [1.3, -0.8]]);
const P = tensor([[0.5, 1.2, 0.3], [1.1, 0.7, 2.4]]);
const U = tensor([[0.1, -0.5, 0.3], [0.9, -0.7, 0.2]]);
const row = tensor([0.3, -0.5, 0.8]);
const col = tensor([[0.6], [-0.2]]);

// Every op, traced and compiled, against its eager result: values and gradients.
const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
  ['add (row broadcast)', (a, b) => add(a, b), [A, row]],
  ['sub (column broadcast)', (a, b) => sub(a, b), [A, col]],
  ['mul (outer broadcast)', (a, b) => mul(a, b), [col, row]],
  ['div', (a, b) => div(a, b), [A, P]],
  ['pow', (a, b) => pow(a, b), [P, A]],
  ['neg exp log sqrt', (a) => sqrt(log(exp(neg(a)).add(2))), [A]],
  ['abs sign', (a) => abs(a).add(sign(a)), [A]],
  ['sin cos tan tanh', (a) => sin(a).mul(cos(a)).add(tan(a)).sub(tanh(a)), [A]],
  ['sigmoid relu square', (a) => sigmoid(a).add(relu(a)).mul(square(a)), [A]],
  ['atan asin acos', (a) => atan(a).add(asin(a)).sub(acos(a)), [U]],
  ['sinh cosh log1p expm1 erf', (a) => sinh(a).add(cosh(a)).add(log1p(P)).add(expm1(a)).mul(erf(a)), [A]],
  ['atan2', (a, b) => atan2(a, b), [A, col]],
  ['maximum minimum', (a, b) => maximum(a, b).add(minimum(a, b).mul(2)), [A, row]],
  ['where with comparisons', (a, b) => where(greater(a, b), a, b.mul(3)).add(where(less(a, 0), 1, a)), [A, row]],
  ['equal greaterEqual lessEqual', (a) => equal(a, 0.3).add(greaterEqual(a, 0.5)).add(lessEqual(a, 0.5)).mul(a), [A]],
  ['clip', (a) => clip(a, -0.5, 0.6), [A]],
  ['clip with tensor bounds', (a, lo) => clip(a, lo, 1), [A, col]],
  ['matmul', (a, b) => matmul(a, b), [A, B]],
  ['matmul matrix·vector', (a, v) => matmul(a, v), [A, row]],
  ['matmul vector·vector', (u, v) => matmul(u, v), [row, tensor([1, 2, 3])]],
  ['batched matmul with broadcasting', (a, b) => matmul(a, b),
    [tensor(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [2, 1, 2, 3]), tensor(Array.from({ length: 18 }, (_, i) => Math.cos(i)), [3, 3, 2])]],
  ['matmulAdd and dense', (a, b, c) => dense(a, b, c, 'tanh').add(matmulAdd(a, b, c)), [A, B, tensor([0.1, -0.1])]],
  ['transpose', (a) => transpose(a).mul(tensor([1, 2])), [A]],
  ['transpose with axes then reshape', (a) => reshape(transpose(reshape(a, [1, 2, 3]), [2, 0, 1]), [6]), [A]],
  ['sum over axes', (a) => sum(a, 0).add(sum(a, -1, true).sum()), [A]],
  ['mean', (a) => mean(a, 1), [A]],
  ['at and slice', (a) => at(a, 1).add(slice(a, 0, 1).sum()).add(at(row, -1)), [A]],
];

describe('jit(f) computes what f computes', () => {
  test.each(cases)('%s: values', (_name, f, args) => {
    expectClose(jit(f)(...args), f(...args));
  });
  test.each(cases)('%s: jit(grad) equals grad', (_name, f, args) => {
    const g = (...xs: Tensor[]) => f(...xs).square().sum();
    const argnums = args.map((_, i) => i);
    const want = grad(g, { argnums })(...args);
    const got = jit(grad(g, { argnums }))(...args);
    got.forEach((t, i) => expectClose(t, want[i] as Tensor));
  });
  test.each(cases)('%s: grad(jit(f)) equals grad(f)', (_name, f, args) => {
    const g = (...xs: Tensor[]) => f(...xs).square().sum();
    const argnums = args.map((_, i) => i);
    const want = grad(g, { argnums })(...args);
    const got = grad(jit(g), { argnums })(...args);
    got.forEach((t, i) => expectClose(t, want[i] as Tensor));
  });
});

describe('jit composes with the transformations', () => {
  const f = (x: Tensor): Tensor => sin(x).mul(x.square()).sum();
  const x = tensor([0.3, -1.2, 2]);

  it('jit(valueAndGrad(f)) returns [value, grad]', () => {
    const [v, g] = jit(valueAndGrad(f))(x);
    const [v0, g0] = valueAndGrad(f)(x);
    expectClose(v, v0);
    expectClose(g, g0);
  });

  it('jit(valueAndGrad(f, { hasAux })) passes aux tensors and values through', () => {
    const h = (w: Tensor) => [w.square().sum(), { pred: w.mul(2), note: 'ok' }] as const;
    const [[v, aux], g] = jit(valueAndGrad(h, { hasAux: true }))(x);
    expect(v.item()).toBeCloseTo(0.09 + 1.44 + 4, 14);
    expect(aux.pred.toArray()).toEqual([0.6, -2.4, 4]);
    expect(aux.note).toBe('ok');
    expect(g.toArray()).toEqual([0.6, -2.4, 4]);
  });

  it('jit(jacobian(f)), jit(jacfwd), jit(jacrev) agree with the eager Jacobian', () => {
    const F = (p: Tensor) => exp(neg(square(sub(tensor([1, 2, 3, 4, 5]), at(p, 0))).div(at(p, 1))));
    const p = tensor([2.5, 3]);
    const want = jacobian(F)(p);
    for (const J of [jit(jacobian(F)), jit(jacfwd(F)), jit(jacrev(F))]) expectClose(J(p), want);
  });

  it('hessian, grad(grad(jit(f))) and jvp(jit(f)) match the eager ones', () => {
    expectClose(jit(hessian(f))(x), hessian(f)(x));
    expectClose(hessian(jit(f))(x), hessian(f)(x));
    const s = (t: Tensor) => tanh(t).mul(3).sum();
    expect(grad(grad(jit(s)))(0.4).item()).toBeCloseTo(grad(grad(s))(0.4).item(), 13);
    const [y, dy] = jvp(jit(f), [x], [tensor([1, 0, -1])]);
    const [y0, dy0] = jvp(f, [x], [tensor([1, 0, -1])]);
    expectClose(y, y0);
    expectClose(dy, dy0);
    const [, pull] = vjp(jit((t: Tensor) => t.sin()), x);
    expectClose(pull(tensor([1, 2, 3]))[0] as Tensor, tensor([1, 2, 3]).mul(cos(x)));
  });

  it('noGrad inside a jitted function stops gradients as it does eagerly', () => {
    const h = (t: Tensor) => t.mul(noGrad(() => t.mul(3))).sum();
    expect(jit(grad(h))(tensor([2])).toArray()).toEqual([6]);
  });

  it('jit of a jitted function inlines it', () => {
    const inner = jit((t: Tensor) => t.mul(2));
    expect(jit((t: Tensor) => inner(t).add(1))([1, 2]).toArray()).toEqual([3, 5]);
  });
});

describe('tracing and caching', () => {
  it('traces once per shape signature and retraces when a shape changes', () => {
    let traces = 0;
    const f = jit((x: Tensor) => { traces++; return x.mul(2); });
    f([1, 2]);
    f([3, 4]);
    f(tensor([5, 6]));
    expect(traces).toBe(1);
    expect(f([1, 2, 3]).toArray()).toEqual([2, 4, 6]);
    expect(traces).toBe(2);
    expect(f([[1], [2]]).shape).toEqual([2, 1]);
    expect(traces).toBe(3);
    f([7, 8]);
    expect(traces).toBe(3);
  });

  it('staticArgnums passes values through and retraces per value', () => {
    let traces = 0;
    const f = jit((x: Tensor, k: number, mode: string) => { traces++; return mode === 'pow' ? x.pow(k) : x.mul(k); }, { staticArgnums: [1, 2] });
    expect(f([1, 2], 3, 'pow').toArray()).toEqual([1, 8]);
    expect(f([2, 3], 3, 'pow').toArray()).toEqual([8, 27]);
    expect(traces).toBe(1);
    expect(f([2, 3], 3, 'mul').toArray()).toEqual([6, 9]);
    expect(traces).toBe(2);
  });

  it('captured tensors are constants frozen at trace time (as in JAX)', () => {
    const w = tensor([1, 2]);
    const f = jit((x: Tensor) => x.mul(w));
    expect(f([1, 1]).toArray()).toEqual([1, 2]);
    w.data[0] = 100;
    expect(f([1, 1]).toArray()).toEqual([1, 2]);
  });

  it('returns numbers, strings, nested arrays and objects around the tensors', () => {
    const f = jit((x: Tensor) => ({ y: [x.mul(2), 7], label: 'double', z: x }));
    const out = f([1, 2]);
    expect((out.y[0] as Tensor).toArray()).toEqual([2, 4]);
    expect(out.y[1]).toBe(7);
    expect(out.label).toBe('double');
    expect((out.z as Tensor).toArray()).toEqual([1, 2]);
  });

  it('outputs are fresh tensors the caller owns', () => {
    const f = jit((x: Tensor) => [x.add(1), x.add(1), x]);
    const x = tensor([1, 2]);
    const [a, b, c] = f(x);
    (a as Tensor).data[0] = 99;
    expect(b?.toArray()).toEqual([2, 3]);
    (c as Tensor).data[0] = 99;
    expect(x.toArray()).toEqual([1, 2]);
    expect(f(x)[0]?.toArray()).toEqual([2, 3]);
  });

  it('works on empty tensors, scalars and numbers', () => {
    expect(jit((x: Tensor) => x.sum())(zeros([0])).item()).toBe(0);
    expect(jit((x: Tensor) => x.mul(2))(zeros([2, 0])).shape).toEqual([2, 0]);
    expect(jit((x: Tensor) => x.exp())(0).item()).toBe(1);
    expect(jit((x: Tensor) => x.add(Number.NaN))(scalar(1)).item()).toBeNaN();
    expect(jit((x: Tensor) => x.mul(-0))(scalar(1)).data[0]).toBe(-0);
    expect(jit((x: Tensor) => x.add(Number.POSITIVE_INFINITY))(scalar(1)).item()).toBe(Number.POSITIVE_INFINITY);
  });

  it('a 10,000-op chain compiles and runs', () => {
    const f = (x: Tensor): Tensor => {
      let y = x;
      for (let i = 0; i < 10_000; i++) y = y.mul(1.0001).add(0.0001);
      return y;
    };
    const x = tensor([1, 2]);
    expectClose(jit(f)(x), f(x), 1e-12);
    expectClose(jit(grad((t: Tensor) => f(t).sum()))(x), grad((t: Tensor) => f(t).sum())(x), 1e-12);
  });
});

describe('what jit cannot trace, and how it says so', () => {
  it.each([
    ['.item()', (x: Tensor) => (x.sum().item() > 0 ? x : x.neg()), /calls \.item\(\).*output of op "sum"/s],
    ['.data', (x: Tensor) => tensor([x.data[0] as number]), /reads its \.data.*op "input"/s],
    ['.toArray()', (x: Tensor) => tensor(x.mul(2).toArray() as number[]), /calls \.toArray\(\).*op "mul"/s],
    ['a comparison', (x: Tensor) => ((x.sum() as unknown as number) > 0 ? x : x.neg()), /JS operator.*op "sum"/s],
    ['arithmetic on a tensor', (x: Tensor) => tensor([(x.at(0) as unknown as number) * 2]), /JS operator.*op "at"/s],
  ])('%s on a traced tensor throws TracerError naming the access and the op', (_what, f, message) => {
    expect(() => jit(f)(tensor([1, 2]))).toThrow(TracerError);
    expect(() => jit(f)(tensor([1, 2]))).toThrow(message);
  });

  it('the error explains the fix (where, static arguments, or no jit)', () => {
    expect(() => jit((x: Tensor) => x.sum().item())([1])).toThrow(/use where\(cond, a, b\).*staticArgnums.*without jit/s);
  });

  it('a traced tensor that escapes f is refused when used later', () => {
    let leaked: Tensor | null = null;
    jit((x: Tensor) => { leaked = x.mul(2); return x; })([1]);
    expect(() => (leaked as unknown as Tensor).add(1)).toThrow(/escaped/);
    expect(() => (leaked as unknown as Tensor).data).toThrow(TracerError);
  });

  it('a captured tensor that an enclosing grad differentiates must be an argument, not a frozen constant', () => {
    const outer = (w: Tensor): Tensor => jit((x: Tensor) => x.mul(w))(tensor([1, 2])).sum();
    expect(() => grad(outer)(tensor([3, 4]))).toThrow(/enclosing grad\/jvp is differentiating.*Pass it to the jitted function as an argument/s);
    const fixed = (w: Tensor): Tensor => jit((x: Tensor, v: Tensor) => x.mul(v))(tensor([1, 2]), w).sum();
    expect(grad(fixed)(tensor([3, 4])).toArray()).toEqual([1, 2]);
  });

  it('a grad inside the jitted function may differentiate a concrete value mixed with traced ones', () => {
    const f = jit((x: Tensor) => grad((w: Tensor) => w.mul(x).sum())(tensor([1, 2])));
    expect(f([3, 4]).toArray()).toEqual([3, 4]);
    expect(jit(() => tensor([5, 6]))().toArray()).toEqual([5, 6]);
  });

  it('printing a traced tensor works and shows its shape', () => {
    let printed = '';
    jit((x: Tensor) => { printed = `${x.mul(2)}`; return x; })([1, 2]);
    expect(printed).toBe('Traced([2], output of mul)');
  });

  it('the jit state is clean after a failed trace', () => {
    expect(() => jit((x: Tensor) => x.item())([1])).toThrow(TracerError);
    expect(grad((x: Tensor) => x.square().sum())([3]).toArray()).toEqual([6]);
    expect(jit((x: Tensor) => x.square())([3]).toArray()).toEqual([9]);
  });
});

describe('jit(f).lower(...args): the buffer-level program', () => {
  const f = jit(valueAndGrad((x: Tensor) => x.square().sum()));

  it('run writes into caller-owned buffers and returns them', () => {
    const program = f.lower(new Float64Array(3));
    expect(program.inputShapes).toEqual([[3]]);
    expect(program.outputShapes).toEqual([[], [3]]);
    const value = new Float64Array(1);
    const g = new Float64Array(3);
    const outs = program.run([Float64Array.of(1, 2, 3)], [value, g]);
    expect(outs[0]).toBe(value);
    expect([...value]).toEqual([14]);
    expect([...g]).toEqual([2, 4, 6]);
    expect(program.run([Float64Array.of(0, 1, 0)]).map((o) => [...o])).toEqual([[1], [0, 2, 0]]);
  });

  it('residuals and their Jacobian in one program share the forward pass (the pattern for least squares)', () => {
    const bins = tensor(Array.from({ length: 20 }, (_, i) => 155 + 2.5 * i + 1.25));
    const r = (p: Tensor): Tensor => bins.sub(p.at(0)).square().div(p.at(1).square().mul(-2)).exp().div(p.at(1));
    const program = jit((p: Tensor) => [r(p), jacobian(r)(p)]).lower(new Float64Array(2));
    expect(program.outputShapes).toEqual([[20], [20, 2]]);
    expect(program.source.match(/Math\.exp/g)).toHaveLength(1);
    const p = Float64Array.of(178, 7.5);
    const [values, J] = program.run([p]) as [Float64Array, Float64Array];
    expectClose(new Tensor(values, [20]), r(tensor(p)));
    expectClose(new Tensor(J, [20, 2]), jacobian(r)(tensor(p)));
  });

  it('a function that reads values cannot be lowered: its TracerError lets a caller fall back to eager evaluation', () => {
    const readsData = (x: Tensor) => tensor([(x.data[0] as number) ** 2]).sum();
    let fallback = false;
    try {
      jit(valueAndGrad(readsData)).lower(new Float64Array(1));
    } catch (e) {
      fallback = e instanceof TracerError && e.access === 'data';
    }
    expect(fallback).toBe(true);
  });

  it('run checks its buffers by name', () => {
    const program = f.lower(new Float64Array(3));
    expect(() => program.run([new Float64Array(2)])).toThrow(/input 0 must be a Float64Array of length 3 \(shape \[3\]\), got length 2/);
    expect(() => program.run([new Float64Array(3)], [new Float64Array(1)])).toThrow(/expects an array of 2 output buffer/);
    const x = new Float64Array(4);
    expect(() => program.run([x.subarray(0, 3)], [new Float64Array(1), x.subarray(1, 4)])).toThrow(/output buffer 1 overlaps input 0/);
  });

  it('a run allocates nothing per call and 100,000 calls retain nothing', () => {
    const gc = (globalThis as { gc?: () => void }).gc as () => void;
    const program = jit(valueAndGrad((x: Tensor) => sigmoid(x.mul(tensor([1, 2, 3]))).sub(0.5).square().mean())).lower(new Float64Array(3));
    const x = Float64Array.of(0.1, 0.2, 0.3);
    const outs = [new Float64Array(1), new Float64Array(3)];
    const ins = [x];
    for (let i = 0; i < 1000; i++) program.run(ins, outs);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) {
      program.run(ins, outs);
      x[0] = (outs[1] as Float64Array)[0] as number;
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1024 * 1024);
  });

  it('a jitted function called 100,000 times retains nothing per call', () => {
    const gc = (globalThis as { gc?: () => void }).gc as () => void;
    const step = jit(valueAndGrad((w: Tensor, x: Tensor) => sigmoid(w.mul(x)).sub(0.5).square().mean()));
    const x = tensor(Array.from({ length: 50 }, (_, i) => Math.sin(i)));
    let w = tensor(Array.from({ length: 50 }, () => 0.1));
    const run = (n: number): void => {
      for (let i = 0; i < n; i++) {
        const [, g] = step(w, x);
        w = new Tensor(w.data.map((v, j) => v - 0.1 * (g.data[j] as number)), w.shape);
      }
    };
    run(1000);
    gc();
    const before = process.memoryUsage().heapUsed;
    run(100_000);
    gc();
    // Any per-call retention (a cache entry, a tape, a tensor) would be ≥ 100,000 × 100 bytes = 10 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('jit agrees with eager evaluation on random expressions (property)', () => {
  it('values, gradients and second derivatives', () => {
    fc.assert(
      fc.property(expressionArbitrary, fc.double({ min: -2, max: 2, noNaN: true }), (e, x0) => {
        const f = (x: Tensor): Tensor => evaluateExpression(e, x).sum();
        const x = tensor([x0, x0 / 2 + 0.1]);
        const pairs: [Tensor, Tensor][] = [
          [jit(f)(x), f(x)],
          [jit(grad(f))(x), grad(f)(x)],
          [grad(jit(f))(x), grad(f)(x)],
          [jit(grad(grad((t: Tensor) => f(t.reshape([1]).mul(tensor([1, 0.5])).add(tensor([0, 0.1]))))))(x0), grad(grad((t: Tensor) => f(t.reshape([1]).mul(tensor([1, 0.5])).add(tensor([0, 0.1])))))(x0)],
        ];
        return pairs.every(([got, want]) => got.data.every((v, i) => {
          const w = want.data[i] as number;
          return Number.isNaN(w) ? Number.isNaN(v) : close(v, w, 1e-9, 1e-12);
        }));
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
