import {
  coef, degree, divPoly, type Factor, factorOverQ, mulPoly, type Poly, powPoly, Q0, Q1, type RationalFunction, solveLinear,
} from './polynomial.js';
import type { Fraction } from './rational.js';

/** One term of a partial-fraction decomposition: numerator / factor^power, deg numerator < deg factor. */
export interface PartialFraction {
  readonly factor: Factor;
  readonly power: number;
  /** A constant over a linear factor, B·x + C over a quadratic one. */
  readonly numerator: Poly;
}

/** num/den = polynomial + Σ terms. */
export interface Decomposition {
  readonly polynomial: Poly;
  readonly terms: readonly PartialFraction[];
}

/**
 * The partial-fraction decomposition of a rational function over ℚ: polynomial division
 * first, then the denominator factored into linear factors and quadratics without rational
 * roots (with multiplicities), and the numerators found by solving the linear system that
 * equating coefficients gives. Undefined when the denominator has a factor of degree 3 or
 * more that this package cannot split.
 */
export function decompose(r: RationalFunction): Decomposition | undefined {
  const { q: polynomial, r: rest } = divPoly(r.num, r.den);
  if (rest.length === 0) return { polynomial, terms: [] };
  const factors = factorOverQ(r.den);
  if (factors === undefined) return undefined;
  const n = degree(r.den);
  // One unknown per coefficient: A for (x − r)^k, B and C for (B x + C)/q^k.
  const columns: Poly[] = [];
  const slots: { factor: Factor; power: number; index: number }[] = [];
  for (const { factor, multiplicity } of factors) {
    for (let k = 1; k <= multiplicity; k++) {
      const cofactor = divPoly(r.den, powPoly(factor.poly, k)).q;
      const width = factor.kind === 'linear' ? 1 : 2;
      for (let i = 0; i < width; i++) {
        slots.push({ factor, power: k, index: i });
        columns.push(i === 0 ? cofactor : mulPoly([Q0, Q1], cofactor));
      }
    }
  }
  if (columns.length !== n) return undefined;
  const A: Fraction[][] = [];
  for (let row = 0; row < n; row++) A.push(columns.map((c) => coef(c, row)));
  const y: Fraction[] = [];
  for (let row = 0; row < n; row++) y.push(coef(rest, row));
  const z = solveLinear(A, y);
  if (z === undefined) return undefined;
  const terms: PartialFraction[] = [];
  for (let i = 0; i < slots.length; ) {
    const s = slots[i] as (typeof slots)[number];
    const width = s.factor.kind === 'linear' ? 1 : 2;
    const numerator = z.slice(i, i + width);
    let end = numerator.length;
    while (end > 0 && ((numerator[end - 1] as Fraction)[0] === 0)) end--;
    if (end > 0) terms.push({ factor: s.factor, power: s.power, numerator: numerator.slice(0, end) });
    i += width;
  }
  return { polynomial, terms };
}
