import { type AnyNode, equal } from './expr.js';
import { quadraticCoefficients } from './integrate-rational.js';
import type { Working } from './integral-working.js';
import { div, HALF, int, MINUS_ONE, ONE, raw, sub, sym } from './nodes.js';
import { addPoly, degree, derivativePoly, fractionNode, mulPoly, type Poly, polyNode, qInv, qMul, qNeg, qSign, qSub, scalePoly, solveLinear, toRationalFunction } from './polynomial.js';
import { functionSpec } from './functions.js';
import type { Fraction } from './rational.js';
import { canonical } from './simplify.js';
import { collectSymbols } from './symbols.js';

/**
 * The identities integration uses before a rule applies: reciprocal trig functions by name,
 * power reduction and the Pythagorean identity for powers of sin and cos (and sinh, cosh,
 * tan), product-to-sum for sin(ax)·cos(bx), expanding products, and the table of quadratic
 * radicals after completing the square.
 */

const b = canonical;
const dependsOn = (n: AnyNode, x: string): boolean => collectSymbols(n).includes(x);

const RECIPROCAL: Readonly<Record<string, string>> = { cos: 'sec', sin: 'csc', tan: 'cot', cosh: 'sech', sinh: 'csch', tanh: 'coth' };

/** cos(u)^(−n) → sec(u)^n and the like, for the factors of f; undefined when nothing changes. */
export function reciprocalTrig(f: AnyNode, x: string): AnyNode | undefined {
  let changed = false;
  const factors = (f.kind === 'mul' ? f.args : [f]).map((g) => {
    if (g.kind === 'pow' && g.base.kind === 'fn' && g.exp.kind === 'num' && g.exp.value < 0 && dependsOn(g, x)) {
      const name = RECIPROCAL[g.base.name];
      if (name !== undefined && Object.hasOwn(RECIPROCAL, g.base.name)) {
        changed = true;
        return b.pow(b.fn(name, g.base.args), b.mul([MINUS_ONE, g.exp]));
      }
    }
    return g;
  });
  return changed ? b.mul(factors) : undefined;
}

interface Power {
  name: string;
  arg: AnyNode;
  n: number;
}

/** f as a product of integer powers of functions, or undefined when some factor is not one. */
function functionPowers(f: AnyNode): Power[] | undefined {
  const out: Power[] = [];
  for (const g of f.kind === 'mul' ? f.args : [f]) {
    if (g.kind === 'fn' && g.args.length === 1) out.push({ name: g.name, arg: g.args[0] as AnyNode, n: 1 });
    else if (g.kind === 'pow' && g.base.kind === 'fn' && g.base.args.length === 1 && g.exp.kind === 'num' && g.exp.exact && g.exp.q === 1) {
      out.push({ name: g.base.name, arg: g.base.args[0] as AnyNode, n: g.exp.value });
    } else return undefined;
  }
  return out;
}

/** −x, −3·x, −x − 1: a leading negative numeric coefficient. */
function looksNegative(n: AnyNode): boolean {
  const lead = n.kind === 'add' ? n.args[0] : n;
  if (lead === undefined) return false;
  if (lead.kind === 'num') return lead.value < 0;
  return lead.kind === 'mul' && lead.args[0]?.kind === 'num' && lead.args[0].value < 0;
}

const fn = (name: string, u: AnyNode): AnyNode => b.fn(name, [u]);
const pow = (n: AnyNode, k: number): AnyNode => b.pow(n, int(k));
const double = (u: AnyNode): AnyNode => b.mul([int(2), u]);

