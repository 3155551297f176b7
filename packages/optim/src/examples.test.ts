import type { Tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import { findRoot, gradientDescent, lagrange, leastSquares, newtonRaphson, steepestDescent, steepestDescentSteps } from './index.js';

// The @example blocks of the public API, run as written (doctest style).
describe('TSDoc examples', () => {
  it('steepestDescent((x) => x.square().sum(), [3, 4], { step: 0.25 }) converges to the origin', () => {
    const r = steepestDescent((x) => x.square().sum(), [3, 4], { step: 0.25 });
    expect(r.reason).toBe('gradient-tolerance');
    expect(Math.hypot(r.x[0]!, r.x[1]!)).toBeLessThan(1e-8);
  });

  it('gradientDescent((x) => x.square().sum(), [3, 4]) converges', () => {
    expect(gradientDescent((x) => x.square().sum(), [3, 4]).converged).toBe(true);
  });

  it('newtonRaphson(x³ − 2x + 2, −2) gives −1.76929235…; from 0 it oscillates', () => {
    const r = newtonRaphson((x) => x ** 3 - 2 * x + 2, -2, { derivative: (x) => 3 * x * x - 2 });
    expect(r.root).toBeCloseTo(-1.7692923542386314, 10);
    expect(newtonRaphson((x) => x ** 3 - 2 * x + 2, 0, { derivative: (x) => 3 * x * x - 2 }).reason).toBe('oscillating');
  });

  it('findRoot finds (√2, √2) on the circle–line example', () => {
    const r = findRoot((x) => [x.data[0]! ** 2 + x.data[1]! ** 2 - 4, x.data[0]! - x.data[1]!], [1, 0.5], {
      jacobian: (x) => [
        [2 * x[0]!, 2 * x[1]!],
        [1, -1],
      ],
    });
    expect(r.x[0]).toBeCloseTo(Math.SQRT2, 12);
  });

  it('leastSquares fits the line through (0,1), (1,3), (2,5), (3,7) as [2, 1]', () => {
    const x = [0, 1, 2, 3];
    const y = [1, 3, 5, 7];
    const fit = leastSquares((p: Tensor) => x.map((xi, i) => p.data[0]! * xi + p.data[1]! - y[i]!), [0, 0], {
      jacobian: () => x.map((xi) => [xi, 1]),
    });
    expect(fit.x[0]).toBeCloseTo(2, 10);
    expect(fit.x[1]).toBeCloseTo(1, 10);
  });

  it('lagrange maximises x²y on x² + y² = 4 at (2√(2/3), 2/√3) with value 16/(3√3)', () => {
    const r = lagrange((v) => v.data[0]! ** 2 * v.data[1]!, (v) => v.data[0]! ** 2 + v.data[1]! ** 2 - 4, [1, 1], {
      mode: 'maximize',
      gradient: (v) => [2 * v[0]! * v[1]!, v[0]! ** 2],
      hessian: (v) => [
        [2 * v[1]!, 2 * v[0]!],
        [2 * v[0]!, 0],
      ],
      constraintJacobian: (v) => [[2 * v[0]!, 2 * v[1]!]],
      constraintHessians: () => [
        [
          [2, 0],
          [0, 2],
        ],
      ],
    });
    expect(r.x[0]).toBeCloseTo(1.63299, 5);
    expect(r.x[1]).toBeCloseTo(1.1547, 5);
    expect(r.value).toBeCloseTo(16 / (3 * Math.sqrt(3)), 10);
    expect(r.kind).toBe('maximum');
  });

  it('OptimizationRun: a broken-off run stays stopped', () => {
    const run = steepestDescentSteps((x) => x.square().sum(), [3, 4], { step: 0.1 });
    for (const state of run) if (state.iteration === 5) break;
    expect(run.result().reason).toBe('stopped');
    expect(run.finish().reason).toBe('stopped');
  });
});
