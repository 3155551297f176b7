import { type AnyNode, Mul, Num, Pow } from './expr.js';

// Precedence levels of mathjs's grammar, loosest first.
const ADD = 1;
const MUL = 2;
const UNARY = 3;
const POW = 4;
const ATOM = 5;

/** Printed text; for negative quantities `s` omits the leading minus so sums can use " - ". */
interface Printed {
  s: string;
  prec: number;
  neg: boolean;
}

function full(p: Printed): string {
  return p.neg ? '-' + p.s : p.s;
}

function fullPrec(p: Printed): number {
  return p.neg ? Math.min(p.prec, MUL) : p.prec;
}

function wrap(p: Printed, min: number): string {
  return fullPrec(p) >= min ? full(p) : '(' + full(p) + ')';
}

function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  return String(v);
}

function printNum(n: Num): Printed {
  if (n.exact) {
    const p = Math.abs(n.p);
    return n.q === 1 ? { s: String(p), prec: ATOM, neg: n.p < 0 } : { s: `${p}/${n.q}`, prec: MUL, neg: n.p < 0 };
  }
  return { s: formatFloat(Math.abs(n.value)), prec: ATOM, neg: n.value < 0 || Object.is(n.value, -0) };
}

function isNegativeExponent(e: AnyNode): boolean {
  if (e.kind === 'num') return e.value < 0;
  return e.kind === 'mul' && e.args[0]?.kind === 'num' && e.args[0].value < 0;
}

function negateExponent(e: AnyNode): AnyNode {
  if (e.kind === 'num') return new Num(-e.value, e.exact, -e.p, e.q);
  const m = e as Mul;
  const c = m.args[0] as Num;
  if (c.value === -1) return m.args.length === 2 ? (m.args[1] as AnyNode) : new Mul(m.args.slice(1));
  return new Mul([new Num(-c.value, c.exact, -c.p, c.q), ...m.args.slice(1)]);
}

function factorText(f: AnyNode): string {
  const p = print(f);
  return !p.neg && p.prec >= MUL ? p.s : '(' + full(p) + ')';
}

function printMul(args: readonly AnyNode[]): Printed {
  const first = args[0];
  const hasCoeff = first?.kind === 'num';
  const c = hasCoeff ? first : undefined;
  const numer: string[] = [];
  const denom: Printed[] = [];
  let numerPrec = ATOM;
  for (let i = hasCoeff ? 1 : 0; i < args.length; i++) {
    const f = args[i] as AnyNode;
    if (f.kind === 'pow' && isNegativeExponent(f.exp)) {
      const e = negateExponent(f.exp);
      denom.push(e.kind === 'num' && e.value === 1 ? print(f.base) : print(new Pow(f.base, e)));
    } else {
      const text = factorText(f);
      numerPrec = Math.min(numerPrec, text.startsWith('(') && text.endsWith(')') ? ATOM : print(f).prec);
      numer.push(text);
    }
  }
  const neg = c !== undefined && c.value < 0;
  let bottom: string[] = [];
  if (c !== undefined) {
    const cp = c.exact ? String(Math.abs(c.p)) : formatFloat(Math.abs(c.value));
    if (c.exact && c.q !== 1) bottom.push(String(c.q));
    if (cp !== '1' || numer.length === 0) numer.unshift(cp);
  }
  if (numer.length === 0) numer.push('1');
  const top = numer.join('*');
  bottom = bottom.concat(denom.map((d) => (bottom.length + denom.length > 1 ? (fullPrec(d) > MUL ? full(d) : '(' + full(d) + ')') : wrap(d, UNARY))));
  if (bottom.length === 0) {
    return { s: top, prec: numer.length > 1 ? MUL : numerPrec, neg };
  }
  const den = bottom.length > 1 ? '(' + bottom.join('*') + ')' : (bottom[0] as string);
  return { s: `${top}/${den}`, prec: MUL, neg };
}

function print(n: AnyNode): Printed {
  switch (n.kind) {
    case 'num':
      return printNum(n);
    case 'sym':
      return { s: n.name, prec: ATOM, neg: false };
    case 'fn':
      return { s: `${n.name}(${n.args.map((a) => full(print(a))).join(', ')})`, prec: ATOM, neg: false };
    case 'pow': {
      if (n.exp.kind === 'num' && n.exp.exact && n.exp.p === 1 && n.exp.q === 2) {
        return { s: `sqrt(${full(print(n.base))})`, prec: ATOM, neg: false };
      }
      if (isNegativeExponent(n.exp)) return printMul([n]);
      return { s: `${wrap(print(n.base), ATOM)}^${wrap(print(n.exp), ATOM)}`, prec: POW, neg: false };
    }
    case 'mul':
      return printMul(n.args);
    case 'add': {
      const terms = n.args.map(print);
      const firstPositive = terms.findIndex((t) => !t.neg);
      if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
      let s = '';
      terms.forEach((t, i) => {
        const body = t.prec > ADD ? t.s : '(' + t.s + ')';
        if (i === 0) s = t.neg ? '-' + body : body;
        else s += (t.neg ? ' - ' : ' + ') + body;
      });
      return { s, prec: ADD, neg: false };
    }
  }
}

/** The mathjs-syntax text of an expression. */
export function printExpr(n: AnyNode): string {
  return full(print(n));
}