/** A trig identity that turns f into something the other rules integrate, with its law. */
export function trigRewrite(f: AnyNode): { expr: AnyNode; law: string } | undefined {
  const halved = halfAngle(f);
  if (halved !== undefined) return halved;
  const powers = functionPowers(f);
  if (powers === undefined || powers.length === 0) return undefined;
  const first = powers[0] as Power;
  const sameArg = powers.every((p) => equal(p.arg, first.arg));
  if (sameArg) {
    const u = first.arg;
    const count = (name: string): number => powers.filter((p) => p.name === name).reduce((s, p) => s + p.n, 0);
    const names = new Set(powers.map((p) => p.name));
    for (const [s, c, sign, family] of [['sin', 'cos', -1, 'trig'], ['sinh', 'cosh', 1, 'hyperbolic']] as const) {
      if (![...names].every((n) => n === s || n === c)) continue;
      const m = count(s);
      const n = count(c);
      // sin^m with m odd: sin·(1 − cos²)^k, then u = cos. (sinh: sinh·(cosh² − 1)^k.)
      if (m >= 3 && m % 2 === 1) {
        const rest = b.add([sign === -1 ? ONE : MINUS_ONE, b.mul([int(sign), pow(fn(c, u), 2)])]);
        return { expr: b.mul([fn(s, u), pow(rest, (m - 1) / 2), pow(fn(c, u), n)]), law: family === 'trig' ? `sin(u)^2 = 1 - cos(u)^2` : 'sinh(u)^2 = cosh(u)^2 - 1' };
      }
      if (n >= 3 && n % 2 === 1) {
        const rest = b.add([ONE, b.mul([int(sign), pow(fn(s, u), 2)])]);
        return { expr: b.mul([fn(c, u), pow(rest, (n - 1) / 2), pow(fn(s, u), m)]), law: family === 'trig' ? 'cos(u)^2 = 1 - sin(u)^2' : 'cosh(u)^2 = 1 + sinh(u)^2' };
      }
      if (m >= 0 && n >= 0 && m % 2 === 0 && n % 2 === 0 && m + n >= 2) {
        // sin² = (1 − cos 2u)/2, cos² = (1 + cos 2u)/2 (sinh² = (cosh 2u − 1)/2, cosh² = (cosh 2u + 1)/2)
        const c2 = fn(c, double(u));
        const s2 = b.mul([HALF, b.add([sign === -1 ? ONE : MINUS_ONE, b.mul([int(sign), c2])])]);
        const k2 = b.mul([HALF, b.add([ONE, c2])]);
        const product = b.mul([pow(s2, m / 2), pow(k2, n / 2)]);
        return { expr: expand(product), law: family === 'trig' ? 'sin(u)^2 = (1 - cos(2u))/2, cos(u)^2 = (1 + cos(2u))/2' : 'sinh(u)^2 = (cosh(2u) - 1)/2, cosh(u)^2 = (cosh(2u) + 1)/2' };
      }
    }
    // tan^n = tan^(n−2)·(sec² − 1), cot^n = cot^(n−2)·(csc² − 1), tanh^n = tanh^(n−2)·(1 − sech²)
    if (powers.length === 1 && first.n >= 2) {
      const pair = { tan: ['sec', 1, 'tan(u)^2 = sec(u)^2 - 1'], cot: ['csc', 1, 'cot(u)^2 = csc(u)^2 - 1'], tanh: ['sech', -1, 'tanh(u)^2 = 1 - sech(u)^2'], coth: ['csch', 1, 'coth(u)^2 = 1 + csch(u)^2'] } as const;
      if (Object.hasOwn(pair, first.name)) {
        const [other, sign, law] = pair[first.name as keyof typeof pair];
        const sq = b.add([b.mul([int(sign), pow(fn(other, u), 2)]), int(first.name === 'coth' ? 1 : -sign)]);
        return { expr: expand(b.mul([pow(fn(first.name, u), first.n - 2), sq])), law };
      }
    }
    return undefined;
  }
  // sin(A)·cos(B), sin(A)·sin(B), cos(A)·cos(B) with different arguments: product to sum.
  if (powers.length === 2 && powers.every((p) => p.n === 1 && (p.name === 'sin' || p.name === 'cos'))) {
    const [p, q] = [...powers].sort((a, c) => (a.name === 'sin' ? 0 : 1) - (c.name === 'sin' ? 0 : 1)) as [Power, Power];
    const plus = b.add([p.arg, q.arg]);
    const minus = sub(b, p.arg, q.arg);
    // sin(−D) = −sin(D), cos(−D) = cos(D): keep the difference's leading sign positive.
    const flip = looksNegative(minus);
    const d = flip ? b.mul([MINUS_ONE, minus]) : minus;
    const sinD = flip ? b.mul([MINUS_ONE, fn('sin', d)]) : fn('sin', d);
    if (p.name === 'sin' && q.name === 'cos') return { expr: b.mul([HALF, b.add([fn('sin', plus), sinD])]), law: 'sin(A)*cos(B) = (sin(A + B) + sin(A - B))/2' };
    if (p.name === 'sin') return { expr: b.mul([HALF, sub(b, fn('cos', d), fn('cos', plus))]), law: 'sin(A)*sin(B) = (cos(A - B) - cos(A + B))/2' };
    return { expr: b.mul([HALF, b.add([fn('cos', d), fn('cos', plus)])]), law: 'cos(A)*cos(B) = (cos(A - B) + cos(A + B))/2' };
  }
  return undefined;
}

