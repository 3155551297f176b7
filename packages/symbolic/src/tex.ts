import type { Expr } from './expr.js';
import { functionSpec } from './functions.js';
import { toNode } from './parse.js';
import { ATOM, type Dialect, full, MUL, POW, type Printed, printIn } from './print.js';
import { absInt } from './rational.js';

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi',
  'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

function symbolTex(name: string): string {
  const m = /^([A-Za-z]+?)_?(\d+)$/.exec(name);
  if (m) return `${symbolTex(m[1] as string)}_{${m[2]}}`;
  if (GREEK.has(name)) return `\\${name}`;
  const safe = name.replace(/[_$]/g, (c) => `\\${c}`);
  return name.length === 1 ? safe : `\\mathrm{${safe}}`;
}

const paren = (s: string): string => `\\left(${s}\\right)`;
const wrap = (t: Printed, min: number): string => (t.prec >= min && !t.neg ? t.s : paren(full(t)));

// LaTeX: linear in the size of the tree (mathjs's toTex is exponential in the nesting depth
// of function calls); the structure comes from the same core as toString.
const TEX: Dialect = {
  number(n) {
    if (n.exact && n.q !== 1) return { s: `\\frac{${absInt(n.p)}}{${n.q}}`, prec: ATOM, neg: n.p < 0 };
    return { s: n.exact ? String(absInt(n.p)) : String(Math.abs(n.value)), prec: ATOM, neg: n.value < 0 };
  },
  symbol: symbolTex,
  call(name, args) {
    const spec = functionSpec(name);
    const texts = args.map(full);
    if (spec === undefined) return { s: `\\mathrm{${name}}${paren(texts.join(', '))}`, prec: ATOM, neg: false };
    if (typeof spec.tex === 'string') return { s: `${spec.tex}${paren(texts.join(', '))}`, prec: ATOM, neg: false };
    return { s: spec.tex(texts), prec: spec.texIsPower ? POW : ATOM, neg: false };
  },
  sqrt: (base) => ({ s: `\\sqrt{${full(base)}}`, prec: ATOM, neg: false }),
  power: (base, exp) => ({ s: `{${wrap(base, ATOM)}}^{${full(exp)}}`, prec: POW, neg: false }),
  paren,
  quotient(c, numerator, denominator) {
    const top: string[] = [];
    let flips = 0;
    for (const t of numerator) {
      // A negative factor's sign moves to the front of the product.
      if (t.neg && t.prec >= MUL) {
        flips++;
        top.push(t.s);
      } else top.push(wrap(t, MUL));
    }
    // With several factors under the bar, a sum among them needs its brackets: 2·(x − 1).
    const several = denominator.length + (c !== undefined && c.exact && c.q !== 1 ? 1 : 0) > 1;
    const bottom = denominator.map((t) => (several ? wrap(t, MUL) : full(t)));
    if (c !== undefined) {
      const abs = c.exact ? String(absInt(c.p)) : String(Math.abs(c.value));
      if (c.exact && c.q !== 1) bottom.unshift(String(c.q));
      if (abs !== '1' || top.length === 0) top.unshift(abs);
    }
    const neg = (c !== undefined && c.value < 0) !== (flips % 2 === 1);
    const numeratorTex = top.length === 0 ? '1' : top.join(' \\cdot ');
    if (bottom.length === 0) return { s: numeratorTex, prec: top.length > 1 ? MUL : ATOM, neg };
    return { s: `\\frac{${numeratorTex}}{${bottom.join(' \\cdot ')}}`, prec: ATOM, neg };
  },
};

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
  return full(printIn(TEX, toNode(expr, 'toTex')));
}
