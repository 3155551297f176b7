import { divergenceAt } from './descent.js';
import { type VectorEvaluator, vectorEvaluator } from './evaluate.js';
import { allFinite, choleskyInto, choleskySolveInPlace, norm, solve } from './linalg.js';
import { lmParameter, type LmScratch } from './lm-parameter.js';
import { rejectUnknownOptions } from './options.js';
import { applyQt, qrFactor, rangeNorm } from './qr.js';
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
  const ev = vectorEvaluator(name, residuals, n, optionalFunction<MatrixFunction>(name, 'jacobian', options.jacobian));
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
const NO_INDICES = new Int32Array(0);
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
  /** (JᵀWJ)⁻¹, n×n row-major (a view of the run's scratch: copy before keeping), or null when rank < n. */
  readonly inverse: Float64Array | null;
}

/** Work space of {@link identify}. */
interface IdentifyScratch {
  readonly a: Float64Array;
  readonly inverse: Float64Array;
  readonly ipvt: Int32Array;
  readonly scale: Float64Array;
  readonly rdiag: Float64Array;
  readonly acnorm: Float64Array;
  readonly work: Float64Array;
}

/**
 * One least-squares run. A fit takes microseconds, so allocation and GC would dominate: all
 * working vectors are views of one buffer the run allocates at its first evaluation (once the
 * residual count m is known) and owns until it ends, and points change hands by swapping
 * buffers, never by copying. The tracker copies what it keeps (history states, the result's
 * x), and user functions get their own copies, so none of these buffers ever escapes, and no
 * two runs share anything. The methods live on the prototype: no closures per run.
 */
