import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfgs, findRoot, newton, newtonSteps } from './index.js';
import { mghProblems, sumOfSquares } from './test-mgh.js';
import { at, rosenbrock, valley } from './test-problems.js';
import type { Tensor } from '@slope/autodiff';

/**
 * The Sandpit's intro landscape (COURSE.md §3.1) as the game shows it: depth rescaled to
 * run from −9 (the phone) to −1 (the highest point of [0, 6]²), with hand-written derivatives.
 */
const sandpit = (() => {
  const bump = (x: number, y: number) => Math.exp(-((x - 1.5) ** 2 + (y - 3.7) ** 2) / 2.8);
  const raw = (x: number, y: number) => -((x - 4.1) ** 2 + (y - 0.9) ** 2) - 30 * bump(x, y);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= 300; i++)
    for (let j = 0; j <= 300; j++) {
      const v = raw(i / 50, j / 50);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  const s = 8 / (hi - lo);
  const value = (x: number, y: number) => s * (raw(x, y) - hi) - 1;
  const gradient = (p: Float64Array) => {
    const [x, y] = [p[0]!, p[1]!];
    const b = bump(x, y);
    return [s * (-2 * (x - 4.1) + (30 * b * (x - 1.5)) / 1.4), s * (-2 * (y - 0.9) + (30 * b * (y - 3.7)) / 1.4)];
  };
  const hessian = (p: Float64Array) => {
    const [x, y] = [p[0]!, p[1]!];
    const b = bump(x, y);
    const u = (x - 1.5) / 1.4;
    const v = (y - 3.7) / 1.4;
    return [
      [s * (-2 + 30 * b * (1 / 1.4 - u * u)), -s * 30 * b * u * v],
      [-s * 30 * b * u * v, s * (-2 + 30 * b * (1 / 1.4 - v * v))],
    ];
  };
  return { f: (p: Tensor) => value(at(p, 0), at(p, 1)), derivatives: { gradient, hessian } };
})();

const hybrid = { strategy: 'course-hybrid' } as const;

/** Booth's function (x + 2y − 7)² + (2x + y − 5)²: a convex quadratic with its minimum 0 at (1, 3). */
const booth = {
  f: (p: Tensor) => (at(p, 0) + 2 * at(p, 1) - 7) ** 2 + (2 * at(p, 0) + at(p, 1) - 5) ** 2,
  gradient: (p: Float64Array) => [10 * p[0]! + 8 * p[1]! - 34, 8 * p[0]! + 10 * p[1]! - 38],
  hessian: () => [
    [10, 8],
    [8, 10],
  ],
};

/** f = x² − y² + y⁴/4: a saddle at the origin, minima f = −1 at (0, ±√2). */
const saddle = {
  f: (p: Tensor) => at(p, 0) ** 2 - at(p, 1) ** 2 + at(p, 1) ** 4 / 4,
  gradient: (p: Float64Array) => [2 * p[0]!, -2 * p[1]! + p[1]! ** 3],
  hessian: (p: Float64Array) => [
    [2, 0],
    [0, -2 + 3 * p[1]! ** 2],
  ],
};

