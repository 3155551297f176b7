import { type MathNode, parse as mathParse } from 'mathjs/number';
import { type AnyNode, type Expr, Mul, Num, Pow } from './expr.js';
import { toNode } from './parse.js';

/**
 * The expression as a mathjs `MathNode` (for mathjs's own printers and evaluators).
 *
 * @example
 * ```ts
 * toMathNode(parse('x^2/2')).evaluate({ x: 3 }); // 4.5
 * ```
 */
export function toMathNode(expr: Expr | string): MathNode {
  return mathParse(toNode(expr, 'toMathNode').toString());
}

// Our own LaTeX printer: linear in the size of the tree (mathjs's toTex is exponential in
// the nesting depth of function calls), with the same precedence rules as toString.
const ADD = 1;
const MUL = 2;
const POW = 4;
const ATOM = 5;

interface Tex {
  s: string;
  prec: number;
  neg: boolean;
}

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi',
  'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

const NAMED: Readonly<Record<string, string>> = {
  sin: '\\sin', cos: '\\cos', tan: '\\tan', sec: '\\sec', csc: '\\csc', cot: '\\cot',
  asin: '\\arcsin', acos: '\\arccos', atan: '\\arctan', sinh: '\\sinh', cosh: '\\cosh', tanh: '\\tanh', coth: '\\coth',
  log: '\\ln', log10: '\\log_{10}', log2: '\\log_{2}',
};

function symbolTex(name: string): string {
  const m = /^([A-Za-z]+?)_?(\d+)$/.exec(name);
  if (m) return `${symbolTex(m[1] as string)}_{${m[2]}}`;
  if (GREEK.has(name)) return `\\${name}`;
  const safe = name.replace(/[_$]/g, (c) => `\\${c}`);
  return name.length === 1 ? safe : `\\mathrm{${safe}}`;
}

const full = (t: Tex): string => (t.neg ? '-' + t.s : t.s);
const paren = (s: string): string => `\\left(${s}\\right)`;
const wrap = (t: Tex, min: number): string => (t.prec >= min && !t.neg ? t.s : paren(full(t)));

function isNegativeExponent(e: AnyNode): boolean {
  return (e.kind === 'num' && e.value < 0) || (e.kind === 'mul' && e.args[0]?.kind === 'num' && e.args[0].value < 0);
}

function negate(e: AnyNode): AnyNode {
  if (e.kind === 'num') return new Num(-e.value, e.exact, -e.p, e.q);
  const m = e as Mul;
  const c = m.args[0] as Num;
  if (c.value === -1) return m.args.length === 2 ? (m.args[1] as AnyNode) : new Mul(m.args.slice(1));
  return new Mul([new Num(-c.value, c.exact, -c.p, c.q), ...m.args.slice(1)]);
}

function texMul(args: readonly AnyNode[]): Tex {
  const first = args[0];
  const c = first?.kind === 'num' ? first : undefined;
  const top: string[] = [];
  const bottom: string[] = [];
  let flips = 0;
  for (let i = c === undefined ? 0 : 1; i < args.length; i++) {
    const f = args[i] as AnyNode;
    if (f.kind === 'pow' && isNegativeExponent(f.exp)) {
      const e = negate(f.exp);
      bottom.push(full(e.kind === 'num' && e.value === 1 ? tex(f.base) : tex(new Pow(f.base, e))));
    } else {
      const t = tex(f);
      // A negative factor's sign moves to the front of the product.
      if (t.neg && t.prec >= MUL) {
        flips++;
        top.push(t.s);
      } else top.push(wrap(t, MUL));
    }
  }
  if (c !== undefined) {
    const abs = c.exact ? Math.abs(c.p) : Math.abs(c.value);
    if (c.exact && c.q !== 1) bottom.unshift(String(c.q));
    if (abs !== 1 || top.length === 0) top.unshift(String(abs));
  }
  const neg = (c !== undefined && c.value < 0) !== (flips % 2 === 1);
  const numerator = top.length === 0 ? '1' : top.join(' \\cdot ');
  if (bottom.length === 0) return { s: numerator, prec: top.length > 1 ? MUL : ATOM, neg };
  return { s: `\\frac{${numerator}}{${bottom.join(' \\cdot ')}}`, prec: ATOM, neg };
}

function tex(n: AnyNode): Tex {
  switch (n.kind) {
    case 'num':
      if (n.exact && n.q !== 1) return { s: `\\frac{${Math.abs(n.p)}}{${n.q}}`, prec: ATOM, neg: n.p < 0 };
      return { s: String(Math.abs(n.value)), prec: ATOM, neg: n.value < 0 };
    case 'sym':
      return { s: symbolTex(n.name), prec: ATOM, neg: false };
    case 'fn': {
      const args = n.args.map((a) => full(tex(a)));
      const [u, b] = args as [string, string | undefined];
      switch (n.name) {
        case 'exp':
          return { s: `e^{${u}}`, prec: POW, neg: false };
        case 'sqrt':
          return { s: `\\sqrt{${u}}`, prec: ATOM, neg: false };
        case 'cbrt':
          return { s: `\\sqrt[3]{${u}}`, prec: ATOM, neg: false };
        case 'nthRoot':
          return { s: `\\sqrt[${b ?? '2'}]{${u}}`, prec: ATOM, neg: false };
        case 'abs':
          return { s: `\\left|${u}\\right|`, prec: ATOM, neg: false };
        case 'log':
          if (b !== undefined) return { s: `\\log_{${b}}${paren(u)}`, prec: ATOM, neg: false };
          break;
        default:
          break;
      }
      const name = Object.hasOwn(NAMED, n.name) ? (NAMED[n.name] as string) : `\\mathrm{${n.name}}`;
      return { s: `${name}${paren(args.join(', '))}`, prec: ATOM, neg: false };
    }
    case 'pow': {
      if (n.exp.kind === 'num' && n.exp.exact && n.exp.p === 1 && n.exp.q === 2) return { s: `\\sqrt{${full(tex(n.base))}}`, prec: ATOM, neg: false };
      if (isNegativeExponent(n.exp)) return texMul([n]);
      return { s: `{${wrap(tex(n.base), ATOM)}}^{${full(tex(n.exp))}}`, prec: POW, neg: false };
    }
    case 'mul':
      return texMul(n.args);
    case 'add': {
      const terms = n.args.map(tex);
      const firstPositive = terms.findIndex((t) => !t.neg);
      if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
      const s = terms
        .map((t, i) => {
          const body = t.prec > ADD ? t.s : paren(t.s);
          return i === 0 ? (t.neg ? '-' : '') + body : (t.neg ? ' - ' : ' + ') + body;
        })
        .join('');
      return { s, prec: ADD, neg: false };
    }
  }
}

/**
 * LaTeX for an expression, in time linear in its size.
 *
 * @example
 * ```ts
 * toTex('sqrt(x)/2');             // '\\frac{\\sqrt{x}}{2}'
 * toTex('exp(-x^2/2)*sin(theta)'); // 'e^{-\\frac{{x}^{2}}{2}} \\cdot \\sin\\left(\\theta\\right)'
 * ```
 */
export function toTex(expr: Expr | string): string {
  return full(tex(toNode(expr, 'toTex')));
}
