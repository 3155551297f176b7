import { describe, expect, it, test } from 'vitest';
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
  sgd,
  steepestDescent,
} from './index.js';
import { quizPolynomial, rosenbrock } from './test-problems.js';

const g = rosenbrock.gradient;

describe('option validation', () => {
  test.each([
    ['steepestDescent step -1', () => steepestDescent(rosenbrock.f, [0, 0], { step: -1, gradient: g }), /steepestDescent: option "step" must be a positive finite number, got -1/],
    ['steepestDescent step NaN', () => steepestDescent(rosenbrock.f, [0, 0], { step: NaN, gradient: g }), /option "step".*got NaN/],
    ['gradientDescent shrink 1', () => gradientDescent(rosenbrock.f, [0, 0], { shrink: 1, gradient: g }), /gradientDescent: option "shrink" must be a number in \[0, 1\), got 1/],
    ['momentum beta 1.5', () => momentum(rosenbrock.f, [0, 0], { beta: 1.5, gradient: g }), /momentum: option "beta"/],
    ['adam epsilon 0', () => adam(rosenbrock.f, [0, 0], { epsilon: 0, gradient: g }), /adam: option "epsilon"/],
    ['bfgs maxIterations 2.5', () => bfgs(rosenbrock.f, [0, 0], { maxIterations: 2.5, gradient: g }), /bfgs: option "maxIterations" must be a positive integer, got 2.5/],
    ['newton fallback', () => newton(rosenbrock.f, [0, 0], { strategy: 'course-hybrid', fallback: 'maybe' as 'none', gradient: g }), /newton: option "fallback" must be one of "steepest", "none", got "maybe"/],
    ['newtonRaphson tolerance', () => newtonRaphson(quizPolynomial.f, 1, { derivative: quizPolynomial.derivative, valueTolerance: -1 }), /newtonRaphson: option "valueTolerance"/],
    ['leastSquares method', () => leastSquares(() => [1], [0], { method: 'simplex' as 'steepest' }), /leastSquares: option "method"/],
    ['leastSquares aggression', () => leastSquares(() => [1], [0], { method: 'steepest', aggression: -2 }), /leastSquares: option "aggression".*got -2/],
    ['sgd without dataSize', () => sgd(() => 0, [0], {} as { dataSize: number }), /sgd: option "dataSize"/],
    ['sgd noise without rng', () => sgd(() => 0, [0], { dataSize: 4, noise: 1, gradient: () => [0] }), /sgd: option "rng"/],
  ])('%s throws a RangeError/TypeError naming the option', (_label, call, message) => {
    expect(call).toThrow(message);
  });

  test.each([
    ['NaN start', [Number.NaN, 0], /steepestDescent: argument "x0" must be finite, got NaN at index 0/],
    ['infinite start', [0, Infinity], /argument "x0" must be finite, got Infinity at index 1/],
    ['empty start', [], /argument "x0" must not be empty/],
  ])('steepestDescent(f, x0) rejects a %s', (_label, x0, message) => {
    expect(() => steepestDescent(rosenbrock.f, x0, { gradient: g })).toThrow(RangeError);
    expect(() => steepestDescent(rosenbrock.f, x0, { gradient: g })).toThrow(message);
  });

  it('newtonRaphson(f, x0) rejects a non-finite start', () => {
    expect(() => newtonRaphson(quizPolynomial.f, Number.NaN, { derivative: quizPolynomial.derivative })).toThrow(/argument "x0" must be a finite number, got NaN/);
  });

  it('a supplied gradient of the wrong length is a dimension mismatch', () => {
    expect(() => steepestDescent(rosenbrock.f, [0, 0], { gradient: () => [1, 2, 3] })).toThrow(/gradient has length 3, expected 2 \(dimension mismatch\)/);
  });

  it('a supplied Jacobian with the wrong shape is a dimension mismatch', () => {
    expect(() => findRoot(() => [1, 2], [0, 0], { jacobian: () => [[1, 0]] })).toThrow(/Jacobian's row count has length 1, expected 2/);
  });

  it('sigma must match the residual count and be positive', () => {
    expect(() => leastSquares(() => [1, 2], [0], { jacobian: () => [[1], [1]], sigma: [1, 2, 3] })).toThrow(/option "sigma" has length 3, expected 2/);
    expect(() => leastSquares(() => [1, 2], [0], { jacobian: () => [[1], [1]], sigma: [1, 0] })).toThrow(/option "sigma" must be positive and finite, got 0 at index 1/);
  });

  it('lagrange rejects as many constraints as variables', () => {
    expect(() => lagrange(() => 0, [() => 0, () => 0], [0, 0])).toThrow(/2 constraints on 2 variables/);
  });

  it('a plain-number objective without a gradient is a TypeError saying what to do', () => {
    expect(() => steepestDescent(rosenbrock.f, [0, 0])).toThrow(TypeError);
    expect(() => steepestDescent(rosenbrock.f, [0, 0])).toThrow(/returned a plain number.*supply option "gradient"/);
    expect(() => newton(rosenbrock.f, [0, 0], { gradient: g })).toThrow(/supply option "hessian"/);
    expect(() => newtonRaphson(quizPolynomial.f as never, 1)).toThrow(/supply option "derivative"/);
    expect(() => findRoot(() => [1, 2], [0, 0])).toThrow(/supply option "jacobian"/);
  });
});
