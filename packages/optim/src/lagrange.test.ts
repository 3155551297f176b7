import { add, exp, mul, neg, square, sub, sum, tensor, type Tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import { lagrange, lagrangeSteps } from './index.js';
import { at } from './test-problems.js';

const X = (v: Tensor) => sum(mul(v, tensor([1, 0])));
const Y = (v: Tensor) => sum(mul(v, tensor([0, 1])));

/** The course's Lagrange quiz (COURSE.md §3.4): exp(−(2x² + y² − xy)/2) on x² + 3(y+1)² = 1. */
const quizF = (v: Tensor) => exp(neg(mul(sub(add(mul(square(X(v)), 2), square(Y(v))), mul(X(v), Y(v))), 0.5)));
const quizG = (v: Tensor) => sub(add(square(X(v)), mul(square(add(Y(v), 1)), 3)), 1);

describe('lagrange on the course quiz (COURSE.md §3.4)', () => {
  it('lagrange(f, g, [1, 1]) reaches the global minimum (0.93094, −1.21083), f = 0.11494, λ = −0.15232', () => {
    const r = lagrange(quizF, [quizG], [1, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(0.93094, 5);
    expect(r.x[1]).toBeCloseTo(-1.21083, 5);
    expect(r.value).toBeCloseTo(0.11494, 5);
    expect(r.multipliers[0]).toBeCloseTo(-0.15232, 5);
    expect(r.kind).toBe('minimum');
    expect(Math.abs(r.constraints[0]!)).toBeLessThan(1e-10);
  });

  it.each([
    ['the maximum reached by the quiz from (1, 1, 0)', [1, 1], 'stationary', [-0.09584, -0.42531], 0.10111, 0.92381, 'maximum'],
    ['the stationary point near (−0.959, −1.164)', [-1, -1], 'stationary', [-0.95896, -1.1637], -0.24654, 0.3539, 'minimum'],
    ['the stationary point near (−0.626, −1.450)', [-1, -1.5], 'stationary', [-0.62614, -1.45017], -0.1565, 0.37175, 'maximum'],
    ['the global minimum', [1, -1], 'stationary', [0.93094, -1.21083], -0.15232, 0.11494, 'minimum'],
  ] as const)('lagrange(f, g, x0, { mode }) finds %s', (_label, x0, mode, xy, lambda, value, kind) => {
    const r = lagrange(quizF, quizG, x0, { mode });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(xy[0], 5);
    expect(r.x[1]).toBeCloseTo(xy[1], 5);
    expect(r.multipliers[0]).toBeCloseTo(lambda, 5);
    expect(r.value).toBeCloseTo(value, 5);
    expect(r.kind).toBe(kind);
  });

  it('in the default mode every quiz start ends at a constrained minimum, never a maximum', () => {
    for (const x0 of [[0, 0], [-0.1, -0.4], [-1, -1.5]]) {
      expect(lagrange(quizF, quizG, x0).kind).toBe('minimum');
    }
  });
});

describe('lagrange, maximise x²y on x² + y² = a² (COURSE.md week 5)', () => {
  const a = 2;
  const f = (v: Tensor) => at(v, 0) ** 2 * at(v, 1);
  const g = (v: Tensor) => at(v, 0) ** 2 + at(v, 1) ** 2 - a * a;
  const derivatives = {
    gradient: (v: Float64Array) => [2 * v[0]! * v[1]!, v[0]! ** 2],
    hessian: (v: Float64Array) => [
      [2 * v[1]!, 2 * v[0]!],
      [2 * v[0]!, 0],
    ],
    constraintJacobian: (v: Float64Array) => [[2 * v[0]!, 2 * v[1]!]],
    constraintHessians: () => [
      [
        [2, 0],
        [0, 2],
      ],
    ],
  };

  it.each([
    [1, 1, 1],
    [-1, 0.5, -1],
  ])('lagrange(f, g, [%d, %d], { mode: "maximize" }) finds x = ±a√(2/3), y = a/√3, max 2a³/(3√3)', (x0, y0, sign) => {
    const r = lagrange(f, g, [x0, y0], { ...derivatives, mode: 'maximize' });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(sign * a * Math.sqrt(2 / 3), 10);
    expect(r.x[1]).toBeCloseTo(a / Math.sqrt(3), 10);
    expect(r.value).toBeCloseTo((2 * a ** 3) / (3 * Math.sqrt(3)), 10);
    expect(r.kind).toBe('maximum');
    // ∇f = λ∇g at the answer, in the course's sign convention.
    const lambda = r.multipliers[0]!;
    expect(2 * r.x[0]! * r.x[1]!).toBeCloseTo(lambda * 2 * r.x[0]!, 10);
  });

  it('minimising from (1, 1) stops at the local minimum (0, a), where f = 0 and λ = 0', () => {
    const r = lagrange(f, g, [1, 1], derivatives);
    expect(r.kind).toBe('minimum');
    expect(r.x[0]).toBeCloseTo(0, 10);
    expect(r.x[1]).toBeCloseTo(a, 10);
    expect(r.multipliers[0]).toBeCloseTo(0, 10);
  });

  it('minimising from (1, −1) finds the global minimum y = −a/√3', () => {
    const r = lagrange(f, g, [1, -1], derivatives);
    expect(r.x[1]).toBeCloseTo(-a / Math.sqrt(3), 10);
    expect(r.value).toBeCloseTo((-2 * a ** 3) / (3 * Math.sqrt(3)), 10);
  });
});

describe('lagrange is globalised', () => {
  const F = (v: Tensor) => neg(exp(add(sub(X(v), square(Y(v))), mul(X(v), Y(v)))));
  const G = (v: Tensor) => sub(add(mul(add(exp(Y(v)), exp(neg(Y(v)))), 0.5), X(v)), 2);

  it('min −exp(x − y² + xy) s.t. cosh(y) + x = 2 from (0.5, 0.5) returns the minimum (0.9577824, 0.2895648), f = −3.1622210', () => {
    const r = lagrange(F, G, [0.5, 0.5]);
    expect(r.reason).toBe('gradient-tolerance');
    expect(r.x[0]).toBeCloseTo(0.9577824, 7);
    expect(r.x[1]).toBeCloseTo(0.2895648, 7);
    expect(r.value).toBeCloseTo(-3.162221, 7);
    expect(r.kind).toBe('minimum');
    // The merit line search had to shorten the first steps.
    expect(r.history.some((s) => (s.detail?.stepSize ?? 1) < 1)).toBe(true);
  });

  it('lagrangeSteps yields each iterate and can be stopped with multipliers at hand', () => {
    const run = lagrangeSteps(F, G, [0.5, 0.5]);
    for (const s of run) if (s.iteration === 2) break;
    const r = run.result();
    expect(r.reason).toBe('stopped');
    expect(r.multipliers).toHaveLength(1);
    expect(r.history).toHaveLength(3);
  });

  it('lagrange reports linearly dependent constraints as singular', () => {
    const r = lagrange((v) => at(v, 0) ** 2 + at(v, 1) ** 2 + at(v, 2) ** 2, [(v) => at(v, 0) - 1, (v) => 2 * at(v, 0) - 2], [0, 1, 1], {
      gradient: (v) => [2 * v[0]!, 2 * v[1]!, 2 * v[2]!],
      hessian: () => [2, 0, 0, 0, 2, 0, 0, 0, 2],
      constraintJacobian: () => [
        [1, 0, 0],
        [2, 0, 0],
      ],
      constraintHessians: () => [new Float64Array(9), new Float64Array(9)],
    });
    expect(r.reason).toBe('singular');
  });
});

describe('lagrange at infeasible constraints', () => {
  const square = { gradient: (v: Float64Array) => [2 * v[0]!, 2 * v[1]!], hessian: () => [[2, 0], [0, 2]] };

  it.each([
    [[0, 0]],
    [[1, 1]],
    [[0.3, -2]],
  ])('min x² + y² subject to x² + y² + 1 = 0 from %j: reason and kind "infeasible", never a minimum', (x0) => {
    const r = lagrange((v) => at(v, 0) ** 2 + at(v, 1) ** 2, (v) => at(v, 0) ** 2 + at(v, 1) ** 2 + 1, x0, {
      ...square,
      constraintJacobian: (v) => [[2 * v[0]!, 2 * v[1]!]],
      constraintHessians: () => [[[2, 0], [0, 2]]],
    });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('infeasible');
    expect(r.kind).toBe('infeasible');
    expect(r.constraints[0]).toBeGreaterThanOrEqual(1);
  });

  it.each([[[1, 1, 1]], [[2.5, 0, 0]], [[0, 0, 0]], [[6, -1, 2]]])('two disjoint unit spheres, centres 5 apart, from %j: "infeasible"', (x0) => {
    const r = lagrange(
      (v) => at(v, 0) + at(v, 1) + at(v, 2),
      [(v) => at(v, 0) ** 2 + at(v, 1) ** 2 + at(v, 2) ** 2 - 1, (v) => (at(v, 0) - 5) ** 2 + at(v, 1) ** 2 + at(v, 2) ** 2 - 1],
      x0,
      {
        gradient: () => [1, 1, 1],
        hessian: () => new Float64Array(9),
        constraintJacobian: (v) => [
          [2 * v[0]!, 2 * v[1]!, 2 * v[2]!],
          [2 * (v[0]! - 5), 2 * v[1]!, 2 * v[2]!],
        ],
        constraintHessians: () => [
          [2, 0, 0, 0, 2, 0, 0, 0, 2],
          [2, 0, 0, 0, 2, 0, 0, 0, 2],
        ],
      },
    );
    expect(r.converged).toBe(false);
    expect(r.kind).toBe('infeasible');
    expect(['infeasible', 'max-iterations']).toContain(r.reason);
  });
});
