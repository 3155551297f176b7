import { differentiate } from './derivative.js';
import { type AnyNode, equal } from './expr.js';
import { FUNCTIONS, functionSpec } from './functions.js';
import type { Working } from './integral-working.js';
import { integrateRational } from './integrate-rational.js';
import { expandProducts, hyperbolicAsExp, quadraticRadical, radicalReduction, reciprocalTrig, trigRewrite } from './integration-rewrites.js';
import { isPositive } from './bounds.js';
import { div, HALF, int, isExactZero, isInteger, MINUS_ONE, ONE, rational, sym } from './nodes.js';
import { canonical, substituteNode } from './simplify.js';
import { collectSymbols } from './symbols.js';
import { checkAntiderivative } from './verify-antiderivative.js';

const b = canonical;

/** How deep rules may nest (a substitution inside parts inside …), and how many integrals one search may try. */
const MAX_DEPTH = 32;
const MAX_CALLS = 3000;

/** Thrown when the search used its budget: the caller reports that no antiderivative was found. */
export class SearchExhausted extends Error {}

const dependsOn = (n: AnyNode, x: string): boolean => collectSymbols(n).includes(x);

/** exp(a)·exp(b) → exp(a + b) among the factors of a product, so that ratios of exponentials cancel. */
function mergeExp(n: AnyNode): AnyNode {
  if (n.kind !== 'mul') return n;
  const exps = n.args.filter((f) => f.kind === 'fn' && f.name === 'exp');
  if (exps.length < 2) return n;
  const rest = n.args.filter((f) => !(f.kind === 'fn' && f.name === 'exp'));
  return b.mul([...rest, b.fn('exp', [b.add(exps.map((e) => (e as AnyNode & { args: readonly AnyNode[] }).args[0] as AnyNode))])]);
}

/**
 * u^a·u^b → u^(a+b) for numeric exponents, even where the simplifier may not combine them
 * (sqrt(u)/sqrt(u) is undefined for u ≤ 0, 1 is not). Only the search uses this: whatever it
 * suggests is checked by differentiation, with the domain, before anything is returned.
 */
function mergePowers(n: AnyNode): AnyNode {
  if (n.kind !== 'mul') return n;
  const groups: { base: AnyNode; exps: AnyNode[] }[] = [];
  for (const f of n.args) {
    const base = f.kind === 'pow' && f.exp.kind === 'num' ? f.base : f;
    const exp = f.kind === 'pow' && f.exp.kind === 'num' ? f.exp : ONE;
    const g = groups.find((h) => equal(h.base, base));
    if (g === undefined) groups.push({ base, exps: [exp] });
    else g.exps.push(exp);
  }
  if (groups.length === n.args.length) return n;
  return b.mul(groups.map((g) => b.pow(g.base, b.add(g.exps))));
}

/** p/q simplified for the search: exponentials combined, and powers of a common base. */
export function quotient(p: AnyNode, q: AnyNode): AnyNode {
  return mergePowers(mergeExp(b.mul([p, b.pow(q, MINUS_ONE)])));
}

/** Number of nodes that depend on x inside function arguments and fractional-power bases: what a substitution should shrink. */
function innerSize(n: AnyNode, x: string): number {
  const count = (m: AnyNode): number => (!dependsOn(m, x) ? 0 : m.kind === 'sym' ? 1 : 1 + (m.kind === 'pow' ? count(m.base) + count(m.exp) : m.kind === 'num' ? 0 : m.args.reduce((s, a) => s + count(a), 0)));
  switch (n.kind) {
    case 'num':
    case 'sym':
      return 0;
    case 'add':
    case 'mul':
      return n.args.reduce((s, a) => s + innerSize(a, x), 0);
    case 'pow': {
      const radical = !(n.exp.kind === 'num' && n.exp.exact && n.exp.q === 1);
      return (radical ? count(n.base) : innerSize(n.base, x)) + count(n.exp);
    }
    case 'fn':
      return n.args.reduce((s, a) => s + count(a), 0);
  }
}

function nodeCount(n: AnyNode): number {
  switch (n.kind) {
    case 'num':
    case 'sym':
      return 1;
    case 'pow':
      return 1 + nodeCount(n.base) + nodeCount(n.exp);
    default:
      return 1 + n.args.reduce((s, a) => s + nodeCount(a), 0);
  }
}

