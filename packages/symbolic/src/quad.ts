import { compile } from './compile.js';
import type { Expr } from './expr.js';
import { rejectUnknownOptions } from './options.js';
import { toNode } from './parse.js';
import { collectSymbols } from './symbols.js';

/**
 * Adaptive Gauss–Kronrod quadrature: the 15-point Kronrod rule with its embedded 7-point
 * Gauss rule on each interval (QUADPACK's QK15 nodes, weights and error estimate), and
 * global adaptive subdivision as in QUADPACK's QAGS: the interval with the largest error
 * estimate is halved until the total error meets the tolerance. Infinite bounds are mapped
 * onto finite ones by a change of variable.
 */

// Abscissae of the 15-point Kronrod rule on [−1, 1] (x ≥ 0 half); xgk[1], xgk[3], xgk[5] and
// xgk[7] = 0 are the 7-point Gauss abscissae. From QUADPACK qk15.f, weights WGK (Kronrod) and WG (Gauss).
// QUADPACK's 33-digit values, rounded to the nearest double.
const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911, 0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679, 0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
const WG = [
  0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694,
];

const EPS = Number.EPSILON;
const TINY = Number.MIN_VALUE * 1e10;

/** One application of the 15-point rule on [a, b], with QUADPACK's error estimate. */
export interface KronrodEstimate {
  readonly a: number;
  readonly b: number;
  readonly value: number;
  readonly error: number;
  /** The first node where f was not a finite number, if any. */
  readonly bad?: number;
}

/**
 * G7–K15 on [a, b]: the Kronrod value and the error estimate
 * err = resasc·min(1, (200·|K − G|/resasc)^1.5), floored by 50·ε·resabs (QUADPACK qk15).
 */
export function kronrod15(f: (x: number) => number, a: number, b: number): KronrodEstimate {
  const center = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  const fc = f(center);
  let bad: number | undefined = Number.isFinite(fc) ? undefined : center;
  let resg = fc * (WG[3] as number);
  let resk = fc * (WGK[7] as number);
  let resabs = Math.abs(resk);
  const f1: number[] = [];
  const f2: number[] = [];
  for (let j = 0; j < 7; j++) {
    const dx = half * (XGK[j] as number);
    const x1 = center - dx;
    const x2 = center + dx;
    const v1 = f(x1);
    const v2 = f(x2);
    if (bad === undefined && !Number.isFinite(v1)) bad = x1;
    if (bad === undefined && !Number.isFinite(v2)) bad = x2;
    f1.push(v1);
    f2.push(v2);
    const w = WGK[j] as number;
    resk += w * (v1 + v2);
    resabs += w * (Math.abs(v1) + Math.abs(v2));
    if (j % 2 === 1) resg += (WG[(j - 1) / 2] as number) * (v1 + v2);
  }
  const reskh = resk * 0.5;
  let resasc = (WGK[7] as number) * Math.abs(fc - reskh);
  for (let j = 0; j < 7; j++) resasc += (WGK[j] as number) * (Math.abs((f1[j] as number) - reskh) + Math.abs((f2[j] as number) - reskh));
  const value = resk * half;
  resabs *= Math.abs(half);
  resasc *= Math.abs(half);
  let error = Math.abs((resk - resg) * half);
  if (resasc !== 0 && error !== 0) error = resasc * Math.min(1, Math.pow((200 * error) / resasc, 1.5));
  if (resabs > TINY / (50 * EPS)) error = Math.max(EPS * 50 * resabs, error);
  return bad === undefined ? { a, b, value, error } : { a, b, value, error, bad };
}

/**
 * Options of {@link quad}.
 *
 * @example
 * ```ts
 * const opts: QuadOptions = { tol: 1e-12, relTol: 0, maxEvaluations: 20_000 };
 * console.log(quad('exp(-x^2)', -Infinity, Infinity, opts).value); // 1.7724538509055159
 * ```
 */
export interface QuadOptions {
  /** Absolute tolerance on the error estimate (default 1e-10). */
  tol?: number;
  /** Relative tolerance, as a fraction of |value| (default 1e-10). The run stops when error ≤ max(tol, relTol·|value|). */
  relTol?: number;
  /** Largest number of evaluations of f (default 50,000: 15 per interval). */
  maxEvaluations?: number;
  /** The variable of an expression integrand (default: its one free symbol, or x). */
  variable?: string;
}

