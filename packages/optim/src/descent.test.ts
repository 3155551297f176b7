import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adam, gradientDescent, gradientDescentSteps, momentum, pathLength, steepestDescent, steepestDescentSteps, stepCosines } from './index.js';
import { at, rosenbrock, valley } from './test-problems.js';

const bowl = valley(1);

describe('steepestDescent', () => {
  it('steepestDescent(f, x0, { step }) takes x ← x − γ∇f exactly', () => {
    const r = steepestDescent(bowl.f, [3, 4], { step: 0.25, gradient: bowl.gradient, maxIterations: 2 });
    expect(Array.from(r.history[1]!.x)).toEqual([2.25, 3]);
    expect(Array.from(r.history[2]!.x)).toEqual([2.25 * 0.75, 2.25]);
    expect(r.reason).toBe('max-iterations');
    expect(r.iterations).toBe(2);
  });

  it('steepestDescent(f, x0) converges by gradient tolerance on a round bowl', () => {
    const r = steepestDescent(bowl.f, [3, 4], { step: 0.5, gradient: bowl.gradient });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('gradient-tolerance');
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-8);
    expect(r.history).toHaveLength(r.iterations + 1);
    expect(r.evaluations).toBe(r.iterations + 1);
  });

  it('steepestDescent on an ill-conditioned quadratic zig-zags, and the history shows it', () => {
    const narrow = valley(25);
    const r = steepestDescent(narrow.f, [10, 4], { step: 0.075, gradient: narrow.gradient, maxIterations: 10000 });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(100);
    const cosines = stepCosines(r.history);
    // Consecutive steps point against each other for most of the run.
    expect(cosines.slice(0, 20).every((c) => c < 0)).toBe(true);
    expect(pathLength(r.history)).toBeGreaterThan(1.5 * Math.hypot(10, 4));
    // On a round bowl the same method walks straight.
    const round = steepestDescent(bowl.f, [10, 1], { step: 0.075, gradient: bowl.gradient });
    expect(stepCosines(round.history).every((c) => c > 0.999)).toBe(true);
  });

  it('steepestDescent with too large a step diverges and returns the best point so far', () => {
    const r = steepestDescent(bowl.f, [1, 1], { step: 3, gradient: bowl.gradient });
    expect(r.reason).toBe('diverged');
    expect(r.converged).toBe(false);
    expect(Array.from(r.x)).toEqual([1, 1]);
    expect(r.value).toBe(1);
    expect(r.message).toMatch(/best point so far \(iteration 0/);
    expect(r.history.at(-1)!.value).toBeGreaterThan(1e10);
  });

  it('steepestDescent reports NaN as divergence', () => {
    const r = steepestDescent((x) => Math.sqrt(at(x, 0)), [1], { step: 10, gradient: (x) => [0.5 / Math.sqrt(x[0]!)] });
    expect(r.reason).toBe('diverged');
    expect(r.message).toMatch(/NaN/);
    expect(r.x[0]).toBe(1);
  });

  it('steepestDescent stops by step or value tolerance when asked', () => {
    const byValue = steepestDescent(bowl.f, [3, 4], { step: 0.1, gradient: bowl.gradient, valueTolerance: 1e-6, gradientTolerance: 0 });
    expect(byValue.reason).toBe('value-tolerance');
    const byStep = steepestDescent(bowl.f, [3, 4], { step: 0.1, gradient: bowl.gradient, stepTolerance: 1e-3, gradientTolerance: 0 });
    expect(byStep.reason).toBe('step-tolerance');
  });

  it('steepestDescentSteps can be stopped early and still gives a result', () => {
    const run = steepestDescentSteps(bowl.f, [3, 4], { step: 0.1, gradient: bowl.gradient });
    let count = 0;
    for (const s of run) {
      count++;
      if (s.iteration === 5) break;
    }
    expect(count).toBe(6);
    const r = run.result();
    expect(r.reason).toBe('stopped');
    expect(r.iterations).toBe(5);
    expect(r.x[0]).toBeCloseTo(3 * 0.9 ** 5, 12);
    expect(run.done).toBe(true);
    expect(run.finish()).toBe(r);
  });

  it('steepestDescentSteps(...).result() before finishing reports the latest state; finish() runs on', () => {
    const run = steepestDescentSteps(bowl.f, [3, 4], { step: 0.5, gradient: bowl.gradient });
    run.next();
    run.next();
    expect(run.result().iterations).toBe(1);
    expect(run.finish().reason).toBe('gradient-tolerance');
  });
});

describe('gradientDescent (Armijo)', () => {
  it('gradientDescent(rosenbrock, [-1.2, 1]) decreases f monotonically and gets close to (1, 1)', () => {
    const r = gradientDescent(rosenbrock.f, [-1.2, 1], { gradient: rosenbrock.gradient, maxIterations: 20000, gradientTolerance: 1e-6 });
    const values = r.history.map((s) => s.value);
    values.slice(1).forEach((v, i) => expect(v).toBeLessThan(values[i]!));
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('every accepted step of gradientDescent satisfies the Armijo condition (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (kappa, x, y) => {
          const q = valley(kappa);
          const r = gradientDescent(q.f, [x, y], { gradient: q.gradient, maxIterations: 30 });
          for (let i = 1; i < r.history.length; i++) {
            const prev = r.history[i - 1]!;
            const s = r.history[i]!;
            const t = s.detail!.stepSize!;
            expect(s.value).toBeLessThanOrEqual(prev.value - 1e-4 * t * prev.gradientNorm ** 2 + 1e-12);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gradientDescentSteps states carry the accepted step size', () => {
    const states = [...gradientDescentSteps(bowl.f, [3, 4], { gradient: bowl.gradient, step: 4 })];
    expect(states[1]!.detail!.stepSize).toBe(1);
    expect(states.at(-1)!.gradientNorm).toBeLessThanOrEqual(1e-8);
  });
});

describe('momentum and adam', () => {
  it('momentum(f, x0) converges on the narrow valley faster than plain steepest descent with the same step', () => {
    const narrow = valley(25);
    const plain = steepestDescent(narrow.f, [10, 1], { step: 0.01, gradient: narrow.gradient, maxIterations: 20000 });
    const heavy = momentum(narrow.f, [10, 1], { step: 0.01, beta: 0.8, gradient: narrow.gradient, maxIterations: 20000 });
    expect(heavy.converged).toBe(true);
    expect(heavy.iterations).toBeLessThan(plain.iterations / 2);
  });

  it('momentum with β = 0 is steepest descent', () => {
    const a = momentum(bowl.f, [3, 4], { step: 0.1, beta: 0, gradient: bowl.gradient, maxIterations: 7 });
    const b = steepestDescent(bowl.f, [3, 4], { step: 0.1, gradient: bowl.gradient, maxIterations: 7 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });

  it('adam(f, x0) first moves every coordinate by about the learning rate', () => {
    const r = adam(bowl.f, [3, -4], { step: 0.1, gradient: bowl.gradient, maxIterations: 1 });
    expect(r.history[1]!.x[0]).toBeCloseTo(2.9, 6);
    expect(r.history[1]!.x[1]).toBeCloseTo(-3.9, 6);
  });

  it('adam(f, x0) reaches the minimum of Rosenbrock’s valley floor', () => {
    const r = adam(rosenbrock.f, [-1.2, 1], { step: 0.02, gradient: rosenbrock.gradient, maxIterations: 20000, gradientTolerance: 1e-6 });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });
});
