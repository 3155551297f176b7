import type { Tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import { bfgs, leastSquares, newton, type OptimizationResult } from './index.js';
import { mghProblems, reachedMinimum, residualJacobian, residualValues, sumOfSquares, type MghProblem } from './test-mgh.js';

// Moré, Garbow & Hillstrom (1981), problems 1–26 from their standard starts, each method with
// its default options and exact derivatives (test-mgh.ts). "Reached" is f within 1e-6
// relative of a minimum the paper reports (f ≤ 1e-8 where f* = 0).

type Method = 'levenberg-marquardt' | 'bfgs' | 'newton' | 'newton (course hybrid)';

function run(p: MghProblem, method: Method): OptimizationResult {
  const ss = sumOfSquares(p);
  const f = (x: Tensor) => ss.value(x.data);
  switch (method) {
    case 'levenberg-marquardt':
      return leastSquares((x) => residualValues(p, x.data), p.start, { jacobian: (x) => residualJacobian(p, x) });
    case 'bfgs':
      return bfgs(f, p.start, { gradient: ss.gradient });
    case 'newton':
      return newton(f, p.start, { gradient: ss.gradient, hessian: ss.hessian });
    case 'newton (course hybrid)':
      return newton(f, p.start, { gradient: ss.gradient, hessian: ss.hessian, strategy: 'course-hybrid' });
  }
}

const cases = (method: Method) => mghProblems.map((p) => [p.id, p.name, method, p] as const);

describe('Moré–Garbow–Hillstrom problems 1–26 (ACM TOMS 7(1), 1981)', () => {
  it.each([...cases('levenberg-marquardt'), ...cases('bfgs')])('%i %s: %s reaches f*, and says it converged', (_id, _name, method, p) => {
    const r = run(p, method);
    expect(reachedMinimum(p, r.value), `f = ${r.value}, ${r.message}`).toBe(true);
    expect(r.converged, r.message).toBe(true);
  });

  const newtonRuns = new Map<number, OptimizationResult>();
  it.each(cases('newton'))('%i %s: %s never claims success above f*', (id, _name, method, p) => {
    const r = run(p, method);
    newtonRuns.set(id, r);
    if (r.converged) expect(reachedMinimum(p, r.value), `claims ${r.reason} at f = ${r.value}`).toBe(true);
  });

  it('default newton (trust region) reaches f* on at least 24 of the 26', () => {
    const reached = mghProblems.filter((p) => reachedMinimum(p, (newtonRuns.get(p.id) ?? run(p, 'newton')).value));
    expect(reached.length).toBeGreaterThanOrEqual(24);
  });

  it.each(cases('newton (course hybrid)'))('%i %s: %s may fail, but never claims success above f*', (_id, _name, method, p) => {
    const r = run(p, method);
    if (r.converged) expect(reachedMinimum(p, r.value), `claims ${r.reason} at f = ${r.value}`).toBe(true);
  });
});
