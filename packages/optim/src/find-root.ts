import { vectorEvaluator } from './evaluate.js';
import { allFinite, matTVec, norm, solve } from './linalg.js';
import { rejectUnknownOptions } from './options.js';
import { jitChoice } from './compiled.js';
import { DEFAULT_HISTORY_LIMIT, OptimizationRun, smallStep, Tracker } from './run.js';
import type { IterationState, MatrixFunction, OptimizationResult, VectorFunction } from './types.js';
import { checkLength, historyLimit, nonNegativeNumber, optionalFunction, positiveInteger, positiveNumber, requireFunction, startVector } from './validate.js';

/**
 * Options for {@link findRoot}.
 *
 * @example
 * ```ts
 * const opts: FindRootOptions = { jacobian: (x) => [[2 * x[0]!, 0], [0, 1]], lineSearch: false };
 * ```
 */
export interface FindRootOptions {
  /** ∂F/∂x by hand (m×n rows or flat row-major); otherwise `jacobian` from `@slope/autodiff`. */
  readonly jacobian?: MatrixFunction;
  /** Iteration budget. Default 100. */
  readonly maxIterations?: number;
  /** The most states `history` keeps (at least 2); longer runs keep an evenly thinned selection. Default 10 000. */
  readonly historyLimit?: number;
  /** Stop when ‖F(x)‖ ≤ this. Default 1e-12. */
  readonly valueTolerance?: number;
  /** Stop when ‖Δx‖ ≤ this · (1 + ‖x‖). Default 1e-14. */
  readonly stepTolerance?: number;
  /** Diverged when ‖F‖ exceeds the best ‖F‖ by this · (1 + best). Default 1e10. */
  readonly divergenceLimit?: number;
  /** Halve the Newton step until ‖F‖ decreases (default true); false takes full steps like the textbook method. */
  readonly lineSearch?: boolean;
  /** Run the derivatives taken from `@slope/autodiff` as `jit` programs (default true); see {@link DescentOptions.jit} for when to pass false. */
  readonly jit?: boolean;
}

/**
 * The n-D root-finding result: `value` is ‖F(x)‖, `gradientNorm` is ‖JᵀF‖ and
 * `residual` is F(x) itself.
 *
 * @example
 * ```ts
 * const { x, residual } = findRoot((x) => [x.data[0]! ** 2 - 2], [1], { jacobian: (x) => [[2 * x[0]!]] });
 * ```
 */
export interface FindRootResult extends OptimizationResult {
  readonly residual: Float64Array;
}

/**
 * Newton's method for F(x) = 0 (square systems) as a generator of states.
 *
 * @example
 * ```ts
 * for (const s of findRootSteps(F, [1, 1])) console.log(s.iteration, s.value);
 * ```
 */