/**
 * What {@link quad} found.
 *
 * @example
 * ```ts
 * const r: QuadResult = quad((x) => Math.sqrt(x), 0, 1);
 * console.log(r.value, r.error, r.evaluations, r.converged); // 0.6666666666666… 3e-11 … true
 * ```
 */
export interface QuadResult {
  /** The integral's estimate (NaN when f had no value somewhere). */
  readonly value: number;
  /** The estimated absolute error (QUADPACK's estimate: usually pessimistic). */
  readonly error: number;
  /** Evaluations of f used. */
  readonly evaluations: number;
  /** Intervals in the final subdivision. */
  readonly intervals: number;
  /** True when the error estimate met the tolerance. */
  readonly converged: boolean;
  /** 'converged', or why not: the evaluation budget ran out, an interval could not be split further, or f was not finite. */
  readonly reason: string;
}

/** An integrand given as a function, or as an expression (text or Expr) in one variable. */
export type Integrand = ((x: number) => number) | Expr | string;

const KNOWN = ['tol', 'relTol', 'maxEvaluations', 'variable'] as const;

function checkNumber(where: string, name: string, v: unknown, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !(v >= min) || !Number.isFinite(v)) throw new RangeError(`${where}: option ${name} = ${String(v)}: expected a finite number ≥ ${min}`);
  return v;
}

/** The integrand as a JS function of one variable. */
export function integrandFunction(f: Integrand, variable: string | undefined, where: string): (x: number) => number {
  if (typeof f === 'function') return f;
  const node = toNode(f, where);
  const free = collectSymbols(node);
  const v = variable ?? (free.length === 1 ? (free[0] as string) : 'x');
  const others = free.filter((s) => s !== v);
  if (others.length > 0) throw new RangeError(`${where}: the integrand ${node.toString()} has symbols ${others.join(', ')} besides the variable ${v}: give them values first`);
  const g = compile(node, [v]);
  const arg = new Float64Array(1);
  return (x) => {
    arg[0] = x;
    return g(arg);
  };
}

/** The map of an infinite interval onto a finite one: f on (a, b) becomes g on (ta, tb). */
export function finiteForm(f: (x: number) => number, a: number, b: number): { g: (t: number) => number; ta: number; tb: number; x: (t: number) => number } {
  if (Number.isFinite(a) && Number.isFinite(b)) return { g: f, ta: a, tb: b, x: (t) => t };
  if (Number.isFinite(a)) {
    // x = a + t/(1 − t), t ∈ [0, 1)
    const x = (t: number): number => a + t / (1 - t);
    return { g: (t) => f(x(t)) / ((1 - t) * (1 - t)), ta: 0, tb: 1, x };
  }
  if (Number.isFinite(b)) {
    // x = b − t/(1 − t), t ∈ [0, 1): the orientation flips twice (dx = −dt/(1 − t)², t runs from 1 to 0)
    const x = (t: number): number => b - t / (1 - t);
    return { g: (t) => f(x(t)) / ((1 - t) * (1 - t)), ta: 0, tb: 1, x };
  }
  // x = t/(1 − t²), t ∈ (−1, 1)
  const x = (t: number): number => t / (1 - t * t);
  return { g: (t) => (f(x(t)) * (1 + t * t)) / ((1 - t * t) * (1 - t * t)), ta: -1, tb: 1, x };
}

/** A binary max-heap of intervals by error estimate. */
class Intervals {
  private readonly items: KronrodEstimate[] = [];
  get size(): number {
    return this.items.length;
  }
  push(e: KronrodEstimate): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((h[p] as KronrodEstimate).error >= e.error) break;
      h[i] = h[p] as KronrodEstimate;
      i = p;
    }
    h[i] = e;
  }
  pop(): KronrodEstimate {
    const h = this.items;
    const top = h[0] as KronrodEstimate;
    const last = h.pop() as KronrodEstimate;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && (h[r] as KronrodEstimate).error > (h[l] as KronrodEstimate).error ? r : l;
        if ((h[c] as KronrodEstimate).error <= last.error) break;
        h[i] = h[c] as KronrodEstimate;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
  all(): readonly KronrodEstimate[] {
    return this.items;
  }
}

