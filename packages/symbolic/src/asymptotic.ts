import { constantsOnly, evaluateDefined } from './evaluate.js';
import type { AnyNode } from './expr.js';
import { functionSpec } from './functions.js';
import { MAX_EXTRA, rootOrders } from './limit.js';
import { int, isExactZero, MINUS_ONE, ONE, rational, ZERO } from './nodes.js';
import { Expander, expandTo, type Series, SeriesAlgebra } from './series.js';
import { SeriesFailure, symbolicConstant, symbolicRing } from './series-rings.js';
import { fractionOf } from './rational.js';
import { canonical } from './simplify.js';
import { collectSymbols } from './symbols.js';

/**
 * One-sided limits for improper integrals, where the series engine alone stops: an
 * antiderivative's log, exp and arctangent terms at an infinite bound or a singular endpoint
 * (x·log(x) as x → 0⁺, (x + 1)·exp(−x) and atan(x) as x → ∞). Every subexpression the series
 * engine can expand gets its leading term c·s^α from it (s = |x − a| → 0⁺, or s = 1/|x| at
 * infinity), exactly, cancellations included; log, exp and the bounded functions at infinity
 * are combined on top by their growth:
 *
 *   value ~ c · s^α · L^β · exp(k · s^(−m)),  L = log(1/s) → +∞.
 *
 * Exponentials dominate powers, powers dominate logs. Wherever the leading terms of a sum
 * cancel outside the series engine, or a sign is unknown, it says undecidable rather than guess.
 */

/** Why a limit could not be decided (carried to the caller, which names the integral). */
export class Undecidable extends Error {}

/** The approach: x → point from one side (point an exact constant), or x → ±∞. */
export type Approach = { readonly at: AnyNode; readonly side: 1 | -1 } | { readonly at: 'infinity'; readonly side: 1 | -1 };

interface Form {
  /** The leading coefficient; undefined when only a bound is known (sin(x)/x at ∞). */
  readonly c: AnyNode | undefined;
  readonly alpha: number;
  readonly beta: number;
  /** exp(k·s^(−m)) with m > 0; k's sign decides growth or decay. */
  readonly expo?: { readonly k: number; readonly m: number };
  /** The coefficient is identically 0: the expression vanishes near the point (to every order known). */
  readonly zero?: boolean;
}

const b = canonical;
const ZERO_FORM: Form = { c: ZERO, alpha: 0, beta: 0, zero: true };
const constant = (c: AnyNode): Form => (isExactZero(c) ? ZERO_FORM : { c, alpha: 0, beta: 0 });

function numericValue(c: AnyNode): number {
  return evaluateDefined(c, constantsOnly);
}

function signOf(c: AnyNode | undefined): 1 | -1 {
  if (c === undefined) throw new Undecidable('the sign of a bounded, oscillating factor');
  if (collectSymbols(c).length > 0) throw new Undecidable(`the sign of ${c.toString()}, which depends on a parameter`);
  const v = numericValue(c);
  if (!(Math.abs(v) > 1e-300)) throw new Undecidable(`the sign of ${c.toString()}`);
  return v > 0 ? 1 : -1;
}

/** The leading term c·s^α of n from the series engine, or undefined when it cannot expand n there. */
function leadingTerm(n: AnyNode, x: string, a: Approach): Form | undefined {
  const L = rootOrders(n);
  const xs: Series<AnyNode> = a.at === 'infinity'
    ? { v: -L, c: [int(a.side)], prec: Infinity }
    : { v: 0, c: [a.at, ...new Array<AnyNode>(L - 1).fill(ZERO), int(a.side)], prec: Infinity };
  const vars = new Map([[x, xs]]);
  const approach = { positive: true, punctured: true };
  try {
    for (const want of [1, 4 * L, 12 * L]) {
      const s = expandTo(want, (N) => new Expander(new SeriesAlgebra(symbolicRing, N, approach), vars, symbolicConstant).expand(n), MAX_EXTRA);
      const A = new SeriesAlgebra(symbolicRing, want, approach);
      const end = Number.isFinite(s.prec) ? s.prec : s.v + s.c.length;
      for (let k = s.v; k < end; k++) {
        const c = A.coef(s, k);
        if (!symbolicRing.isZero(c)) return { c, alpha: k / L, beta: 0 };
      }
      // An exact series with every coefficient 0 is 0 near the point.
      if (!Number.isFinite(s.prec)) return ZERO_FORM;
    }
    return undefined;
  } catch (e) {
    if (e instanceof SeriesFailure) return undefined;
    throw e;
  }
}