describe('newton (default: trust region)', () => {
  it('newton(booth, [0, 0]) solves Booth’s quadratic in one step, where the course hybrid diverges', () => {
    const r = newton(booth.f, [0, 0], { gradient: booth.gradient, hessian: booth.hessian });
    expect(r.reason).toBe('gradient-tolerance');
    expect(r.iterations).toBe(1);
    expect(r.x[0]).toBeCloseTo(1, 12);
    expect(r.x[1]).toBeCloseTo(3, 12);
    expect(newton(booth.f, [0, 0], { ...hybrid, gradient: booth.gradient, hessian: booth.hessian }).reason).toBe('diverged');
  });

  it('newton solves any convex quadratic ½xᵀAx − bᵀx in one step, singular A included (property)', () => {
    fc.assert(
      fc.property(
        // Tenths, so that A = LLᵀ is positive semi-definite in floating point too (products
        // of denormal-sized entries would round it indefinite).
        fc.array(fc.integer({ min: -30, max: 30 }).map((k) => k / 10), { minLength: 9, maxLength: 9 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (entries, xStar, x0, rank) => {
          // A = LLᵀ with L's last columns zeroed: rank 1 to 3, minimised on the whole affine set through x*.
          const l = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (j < rank ? entries[i * 3 + j]! + (i === j ? 2 : 0) : 0)));
          const a = [0, 1, 2].map((i) => [0, 1, 2].map((j) => l[i]!.reduce((s, lik, k) => s + lik * l[j]![k]!, 0)));
          const b = a.map((row) => row.reduce((s, v, j) => s + v * xStar[j]!, 0));
          const grad = (x: ArrayLike<number>) => a.map((row, i) => row.reduce((s, v, j) => s + v * x[j]!, 0) - b[i]!);
          const f = (x: Tensor) => 0.5 * a.reduce((s, row, i) => s + at(x, i) * row.reduce((t, v, j) => t + v * at(x, j), 0), 0) - b.reduce((s, v, i) => s + v * at(x, i), 0);
          const r = newton(f, x0, { gradient: grad, hessian: () => a, gradientTolerance: 1e-6 * (1 + Math.max(...Array.from(grad(x0), Math.abs))) });
          expect(r.iterations).toBeLessThanOrEqual(1);
          expect(r.converged).toBe(true);
          // Same value as at x* (the minimum), whichever point of the minimising set it found.
          expect(r.value).toBeCloseTo(f({ data: Float64Array.from(xStar) } as Tensor), 4);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('newton(rosenbrock, [-1.2, 1]) reaches (1, 1) within 1e-6', () => {
    const r = newton(rosenbrock.f, [-1.2, 1], { gradient: rosenbrock.gradient, hessian: rosenbrock.hessian });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });

  it('started exactly on a saddle (∇f = 0), newton steps off along negative curvature to a minimum', () => {
    const r = newton(saddle.f, [0, 0], { gradient: saddle.gradient, hessian: saddle.hessian });
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(-1, 10);
    expect(Math.abs(r.x[1]!)).toBeCloseTo(Math.SQRT2, 8);
  });

  it('where pure Newton climbs to the Sandpit’s hill top, the trust region goes downhill to a minimum', () => {
    const r = newton(sandpit.f, [4, 1], sandpit.derivatives);
    expect(r.converged).toBe(true);
    expect(r.value).toBeLessThan(r.history[0]!.value);
    for (let i = 1; i < r.history.length; i++) expect(r.history[i]!.value).toBeLessThan(r.history[i - 1]!.value);
    const h = sandpit.derivatives.hessian(r.x);
    expect(h[0]![0]! > 0 && h[0]![0]! * h[1]![1]! - h[0]![1]! ** 2 > 0).toBe(true);
  });

  it('a gradient that is not f’s own is caught: no success at its false stationary point', () => {
    // f = x², but the supplied "gradient" 2x + 3 vanishes at −1.5.
    const r = newton((x) => at(x, 0) ** 2, [3], { gradient: (x) => [2 * x[0]! + 3], hessian: () => [[2]] });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('stalled');
  });

  it('options of the course hybrid select it, and are an error with strategy: "trust-region"', () => {
    const derivatives = { gradient: booth.gradient, hessian: booth.hessian };
    const implied = newton(booth.f, [0, 0], { ...derivatives, fallback: 'steepest' });
    expect(implied.reason).toBe('diverged');
    expect(implied.history[1]!.detail?.direction).toBe('steepest');
    expect(newton(booth.f, [0, 0], { ...derivatives, lineSearch: true }).history[1]!.detail?.direction).toBe('steepest');
    expect(() => newton(booth.f, [0, 0], { ...derivatives, strategy: 'trust-region', fallback: 'none' })).toThrow(
      /newton: option "fallback" belongs to the course's hybrid, not strategy 'trust-region'/,
    );
  });

  it('newton on Gulf (Moré–Garbow–Hillstrom 11) reaches f = 0, not the plateau f = 32.835 the hybrid called a minimum', () => {
    const gulf = mghProblems[10]!;
    const ss = sumOfSquares(gulf);
    const objective = (x: Tensor) => ss.value(x.data);
    const r = newton(objective, gulf.start, { gradient: ss.gradient, hessian: ss.hessian });
    expect(r.converged).toBe(true);
    expect(r.value).toBeLessThan(1e-8);
    const course = newton(objective, gulf.start, { ...hybrid, gradient: ss.gradient, hessian: ss.hessian });
    // The hybrid's path is the course's and still lands there, but no longer calls it a
    // minimum: it stalls and reports its best point, the start.
    expect(course.history.at(-1)!.value).toBeCloseTo(32.835, 3);
    expect(course.converged).toBe(false);
    expect(course.reason).toBe('stalled');
    expect(course.value).toBe(course.history[0]!.value);
  });
});

describe('newton with strategy: "course-hybrid" (COURSE.md §3.2)', () => {
  it('newton(rosenbrock, [-1.2, 1]) reaches (1, 1) within 1e-6', () => {
    const r = newton(rosenbrock.f, [-1.2, 1], { ...hybrid, gradient: rosenbrock.gradient, hessian: rosenbrock.hessian, lineSearch: true });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });

  it('newton(rosenbrock, [-1.2, 1], { fallback: "none" }) — pure Newton also reaches (1, 1) within 1e-6', () => {
    const r = newton(rosenbrock.f, [-1.2, 1], { ...hybrid, gradient: rosenbrock.gradient, hessian: rosenbrock.hessian, fallback: 'none' });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });

  it('newton minimises a convex quadratic in exactly one step (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (kappa, x, y) => {
        const q = valley(kappa);
        const r = newton(q.f, [x, y], { ...hybrid, gradient: q.gradient, hessian: q.hessian, maxNewtonStep: 10 });
        expect(r.iterations).toBeLessThanOrEqual(1);
        expect(r.gradientNorm).toBeLessThanOrEqual(1e-8);
        expect(r.reason).toBe("gradient-tolerance");
      }),
      { numRuns: 50 },
    );
  });

  it('the hybrid finds the Sandpit phone at (1.213, 4.009) at depth −9 from a click nearby', () => {
    const r = newton(sandpit.f, [2, 3], { ...hybrid, ...sandpit.derivatives });
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(-9, 3);
    expect(r.x[0]).toBeCloseTo(1.213, 3);
    expect(r.x[1]).toBeCloseTo(4.009, 3);
  });

  it('pure Newton climbs to the Sandpit’s hill top and says it is a maximum; the hybrid steps downhill instead', () => {
    const pure = newton(sandpit.f, [4, 1], { ...hybrid, ...sandpit.derivatives, fallback: 'none' });
    expect(pure.history.at(-1)!.gradientNorm).toBeLessThan(1e-8);
    expect(pure.history.at(-1)!.value).toBeGreaterThan(pure.history[0]!.value);
    expect(pure.converged).toBe(false);
    expect(pure.reason).toBe('stalled');
    expect(pure.message).toMatch(/maximum/);
    // A stalled run reports its best point: here the start, below the hill top.
    expect(pure.value).toBe(pure.history[0]!.value);
    const run = newtonSteps(sandpit.f, [4, 1], { ...hybrid, ...sandpit.derivatives });
    const first = run.next().value && run.next().value;
    expect(first && first.detail?.direction).toBe('steepest');
    expect(first && first.value).toBeLessThan(run.history[0]!.value);
  });

  it('the hybrid falls back to −0.5∇f when the Newton step is longer than 2', () => {
    const r = newton(sandpit.f, [2, 3], { ...hybrid, ...sandpit.derivatives, maxNewtonStep: 1e-9, maxIterations: 1 });
    const g = sandpit.derivatives.gradient(Float64Array.of(2, 3));
    expect(r.history[1]!.detail?.direction).toBe('steepest');
    expect(r.history[1]!.x[0]).toBeCloseTo(2 - 0.5 * g[0]!, 12);
  });

  it('pure newton reports a singular Hessian', () => {
    const flat = { f: (x: Tensor) => at(x, 0) ** 2, gradient: (x: Float64Array) => [2 * x[0]!, 0], hessian: () => [[2, 0], [0, 0]] };
    const r = newton(flat.f, [1, 1], { ...hybrid, gradient: flat.gradient, hessian: flat.hessian, fallback: 'none' });
    expect(r.reason).toBe('singular');
  });
});

describe('bfgs', () => {
  it('bfgs on Jennrich–Sampson (‖∇f‖ ≈ 1e5 at the start) takes a first step of length 1, not 183, and reaches 124.362', () => {
    const js = mghProblems[5]!;
    const ss = sumOfSquares(js);
    const r = bfgs((x) => ss.value(x.data), js.start, { gradient: ss.gradient });
    const first = r.history[1]!.step!;
    expect(Math.hypot(...first)).toBeLessThanOrEqual(1 + 1e-12);
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(124.3621823556, 6);
  });

  it('a gradient that is not f’s own is caught: no success at its false stationary point', () => {
    const r = bfgs((x) => at(x, 0) ** 2, [3], { gradient: (x) => [2 * x[0]! + 3] });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('stalled');
  });

  it('bfgs(rosenbrock, [-1.2, 1]) reaches (1, 1) within 1e-6', () => {
    const r = bfgs(rosenbrock.f, [-1.2, 1], { gradient: rosenbrock.gradient, gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
    expect(r.iterations).toBeLessThan(100);
  });

  it('bfgs beats steepest-descent-like zig-zag on a narrow valley (n-step termination on a quadratic)', () => {
    const q = valley(1000);
    const r = bfgs(q.f, [1, 1], { gradient: q.gradient });
    expect(r.converged).toBe(true);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(20);
  });
});

describe('findRoot', () => {
  it('findRoot(F, x0) solves a circle–line intersection', () => {
    const r = findRoot((x) => [at(x, 0) ** 2 + at(x, 1) ** 2 - 4, at(x, 0) - at(x, 1)], [1, 0.5], {
      jacobian: (x) => [[2 * x[0]!, 2 * x[1]!], [1, -1]],
    });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(r.x[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(Math.max(...Array.from(r.residual, Math.abs))).toBeLessThan(1e-12);
  });

  it('findRoot reports a singular Jacobian', () => {
    const r = findRoot((x) => [at(x, 0) + at(x, 1) - 1, 2 * at(x, 0) + 2 * at(x, 1) - 3], [0, 0], { jacobian: () => [[1, 1], [2, 2]] });
    expect(r.reason).toBe('singular');
  });

  it('findRoot solves random diagonal-dominant linear systems in one step (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), (entries, b) => {
        const a = [0, 1, 2].map((i) => [0, 1, 2].map((j) => entries[i * 3 + j]! + (i === j ? 4 : 0)));
        const r = findRoot((x) => a.map((row, i) => row[0]! * at(x, 0) + row[1]! * at(x, 1) + row[2]! * at(x, 2) - b[i]!), [0, 0, 0], { jacobian: () => a });
        expect(r.iterations).toBeLessThanOrEqual(2);
        a.forEach((row, i) => expect(row[0]! * r.x[0]! + row[1]! * r.x[1]! + row[2]! * r.x[2]!).toBeCloseTo(b[i]!, 9));
      }),
      { numRuns: 40 },
    );
  });
});
