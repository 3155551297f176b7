import { add, cosh, exp, mul, neg, pow, square, sub, sum, type Tensor, tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import {
  adam,
  bfgs,
  findRoot,
  gradientDescent,
  lagrange,
  leastSquares,
  momentum,
  newton,
  newtonRaphson,
  type OptimizationResult,
  sgd,
  steepestDescent,
} from './index.js';
import { mghProblems } from './test-mgh.js';
import { tensorResiduals, tensorSumOfSquares } from './test-mgh-tensor.js';

/** Moré–Garbow–Hillstrom problems small enough to run eagerly in a unit test; 7 (Helical valley) branches on values, so jit cannot trace it. */
const mgh = (ids: readonly number[]) => ids.map((id) => mghProblems.find((p) => p.id === id)!);
const PROBLEMS = mgh([1, 2, 5, 7, 9, 12, 13, 14]);
/** Least squares also on two data fits (Bard, Kowalik–Osborne). */
const FITS = [...PROBLEMS, ...mgh([8, 15])];
const SQUARE = PROBLEMS.filter((p) => p.m === p.n);

/** The same run to rounding: same length, reason and evaluations, and every iterate within 1e-9 relative. */
function expectSameRun(jitted: OptimizationResult, eager: OptimizationResult): void {
  expect(jitted.reason).toBe(eager.reason);
  expect(jitted.iterations).toBe(eager.iterations);
  expect(jitted.evaluations).toBe(eager.evaluations);
  expect(jitted.history.length).toBe(eager.history.length);
  jitted.history.forEach((s, i) => {
    const e = eager.history[i]!;
    s.x.forEach((v, j) => expect(Math.abs(v - e.x[j]!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(e.x[j]!))));
    expect(Math.abs(s.value - e.value)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(e.value)));
  });
}

type Run = (f: (x: Tensor) => Tensor, x0: readonly number[], jit: boolean) => OptimizationResult;

const scalarMethods: [string, Run][] = [
  ['steepestDescent', (f, x0, jit) => steepestDescent(f, x0, { step: 1e-4, maxIterations: 25, jit })],
  ['gradientDescent', (f, x0, jit) => gradientDescent(f, x0, { maxIterations: 25, jit })],
  ['momentum', (f, x0, jit) => momentum(f, x0, { step: 1e-4, maxIterations: 25, jit })],
  ['adam', (f, x0, jit) => adam(f, x0, { step: 0.01, maxIterations: 25, jit })],
  ['bfgs', (f, x0, jit) => bfgs(f, x0, { maxIterations: 40, jit })],
  ['newton (trust region)', (f, x0, jit) => newton(f, x0, { maxIterations: 25, jit })],
  ['newton (course hybrid)', (f, x0, jit) => newton(f, x0, { strategy: 'course-hybrid', maxIterations: 25, jit })],
  ['sgd (full batch)', (f, x0, jit) => sgd((x) => f(x), x0, { dataSize: 1, step: 1e-4, maxIterations: 25, jit })],
];

