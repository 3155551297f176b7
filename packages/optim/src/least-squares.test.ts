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

describe('Levenberg–Marquardt in the manner of MINPACK (trust region, column scaling, pivoted QR)', () => {
  /** p₀·e^(−p₁x)·atan(p₂x) + p₃ on x = 0…20: Jacobian columns of sizes ~1 to ~1e8. */
  const xs = Array.from({ length: 21 }, (_, i) => i);
  const arctanModel = (p: ArrayLike<number>, x: number) => p[0]! * Math.exp(-p[1]! * x) * Math.atan(p[2]! * x) + p[3]!;
  const truth = [3e7, 0.15, 0.3, 5];
  const ys = xs.map((x) => arctanModel(truth, x));
  const arctan = {
    residuals: (p: Tensor) => xs.map((x, i) => arctanModel(p.data, x) - ys[i]!),
    jacobian: (p: Float64Array) =>
      xs.map((x) => {
        const e = Math.exp(-p[1]! * x);
        const a = Math.atan(p[2]! * x);
        return [e * a, -p[0]! * x * e * a, (p[0]! * e * x) / (1 + (p[2]! * x) ** 2), 1];
      }),
  };

  it('fits a model whose Jacobian columns differ by 1e8 (the old pivot test rejected every damping there)', () => {
    const r = leastSquares(arctan.residuals, [1e7, 0.1, 0.5, 1], { jacobian: arctan.jacobian });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(30);
    truth.forEach((v, j) => expect(Math.abs(r.x[j]! - v)).toBeLessThanOrEqual(1e-8 * Math.abs(v)));
  });

  /** The same problem with parameter j measured in units `scale` times smaller. */
  function rescaled(residuals: (p: Tensor) => ArrayLike<number>, jacobian: (p: Float64Array) => ArrayLike<number>[], j: number, scale: number) {
    const back = (q: Float64Array) => q.map((v, k) => (k === j ? v / scale : v));
    return {
      residuals: (q: Tensor) => residuals({ data: back(q.data) } as Tensor),
      jacobian: (q: Float64Array) => jacobian(back(q)).map((row) => Array.from(row, (v, k) => (k === j ? v / scale : v))),
    };
  }

  it.each([
    [0, 1e6],
    [1, 1e6],
    [2, 1e-6],
    [3, 1e6],
  ])('changing the units of parameter %i by %d changes neither the fit nor the iteration count (±1)', (j, scale) => {
    const p0 = [1e7, 0.1, 0.5, 1];
    const plain = leastSquares(arctan.residuals, p0, { jacobian: arctan.jacobian });
    const other = rescaled(arctan.residuals, arctan.jacobian, j, scale);
    const scaled = leastSquares(other.residuals, p0.map((v, k) => (k === j ? v * scale : v)), { jacobian: other.jacobian });
    expect(Math.abs(scaled.iterations - plain.iterations)).toBeLessThanOrEqual(1);
    expect(scaled.converged && plain.converged).toBe(true);
    truth.forEach((v, k) => expect(Math.abs(scaled.x[k]! / (k === j ? scale : 1) - plain.x[k]!)).toBeLessThanOrEqual(1e-8 * Math.abs(v)));
  });

  it('the heights fit in centimetres and in micrometres for σ: same χ², same iterations ±1 (property over units)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 0, max: 1 }), (exponent, j) => {
        const scale = 10 ** exponent;
        const plain = leastSquares(heights.residuals, [170, 10], byHand);
        const other = rescaled(heights.residuals, heights.jacobian, j, scale);
        const scaled = leastSquares(other.residuals, [170, 10].map((v, k) => (k === j ? v * scale : v)), { jacobian: other.jacobian });
        expect(Math.abs(scaled.iterations - plain.iterations)).toBeLessThanOrEqual(1);
        expect(scaled.chi2 / plain.chi2).toBeCloseTo(1, 10);
        expect(scaled.x[j]! / scale).toBeCloseTo(plain.x[j]!, 6);
      }),
      { numRuns: 20 },
    );
  });

  it('Beale from (1, 1), where a Jacobian column is zero, still steps and reaches (3, 0.5)', () => {
    const y = [1.5, 2.25, 2.625];
    const r = leastSquares((p) => y.map((yi, i) => yi - p.data[0]! * (1 - p.data[1]! ** (i + 1))), [1, 1], {
      jacobian: (p) => y.map((_, i) => [-(1 - p[1]! ** (i + 1)), p[0]! * (i + 1) * p[1]! ** i]),
    });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.x[0]).toBeCloseTo(3, 8);
    expect(r.x[1]).toBeCloseTo(0.5, 8);
  });

  it('the first step stays inside the trust region stepBound·‖D p₀‖', () => {
    // One parameter, r = p − 1000 from p₀ = 1: D = |∂r/∂p| = 1, so the first step is at most 0.5.
    const r = leastSquares((p) => [p.data[0]! - 1000], [1], { jacobian: () => [[1]], stepBound: 0.5 });
    expect(Math.abs(r.history[1]!.step![0]!)).toBeLessThanOrEqual(0.5 * (1 + 1e-12));
    expect(r.x[0]).toBeCloseTo(1000, 8);
  });
});

