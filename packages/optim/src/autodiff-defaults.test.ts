import { add, div, mul, pow, square, sub, sum, tensor, type Tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import { bfgs, findRoot, gradientDescent, newton, newtonRaphson, steepestDescent } from './index.js';
import { quizPolynomial, rosenbrock } from './test-problems.js';

const X = (v: Tensor) => sum(mul(v, tensor([1, 0])));
const Y = (v: Tensor) => sum(mul(v, tensor([0, 1])));
const tensorRosenbrock = (v: Tensor) => add(square(sub(1, X(v))), mul(100, square(sub(Y(v), square(X(v))))));

describe('derivatives default to @slope/autodiff', () => {
  it('steepestDescent(f, x0) with a Tensor objective takes its gradient from autodiff', () => {
    const target = tensor([1, -2, 3]);
    const r = steepestDescent((x) => sum(square(sub(x, target))), [0, 0, 0], { step: 0.25 });
    expect(r.converged).toBe(true);
    expect(Array.from(r.x).map((v) => +v.toFixed(6))).toEqual([1, -2, 3]);
  });

  it('gradientDescent gives the same path with autodiff as with the hand-written gradient', () => {
    const auto = gradientDescent(tensorRosenbrock, [-1.2, 1], { maxIterations: 30 });
    const hand = gradientDescent(rosenbrock.f, [-1.2, 1], { gradient: rosenbrock.gradient, maxIterations: 30 });
    auto.history.forEach((s, i) => {
      expect(s.x[0]).toBeCloseTo(hand.history[i]!.x[0]!, 9);
      expect(s.x[1]).toBeCloseTo(hand.history[i]!.x[1]!, 9);
    });
  });

  it('newton(f, x0) takes its Hessian from autodiff and reaches (1, 1) within 1e-6 on Rosenbrock', () => {
    const r = newton(tensorRosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });

  it('bfgs(f, x0) with autodiff gradients reaches (1, 1) within 1e-6 on Rosenbrock', () => {
    const r = bfgs(tensorRosenbrock, [-1.2, 1], { gradientTolerance: 1e-9 });
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });

  it('newtonRaphson(f, x0) with a Tensor function gets f′ from autodiff and matches the hand-derived run', () => {
    const f = (x: Tensor) => add(sub(sub(div(pow(x, 6), 6), mul(3, pow(x, 4))), div(mul(2, pow(x, 3)), 3)), sub(add(mul(13.5, square(x)), mul(18, x)), 30));
    const auto = newtonRaphson(f, 1.99);
    const hand = newtonRaphson(quizPolynomial.f, 1.99, { derivative: quizPolynomial.derivative });
    expect(auto.root).toBeCloseTo(-3.760214, 6);
    expect(auto.iterations).toBe(hand.iterations);
  });

  it('findRoot(F, x0) takes the Jacobian from autodiff', () => {
    const F = (v: Tensor) => tensor([0, 0]).add(mul(tensor([1, 0]), sub(add(square(X(v)), square(Y(v))), 4))).add(mul(tensor([0, 1]), sub(X(v), Y(v))));
    const r = findRoot(F, [1, 0.5]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(r.x[1]).toBeCloseTo(Math.SQRT2, 12);
  });
});
