import { Add, type AnyNode, Fn, Mul, Num, Pow, Sym } from './expr.js';
import { addFractions, type Fraction, fraction, fractionToNumber, type Int, intToNumber, mulFractions } from './rational.js';

/**
 * The constructors a pass builds trees with. The simplifier (`canonical` in simplify.ts)
 * simplifies as it builds; `raw` keeps exactly what it is given.
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

export function int(n: Int): Num {
  return n === 0 ? ZERO : n === 1 ? ONE : n === -1 ? MINUS_ONE : new Num(intToNumber(n), true, n, 1);
}

/** p/q exactly, or its float value when the parts are too large to keep. */
export function rational(p: Int, q: Int): Num {
  const f = fraction(p, q);
  if (f === undefined) return float(fractionToNumber(p, q));
  return f[1] === 1 ? int(f[0]) : new Num(fractionToNumber(f[0], f[1]), true, f[0], f[1]);
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

export const fracOf = (n: Num): Fraction => [n.p, n.q];
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
export const isInteger = (n: AnyNode): n is Num => n.kind === 'num' && n.exact && n.q === 1;
export const isRational = (n: AnyNode): n is Num => n.kind === 'num' && n.exact;
/** An exact zero (not a float that happens to be 0). */
export const isExactZero = (n: AnyNode): boolean => n.kind === 'num' && n.exact && n.p === 0;

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