/**
 * sinh and cosh next to an exponential, written with exp (each term then one exponential):
 * exp(x)·sinh(x) = (exp(2x) − 1)/2.
 */
export function hyperbolicAsExp(f: AnyNode, x: string): AnyNode | undefined {
  const factors = f.kind === 'mul' ? f.args : [f];
  const hasExp = factors.some((g) => g.kind === 'fn' && g.name === 'exp' && dependsOn(g, x));
  const hyperbolic = (g: AnyNode): boolean => g.kind === 'fn' && (g.name === 'sinh' || g.name === 'cosh');
  if (!hasExp || !factors.some((g) => hyperbolic(g) || (g.kind === 'pow' && hyperbolic(g.base)))) return undefined;
  const rewritten = factors.map((g) => {
    const h = g.kind === 'pow' ? g.base : g;
    if (!hyperbolic(h) || h.kind !== 'fn') return g;
    const spec = functionSpec(h.name);
    const e = spec?.viaExpLog?.(h.args, b) ?? h;
    return g.kind === 'pow' ? b.pow(e, g.exp) : e;
  });
  const e = expand(b.mul(rewritten));
  return e.kind === 'add' ? raw.add(e.args.map(mergeExponentials)) : mergeExponentials(e);
}

function mergeExponentials(n: AnyNode): AnyNode {
  if (n.kind !== 'mul') return n;
  const exps = n.args.filter((g) => g.kind === 'fn' && g.name === 'exp');
  if (exps.length < 2) return n;
  const rest = n.args.filter((g) => !exps.includes(g));
  return b.mul([...rest, b.fn('exp', [b.add(exps.map((g) => (g as AnyNode & { args: readonly AnyNode[] }).args[0] as AnyNode))])]);
}

/**
 * ∫P(x)·Q(x)^(n/2) dx for Q quadratic, P a polynomial and n odd (P/sqrt(Q), P·sqrt(Q), …):
 * written as P̃/sqrt(Q) with P̃ = P·Q^((n+1)/2), then ∫P̃/sqrt(Q) dx = R·sqrt(Q) + λ·∫dx/sqrt(Q)
 * with deg R = deg P̃ − 1, R and λ found by equating coefficients in P̃ = R′·Q + R·Q′/2 + λ
 * (the derivative of R·sqrt(Q) is (R′·Q + R·Q′/2)/sqrt(Q)).
 */
