import { checkVariable, guardStack } from './derivative.js';
import { evaluateNode, scopeLookup } from './evaluate.js';
import { Add, type AnyNode, type Expr } from './expr.js';
import { int, isZero, MINUS_ONE, ONE, sym, ZERO } from './nodes.js';
import { rejectUnknownOptions } from './options.js';
import { excerpt, toNode } from './parse.js';
import { exactPoint, Expander, expandTo, type Series, SeriesAlgebra, seriesError } from './series.js';
import { floatConstant, floatRing, type Poly, polyRing, SeriesFailure, symbolicConstant, symbolicRing } from './series-rings.js';
import { canonical, simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/** Options of {@link taylor}. */
export interface TaylorOptions {
  /** The expansion point: a number (one variable) or `{ x: 0, y: 1 }`. */
  about: number | Readonly<Record<string, number>>;
  /** Highest total degree kept, 0 ≤ order ≤ 200. */
  order: number;
  /** The variable when `about` is a number and the expression has other symbols. */
  variable?: string;
}

/** One term c·Π(vᵢ − aᵢ)^kᵢ of the series. */
export interface TaylorTerm {
  /** Exponent kᵢ of each variable's displacement. */
  powers: Readonly<Record<string, number>>;
  /** c = ∂^k f(a) / (k₁!…kₙ!), exact where the point and f allow it. */
  coefficient: Expr;
  /** The coefficient as a float (NaN when it depends on symbols other than the series' variables). */
  value: number;
}

/** How far the truncated series may be from f at a point. */
export interface TaylorRemainder {
  /** The first omitted term (degree order + 1) at the point: the usual error estimate. */
  nextTerm: number;
  /**
   * Lagrange form max |R| = max over ξ on the segment from `about` to the point of
   * |Σ_{|k|=n+1} ∂^k f(ξ) Δ^k / k!|, with the maximum taken over `samples` points of the
   * segment (so it is a bound up to sampling, not a certified one). Infinity when f has no
   * series somewhere on the segment (a singularity).
   */
  lagrangeBound: number;
  /** |f(point) − polynomial(point)|, the true error, for comparison. */
  actual: number;
}

/** A truncated Taylor series and the tools to judge it. */
export interface TaylorResult {
  /** Σ of the terms as one expression. */
  readonly polynomial: Expr;
  readonly variables: readonly string[];
  readonly about: Readonly<Record<string, number>>;
  readonly order: number;
  /** Terms of degree 0…order, lowest degree first (zero coefficients included). */
  readonly terms: readonly TaylorTerm[];
  /** Terms of degree order + 1, used by the error estimates. */
  readonly nextTerms: readonly TaylorTerm[];
  /** The polynomial's value at a point (a record may also give values of other symbols). */
  evaluate(at: number | Readonly<Record<string, number>>): number;
  /** Error estimates at a point. */
  remainder(at: number | Readonly<Record<string, number>>, opts?: { samples?: number }): TaylorRemainder;
}

/** Highest order accepted: beyond it coefficients underflow float64 and the work grows as order². */
export const MAX_ORDER = 200;
/** Most monomials (all degrees up to order + 1) a multivariate series may have. */
export const MAX_TERMS = 20_000;
/** How many extra terms a cancellation may use up before the expansion gives up. */
const MAX_EXTRA = 64;

/** All multi-indices of n variables with total degree exactly k, in lexicographic order. */
function multiIndices(n: number, k: number): number[][] {
  if (n === 1) return [[k]];
  const out: number[][] = [];
  for (let first = k; first >= 0; first--) for (const rest of multiIndices(n - 1, k - first)) out.push([first, ...rest]);
  return out;
}

/** C(n + k, n): how many monomials of n variables have degree ≤ k. */
function monomialCount(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= n; i++) c = (c * (k + i)) / i;
  return Math.round(c);
}


function describeValue(v: unknown): string {
  return typeof v === 'string' ? `the string ${JSON.stringify(v)}` : v == null ? String(v) : Array.isArray(v) ? 'an array' : typeof v;
}

