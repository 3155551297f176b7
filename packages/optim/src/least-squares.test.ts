import { div, exp, mul, neg, type Tensor, square, sub, sum, tensor } from '@slope/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares, leastSquaresSteps } from './index.js';
import { at, courseHeights, gaussianResiduals } from './test-problems.js';

const { x: binCentres, y: density } = courseHeights();
const heights = gaussianResiduals(binCentres, density);
const byHand = { jacobian: heights.jacobian };

describe('leastSquares on the course heights histogram (COURSE.md §2.5)', () => {
  it('χ² at the course start (155, 6) is 0.0323333', () => {
    const r = leastSquares(heights.residuals, [155, 6], { ...byHand, maxIterations: 1 });
    expect(r.history[0]!.value).toBeCloseTo(0.0323333, 7);
  });

  it('leastSquares(r, [155, 6], { method: "steepest", aggression: 2000 }) retraces the course path', () => {
    const r = leastSquares(heights.residuals, [155, 6], { ...byHand, method: 'steepest', aggression: 2000, maxIterations: 50 });
    const path = r.history.map((s) => Array.from(s.x));
    expect(path[1]![0]).toBeCloseTo(155.926, 3);
    expect(path[1]![1]).toBeCloseTo(13.319, 3);
    expect(path[2]![0]).toBeCloseTo(157.277, 3);
    expect(path[5]![1]).toBeCloseTo(18.516, 3);
    expect(r.iterations).toBe(50);
    expect(r.reason).toBe('max-iterations');
    expect(r.x[0]).toBeCloseTo(178.5198, 3);
    expect(r.x[1]).toBeCloseTo(7.5499, 3);
    expect(r.chi2).toBeCloseTo(4.39245e-4, 8);
  });

  it.each(['gauss-newton', 'levenberg-marquardt'] as const)('leastSquares(r, p0, { method: %s }) finds the χ² minimum (178.51982, 7.54991)', (method) => {
    const r = leastSquares(heights.residuals, [170, 10], { ...byHand, method });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(178.51982, 4);
    expect(r.x[1]).toBeCloseTo(7.54991, 4);
    expect(r.chi2 / 4.392454e-4).toBeCloseTo(1, 6);
    expect(r.iterations).toBeLessThan(20);
    expect(r.covariance).not.toBeNull();
  });

  it('Levenberg–Marquardt copes with the course start (155, 6) where χ² is flat and far off', () => {
    const r = leastSquares(heights.residuals, [155, 6], byHand);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(178.51982, 4);
    expect(r.history.some((s) => s.detail?.damping !== undefined)).toBe(true);
  });

  it('the autodiff Jacobian gives the same fit as the hand-written one', () => {
    const xs = tensor(binCentres);
    const ys = tensor(density);
    const residuals = (p: Tensor) => {
      const mu = sum(mul(p, tensor([1, 0])));
      const sig = sum(mul(p, tensor([0, 1])));
      const z = div(sub(xs, mu), sig);
      const model = div(exp(neg(div(square(z), 2))), mul(sig, Math.sqrt(2 * Math.PI)));
      return sub(ys, model);
    };
    const auto = leastSquares(residuals, [170, 10]);
    const hand = leastSquares(heights.residuals, [170, 10], byHand);
    expect(auto.x[0]).toBeCloseTo(hand.x[0]!, 8);
    expect(auto.x[1]).toBeCloseTo(hand.x[1]!, 8);
    expect(auto.iterations).toBe(hand.iterations);
  });
});