export function radicalReduction(f: AnyNode, x: string): Working | undefined {
  const factors = f.kind === 'mul' ? f.args : [f];
  const radical = factors.find((g) => g.kind === 'pow' && g.exp.kind === 'num' && g.exp.exact && g.exp.q === 2 && dependsOn(g.base, x));
  if (radical === undefined || radical.kind !== 'pow' || radical.exp.kind !== 'num') return undefined;
  const n = radical.exp.p as number;
  if (typeof n !== 'number' || n < -1 || n > 7) return undefined;
  const Q = toRationalFunction(radical.base, x);
  const P = toRationalFunction(b.mul(factors.filter((g) => g !== radical)), x);
  if (Q === undefined || P === undefined || degree(Q.den) !== 0 || degree(P.den) !== 0 || degree(Q.num) !== 2 || P.num.length === 0) return undefined;
  let Pt = P.num;
  for (let k = 0; k < (n + 1) / 2; k++) Pt = mulPoly(Pt, Q.num);
  const m = degree(Pt);
  if (m < 1 || m > 12 || (n === -1 && m < 1)) return undefined;
  // Unknowns r_0 … r_(m−1), λ; equations for the coefficients of x^0 … x^m.
  const Qp = derivativePoly(Q.num);
  const columns: Poly[] = [];
  for (let j = 0; j < m; j++) {
    const xj: Poly = [...new Array<Fraction>(j).fill([0, 1]), [1, 1]];
    const dxj: Poly = j === 0 ? [] : [...new Array<Fraction>(j - 1).fill([0, 1]), [j, 1]];
    columns.push(addPoly(mulPoly(dxj, Q.num), scalePoly(mulPoly(xj, Qp), [1, 2])));
  }
  columns.push([[1, 1]]);
  const A: Fraction[][] = [];
  const y: Fraction[] = [];
  for (let row = 0; row <= m; row++) {
    A.push(columns.map((c) => c[row] ?? [0, 1]));
    y.push(Pt[row] ?? [0, 1]);
  }
  const z = solveLinear(A, y);
  if (z === undefined) return undefined;
  const R = polyNode(z.slice(0, m), x, b);
  const lambda = z[m] as Fraction;
  const sqrtQ = b.pow(radical.base, HALF);
  const head = b.mul([R, sqrtQ]);
  const substeps: Working[] = [];
  let result = head;
  if (!(lambda[0] === 0)) {
    const rest = quadraticRadical(b.pow(radical.base, b.mul([MINUS_ONE, HALF])), x);
    if (rest === undefined) return undefined;
    substeps.push(rest);
    result = b.add([head, b.mul([fractionNode(lambda), rest.result])]);
  }
  return {
    rule: 'table', integrand: f, variable: x, result, substeps,
    law: `∫P/sqrt(Q) dx = R*sqrt(Q) + λ*∫dx/sqrt(Q) with Q = ${radical.base.toString()}, R = ${R.toString()}, λ = ${fractionNode(lambda).toString()} (equating coefficients in P = R'*Q + R*Q'/2 + λ)`,
  };
}

/** The terms of a sum (a lone term is a sum of one). */
const termsOf = (n: AnyNode): readonly AnyNode[] => (n.kind === 'add' ? n.args : [n]);

/** 1 + cos(u) = 2·cos(u/2)², 1 − cos(u) = 2·sin(u/2)², in the factors of f. */
function halfAngle(f: AnyNode): { expr: AnyNode; law: string } | undefined {
  let changed = false;
  const half = (g: AnyNode): AnyNode => {
    if (g.kind !== 'add' || g.args.length !== 2) return g;
    const [p, q] = g.args as [AnyNode, AnyNode];
    const one = p.kind === 'num' && p.exact && p.value === 1 ? q : q.kind === 'num' && q.exact && q.value === 1 ? p : undefined;
    if (one === undefined) return g;
    const negative = one.kind === 'mul' && one.args.length === 2 && one.args[0]?.kind === 'num' && one.args[0].value === -1;
    const c = negative ? (one as AnyNode & { args: readonly AnyNode[] }).args[1] as AnyNode : one;
    if (c.kind !== 'fn' || c.name !== 'cos') return g;
    changed = true;
    return b.mul([int(2), pow(fn(negative ? 'sin' : 'cos', b.mul([HALF, c.args[0] as AnyNode])), 2)]);
  };
  const factors = (f.kind === 'mul' ? f.args : [f]).map((g) => (g.kind === 'pow' ? b.pow(half(g.base), g.exp) : half(g)));
  return changed ? { expr: b.mul(factors), law: '1 + cos(u) = 2*cos(u/2)^2, 1 - cos(u) = 2*sin(u/2)^2' } : undefined;
}

/** Multiply out products of sums and small integer powers of sums (the top level only). */
export function expand(n: AnyNode): AnyNode {
  if (n.kind === 'add') return b.add(n.args.map(expand));
  let factors: readonly AnyNode[];
  if (n.kind === 'pow' && n.base.kind === 'add' && n.exp.kind === 'num' && n.exp.exact && n.exp.q === 1 && n.exp.value >= 2 && n.exp.value <= 8) {
    factors = new Array<AnyNode>(n.exp.value).fill(n.base);
  } else if (n.kind === 'mul') {
    factors = n.args;
  } else {
    return n;
  }
  // Distribute term by term: building a product of two equal sums would fold back into a power.
  let terms: AnyNode[] = [ONE];
  for (const f of factors) {
    const parts = termsOf(expand(f));
    if (terms.length * parts.length > 256) return n;
    terms = terms.flatMap((t) => parts.map((p) => b.mul([t, p])));
  }
  return spread(b.add(terms));
}