describe('derivatives taken from autodiff run as jit programs, with the same results as eager evaluation', () => {
  describe.each(scalarMethods)('%s on Moré–Garbow–Hillstrom problems: jitted and jit: false take the same steps', (_, run) => {
    it.each(PROBLEMS.map((p) => [`${p.id} ${p.name}`, p] as const))('%s', (_, p) => {
      const f = tensorSumOfSquares(p);
      expectSameRun(run(f, p.start, true), run(f, p.start, false));
    });
  });

  describe.each(['levenberg-marquardt', 'gauss-newton', 'steepest'] as const)('leastSquares %s: jitted and jit: false take the same steps', (method) => {
    it.each(FITS.map((p) => [`${p.id} ${p.name}`, p] as const))('%s', (_, p) => {
      const r = tensorResiduals(p);
      const options = method === 'steepest' ? { method, maxIterations: 20, aggression: 1e-4 } : { method, maxIterations: 60 };
      const jitted = leastSquares(r, p.start, options);
      const eager = leastSquares(r, p.start, { ...options, jit: false });
      expectSameRun(jitted, eager);
      expect(jitted.rank).toBe(eager.rank);
      jitted.residuals.forEach((v, i) => expect(v).toBeCloseTo(eager.residuals[i]!, 9));
    });
  });

  it.each(SQUARE.map((p) => [`${p.id} ${p.name}`, p] as const))('findRoot on %s: jitted and jit: false take the same steps', (_, p) => {
    const F = tensorResiduals(p);
    expectSameRun(findRoot(F, p.start, { maxIterations: 40 }), findRoot(F, p.start, { maxIterations: 40, jit: false }));
  });

  it('lagrange: jitted and jit: false take the same steps, with the same multipliers', () => {
    const X = (v: Tensor) => sum(mul(v, tensor([1, 0])));
    const Y = (v: Tensor) => sum(mul(v, tensor([0, 1])));
    const f = (v: Tensor) => neg(exp(add(sub(X(v), square(Y(v))), mul(X(v), Y(v)))));
    const g = (v: Tensor) => sub(add(cosh(Y(v)), X(v)), 2);
    const jitted = lagrange(f, g, [0.5, 0.5]);
    const eager = lagrange(f, g, [0.5, 0.5], { jit: false });
    expectSameRun(jitted, eager);
    expect(jitted.x[0]).toBeCloseTo(0.9577824, 7);
    expect(jitted.multipliers[0]).toBeCloseTo(eager.multipliers[0]!, 12);
    expect(jitted.kind).toBe('minimum');
  });

  it('newtonRaphson: jitted and jit: false take the same steps on the course quiz polynomial', () => {
    const f = (x: Tensor) => add(sub(sub(pow(x, 6).div(6), mul(3, pow(x, 4))), mul(2, pow(x, 3)).div(3)), sub(add(mul(13.5, square(x)), mul(18, x)), 30));
    const jitted = newtonRaphson(f, 1.99);
    expectSameRun(jitted, newtonRaphson(f, 1.99, { jit: false }));
    expect(jitted.root).toBeCloseTo(-3.760214, 6);
  });
});

describe('jit is used, and cached per function', () => {
  const counted = () => {
    const calls = { n: 0 };
    const f = (x: Tensor) => {
      calls.n++;
      return add(square(sub(1, x.at(0))), mul(100, square(sub(x.at(1), square(x.at(0))))));
    };
    return { f, calls };
  };

  it('bfgs traces f once, runs the compiled program from then on, and a second run calls f not at all', () => {
    const { f, calls } = counted();
    const first = bfgs(f, [-1.2, 1]);
    expect(first.evaluations).toBeGreaterThan(30);
    expect(calls.n).toBe(1);
    const second = bfgs(f, [-1.2, 1]);
    expect(calls.n).toBe(1);
    expect(Array.from(second.x)).toEqual(Array.from(first.x));
  });

  it('a new input size is a new program; jit: false calls f at every evaluation', () => {
    const { f, calls } = counted();
    gradientDescent(f, [0, 0], { maxIterations: 5 });
    gradientDescent(f, [0, 0, 7], { maxIterations: 5 });
    expect(calls.n).toBe(2);
    const eager = gradientDescent(f, [0, 0], { maxIterations: 5, jit: false });
    expect(calls.n).toBe(2 + eager.evaluations);
  });

  it('leastSquares compiles the residuals and their Jacobian while tracing, then calls r no more', () => {
    let calls = 0;
    const t = tensor([0, 1, 2, 3, 4]);
    const y = tensor([3, 1.8196, 1.1036, 0.6694, 0.406]);
    const r = (p: Tensor) => {
      calls++;
      return sub(mul(p.at(0), exp(neg(mul(p.at(1), t)))), y);
    };
    const fit = leastSquares(r, [1, 1]);
    expect(fit.converged).toBe(true);
    expect(fit.x[0]).toBeCloseTo(3, 3);
    expect(fit.x[1]).toBeCloseTo(0.5, 3);
    // Tracing calls r once for the residuals and once per forward-mode column of J (n = 2).
    const traced = calls;
    expect(traced).toBeLessThanOrEqual(4);
    const again = leastSquares(r, [2, 0.1]);
    expect(again.evaluations).toBeGreaterThan(3);
    expect(calls).toBe(traced);
  });

  it('sgd compiles a full batch, and evaluates mini-batches eagerly (they change the data f reads)', () => {
    const data = [1, 2, 3, 4];
    let calls = 0;
    const loss = (w: Tensor, batch: Int32Array) => {
      calls++;
      return sum(square(sub(w, tensor(Array.from(batch, (i) => data[i]!)))));
    };
    sgd(loss, [0, 0, 0, 0], { dataSize: 4, step: 0.1, maxIterations: 20 });
    expect(calls).toBe(1);
    const rng = { uniform: () => 0.5, normal: () => 0 };
    const mini = sgd((w: Tensor, batch: Int32Array) => loss(w.sum().reshape([1]), batch), [0], { dataSize: 4, batchSize: 1, step: 0.1, maxIterations: 20, rng });
    expect(calls).toBe(1 + mini.evaluations);
  });
});

