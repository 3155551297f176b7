import { describe, expect, it } from 'vitest';
import { decompose } from './partial-fractions.js';
import { toNode } from './parse.js';
import { factorOverQ, gcdPoly, type Poly, polyNode, rationalRoots, squareFree, toRationalFunction } from './polynomial.js';
import { canonical } from './simplify.js';

const q = (...c: number[]): Poly => c.map((v) => [v, 1] as const);
const text = (p: Poly): string => polyNode(p, 'x', canonical).toString();
const rf = (src: string) => toRationalFunction(toNode(src, 'test'), 'x');

describe('exact polynomials over ℚ', () => {
  it('toRationalFunction reads a rational expression in lowest terms with a monic denominator', () => {
    const r = rf('(x^2 - 1)/(2*x - 2)');
    expect(r && text(r.num)).toBe('x/2 + 1/2');
    expect(r && text(r.den)).toBe('1');
    expect(rf('sin(x)/x')).toBeUndefined();
    expect(rf('x^(1/2)')).toBeUndefined();
    expect(rf('a*x')).toBeUndefined();
    expect(rf('0.25*x^2') && text((rf('0.25*x^2') as NonNullable<ReturnType<typeof rf>>).num)).toBe('x^2/4');
  });

  it('gcd, square-free parts and rational roots', () => {
    expect(text(gcdPoly(q(-1, 0, 1), q(1, 2, 1)))).toBe('x + 1');
    // (x − 1)²(x + 2)³
    const sf = squareFree(q(8, -4, -10, 1, 4, 1));
    expect(sf.map((s) => `${text(s.factor)}^${s.multiplicity}`)).toEqual(['x - 1^2', 'x + 2^3']);
    expect(rationalRoots(q(-6, 11, -6, 1))?.map((r) => `${r[0]}/${r[1]}`).sort()).toEqual(['1/1', '2/1', '3/1']);
    expect(rationalRoots(q(-1, 0, 2))).toEqual([]);
  });

  it('factorOverQ splits into linear factors and rational quadratics, with multiplicities', () => {
    const f = factorOverQ(q(-1, 0, 0, 0, 1)); // x⁴ − 1 = (x − 1)(x + 1)(x² + 1)
    expect(f?.map((g) => `${text(g.factor.poly)}^${g.multiplicity}`).sort()).toEqual(['x + 1^1', 'x - 1^1', 'x^2 + 1^1']);
    const g = factorOverQ(q(4, 0, 0, 0, 1)); // x⁴ + 4 = (x² − 2x + 2)(x² + 2x + 2)
    expect(g?.map((h) => text(h.factor.poly)).sort()).toEqual(['x^2 + 2*x + 2', 'x^2 - 2*x + 2']);
    expect(factorOverQ(q(1, 0, 0, 0, 1))).toBeUndefined(); // x⁴ + 1 is irreducible over ℚ
    expect(factorOverQ(q(-2, 0, 0, 1))).toBeUndefined(); // x³ − 2
  });
});

describe('decompose: partial fractions', () => {
  const show = (src: string): string => {
    const d = decompose(rf(src) as NonNullable<ReturnType<typeof rf>>);
    if (d === undefined) return 'none';
    const terms = d.terms.map((t) => `(${text(t.numerator)})/(${text(t.factor.poly)})^${t.power}`);
    return [text(d.polynomial), ...terms].join(' + ');
  };

  it.each([
    ['1/(x^2 - 1)', '0 + (1/2)/(x - 1)^1 + (-1/2)/(x + 1)^1'],
    ['1/((x - 1)^2*(x + 2))', '0 + (1/9)/(x + 2)^1 + (-1/9)/(x - 1)^1 + (1/3)/(x - 1)^2'],
    ['(x^3 + 1)/(x^2 - 1)', 'x + (1)/(x - 1)^1'],
    ['(x^2 + 2)/(x*(x^2 + 1))', '0 + (2)/(x)^1 + (-x)/(x^2 + 1)^1'],
    ['1/(x^2 + 1)^2', '0 + (1)/(x^2 + 1)^2'],
    ['1/(x^4 + 1)', 'none'],
  ])('%s = %s', (src, want) => {
    expect(show(src)).toBe(want);
  });
});