class LeastSquaresFit {
  readonly tracker: Tracker<FitExtras>;
  private readonly name = 'leastSquares';
  private readonly n: number;
  private readonly lm: boolean;
  private m = -1;
  /** Rows of the factorised Jacobian: m, padded with zero rows to n when m < n (same χ², a square R). */
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
  /** The weighted Jacobian at state `jacobianAt`, column-major (rows × n), kept for the result's covariance. */
  private jw: Float64Array = NO_VALUES;
  private jacobianAt = -1;
  // Gauss–Newton: JᵀWJ, its Cholesky factor, the step.
  private normal: Float64Array = NO_VALUES;
  private lower: Float64Array = NO_VALUES;
  private delta: Float64Array = NO_VALUES;
  // Levenberg–Marquardt (MINPACK lmder): QR of J in `qr`, Qᵀr, scaling D, the step, scratch.
  private qr: Float64Array = NO_VALUES;
  private ipvt: Int32Array = NO_INDICES;
  private rdiag: Float64Array = NO_VALUES;
  private acnorm: Float64Array = NO_VALUES;
  private qtr: Float64Array = NO_VALUES;
  private diag: Float64Array = NO_VALUES;
  private step: Float64Array = NO_VALUES;
  private work: Float64Array = NO_VALUES;
  private scratch: LmScratch | undefined = undefined;
  /** Room for {@link identify}: a copy of the Jacobian, (JᵀJ)⁻¹, and its own pivots and vectors. */
  private idScratch: IdentifyScratch | undefined = undefined;
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
    out.set(r);
    const weights = this.weights;
    let chi2 = 0;
    if (weights === undefined) for (let i = 0; i < m; i++) chi2 += out[i]! * out[i]!;
    else for (let i = 0; i < m; i++) chi2 += weights[i]! * out[i]! * out[i]!;
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
    const nn = n * n;
    // The m- and (rows×n)-sized vectors share one buffer (each separate one would cost an
    // off-heap allocation); n-vectors are small enough for V8 to keep on its heap.
    const b = new Float64Array(3 * m + 2 * rows * n + nn + (this.lm ? rows * n + rows : 2 * nn));
    let at = 0;
    this.rTrial = b.subarray(at, (at += m));
    this.rCurrent = b.subarray(at, (at += m));
    this.rBest = b.subarray(at, (at += m));
    this.jw = b.subarray(at, (at += rows * n));
    this.idScratch = {
      a: b.subarray(at, (at += rows * n)),
      inverse: b.subarray(at, (at += nn)),
      ipvt: new Int32Array(n),
      scale: new Float64Array(n),
      rdiag: new Float64Array(n),
      acnorm: new Float64Array(n),
      work: new Float64Array(n),
    };
    this.pCurrent = new Float64Array(n);
    this.pPrevious = new Float64Array(n);
    this.gradient = new Float64Array(n);
    this.work = new Float64Array(n);
    // Levenberg–Marquardt forms J·step in `delta`; Gauss–Newton keeps its step there.
    this.delta = new Float64Array(n);
    if (this.lm) {
      this.qr = b.subarray(at, (at += rows * n));
      this.qtr = b.subarray(at, at + rows);
      this.rdiag = new Float64Array(n);
      this.acnorm = new Float64Array(n);
      this.diag = new Float64Array(n);
      this.step = new Float64Array(n);
      this.scratch = { sdiag: new Float64Array(n), wa1: new Float64Array(n), wa2: new Float64Array(n) };
      this.ipvt = new Int32Array(n);
    } else {
      this.normal = b.subarray(at, (at += nn));
      this.lower = b.subarray(at, at + nn);
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
   * Evaluates the Jacobian at the current point, whose state will have index `index`, into
   * `jw` (weighted, column-major, zero rows below m) and fills ∇χ² = 2JᵀWr. Levenberg–Marquardt
   * then factorises it; Gauss–Newton forms JᵀWJ. False when J is not finite.
   */
  private linearise(index: number): boolean {
    const { m, n, rows, rowScale, gradient, jw } = this;
    const jac = this.ev.jacobian(this.pCurrent.slice(), m);
    if (!allFinite(jac)) return false;
    const r = this.rCurrent;
    for (let j = 0; j < n; j++) {
      const column = j * rows;
      let g = 0;
      for (let i = 0; i < m; i++) {
        const s = rowScale === undefined ? 1 : rowScale[i]!;
        const v = jac[i * n + j]! * s;
        jw[column + i] = v;
        g += v * r[i]! * s;
      }
      for (let i = m; i < rows; i++) jw[column + i] = 0;
      gradient[j] = 2 * g;
    }
    this.jacobianAt = index;
    if (this.lm) this.factorise();
    else if (this.settings.method === 'gauss-newton') this.formNormal();
    return true;
  }

  /** JᵀWJ from `jw`, for Gauss–Newton. */
  private formNormal(): void {
    const { n, rows, jw, normal } = this;
    for (let j = 0; j < n; j++) {
      for (let k = j; k < n; k++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += jw[j * rows + i]! * jw[k * rows + i]!;
        normal[j * n + k] = s;
        normal[k * n + j] = s;
      }
    }
  }

  /**
   * Pivoted QR of the weighted Jacobian, Qᵀ(weighted r), MINPACK's scaled-gradient cosine,
   * and the scaling D: column norms, each kept at the largest value seen (so D never shrinks
   * and the trust region stays comparable between iterations).
   */
  private factorise(): void {
    const { m, n, rows, rowScale, qr, jw, ipvt, rdiag, acnorm, qtr, diag, work } = this;
    qr.set(jw);
    qrFactor(qr, rows, n, rows, ipvt, rdiag, acnorm, work);
    const r = this.rCurrent;
    for (let i = 0; i < m; i++) qtr[i] = rowScale === undefined ? r[i]! : r[i]! * rowScale[i]!;
    for (let i = m; i < rows; i++) qtr[i] = 0;
    applyQt(qr, rows, n, rows, rdiag, qtr);
    const fnorm = Math.sqrt(this.chi2Current);
    let cosine = 0;
    if (fnorm !== 0) {
      for (let j = 0; j < n; j++) {
        const l = ipvt[j]!;
        if (acnorm[l] === 0) continue;
        let sum = 0;
        for (let i = 0; i <= j; i++) sum += qr[j * rows + i]! * (qtr[i]! / fnorm);
        cosine = Math.max(cosine, Math.abs(sum / acnorm[l]!));
      }
    }
    this.cosine = cosine;
    const first = this.tracker.count === 0;
    for (let j = 0; j < n; j++) {
      const c = acnorm[j]!;
      diag[j] = first ? (c === 0 ? 1 : c) : Math.max(diag[j]!, c);
    }
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
    const { n, diag, work } = this;
    for (let j = 0; j < n; j++) work[j] = diag[j]! * p[j]!;
    return rangeNorm(work, 0, n);
  }

  /** ‖R Pᵀ step‖, the norm of J·step, from the QR factor. */
  private jacobianTimesStep(): number {
    const { n, rows, qr, ipvt, step, delta } = this;
    for (let j = 0; j < n; j++) delta[j] = 0;
    for (let j = 0; j < n; j++) {
      const t = step[ipvt[j]!]!;
      for (let i = 0; i <= j; i++) delta[i]! += qr[j * rows + i]! * t;
    }
    return rangeNorm(delta, 0, n);
  }

  /** Rank and covariance at state `s`, from a fresh pivoted QR of the unit-scaled weighted Jacobian there (cached). */
  private identification(s: IterationState): Identification {
    if (this.identified?.at === s) return this.identified.value;
    const { m, n, rows, rowScale } = this;
    const scratch = this.idScratch!;
    const a = scratch.a;
    if (this.jacobianAt === s.iteration && s === this.tracker.last) a.set(this.jw);
    else {
      const jac = this.ev.jacobian(s.x.slice(), m);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < m; i++) a[j * rows + i] = jac[i * n + j]! * (rowScale === undefined ? 1 : rowScale[i]!);
        for (let i = m; i < rows; i++) a[j * rows + i] = 0;
      }
    }
    const value = identify(rows, n, scratch);
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
    return { chi2: s.value, residuals: r.slice(), covariance, standardErrors, rank, method: this.settings.method };
  }

  *iterate(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings } = this;
    this.accept(this.evaluate(this.pTrial));
    if (!allFinite(this.rCurrent)) {
      yield tracker.record(this.pCurrent, this.chi2Current, NaN);
      return this.end('diverged', 'the residuals at p₀ are not finite');
    }
    if (!this.linearise(0)) {
      yield tracker.record(this.pCurrent, this.chi2Current, NaN);
      return this.end('diverged', 'the Jacobian at p₀ is not finite');
    }
    const startGradientNorm = norm(this.gradient);
    yield tracker.record(this.pCurrent, this.chi2Current, startGradientNorm);
    if (startGradientNorm <= settings.gradientTolerance) return this.end('gradient-tolerance');
    if (this.lm) return yield* this.levenbergMarquardt();
    return yield* this.courseMethods();
  }

  /** Steepest descent (the course's fixed aggression) and plain Gauss–Newton. */
  private *courseMethods(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings, n } = this;
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
   * damping λ found by {@link lmParameter} so the step fills the region, and Δ updated from
   * the gain ratio ρ = actual / predicted reduction of χ². A step is taken when ρ ≥ 1e-4;
   * otherwise Δ shrinks and the step is recomputed from the same factorisation.
   */
  private *levenbergMarquardt(): Generator<IterationState, LeastSquaresResult, undefined> {
    const { tracker, settings, n } = this;
    const { stepBound, maxIterations, gradientTolerance, stepTolerance, valueTolerance, divergenceLimit } = settings;
    const eps = Number.EPSILON;
    const startNorm = Math.sqrt(this.chi2Current);
    let xnorm = this.scaledNorm(this.pCurrent);
    let delta = xnorm === 0 ? stepBound : stepBound * xnorm;
    let par = 0;
    let firstStep = true;
    if (this.cosine <= eps) return this.end('gradient-tolerance', 'r is orthogonal to every Jacobian column');
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      let failures = 0;
      for (;;) {
        const fnorm = Math.sqrt(this.chi2Current);
        par = lmParameter(this.qr, n, this.rows, this.ipvt, this.diag, this.qtr, delta, par, this.step, this.scratch!);
        this.stepTo(1, this.step);
        const pnorm = this.scaledNorm(this.step);
        if (firstStep) delta = Math.min(delta, pnorm);
        const trial = this.evaluate(this.pTrial);
        const fnorm1 = Math.sqrt(trial);
        // The actual and predicted relative reductions of χ², and the directional derivative.
        const actred = Number.isFinite(fnorm1) && 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) ** 2 : -1;
        const temp1 = this.jacobianTimesStep() / fnorm;
        const temp2 = (Math.sqrt(par) * pnorm) / fnorm;
        const prered = temp1 * temp1 + (temp2 * temp2) / 0.5;
        const dirder = -(temp1 * temp1 + temp2 * temp2);
        const ratio = prered !== 0 ? actred / prered : 0;
        if (ratio <= 0.25) {
          let shrink = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
          if (0.1 * fnorm1 >= fnorm || !(shrink >= 0.1)) shrink = 0.1;
          delta = shrink * Math.min(delta, pnorm / 0.1);
          par /= shrink;
        } else if (par === 0 || ratio >= 0.75) {
          delta = pnorm / 0.5;
          par *= 0.5;
        }
        if (ratio >= 1e-4) {
          firstStep = false;
          const best = tracker.best;
          const detail: IterationDetail = { damping: par };
          this.accept(trial);
          const finite = allFinite(this.rCurrent) && allFinite(this.pCurrent) && this.linearise(iteration);
          const gradientNorm = finite ? norm(this.gradient) : NaN;
          yield tracker.record(this.pCurrent, this.chi2Current, gradientNorm, this.pPrevious, detail);
          const why = finite ? divergenceAt(this.pCurrent, this.chi2Current, this.gradient, best, divergenceLimit) : 'the residuals or the Jacobian became non-finite';
          if (why !== undefined) return this.end('diverged', why);
          xnorm = this.scaledNorm(this.pCurrent);
          if (gradientNorm <= gradientTolerance) return this.end('gradient-tolerance');
          if (this.cosine <= eps) return this.end('gradient-tolerance', 'r is orthogonal to every Jacobian column');
          if (Math.sqrt(this.chi2Current) <= eps * startNorm) return this.end('value-tolerance', 'the residuals vanished to working precision');
          if (reductionConverged(actred, prered, ratio, valueTolerance)) return this.end('value-tolerance');
          if (reductionConverged(actred, prered, ratio, eps)) return this.end('value-tolerance', 'no further reduction in χ² is possible');
          if (delta <= stepTolerance * xnorm || delta <= eps * xnorm) return this.end('step-tolerance');
          break;
        }
        // A rejected step: the point stays, but the tests can still end the run there.
        if (reductionConverged(actred, prered, ratio, Math.max(valueTolerance, eps))) return this.end('value-tolerance', 'no step of the trust region reduces χ² further');
        if (delta <= stepTolerance * xnorm || delta <= eps * xnorm) return this.end('step-tolerance', 'the trust region shrank to nothing around this point');
        if (++failures >= 100) return this.end('stalled', 'a hundred trial steps in a row failed to reduce χ²');
      }
    }
    return this.end('max-iterations');
  }
}

