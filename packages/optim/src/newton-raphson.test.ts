import { describe, expect, it } from 'vitest';
import { newtonRaphson, newtonRaphsonSteps } from './index.js';
import { quizPolynomial } from './test-problems.js';

const { f, derivative } = quizPolynomial;
const cubic = (x: number) => x ** 3 - 2 * x + 2;
const cubicDerivative = (x: number) => 3 * x * x - 2;

describe('newtonRaphson on the course quiz polynomial (COURSE.md §3.3)', () => {
  it('newtonRaphson(f, -4) converges to the root −3.760214 in a few steps', () => {
    const r = newtonRaphson(f, -4, { derivative });
    expect(r.converged).toBe(true);
    expect(r.root).toBeCloseTo(-3.760214, 6);
    expect(r.iterations).toBeLessThanOrEqual(6);
  });

  it('newtonRaphson(f, 1) takes one step to 1.0625 and converges to the root 1.063071', () => {
    const r = newtonRaphson(f, 1, { derivative });
    expect(r.history[1]!.x[0]).toBeCloseTo(1.0625, 4);
    expect(r.root).toBeCloseTo(1.063071, 6);
    expect(Math.abs(r.value)).toBeLessThan(1e-10);
  });

  it('newtonRaphson(f, 1.99) jumps far to −36.47 and then converges to the root near −4 in about 17 steps', () => {
    const r = newtonRaphson(f, 1.99, { derivative });
    expect(r.history[1]!.x[0]).toBeCloseTo(-36.47461, 4);
    expect(r.converged).toBe(true);
    expect(r.root).toBeCloseTo(-3.760214, 6);
    expect(r.iterations).toBeGreaterThanOrEqual(15);
    expect(r.iterations).toBeLessThanOrEqual(22);
  });

  it('newtonRaphson(f, 3.1) over the quiz’s 20 iterations does not settle and says so', () => {
    const r = newtonRaphson(f, 3.1, { derivative, maxIterations: 20 });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('oscillating');
    expect(r.message).toMatch(/oscillating/);
    expect(r.history).toHaveLength(21);
  });
});

describe('newtonRaphson on x³ − 2x + 2 (COURSE.md week 5)', () => {
  it('newtonRaphson(f, -2) converges to −1.7693 in a handful of steps', () => {
    const r = newtonRaphson(cubic, -2, { derivative: cubicDerivative });
    expect(r.root).toBeCloseTo(-1.7693, 4);
    expect(r.reason).toMatch(/tolerance/);
    expect(r.iterations).toBeLessThanOrEqual(6);
  });

  it('newtonRaphson(f, 0) cycles 0 → 1 → 0 and reports a period-2 oscillation', () => {
    const r = newtonRaphson(cubic, 0, { derivative: cubicDerivative });
    expect(r.reason).toBe('oscillating');
    expect(r.converged).toBe(false);
    expect(Array.from(r.history, (s) => s.x[0])).toEqual([0, 1, 0]);
    expect(r.message).toMatch(/period 2/);
  });
});

describe('newtonRaphson edge cases', () => {
  it('newtonRaphson(f, x0) reports singular at a stationary point', () => {
    const r = newtonRaphson((x) => x * x + 1, 0, { derivative: (x) => 2 * x });
    expect(r.reason).toBe('singular');
  });

  it('newtonRaphson(f, x0) reports divergence with the best point when iterates run away', () => {
    // ∛x: every Newton step doubles |x| and flips its sign.
    const r = newtonRaphson(Math.cbrt, 1, { derivative: (x) => 1 / (3 * Math.cbrt(x) ** 2) });
    expect(r.reason).toBe('diverged');
    expect(r.message).toMatch(/best point so far \(iteration 0/);
    expect(r.root).toBe(1);
    expect(Math.abs(r.history.at(-1)!.x[0]!)).toBeGreaterThan(1e12);
  });

  it('newtonRaphsonSteps yields one state per iterate and can be stopped early', () => {
    const run = newtonRaphsonSteps(f, 1.99, { derivative });
    const seen: number[] = [];
    for (const s of run) {
      seen.push(s.x[0]!);
      if (s.iteration === 3) break;
    }
    expect(seen).toHaveLength(4);
    const r = run.result();
    expect(r.reason).toBe('stopped');
    expect(r.root).toBe(seen[3]);
  });

  it('a derivative that returns no number is a TypeError saying what it returned, and where', () => {
    expect(() => newtonRaphson((x: number) => x - 1, 3, { derivative: () => undefined as unknown as number })).toThrow(
      /newtonRaphson: option "derivative" returned undefined at x = 3; expected a number/,
    );
    expect(() => newtonRaphson(() => 'abc' as unknown as number, 3, { derivative: () => 1 })).toThrow(/newtonRaphson: f returned the string "abc" at x = 3; expected a number/);
  });
});