/** Structural replacement of `target` by `by`, also in powers of it: x^4 → U^2 for target x^2, exp(2x) → U^2 for exp(x). */
function replaceTarget(n: AnyNode, target: AnyNode, by: AnyNode): AnyNode {
  if (equal(n, target)) return by;
  const power = powerOf(n, target);
  if (power !== undefined) return b.pow(by, power);
  switch (n.kind) {
    case 'num':
    case 'sym':
      return n;
    case 'add':
      return b.add(n.args.map((a) => replaceTarget(a, target, by)));
    case 'mul':
      return b.mul(n.args.map((a) => replaceTarget(a, target, by)));
    case 'pow':
      return b.pow(replaceTarget(n.base, target, by), replaceTarget(n.exp, target, by));
    case 'fn':
      return b.fn(n.name, n.args.map((a) => replaceTarget(a, target, by)));
  }
}

/** n = target^k for an integer k ≠ 0, 1 (x^6 = (x^2)^3, exp(−2x) = exp(x)^(−2)): that k. */
function powerOf(n: AnyNode, target: AnyNode): AnyNode | undefined {
  if (target.kind === 'pow' && n.kind === 'pow' && equal(n.base, target.base) && n.exp.kind === 'num' && target.exp.kind === 'num') {
    const k = n.exp.value / target.exp.value;
    return Number.isInteger(k) && target.exp.exact && n.exp.exact ? int(k) : undefined;
  }
  if (target.kind === 'sym' && n.kind === 'pow' && equal(n.base, target) && n.exp.kind === 'num' && n.exp.exact && n.exp.q === 1) return n.exp;
  if (target.kind === 'fn' && target.name === 'exp' && n.kind === 'fn' && n.name === 'exp') {
    const k = quotient(n.args[0] as AnyNode, target.args[0] as AnyNode);
    if (k.kind === 'num' && k.exact && k.q === 1 && k.value !== 0) return k;
  }
  return undefined;
}

/** u = a·x^k + c with a, c free of x and k a positive integer: [a, k, c]. */
function monomialShift(u: AnyNode, x: string): [AnyNode, number, AnyNode] | undefined {
  const terms = u.kind === 'add' ? u.args : [u];
  const varying = terms.filter((t) => dependsOn(t, x));
  if (varying.length !== 1) return undefined;
  const t = varying[0] as AnyNode;
  const factors = t.kind === 'mul' ? t.args : [t];
  const core = factors.filter((f) => dependsOn(f, x));
  if (core.length !== 1) return undefined;
  const c = core[0] as AnyNode;
  let k: number;
  if (c.kind === 'sym') k = 1;
  else if (c.kind === 'pow' && c.base.kind === 'sym' && c.base.name === x && c.exp.kind === 'num' && c.exp.exact && c.exp.q === 1 && c.exp.value > 0) k = c.exp.value;
  else return undefined;
  const a = b.mul(factors.filter((f) => f !== c));
  return [a, k, b.add(terms.filter((s) => s !== t))];
}

/** Replace x^m (m a multiple of k) by ((U − c)/a)^(m/k). */
function eliminateMonomial(n: AnyNode, x: string, shift: [AnyNode, number, AnyNode], U: AnyNode): AnyNode {
  const [a, k, c] = shift;
  const inverse = div(b, b.add([U, b.mul([MINUS_ONE, c])]), a);
  const go = (m: AnyNode): AnyNode => {
    if (m.kind === 'sym') return m.name === x && k === 1 ? inverse : m;
    if (m.kind === 'pow' && m.base.kind === 'sym' && m.base.name === x && m.exp.kind === 'num' && m.exp.exact && m.exp.q === 1 && m.exp.value % k === 0) {
      return b.pow(inverse, int(m.exp.value / k));
    }
    switch (m.kind) {
      case 'num':
        return m;
      case 'add':
        return b.add(m.args.map(go));
      case 'mul':
        return b.mul(m.args.map(go));
      case 'pow':
        return b.pow(go(m.base), go(m.exp));
      case 'fn':
        return b.fn(m.name, m.args.map(go));
    }
  };
  return go(n);
}

/** A symbol for the substitution variable that the integrand does not use. */
function freshVariable(f: AnyNode, x: string): string {
  const used = new Set([...collectSymbols(f), x]);
  for (const name of ['u', 'w', 'v', 't', 'z', 's']) if (!used.has(name)) return name;
  for (let i = 1; ; i++) if (!used.has(`u${i}`)) return `u${i}`;
}

