import { printExpr } from './print.js';
import type { Int } from './rational.js';

/**
 * An immutable expression tree. Build one with {@link parse}; every function of this
 * package accepts an `Expr` or a source string.
 *
 * @example
 * ```ts
 * const e: Expr = parse('x^2 + 1');
 * e.toString(); // 'x^2 + 1'
 * ```
 */
export interface Expr {
  /** The node type at the root: number, symbol, sum, product, power or function call. */
  readonly kind: Kind;
  /** The expression in mathjs-compatible syntax; `parse(e.toString())` gives it back. */
  toString(): string;
}

/** Root node types of an {@link Expr}. */
export type Kind = 'num' | 'sym' | 'add' | 'mul' | 'pow' | 'fn';

const KIND_SEED: Record<Kind, number> = { num: 0x9e3779b1, sym: 0x85ebca6b, add: 0xc2b2ae35, mul: 0x27d4eb2f, pow: 0x165667b1, fn: 0xd3a2646c };

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return (h ^ (h >>> 15)) | 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function hashNumber(v: Int): number {
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return v | 0;
  return hashString(String(v));
}

/** Common base of every node: structural hash and depth are fixed at construction. */
export abstract class Node implements Expr {
  abstract readonly kind: Kind;
  readonly hash: number;
  readonly depth: number;
  constructor(hash: number, depth: number) {
    this.hash = hash;
    this.depth = depth;
  }
  toString(): string {
    return printExpr(this as unknown as AnyNode);
  }
}

/**
 * A number: an exact rational p/q (q > 0, reduced; p and q are bigints only beyond the safe
 * integers) or an inexact float (then p = value and q = 0). `value` is the nearest double.
 */
export class Num extends Node {
  readonly kind = 'num';
  readonly value: number;
  readonly exact: boolean;
  readonly p: Int;
  readonly q: Int;
  constructor(value: number, exact: boolean, p: Int, q: Int) {
    super(mix(mix(KIND_SEED.num, exact ? hashNumber(p) : hashNumber(value)), exact ? hashNumber(q) : -1), 1);
    this.value = value;
    this.exact = exact;
    this.p = p;
    this.q = q;
  }
}

export class Sym extends Node {
  readonly kind = 'sym';
  readonly name: string;
  constructor(name: string) {
    super(mix(KIND_SEED.sym, hashString(name)), 1);
    this.name = name;
  }
}

function childrenHash(seed: number, args: readonly AnyNode[]): number {
  let h = seed;
  for (const a of args) h = mix(h, a.hash);
  return h;
}

function childrenDepth(args: readonly AnyNode[]): number {
  let d = 0;
  for (const a of args) if (a.depth > d) d = a.depth;
  return d + 1;
}

export class Add extends Node {
  readonly kind = 'add';
  readonly args: readonly AnyNode[];
  constructor(args: readonly AnyNode[]) {
    super(childrenHash(KIND_SEED.add, args), childrenDepth(args));
    this.args = args;
  }
}

export class Mul extends Node {
  readonly kind = 'mul';
  readonly args: readonly AnyNode[];
  constructor(args: readonly AnyNode[]) {
    super(childrenHash(KIND_SEED.mul, args), childrenDepth(args));
    this.args = args;
  }
}

export class Pow extends Node {
  readonly kind = 'pow';
  readonly base: AnyNode;
  readonly exp: AnyNode;
  constructor(base: AnyNode, exp: AnyNode) {
    super(mix(mix(KIND_SEED.pow, base.hash), exp.hash), Math.max(base.depth, exp.depth) + 1);
    this.base = base;
    this.exp = exp;
  }
}

export class Fn extends Node {
  readonly kind = 'fn';
  readonly name: string;
  readonly args: readonly AnyNode[];
  constructor(name: string, args: readonly AnyNode[]) {
    super(childrenHash(mix(KIND_SEED.fn, hashString(name)), args), childrenDepth(args));
    this.name = name;
    this.args = args;
  }
}

export type AnyNode = Num | Sym | Add | Mul | Pow | Fn;

/** Structural equality; the hash check makes unequal trees fail fast. */
export function equal(a: AnyNode, b: AnyNode): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num': {
      const o = b as Num;
      return a.exact === o.exact && (a.exact ? a.p === o.p && a.q === o.q : Object.is(a.value, o.value));
    }
    case 'sym':
      return a.name === (b as Sym).name;
    case 'pow':
      return equal(a.base, (b as Pow).base) && equal(a.exp, (b as Pow).exp);
    case 'fn':
      if (a.name !== (b as Fn).name) return false;
      return sameArgs(a.args, (b as Fn).args);
    default:
      return sameArgs(a.args, (b as Add | Mul).args);
  }
}

function sameArgs(x: readonly AnyNode[], y: readonly AnyNode[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!equal(x[i] as AnyNode, y[i] as AnyNode)) return false;
  return true;
}

/** Narrow a public `Expr` to our node type, rejecting foreign objects clearly. */
export function asNode(e: Expr, where: string): AnyNode {
  if (e instanceof Node) return e as AnyNode;
  throw new TypeError(`${where}: expected an Expr from parse() or a string, got ${typeof e === 'object' ? 'a foreign object' : typeof e}`);
}

/** Depth beyond which trees are refused, so every recursive pass stays far from the stack limit. */
export const MAX_DEPTH = 250;