/**
 * ∫ f from a to b by adaptive Gauss–Kronrod quadrature (G7–K15 with global subdivision of
 * the interval with the largest error, as QUADPACK's QAGS does, without its extrapolation),
 * to the requested absolute or relative tolerance, with an error estimate. a and b may be
 * ±Infinity (mapped to a finite interval by x = a + t/(1 − t), or x = t/(1 − t²) over ℝ);
 * integrable endpoint singularities (1/sqrt(x), log(x) at 0) are fine because no node lies on
 * an endpoint. `f` is a function or an expression in one variable.
 *
 * It never returns a silent number: when the tolerance is not met (the evaluation budget ran
 * out, or an interval around a singularity or a discontinuity cannot be split further), the
 * result has `converged: false` and a `reason`, with the best estimate and its error. A value
 * of f that is not finite stops the run with `value: NaN` and the point in the reason.
 *
 * @throws {RangeError} for a NaN bound, a bad option, or an expression with other symbols.
 * @example
 * ```ts
 * const r = quad('1/(1 + x^2)', -Infinity, Infinity);
 * console.log(r.value, r.error < 1e-9, r.converged); // 3.141592653589793 true true
 * ```
 */
export function quad(f: Integrand, a: number, b: number, opts: QuadOptions = {}): QuadResult {
  const { tol, relTol, maxEvaluations } = quadOptions('quad', opts, KNOWN);
  if (opts.variable !== undefined && typeof opts.variable !== 'string') throw new TypeError(`quad: option variable = ${String(opts.variable)}: expected a symbol name such as "x"`);
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) {
    throw new RangeError(`quad: bounds a = ${String(a)}, b = ${String(b)}: expected numbers (±Infinity allowed)`);
  }
  const fn = integrandFunction(f, opts.variable, 'quad');
  return integrateFunction(fn, a, b, tol, relTol, maxEvaluations);
}

/** The adaptive integration of a JS function (checked options), shared with quad2d. */
export function integrateFunction(fn: (x: number) => number, a: number, b: number, tol: number, relTol: number, maxEvaluations: number): QuadResult {
  if (a === b) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true, reason: 'converged' };
  if (a > b) {
    const r = integrateFunction(fn, b, a, tol, relTol, maxEvaluations);
    return { ...r, value: -r.value };
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    const split = splitAtPeak(fn, a, b, tol, relTol, maxEvaluations);
    if (split !== undefined) return split;
  }
  const { g, ta, tb, x } = finiteForm(fn, a, b);
  return adapt(g, ta, tb, tol, relTol, maxEvaluations, x).result;
}

/** Probe points for an infinite interval: 0 and ±{1, 1.5, 2, 3, 5, 7}·10^k for k = −2 … 6. */
const PROBES = (() => {
  const out = [0];
  for (let k = -2; k <= 6; k++) for (const m of [1, 1.5, 2, 3, 5, 7]) out.push(m * 10 ** k, -m * 10 ** k);
  return out;
})();

/**
 * On an infinite interval the mapped rule samples the real line sparsely far from 0, so a
 * peak there (a Gaussian centred at 155 with σ = 6) can fall between the first 15 nodes and
 * look like 0. Probing a geometric grid first and splitting the interval at the largest
 * value puts a node on the peak's side of every piece. (A narrow enough feature can still
 * hide between probes: the error estimate is an estimate.)
 */
function splitAtPeak(fn: (x: number) => number, a: number, b: number, tol: number, relTol: number, maxEvaluations: number): QuadResult | undefined {
  let best = 0;
  let at: number | undefined;
  let probes = 0;
  for (const p of PROBES) {
    if (!(p > a && p < b)) continue;
    probes++;
    const v = Math.abs(fn(p));
    if (Number.isFinite(v) && v > best) {
      best = v;
      at = p;
    }
  }
  // A peak within a few units of 0 (or of a finite end) is found by the map as it is.
  if (at === undefined || Math.abs(at) <= 2 || (Number.isFinite(a) && at - a <= 2) || (Number.isFinite(b) && b - at <= 2)) return undefined;
  const budget = Math.max(15, Math.floor((maxEvaluations - probes) / 2));
  const left = integrateFunction(fn, a, at, tol / 2, relTol, budget);
  const right = integrateFunction(fn, at, b, tol / 2, relTol, Math.max(15, maxEvaluations - probes - left.evaluations));
  const value = left.value + right.value;
  const error = left.error + right.error;
  const converged = left.converged && right.converged;
  const reason = converged ? 'converged' : !left.converged ? left.reason : right.reason;
  return { value, error, evaluations: probes + left.evaluations + right.evaluations, intervals: left.intervals + right.intervals, converged, reason };
}