/** LIATE: logarithmic, inverse trigonometric, algebraic, trigonometric, exponential; lower is chosen as u. */
function liate(n: AnyNode, x: string): number {
  if (n.kind === 'fn') {
    const family = functionSpec(n.name)?.family;
    if (family === 'log') return 0;
    if (family === 'inverse trig' || family === 'inverse hyperbolic') return 1;
    if (family === 'trig' || family === 'hyperbolic') return 3;
    if (family === 'exp') return 4;
    return 5;
  }
  if (n.kind === 'pow') {
    if (!dependsOn(n.exp, x)) {
      const r = liate(n.base, x);
      // log(x)^2 is still logarithmic; a power of x or of a polynomial is algebraic.
      return r <= 1 && n.exp.kind === 'num' && n.exp.value > 0 ? r : r === 2 || n.base.kind === 'sym' || n.base.kind === 'add' ? 2 : r;
    }
    return dependsOn(n.base, x) ? 5 : 4;
  }
  if (n.kind === 'sym' || n.kind === 'add') return isAlgebraic(n, x) ? 2 : 5;
  return 5;
}

function isAlgebraic(n: AnyNode, x: string): boolean {
  switch (n.kind) {
    case 'num':
    case 'sym':
      return true;
    case 'add':
    case 'mul':
      return n.args.every((a) => isAlgebraic(a, x));
    case 'pow':
      return !dependsOn(n.exp, x) && isAlgebraic(n.base, x);
    case 'fn':
      return !dependsOn(n, x);
  }
}

/** Derivatives of the registry's unary functions, for reading the table backwards. */
const derivativeTable = new Map<string, { name: string; derivative: AnyNode }[]>();
function knownDerivatives(x: string): { name: string; derivative: AnyNode }[] {
  let list = derivativeTable.get(x);
  if (list === undefined) {
    const v = sym(x);
    list = Object.entries(FUNCTIONS)
      .filter(([, spec]) => spec.arity[0] === 1 && spec.derivative !== undefined)
      .map(([name, spec]) => ({ name, derivative: (spec.derivative as NonNullable<typeof spec.derivative>).partial([v], 0, b) }));
    // Only a few variable names are ever used; keep the cache bounded anyway.
    if (derivativeTable.size > 16) derivativeTable.clear();
    derivativeTable.set(x, list);
  }
  return list;
}

/**
 * The search for an antiderivative, rule by rule, like a student's: constants and sums
 * first, then the power rule and the table, partial fractions for rational functions,
 * substitution (u an inner function whose derivative appears), identities for powers of trig
 * functions and quadratic radicals, and integration by parts (LIATE), which may meet its
 * own integral again (the cyclic case). Each call returns the working or undefined.
 */
export class Integrator {
  private calls = 0;
  private readonly failed = new Map<string, AnyNode[]>();
  private readonly notes = new Set<string>();

  /** Why rules that looked applicable were refused (a power rule that needs n ≠ −1, …). */
  reasons(): string[] {
    return [...this.notes];
  }