/** Which of two forms is larger near the point: 1, −1, or 0 for the same order. */
function compare(p: Form, q: Form): number {
  if (p.zero) return q.zero ? 0 : -1;
  if (q.zero) return 1;
  const ep = p.expo;
  const eq = q.expo;
  const growth = (e: Form['expo']): [number, number] => (e === undefined ? [0, 0] : [Math.sign(e.k), e.m]);
  const [sp, mp] = growth(ep);
  const [sq, mq] = growth(eq);
  if (sp !== sq || mp !== mq) {
    const rank = (s: number, m: number): number => s * m;
    return rank(sp, mp) > rank(sq, mq) ? 1 : rank(sp, mp) < rank(sq, mq) ? -1 : 0;
  }
  if (ep !== undefined && eq !== undefined && ep.k !== eq.k) return Math.abs(ep.k) * Math.sign(ep.k) > Math.abs(eq.k) * Math.sign(eq.k) ? 1 : -1;
  if (p.alpha !== q.alpha) return p.alpha < q.alpha ? 1 : -1;
  if (p.beta !== q.beta) return p.beta > q.beta ? 1 : -1;
  return 0;
}

function product(p: Form, q: Form): Form {
  if (p.zero || q.zero) return ZERO_FORM;
  let expo = p.expo ?? q.expo;
  if (p.expo !== undefined && q.expo !== undefined) {
    if (p.expo.m === q.expo.m) {
      const k = p.expo.k + q.expo.k;
      if (k === 0) throw new Undecidable('exponentials whose leading growth cancels');
      expo = { k, m: p.expo.m };
    } else expo = p.expo.m > q.expo.m ? p.expo : q.expo;
  }
  const c = p.c === undefined || q.c === undefined ? undefined : b.mul([p.c, q.c]);
  return { c, alpha: p.alpha + q.alpha, beta: p.beta + q.beta, ...(expo === undefined ? {} : { expo }) };
}

/** c·log(u) terms of a sum with rational c, combined into one log of a product (valid where each is defined). */
function combineLogs(terms: readonly AnyNode[]): AnyNode[] {
  const logs: { c: AnyNode; u: AnyNode }[] = [];
  const rest: AnyNode[] = [];
  for (const t of terms) {
    const factors = t.kind === 'mul' ? t.args : [t];
    const logFactor = factors.find((f) => f.kind === 'fn' && f.name === 'log' && f.args.length === 1);
    const others = factors.filter((f) => f !== logFactor);
    const c = b.mul(others);
    if (logFactor !== undefined && logFactor.kind === 'fn' && c.kind === 'num' && c.exact && typeof c.p === 'number' && typeof c.q === 'number') {
      logs.push({ c, u: logFactor.args[0] as AnyNode });
    } else rest.push(t);
  }
  if (logs.length < 2) return [...terms];
  let den = 1;
  for (const { c } of logs) {
    const q = (c as AnyNode & { q: number }).q;
    den = (den * q) / gcd(den, q);
  }
  const inside = b.mul(logs.map(({ c, u }) => b.pow(u, int(((c as AnyNode & { p: number }).p * den) / (c as AnyNode & { q: number }).q))));
  return [...rest, b.mul([rational(1, den), b.fn('log', [inside])])];
}

function gcd(a: number, c: number): number {
  return c === 0 ? Math.abs(a) : gcd(c, a % c);
}