describe('leastSquares covariance', () => {
  const xs = [0, 1, 2, 3, 4, 5];
  const ys = [1.1, 2.9, 5.2, 6.8, 9.1, 11.0];
  const line = (p: Tensor) => xs.map((x, i) => at(p, 0) * x + at(p, 1) - ys[i]!);
  const jacobian = () => xs.map((x) => [x, 1]);
  const n = xs.length;
  const xbar = xs.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - xbar) ** 2, 0);

  it('without sigma: covariance is (JᵀJ)⁻¹ scaled by the reduced χ² — the closed-form σ_m², σ_c² (COURSE.md week 6)', () => {
    const r = leastSquares(line, [0, 0], { jacobian, method: 'gauss-newton' });
    const ybar = ys.reduce((a, b) => a + b, 0) / n;
    const m = xs.reduce((a, x, i) => a + (x - xbar) * ys[i]!, 0) / sxx;
    expect(r.x[0]).toBeCloseTo(m, 12);
    expect(r.x[1]).toBeCloseTo(ybar - m * xbar, 12);
    const s2 = r.chi2 / (n - 2);
    expect(r.covariance![0]![0]).toBeCloseTo(s2 / sxx, 12);
    expect(r.covariance![1]![1]).toBeCloseTo(s2 * (1 / n + xbar ** 2 / sxx), 12);
    expect(r.covariance![0]![1]).toBeCloseTo(r.covariance![1]![0]!, 15);
    expect(r.standardErrors![0]).toBeCloseTo(Math.sqrt(s2 / sxx), 12);
  });

  it('with sigma: covariance is (JᵀWJ)⁻¹, not rescaled', () => {
    const r = leastSquares(line, [0, 0], { jacobian, sigma: 0.5 });
    expect(r.covariance![0]![0]).toBeCloseTo(0.25 / sxx, 10);
    const chi2 = ys.reduce((a, y, i) => a + ((r.x[0]! * xs[i]! + r.x[1]! - y) / 0.5) ** 2, 0);
    expect(r.chi2).toBeCloseTo(chi2, 12);
  });

  it('Gauss–Newton solves any straight-line fit in one step (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), (y) => {
        const r = leastSquares((p) => xs.map((x, i) => at(p, 0) * x + at(p, 1) - y[i]!), [0, 0], { jacobian, method: 'gauss-newton' });
        const ybar = y.reduce((a, b) => a + b, 0) / n;
        const m = xs.reduce((a, x, i) => a + (x - xbar) * y[i]!, 0) / sxx;
        expect(r.x[0]).toBeCloseTo(m, 8);
        expect(r.x[1]).toBeCloseTo(ybar - m * xbar, 8);
        expect(r.history[1]!.value).toBeCloseTo(r.chi2, 10);
      }),
      { numRuns: 50 },
    );
  });

  it('Gauss–Newton reports a singular JᵀJ when two parameters do the same job', () => {
    const r = leastSquares((p) => xs.map((x, i) => (at(p, 0) + at(p, 1)) * x - ys[i]!), [0, 0], { jacobian: () => xs.map((x) => [x, x]), method: 'gauss-newton' });
    expect(r.reason).toBe('singular');
    expect(r.covariance).toBeNull();
  });

  it('steepest descent with too much aggression diverges and keeps the best point', () => {
    const r = leastSquares(line, [0, 0], { jacobian, method: 'steepest', aggression: 1 });
    expect(r.reason).toBe('diverged');
    expect(Array.from(r.x)).toEqual([0, 0]);
  });

  it('leastSquaresSteps yields χ² per iteration and can stop early with a covariance', () => {
    const run = leastSquaresSteps(heights.residuals, [170, 10], byHand);
    for (const s of run) if (s.iteration === 2) break;
    const r = run.result();
    expect(r.reason).toBe('stopped');
    expect(r.iterations).toBe(2);
    expect(r.covariance).not.toBeNull();
    expect(r.chi2).toBe(r.value);
  });
});