function readAbout(node: AnyNode, opts: TaylorOptions): Record<string, number> {
  const { about, variable } = opts as { about: unknown; variable: unknown };
  if (variable !== undefined && typeof variable !== 'string') throw new TypeError(`taylor: opts.variable is ${describeValue(variable)}: expected a variable name such as "x"`);
  if (typeof about === 'number') {
    if (!Number.isFinite(about)) throw new RangeError(`taylor: opts.about = ${about}: expected a finite number`);
    const free = collectSymbols(node);
    const v = variable ?? (free.length <= 1 ? (free[0] ?? 'x') : undefined);
    if (v === undefined) throw new RangeError(`taylor: the expression has symbols ${free.join(', ')}: expected opts.variable (the one to expand in) or opts.about as a record such as { x: 0 }`);
    return { [checkVariable(v, 'taylor')]: about };
  }
  if (about == null || typeof about !== 'object' || Array.isArray(about)) {
    throw new TypeError(`taylor: opts.about is ${describeValue(about)}: expected a number or a record of numbers such as { x: 0, y: 1 }`);
  }
  if (variable !== undefined) throw new TypeError('taylor: opts.variable is only for a numeric about; with a record the record names the variables');
  const record = about as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) throw new RangeError('taylor: opts.about is an empty record: expected at least one variable, such as { x: 0 }');
  const out: Record<string, number> = {};
  for (const k of keys) {
    checkVariable(k, 'taylor');
    const v = record[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`taylor: opts.about.${k} is ${typeof v === 'number' ? v : describeValue(v)}: expected a finite number`);
    out[k] = v;
  }
  return out;
}

/**
 * The Taylor polynomial of f about a point, in one or several variables, to any order up to
 * 200, computed by power-series arithmetic (sums, products, quotients and the series of
 * exp, log, sin, … composed), not by repeated differentiation: coefficients are exact
 * rationals where the input is exact, and a removable singularity is filled in
 * (sin(x)/x about 0 is 1 − x²/6 + …). A pole, branch point or kink at the point is a
 * {@link SeriesError} naming the point and why. The result carries the next-term and
 * (sampled) Lagrange error estimates.
 *
 * @throws {SeriesError} when f has no Taylor series at the point.
 * @example
 * ```ts
 * const t = taylor('exp(x)', { about: 0, order: 3 });
 * t.terms.map((term) => term.coefficient.toString()); // ['1', '1', '1/2', '1/6']
 * t.remainder(1).lagrangeBound;                         // e/4! ≈ 0.1133
 * ```
 */
