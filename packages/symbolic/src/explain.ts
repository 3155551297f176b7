import { checkVariable, differentiate, guardStack } from './derivative.js';
import { type AnyNode, equal, type Expr } from './expr.js';
import { functionSpec } from './functions.js';
import { isZero } from './nodes.js';
import { toNode } from './parse.js';
import type { Condition } from './domain.js';
import { Simplifier, simplifyNode } from './simplify.js';
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
  /**
   * What simplifying the result assumed beyond the sub-expression's own domain, in words
   * ("x ≠ 0" when x/x was cancelled): the result holds where these do. Usually empty.
   */
  conditions: readonly string[];
}

/** Strength of what an argument must be: nonzero < positive, nonnegative < positive. */
const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  positive: ['positive', 'nonnegative', 'nonzero', 'defined'],
  nonnegative: ['nonnegative', 'defined'],
  nonzero: ['nonzero', 'defined'],
  defined: ['defined'],
};

/** What n itself needs of its parts to be defined: u ≠ 0 for u^(−1), u > 0 for log(u), … */
function ownRequirements(n: AnyNode): { kind: string; expr: AnyNode }[] {
  const out: { kind: string; expr: AnyNode }[] = [];
  const stack: AnyNode[] = [n];
  while (stack.length > 0) {
    const m = stack.pop() as AnyNode;
    out.push({ kind: 'defined', expr: m });
    if (m.kind === 'pow') {
      stack.push(m.base, m.exp);
      if (m.exp.kind === 'num') {
        const integer = m.exp.exact && m.exp.q === 1;
        if (m.exp.value < 0) out.push({ kind: integer ? 'nonzero' : 'positive', expr: m.base });
        else if (!integer) out.push({ kind: 'nonnegative', expr: m.base });
      }
    } else if (m.kind === 'fn') {
      stack.push(...m.args);
      const need = functionSpec(m.name)?.requires;
      if (need !== undefined && m.args[0] !== undefined) out.push({ kind: need, expr: m.args[0] });
    } else if (m.kind === 'add' || m.kind === 'mul') {
      stack.push(...m.args);
    }
  }
  return out;
}

/** The conditions a step's simplification assumed that its sub-expression does not already need. */
function newConditions(n: AnyNode, conditions: readonly Condition[]): string[] {
  if (conditions.length === 0) return [];
  const own = ownRequirements(n);
  return conditions.filter((c) => !own.some((r) => (IMPLIES[r.kind] ?? []).includes(c.kind) && equal(r.expr, c.expr as AnyNode))).map((c) => c.text);
}


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
  const derivativeOf = (n: AnyNode): [AnyNode, string[]] => {
    const conditions: Condition[] = [];
    const s = new Simplifier(conditions);
    return [differentiate(simplifyNode(n, s), v, s), newConditions(n, conditions)];
  };
  const isConstant = (n: AnyNode): boolean => !collectSymbols(n).includes(v);
  const isVariable = (n: AnyNode): boolean => n.kind === 'sym' && n.name === v;

  // text and tex are computed on first read: printing every intermediate derivative of a
  // deeply nested expression up front would cost far more than most callers ever look at.
  const add = (rule: string, n: AnyNode, [result, conditions]: [AnyNode, string[]], how: string | (() => string)): void => {
    let text: string | undefined;
    let tex: string | undefined;
    const step: Step = {
      rule,
      expr: n,
      result,
      conditions,
      get text() {
        const detail = typeof how === 'string' ? how : how();
        const valid = conditions.length > 0 ? `; valid for ${conditions.join(', ')}` : '';
        text ??= `${rule[0]?.toUpperCase()}${rule.slice(1)} rule: ${d}[${n.toString()}] = ${result.toString()}${detail ? ` (${detail})` : ''}${valid}`;
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
        const spec = functionSpec(n.name);
        const family = spec?.family ?? n.name;
        const law = spec?.derivative?.law ?? '';
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
      if (isZero(zero[0])) add('constant', root, zero, `${root.toString()} does not depend on ${v}`);
      return;
    }
    walk(root);
  });
  return steps;
}
