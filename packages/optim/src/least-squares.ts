import { divergenceAt } from './descent.js';
import { type VectorEvaluator, vectorEvaluator } from './evaluate.js';
import { allFinite, choleskyInto, choleskySolveInPlace, inverse, norm, normalMatrix, solve } from './linalg.js';
import { OptimizationRun, Tracker } from './run.js';
import type { IterationDetail, IterationState, MatrixFunction, OptimizationResult, StopReason, VectorFunction } from './types.js';
import {
  checkLength,
  nonNegativeNumber,
  oneOf,
  optionalFunction,
  positiveInteger,
  positiveNumber,
  requireFunction,
  startVector,
} from './validate.js';

/**
 * The three least-squares methods of the course (week 6).
 *
 * @example
 * ```ts
 * const m: LeastSquaresMethod = 'levenberg-marquardt';
 * ```
 */
export type LeastSquaresMethod = 'steepest' | 'gauss-newton' | 'levenberg-marquardt';

/**
 * Options for {@link leastSquares}.
 *
 * @example
 * ```ts
 * const course: LeastSquaresOptions = { method: 'steepest', aggression: 2000, maxIterations: 50 };
 * ```
 */
export interface LeastSquaresOptions {
  /** Default `'levenberg-marquardt'`. */
  readonly method?: LeastSquaresMethod;
  /** ∂r/∂p by hand (m×n rows or flat row-major); otherwise `jacobian` from `@slope/autodiff`. */
  readonly jacobian?: MatrixFunction;
  /** Measurement uncertainties σᵢ (one number for all, or one per residual): χ² = Σ (rᵢ/σᵢ)². */
  readonly sigma?: number | ArrayLike<number>;
  /** Step γ of `'steepest'`: p ← p − γ∇χ². Default 1. */
  readonly aggression?: number;
  /** Initial Levenberg–Marquardt damping λ. Default 1e-3. */
  readonly damping?: number;
  /** Factor λ is divided by after a success and multiplied by after a failure. Default 10. */
  readonly dampingFactor?: number;
  /** Iteration budget. Default 100 (1000 for `'steepest'`). */
  readonly maxIterations?: number;
  /** Stop when ‖∇χ²‖ ≤ this. Default 0 (off). */
  readonly gradientTolerance?: number;
  /** Stop when ‖Δp‖ ≤ this · (1 + ‖p‖). Default 1e-12. */
  readonly stepTolerance?: number;
  /** Stop when χ² changes by ≤ this · χ² (relative). Default 1e-10 (0 for `'steepest'`). */
  readonly valueTolerance?: number;
  /** Diverged when χ² exceeds the best by this · (1 + best). Default 1e10. */
  readonly divergenceLimit?: number;
}

/**
 * A least-squares fit: `value` is χ² (also as `chi2`), `residuals` are r(p) at the
 * solution, and `covariance` is the parameter covariance (JᵀWJ)⁻¹. With `sigma` given it
 * is used as is (absolute σ); without, it is scaled by the reduced χ², χ²/(m − n), as
 * `scipy.optimize.curve_fit` does by default. `covariance` is null when JᵀWJ is singular
 * (or m ≤ n without σ). `standardErrors` are the square roots of its diagonal.
 *
 * @example
 * ```ts
 * const fit = leastSquares(residuals, [170, 10]);
 * const [errMu, errSigma] = fit.standardErrors ?? [];
 * ```
 */
export interface LeastSquaresResult extends OptimizationResult {
  readonly chi2: number;
  readonly residuals: Float64Array;
  readonly covariance: readonly Float64Array[] | null;
  readonly standardErrors: Float64Array | null;
  readonly method: LeastSquaresMethod;
}

/**
 * Least-squares iterations as a generator of states (value = χ²).
 *
 * @example
 * ```ts
 * for (const s of leastSquaresSteps(residuals, [155, 6], { method: 'steepest', aggression: 2000 })) path.push(s.x);
 * ```
 */
