import { describe, expect, test } from 'vitest';
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
import { rosenbrock } from './test-problems.js';

const g = rosenbrock.gradient;
const h = rosenbrock.hessian;
const residuals = () => [1, 2];
const jacobian = () => [[1], [1]];
const circle = (x: { data: Float64Array }) => x.data[0]! ** 2 + x.data[1]! ** 2 - 1;

// Every public function with an options object names a misspelt key and suggests the real one,
// instead of running with the default and returning a plausible wrong answer.
describe('unknown option names are rejected', () => {
  test.each([
    ['steepestDescent', () => steepestDescent(rosenbrock.f, [0, 0], { gradient: g, maxIteration: 3 } as never), 'maxIteration', 'maxIterations'],
    ['gradientDescent', () => gradientDescent(rosenbrock.f, [0, 0], { gradient: g, shrinkFactor: 0.5 } as never), 'shrinkFactor', undefined],
    ['momentum', () => momentum(rosenbrock.f, [0, 0], { gradient: g, betta: 0.5 } as never), 'betta', 'beta'],
    ['adam', () => adam(rosenbrock.f, [0, 0], { gradient: g, beta_1: 0.5 } as never), 'beta_1', 'beta1'],
    ['sgd', () => sgd(() => 0, [0], { dataSize: 10, batch_size: 2, gradient: () => [0] } as never), 'batch_size', 'batchSize'],
    ['newtonRaphson', () => newtonRaphson((x: number) => x, 1, { derivative: () => 1, maxIter: 1 } as never), 'maxIter', undefined],
    ['findRoot', () => findRoot(residuals, [0], { jacobian, linesearch: false } as never), 'linesearch', 'lineSearch'],
    ['newton', () => newton(rosenbrock.f, [0, 0], { gradient: g, hessian: h, strategie: 'trust-region' } as never), 'strategie', 'strategy'],
    ['bfgs', () => bfgs(rosenbrock.f, [0, 0], { gradient: g, gradientTol: 1e-9 } as never), 'gradientTol', undefined],
    ['leastSquares', () => leastSquares(residuals, [0], { jacobian, maxIter: 1 } as never), 'maxIter', undefined],
    ['lagrange', () => lagrange(circle, circle, [1, 0], { maxIteration: 1 } as never), 'maxIteration', 'maxIterations'],
  ])('%s names the unknown key and the closest known one', (method, call, key, suggestion) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`${method}: unknown option "${key}"`));
    if (suggestion !== undefined) expect(call).toThrow(`did you mean "${suggestion}"?`);
  });

  test('the course-hybrid options are known names, but belong to strategy "course-hybrid"', () => {
    expect(() => newton(rosenbrock.f, [0, 0], { gradient: g, hessian: h, strategy: 'trust-region', maxNewtonStep: 2 })).toThrow(/option "maxNewtonStep" belongs to the course's hybrid/);
    expect(() => newton(rosenbrock.f, [0, 0], { gradient: g, hessian: h, strategy: 'course-hybrid', maxNewtonStep: 2, maxIterations: 1 })).not.toThrow();
  });

  test('options must be an object', () => {
    expect(() => bfgs(rosenbrock.f, [0, 0], null as never)).toThrow(/bfgs: options must be an object, got null/);
    expect(() => leastSquares(residuals, [0], [] as never)).toThrow(/leastSquares: options must be an object, got an array/);
  });
});