describe('leastSquares working buffers (reused inside a run and between runs)', () => {
  const xs = [0, 1, 2, 3, 4, 5, 6, 7];
  const ys = xs.map((x) => 3 * Math.exp(-0.4 * x) + 0.01 * Math.sin(7 * x));
  const fresh = (p: Tensor) => Float64Array.from(xs, (x, i) => p.data[0]! * Math.exp(-p.data[1]! * x) - ys[i]!);
  const jacobian = (p: Float64Array) => xs.map((x) => [Math.exp(-p[1]! * x), -p[0]! * x * Math.exp(-p[1]! * x)]);
  const summary = (r: ReturnType<typeof leastSquares>) => ({
    x: Array.from(r.x),
    chi2: r.chi2,
    residuals: Array.from(r.residuals),
    covariance: r.covariance?.map((row) => Array.from(row)),
    history: r.history.map((s) => [s.iteration, Array.from(s.x), s.value, s.gradientNorm, s.evaluations, s.step && Array.from(s.step), s.detail?.damping]),
    reason: r.reason,
  });

  it.each(['steepest', 'gauss-newton', 'levenberg-marquardt'] as const)('%s: a residual function that overwrites one output array gives the same fit as fresh arrays', (method) => {
    const shared = new Float64Array(xs.length);
    const reusing = (p: Tensor) => {
      shared.set(fresh(p));
      return shared;
    };
    const options = { method, jacobian, aggression: 0.02, maxIterations: 30 };
    const expected = leastSquares(fresh, [1, 1], options);
    const got = leastSquares(reusing, [1, 1], options);
    expect(summary(got)).toEqual(summary(expected));
    shared.fill(99);
    expect(Array.from(got.residuals)).toEqual(Array.from(expected.residuals));
  });

  it('history states, their steps and the result own their arrays', () => {
    const r = leastSquares(fresh, [1, 1], { jacobian });
    const arrays = [r.x, r.residuals, ...r.history.flatMap((s) => (s.step === undefined ? [s.x] : [s.x, s.step]))];
    expect(new Set(arrays.map((a) => a.buffer)).size).toBe(arrays.length);
    const before = summary(r);
    leastSquares(fresh, [2, 0.1], { jacobian });
    expect(summary(r)).toEqual(before);
    for (let i = 1; i < r.history.length; i++) {
      const [a, b] = [r.history[i - 1]!, r.history[i]!];
      expect(Array.from(b.step!)).toEqual(Array.from(b.x, (v, j) => v - a.x[j]!));
    }
  });

  it('the Jacobian gets a private copy of each point, equal to the recorded state', () => {
    const seen: Float64Array[] = [];
    const r = leastSquares(fresh, [1, 1], {
      jacobian: (p) => {
        seen.push(p);
        return jacobian(p);
      },
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map((p) => Array.from(p))).toEqual(r.history.map((s) => Array.from(s.x)));
  });

  it('a diverged run reports the residuals and covariance of its best point', () => {
    // Well-behaved for four evaluations, then a million times larger: χ² jumps by 1e12.
    let calls = 0;
    const blowsUp = (p: Tensor) => {
      const scale = ++calls > 4 ? 1e6 : 1;
      return fresh(p).map((v) => scale * v);
    };
    const r = leastSquares(blowsUp, [1, 1], { jacobian, method: 'steepest', aggression: 0.2 });
    expect(r.reason).toBe('diverged');
    const best = r.history.reduce((a, b) => (b.value < a.value ? b : a));
    expect(best.iteration).toBeGreaterThan(0);
    expect(r.history).toHaveLength(5);
    expect(r.history.at(-1)).not.toBe(best);
    expect(Array.from(r.x)).toEqual(Array.from(best.x));
    expect(Array.from(r.residuals)).toEqual(Array.from(fresh(tensor(Array.from(best.x)))));
    expect(r.chi2).toBe(best.value);
    expect(r.covariance).not.toBeNull();
  });

  it('result() in the middle of a run matches the state it stopped at, and the run continues unchanged', () => {
    const full = leastSquares(fresh, [1, 1], { jacobian });
    const run = leastSquaresSteps(fresh, [1, 1], { jacobian });
    for (const s of run) {
      const partial = run.result();
      expect(partial.reason).toBe('stopped');
      expect(Array.from(partial.x)).toEqual(Array.from(s.x));
      expect(Array.from(partial.residuals)).toEqual(Array.from(fresh(tensor(Array.from(s.x)))));
    }
    expect(summary(run.finish())).toEqual(summary(full));
  });

  it('interleaved runs and a run nested inside a residual function do not share buffers', () => {
    const expected = [summary(leastSquares(fresh, [1, 1], { jacobian })), summary(leastSquares(fresh, [4, 0.2], { jacobian }))];
    const a = leastSquaresSteps(fresh, [1, 1], { jacobian });
    const b = leastSquaresSteps(fresh, [4, 0.2], { jacobian });
    while (!a.done || !b.done) {
      a.next();
      b.next();
    }
    expect([summary(a.finish()), summary(b.finish())]).toEqual(expected);
    const nested = (p: Tensor) => {
      leastSquares(fresh, [2, 0.5], { jacobian });
      return fresh(p);
    };
    expect(summary(leastSquares(nested, [1, 1], { jacobian }))).toEqual(expected[0]);
  });
});