/** MINPACK's ftol test: the actual and predicted relative reductions of χ² are both within `limit`. */
function reductionConverged(actred: number, prered: number, ratio: number, limit: number): boolean {
  return Math.abs(actred) <= limit && prered <= limit && 0.5 * ratio <= 1;
}

/**
 * Rank and (JᵀJ)⁻¹ of the column-major rows×n matrix in `scratch.a` (overwritten): columns
 * scaled to unit length, so the rank does not depend on the parameters' units, then a
 * pivoted QR.
 */
function identify(rows: number, n: number, { a: jw, inverse: inv, ipvt, scale, rdiag, acnorm, work }: IdentifyScratch): Identification {
  let flat = true;
  for (let j = 0; j < n; j++) {
    const c = rangeNorm(jw, j * rows, (j + 1) * rows);
    scale[j] = c;
    if (c > 0 && Number.isFinite(c)) {
      flat = false;
      for (let i = 0; i < rows; i++) jw[j * rows + i]! /= c;
    }
  }
  if (flat) return { rank: 0, flat, inverse: null };
  qrFactor(jw, rows, n, rows, ipvt, rdiag, acnorm, work);
  let rank = 0;
  const first = Math.abs(rdiag[0]!);
  for (let j = 0; j < n; j++) {
    const c = scale[ipvt[j]!]!;
    if (c > 0 && Number.isFinite(c) && Math.abs(rdiag[j]!) > RANK_TOLERANCE * first) rank++;
    else break;
  }
  if (rank < n) return { rank, flat, inverse: null };
  // R⁻¹ (upper triangular) into the upper triangle of `inv`, then (JᵀJ)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ,
  // unscaled by the column norms, written into `jw` (free now) and copied back.
  for (let j = 0; j < n; j++) jw[j * rows + j] = rdiag[j]!;
  inv.fill(0);
  for (let j = 0; j < n; j++) {
    inv[j * n + j] = 1 / rdiag[j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += jw[k * rows + i]! * inv[k * n + j]!;
      inv[i * n + j] = -s / rdiag[i]!;
    }
  }
  const out = jw;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let k = b; k < n; k++) s += inv[a * n + k]! * inv[b * n + k]!;
      const la = ipvt[a]!;
      const lb = ipvt[b]!;
      const v = s / (scale[la]! * scale[lb]!);
      out[la * n + lb] = v;
      out[lb * n + la] = v;
    }
  }
  for (let q = 0; q < n * n; q++) inv[q] = out[q]!;
  return { rank, flat, inverse: inv };
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