export function leastSquaresSteps(
  residuals: VectorFunction,
  p0: ArrayLike<number>,
  options: LeastSquaresOptions = {},
): OptimizationRun<LeastSquaresResult> {
  const name = 'leastSquares';
  requireFunction(name, 'residuals', residuals);
  const start = startVector(name, 'p0', p0);
  const n = start.length;
  const method = oneOf(name, 'method', options.method, METHODS, 'levenberg-marquardt');
  const steepest = method === 'steepest';
  const ev = vectorEvaluator(name, residuals, n, optionalFunction<MatrixFunction>(name, 'jacobian', options.jacobian));
  const aggression = positiveNumber(name, 'aggression', options.aggression, 1);
  const damping = positiveNumber(name, 'damping', options.damping, 1e-3);
  const dampingFactor = positiveNumber(name, 'dampingFactor', options.dampingFactor, 10);
  if (dampingFactor <= 1) throw new RangeError(`${name}: option "dampingFactor" must be greater than 1, got ${dampingFactor}`);
  const maxIterations = positiveInteger(name, 'maxIterations', options.maxIterations, steepest ? 1000 : 100);
  const gradientTolerance = nonNegativeNumber(name, 'gradientTolerance', options.gradientTolerance, 0);
  const stepTolerance = nonNegativeNumber(name, 'stepTolerance', options.stepTolerance, 1e-12);
  const valueTolerance = nonNegativeNumber(name, 'valueTolerance', options.valueTolerance, steepest ? 0 : 1e-10);
  const divergenceLimit = positiveNumber(name, 'divergenceLimit', options.divergenceLimit, 1e10);
  const sigma = options.sigma;
  if (sigma !== undefined && typeof sigma !== 'number' && typeof (sigma as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${name}: option "sigma" must be a number or an array of numbers`);
  }
  const fit = new LeastSquaresFit(ev, start, {
    method,
    aggression,
    damping,
    dampingFactor,
    maxIterations,
    gradientTolerance,
    stepTolerance,
    valueTolerance,
    divergenceLimit,
    sigma,
  });
  return new OptimizationRun(fit.iterate(), fit.tracker as Tracker);
}

const METHODS: readonly LeastSquaresMethod[] = ['steepest', 'gauss-newton', 'levenberg-marquardt'];
const NO_VALUES = new Float64Array(0);

/** Validated settings of one run. */
interface FitSettings {
  readonly method: LeastSquaresMethod;
  readonly aggression: number;
  readonly damping: number;
  readonly dampingFactor: number;
  readonly maxIterations: number;
  readonly gradientTolerance: number;
  readonly stepTolerance: number;
  readonly valueTolerance: number;
  readonly divergenceLimit: number;
  readonly sigma: number | ArrayLike<number> | undefined;
}

type FitExtras = Omit<LeastSquaresResult, keyof OptimizationResult>;

/**
 * The working vectors of a run with m residuals and n parameters, as views of one buffer.
 * A fit takes microseconds, and allocating these (most are too large for V8's on-heap typed
 * arrays) cost more than the arithmetic, so a finished run hands its workspace back
 * ({@link releaseWorkspace}) for the next run of the same size.
 */
class Workspace {
  readonly r: readonly [Float64Array, Float64Array, Float64Array];
  readonly p: readonly [Float64Array, Float64Array];
  readonly normal: Float64Array;
  readonly damped: Float64Array;
  readonly lower: Float64Array;
  readonly gradient: Float64Array;
  readonly delta: Float64Array;
  readonly column: Float64Array;
  private readonly buffer: Float64Array;

  constructor(
    readonly m: number,
    readonly n: number,
  ) {
    const nn = n * n;
    const b = (this.buffer = new Float64Array(3 * m + 3 * nn + 5 * n));
    this.r = [b.subarray(0, m), b.subarray(m, 2 * m), b.subarray(2 * m, 3 * m)];
    let at = 3 * m;
    this.normal = b.subarray(at, (at += nn));
    this.damped = b.subarray(at, (at += nn));
    this.lower = b.subarray(at, (at += nn));
    this.gradient = b.subarray(at, (at += n));
    this.delta = b.subarray(at, (at += n));
    this.column = b.subarray(at, (at += n));
    this.p = [b.subarray(at, at + n), b.subarray(at + n, at + 2 * n)];
  }

  /** Zeroes everything (the Cholesky factor relies on a zero upper triangle). */
  clear(): this {
    this.buffer.fill(0);
    return this;
  }
}

/** A workspace no run is using, kept for the next run of its size. */
let spareWorkspace: Workspace | undefined;

function acquireWorkspace(m: number, n: number): Workspace {
  const spare = spareWorkspace;
  if (spare !== undefined && spare.m === m && spare.n === n) {
    spareWorkspace = undefined;
    return spare.clear();
  }
  return new Workspace(m, n);
}

/** Only for a run that has ended and will never read its workspace again. */
function releaseWorkspace(workspace: Workspace): void {
  spareWorkspace = workspace;
}

/**
 * One least-squares run. A fit takes microseconds, so allocation and GC would dominate:
 * all working vectors live in one buffer allocated at the first evaluation (once the
 * residual count m is known), and points change hands by swapping buffers, never by
 * copying. The tracker copies what it keeps (history states, the result's x), and user
 * functions get their own copies, so none of these buffers ever escapes. The methods live
 * on the prototype: no closures per run.
 */
class LeastSquaresFit {
  readonly tracker: Tracker<FitExtras>;
  private readonly name = 'leastSquares';
  private readonly n: number;
  private readonly steepest: boolean;
  private damping: number;
  private m = -1;
  private weights: Float64Array | undefined = undefined;
  /** The point being tried, the current point and the one before it (rotated by {@link accept}). */
  private pTrial: Float64Array;
  private pCurrent: Float64Array = NO_VALUES;
  private pPrevious: Float64Array = NO_VALUES;
  /** Residuals of the last evaluation, of the current point, and of the best point once the run has moved past it. */
  private rTrial: Float64Array = NO_VALUES;
  private rCurrent: Float64Array = NO_VALUES;
  private rBest: Float64Array = NO_VALUES;
  private chi2Current = NaN;
  private chi2Previous = NaN;
  /** ∇χ² and JᵀWJ at the current point (index `normalAt`), the damped system, its Cholesky factor, the step. */
  private gradient: Float64Array = NO_VALUES;
  private normal: Float64Array = NO_VALUES;
  private damped: Float64Array = NO_VALUES;
  private lower: Float64Array = NO_VALUES;
  private delta: Float64Array = NO_VALUES;
  private column: Float64Array = NO_VALUES;
  private normalAt = -1;
  private workspace: Workspace | undefined = undefined;

  constructor(
    private readonly ev: VectorEvaluator,
    start: Float64Array,
    private readonly settings: FitSettings,
  ) {
    this.n = start.length;
    this.steepest = settings.method === 'steepest';
    this.damping = settings.damping;
    this.pTrial = start;
    this.tracker = new Tracker<FitExtras>(this.name, ev);
    this.tracker.extras = (s) => this.extras(s);
  }

  /** Evaluates r(p) into `rTrial` and returns χ². */
  private evaluate(p: Float64Array): number {
    const r = this.ev.valuesView(p);
    if (this.m < 0) this.allocate(r.length);
    else checkLength(this.name, 'the residual vector', r.length, this.m);
    const m = this.m;
    const out = this.rTrial;
    out.set(r);
    const weights = this.weights;
    let chi2 = 0;
    if (weights === undefined) for (let i = 0; i < m; i++) chi2 += out[i]! * out[i]!;
    else for (let i = 0; i < m; i++) chi2 += weights[i]! * out[i]! * out[i]!;
    return chi2;
  }

  /** Learns m from the first residual vector, checks `sigma` against it, and lays out the work buffer. */
  private allocate(m: number): void {
    const name = this.name;
    if (m === 0) throw new RangeError(`${name}: residuals returned an empty vector`);
    const sigma = this.settings.sigma;
    if (sigma !== undefined) {
      const sig = typeof sigma === 'number' ? new Float64Array(m).fill(sigma) : Float64Array.from(sigma);
      checkLength(name, 'option "sigma"', sig.length, m);
      for (let i = 0; i < m; i++) {
        const s = sig[i]!;
        if (!(s > 0 && Number.isFinite(s))) throw new RangeError(`${name}: option "sigma" must be positive and finite, got ${s} at index ${i}`);
        sig[i] = 1 / (s * s);
      }
      this.weights = sig;
    }
    this.m = m;
    const work = (this.workspace = acquireWorkspace(m, this.n));
    this.rTrial = work.r[0];
    this.rCurrent = work.r[1];
    this.rBest = work.r[2];
    this.pCurrent = work.p[0];
    this.pPrevious = work.p[1];
    this.normal = work.normal;
    this.damped = work.damped;
    this.lower = work.lower;
    this.gradient = work.gradient;
    this.delta = work.delta;
    this.column = work.column;
  }

  /** Ends the run with a result; its buffers are free for the next run from then on. */
  private end(reason: StopReason, detail?: string): LeastSquaresResult {
    const result = this.tracker.finish(reason, detail);
    if (this.workspace !== undefined) releaseWorkspace(this.workspace);
    this.workspace = undefined;
    return result;
  }

  /** pTrial = pCurrent + scale · direction. */
  private stepTo(scale: number, direction: Float64Array): void {
    const { n, pTrial, pCurrent } = this;
    for (let i = 0; i < n; i++) pTrial[i] = pCurrent[i]! + scale * direction[i]!;
  }

  /**
   * Moves to the last evaluated point: the current point becomes the previous one, and its
   * residuals are kept aside when it is the best point so far (a diverged run reports it).
   */
  private accept(chi2: number): void {
    const p = this.pPrevious;
    this.pPrevious = this.pCurrent;
    this.pCurrent = this.pTrial;
    this.pTrial = p;
    const tracker = this.tracker;
    if (tracker.best !== undefined && tracker.best === tracker.last) {
      const kept = this.rBest;
      this.rBest = this.rCurrent;
      this.rCurrent = kept;
    }
    const r = this.rCurrent;
    this.rCurrent = this.rTrial;
    this.rTrial = r;
    this.chi2Previous = this.chi2Current;
    this.chi2Current = chi2;
  }

  /** Fills ∇χ² = 2JᵀWr and JᵀWJ at the current point, whose state will have index `index`. */
  private linearise(index: number): void {
    const { m, n, weights, gradient, normal, steepest } = this;
    const jac = this.ev.jacobian(this.pCurrent.slice(), m);
    const r = this.rCurrent;
    // Plain loops rather than fill(): for a handful of entries the builtin call costs more.
    for (let j = 0; j < n; j++) gradient[j] = 0;
    for (let q = 0; q < n * n; q++) normal[q] = 0;
    for (let i = 0, row = 0; i < m; i++, row += n) {
      const w = weights === undefined ? 1 : weights[i]!;
      const wr = 2 * w * r[i]!;
      for (let j = 0; j < n; j++) {
        const jij = jac[row + j]!;
        gradient[j]! += jij * wr;
        if (steepest) continue;
        const wj = w * jij;
        const base = j * n;
        for (let k = j; k < n; k++) normal[base + k]! += wj * jac[row + k]!;
      }
    }
    for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) normal[j * n + k] = normal[k * n + j]!;
    this.normalAt = steepest ? -1 : index;
  }

  /** Solves (JᵀWJ + λ·diag(JᵀWJ)) δ = −½∇χ² into `delta`; false when singular. */
  private solveStep(lambda: number): boolean {
    const { n, normal, damped, lower, delta, gradient } = this;
    damped.set(normal);
    for (let i = 0; i < n; i++) damped[i * n + i]! += lambda * Math.max(normal[i * n + i]!, 1e-300);
    for (let i = 0; i < n; i++) delta[i] = -gradient[i]! / 2;
    if (choleskyInto(damped, lower, n)) {
      choleskySolveInPlace(lower, delta, n);
      return true;
    }
    const viaLu = solve(damped, delta, n);
    if (viaLu == null) return false;
    delta.set(viaLu);
    return true;
  }

  /** The least-squares fields of a result at state `s`: the last state or, for a diverged run, the best. */
  private extras(s: IterationState): FitExtras {
    const { m, n, weights } = this;
    const r = s === this.tracker.last ? this.rCurrent : this.rBest;
    let covariance: Float64Array[] | null = null;
    let standardErrors: Float64Array | null = null;
    if (allFinite(r) && (weights !== undefined || m > n)) {
      const jtj = this.normalAt === s.iteration ? this.normal : normalMatrix(this.ev.jacobian(s.x.slice(), m), m, n, weights);
      const scale = weights === undefined ? s.value / (m - n) : 1;
      // (JᵀWJ)⁻¹ column by column from its Cholesky factor, in the work buffers; LU when not positive definite.
      const { lower, column } = this;
      const viaCholesky = choleskyInto(jtj, lower, n);
      const inv = viaCholesky ? null : inverse(jtj, n);
      if (viaCholesky || inv != null) {
        covariance = [];
        for (let i = 0; i < n; i++) covariance.push(new Float64Array(n));
        for (let j = 0; j < n; j++) {
          if (inv == null) {
            column.fill(0);
            column[j] = 1;
            choleskySolveInPlace(lower, column, n);
          } else for (let i = 0; i < n; i++) column[i] = inv[i * n + j]!;
          for (let i = 0; i < n; i++) covariance[i]![j] = column[i]! * scale;
        }
        standardErrors = new Float64Array(n);
        for (let i = 0; i < n; i++) standardErrors[i] = Math.sqrt(covariance[i]![i]!);
      }
    }
    return { chi2: s.value, residuals: r.slice(), covariance, standardErrors, method: this.settings.method };
  }

  *iterate(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings, n } = this;
    const { method, aggression, dampingFactor, maxIterations, gradientTolerance, stepTolerance, valueTolerance, divergenceLimit } = settings;
    this.accept(this.evaluate(this.pTrial));
    if (!allFinite(this.rCurrent)) {
      yield tracker.record(this.pCurrent, this.chi2Current, NaN);
      return this.end('diverged', 'the residuals at p₀ are not finite');
    }
    this.linearise(0);
    const startGradientNorm = norm(this.gradient);
    yield tracker.record(this.pCurrent, this.chi2Current, startGradientNorm);
    if (startGradientNorm <= gradientTolerance) return this.end('gradient-tolerance');
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      let next: number;
      let detail: IterationDetail | undefined;
      if (this.steepest) {
        this.stepTo(-aggression, this.gradient);
        next = this.evaluate(this.pTrial);
      } else if (method === 'gauss-newton') {
        if (!this.solveStep(0)) return this.end('singular', 'JᵀWJ is singular');
        this.stepTo(1, this.delta);
        next = this.evaluate(this.pTrial);
      } else {
        // Marquardt's scaling: damp each parameter by its own curvature, so units do not matter.
        next = NaN;
        let found = false;
        let smallestStep = Infinity;
        for (let attempt = 0; attempt < 40 && !found; attempt++) {
          if (!this.solveStep(this.damping)) {
            this.damping *= dampingFactor;
            continue;
          }
          smallestStep = Math.min(smallestStep, norm(this.delta));
          this.stepTo(1, this.delta);
          const trial = this.evaluate(this.pTrial);
          if (Number.isFinite(trial) && trial <= this.chi2Current) {
            found = true;
            next = trial;
            detail = { damping: this.damping };
            this.damping = Math.max(this.damping / dampingFactor, 1e-15);
          } else this.damping *= dampingFactor;
        }
        if (!found) {
          const tiny = smallestStep <= stepTolerance * (1 + norm(this.pCurrent));
          return this.end(tiny ? 'step-tolerance' : 'line-search-failed', 'no damping decreased χ²');
        }
      }
      const best = tracker.best;
      this.accept(next);
      const p = this.pCurrent;
      const previous = this.pPrevious;
      const chi2 = this.chi2Current;
      const finite = allFinite(this.rCurrent) && allFinite(p);
      if (finite) this.linearise(iteration);
      const gradientNorm = finite ? norm(this.gradient) : NaN;
      yield tracker.record(p, chi2, gradientNorm, previous, detail);
      const why = finite ? divergenceAt(p, chi2, this.gradient, best, divergenceLimit) : 'the residuals became non-finite';
      if (why !== undefined) return this.end('diverged', why);
      if (gradientNorm <= gradientTolerance) return this.end('gradient-tolerance');
      if (Math.abs(this.chi2Previous - chi2) <= valueTolerance * chi2) return this.end('value-tolerance');
      let stepSquared = 0;
      for (let i = 0; i < n; i++) stepSquared += (p[i]! - previous[i]!) ** 2;
      if (Math.sqrt(stepSquared) <= stepTolerance * (1 + norm(p))) return this.end('step-tolerance');
    }
    return this.end('max-iterations');
  }
}

/**
 * Fits parameters p by minimising χ² = Σ (rᵢ(p)/σᵢ)² with the course's steepest descent
 * (`aggression`), Gauss–Newton, or Levenberg–Marquardt (default), and reports the
 * parameter covariance. Residuals take p as a Tensor of shape [n] and return shape [m]
 * (or plain numbers when `jacobian` is supplied).
 *
 * @example
 * ```ts
 * const x = [0, 1, 2, 3], y = [1, 3, 5, 7];
 * const fit = leastSquares((p) => x.map((xi, i) => p.data[0]! * xi + p.data[1]! - y[i]!), [0, 0], {
 *   jacobian: () => x.map((xi) => [xi, 1]),
 * });
 * fit.x; // ≈ [2, 1]
 * ```
 */
export function leastSquares(residuals: VectorFunction, p0: ArrayLike<number>, options: LeastSquaresOptions = {}): LeastSquaresResult {
  return leastSquaresSteps(residuals, p0, options).finish();
}
