import type { Tensor } from '@slope/autodiff';

/**
 * Why a run stopped. The first three mean success (`converged: true`); each method's TSDoc
 * and the package README say which reasons it can return and what its tolerances measure.
 *
 * - `'gradient-tolerance'`: the gradient norm (or, for root finders, the residual) fell below `gradientTolerance`;
 *   for `newton` and `bfgs` also when the local quadratic model predicts no decrease above f's rounding error.
 * - `'step-tolerance'`: the step became shorter than `stepTolerance · (1 + ‖x‖)` (Levenberg–Marquardt: its trust region, in scaled units).
 * - `'value-tolerance'`: the objective changed by less than `valueTolerance · (1 + |f|)`, or a root finder's residual fell below `valueTolerance`.
 * - `'max-iterations'`: the iteration budget ran out first.
 * - `'diverged'`: NaN, ±Infinity, or a value growing without bound; `x` is the best point seen.
 * - `'oscillating'`: Newton–Raphson revisits earlier iterates (a cycle) or keeps bouncing without settling.
 * - `'singular'`: the Jacobian or Hessian cannot be solved with.
 * - `'line-search-failed'`: backtracking could not decrease the objective (or merit function) along a descent direction.
 * - `'stalled'`: no further progress is possible, yet the point is not a minimiser to the stated tolerance (steps
 *   shrank to nothing, or the last step landed on a plateau where the gradient vanishes but says nothing); `x` is the best point seen.
 * - `'rank-deficient'`: least squares reached a minimum of χ², but its Jacobian there has rank below the number of
 *   parameters (or there are fewer residuals than parameters): the data do not determine every parameter.
 * - `'infeasible'`: `lagrange` stopped at a point that does not satisfy the constraints (they may have no solution).
 * - `'stopped'`: the caller stopped a step-by-step run early and asked for its result.
 *
 * @example
 * ```ts
 * const r = steepestDescent((x) => x.square().sum(), [1, 2]);
 * if (r.reason === 'diverged') console.log('try a smaller step');
 * ```
 */
export type StopReason =
  | 'gradient-tolerance'
  | 'step-tolerance'
  | 'value-tolerance'
  | 'max-iterations'
  | 'diverged'
  | 'oscillating'
  | 'singular'
  | 'line-search-failed'
  | 'stalled'
  | 'rank-deficient'
  | 'infeasible'
  | 'stopped';

/**
 * One iteration of a run, as yielded by the `…Steps` generators and kept in `history`.
 * Iteration 0 is the starting point; `step` is the move that led to this point.
 *
 * @example
 * ```ts
 * for (const s of steepestDescentSteps((x) => x.square().sum(), [1, 1], { step: 0.25 })) {
 *   console.log(s.iteration, s.value);
 * }
 * ```
 */
export interface IterationState {
  /** 0 for the starting point, then 1, 2, … */
  readonly iteration: number;
  /** The current point (a fresh copy; safe to keep). */
  readonly x: Float64Array;
  /** The objective at `x` (χ² for least squares, the residual for root finders). */
  readonly value: number;
  /** ‖∇f(x)‖₂ (‖∇χ²‖ for least squares, |f′(x)| or ‖JᵀF‖ for root finders). */
  readonly gradientNorm: number;
  /** The step x − x_previous; absent at iteration 0. */
  readonly step?: Float64Array;
  /** Objective evaluations used so far. */
  readonly evaluations: number;
  /** Method-specific detail: `'newton'` / `'steepest'` for the hybrid, the accepted line-search factor, LM's damping λ. */
  readonly detail?: IterationDetail;
}

/**
 * Method-specific facts about one iteration.
 *
 * @example
 * ```ts
 * const r = newton(f, [0, 0]);
 * const fallbacks = r.history.filter((s) => s.detail?.direction === 'steepest').length;
 * ```
 */
export interface IterationDetail {
  /** Which step the hybrid Newton method took. */
  readonly direction?: 'newton' | 'steepest';
  /** The accepted line-search multiple of the trial step (1 = full step). */
  readonly stepSize?: number;
  /** Levenberg–Marquardt damping used for the accepted step. */
  readonly damping?: number;
}

