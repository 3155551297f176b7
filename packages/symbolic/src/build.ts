import { isNonNegative, isPositive } from './bounds.js';
import { Add, type AnyNode, equal, Fn, Mul, Num, Pow, Sym } from './expr.js';
import { lookup, REAL_FUNCTIONS } from './functions.js';
import { addFractions, type Fraction, fraction, integerRoot, mulFractions, powFraction } from './rational.js';

/**
 * The constructors a pass builds trees with. `canonical` simplifies as it builds (the
 * simplifier *is* this builder applied bottom-up); `raw` keeps exactly what it is given.
 */
export interface Builder {
  add(terms: readonly AnyNode[]): AnyNode;
  mul(factors: readonly AnyNode[]): AnyNode;
  pow(base: AnyNode, exp: AnyNode): AnyNode;
  fn(name: string, args: readonly AnyNode[]): AnyNode;
}

export const ZERO = new Num(0, true, 0, 1);
export const ONE = new Num(1, true, 1, 1);
export const MINUS_ONE = new Num(-1, true, -1, 1);
export const HALF = new Num(0.5, true, 1, 2);

export function int(n: number): Num {
  return n === 0 ? ZERO : n === 1 ? ONE : n === -1 ? MINUS_ONE : new Num(n, true, n, 1);
}

export function rational(p: number, q: number): Num {
  const f = fraction(p, q);
  return f === undefined ? float(p / q) : new Num(f[0] / f[1], true, f[0], f[1]);
}

export function float(v: number): Num {
  return new Num(v, false, v, 0);
}

/** A number from a JS double: integers stay exact, everything else is an inexact float. */
export function numberNode(v: number): Num {
  return Number.isSafeInteger(v) ? int(v) : float(v);
}

export function sym(name: string): Sym {
  return new Sym(name);
}

const fracOf = (n: Num): Fraction => [n.p, n.q];
const fromFrac = (f: Fraction | undefined, fallback: number): Num => (f === undefined ? float(fallback) : rational(f[0], f[1]));

export function addNums(a: Num, b: Num): Num {
  if (a.exact && b.exact) return fromFrac(addFractions(fracOf(a), fracOf(b)), a.value + b.value);
  return float(a.value + b.value);
}

export function mulNums(a: Num, b: Num): Num {
  if (a.exact && b.exact) return fromFrac(mulFractions(fracOf(a), fracOf(b)), a.value * b.value);
  return float(a.value * b.value);
}

export const isZero = (n: AnyNode): boolean => n.kind === 'num' && n.value === 0;
export const isOne = (n: AnyNode): boolean => n.kind === 'num' && n.value === 1;
const isInteger = (n: AnyNode): n is Num => n.kind === 'num' && n.exact && n.q === 1;
const isRational = (n: AnyNode): n is Num => n.kind === 'num' && n.exact;

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

// ---- canonical ordering: numbers, symbols (alphabetical), sums, functions; stable by hash.

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

// ---- canonical constructors

interface Bucket {
  rest: AnyNode;
  coeff: Num;
}

function canonicalAdd(terms: readonly AnyNode[]): AnyNode {
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
  for (const b of order) if (b.coeff.value !== 0) out.push(withCoefficient(b.coeff, b.rest));
  out.sort(compareTerms);
  if (constant.value !== 0 || !constant.exact) {
    if (constant.value !== 0) out.push(constant);
  }
  if (out.length === 0) return ZERO;
  if (out.length === 1) return out[0] as AnyNode;
  return new Add(out);
}

interface PowerGroup {
  base: AnyNode;
  exps: AnyNode[];
  nodes: AnyNode[];
}

/**
 * Whether base^a · base^b may become base^(a+b) on the reals. Always for a positive base;
 * for integer exponents (only a removable point at 0 changes); with at most one
 * non-integer exponent (it decides the domain on both sides); or when all are rationals
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
  return sum.exact && sum.q % 2 === 0;
}

function canonicalMul(factors: readonly AnyNode[]): AnyNode {
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
  if (coeff.value === 0) return ZERO;
  const out: AnyNode[] = [];
  let again = false;
  for (const g of order) {
    if (g.nodes.length === 1) {
      out.push(g.nodes[0] as AnyNode);
    } else if (mayCombine(g.base, g.exps)) {
      const p = canonicalPow(g.base, canonicalAdd(g.exps));
      if (p.kind === 'num' || p.kind === 'mul') again = true;
      out.push(p);
    } else {
      out.push(...g.nodes);
    }
  }
  if (again) return canonicalMul(coeff.value === 1 && coeff.exact ? out : [coeff, ...out]);
  const kept = out.filter((f) => !isOne(f));
  kept.sort(compareFactors);
  if (kept.length === 0) return coeff;
  if (coeff.value === 1 && coeff.exact) return kept.length === 1 ? (kept[0] as AnyNode) : new Mul(kept);
  return new Mul([coeff, ...kept]);
}

function numericPow(b: Num, e: Num): AnyNode | undefined {
  if (b.exact && e.exact) {
    if (e.q === 1) {
      const f = powFraction(fracOf(b), e.p);
      if (f !== undefined) return rational(f[0], f[1]);
      return b.value === 0 ? undefined : float(b.value ** e.value);
    }
    if (b.p >= 0) {
      const rp = integerRoot(b.p, e.q);
      const rq = integerRoot(b.q, e.q);
      if (rp !== undefined && rq !== undefined) return numericPow(rational(rp, rq), int(e.p));
    }
    return undefined;
  }
  const v = b.value ** e.value;
  return Number.isNaN(v) ? undefined : float(v);
}

/**
 * (b^a)^c → b^(a·c) only where that is true on the reals: b > 0, both exponents integers,
 * or c an integer and a·c still an even-denominator rational (both sides undefined for b < 0).
 * (b^(2k))^c → |b|^(2k·c), which is what keeps sqrt(x^2) = abs(x), never x.
 */