/** The checked options of quad and quad2d. */
export function quadOptions(where: string, opts: QuadOptions, known: readonly string[]): { tol: number; relTol: number; maxEvaluations: number } {
  rejectUnknownOptions(where, opts, known);
  const tol = checkNumber(where, 'tol', opts.tol, 0) ?? 1e-10;
  const relTol = checkNumber(where, 'relTol', opts.relTol, 0) ?? 1e-10;
  const maxEvaluations = checkNumber(where, 'maxEvaluations', opts.maxEvaluations, 15) ?? 50_000;
  if (tol === 0 && relTol === 0) throw new RangeError(`${where}: options tol and relTol are both 0: no estimate can meet that; give a positive tolerance`);
  return { tol, relTol, maxEvaluations };
}

/** The adaptive loop on a finite interval; also returns the final subdivision. */
export function adapt(g: (t: number) => number, ta: number, tb: number, tol: number, relTol: number, maxEvaluations: number, toX: (t: number) => number): { result: QuadResult; pieces: readonly KronrodEstimate[] } {
  const run = adaptLoop(g, ta, tb, tol, relTol, maxEvaluations, toX);
  return { result: run.result, pieces: run.heap.all() };
}

function adaptLoop(g: (t: number) => number, ta: number, tb: number, tol: number, relTol: number, maxEvaluations: number, toX: (t: number) => number): { result: QuadResult; heap: Intervals } {
  const heap = new Intervals();
  let evaluations = 15;
  const first = kronrod15(g, ta, tb);
  const notFinite = (e: KronrodEstimate): { result: QuadResult; heap: Intervals } => ({
    result: {
      value: NaN, error: Infinity, evaluations, intervals: heap.size + 1, converged: false,
      reason: `the integrand is not a finite number at x = ${toX(e.bad as number)}`,
    },
    heap,
  });
  if (first.bad !== undefined) return notFinite(first);
  heap.push(first);
  let value = first.value;
  let error = first.error;
  const target = (): number => Math.max(tol, relTol * Math.abs(value));
  while (error > target()) {
    if (evaluations + 30 > maxEvaluations) {
      return finish(heap, evaluations, false, `the evaluation budget of ${maxEvaluations} ran out with error estimate ${error.toExponential(2)} > ${target().toExponential(2)}; the worst interval is near x = ${toX(worst(heap))}`);
    }
    const top = heap.pop();
    const mid = 0.5 * (top.a + top.b);
    // No more room between the nodes: a singularity, a jump or noise at the level of rounding.
    if (Math.abs(top.b - top.a) <= 4 * EPS * Math.max(Math.abs(mid), TINY) * 15) {
      heap.push(top);
      return finish(heap, evaluations, false, `the interval around x = ${toX(mid)} cannot be subdivided further (a singularity or a discontinuity there?) with error estimate ${error.toExponential(2)} > ${target().toExponential(2)}`);
    }
    const left = kronrod15(g, top.a, mid);
    const right = kronrod15(g, mid, top.b);
    evaluations += 30;
    if (left.bad !== undefined) return notFinite(left);
    if (right.bad !== undefined) return notFinite(right);
    heap.push(left);
    heap.push(right);
    // Recompute the totals from scratch now and then, so that rounding in the running sums cannot drift.
    value += left.value + right.value - top.value;
    error += left.error + right.error - top.error;
    if (heap.size % 64 === 0) ({ value, error } = totals(heap));
  }
  return finish(heap, evaluations, true, 'converged');
}

function totals(heap: Intervals): { value: number; error: number } {
  let value = 0;
  let error = 0;
  // Smallest first: a sum in increasing size loses the least to rounding.
  const items = [...heap.all()].sort((p, q) => Math.abs(p.value) - Math.abs(q.value));
  for (const e of items) value += e.value;
  for (const e of heap.all()) error += e.error;
  return { value, error };
}

function worst(heap: Intervals): number {
  let w: KronrodEstimate | undefined;
  for (const e of heap.all()) if (w === undefined || e.error > w.error) w = e;
  return w === undefined ? NaN : 0.5 * (w.a + w.b);
}

function finish(heap: Intervals, evaluations: number, converged: boolean, reason: string): { result: QuadResult; heap: Intervals } {
  const { value, error } = totals(heap);
  return { result: { value, error, evaluations, intervals: heap.size, converged, reason }, heap };
}
