import type { AnyNode } from './expr.js';
import type { Working } from './integral-working.js';
import { type Builder, div, HALF, int, rational, sub, sym } from './nodes.js';
import { decompose, type PartialFraction } from './partial-fractions.js';
import {
  coef, degree, fractionNode, InexactError, polyNode, qDiv, qIsZero, qMul, qNeg, qSign, qSub, type RationalFunction,
  toRationalFunction,
} from './polynomial.js';
import type { Fraction } from './rational.js';

/**
 * Rational functions of x with rational coefficients, by partial fractions: divide first,
 * split the remainder over the denominator's linear and quadratic factors, then integrate
 * each term by its formula (log|x − r|, a power, log of the quadratic, arctangent, or the
 * reduction formula for repeated quadratics).
 */

const fr = (p: number, q = 1): Fraction => [p, q];

/** ∫ A/(x − r)^k dx */
function linearTerm(t: PartialFraction, name: string, b: Builder): { result: AnyNode; law: string } {
  const A = fractionNode(coef(t.numerator, 0));
  const L = polyNode(t.factor.poly, name, b);
  if (t.power === 1) return { result: b.mul([A, b.fn('log', [b.fn('abs', [L])])]), law: '∫A/(x - r) dx = A*log|x - r|' };
  return { result: b.mul([A, rational(1, 1 - t.power), b.pow(L, int(1 - t.power))]), law: '∫A/(x - r)^k dx = A/((1 - k)*(x - r)^(k - 1))' };
}

/** ∫ dx / (x² + p x + q)^k by the reduction formula, J_1 an arctangent (Δ < 0) or a log (Δ > 0). */
function reduction(k: number, p: Fraction, q: Fraction, x: AnyNode, quad: AnyNode, b: Builder): AnyNode {
  const delta = qSub(qMul(p, p), qMul(fr(4), q));
  const twoXplusP = b.add([b.mul([int(2), x]), fractionNode(p)]);
  if (k === 1) {
    if (qSign(delta) < 0) {
      const root = b.pow(fractionNode(qNeg(delta)), HALF);
      return b.mul([int(2), b.pow(root, int(-1)), b.fn('atan', [div(b, twoXplusP, root)])]);
    }
    const root = b.pow(fractionNode(delta), HALF);
    const ratio = div(b, sub(b, twoXplusP, root), b.add([twoXplusP, root]));
    return b.mul([b.pow(root, int(-1)), b.fn('log', [b.fn('abs', [ratio])])]);
  }
  // J_k = t/(2a(k − 1)·Q^(k−1)) + (2k − 3)/(2a(k − 1))·J_(k−1), t = x + p/2, a = q − p²/4
  const a = qSub(q, qMul(fr(1, 4), qMul(p, p)));
  const scale = qMul(fr(2 * (k - 1)), a);
  const t = b.add([x, fractionNode(qMul(fr(1, 2), p))]);
  return b.add([
    b.mul([fractionNode(qDiv(fr(1), scale)), t, b.pow(quad, int(1 - k))]),
    b.mul([fractionNode(qDiv(fr(2 * k - 3), scale)), reduction(k - 1, p, q, x, quad, b)]),
  ]);
}