describe('functions jit cannot trace run eagerly, with the same results', () => {
  it('an objective that branches on x.data (a TracerError while tracing) gives the jit: false run exactly', () => {
    const f = (x: Tensor) => (x.data[0]! > 0 ? sum(square(sub(x, tensor([1, 2])))) : sum(square(x)).add(1));
    const jitted = bfgs(f, [3, 3]);
    const eager = bfgs(f, [3, 3], { jit: false });
    expect(Array.from(jitted.x)).toEqual(Array.from(eager.x));
    expect(jitted.evaluations).toBe(eager.evaluations);
  });

  it('Helical valley (it reads .value to pick atan’s branch) runs eagerly and matches jit: false bit for bit', () => {
    const p = mghProblems.find((q) => q.id === 7)!;
    const a = leastSquares(tensorResiduals(p), p.start);
    const b = leastSquares(tensorResiduals(p), p.start, { jit: false });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.chi2).toBeLessThan(1e-20);
  });

  it('an error the function throws reaches the caller unchanged', () => {
    const boom = () => {
      throw new RangeError('boom: no data loaded');
    };
    expect(() => bfgs(boom, [1, 2])).toThrow(/^boom: no data loaded$/);
    expect(() => leastSquares(boom, [1, 2])).toThrow(RangeError);
    expect(() => newton(boom, [1, 2])).toThrow(/boom/);
  });

  it('a plain-number objective without a gradient still gets the eager path’s TypeError', () => {
    expect(() => bfgs((x: Tensor) => x.data[0]! ** 2, [1])).toThrow(/returned a plain number, so gradient cannot come from autodiff/);
    expect(() => leastSquares((p: Tensor) => [p.data[0]! - 1], [0])).toThrow(/returned plain numbers, so the Jacobian cannot come from autodiff/);
  });
});

describe('the jit caveat: what a function captures is frozen when it is first traced', () => {
  it('a captured array changed between runs: the cached program keeps the old data, jit: false and a new function see the new', () => {
    const target = new Float64Array([1, 2]);
    const f = (x: Tensor) => sum(square(sub(x, tensor(target))));
    expect(Array.from(bfgs(f, [0, 0]).x).map((v) => +v.toFixed(9))).toEqual([1, 2]);
    target.set([5, 6]);
    expect(Array.from(bfgs(f, [0, 0]).x).map((v) => +v.toFixed(9))).toEqual([1, 2]);
    expect(Array.from(bfgs(f, [0, 0], { jit: false }).x).map((v) => +v.toFixed(9))).toEqual([5, 6]);
    const g = (x: Tensor) => sum(square(sub(x, tensor(target))));
    expect(Array.from(bfgs(g, [0, 0]).x).map((v) => +v.toFixed(9))).toEqual([5, 6]);
  });
});

describe('option "jit"', () => {
  it.each([
    ['steepestDescent', () => steepestDescent((x: Tensor) => sum(square(x)), [1], { jit: 'no' as never })],
    ['bfgs', () => bfgs((x: Tensor) => sum(square(x)), [1], { jit: 0 as never })],
    ['sgd', () => sgd((x: Tensor) => sum(square(x)), [1], { dataSize: 1, jit: null as never })],
    ['newtonRaphson', () => newtonRaphson((x: Tensor) => square(x), 1, { jit: 'false' as never })],
    ['findRoot', () => findRoot((x: Tensor) => x, [1], { jit: 1 as never })],
    ['leastSquares', () => leastSquares((x: Tensor) => x, [1], { jit: {} as never })],
    ['lagrange', () => lagrange((x: Tensor) => sum(x), (x: Tensor) => sum(square(x)), [1, 0], { jit: 'yes' as never })],
  ])('%s names a non-boolean "jit"', (method, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^${method}: option "jit" must be true or false, got`));
  });
});
