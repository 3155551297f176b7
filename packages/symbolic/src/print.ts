import { type AnyNode, Mul, Num, Pow } from './expr.js';
import { absInt, negInt } from './rational.js';

// Precedence levels of mathjs's grammar, loosest first.
export const ADD = 1;
export const MUL = 2;
export const UNARY = 3;
export const POW = 4;
export const ATOM = 5;

/** Printed text; for negative quantities `s` omits the leading minus so sums can use " - ". */
export interface Printed {
  s: string;
  prec: number;
  neg: boolean;
}

/**
 * The syntax of one output language. The core below makes every structural decision
 * (which factors go under the fraction bar, where a sign goes, the order of a sum's terms,
 * when to bracket); a dialect only spells the pieces.
 */
export interface Dialect {
  number(n: Num): Printed;
  symbol(name: string): string;
  call(name: string, args: readonly Printed[]): Printed;
  sqrt(base: Printed): Printed;
  power(base: Printed, exp: Printed): Printed;
  paren(s: string): string;
  /** c · Π numerator / Π denominator, each denominator factor already made positive. */
  quotient(c: Num | undefined, numerator: readonly Printed[], denominator: readonly Printed[]): Printed;
}

export const full = (p: Printed): string => (p.neg ? '-' + p.s : p.s);
export const fullPrec = (p: Printed): number => (p.neg ? Math.min(p.prec, MUL) : p.prec);

function isNegativeExponent(e: AnyNode): boolean {
  if (e.kind === 'num') return e.value < 0;
  return e.kind === 'mul' && e.args[0]?.kind === 'num' && e.args[0].value < 0;
}

function negateExponent(e: AnyNode): AnyNode {
  if (e.kind === 'num') return new Num(-e.value, e.exact, e.exact ? negInt(e.p) : -e.value, e.q);
  const m = e as Mul;
  const c = m.args[0] as Num;
  if (c.value === -1) return m.args.length === 2 ? (m.args[1] as AnyNode) : new Mul(m.args.slice(1));
  return new Mul([new Num(-c.value, c.exact, c.exact ? negInt(c.p) : -c.value, c.q), ...m.args.slice(1)]);
}

const isHalf = (e: AnyNode): boolean => e.kind === 'num' && e.exact && e.p === 1 && e.q === 2;

/** Print a tree in a dialect. */
export function printIn(d: Dialect, root: AnyNode): Printed {
  const product = (args: readonly AnyNode[]): Printed => {
    const c = args[0]?.kind === 'num' ? args[0] : undefined;
    const numerator: Printed[] = [];
    const denominator: Printed[] = [];
    for (let i = c === undefined ? 0 : 1; i < args.length; i++) {
      const f = args[i] as AnyNode;
      if (f.kind === 'pow' && isNegativeExponent(f.exp)) {
        const e = negateExponent(f.exp);
        denominator.push(e.kind === 'num' && e.value === 1 ? print(f.base) : print(new Pow(f.base, e)));
      } else {
        numerator.push(print(f));
      }
    }
    return d.quotient(c, numerator, denominator);
  };

  const print = (n: AnyNode): Printed => {
    switch (n.kind) {
      case 'num':
        return d.number(n);
      case 'sym':
        return { s: d.symbol(n.name), prec: ATOM, neg: false };
      case 'fn':
        return d.call(n.name, n.args.map(print));
      case 'pow':
        if (isHalf(n.exp)) return d.sqrt(print(n.base));
        if (isNegativeExponent(n.exp)) return product([n]);
        return d.power(print(n.base), print(n.exp));
      case 'mul':
        return product(n.args);
      case 'add': {
        const terms = n.args.map(print);
        // A sum reads better starting with a positive term: -x + y prints as y - x.
        const firstPositive = terms.findIndex((t) => !t.neg);
        if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
        let s = '';
        terms.forEach((t, i) => {
          const body = t.prec > ADD ? t.s : d.paren(t.s);
          s += i === 0 ? (t.neg ? '-' : '') + body : (t.neg ? ' - ' : ' + ') + body;
        });
        return { s, prec: ADD, neg: false };
      }
    }
  };
  return print(root);
}

// ---- the text dialect: mathjs syntax that parse() reads back

function formatFloat(v: number): string {
  return Number.isNaN(v) ? 'NaN' : String(v);
}

const textWrap = (p: Printed, min: number): string => (fullPrec(p) >= min ? full(p) : '(' + full(p) + ')');

const TEXT: Dialect = {
  number(n) {
    if (n.exact) {
      const p = String(absInt(n.p));
      return n.q === 1 ? { s: p, prec: ATOM, neg: n.p < 0 } : { s: `${p}/${n.q}`, prec: MUL, neg: n.p < 0 };
    }
    return { s: formatFloat(Math.abs(n.value)), prec: ATOM, neg: n.value < 0 || Object.is(n.value, -0) };
  },
  symbol: (name) => name,
  call: (name, args) => ({ s: `${name}(${args.map(full).join(', ')})`, prec: ATOM, neg: false }),
  sqrt: (base) => ({ s: `sqrt(${full(base)})`, prec: ATOM, neg: false }),
  power: (base, exp) => ({ s: `${textWrap(base, ATOM)}^${textWrap(exp, ATOM)}`, prec: POW, neg: false }),
  paren: (s) => '(' + s + ')',
  quotient(c, numerator, denominator) {
    const top: string[] = [];
    let topPrec = ATOM;
    for (const p of numerator) {
      if (!p.neg && p.prec >= MUL) {
        top.push(p.s);
        topPrec = Math.min(topPrec, p.prec);
      } else top.push('(' + full(p) + ')');
    }
    const bottom: string[] = [];
    if (c !== undefined) {
      const cp = c.exact ? String(absInt(c.p)) : formatFloat(Math.abs(c.value));
      if (c.exact && c.q !== 1) bottom.push(String(c.q));
      if (cp !== '1' || top.length === 0) top.unshift(cp);
    }
    if (top.length === 0) top.push('1');
    const several = bottom.length + denominator.length > 1;
    for (const p of denominator) bottom.push(several ? (fullPrec(p) > MUL ? full(p) : '(' + full(p) + ')') : textWrap(p, UNARY));
    const neg = c !== undefined && c.value < 0;
    const s = top.join('*');
    if (bottom.length === 0) return { s, prec: top.length > 1 ? MUL : topPrec, neg };
    return { s: `${s}/${bottom.length > 1 ? '(' + bottom.join('*') + ')' : bottom[0]}`, prec: MUL, neg };
  },
};

/** The mathjs-syntax text of an expression. */
export function printExpr(n: AnyNode): string {
  return full(printIn(TEXT, n));
}
