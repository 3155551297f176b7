import { divergenceAt } from './descent.js';
import { type VectorEvaluator, vectorEvaluator } from './evaluate.js';
import { allFinite, choleskyInto, choleskySolveInPlace, norm, solve } from './linalg.js';
import { lmStep, lmWork, type LmWork, quadraticForm } from './lm-step.js';
import { rejectUnknownOptions } from './options.js';
import { jitChoice } from './compiled.js';
import { qrFactor, rangeNorm } from './qr.js';
import { DEFAULT_HISTORY_LIMIT, OptimizationRun, Tracker } from './run.js';
import type { IterationDetail, IterationState, MatrixFunction, OptimizationResult, StopReason, VectorFunction } from './types.js';
import {
  checkLength,
  historyLimit,
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
 * The iteration budget of `'gauss-newton'` and `'levenberg-marquardt'` when `maxIterations`
 * is not given: 100·(n + 1) for n parameters, MINPACK's budget for lmder (large-residual
 * problems such as Brown and Dennis's need a few hundred Gauss–Newton-type steps).
 */
function defaultFitIterations(n: number): number {
  return 100 * (n + 1);
}

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
  /**
   * Levenberg–Marquardt's first trust region: ‖D Δp‖ ≤ stepBound·‖D p₀‖ (or stepBound when
   * that is 0), D the Jacobian's column norms (MINPACK's `factor`). Default 100.
   */
  readonly stepBound?: number;
  /** Iteration budget (accepted steps). Default 100·(n + 1) for n parameters (MINPACK's); 1000 for `'steepest'`. */
  readonly maxIterations?: number;
  /** The most states `history` keeps (at least 2); longer runs keep an evenly thinned selection. Default 10 000. */
  readonly historyLimit?: number;
  /** Stop when ‖∇χ²‖ ≤ this. Default 0 (only an exactly stationary point). */
  readonly gradientTolerance?: number;
  /**
   * Levenberg–Marquardt: stop when the trust region is ≤ this·‖D p‖ (MINPACK's xtol, in units
   * scaled by the Jacobian's column norms, so independent of the parameters' units).
   * Steepest and Gauss–Newton: when ‖Δp‖ ≤ this·(1 + ‖p‖). Default 1e-12.
   */
  readonly stepTolerance?: number;
  /**
   * Levenberg–Marquardt: stop when both the actual and the predicted relative reduction of χ²
   * are ≤ this (MINPACK's ftol). Gauss–Newton: when χ² changes by ≤ this·χ². Default 1e-10
   * (0 for `'steepest'`).
   */
  readonly valueTolerance?: number;
  /** Diverged when χ² exceeds the best by this · (1 + best). Default 1e10. */
  readonly divergenceLimit?: number;
  /** Run the derivatives taken from `@slope/autodiff` as `jit` programs (default true); see {@link DescentOptions.jit} for when to pass false. */
  readonly jit?: boolean;
}

const OPTION_KEYS = [
  'method',
  'jacobian',
  'sigma',
  'aggression',
  'stepBound',
  'maxIterations',
  'historyLimit',
  'gradientTolerance',
  'stepTolerance',
  'valueTolerance',
  'divergenceLimit',
  'jit',
] as const;