export function taylor(expr: Expr | string, opts: TaylorOptions): TaylorResult {
  if (opts === undefined) throw new TypeError('taylor(expr, opts): expected options { about, order }');
  rejectUnknownOptions('taylor', opts, ['about', 'order', 'variable']);
  const { order } = opts;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 0) throw new RangeError(`taylor: opts.order = ${String(order)}: expected an integer ≥ 0`);
  if (order > MAX_ORDER) throw new RangeError(`taylor: opts.order = ${order} is too large: expected at most ${MAX_ORDER}`);
  const node = simplifyNode(toNode(expr, 'taylor'));
  const about = readAbout(node, opts);
  const variables = Object.keys(about);
  const n = variables.length;
  if (monomialCount(n, order + 1) > MAX_TERMS) {
    throw new RangeError(`taylor: ${n} variables to order ${order} make ${monomialCount(n, order + 1)} terms: expected at most ${MAX_TERMS} (lower the order or fix some variables)`);
  }
  const point = variables.map((v) => exactPoint(about[v] as number));
  const pointText = n === 1 ? `${variables[0]} = ${about[variables[0] as string]}` : `(${variables.join(', ')}) = (${variables.map((v) => about[v]).join(', ')})`;
  const want = order + 2;
  const approach = { positive: false, punctured: false };

  // Coefficient of Π d_i^k_i (the Taylor coefficient of the monomial with powers k).
  let coefficientOf: (k: readonly number[]) => AnyNode;
  try {
    coefficientOf = guardStack('taylor', () => {
      if (n === 1) {
        const x: Series<AnyNode> = { v: 0, c: [point[0] as AnyNode, ONE], prec: Infinity };
        const vars = new Map([[variables[0] as string, x]]);
        const s = expandTo(want, (N) => new Expander(new SeriesAlgebra(symbolicRing, N, approach), vars, symbolicConstant).expand(node), MAX_EXTRA);
        const A = new SeriesAlgebra(symbolicRing, want, approach);
        for (let k = s.v; k < 0; k++) if (!symbolicRing.isZero(A.coef(s, k))) throw new SeriesFailure('pole', `it is unbounded near ${pointText}`);
        return (k) => A.coef(s, k[0] as number);
      }
      const ring = polyRing(symbolicRing, n);
      const direction = (i: number): Poly<AnyNode> => {
        const e = variables.map((_, j) => (j === i ? 1 : 0));
        return new Map([[e.join(','), { e, c: ONE }]]);
      };
      const vars = new Map(variables.map((v, i) => [v, { v: 0, c: [constantPoly(point[i] as AnyNode, n), direction(i)], prec: Infinity } as Series<Poly<AnyNode>>]));
      const s = expandTo(want, (N) => new Expander(new SeriesAlgebra(ring, N, approach), vars, (c) => constantPoly(symbolicConstant(c), n)).expand(node), MAX_EXTRA);
      const A = new SeriesAlgebra(ring, want, approach);
      for (let k = s.v; k < 0; k++) if (!ring.isZero(A.coef(s, k))) throw new SeriesFailure('pole', `it is unbounded near ${pointText}`);
      // A term with a negative power of a direction (x/y near (0, 0)) is unbounded along some paths.
      for (let k = 0; k < want; k++) {
        for (const m of A.coef(s, k).values()) {
          if (m.e.some((p) => p < 0) && !symbolicRing.isZero(m.c)) throw new SeriesFailure('pole', `it is unbounded along some paths into ${pointText}`);
        }
      }
      return (k) => {
        const degree = k.reduce((a, b) => a + b, 0);
        return A.coef(s, degree).get(k.join(','))?.c ?? ZERO;
      };
    });
  } catch (e) {
    if (e instanceof SeriesFailure) {
      if (e.at === undefined) e.at = node;
      throw seriesError('taylor', `no Taylor series of ${excerpt(node.toString(), 0)}`, pointText, e);
    }
    throw e;
  }

  const pointValue = (name: string): number => {
    if (Object.hasOwn(about, name)) return about[name] as number;
    if (name === 'pi') return Math.PI;
    if (name === 'e') return Math.E;
    // A coefficient that depends on other symbols has no single float value.
    return NaN;
  };
  const makeTerm = (k: readonly number[]): TaylorTerm => {
    const coefficient = coefficientOf(k);
    return {
      powers: Object.fromEntries(variables.map((v, j) => [v, k[j] as number])),
      coefficient,
      value: evaluateNode(coefficient, pointValue),
    };
  };
  const terms: TaylorTerm[] = [];
  for (let degree = 0; degree <= order; degree++) for (const k of multiIndices(n, degree)) terms.push(makeTerm(k));
  const nextIndices = multiIndices(n, order + 1);
  const nextTerms = nextIndices.map(makeTerm);

  const displacement = (i: number): AnyNode => canonical.add([sym(variables[i] as string), canonical.mul([MINUS_ONE, point[i] as AnyNode])]);
  // Distinct monomials need no collecting; keep them lowest degree first, as the course writes series.
  const monomials = terms
    .filter((t) => !isZero(t.coefficient as AnyNode))
    .map((t) => canonical.mul([t.coefficient as AnyNode, ...variables.map((v, i) => canonical.pow(displacement(i), int(t.powers[v] as number)))]));
  const polynomial = monomials.length === 0 ? ZERO : monomials.length === 1 ? (monomials[0] as AnyNode) : new Add(monomials);

  const toPoint = (at: unknown, where: string): number[] => {
    if (typeof at === 'number') {
      if (n !== 1) throw new TypeError(`${where}: a number was given for a series in ${variables.join(', ')}: expected a record such as { ${variables.map((v) => `${v}: 0`).join(', ')} }`);
      return [at];
    }
    if (at == null || typeof at !== 'object' || Array.isArray(at)) {
      throw new TypeError(`${where}: expected a number or a record of numbers such as { ${variables.map((v) => `${v}: 1`).join(', ')} }, got ${describeValue(at)}`);
    }
    return variables.map((v) => {
      const x = (at as Record<string, unknown>)[v];
      if (typeof x !== 'number') throw new TypeError(`${where}: no number for "${v}" in the point (got ${describeValue(x)}): expected a number`);
      return x;
    });
  };
  const deltaPower = (k: readonly number[], delta: readonly number[]): number => k.reduce((p, kj, j) => p * (delta[j] as number) ** kj, 1);
  const valueAt = (at: number | Readonly<Record<string, number>>): number => {
    const x = toPoint(at, 'taylor(...).evaluate(at)');
    const scope = typeof at === 'number' ? { [variables[0] as string]: x[0] as number } : at;
    return evaluateNode(polynomial, scopeLookup(scope, 'taylor(...).evaluate(at)'));
  };

  /** The degree order + 1 part of f's series at ξ in direction Δ: Σ_{|k|=n+1} ∂^k f(ξ) Δ^k / k!. */
  const nextDegreeAt = (xi: readonly number[], delta: readonly number[]): number => {
    const vars = new Map(variables.map((v, i) => [v, { v: 0, c: [xi[i] as number, delta[i] as number], prec: Infinity } as Series<number>]));
    try {
      const s = expandTo(want, (N) => new Expander(new SeriesAlgebra(floatRing, N, approach), vars, floatConstant).expand(node), MAX_EXTRA);
      for (let k = s.v; k < 0; k++) if ((s.c[k - s.v] ?? 0) !== 0) return Infinity;
      return s.c[order + 1 - s.v] ?? 0;
    } catch (e) {
      if (e instanceof SeriesFailure) return Infinity;
      throw e;
    }
  };

  return {
    polynomial,
    variables,
    about,
    order,
    terms,
    nextTerms,
    evaluate: valueAt,
    remainder(at, remainderOpts = {}) {
      rejectUnknownOptions('taylor(...).remainder', remainderOpts, ['samples']);
      const samples = remainderOpts.samples ?? 200;
      if (!Number.isInteger(samples) || samples < 1 || samples > 1_000_000) throw new RangeError(`taylor(...).remainder: opts.samples = ${samples}: expected an integer from 1 to 1000000`);
      const x = toPoint(at, 'taylor(...).remainder(at)');
      const others = collectSymbols(node).filter((s) => !variables.includes(s));
      if (others.length > 0) throw new RangeError(`taylor(...).remainder: needs values for ${others.join(', ')}: expected them in opts.about`);
      const a = variables.map((v) => about[v] as number);
      const delta = x.map((xi, j) => xi - (a[j] as number));
      const nextTerm = nextTerms.reduce((s, t, i) => s + t.value * deltaPower(nextIndices[i] as number[], delta), 0);
      let bound = 0;
      for (let s = 0; s <= samples; s++) {
        const t = s / samples;
        const r = nextDegreeAt(a.map((ai, j) => ai + t * (delta[j] as number)), delta);
        // A singularity on the segment means no finite bound exists.
        bound = Number.isFinite(r) ? Math.max(bound, Math.abs(r)) : Infinity;
      }
      const f = evaluateNode(node, (name) => {
        const j = variables.indexOf(name);
        return j >= 0 ? (x[j] as number) : pointValue(name);
      });
      return { nextTerm, lagrangeBound: bound, actual: Math.abs(f - valueAt(at)) };
    },
  };
}

/** A constant as a degree-0 polynomial in n direction variables. */
function constantPoly(c: AnyNode, n: number): Poly<AnyNode> {
  if (isZero(c) && c.kind === 'num' && c.exact) return new Map();
  const e = new Array<number>(n).fill(0);
  return new Map([[e.join(','), { e, c }]]);
}