export function findRootSteps(F: VectorFunction, x0: ArrayLike<number>, options: FindRootOptions = {}): OptimizationRun<FindRootResult> {
  const method = 'findRoot';
  requireFunction(method, 'F', F);
  rejectUnknownOptions(method, options, ['jacobian', 'maxIterations', 'historyLimit', 'valueTolerance', 'stepTolerance', 'divergenceLimit', 'lineSearch', 'jit']);
  const start = startVector(method, 'x0', x0);
  const n = start.length;
  const ev = vectorEvaluator(method, F, n, optionalFunction<MatrixFunction>(method, 'jacobian', options.jacobian), jitChoice(method, F, options));
  const maxIterations = positiveInteger(method, 'maxIterations', options.maxIterations, 100);
  const valueTolerance = nonNegativeNumber(method, 'valueTolerance', options.valueTolerance, 1e-12);
  const stepTolerance = nonNegativeNumber(method, 'stepTolerance', options.stepTolerance, 1e-14);
  const divergenceLimit = positiveNumber(method, 'divergenceLimit', options.divergenceLimit, 1e10);
  if (options.lineSearch !== undefined && typeof options.lineSearch !== 'boolean') {
    throw new TypeError(`${method}: option "lineSearch" must be a boolean, got ${typeof options.lineSearch}`);
  }
  const lineSearch = options.lineSearch ?? true;
  // F(x) of each recorded state, held only as long as the state itself (the history is bounded).
  const residuals = new WeakMap<IterationState, Float64Array>();
  const tracker = new Tracker<{ residual: Float64Array }>(method, ev, 'value', historyLimit(method, options.historyLimit, DEFAULT_HISTORY_LIMIT));
  tracker.extras = (s) => ({ residual: Float64Array.from(residuals.get(s) ?? []) });

  const valuesAt = (x: Float64Array) => {
    const r = ev.values(x);
    checkLength(method, 'F(x)', r.length, n);
    return r;
  };

  function* iterate(): Generator<IterationState, FindRootResult, undefined> {
    let x = start;
    let r = valuesAt(x);
    let jac = allFinite(r) ? ev.jacobian(x, n) : new Float64Array(n * n);
    const first = tracker.record(x, norm(r), norm(matTVec(jac, r, n, n)));
    residuals.set(first, r);
    yield first;
    if (!allFinite(r)) return tracker.finish('diverged', 'F(x₀) is not finite');
    if (norm(r) <= valueTolerance) return tracker.finish('value-tolerance');
    for (let i = 1; i <= maxIterations; i++) {
      const d = solve(jac, r.map((v) => -v), n);
      if (d == null) return tracker.finish('singular', 'the Jacobian is singular');
      let t = 1;
      let xNext = x.map((v, k) => v + d[k]!);
      let rNext = valuesAt(xNext);
      if (lineSearch) {
        const r0 = norm(r);
        let trials = 0;
        while (!(norm(rNext) <= (1 - 1e-4 * t) * r0) && trials < 40) {
          t /= 2;
          trials++;
          xNext = x.map((v, k) => v + t * d[k]!);
          rNext = valuesAt(xNext);
        }
        if (trials === 40) return tracker.finish('line-search-failed', '‖F‖ did not decrease along the Newton step');
      }
      const previous = x;
      x = xNext;
      r = rNext;
      const finite = allFinite(r) && allFinite(x);
      jac = finite ? ev.jacobian(x, n) : new Float64Array(n * n);
      const best = tracker.best;
      const state = tracker.record(x, norm(r), norm(matTVec(jac, r, n, n)), previous, { stepSize: t });
      residuals.set(state, r);
      yield state;
      if (!finite) return tracker.finish('diverged', 'F(x) became non-finite');
      if (best !== undefined && norm(r) - best.value > divergenceLimit * (1 + best.value)) {
        return tracker.finish('diverged', `‖F‖ grew to ${norm(r).toPrecision(4)}`);
      }
      if (norm(r) <= valueTolerance) return tracker.finish('value-tolerance');
      if (smallStep(d.map((v) => v * t), x, stepTolerance)) return tracker.finish('step-tolerance');
    }
    return tracker.finish('max-iterations');
  }
  return new OptimizationRun(iterate(), tracker as Tracker);
}

/**
 * Solves F(x) = 0 for square systems by Newton's method, `J Δx = −F`, with backtracking
 * on ‖F‖ unless `lineSearch: false`. Reasons: `'value-tolerance'` (‖F‖ small),
 * `'step-tolerance'`, `'max-iterations'`, `'diverged'`, `'singular'`, `'line-search-failed'`.
 *
 * @example
 * ```ts
 * const r = findRoot((x) => [x.data[0]! ** 2 + x.data[1]! ** 2 - 4, x.data[0]! - x.data[1]!], [1, 0.5], {
 *   jacobian: (x) => [[2 * x[0]!, 2 * x[1]!], [1, -1]],
 * });
 * r.x; // ≈ [√2, √2]
 * ```
 */
export function findRoot(F: VectorFunction, x0: ArrayLike<number>, options: FindRootOptions = {}): FindRootResult {
  return findRootSteps(F, x0, options).finish();
}
