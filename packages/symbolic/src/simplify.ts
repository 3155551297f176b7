import { isNonNegative, isPositive } from './bounds.js';
import { type Condition, conditionText, holds, isEverywhereDefined, isUndefinedConstant, join, type Need, needOf, weaker } from './domain.js';
import { constantsOnly, evaluateDefined } from './evaluate.js';
import { Add, type AnyNode, equal, type Expr, Fn, Mul, Num, Pow } from './expr.js';
import { functionSpec, type SimplifyContext } from './functions.js';
import {
  addNums, type Builder, float, fracOf, int, isExactZero, isInteger, isOne, isRational, mulNums, ONE, rational, ZERO,
} from './nodes.js';
import { toNode } from './parse.js';
import { integerRoot, isEvenInt, mulInt, powFraction } from './rational.js';
import { collectSymbols } from './symbols.js';

/** Split a canonical term into its numeric coefficient and the rest (c·rest). */
export function splitCoefficient(t: AnyNode): [Num, AnyNode] {
  if (t.kind === 'num') return [t, ONE];
  if (t.kind === 'mul' && t.args[0]?.kind === 'num') {
    const rest = t.args.length === 2 ? (t.args[1] as AnyNode) : new Mul(t.args.slice(1));
    return [t.args[0], rest];
  }
  return [ONE, t];
}

function withCoefficient(c: Num, rest: AnyNode): AnyNode {
  if (c.value === 1 && c.exact) return rest;
  if (rest.kind === 'num') return mulNums(c, rest);
  if (rest.kind === 'mul') return new Mul([c, ...rest.args]);
  return new Mul([c, rest]);
}

// ---- canonical ordering: numbers, symbols (alphabetical), powers and products, sums, functions; stable by hash.

const RANK: Record<AnyNode['kind'], number> = { num: 0, sym: 1, pow: 2, mul: 2, add: 3, fn: 4 };

function baseOf(n: AnyNode): AnyNode {
  return n.kind === 'pow' ? n.base : n;
}