/**
 * The simplifier gathers a common exp(…) factor back out of a sum ((sin − cos)·exp); for
 * integrating term by term the sum is what is wanted, so spread it again (unsimplified sum).
 */
function spread(n: AnyNode): AnyNode {
  if (n.kind !== 'mul') return n;
  const sum = n.args.find((a) => a.kind === 'add');
  if (sum === undefined || sum.kind !== 'add') return n;
  const others = n.args.filter((a) => a !== sum);
  return raw.add(sum.args.map((t) => b.mul([t, ...others])));
}

/** f with its products of sums multiplied out, or undefined when that changes nothing. */
export function expandProducts(f: AnyNode, x: string): AnyNode | undefined {
  if (!dependsOn(f, x)) return undefined;
  const e = expand(f);
  return e.kind !== 'add' || (f.kind === 'add' && equal(e, f)) ? undefined : e;
}

/**
 * The table of quadratic radicals, after completing the square (t = x + B/(2A)):
 * ∫(A x² + B x + C)^(∓1/2) dx as an arcsine, an inverse hyperbolic sine or a logarithm
 * (and the square-root forms with them), and ∫dx/(x·sqrt(A x² + C)) as arcsec / arcsch.
 */
export function quadraticRadical(f: AnyNode, x: string): Working | undefined {
  const v = sym(x);
  if (f.kind === 'pow' && f.exp.kind === 'num' && f.exp.exact && f.exp.q === 2 && (f.exp.p === 1 || f.exp.p === -1)) {
    const q = quadraticCoefficients(f.base, x);
    if (q === undefined) return undefined;
    const result = radical(q, f.base, v, f.exp.p);
    if (result === undefined) return undefined;
    return { rule: 'table', integrand: f, variable: x, result: result.result, law: result.law, parts: { rewritten: result.completed }, substeps: [] };
  }
  // x^(−1)·(A x² + C)^(−1/2)
  if (f.kind === 'mul' && f.args.length === 2) {
    const [p, r] = f.args as [AnyNode, AnyNode];
    if (!(p.kind === 'pow' && p.base.kind === 'sym' && p.base.name === x && p.exp.kind === 'num' && p.exp.value === -1)) return undefined;
    if (!(r.kind === 'pow' && r.exp.kind === 'num' && r.exp.exact && r.exp.p === -1 && r.exp.q === 2)) return undefined;
    const q = quadraticCoefficients(r.base, x);
    if (q === undefined || qSign(q[1]) !== 0 || qSign(q[2]) <= 0 || qSign(q[0]) === 0) return undefined;
    const [C, , A] = q;
    const sqrtA = b.pow(fractionNode(A), HALF);
    if (qSign(C) < 0) {
      // A(x² − k²) with k² = −C/A: ∫dx/(x·sqrt(x² − k²)) = asec(|x|/k)/k
      const kk = b.pow(fractionNode(qMul(qNeg(C), qInv(A))), HALF);
      const result = b.mul([b.pow(b.mul([sqrtA, kk]), MINUS_ONE), b.fn('asec', [div(b, b.fn('abs', [v]), kk)])]);
      return { rule: 'table', integrand: f, variable: x, result, law: 'd/dx asec(x) = 1/(|x|*sqrt(x^2 - 1))', substeps: [] };
    }
    const kk = b.pow(fractionNode(qMul(C, qInv(A))), HALF);
    const result = b.mul([MINUS_ONE, b.pow(b.mul([sqrtA, kk]), MINUS_ONE), b.fn('acsch', [div(b, b.fn('abs', [v]), kk)])]);
    return { rule: 'table', integrand: f, variable: x, result, law: 'd/dx acsch(x) = -1/(|x|*sqrt(1 + x^2))', substeps: [] };
  }
  return undefined;
}