/**
 * What every method returns. On `'diverged'`, `x`/`value`/`gradientNorm` describe the best
 * point seen, not the last one, and `message` says so.
 *
 * @example
 * ```ts
 * const { x, converged, reason, message } = bfgs(rosenbrock, [-1.2, 1]);
 * ```
 */
export interface OptimizationResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradientNorm: number;
  /** Iterations (accepted updates) performed. */
  readonly iterations: number;
  /** Objective evaluations (a value-and-gradient evaluation counts once). */
  readonly evaluations: number;
  /** True exactly when `reason` is one of the three tolerances. */
  readonly converged: boolean;
  readonly reason: StopReason;
  /** One line for humans: the reason with its numbers. */
  readonly message: string;
  /**
   * The run's states, iteration 0 first and the last one last. A run of more than
   * `historyLimit` (default 10 000) iterations keeps an evenly thinned selection (every 2nd,
   * 4th, … state), so memory stays bounded however large the iteration budget.
   */
  readonly history: readonly IterationState[];
}

/**
 * A scalar objective over a parameter vector. It receives `x` as a 1-D Tensor (shape `[n]`)
 * and returns a size-1 Tensor, or a plain number when `options.gradient` is supplied.
 *
 * @example
 * ```ts
 * const rosenbrock: Objective = (x) => {
 *   const [a, b] = [x.data[0]!, x.data[1]!];
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * };
 * ```
 */
export type Objective = (x: Tensor) => Tensor | number;

/**
 * A vector-valued function of a parameter vector (residuals, a root-finding system):
 * `x` has shape `[n]`, the output has shape `[m]` (a Tensor, or plain numbers when the
 * Jacobian is supplied).
 *
 * @example
 * ```ts
 * const F: VectorFunction = (x) => [x.data[0]! ** 2 - 2, x.data[1]! - 1];
 * ```
 */
export type VectorFunction = (x: Tensor) => Tensor | ArrayLike<number>;

/**
 * A gradient supplied by hand: ∇f at `x`, length n.
 *
 * @example
 * ```ts
 * const gradient: GradientFunction = (x) => [2 * x[0]!, 2 * x[1]!];
 * ```
 */
export type GradientFunction = (x: Float64Array) => ArrayLike<number>;

/**
 * A matrix supplied by hand (a Jacobian m×n or a Hessian n×n): either rows, or one
 * row-major array of length m·n.
 *
 * @example
 * ```ts
 * const hessian: MatrixFunction = () => [[2, 0], [0, 2]];
 * ```
 */
export type MatrixFunction = (x: Float64Array) => readonly ArrayLike<number>[] | ArrayLike<number>;

/**
 * The random source `sgd` needs: uniform on [0, 1) and standard normal draws.
 * `createRng(seed)` from `@slope/models` provides one.
 *
 * @example
 * ```ts
 * const rng: Rng = { uniform: Math.random, normal: () => 0 };
 * ```
 */
export interface Rng {
  uniform(): number;
  normal(): number;
}

/**
 * Tolerances and limits shared by the descent methods.
 *
 * @example
 * ```ts
 * const opts: DescentOptions = { maxIterations: 200, gradientTolerance: 1e-10 };
 * ```
 */
export interface DescentOptions {
  /** Iteration budget: any positive integer; memory does not grow with it (see `historyLimit`). */
  readonly maxIterations?: number;
  /** The most states `history` keeps (at least 2); longer runs keep an evenly thinned selection. Default 10 000. */
  readonly historyLimit?: number;
  /** Stop when ‖∇f‖ ≤ this. */
  readonly gradientTolerance?: number;
  /** Stop when ‖Δx‖ ≤ this · (1 + ‖x‖). */
  readonly stepTolerance?: number;
  /** Stop when |Δf| ≤ this · (1 + |f|); 0 disables the test. */
  readonly valueTolerance?: number;
  /** Diverged when f exceeds the best value by more than this · (1 + |best|). */
  readonly divergenceLimit?: number;
  /** ∇f by hand; otherwise `valueAndGrad` from `@slope/autodiff`. */
  readonly gradient?: GradientFunction;
  /**
   * Derivatives taken from `@slope/autodiff` (those you do not supply) run as `jit` programs,
   * traced once per function and input size and kept for later runs. Default true. Pass
   * false when f reads values that change between runs from outside its argument (a captured
   * tensor, array or number you modify): jit freezes them when it first traces f.
   */
  readonly jit?: boolean;
}