/** The asymptotic form of n as x approaches the point. */
function form(n: AnyNode, x: string, a: Approach, depth: number): Form {
  if (depth > 60) throw new Undecidable('the expression is nested too deeply to analyse');
  if (!collectSymbols(n).includes(x)) return constant(n);
  const series = leadingTerm(n, x, a);
  if (series !== undefined) return series;
  const sub = (m: AnyNode): Form => form(m, x, a, depth + 1);
  switch (n.kind) {
    case 'add': {
      const forms = combineLogs(n.args).map(sub);
      let best: Form = ZERO_FORM;
      let ties: Form[] = [];
      for (const f of forms) {
        const c = compare(f, best);
        if (c > 0) {
          best = f;
          ties = [f];
        } else if (c === 0 && !f.zero) ties.push(f);
      }
      if (ties.length <= 1 || best.zero) return best;
      // Same-size exponentials may differ in lower-order growth (exp(−x²)·exp(x) vs exp(−x²)): refuse.
      if (best.expo !== undefined) throw new Undecidable(`exponential terms of the same size in ${n.toString()}`);
      // Bounded oscillating terms of the same size stay bounded, with no known coefficient.
      if (ties.some((t) => t.c === undefined)) return { c: undefined, alpha: best.alpha, beta: best.beta };
      const c = b.add(ties.map((t) => t.c as AnyNode));
      if (isExactZero(c)) throw new Undecidable(`the leading terms of ${n.toString()} cancel`);
      return { ...best, c };
    }
    case 'mul':
      return n.args.map(sub).reduce(product);
    case 'pow': {
      if (collectSymbols(n.exp).includes(x)) return sub(b.fn('exp', [b.mul([n.exp, b.fn('log', [n.base])])]));
      const e = n.exp;
      if (e.kind !== 'num') throw new Undecidable(`a power with a symbolic exponent, ${n.toString()}`);
      const base = sub(n.base);
      if (base.zero) {
        if (e.value > 0) return ZERO_FORM;
        throw new Undecidable(`${n.toString()} divides by a vanishing quantity`);
      }
      if (base.c === undefined) throw new Undecidable(`a power of an oscillating quantity, ${n.toString()}`);
      const integer = e.exact && e.q === 1;
      if (!integer && signOf(base.c) < 0) throw new Undecidable(`a fractional power of a negative quantity, ${n.toString()}`);
      return {
        c: b.pow(base.c, e), alpha: base.alpha * e.value, beta: base.beta * e.value,
        ...(base.expo === undefined ? {} : { expo: { k: base.expo.k * e.value, m: base.expo.m } }),
      };
    }
    case 'fn':
      return functionForm(n, x, a, depth);
    default:
      throw new Undecidable(n.toString());
  }
}

/** Does the form tend to ±∞ (1), 0 (−1), or a finite non-zero value (0)? */
function tendency(f: Form): -1 | 0 | 1 {
  if (f.zero) return -1;
  if (f.expo !== undefined) return f.expo.k > 0 ? 1 : -1;
  if (f.alpha < 0 || (f.alpha === 0 && f.beta > 0)) return 1;
  if (f.alpha > 0 || (f.alpha === 0 && f.beta < 0)) return -1;
  return 0;
}