describe('leastSquares does not call an undetermined fit a success', () => {
  it('fewer residuals than parameters: "rank-deficient", no covariance, rank 1', () => {
    // a·e^(−b x) through one point (1, 2): a whole curve of exact fits.
    const r = leastSquares((p) => [p.data[0]! * Math.exp(-p.data[1]!) - 2], [1, 1], {
      jacobian: (p) => [[Math.exp(-p[1]!), -p[0]! * Math.exp(-p[1]!)]],
    });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('rank-deficient');
    expect(r.rank).toBe(1);
    expect(r.covariance).toBeNull();
    expect(r.standardErrors).toBeNull();
    expect(r.message).toMatch(/1 residual cannot determine 2 parameters/);
  });

  it.each(['levenberg-marquardt', 'gauss-newton'] as const)('%s: a·b·x determines only the product a·b: "rank-deficient"', (method) => {
    const xs = [1, 2, 3, 4];
    const ys = [2, 4, 6, 8];
    const r = leastSquares((p) => xs.map((x, i) => p.data[0]! * p.data[1]! * x - ys[i]!), [1, 1], {
      method,
      jacobian: (p) => xs.map((x) => [p[1]! * x, p[0]! * x]),
    });
    expect(r.converged).toBe(false);
    expect(['rank-deficient', 'singular']).toContain(r.reason);
    expect(r.covariance).toBeNull();
  });

  it('a + b·x with every x equal: "rank-deficient" with rank 1', () => {
    const ys = [1, 2, 3, 4];
    const r = leastSquares((p) => ys.map((y) => p.data[0]! + 2 * p.data[1]! - y), [1, 1], { jacobian: () => ys.map(() => [1, 2]) });
    expect(r.reason).toBe('rank-deficient');
    expect(r.rank).toBe(1);
  });

  it('steepest descent thrown onto a plateau where the model underflows is "stalled", not converged', () => {
    // r = e^(p₀x) + e^(p₁x) − y: a huge first step drives both exponentials to 0, where ∇χ² = 0 exactly.
    const xs = [1, 2, 3, 4, 5];
    const ys = [1, 1.5, 2, 1, 0.5];
    const r = leastSquares((p) => xs.map((x, i) => Math.exp(p.data[0]! * x) + Math.exp(p.data[1]! * x) - ys[i]!), [0.5, 0.2], {
      method: 'steepest',
      aggression: 10,
      jacobian: (p) => xs.map((x) => [x * Math.exp(p[0]! * x), x * Math.exp(p[1]! * x)]),
    });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('stalled');
    expect(r.message).toMatch(/every Jacobian column is zero/);
  });

  it('a well-determined fit reports full rank', () => {
    const r = leastSquares(heights.residuals, [170, 10], byHand);
    expect(r.rank).toBe(2);
    expect(r.converged).toBe(true);
  });
});

describe('Levenberg–Marquardt against the course’s steepest descent on a small pasted data set', () => {
  // Fifteen heights (cm) binned as parseHeightsCsv does: 2.5 cm bins, densities count/(15·2.5).
  // From the course start (155, 6) the previous LM crawled to σ ≈ 179 at the iteration limit,
  // χ² ten times that of the course's 50 steepest steps.
  const x = Float64Array.of(170, 172.5, 175, 177.5, 180, 182.5, 185);
  const y = Float64Array.from([2, 2, 2, 2, 2, 3, 2], (c) => c / 37.5);
  const problem = gaussianResiduals(x, y);

  it('LM from (155, 6) reaches steepest descent’s χ² or better, and converges', () => {
    const steepest = leastSquares(problem.residuals, [155, 6], { jacobian: problem.jacobian, method: 'steepest', aggression: 2000, maxIterations: 50 });
    const lm = leastSquares(problem.residuals, [155, 6], { jacobian: problem.jacobian, maxIterations: 50 });
    expect(lm.converged).toBe(true);
    expect(lm.chi2).toBeLessThanOrEqual(steepest.chi2 * (1 + 1e-9));
    expect(lm.x[1]).toBeCloseTo(6.6284, 4);
  });
});