  solve(f: AnyNode, x: string, depth = 0): Working | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (++this.calls > MAX_CALLS) throw new SearchExhausted();
    const key = x;
    const seen = this.failed.get(key);
    if (seen?.some((g) => equal(g, f))) return undefined;
    const w = this.attempt(f, x, depth);
    if (w === undefined) {
      if (seen === undefined) this.failed.set(key, [f]);
      else seen.push(f);
    }
    return w;
  }

  private attempt(f: AnyNode, x: string, depth: number): Working | undefined {
    const v = sym(x);
    if (!dependsOn(f, x)) {
      return { rule: 'constant', integrand: f, variable: x, result: b.mul([f, v]), law: '∫c dx = c*x', substeps: [] };
    }
    if (f.kind === 'add') {
      const subs: Working[] = [];
      for (const t of f.args) {
        const w = this.solve(t, x, depth + 1);
        if (w === undefined) break;
        subs.push(w);
      }
      if (subs.length === f.args.length) {
        return { rule: 'linearity', integrand: f, variable: x, result: b.add(subs.map((s) => s.result)), law: '∫(f + g) dx = ∫f dx + ∫g dx', substeps: subs };
      }
    }
    if (f.kind === 'mul') {
      const constant = f.args.filter((a) => !dependsOn(a, x));
      if (constant.length > 0) {
        const rest = b.mul(f.args.filter((a) => dependsOn(a, x)));
        const c = b.mul(constant);
        const w = this.solve(rest, x, depth + 1);
        if (w === undefined) return undefined;
        return { rule: 'constant multiple', integrand: f, variable: x, result: b.mul([c, w.result]), law: '∫c*f dx = c*∫f dx', parts: { constant: c }, substeps: [w] };
      }
    }
    return (
      this.power(f, x) ??
      this.table(f, x) ??
      this.linearSubstitution(f, x, depth) ??
      integrateRational(f, x, b) ??
      this.rewrite(reciprocalTrig(f, x), f, x, depth, 'reciprocal functions: 1/cos(u) = sec(u), 1/sin(u) = csc(u), …') ??
      this.backwards(f, x) ??
      quadraticRadical(f, x) ??
      this.substitution(f, x, depth) ??
      this.trig(f, x, depth) ??
      this.rewrite(hyperbolicAsExp(f, x), f, x, depth, 'sinh(u) = (exp(u) - exp(-u))/2, cosh(u) = (exp(u) + exp(-u))/2') ??
      radicalReduction(f, x) ??
      this.reduction(f, x, depth) ??
      this.rewrite(expandProducts(f, x), f, x, depth, 'expand the products') ??
      this.parts(f, x, depth)
    );
  }

  /** ∫x^n dx = x^(n+1)/(n+1), ∫dx/x = log|x|, ∫a^x dx = a^x/log(a). */
  private power(f: AnyNode, x: string): Working | undefined {
    if (f.kind === 'sym') {
      return { rule: 'power', integrand: f, variable: x, result: b.mul([HALF, b.pow(f, int(2))]), law: '∫x^n dx = x^(n+1)/(n+1) with n = 1', substeps: [] };
    }
    if (f.kind !== 'pow') return undefined;
    const { base, exp } = f;
    if (base.kind === 'sym' && base.name === x && !dependsOn(exp, x)) {
      if (exp.kind === 'num' && exp.value === -1) {
        return { rule: 'power', integrand: f, variable: x, result: b.fn('log', [b.fn('abs', [base])]), law: '∫1/x dx = log|x|', substeps: [] };
      }
      const n1 = b.add([exp, ONE]);
      if (n1.kind !== 'num' && !isPositive(n1) && !isPositive(b.mul([MINUS_ONE, n1]))) {
        this.notes.add(`the power rule for ${f.toString()} needs ${exp.toString()} ≠ -1, which cannot be decided`);
        return undefined;
      }
      return { rule: 'power', integrand: f, variable: x, result: b.mul([b.pow(base, n1), b.pow(n1, MINUS_ONE)]), law: `∫x^n dx = x^(n+1)/(n+1) with n = ${exp.toString()}`, substeps: [] };
    }
    // ∫|x|^n dx = x·|x|^n/(n + 1): d/dx x·|x|^n = |x|^n + n·x·sign(x)·|x|^(n−1) = (n + 1)·|x|^n
    if (base.kind === 'fn' && base.name === 'abs' && base.args[0]?.kind === 'sym' && base.args[0].name === x && exp.kind === 'num' && exp.value !== -1) {
      const n1 = b.add([exp, ONE]);
      return { rule: 'power', integrand: f, variable: x, result: b.mul([base.args[0], f, b.pow(n1, MINUS_ONE)]), law: `∫|x|^n dx = x*|x|^n/(n+1) with n = ${exp.toString()}`, substeps: [] };
    }
    if (!dependsOn(base, x) && exp.kind === 'sym' && exp.name === x) {
      const ok = base.kind === 'num' ? base.value > 0 && base.value !== 1 : isPositive(base) && isPositive(b.add([base, MINUS_ONE]));
      if (!ok) {
        this.notes.add(`∫a^x dx = a^x/log(a) needs a > 0 and a ≠ 1, which cannot be decided for a = ${base.toString()}`);
        return undefined;
      }
      return { rule: 'exponential', integrand: f, variable: x, result: div(b, f, b.fn('log', [base])), law: '∫a^x dx = a^x/log(a)', substeps: [] };
    }
    return undefined;
  }

  /** The registry's table of integrals: ∫f(x) dx for f(x) with an entry. */
  private table(f: AnyNode, x: string): Working | undefined {
    if (f.kind !== 'fn' || f.args.length !== 1) return undefined;
    const u = f.args[0] as AnyNode;
    if (u.kind !== 'sym' || u.name !== x) return undefined;
    const rule = functionSpec(f.name)?.antiderivative;
    if (rule === undefined) return undefined;
    return { rule: 'table', integrand: f, variable: x, result: rule.primitive(u, b), law: rule.law.replace(/\bdu\b/g, `d${x}`).replace(/\bu\b/g, x), substeps: [] };
  }

  /** A known derivative read backwards: f = c·g′(x) for a registry function g (sec² → tan, 1/sqrt(1 − x²) → asin). */
  private backwards(f: AnyNode, x: string): Working | undefined {
    if (f.kind === 'add' || f.kind === 'sym') return undefined;
    for (const { name, derivative } of knownDerivatives(x)) {
      const c = quotient(f, derivative);
      if (dependsOn(c, x) || isExactZero(c)) continue;
      const result = b.mul([c, b.fn(name, [sym(x)])]);
      // A derivative holds where g is differentiable; keep the form only where g covers f's whole domain.
      if (!checkAntiderivative(f, result, x).ok) continue;
      return { rule: 'table', integrand: f, variable: x, result, law: `d/d${x} ${name}(${x}) = ${derivative.toString()}`, parts: { ratio: c }, substeps: [] };
    }
    return undefined;
  }

  /**
   * The reduction formulas for ∫sec^n and ∫csc^n (n ≥ 3), which integration by parts with
   * dv = sec²(x) dx gives: ∫sec^n = sec^(n−2)·tan/(n − 1) + (n − 2)/(n − 1)·∫sec^(n−2).
   */
  private reduction(f: AnyNode, x: string, depth: number): Working | undefined {
    if (f.kind !== 'pow' || f.base.kind !== 'fn' || (f.base.name !== 'sec' && f.base.name !== 'csc')) return undefined;
    const u = f.base.args[0] as AnyNode;
    if (u.kind !== 'sym' || u.name !== x || f.exp.kind !== 'num' || !f.exp.exact || f.exp.q !== 1 || f.exp.value < 3) return undefined;
    const n = f.exp.value;
    const sec = f.base.name === 'sec';
    const lower = b.pow(f.base, int(n - 2));
    const rest = this.solve(lower, x, depth + 1);
    if (rest === undefined) return undefined;
    // ∫csc^n = −csc^(n−2)·cot/(n − 1) + (n − 2)/(n − 1)·∫csc^(n−2)
    const head = b.mul([rational(sec ? 1 : -1, n - 1), lower, b.fn(sec ? 'tan' : 'cot', [u])]);
    const result = b.add([head, b.mul([rational(n - 2, n - 1), rest.result])]);
    const law = sec ? '∫sec^n = sec^(n-2)*tan/(n - 1) + (n - 2)/(n - 1)*∫sec^(n-2) (by parts with dv = sec^2)' : '∫csc^n = -csc^(n-2)*cot/(n - 1) + (n - 2)/(n - 1)*∫csc^(n-2) (by parts with dv = csc^2)';
    return { rule: 'parts', integrand: f, variable: x, result, law, substeps: [rest] };
  }

  /** Candidates for u: inner functions, bases and exponents, largest first. */
  private candidates(f: AnyNode, x: string): AnyNode[] {
    const out: AnyNode[] = [];
    const push = (n: AnyNode): void => {
      if (!dependsOn(n, x) || (n.kind === 'sym' && n.name === x) || equal(n, f)) return;
      if (!out.some((m) => equal(m, n))) out.push(n);
    };
    const walk = (n: AnyNode): void => {
      switch (n.kind) {
        case 'fn':
          for (const a of n.args) push(a);
          push(n);
          n.args.forEach(walk);
          return;
        case 'pow':
          push(n.base);
          if (dependsOn(n.exp, x)) push(n.exp);
          else if (n.base.kind === 'sym' && n.exp.kind === 'num' && n.exp.value > 1) push(n);
          walk(n.base);
          walk(n.exp);
          return;
        case 'add':
        case 'mul':
          n.args.forEach(walk);
          return;
        default:
          return;
      }
    };
    walk(f);
    // u = x^(k+1) when x^k is a factor (its derivative appears), and x^d for d dividing a power x^m inside.
    const v = sym(x);
    for (const g of f.kind === 'mul' ? f.args : [f]) {
      if (g.kind === 'pow' && g.base.kind === 'sym' && g.base.name === x && isInteger(g.exp) && g.exp.value > 0) push(b.pow(v, int(g.exp.value + 1)));
      if (g.kind === 'sym' && g.name === x) push(b.pow(v, int(2)));
    }
    for (const m of [...out]) {
      if (m.kind === 'pow' && m.base.kind === 'sym' && m.base.name === x && isInteger(m.exp)) {
        for (let d = 2; d < m.exp.value; d++) if (m.exp.value % d === 0) push(b.pow(v, int(d)));
      }
    }
    return out.sort((p, q) => q.depth - p.depth).slice(0, 16);
  }

  /** u = a·x + c, where f depends on x only through u: ∫f dx = (1/a)∫g(u) du. */
  private linearSubstitution(f: AnyNode, x: string, depth: number): Working | undefined {
    for (const u of this.candidates(f, x)) {
      const du = differentiate(u, x, b);
      if (dependsOn(du, x) || isExactZero(du)) continue;
      const name = freshVariable(f, x);
      const g = replaceTarget(f, u, sym(name));
      if (dependsOn(g, x)) continue;
      return this.substituted(f, x, u, du, quotient(g, du), name, depth);
    }
    return undefined;
  }

  /** ∫f dx = ∫g(u) du when f = g(u(x))·u′(x), up to a constant factor. */
  private substitution(f: AnyNode, x: string, depth: number): Working | undefined {
    for (const u of this.candidates(f, x)) {
      const du = differentiate(u, x, b);
      if (isExactZero(du)) continue;
      const name = freshVariable(f, x);
      const U = sym(name);
      const q = quotient(f, du);
      let g = replaceTarget(q, u, U);
      if (dependsOn(g, x)) {
        const shift = monomialShift(u, x);
        if (shift === undefined) continue;
        g = eliminateMonomial(g, x, shift, U);
        if (dependsOn(g, x)) continue;
      }
      // Only a change of variable that simplifies: what sits inside functions and roots must
      // shrink, or stay the same size in a smaller integrand (so no chain of them can cycle).
      const [gi, fi] = [innerSize(g, name), innerSize(f, x)];
      if (gi > fi || (gi === fi && nodeCount(g) >= nodeCount(f))) continue;
      const w = this.substituted(f, x, u, du, g, name, depth);
      if (w !== undefined) return w;
    }
    return undefined;
  }

  private substituted(f: AnyNode, x: string, u: AnyNode, du: AnyNode, g: AnyNode, name: string, depth: number): Working | undefined {
    const inner = this.solve(g, name, depth + 1);
    if (inner === undefined) return undefined;
    const result = substituteNode(inner.result, new Map([[name, u]]));
    return { rule: 'substitution', integrand: f, variable: x, result, parts: { u, du, rewritten: g }, substeps: [inner] };
  }

  private rewrite(rewritten: { expr: AnyNode; law: string } | AnyNode | undefined, f: AnyNode, x: string, depth: number, law: string): Working | undefined {
    if (rewritten === undefined) return undefined;
    const r = 'expr' in rewritten ? rewritten : { expr: rewritten, law };
    if (equal(r.expr, f)) return undefined;
    const w = this.solve(r.expr, x, depth + 1);
    if (w === undefined) return undefined;
    return { rule: 'rewrite', integrand: f, variable: x, result: w.result, law: r.law, parts: { rewritten: r.expr }, substeps: [w] };
  }

  private trig(f: AnyNode, x: string, depth: number): Working | undefined {
    const r = trigRewrite(f);
    return r === undefined ? undefined : this.rewrite(r, f, x, depth, r.law);
  }

  /**
   * ∫u dv = u·v − ∫v du, with u chosen by LIATE (the factor that gets simpler when
   * differentiated) and dv the rest; a lone log or inverse function is u with dv = dx. When
   * ∫v du comes back to c·∫f (after one or two rounds, as for exp(x)·sin(x)), the equation
   * I = … − c·I is solved for I.
   */
  private parts(f: AnyNode, x: string, depth: number): Working | undefined {
    for (const [u, dv] of this.partsChoices(f, x)) {
      const dvWork = this.solve(dv, x, depth + 1);
      if (dvWork === undefined) continue;
      const v = dvWork.result;
      const du = differentiate(u, x, b);
      const g = b.mul([v, du]);
      const uv = b.mul([u, v]);
      const parts = { u, dv, v, du };
      const ratio1 = quotient(g, f);
      if (!dependsOn(ratio1, x) && !(ratio1.kind === 'num' && ratio1.value === -1)) {
        // I = u·v − c·I
        const result = b.mul([uv, b.pow(b.add([ONE, ratio1]), MINUS_ONE)]);
        return { rule: 'cyclic parts', integrand: f, variable: x, result, parts: { ...parts, ratio: ratio1 }, law: `∫u dv = u*v - ∫v du, and ∫v du = ${ratio1.toString()}*I where I is the integral itself, so I = u*v/${b.add([ONE, ratio1]).toString()}`, substeps: [dvWork] };
      }
      const second = this.secondRound(g, f, x, depth);
      if (second !== undefined) {
        // I = u·v − (u₁·v₁ − c·I)  ⇒  I = (u·v − u₁·v₁)/(1 − c)
        const { u1v1, c, work } = second;
        const explicit = b.add([uv, b.mul([MINUS_ONE, u1v1])]);
        const divisor = b.add([ONE, b.mul([MINUS_ONE, c])]);
        const result = b.mul([explicit, b.pow(divisor, MINUS_ONE)]);
        const cI = c.kind === 'num' && c.value < 0 ? `- ${b.mul([MINUS_ONE, c]).toString()}*I` : `+ ${c.toString()}*I`;
        return {
          rule: 'cyclic parts', integrand: f, variable: x, result, parts: { ...parts, ratio: c },
          law: `by parts twice the integral I comes back: I = ${explicit.toString()} ${cI.replace('- 1*I', '- I').replace('+ 1*I', '+ I')}, so I = (${explicit.toString()})/${divisor.toString()}`,
          substeps: [dvWork, work],
        };
      }
      const rest = this.solve(g, x, depth + 1);
      if (rest === undefined) continue;
      return { rule: 'parts', integrand: f, variable: x, result: b.add([uv, b.mul([MINUS_ONE, rest.result])]), parts, law: '∫u dv = u*v - ∫v du', substeps: [dvWork, rest] };
    }
    return undefined;
  }

  /** Parts on g with the same kind of choice; when ∫v₁ du₁ = c·f, the cyclic case. */
  private secondRound(g: AnyNode, f: AnyNode, x: string, depth: number): { u1v1: AnyNode; c: AnyNode; work: Working } | undefined {
    const choice = this.partsChoices(g, x)[0];
    if (choice === undefined) return undefined;
    const [u1, dv1] = choice;
    const dvWork = this.solve(dv1, x, depth + 2);
    if (dvWork === undefined) return undefined;
    const v1 = dvWork.result;
    const du1 = differentiate(u1, x, b);
    const c = quotient(b.mul([v1, du1]), f);
    if (dependsOn(c, x) || (c.kind === 'num' && c.value === 1)) return undefined;
    const u1v1 = b.mul([u1, v1]);
    const I = sym('I');
    const work: Working = {
      rule: 'parts', integrand: g, variable: x, result: b.add([u1v1, b.mul([MINUS_ONE, c, I])]),
      parts: { u: u1, dv: dv1, v: v1, du: du1 }, law: `∫u dv = u*v - ∫v du, and here ∫v du = ${c.toString()}*I, where I = ∫${f.toString()} d${x} is the integral we started from`, substeps: [dvWork],
    };
    return { u1v1, c, work };
  }

  /** (u, dv) pairs in LIATE order. */
  private partsChoices(f: AnyNode, x: string): [AnyNode, AnyNode][] {
    const factors = (f.kind === 'mul' ? f.args : [f]).filter((a) => dependsOn(a, x));
    const constant = f.kind === 'mul' ? f.args.filter((a) => !dependsOn(a, x)) : [];
    if (factors.length === 1) {
      const only = factors[0] as AnyNode;
      return liate(only, x) <= 1 ? [[only, b.mul(constant.length > 0 ? constant : [ONE])]] : [];
    }
    const ranked = factors.map((a, i) => ({ a, i, r: liate(a, x) })).filter((e) => e.r < 5).sort((p, q) => p.r - q.r || p.i - q.i);
    return ranked.map(({ a }) => [a, b.mul([...constant, ...factors.filter((g) => g !== a)])] as [AnyNode, AnyNode]);
  }
}
