import { canonical, float, int, isZero, MINUS_ONE, rational, sym, ZERO } from './build.js';
import { compile } from './compile.js';
import { checkVariable, differentiate, guardStack } from './derivative.js';
import { Add, type AnyNode, type Expr } from './expr.js';
import { evaluateNode, scopeLookup } from './evaluate.js';
import { toNode } from './parse.js';
import { fractionOf } from './rational.js';
import { simplifyNode, substituteNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/** Options of {@link taylor}. */
export interface TaylorOptions {
  /** The expansion point: a number (one variable) or `{ x: 0, y: 1 }`. */
  about: number | Readonly<Record<string, number>>;
  /** Highest total degree kept, ≥ 0. */
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
   * segment (so it is a bound up to sampling, not a certified one).
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

/** An exact number for the expansion point when the double is a simple fraction. */
function exactNumber(v: number): AnyNode {
  const f = fractionOf(v, 10_000);
  return f === undefined ? float(v) : rational(f[0], f[1]);
}

/** All multi-indices of n variables with total degree exactly k, in lexicographic order. */
function multiIndices(n: number, k: number): number[][] {
  if (n === 1) return [[k]];
  const out: number[][] = [];
  for (let first = k; first >= 0; first--) for (const rest of multiIndices(n - 1, k - first)) out.push([first, ...rest]);
  return out;
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/**
 * The Taylor polynomial of f about a point, in one or several variables, to any order:
 * f(a + Δ) ≈ Σ_{|k| ≤ n} ∂^k f(a) Δ^k / k!, with exact coefficients where possible and the
 * next-term and (sampled) Lagrange error estimates.
 *
 * @example
 * ```ts
 * const t = taylor('exp(x)', { about: 0, order: 3 });
 * t.terms.map((term) => term.coefficient.toString()); // ['1', '1', '1/2', '1/6']
 * t.remainder(1).lagrangeBound;                         // e/4! ≈ 0.1133
 * ```
 */
export function taylor(expr: Expr | string, opts: TaylorOptions): TaylorResult {
  const { order } = opts;
  if (!Number.isInteger(order) || order < 0) throw new RangeError(`taylor: opts.order = ${String(order)}: expected an integer ≥ 0`);
  const node = simplifyNode(toNode(expr, 'taylor'));
  let about: Record<string, number>;
  if (typeof opts.about === 'number') {
    const free = collectSymbols(node);
    const variable = opts.variable ?? (free.length <= 1 ? (free[0] ?? 'x') : undefined);
    if (variable === undefined) {
      throw new RangeError(`taylor: the expression has symbols ${free.join(', ')}: expected opts.variable or opts.about as a record`);
    }
    about = { [checkVariable(variable, 'taylor')]: opts.about };
  } else {
    about = { ...opts.about };
  }
  const variables = Object.keys(about).map((v) => checkVariable(v, 'taylor'));
  for (const v of variables) {
    if (!Number.isFinite(about[v])) throw new RangeError(`taylor: opts.about.${v} = ${String(about[v])}: expected a finite number`);
  }
  const point = new Map(variables.map((v) => [v, exactNumber(about[v] as number)]));
  const pointValue = (name: string): number => {
    if (Object.hasOwn(about, name)) return about[name] as number;
    if (name === 'pi') return Math.PI;
    if (name === 'e') return Math.E;
    // A coefficient that depends on other symbols has no single float value.
    return NaN;
  };

  // ∂^k f for every multi-index up to order + 1, each from its parent by one more derivative.
  const derivatives = new Map<string, AnyNode>([[variables.map(() => 0).join(','), node]]);
  const derivativeAt = (k: readonly number[]): AnyNode => {
    const key = k.join(',');
    const hit = derivatives.get(key);
    if (hit !== undefined) return hit;
    const i = k.findLastIndex((p) => p > 0);
    const parent = k.map((p, j) => (j === i ? p - 1 : p));
    const d = differentiate(derivativeAt(parent), variables[i] as string, canonical);
    derivatives.set(key, d);
    return d;
  };

  const makeTerm = (k: readonly number[]): TaylorTerm => {
    const denominator = k.reduce((p, kj) => p * factorial(kj), 1);
    const coefficient = canonical.mul([substituteNode(derivativeAt(k), point), rational(1, denominator)]);
    return {
      powers: Object.fromEntries(variables.map((v, j) => [v, k[j] as number])),
      coefficient,
      value: evaluateNode(coefficient, pointValue),
    };
  };

  return guardStack('taylor', () => {
    const terms: TaylorTerm[] = [];
    for (let degree = 0; degree <= order; degree++) for (const k of multiIndices(variables.length, degree)) terms.push(makeTerm(k));
    const nextIndices = multiIndices(variables.length, order + 1);
    const nextTerms = nextIndices.map(makeTerm);

    const displacement = (v: string): AnyNode => canonical.add([sym(v), canonical.mul([MINUS_ONE, point.get(v) as AnyNode])]);
    // Distinct monomials need no collecting; keep them lowest degree first, as the course writes series.
    const monomials = terms
      .filter((t) => !isZero(t.coefficient as AnyNode))
      .map((t) => canonical.mul([t.coefficient as AnyNode, ...variables.map((v) => canonical.pow(displacement(v), int(t.powers[v] as number)))]));
    const polynomial = monomials.length === 0 ? ZERO : monomials.length === 1 ? (monomials[0] as AnyNode) : new Add(monomials);

    const toPoint = (at: number | Readonly<Record<string, number>>): number[] => {
      if (typeof at === 'number') {
        if (variables.length !== 1) throw new RangeError(`taylor: a number was given for a series in ${variables.join(', ')}: expected a record`);
        return [at];
      }
      return variables.map((v) => {
        const x = at[v];
        if (typeof x !== 'number') throw new RangeError(`taylor: no value for "${v}" in the evaluation point: expected a number`);
        return x;
      });
    };
    const deltaPower = (k: readonly number[], delta: readonly number[]): number => k.reduce((p, kj, j) => p * (delta[j] as number) ** kj, 1);
    const valueAt = (at: number | Readonly<Record<string, number>>): number => {
      const scope = typeof at === 'number' ? { [variables[0] as string]: toPoint(at)[0] as number } : at;
      return evaluateNode(polynomial, scopeLookup(scope, 'taylor(...).evaluate'));
    };
    let nextCompiled: ((values: ArrayLike<number>) => Float64Array) | undefined;

    return {
      polynomial,
      variables,
      about,
      order,
      terms,
      nextTerms,
      evaluate: valueAt,
      remainder(at, remainderOpts = {}) {
        const samples = remainderOpts.samples ?? 200;
        if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`taylor: remainder samples = ${samples}: expected an integer ≥ 1`);
        const x = toPoint(at);
        const a = variables.map((v) => about[v] as number);
        const delta = x.map((xi, j) => xi - (a[j] as number));
        const weights = nextIndices.map((k) => deltaPower(k, delta) / k.reduce((p, kj) => p * factorial(kj), 1));
        const nextTerm = nextTerms.reduce((s, t, i) => s + t.value * deltaPower(nextIndices[i] as number[], delta), 0);
        const others = collectSymbols(node).filter((s) => !variables.includes(s));
        if (others.length > 0) throw new RangeError(`taylor: remainder needs values for ${others.join(', ')}: expected them in opts.about`);
        nextCompiled ??= compile(nextIndices.map(derivativeAt), variables);
        let bound = 0;
        for (let s = 0; s <= samples; s++) {
          const t = s / samples;
          const values = nextCompiled(a.map((ai, j) => ai + t * (delta[j] as number)));
          let r = 0;
          weights.forEach((w, i) => {
            r += (values[i] as number) * w;
          });
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
  });
}