function radical(q: [Fraction, Fraction, Fraction], base: AnyNode, v: AnyNode, p: 1 | -1): { result: AnyNode; law: string; completed: AnyNode } | undefined {
  const [C, B, A] = q;
  // A x² + B x + C = A((x + B/(2A))² + D) with D = C/A − B²/(4A²)
  const shift = qMul(B, qInv(qMul([2, 1], A)));
  const D = qSub(qMul(C, qInv(A)), qMul(shift, shift));
  const t = b.add([v, fractionNode(shift)]);
  const sqrtBase = b.pow(base, HALF);
  const completed = b.mul([fractionNode(A), b.add([b.pow(t, int(2)), fractionNode(D)])]);
  const aPos = qSign(A) > 0;
  const absA = aPos ? A : qNeg(A);
  const sqrtAbsA = b.pow(fractionNode(absA), HALF);
  if (qSign(D) === 0) return undefined;
  if (aPos) {
    const sqrtD = b.pow(fractionNode(qSign(D) > 0 ? D : qNeg(D)), HALF);
    // sqrt(t² + D) = sqrt(base)/sqrt(A)
    const inner = qSign(D) > 0 ? b.fn('asinh', [div(b, t, sqrtD)]) : b.fn('log', [b.fn('abs', [b.add([t, div(b, sqrtBase, sqrtAbsA)])])]);
    if (p === -1) {
      return { result: div(b, inner, sqrtAbsA), law: qSign(D) > 0 ? '∫dt/sqrt(t^2 + a^2) = asinh(t/a)' : '∫dt/sqrt(t^2 - a^2) = log|t + sqrt(t^2 - a^2)|', completed };
    }
    // sqrt(A)·∫sqrt(t² + D) dt = sqrt(A)·(t·sqrt(t² + D)/2 + D/2·inner)
    const result = b.add([b.mul([HALF, t, sqrtBase]), b.mul([HALF, fractionNode(D), sqrtAbsA, inner])]);
    return { result, law: qSign(D) > 0 ? '∫sqrt(t^2 + a^2) dt = t*sqrt(t^2 + a^2)/2 + a^2/2*asinh(t/a)' : '∫sqrt(t^2 - a^2) dt = t*sqrt(t^2 - a^2)/2 - a^2/2*log|t + sqrt(t^2 - a^2)|', completed };
  }
  // A < 0: base = |A|(k² − t²) with k² = −D > 0
  if (qSign(D) > 0) return undefined;
  const k2 = qNeg(D);
  const k = b.pow(fractionNode(k2), HALF);
  const arcsin = b.fn('asin', [div(b, t, k)]);
  if (p === -1) return { result: div(b, arcsin, sqrtAbsA), law: '∫dt/sqrt(a^2 - t^2) = asin(t/a)', completed };
  const result = b.add([b.mul([HALF, t, sqrtBase]), b.mul([HALF, fractionNode(k2), sqrtAbsA, arcsin])]);
  return { result, law: '∫sqrt(a^2 - t^2) dt = t*sqrt(a^2 - t^2)/2 + a^2/2*asin(t/a)', completed };
}

/**
 * A presentable antiderivative: numeric factors distributed over sums (−2·(x − 1) → 2 − 2x)
 * so nested sums collapse into one, as a reader would write the result. Sound everywhere:
 * c·(a + b) = c·a + c·b for every real value.
 */
export function tidy(n: AnyNode): AnyNode {
  switch (n.kind) {
    case 'num':
    case 'sym':
      return n;
    case 'add':
      return b.add(n.args.map(tidy));
    case 'pow':
      return b.pow(tidy(n.base), tidy(n.exp));
    case 'fn':
      return b.fn(n.name, n.args.map(tidy));
    case 'mul': {
      const args = n.args.map(tidy);
      const c = args[0];
      const sums = args.filter((a) => a.kind === 'add');
      if (c?.kind === 'num' && sums.length === 1) {
        const s = sums[0] as AnyNode & { args: readonly AnyNode[] };
        const others = args.slice(1).filter((a) => a !== s);
        return b.mul([b.add(s.args.map((t) => b.mul([c, t]))), ...others]);
      }
      return b.mul(args);
    }
  }
}