function compareNodes(a: AnyNode, b: AnyNode): number {
  if (a === b) return 0;
  const r = RANK[a.kind] - RANK[b.kind];
  if (r !== 0) return r;
  if (a.kind === 'sym' && b.kind === 'sym') return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  if (a.kind === 'num' && b.kind === 'num') return a.value - b.value;
  if (a.kind === 'fn' && b.kind === 'fn' && a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.hash - b.hash;
}

export function compareFactors(a: AnyNode, b: AnyNode): number {
  const c = compareNodes(baseOf(a), baseOf(b));
  if (c !== 0) return c;
  const ea = a.kind === 'pow' ? a.exp : ONE;
  const eb = b.kind === 'pow' ? b.exp : ONE;
  if (ea.kind === 'num' && eb.kind === 'num') return ea.value - eb.value;
  return ea.hash - eb.hash;
}

function degree(n: AnyNode): number {
  switch (n.kind) {
    case 'sym':
      return 1;
    case 'pow':
      return n.base.kind === 'sym' && n.exp.kind === 'num' ? n.exp.value : 0;
    case 'mul': {
      let d = 0;
      for (const f of n.args) d += degree(f);
      return d;
    }
    default:
      return 0;
  }
}

function compareTerms(a: AnyNode, b: AnyNode): number {
  if (a.kind === 'num' || b.kind === 'num') return (a.kind === 'num' ? 1 : 0) - (b.kind === 'num' ? 1 : 0);
  const ra = splitCoefficient(a)[1];
  const rb = splitCoefficient(b)[1];
  const d = degree(rb) - degree(ra);
  if (d !== 0) return d;
  const fa = ra.kind === 'mul' ? ra.args : [ra];
  const fb = rb.kind === 'mul' ? rb.args : [rb];
  const n = Math.min(fa.length, fb.length);
  for (let i = 0; i < n; i++) {
    const c = compareFactors(fa[i] as AnyNode, fb[i] as AnyNode);
    if (c !== 0) return c;
  }
  return fa.length - fb.length || ra.hash - rb.hash;
}

interface Bucket {
  rest: AnyNode;
  coeff: Num;
}

interface PowerGroup {
  base: AnyNode;
  exps: AnyNode[];
  nodes: AnyNode[];
}

/**
 * Whether base^a · base^b may become base^(a+b) on the reals. Always for a positive base;
 * for integer exponents (only the point base = 0 changes, which is recorded); with at most
 * one non-integer exponent (it decides the domain on both sides); or when all are rationals
 * whose sum still has an even denominator (both sides undefined for negative bases).
 */
function mayCombine(base: AnyNode, exps: readonly AnyNode[]): boolean {
  if (isPositive(base)) return true;
  let nonInteger = 0;
  let allRational = true;
  for (const e of exps) {
    if (!isInteger(e)) nonInteger++;
    if (!isRational(e)) allRational = false;
  }
  if (nonInteger <= 1) return true;
  if (!allRational) return false;
  let sum: Num = ZERO;
  for (const e of exps) sum = addNums(sum, e as Num);
  return sum.exact && isEvenInt(sum.q);
}

/** The exp(…) factors of a term. */
function expFactors(t: AnyNode): AnyNode[] {
  const factors = t.kind === 'mul' ? t.args : [t];
  return factors.filter((f) => f.kind === 'fn' && f.name === 'exp');
}

/**
 * The simplifier: a {@link Builder} that simplifies as it builds, so simplifying a tree is
 * rebuilding it bottom-up. Sums and products are flattened, like terms and powers collected,
 * numbers folded exactly, and identities used only where they hold for every real input
 * (sqrt(x^2) → abs(x), never x). The two domain-widening steps it takes, cancelling a common
 * factor and dropping an undefined-somewhere term, are reported to `conditions` when given.
 */
export class Simplifier implements Builder {
  private readonly context: SimplifyContext;
  constructor(private readonly conditions?: Condition[]) {
    this.context = { b: this, isPositive, isNonNegative, isEverywhereDefined };
  }

  private assume(kind: Condition['kind'], u: AnyNode): void {
    const log = this.conditions;
    if (log === undefined) return;
    // A constant condition that holds (10 ≠ 0) assumes nothing.
    if (collectSymbols(u).length === 0 && holds(kind, evaluateDefined(u, constantsOnly))) return;
    if (log.some((c) => c.kind === kind && equal(c.expr as AnyNode, u))) return;
    log.push({ kind, expr: u, text: conditionText(kind, u) });
  }

  /** Drop `u` (from a zero product or a cancelled term), recording that it had to be defined. */
  private dropping(u: AnyNode): boolean {
    if (isEverywhereDefined(u)) return true;
    if (isUndefinedConstant(u)) return false;
    this.assume('defined', u);
    return true;
  }

  add(terms: readonly AnyNode[]): AnyNode {
    let constant: Num = ZERO;
    const buckets = new Map<number, Bucket[]>();
    const order: Bucket[] = [];
    const visit = (t: AnyNode): void => {
      if (t.kind === 'add') {
        for (const s of t.args) visit(s);
        return;
      }
      if (t.kind === 'num') {
        constant = addNums(constant, t);
        return;
      }
      const [c, rest] = splitCoefficient(t);
      let list = buckets.get(rest.hash);
      if (list === undefined) {
        list = [];
        buckets.set(rest.hash, list);
      }
      for (const b of list) {
        if (equal(b.rest, rest)) {
          b.coeff = addNums(b.coeff, c);
          return;
        }
      }
      const b = { rest, coeff: c };
      list.push(b);
      order.push(b);
    };
    for (const t of terms) visit(t);
    const out: AnyNode[] = [];
    for (const b of order) {
      if (b.coeff.value !== 0) out.push(withCoefficient(b.coeff, b.rest));
      // c·u − c·u: 0 wherever u is defined; an undefined constant (log(−1) − log(−1)) stays undefined.
      else if (!this.dropping(b.rest)) out.push(new Mul([ZERO, b.rest]));
    }
    out.sort(compareTerms);
    if (constant.value !== 0 || Number.isNaN(constant.value)) out.push(constant);
    if (out.length === 0) return ZERO;
    if (out.length === 1) return out[0] as AnyNode;
    return this.gatherExp(out) ?? new Add(out);
  }

  /**
   * a·exp(u) + b·exp(u) → (a + b)·exp(u) when every term has the factor: fewer exp calls
   * to print, differentiate and compile (the Gaussian's derivatives are all like this).
   */
  private gatherExp(terms: readonly AnyNode[]): AnyNode | undefined {
    const first = terms[0] as AnyNode;
    if (first.kind !== 'mul' && first.kind !== 'fn') return undefined;
    let common = expFactors(first);
    for (let i = 1; i < terms.length && common.length > 0; i++) {
      const theirs = expFactors(terms[i] as AnyNode);
      common = common.filter((f) => theirs.some((g) => equal(f, g)));
    }
    if (common.length === 0) return undefined;
    const rests = terms.map((t) => {
      const factors = t.kind === 'mul' ? [...t.args] : [t];
      for (const f of common) factors.splice(factors.findIndex((g) => equal(g, f)), 1);
      return this.mul(factors);
    });
    return this.mul([...common, this.add(rests)]);
  }

  mul(factors: readonly AnyNode[]): AnyNode {
    let coeff: Num = ONE;
    const groups = new Map<number, PowerGroup[]>();
    const order: PowerGroup[] = [];
    const visit = (f: AnyNode): void => {
      if (f.kind === 'mul') {
        for (const g of f.args) visit(g);
        return;
      }
      if (f.kind === 'num') {
        coeff = mulNums(coeff, f);
        return;
      }
      const base = f.kind === 'pow' ? f.base : f;
      const exp = f.kind === 'pow' ? f.exp : ONE;
      let list = groups.get(base.hash);
      if (list === undefined) {
        list = [];
        groups.set(base.hash, list);
      }
      for (const g of list) {
        if (equal(g.base, base)) {
          g.exps.push(exp);
          g.nodes.push(f);
          return;
        }
      }
      const g = { base, exps: [exp], nodes: [f] };
      list.push(g);
      order.push(g);
    };
    for (const f of factors) visit(f);
    if (coeff.value === 0 && coeff.exact) {
      // 0·u = 0 wherever u is defined; 0·(1/0) stays undefined.
      const rest = order.flatMap((g) => g.nodes);
      if (rest.every((f) => this.dropping(f))) return ZERO;
      return new Mul([ZERO, ...rest]);
    }
    const out: AnyNode[] = [];
    let again = false;
    for (const g of order) {
      if (g.nodes.length === 1) {
        out.push(g.nodes[0] as AnyNode);
      } else if (mayCombine(g.base, g.exps)) {
        const sum = this.add(g.exps);
        const p = this.pow(g.base, sum);
        this.noteCombined(g, sum);
        if (p.kind === 'num' || p.kind === 'mul') again = true;
        out.push(p);
      } else {
        out.push(...g.nodes);
      }
    }
    if (this.signTimesSelf(out)) again = true;
    if (again) return this.mul(coeff.value === 1 && coeff.exact ? out : [coeff, ...out]);
    const kept = out.filter((f) => !isOne(f));
    kept.sort(compareFactors);
    if (kept.length === 0) return coeff;
    if (coeff.value === 1 && coeff.exact) return kept.length === 1 ? (kept[0] as AnyNode) : new Mul(kept);
    return new Mul([coeff, ...kept]);
  }

  /** u·sign(u) = |u| and |u|·sign(u) = u for every real u: rewrite in place, true if any. */
  private signTimesSelf(out: AnyNode[]): boolean {
    let changed = false;
    for (let i = 0; i < out.length; i++) {
      const s = out[i] as AnyNode;
      if (s.kind !== 'fn' || s.name !== 'sign') continue;
      const u = s.args[0] as AnyNode;
      const j = out.findIndex((f) => equal(f, u) || (f.kind === 'fn' && f.name === 'abs' && equal(f.args[0] as AnyNode, u)));
      if (j < 0) continue;
      out[j] = equal(out[j] as AnyNode, u) ? new Fn('abs', [u]) : u;
      out[i] = ONE;
      changed = true;
    }
    return changed;
  }

  /** Record what combining base^a·base^b into base^(a+b) assumed of the base. */
  private noteCombined(g: PowerGroup, sum: AnyNode): void {
    if (this.conditions === undefined) return;
    if (sum.kind === 'num' && g.exps.every((e) => e.kind === 'num')) {
      const before = g.exps.reduce<Need>((n, e) => join(n, needOf(e as Num)), 'none');
      if (before !== 'none' && weaker(needOf(sum), before)) this.assume(before, g.base);
      return;
    }
    // A symbolic exponent: whatever the factors needed is no longer visible.
    for (const f of g.nodes) if (!isEverywhereDefined(f)) this.assume('defined', f);
  }

  pow(base: AnyNode, exp: AnyNode): AnyNode {
    if (exp.kind === 'num') {
      if (exp.value === 0) {
        // u^0 = 1 wherever u is defined (0^0 = 1, as in JavaScript and for polynomials).
        return this.dropping(base) ? ONE : new Pow(base, exp);
      }
      if (exp.value === 1) return base;
    }
    if (base.kind === 'num') {
      if (base.value === 1 && base.exact) return this.dropping(exp) ? ONE : new Pow(base, exp);
      if (exp.kind === 'num') {
        const v = numericPow(base, exp);
        if (v !== undefined) return v;
      }
    }
    if (base.kind === 'sym' && base.name === 'e') return this.fn('exp', [exp]);
    if (exp.kind === 'num') {
      if (base.kind === 'pow') {
        const r = this.nestedPow(base, exp);
        if (r !== undefined) return r;
      }
      if (base.kind === 'mul' && isInteger(exp)) return this.mul(base.args.map((f) => this.pow(f, exp)));
      // |u|^(2k) = u^(2k) for every real u.
      if (base.kind === 'fn' && base.name === 'abs' && isInteger(exp) && isEvenInt(exp.p)) return this.pow(base.args[0] as AnyNode, exp);
      // exp(u)^c = exp(c·u) for every real c, because exp(u) > 0.
      if (base.kind === 'fn' && base.name === 'exp') return this.fn('exp', [this.mul([exp, base.args[0] as AnyNode])]);
    }
    return new Pow(base, exp);
  }

  /**
   * (b^a)^c → b^(a·c) only where that is true on the reals: b > 0, both exponents integers,
   * or c an integer and a·c still an even-denominator rational (both sides undefined for b < 0).
   * (b^(2k))^c → |b|^(2k·c), which is what keeps sqrt(x^2) = abs(x), never x. A base that had
   * to be non-zero or positive before and need not be after is recorded.
   */
  private nestedPow(inner: Pow, c: Num): AnyNode | undefined {
    const a = inner.exp;
    const b = inner.base;
    if (isPositive(b)) return this.pow(b, this.mul([a, c]));
    if (!isRational(a) || !isRational(c)) return undefined;
    // What (b^a)^c needed of b: b^a's own need, b ≠ 0 when c < 0, nothing more (b^a ≥ 0 for the cases below).
    const before = join(needOf(a), c.value < 0 ? 'nonzero' : 'none');
    let result: AnyNode | undefined;
    let after: Need | undefined;
    const ac = mulNums(a, c);
    if (isInteger(a) && isInteger(c)) {
      result = this.pow(b, int(mulInt(a.p, c.p)));
      after = needOf(ac);
    } else if (isInteger(a) && isEvenInt(a.p)) {
      result = this.pow(this.fn('abs', [b]), ac);
      // |b| ≥ 0 always, so only "non-zero" survives of what |b|^(ac) needs.
      after = needOf(ac) === 'none' || needOf(ac) === 'nonnegative' ? 'none' : 'nonzero';
    } else if (isInteger(c) && ac.exact && isEvenInt(ac.q) && isEvenInt(a.q)) {
      result = this.pow(b, ac);
      after = needOf(ac);
    }
    if (result === undefined || after === undefined) return undefined;
    if (before !== 'none' && weaker(after, before)) this.assume(before, b);
    return result;
  }

  fn(name: string, args: readonly AnyNode[]): AnyNode {
    const spec = functionSpec(name);
    if (spec !== undefined) {
      const u = args[0];
      if (spec.atZero !== undefined && args.length === 1 && u !== undefined && isExactZero(u)) return int(spec.atZero);
      const rewritten = spec.simplify?.(args, this.context);
      if (rewritten !== undefined) return rewritten;
      // Inexact arguments fold to a float; exact ones (sin(1/2)) stay exact and symbolic.
      if (args.length > 0 && args.every((a) => a.kind === 'num') && args.some((a) => !(a as Num).exact)) {
        const values = args.map((a) => (a as Num).value);
        const v = spec.real(...values);
        if (Number.isFinite(v) && (spec.defined === undefined || spec.defined(...values))) return float(v);
      }
    }
    return new Fn(name, args);
  }
}

/** The number b^e when it can be folded exactly, or as a finite float for inexact input. */
function numericPow(b: Num, e: Num): AnyNode | undefined {
  if (b.exact && e.exact) {
    if (e.q === 1) {
      const f = powFraction(fracOf(b), e.p);
      if (f !== undefined) return rational(f[0], f[1]);
      return undefined;
    }
    if (b.p >= 0 && typeof e.q === 'number') {
      const rp = integerRoot(b.p, e.q);
      const rq = integerRoot(b.q, e.q);
      if (rp !== undefined && rq !== undefined) return numericPow(rational(rp, rq) as Num, int(e.p));
    }
    return undefined;
  }
  const v = e.value === 0.5 ? Math.sqrt(b.value) : b.value ** e.value;
  return Number.isFinite(v) ? float(v) : undefined;
}

/** The simplifier that reports nothing: what derivatives and series are built with. */
export const canonical: Builder = new Simplifier();

/**
 * Rebuild bottom-up through the simplifier. Memoised by node identity, so a derivative's
 * shared subtrees are simplified once.
 */
export function simplifyNode(root: AnyNode, b: Builder = canonical): AnyNode {
  return substituteNode(root, new Map(), b);
}

/**
 * Replace symbols by nodes (usually numbers) and re-simplify, so exp(0) becomes 1 and
 * 1/(1/2) becomes 2. With no replacements this is {@link simplifyNode}.
 */
export function substituteNode(root: AnyNode, values: ReadonlyMap<string, AnyNode>, b: Builder = canonical): AnyNode {
  const memo = new Map<AnyNode, AnyNode>();
  const go = (n: AnyNode): AnyNode => {
    if (n.kind === 'num') return n;
    if (n.kind === 'sym') return values.get(n.name) ?? n;
    const hit = memo.get(n);
    if (hit !== undefined) return hit;
    let r: AnyNode;
    switch (n.kind) {
      case 'add':
        r = b.add(n.args.map(go));
        break;
      case 'mul':
        r = b.mul(n.args.map(go));
        break;
      case 'pow':
        r = b.pow(go(n.base), go(n.exp));
        break;
      case 'fn':
        r = b.fn(n.name, n.args.map(go));
        break;
    }
    memo.set(n, r);
    return r;
  };
  return go(root);
}

/**
 * The result of {@link simplifyWithConditions}.
 *
 * @example
 * ```ts
 * const r: Simplified = simplifyWithConditions('(x - 1)/(x - 1)');
 * console.log(r.expr.toString(), r.conditions.map((c) => c.text)); // '1' ['x - 1 ≠ 0']
 * ```
 */
export interface Simplified {
  readonly expr: Expr;
  /**
   * What the simplification assumed, from the named extensions of the soundness contract:
   * where one of these fails the input was undefined and the output may not be. Empty when
   * the output is undefined exactly where the input is.
   */
  readonly conditions: readonly Condition[];
}

/**
 * {@link simplify}, and the conditions under which its output equals the input where the
 * input is undefined: cancelling x/x to 1 assumes x ≠ 0; log(x) − log(x) → 0 assumes log(x)
 * is defined.
 *
 * @example
 * ```ts
 * const r = simplifyWithConditions('x^2/x');
 * r.expr.toString();                 // 'x'
 * r.conditions.map((c) => c.text);   // ['x ≠ 0']
 * ```
 */
export function simplifyWithConditions(expr: Expr | string): Simplified {
  const conditions: Condition[] = [];
  const out = simplifyNode(toNode(expr, 'simplifyWithConditions'), new Simplifier(conditions));
  return { expr: out, conditions };
}

/**
 * Simplify to a canonical form, sound on the reals: sums and products are flattened, like
 * terms and powers collected, a common exp(…) factor gathered, numbers folded exactly (1/3
 * stays 1/3, sqrt(2) stays sqrt(2)), and identities used only where they hold for every real
 * input (sqrt(x^2) becomes abs(x), never x; exp(log(u)) becomes u only for provably positive
 * u). Where the input has a real value the output has the same value; where the input is
 * undefined so is the output, except for the two named extensions (cancelling a common factor,
 * dropping a term such as log(x) − log(x)) that {@link simplifyWithConditions} reports.
 * Constant expressions without a value (0/0, log(−1)) stay as they are.
 *
 * @example
 * ```ts
 * simplify('x + x + 1/3 + 1/6').toString(); // '2*x + 1/2'
 * simplify('sqrt(x^2)').toString();         // 'abs(x)'
 * ```
 */
export function simplify(expr: Expr | string): Expr {
  return simplifyNode(toNode(expr, 'simplify'));
}