/**
 * A least-squares fit: `value` is χ² (also as `chi2`), `residuals` are r(p) at the
 * solution, and `covariance` is the parameter covariance (JᵀWJ)⁻¹. With `sigma` given it
 * is used as is (absolute σ); without, it is scaled by the reduced χ², χ²/(m − n), as
 * `scipy.optimize.curve_fit` does by default. `covariance` is null when JᵀWJ is singular
 * (`rank` < n: reason `'rank-deficient'`) or m ≤ n without σ. `standardErrors` are the
 * square roots of its diagonal.
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
  /** The numerical rank of the (weighted) Jacobian at `x`, judged with its columns scaled to unit length; n when every parameter is determined. */
  readonly rank: number;
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
  rejectUnknownOptions(name, options, OPTION_KEYS);
  const start = startVector(name, 'p0', p0);
  const n = start.length;
  const method = oneOf(name, 'method', options.method, METHODS, 'levenberg-marquardt');
  const steepest = method === 'steepest';
  const ev = vectorEvaluator(name, residuals, n, optionalFunction<MatrixFunction>(name, 'jacobian', options.jacobian), jitChoice(name, residuals, options));
  const sigma = options.sigma;
  if (sigma !== undefined && typeof sigma !== 'number' && typeof (sigma as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${name}: option "sigma" must be a number or an array of numbers`);
  }
  const fit = new LeastSquaresFit(ev, start, {
    method,
    aggression: positiveNumber(name, 'aggression', options.aggression, 1),
    stepBound: positiveNumber(name, 'stepBound', options.stepBound, 100),
    maxIterations: positiveInteger(name, 'maxIterations', options.maxIterations, steepest ? 1000 : defaultFitIterations(n)),
    historyLimit: historyLimit(name, options.historyLimit, DEFAULT_HISTORY_LIMIT),
    gradientTolerance: nonNegativeNumber(name, 'gradientTolerance', options.gradientTolerance, 0),
    stepTolerance: nonNegativeNumber(name, 'stepTolerance', options.stepTolerance, 1e-12),
    valueTolerance: nonNegativeNumber(name, 'valueTolerance', options.valueTolerance, steepest ? 0 : 1e-10),
    divergenceLimit: positiveNumber(name, 'divergenceLimit', options.divergenceLimit, 1e10),
    sigma,
  });
  return new OptimizationRun(fit.iterate(), fit.tracker as Tracker);
}

const METHODS: readonly LeastSquaresMethod[] = ['steepest', 'gauss-newton', 'levenberg-marquardt'];
const NO_VALUES = new Float64Array(0);
const CONVERGED: ReadonlySet<StopReason> = new Set(['gradient-tolerance', 'step-tolerance', 'value-tolerance']);

/**
 * A column of the unit-scaled Jacobian counts as independent when its pivot in the QR factor
 * exceeds this fraction of the first pivot: a condition number beyond 1e10 means a parameter
 * is fixed by the data only to worse than 1e-10 relative, i.e. not at all in practice.
 */
const RANK_TOLERANCE = 1e-10;

/** Validated settings of one run. */
interface FitSettings {
  readonly method: LeastSquaresMethod;
  readonly aggression: number;
  readonly stepBound: number;
  readonly maxIterations: number;
  readonly historyLimit: number;
  readonly gradientTolerance: number;
  readonly stepTolerance: number;
  readonly valueTolerance: number;
  readonly divergenceLimit: number;
  readonly sigma: number | ArrayLike<number> | undefined;
}

type FitExtras = Omit<LeastSquaresResult, keyof OptimizationResult>;

/** Rank and covariance of the fit at one state. */
interface Identification {
  readonly rank: number;
  /** Every Jacobian column is zero: r does not depend on p here at all. */
  readonly flat: boolean;
  /** (JᵀWJ)⁻¹, n×n row-major, or null when rank < n. */
  readonly inverse: Float64Array | null;
}

/**
 * One least-squares run. A fit takes microseconds, so allocation and GC would dominate: the
 * run allocates its working vectors once, at its first evaluation (when the residual count m
 * is known), owns them until it ends, and moves points by swapping buffers, never by copying.
 * The tracker copies what it keeps (history states, the result's x), and user functions get
 * their own copies, so none of these buffers ever escapes and no two runs share anything. The
 * methods live on the prototype: no closures per run.
 */
class LeastSquaresFit {
  readonly tracker: Tracker<FitExtras>;
  private readonly name = 'leastSquares';
  private readonly n: number;
  private readonly lm: boolean;
  private m = -1;
  /** Rows of the kept Jacobian: m, padded with zero rows to n when m < n (same χ², a square R in its QR). */
  private rows = 0;
  private weights: Float64Array | undefined = undefined;
  /** 1/σᵢ, the row scaling of the Jacobian (undefined without sigma). */
  private rowScale: Float64Array | undefined = undefined;
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
  /** ∇χ² at the current point. */
  private gradient: Float64Array = NO_VALUES;
  /** The weighted Jacobian at state `jacobianAt`, column-major (rows × n, zero rows below m), for the result's rank and covariance. */
  private jw: Float64Array = NO_VALUES;
  private jacobianAt = -1;
  /** JᵀWJ at the current point, its Cholesky factor (Gauss–Newton), the step. */
  private normal: Float64Array = NO_VALUES;
  private lower: Float64Array = NO_VALUES;
  private delta: Float64Array = NO_VALUES;
  // Levenberg–Marquardt (MINPACK lmder): the scaling D, the step, work space.
  private diag: Float64Array = NO_VALUES;
  private step: Float64Array = NO_VALUES;
  private lmWork: LmWork | undefined = undefined;
  private readonly lmState = new LmState();
  /** MINPACK's scaled-gradient norm: the largest cosine between r and a column of J. */
  private cosine = NaN;
  private identified: { readonly at: IterationState; readonly value: Identification } | undefined = undefined;

  constructor(
    private readonly ev: VectorEvaluator,
    start: Float64Array,
    private readonly settings: FitSettings,
  ) {
    this.n = start.length;
    this.lm = settings.method === 'levenberg-marquardt';
    this.pTrial = start;
    this.tracker = new Tracker<FitExtras>(this.name, ev, 'value', settings.historyLimit);
    this.tracker.extras = (s) => this.extras(s);
  }

  /** Evaluates r(p) into `rTrial` and returns χ². */
  private evaluate(p: Float64Array): number {
    const r = this.ev.valuesView(p);
    if (this.m < 0) this.allocate(r.length);
    else checkLength(this.name, 'the residual vector', r.length, this.m);
    const m = this.m;
    const out = this.rTrial;
    const weights = this.weights;
    let chi2 = 0;
    for (let i = 0; i < m; i++) {
      const v = r[i]!;
      out[i] = v;
      chi2 += weights === undefined ? v * v : weights[i]! * v * v;
    }
    return chi2;
  }

  /** Learns m from the first residual vector, checks `sigma` against it, and lays out the run's buffer. */
  private allocate(m: number): void {
    const name = this.name;
    if (m === 0) throw new RangeError(`${name}: residuals returned an empty vector`);
    const sigma = this.settings.sigma;
    if (sigma !== undefined) {
      const sig = typeof sigma === 'number' ? new Float64Array(m).fill(sigma) : Float64Array.from(sigma);
      checkLength(name, 'option "sigma"', sig.length, m);
      const weights = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const s = sig[i]!;
        if (!(s > 0 && Number.isFinite(s))) throw new RangeError(`${name}: option "sigma" must be positive and finite, got ${s} at index ${i}`);
        weights[i] = 1 / (s * s);
        sig[i] = 1 / s;
      }
      this.weights = weights;
      this.rowScale = sig;
    }
    const n = this.n;
    const rows = Math.max(m, n);
    this.m = m;
    this.rows = rows;
    // The m- and (rows × n)-sized vectors share one buffer: typed arrays that large need a
    // backing store outside V8's heap, and one allocation costs less than four.
    const b = new Float64Array(3 * m + rows * n);
    this.rTrial = b.subarray(0, m);
    this.rCurrent = b.subarray(m, 2 * m);
    this.rBest = b.subarray(2 * m, 3 * m);
    this.jw = b.subarray(3 * m);
    this.pCurrent = new Float64Array(n);
    this.pPrevious = new Float64Array(n);
    this.gradient = new Float64Array(n);
    this.normal = new Float64Array(n * n);
    if (this.lm) {
      this.diag = new Float64Array(n);
      this.step = new Float64Array(n);
      this.lmWork = lmWork(n);
    } else {
      this.lower = new Float64Array(n * n);
      this.delta = new Float64Array(n);
    }
  }

  /** Ends the run with a result. A claimed success is checked against the Jacobian at the point first. */
  private end(reason: StopReason, detail?: string): LeastSquaresResult {
    const last = this.tracker.last;
    if (CONVERGED.has(reason) && last !== undefined) {
      const { rank, flat } = this.identification(last);
      if (flat && last.value > 0) {
        reason = 'stalled';
        detail = 'every Jacobian column is zero here: χ² is flat (a plateau, e.g. where the model underflows), not a fit';
      } else if (rank < this.n) {
        reason = 'rank-deficient';
        detail =
          this.m < this.n
            ? `${this.m} residual${this.m === 1 ? '' : 's'} cannot determine ${this.n} parameters: x is one of many equally good fits`
            : `the Jacobian has rank ${rank} < ${this.n}: the data do not determine every parameter, and x is one of many equally good fits`;
      }
    }
    return this.tracker.finish(reason, detail);
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

  /**
   * Evaluates the Jacobian at the current point, whose state will have index `index`: keeps the
   * weighted J in `jw` (column-major, zero rows below m) and forms ∇χ² = 2JᵀWr and JᵀWJ in one
   * pass; Levenberg–Marquardt then updates its scaling. False when J is not finite.
   */
  private linearise(index: number): boolean {
    const { m, n, rows, rowScale, gradient, jw, normal } = this;
    const jac = this.ev.jacobian(this.pCurrent.slice(), m);
    const r = this.rCurrent;
    const steepest = this.settings.method === 'steepest';
    for (let j = 0; j < n; j++) gradient[j] = 0;
    if (!steepest) normal.fill(0);
    for (let i = 0, row = 0; i < m; i++, row += n) {
      const s = rowScale === undefined ? 1 : rowScale[i]!;
      const wr = 2 * s * s * r[i]!;
      for (let j = 0; j < n; j++) {
        const v = jac[row + j]!;
        gradient[j]! += v * wr;
        jw[j * rows + i] = v * s;
        if (steepest) continue;
        const wv = s * s * v;
        for (let k = j; k < n; k++) normal[j * n + k]! += wv * jac[row + k]!;
      }
    }
    // A non-finite Jacobian shows in the gradient or in JᵀWJ's diagonal.
    if (!allFinite(gradient)) return false;
    for (let j = 0; j < n; j++) if (!Number.isFinite(normal[j * n + j]!)) return false;
    if (!steepest) for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) normal[j * n + k] = normal[k * n + j]!;
    this.jacobianAt = index;
    if (this.lm) this.rescale();
    return true;
  }

  /**
   * MINPACK's scaled-gradient norm (the largest cosine between r and a column of J) and the
   * scaling D: the column norms, each kept at the largest value seen, so D never shrinks and
   * the trust region stays comparable between iterations (a zero column gets D = 1).
   */
  private rescale(): void {
    const { n, normal, gradient, diag } = this;
    const fnorm = Math.sqrt(this.chi2Current);
    const first = this.tracker.count === 0;
    let cosine = 0;
    for (let j = 0; j < n; j++) {
      const c = Math.sqrt(normal[j * n + j]!);
      if (c > 0 && fnorm > 0) cosine = Math.max(cosine, Math.abs(gradient[j]!) / (2 * c * fnorm));
      diag[j] = first ? (c === 0 ? 1 : c) : Math.max(diag[j]!, c);
    }
    this.cosine = cosine;
  }

  /** Solves (JᵀWJ) δ = −½∇χ² into `delta`; false when singular. */
  private solveGaussNewton(): boolean {
    const { n, normal, lower, delta, gradient } = this;
    for (let i = 0; i < n; i++) delta[i] = -gradient[i]! / 2;
    lower.fill(0);
    if (choleskyInto(normal, lower, n)) {
      choleskySolveInPlace(lower, delta, n);
      return true;
    }
    const viaLu = solve(normal, delta, n);
    if (viaLu == null) return false;
    delta.set(viaLu);
    return true;
  }

  /** ‖D p‖ for a vector p. */
  private scaledNorm(p: Float64Array): number {
    const { n, diag } = this;
    let plain = 0;
    for (let j = 0; j < n; j++) plain += (diag[j]! * p[j]!) ** 2;
    if (plain > 1e-280 && plain < 1e280) return Math.sqrt(plain);
    return rangeNorm(Float64Array.from(p, (v, j) => diag[j]! * v), 0, n);
  }

  /**
   * Rank and covariance at state `s` (cached). At the current point a well-conditioned JᵀWJ
   * (every Cholesky pivot of its unit-diagonal scaling above 1e-8, so J's columns are far from
   * dependent) gives both directly; otherwise, and at other states, a pivoted QR of the
   * weighted Jacobian decides the rank, which JᵀWJ cannot resolve below its square root.
   */
  private identification(s: IterationState): Identification {
    if (this.identified?.at === s) return this.identified.value;
    const { m, n, rows, rowScale } = this;
    const current = this.jacobianAt === s.iteration && s === this.tracker.last;
    // Levenberg–Marquardt's step work space is free between iterations: lend it.
    const scratch = this.lmWork === undefined ? lmWork(n) : this.lmWork;
    const direct = current ? wellConditionedInverse(this.normal, n, scratch) : null;
    if (direct != null) {
      const value = { rank: n, flat: false, inverse: direct };
      this.identified = { at: s, value };
      return value;
    }
    let a: Float64Array;
    if (current) {
      // Factorised in place: `jw` is only read here, and the next linearisation refills it.
      a = this.jw;
      this.jacobianAt = -1;
    } else {
      const jac = this.ev.jacobian(s.x.slice(), m);
      a = new Float64Array(rows * n);
      for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) a[j * rows + i] = jac[i * n + j]! * (rowScale === undefined ? 1 : rowScale[i]!);
    }
    const ipvt = new Int32Array(n);
    const rdiag = new Float64Array(n);
    const acnorm = new Float64Array(n);
    qrFactor(a, rows, n, rows, ipvt, rdiag, acnorm, new Float64Array(n));
    const value = identify(a, rows, n, ipvt, rdiag, acnorm);
    this.identified = { at: s, value };
    return value;
  }

  /** The least-squares fields of a result at state `s`: the last state or, for a diverged or stalled run, the best. */
  private extras(s: IterationState): FitExtras {
    const { m, n, weights } = this;
    const r = s === this.tracker.last ? this.rCurrent : this.rBest;
    let covariance: Float64Array[] | null = null;
    let standardErrors: Float64Array | null = null;
    let rank = 0;
    if (allFinite(r) && allFinite(s.x)) {
      const { rank: found, inverse } = this.identification(s);
      rank = found;
      if (inverse != null && (weights !== undefined || m > n)) {
        const scale = weights === undefined ? s.value / (m - n) : 1;
        covariance = [];
        standardErrors = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const row = new Float64Array(n);
          for (let j = 0; j < n; j++) row[j] = inverse[i * n + j]! * scale;
          covariance.push(row);
          standardErrors[i] = Math.sqrt(row[i]!);
        }
      }
    }
    return { chi2: s.value, residuals: new Float64Array(r), covariance, standardErrors, rank, method: this.settings.method };
  }

  /** The run's states: each method is its own generator (delegating with `yield*` would cost a frame per state). */
  iterate(): Generator<IterationState, LeastSquaresResult, undefined> {
    return this.lm ? this.levenbergMarquardt() : this.courseMethods();
  }

  /**
   * Evaluates and linearises at p₀ and records state 0; returns why the run ends right there,
   * or undefined to go on.
   */
  private begin(): [StopReason, string?] | undefined {
    const { tracker, settings } = this;
    this.accept(this.evaluate(this.pTrial));
    if (!allFinite(this.rCurrent)) {
      tracker.record(this.pCurrent, this.chi2Current, NaN);
      return ['diverged', 'the residuals at p₀ are not finite'];
    }
    if (!this.linearise(0)) {
      tracker.record(this.pCurrent, this.chi2Current, NaN);
      return ['diverged', 'the Jacobian at p₀ is not finite'];
    }
    const startGradientNorm = norm(this.gradient);
    tracker.record(this.pCurrent, this.chi2Current, startGradientNorm);
    if (startGradientNorm <= settings.gradientTolerance) return ['gradient-tolerance'];
    return undefined;
  }

  /** Steepest descent (the course's fixed aggression) and plain Gauss–Newton. */
  private *courseMethods(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings, n } = this;
    const early = this.begin();
    yield tracker.last!;
    if (early !== undefined) return this.end(early[0], early[1]);
    const { aggression, maxIterations, gradientTolerance, stepTolerance, valueTolerance, divergenceLimit } = settings;
    const steepest = settings.method === 'steepest';
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      if (steepest) this.stepTo(-aggression, this.gradient);
      else {
        if (!this.solveGaussNewton()) return this.end('singular', 'JᵀWJ is singular');
        this.stepTo(1, this.delta);
      }
      const next = this.evaluate(this.pTrial);
      const best = tracker.best;
      this.accept(next);
      const p = this.pCurrent;
      const previous = this.pPrevious;
      const chi2 = this.chi2Current;
      const finite = allFinite(this.rCurrent) && allFinite(p) && this.linearise(iteration);
      const gradientNorm = finite ? norm(this.gradient) : NaN;
      yield tracker.record(p, chi2, gradientNorm, previous);
      const why = finite ? divergenceAt(p, chi2, this.gradient, best, divergenceLimit) : 'the residuals or the Jacobian became non-finite';
      if (why !== undefined) return this.end('diverged', why);
      if (gradientNorm <= gradientTolerance) return this.end('gradient-tolerance');
      if (Math.abs(this.chi2Previous - chi2) <= valueTolerance * chi2) return this.end('value-tolerance');
      let stepSquared = 0;
      for (let i = 0; i < n; i++) stepSquared += (p[i]! - previous[i]!) ** 2;
      if (Math.sqrt(stepSquared) <= stepTolerance * (1 + norm(p))) return this.end('step-tolerance');
    }
    return this.end('max-iterations');
  }

  /**
   * Levenberg–Marquardt as MINPACK's lmder does it (Moré 1978): a trust region ‖D Δp‖ ≤ Δ in
   * parameters scaled by the Jacobian's column norms D (so the units of p do not matter), the
   * damping λ found by {@link lmStep} so the step fills the region, and Δ updated from the gain
   * ratio ρ = actual / predicted reduction of χ². A step is taken when ρ ≥ 1e-4; otherwise Δ
   * shrinks and the step is recomputed from the same linearisation. The arithmetic lives in
   * {@link lmTrial}, a plain method: numbers kept in a generator's frame across a `yield` are
   * boxed on the heap each time.
   */
  private *levenbergMarquardt(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings } = this;
    const early = this.begin();
    yield tracker.last!;
    if (early !== undefined) return this.end(early[0], early[1]);
    const lm = this.lmState;
    lm.xnorm = this.scaledNorm(this.pCurrent);
    lm.delta = lm.xnorm === 0 ? settings.stepBound : settings.stepBound * lm.xnorm;
    lm.startNorm = Math.sqrt(this.chi2Current);
    if (this.cosine <= Number.EPSILON) return this.end('gradient-tolerance', 'r is orthogonal to every Jacobian column');
    for (let iteration = 1; iteration <= settings.maxIterations; iteration++) {
      let failures = 0;
      for (;;) {
        const trial = this.lmTrial();
        if (trial >= 0) {
          const best = tracker.best;
          const detail: IterationDetail = { damping: lm.par };
          this.accept(trial);
          const finite = allFinite(this.rCurrent) && allFinite(this.pCurrent) && this.linearise(iteration);
          const gradientNorm = finite ? norm(this.gradient) : NaN;
          yield tracker.record(this.pCurrent, this.chi2Current, gradientNorm, this.pPrevious, detail);
          const why = finite ? divergenceAt(this.pCurrent, this.chi2Current, this.gradient, best, settings.divergenceLimit) : 'the residuals or the Jacobian became non-finite';
          if (why !== undefined) return this.end('diverged', why);
          const stop = this.lmConverged(gradientNorm);
          if (stop !== undefined) return this.end(stop[0], stop[1]);
          break;
        }
        // A rejected step: the point stays, but the tests can still end the run there.
        if (reductionConverged(lm.actred, lm.prered, lm.ratio, Math.max(settings.valueTolerance, Number.EPSILON))) {
          return this.end('value-tolerance', 'no step of the trust region reduces χ² further');
        }
        if (this.regionVanished()) return this.end('step-tolerance', 'the trust region shrank to nothing around this point');
        if (++failures >= 100) return this.end('stalled', 'a hundred trial steps in a row failed to reduce χ²');
      }
    }
    return this.end('max-iterations');
  }

  /**
   * One trial step from the current point: λ for the region, the step, χ² there, the actual
   * and predicted reductions, and the region's update. Returns the trial χ² when the step is
   * to be taken (ρ ≥ 1e-4), else −1.
   */
  private lmTrial(): number {
    const { n } = this;
    const lm = this.lmState;
    const fnorm = Math.sqrt(this.chi2Current);
    const par = lmStep(this.normal, this.gradient, this.diag, n, lm.delta, lm.par, this.step, this.lmWork!);
    this.stepTo(1, this.step);
    const pnorm = this.scaledNorm(this.step);
    let delta = lm.firstStep ? Math.min(lm.delta, pnorm) : lm.delta;
    const trial = this.evaluate(this.pTrial);
    const fnorm1 = Math.sqrt(trial);
    // The actual and predicted relative reductions of χ², and the directional derivative.
    const actred = Number.isFinite(fnorm1) && 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) ** 2 : -1;
    const temp1 = Math.sqrt(quadraticForm(this.normal, this.step, n)) / fnorm;
    const temp2 = (Math.sqrt(par) * pnorm) / fnorm;
    const prered = temp1 * temp1 + (temp2 * temp2) / 0.5;
    const dirder = -(temp1 * temp1 + temp2 * temp2);
    const ratio = prered !== 0 ? actred / prered : 0;
    let nextPar = par;
    if (ratio <= 0.25) {
      let shrink = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
      if (0.1 * fnorm1 >= fnorm || !(shrink >= 0.1)) shrink = 0.1;
      delta = shrink * Math.min(delta, pnorm / 0.1);
      nextPar = par / shrink;
    } else if (par === 0 || ratio >= 0.75) {
      delta = pnorm / 0.5;
      nextPar = par * 0.5;
    }
    lm.delta = delta;
    lm.par = nextPar;
    lm.actred = actred;
    lm.prered = prered;
    lm.ratio = ratio;
    if (!(ratio >= 1e-4)) return -1;
    lm.firstStep = false;
    return trial;
  }

  /** MINPACK's convergence tests after a step has been taken (the region's size uses ‖D p‖ at the new point). */
  private lmConverged(gradientNorm: number): [StopReason, string?] | undefined {
    const lm = this.lmState;
    const { gradientTolerance, valueTolerance } = this.settings;
    const eps = Number.EPSILON;
    lm.xnorm = this.scaledNorm(this.pCurrent);
    if (gradientNorm <= gradientTolerance) return ['gradient-tolerance'];
    if (this.cosine <= eps) return ['gradient-tolerance', 'r is orthogonal to every Jacobian column'];
    if (Math.sqrt(this.chi2Current) <= eps * lm.startNorm) return ['value-tolerance', 'the residuals vanished to working precision'];
    if (reductionConverged(lm.actred, lm.prered, lm.ratio, valueTolerance)) return ['value-tolerance'];
    if (reductionConverged(lm.actred, lm.prered, lm.ratio, eps)) return ['value-tolerance', 'no further reduction in χ² is possible'];
    if (this.regionVanished()) return ['step-tolerance'];
    return undefined;
  }

  /** MINPACK's xtol test: Δ ≤ xtol·‖D p‖ (or ≤ ε·‖D p‖, the rounding floor). */
  private regionVanished(): boolean {
    const { delta, xnorm } = this.lmState;
    return delta <= this.settings.stepTolerance * xnorm || delta <= Number.EPSILON * xnorm;
  }
}

/** Levenberg–Marquardt's numbers that persist between trials (fields keep doubles unboxed). */
class LmState {
  delta = 0;
  par = 0;
  xnorm = 0;
  startNorm = 0;
  firstStep = true;
  actred = 0;
  prered = 0;
  ratio = 0;
}

/**
 * (JᵀJ)⁻¹ from the Cholesky factor of JᵀJ scaled to a unit diagonal, or null when a column is
 * zero or a pivot falls below 1e-8 (J's columns nearly dependent: leave it to a QR).
 */
function wellConditionedInverse(normal: Float64Array, n: number, { lower: l, z: c, w: e }: LmWork): Float64Array | null {
  for (let j = 0; j < n; j++) {
    c[j] = Math.sqrt(normal[j * n + j]!);
    if (!(c[j]! > 0) || !Number.isFinite(c[j]!)) return null;
  }
  for (let j = 0; j < n; j++) {
    let d = 1;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 1e-8)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = normal[i * n + j]! / (c[i]! * c[j]!);
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  // Column by column: (LLᵀ)⁻¹ eⱼ, then undo the scaling.
  const inverse = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    for (let i = 0; i < n; i++) {
      let s = e[i]!;
      for (let k = 0; k < i; k++) s -= l[i * n + k]! * e[k]!;
      e[i] = s / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = e[i]!;
      for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * e[k]!;
      e[i] = s / l[i * n + i]!;
    }
    for (let i = 0; i < n; i++) inverse[i * n + j] = e[i]! / (c[i]! * c[j]!);
  }
  return inverse;
}

/** MINPACK's ftol test: the actual and predicted relative reductions of χ² are both within `limit`. */
function reductionConverged(actred: number, prered: number, ratio: number, limit: number): boolean {
  return Math.abs(actred) <= limit && prered <= limit && 0.5 * ratio <= 1;
}

/**
 * Rank and (JᵀJ)⁻¹ from a pivoted QR of J (R's strict upper triangle in `a`, column-major with
 * `rows` rows; its diagonal `rdiag`; pivots `ipvt`; J's column norms `acnorm`). The rank test
 * reads R with J's columns scaled to unit length, |R_jj| / ‖J e_{ipvt j}‖, so it does not depend
 * on the parameters' units.
 */
function identify(a: Float64Array, rows: number, n: number, ipvt: Int32Array, rdiag: Float64Array, acnorm: Float64Array): Identification {
  let flat = true;
  let largest = 0;
  for (let j = 0; j < n; j++) {
    const c = acnorm[ipvt[j]!]!;
    if (c > 0 && Number.isFinite(c)) {
      flat = false;
      largest = Math.max(largest, Math.abs(rdiag[j]!) / c);
    }
  }
  if (flat) return { rank: 0, flat, inverse: null };
  let rank = 0;
  for (let j = 0; j < n; j++) {
    const c = acnorm[ipvt[j]!]!;
    if (c > 0 && Number.isFinite(c) && Math.abs(rdiag[j]!) / c > RANK_TOLERANCE * largest) rank++;
  }
  if (rank < n) return { rank, flat, inverse: null };
  // R⁻¹ (upper triangular, row-major in \`inv\`), then (JᵀJ)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ.
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inv[j * n + j] = 1 / rdiag[j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += a[k * rows + i]! * inv[k * n + j]!;
      inv[i * n + j] = -s / rdiag[i]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let p = 0; p < n; p++) {
    for (let q = p; q < n; q++) {
      let s = 0;
      for (let k = q; k < n; k++) s += inv[p * n + k]! * inv[q * n + k]!;
      const lp = ipvt[p]!;
      const lq = ipvt[q]!;
      out[lp * n + lq] = s;
      out[lq * n + lp] = s;
    }
  }
  return { rank, flat, inverse: out };
}

/**
 * Fits parameters p by minimising χ² = Σ (rᵢ(p)/σᵢ)² with the course's steepest descent
 * (`aggression`), Gauss–Newton, or Levenberg–Marquardt (default; MINPACK's trust-region
 * method, so the parameters' units do not change the fit), and reports the parameter
 * covariance. Residuals take p as a Tensor of shape [n] and return shape [m] (or plain
 * numbers when `jacobian` is supplied). A fit whose parameters the data cannot determine
 * (fewer residuals than parameters, or a rank-deficient Jacobian at the minimum) ends with
 * `'rank-deficient'`, not a success, and has no covariance; a plateau where the Jacobian
 * vanishes ends with `'stalled'`.
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