function functionForm(n: AnyNode & { kind: 'fn' }, x: string, a: Approach, depth: number): Form {
  const spec = functionSpec(n.name);
  if (spec === undefined || n.args.length !== 1) throw new Undecidable(`${n.name} with ${n.args.length} arguments`);
  const u = n.args[0] as AnyNode;
  const inner = form(u, x, a, depth + 1);
  const t = tendency(inner);
  switch (n.name) {
    case 'log': {
      if (inner.c !== undefined && signOf(inner.c) < 0 && !inner.zero) throw new Undecidable(`log of a negative quantity, ${n.toString()}`);
      if (inner.expo !== undefined) return { c: rational(inner.expo.k, 1), alpha: -inner.expo.m, beta: 0 };
      if (inner.zero) throw new Undecidable(`log of a vanishing quantity, ${n.toString()}`);
      if (inner.alpha !== 0) return { c: b.mul([rational(-1, 1), numberNode(inner.alpha)]), alpha: 0, beta: 1 };
      if (inner.beta !== 0) throw new Undecidable(`log of a logarithm, ${n.toString()}`);
      const c = inner.c as AnyNode;
      if (!(c.kind === 'num' && c.exact && c.value === 1)) return constant(b.fn('log', [c]));
      // log(u) with u → 1: log(u) ~ u − 1
      return form(b.add([u, MINUS_ONE]), x, a, depth + 1);
    }
    case 'exp': {
      if (t <= 0) {
        if (inner.zero || t < 0) return constant(ONE);
        return constant(b.fn('exp', [inner.c as AnyNode]));
      }
      if (inner.c === undefined) throw new Undecidable(`exp of an oscillating quantity, ${n.toString()}`);
      if (inner.expo !== undefined) throw new Undecidable(`exp of an exponential, ${n.toString()}`);
      const k = numericValue(inner.c);
      if (!Number.isFinite(k)) throw new Undecidable(`the growth of ${n.toString()}`);
      // exp(…) > 0: the coefficient 1 carries the sign through products.
      if (inner.alpha < 0 && inner.beta === 0) return { c: ONE, alpha: 0, beta: 0, expo: { k, m: -inner.alpha } };
      // exp(k·L) = s^(−k)
      if (inner.alpha === 0 && inner.beta === 1) return { c: ONE, alpha: -k, beta: 0 };
      throw new Undecidable(`the growth of ${n.toString()}`);
    }
    case 'abs': {
      if (inner.zero) return ZERO_FORM;
      if (inner.c === undefined) return { ...inner };
      return { ...inner, c: signOf(inner.c) > 0 ? inner.c : b.mul([MINUS_ONE, inner.c]) };
    }
    case 'sign':
      if (inner.zero) throw new Undecidable(`sign of a vanishing quantity, ${n.toString()}`);
      return constant(int(signOf(inner.c)));
    default:
      break;
  }
  if (t > 0) {
    // Unbounded argument: a finite limit at ±∞ from the registry, or the function by exp and log.
    const limits = spec.atInfinity?.(b);
    const side = signOf(inner.c);
    const value = limits?.[side > 0 ? 1 : 0];
    if (value !== undefined) return constant(value);
    if (spec.viaExpLog !== undefined) return form(spec.viaExpLog([u], b), x, a, depth + 1);
    if (n.name === 'sin' || n.name === 'cos') return { c: undefined, alpha: 0, beta: 0 };
    throw new Undecidable(`${n.name} of an unbounded argument, ${n.toString()}`);
  }
  if (inner.c === undefined) throw new Undecidable(`${n.name} of an oscillating quantity`);
  // A bounded argument tending to a limit c: f is continuous there when it is defined at c.
  const c = t < 0 ? ZERO : inner.c;
  const v = numericValue(c);
  if (spec.defined !== undefined && !(Number.isFinite(v) && spec.defined(v))) throw new Undecidable(`${n.name} at the edge of its domain, ${n.toString()}`);
  if (spec.viaExpLog !== undefined && t === 0) return constant(b.fn(n.name, [c]));
  const value = b.fn(n.name, [c]);
  if (isExactZero(value)) throw new Undecidable(`${n.toString()} tends to 0 at a rate this analysis does not track`);
  return constant(value);
}

function numberNode(v: number): AnyNode {
  const f = fractionOf(v, 1000);
  if (f === undefined) throw new Undecidable(`the exponent ${v}`);
  return rational(f[0], f[1]);
}

/** The result: a finite exact value, or ±Infinity. */
export type OneSided = { readonly kind: 'finite'; readonly value: AnyNode } | { readonly kind: 'infinite'; readonly sign: 1 | -1 };

/**
 * The limit of n as x approaches the point from one side, or an Undecidable error saying
 * what stopped it.
 */
export function oneSidedLimit(n: AnyNode, x: string, a: Approach): OneSided {
  const f = form(n, x, a, 0);
  const t = tendency(f);
  if (t < 0) return { kind: 'finite', value: ZERO };
  if (t > 0) {
    const sign = f.c === undefined ? undefined : signOf(f.c);
    if (sign === undefined) throw new Undecidable(`the sign of the unbounded ${n.toString()}`);
    return { kind: 'infinite', sign };
  }
  if (f.c === undefined) throw new Undecidable(`${n.toString()} oscillates and has no limit`);
  return { kind: 'finite', value: f.c };
}

