import { canonical, isZero } from './build.js';
import { checkVariable, differentiate, guardStack } from './derivative.js';
import type { AnyNode, Expr } from './expr.js';
import { lookup } from './functions.js';
import { toNode } from './parse.js';
import { RULES } from './rules.js';
import { simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';
import { toTex } from './tex.js';

/** One line of working: which rule was applied to which sub-expression, and what it gave. */
export interface Step {
  /** The rule's name: sum, constant multiple, product, quotient, power, exponential, general power, chain, trig, exp, log, … */
  rule: string;
  /** The sub-expression differentiated in this step. */
  expr: Expr;
  /** Its derivative, simplified. */
  result: Expr;
  /** The step in words, the way the lectures say it. */
  text: string;
  /** The step as a LaTeX equation. */
  tex: string;
}

const FAMILY: Readonly<Record<string, string>> = {
  sin: 'trig', cos: 'trig', tan: 'trig', sec: 'trig', csc: 'trig', cot: 'trig',
  asin: 'inverse trig', acos: 'inverse trig', atan: 'inverse trig', asec: 'inverse trig', acsc: 'inverse trig', acot: 'inverse trig', atan2: 'inverse trig',
  sinh: 'hyperbolic', cosh: 'hyperbolic', tanh: 'hyperbolic', sech: 'hyperbolic', csch: 'hyperbolic', coth: 'hyperbolic',
  asinh: 'inverse hyperbolic', acosh: 'inverse hyperbolic', atanh: 'inverse hyperbolic', asech: 'inverse hyperbolic', acsch: 'inverse hyperbolic', acoth: 'inverse hyperbolic',
  exp: 'exp', expm1: 'exp', log: 'log', log10: 'log', log2: 'log', log1p: 'log', sqrt: 'root', cbrt: 'root', nthRoot: 'root', abs: 'abs',
};

/**
 * The derivation of d(expr)/d(variable) as steps, outermost rule first, the way the
 * course's lectures work an example: name the rule, name its parts, then differentiate
 * each part.
 *
 * @example
 * ```ts
 * explain('sin(2x^5 + 3x) / e^(7x)', 'x').map((s) => s.rule);
 * // ['quotient', 'chain', 'sum', 'constant multiple', 'power', 'constant multiple', 'exp', 'constant multiple']
 * ```
 */
export function explain(expr: Expr | string, variable: string): Step[] {
  const v = checkVariable(variable, 'explain');
  const root = toNode(expr, 'explain');
  const partial = collectSymbols(root).some((s) => s !== v);
  const d = partial ? `∂/∂${v}` : `d/d${v}`;
  const dTex = partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v}}`;
  const steps: Step[] = [];
  const derivativeOf = (n: AnyNode): AnyNode => differentiate(simplifyNode(n), v, canonical);
  const isConstant = (n: AnyNode): boolean => !collectSymbols(n).includes(v);
  const isVariable = (n: AnyNode): boolean => n.kind === 'sym' && n.name === v;

  // text and tex are computed on first read: printing every intermediate derivative of a
  // deeply nested expression up front would cost far more than most callers ever look at.
  const add = (rule: string, n: AnyNode, result: AnyNode, how: string | (() => string)): void => {
    let text: string | undefined;
    let tex: string | undefined;
    const step: Step = {
      rule,
      expr: n,
      result,
      get text() {
        const detail = typeof how === 'string' ? how : how();
        text ??= `${rule[0]?.toUpperCase()}${rule.slice(1)} rule: ${d}[${n.toString()}] = ${result.toString()}${detail ? ` (${detail})` : ''}`;
        return text;
      },
      get tex() {
        tex ??= `${dTex}\\left[${toTex(n)}\\right] = ${toTex(result)}`;
        return tex;
      },
    };
    steps.push(step);
  };

  const walk = (n: AnyNode): void => {
    if (isConstant(n)) return;
    const result = derivativeOf(n);
    switch (n.kind) {
      case 'sym':
        if (n === root) add('variable', n, result, `${d}[${v}] = 1`);
        return;
      case 'add': {
        const terms = n.args.filter((t) => !isConstant(t));
        add('sum', n, result, () => `differentiate term by term: ${terms.map((t) => `${d}[${t.toString()}]`).join(' + ')}`);
        for (const t of terms) {
          // A subtracted term is −1·t: differentiate t itself, as in the lectures.
          const inner = t.kind === 'mul' && t.args.length === 2 && t.args[0]?.kind === 'num' && t.args[0].value === -1 ? (t.args[1] as AnyNode) : t;
          walk(inner);
        }
        return;
      }
      case 'mul': {
        const varying = n.args.filter((f) => !isConstant(f));
        const denominators = varying.filter((f) => f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value === -1);
        if (denominators.length === 1 && varying.length === 2) {
          const den = (denominators[0] as AnyNode & { kind: 'pow' }).base;
          const num = varying.find((f) => f !== denominators[0]) as AnyNode;
          add('quotient', n, result, () => `(u'·v − u·v')/v^2 with u = ${num.toString()}, v = ${den.toString()}`);
          walk(num);
          walk(den);
          return;
        }
        if (varying.length === 1) {
          const f = varying[0] as AnyNode;
          const c = n.args.filter((g) => g !== f);
          add('constant multiple', n, result, () => `${c.map(String).join('·')} · ${d}[${f.toString()}]`);
          walk(f);
          return;
        }
        add('product', n, result, () => varying.length === 2 ? `u'·v + u·v' with u = ${varying[0]?.toString()}, v = ${varying[1]?.toString()}` : `differentiate one factor at a time: ${varying.map(String).join(', ')}`);
        for (const f of varying) walk(f);
        return;
      }
      case 'pow': {
        const [u, w] = [n.base, n.exp];
        if (isConstant(w)) {
          if (isVariable(u)) add('power', n, result, `${d}[${v}^n] = n·${v}^(n−1) with n = ${w.toString()}`);
          else {
            add('chain', n, result, () => `power rule outside, chain rule inside: n·u^(n−1)·u' with u = ${u.toString()}, n = ${w.toString()}`);
            walk(u);
          }
          return;
        }
        if (isConstant(u)) {
          const isE = u.kind === 'sym' && u.name === 'e';
          const law = isE ? "e^u·u'" : "a^u·log(a)·u'";
          if (isVariable(w)) add(isE ? 'exp' : 'exponential', n, result, law.replace("·u'", '').replace(/u/g, v));
          else {
            add(isE ? 'exp' : 'exponential', n, result, () => `${law} with u = ${w.toString()}`);
            walk(w);
          }
          return;
        }
        add('general power', n, result, () => `u^w·(w'·log(u) + w·u'/u) with u = ${u.toString()}, w = ${w.toString()}`);
        walk(u);
        walk(w);
        return;
      }
      case 'fn': {
        const family = lookup(FAMILY, n.name) ?? n.name;
        const law = lookup(RULES, n.name)?.law ?? '';
        const inner = n.args.filter((a) => !isConstant(a));
        if (n.args.length === 1 && isVariable(n.args[0] as AnyNode)) {
          add(family, n, result, law.replace(/u/g, v));
          return;
        }
        add('chain', n, result, () => `${law}, times the derivative of the inside: u = ${inner.map(String).join(', ')}`);
        for (const a of inner) walk(a);
        return;
      }
      default:
        return;
    }
  };

  guardStack('explain', () => {
    if (isConstant(root)) {
      const zero = derivativeOf(root);
      if (isZero(zero)) add('constant', root, zero, `${root.toString()} does not depend on ${v}`);
      return;
    }
    walk(root);
  });
  return steps;
}