/** ∫ (B x + C)/(x² + p x + q)^k dx = (B/2)∫(2x + p)/Q^k dx + (C − Bp/2)·J_k */
function quadraticTerm(t: PartialFraction, name: string, b: Builder): { result: AnyNode; law: string } {
  const x = sym(name);
  const Q = polyNode(t.factor.poly, name, b);
  const p = coef(t.factor.poly, 1);
  const q = coef(t.factor.poly, 0);
  const B = coef(t.numerator, 1);
  const C = coef(t.numerator, 0);
  const M = qMul(B, fr(1, 2));
  const N = qSub(C, qMul(M, p));
  const negativeDiscriminant = qSign(qSub(qMul(p, p), qMul(fr(4), q))) < 0;
  const pieces: AnyNode[] = [];
  if (!qIsZero(M)) {
    if (t.power === 1) pieces.push(b.mul([fractionNode(M), b.fn('log', [negativeDiscriminant ? Q : b.fn('abs', [Q])])]));
    else pieces.push(b.mul([fractionNode(M), rational(1, 1 - t.power), b.pow(Q, int(1 - t.power))]));
  }
  if (!qIsZero(N)) pieces.push(b.mul([fractionNode(N), reduction(t.power, p, q, x, Q, b)]));
  const law = t.power === 1
    ? negativeDiscriminant
      ? '∫(Bx + C)/(x^2 + px + q) dx = (B/2)*log(x^2 + px + q) + (2C - Bp)/sqrt(4q - p^2)*atan((2x + p)/sqrt(4q - p^2))'
      : '∫(Bx + C)/(x^2 + px + q) dx = (B/2)*log|x^2 + px + q| + (C - Bp/2)/sqrt(p^2 - 4q)*log|(2x + p - sqrt(p^2 - 4q))/(2x + p + sqrt(p^2 - 4q))|'
    : 'the reduction formula for ∫dx/(x^2 + px + q)^k, and ∫(2x + p)/(x^2 + px + q)^k dx = (x^2 + px + q)^(1 - k)/(1 - k)';
  return { result: b.add(pieces), law };
}

function termNode(t: PartialFraction, name: string, b: Builder): AnyNode {
  return b.mul([polyNode(t.numerator, name, b), b.pow(polyNode(t.factor.poly, name, b), int(-t.power))]);
}

/**
 * The partial-fraction working for a rational integrand, or undefined when f is not a
 * rational function of x over ℚ (or its denominator has a factor this package cannot split).
 * A polynomial is left to the other rules (term by term).
 */
export function integrateRational(f: AnyNode, name: string, b: Builder): Working | undefined {
  let r: RationalFunction | undefined;
  try {
    r = toRationalFunction(f, name);
    if (r === undefined || degree(r.den) < 1) return undefined;
    const d = decompose(r);
    if (d === undefined) return undefined;
    const polynomial = polyNode(d.polynomial, name, b);
    const pieces = d.terms.map((t) => ({ term: termNode(t, name, b), ...(t.factor.kind === 'linear' ? linearTerm(t, name, b) : quadraticTerm(t, name, b)) }));
    const substeps: Working[] = [];
    const results: AnyNode[] = [];
    if (d.polynomial.length > 0) {
      const P = polynomialAntiderivative(d.polynomial, name, b);
      substeps.push({ rule: 'power', integrand: polynomial, variable: name, result: P, law: '∫x^n dx = x^(n+1)/(n+1), term by term', substeps: [] });
      results.push(P);
    }
    for (const p of pieces) {
      substeps.push({ rule: 'table', integrand: p.term, variable: name, result: p.result, law: p.law, substeps: [] });
      results.push(p.result);
    }
    const decomposition = b.add([polynomial, ...pieces.map((p) => p.term)]);
    return { rule: 'partial fractions', integrand: f, variable: name, result: b.add(results), parts: { decomposition }, substeps };
  } catch (e) {
    if (e instanceof InexactError) return undefined;
    throw e;
  }
}

function polynomialAntiderivative(p: readonly Fraction[], name: string, b: Builder): AnyNode {
  const x = sym(name);
  const terms = p.map((c, k) => (qIsZero(c) ? undefined : b.mul([fractionNode(qMul(c, fr(1, k + 1))), b.pow(x, int(k + 1))])));
  return b.add(terms.filter((t): t is AnyNode => t !== undefined));
}

/** x^k + … as exact coefficients, for the quadratic-radical forms: [c0, c1, c2] of a quadratic, when it is one. */
export function quadraticCoefficients(n: AnyNode, name: string): [Fraction, Fraction, Fraction] | undefined {
  try {
    const r = toRationalFunction(n, name);
    if (r === undefined || degree(r.den) !== 0 || degree(r.num) !== 2) return undefined;
    return [coef(r.num, 0), coef(r.num, 1), coef(r.num, 2)];
  } catch (e) {
    if (e instanceof InexactError) return undefined;
    throw e;
  }
}
