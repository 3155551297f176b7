/**
 * Runs the Moré–Garbow–Hillstrom problems 1–26 through the optimisers with their default
 * options and analytic derivatives, and tabulates where each run ended. The optimisers are
 * passed in, so the same harness measured the previous release (see `mgh-previous.ts`).
 */
import type { Tensor } from '@slope/autodiff';
import { mghProblems, reachedMinimum, residualJacobian, residualValues, sumOfSquares, type MghProblem } from '../src/test-mgh.js';

/** The slice of @slope/optim's API the harness uses (old and new releases both provide it). */
export interface Optimisers {
  leastSquares(r: (p: Tensor) => ArrayLike<number>, p0: ArrayLike<number>, options: object): MghRunResult;
  bfgs(f: (x: Tensor) => number, x0: ArrayLike<number>, options: object): MghRunResult;
  newton(f: (x: Tensor) => number, x0: ArrayLike<number>, options: object): MghRunResult;
}

interface MghRunResult {
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason: string;
}

export interface MghRow {
  readonly id: number;
  readonly problem: string;
  readonly method: string;
  /** The lowest f* the paper reports. */
  readonly fStar: number;
  readonly f: number;
  readonly reached: boolean;
  readonly converged: boolean;
  readonly reason: string;
  readonly iterations: number;
  /** Calls of the function itself (residuals, or f). */
  readonly evaluations: number;
  /** Calls of the supplied derivatives (Jacobian, or gradient and Hessian). */
  readonly derivativeEvaluations: number;
}

export type MghMethod = 'levenberg-marquardt' | 'bfgs' | 'newton' | 'newton (course hybrid, lineSearch)';

/** Runs one problem with one method. `newtonHybridOptions` are what selects the course hybrid in that release. */
export function runMgh(optim: Optimisers, p: MghProblem, method: MghMethod, newtonHybridOptions: object): MghRow {
  let evaluations = 0;
  let derivativeEvaluations = 0;
  const ss = sumOfSquares(p);
  const f = (x: Tensor) => {
    evaluations++;
    return ss.value(x.data);
  };
  const gradient = (x: Float64Array) => {
    derivativeEvaluations++;
    return ss.gradient(x);
  };
  const hessian = (x: Float64Array) => {
    derivativeEvaluations++;
    return ss.hessian(x);
  };
  let result: MghRunResult;
  if (method === 'levenberg-marquardt') {
    result = optim.leastSquares(
      (x) => {
        evaluations++;
        return residualValues(p, x.data);
      },
      p.start,
      {
        jacobian: (x: Float64Array) => {
          derivativeEvaluations++;
          return residualJacobian(p, x);
        },
      },
    );
  } else if (method === 'bfgs') result = optim.bfgs(f, p.start, { gradient });
  else if (method === 'newton') result = optim.newton(f, p.start, { gradient, hessian });
  else result = optim.newton(f, p.start, { gradient, hessian, ...newtonHybridOptions, lineSearch: true });
  return {
    id: p.id,
    problem: p.name,
    method,
    fStar: Math.min(...p.minima.map((m) => m.value)),
    f: result.value,
    reached: reachedMinimum(p, result.value),
    converged: result.converged,
    reason: result.reason,
    iterations: result.iterations,
    evaluations,
    derivativeEvaluations,
  };
}

export const MGH_METHODS: readonly MghMethod[] = ['levenberg-marquardt', 'bfgs', 'newton', 'newton (course hybrid, lineSearch)'];

/** Every problem with every method. */
export function runMghSuite(optim: Optimisers, newtonHybridOptions: object): MghRow[] {
  return MGH_METHODS.flatMap((method) => mghProblems.map((p) => runMgh(optim, p, method, newtonHybridOptions)));
}