function nestedPow(inner: Pow, c: AnyNode): AnyNode | undefined {
  const a = inner.exp;
  if (isPositive(inner.base)) return canonicalPow(inner.base, canonicalMul([a, c]));
  if (isInteger(a) && isInteger(c)) return canonicalPow(inner.base, int(a.p * c.p));
  if (isInteger(a) && a.p % 2 === 0 && isRational(c)) {
    return canonicalPow(canonicalFn('abs', [inner.base]), mulNums(a, c));
  }
  if (isRational(a) && isInteger(c)) {
    const ac = mulNums(a, c);
    if (ac.exact && ac.q % 2 === 0 && a.q % 2 === 0) return canonicalPow(inner.base, ac);
  }
  return undefined;
}

function canonicalPow(base: AnyNode, exp: AnyNode): AnyNode {
  if (exp.kind === 'num') {
    if (exp.value === 0) return ONE;
    if (exp.value === 1) return base;
  }
  if (base.kind === 'num') {
    if (base.value === 1 && base.exact) return ONE;
    if (exp.kind === 'num') {
      const v = numericPow(base, exp);
      if (v !== undefined) return v;
    }
  }
  if (base.kind === 'sym' && base.name === 'e') return canonicalFn('exp', [exp]);
  if (exp.kind === 'num') {
    if (base.kind === 'pow') {
      const r = nestedPow(base, exp);
      if (r !== undefined) return r;
    }
    if (base.kind === 'mul' && isInteger(exp)) return canonicalMul(base.args.map((f) => canonicalPow(f, exp)));
    // exp(u)^c = exp(c·u) for every real c, because exp(u) > 0.
    if (base.kind === 'fn' && base.name === 'exp') return canonicalFn('exp', [canonicalMul([exp, base.args[0] as AnyNode])]);
  }
  return new Pow(base, exp);
}

const EXACT_AT_ZERO: Record<string, number> = {
  sin: 0, tan: 0, sinh: 0, tanh: 0, asin: 0, atan: 0, asinh: 0, atanh: 0, cbrt: 0, abs: 0,
  cos: 1, cosh: 1, exp: 1, sec: 1, sech: 1,
};

function canonicalFn(name: string, args: readonly AnyNode[]): AnyNode {
  const u = args[0];
  if (u !== undefined && args.length === 1) {
    if (u.kind === 'num' && u.value === 0 && u.exact && lookup(EXACT_AT_ZERO, name) !== undefined) return int(lookup(EXACT_AT_ZERO, name) as number);
    switch (name) {
      case 'sqrt':
        return canonicalPow(u, HALF);
      case 'exp':
        // exp(log(v)) = v needs v > 0, or the left side is undefined where the right is not.
        if (u.kind === 'fn' && u.name === 'log' && u.args.length === 1 && isPositive(u.args[0] as AnyNode)) return u.args[0] as AnyNode;
        break;
      case 'log':
        if (u.kind === 'fn' && u.name === 'exp') return u.args[0] as AnyNode;
        if (u.kind === 'num' && u.exact && u.value === 1) return ZERO;
        if (u.kind === 'sym' && u.name === 'e') return ONE;
        break;
      case 'abs':
        if (u.kind === 'num') return u.value < 0 ? mulNums(MINUS_ONE, u) : u;
        if (isNonNegative(u)) return u;
        break;
      default:
        break;
    }
  }
  if (name === 'log' && args.length === 2) {
    return canonicalMul([canonicalFn('log', [args[0] as AnyNode]), canonicalPow(canonicalFn('log', [args[1] as AnyNode]), MINUS_ONE)]);
  }
  if (name === 'nthRoot' && args.length === 2 && args[1]?.kind === 'num' && args[1].exact && args[1].value === 2) {
    return canonicalPow(args[0] as AnyNode, HALF);
  }
  if (args.length > 0 && args.every((a) => a.kind === 'num') && args.some((a) => !(a as Num).exact)) {
    const f = lookup(REAL_FUNCTIONS, name);
    if (f !== undefined) {
      const v = f(...args.map((a) => (a as Num).value));
      if (Number.isFinite(v)) return float(v);
    }
  }
  return new Fn(name, args);
}

export const canonical: Builder = { add: canonicalAdd, mul: canonicalMul, pow: canonicalPow, fn: canonicalFn };

export const raw: Builder = {
  add: (terms) => (terms.length === 1 ? (terms[0] as AnyNode) : new Add(terms)),
  mul: (factors) => (factors.length === 1 ? (factors[0] as AnyNode) : new Mul(factors)),
  pow: (base, exp) => new Pow(base, exp),
  fn: (name, args) => new Fn(name, args),
};

/** a − b, −a and a / b in terms of the four constructors. */
export function neg(b: Builder, a: AnyNode): AnyNode {
  return b.mul([MINUS_ONE, a]);
}
export function sub(b: Builder, x: AnyNode, y: AnyNode): AnyNode {
  return b.add([x, neg(b, y)]);
}
export function div(b: Builder, x: AnyNode, y: AnyNode): AnyNode {
  return b.mul([x, b.pow(y, MINUS_ONE)]);
}
