import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, SeriesError, taylor } from './index.js';
import { close } from './test-support.js';

const coefficients = (src: string, about: number, order: number): string[] => taylor(src, { about, order }).terms.map((t) => t.coefficient.toString());

// Reference coefficients computed with SymPy 1.12 (`series(f.subs(x, a + t), t, 0, n + 1)`),
// written here as data: the tests never call SymPy.
const SYMPY_EXACT: readonly [expr: string, about: number, coefficients: readonly string[]][] = [
  ['sin(x)/x', 0, ['1', '0', '-1/6', '0', '1/120', '0', '-1/5040', '0', '1/362880']],
  ['(1-cos(x))/x^2', 0, ['1/2', '0', '-1/24', '0', '1/720', '0', '-1/40320', '0', '1/3628800']],
  ['x/(exp(x)-1)', 0, ['1', '-1/2', '1/12', '0', '-1/720', '0', '1/30240', '0', '-1/1209600', '0', '1/47900160', '0', '-691/1307674368000']],
  ['(exp(x)-1)/x', 0, ['1', '1/2', '1/6', '1/24', '1/120', '1/720', '1/5040']],
  ['tan(x)', 0, ['0', '1', '0', '1/3', '0', '2/15', '0', '17/315', '0', '62/2835', '0', '1382/155925', '0', '21844/6081075', '0', '929569/638512875', '0', '6404582/10854718875', '0', '443861162/1856156927625', '0', '18888466084/194896477400625']],
  ['log(1+x)', 0, ['0', '1', '-1/2', '1/3', '-1/4', '1/5', '-1/6', '1/7']],
  ['sqrt(1+x)', 0, ['1', '1/2', '-1/8', '1/16', '-5/128', '7/256', '-21/1024']],
  ['atan(x)', 0, ['0', '1', '0', '-1/3', '0', '1/5', '0', '-1/7', '0', '1/9']],
  ['exp(sin(x))', 0, ['1', '1', '1/2', '0', '-1/8', '-1/15', '-1/240', '1/90', '31/5760']],
  ['sin(tan(x))', 0, ['0', '1', '0', '1/6', '0', '-1/40', '0', '-55/1008', '0', '-143/3456']],
  ['log(cos(x))', 0, ['0', '0', '-1/2', '0', '-1/12', '0', '-1/45', '0', '-17/2520', '0', '-31/14175']],
  ['1/(1 - x - x^2)', 0, ['1', '1', '2', '3', '5', '8', '13', '21', '34', '55', '89']],
  ['asin(x)', 0, ['0', '1', '0', '1/6', '0', '3/40', '0', '5/112', '0', '35/1152']],
  ['x/sin(x)', 0, ['1', '0', '1/6', '0', '7/360', '0', '31/15120', '0', '127/604800']],
  ['tanh(x)', 0, ['0', '1', '0', '-1/3', '0', '2/15', '0', '-17/315', '0', '62/2835']],
  ['atanh(x)', 0, ['0', '1', '0', '1/3', '0', '1/5', '0', '1/7']],
  ['sqrt(x)', 4, ['2', '1/4', '-1/64', '1/512', '-5/16384', '7/131072']],
  ['cbrt(x)', 8, ['2', '1/12', '-1/288', '5/20736', '-5/248832']],
  ['1/(1 + x^2)', 1, ['1/2', '-1/2', '1/4', '0', '-1/8', '1/8', '-1/16']],
  ['1/sin(x) - 1/x', 0, ['0', '1/6', '0', '7/360', '0', '31/15120', '0', '127/604800']],
  ['sinh(x)/x', 0, ['1', '0', '1/6', '0', '1/120', '0', '1/5040']],
  ['x^x', 1, ['1', '1', '1', '1/2', '1/3']],
  ['sec(x)', 0, ['1', '0', '1/2', '0', '5/24', '0', '61/720', '0', '277/8064', '0', '50521/3628800']],
  ['log((1+x)/(1-x))', 0, ['0', '2', '0', '2/3', '0', '2/5', '0', '2/7']],
  ['asinh(x)', 0, ['0', '1', '0', '-1/6', '0', '3/40', '0', '-5/112']],
];

// SymPy's values (N(…, 20)) where the coefficients are symbolic constants.
const SYMPY_VALUES: readonly [expr: string, about: number, values: readonly number[], first: string][] = [
  ['log(x)', 2, [0.6931471805599453, 0.5, -0.125, 0.041666666666666664, -0.015625], 'log(2)'],
  ['exp(x)', 1, [2.718281828459045, 2.718281828459045, 1.3591409142295225, 0.45304697140984085, 0.11326174285246021], 'exp(1)'],
  ['sin(x)', 0.5, [0.479425538604203, 0.8775825618903728, -0.2397127693021015, -0.1462637603150621], 'sin(1/2)'],
  ['acos(x)', 0, [1.5707963267948966, -1.0, 0.0, -0.16666666666666666, 0.0, -0.075], 'pi/2'],
  ['2^x', 0, [1.0, 0.6931471805599453, 0.24022650695910072, 0.05550410866482158], '1'],
];

describe('taylor by power-series arithmetic, against SymPy', () => {
  it.each(SYMPY_EXACT)('taylor(%j about %d) has SymPy\'s exact coefficients', (src, about, want) => {
    expect(coefficients(src, about, want.length - 1)).toEqual(want);
  });

  it.each(SYMPY_VALUES)('taylor(%j about %d) has SymPy\'s coefficient values', (src, about, want, first) => {
    const t = taylor(src, { about, order: want.length - 1 });
    t.terms.forEach((term, k) => expect(close(term.value, want[k] as number, 1e-14)).toBe(true));
    expect(t.terms[0]?.coefficient.toString()).toBe(first);
  });

  it('tan(x) to order 20 is exact: every coefficient is a fraction, none a float', () => {
    const t = taylor('tan(x)', { about: 0, order: 20 });
    for (const term of t.terms) expect(term.coefficient.toString()).toMatch(/^-?\d+(\/\d+)?$/);
    expect(t.nextTerms[0]?.coefficient.toString()).toBe('18888466084/194896477400625');
  });

  it('coefficients beyond 2^53 stay exact: sin(x) to order 21 has 1/21! = 1/51090942171709440000', () => {
    const t = taylor('sin(x)', { about: 0, order: 21 });
    expect(t.terms[21]?.coefficient.toString()).toBe('1/51090942171709440000');
    expect(t.terms[19]?.coefficient.toString()).toBe('-1/121645100408832000');
  });

  it('multivariate: exp(x)*sin(y) about (0, 0) has the products of the two series (SymPy)', () => {
    const want = [['0', '1', '0', '-1/6', '0'], ['0', '1', '0', '-1/6', '0'], ['0', '1/2', '0', '-1/12', '0'], ['0', '1/6', '0', '-1/36', '0'], ['0', '1/24', '0', '-1/144', '0']];
    const t = taylor('exp(x)*sin(y)', { about: { x: 0, y: 0 }, order: 4 });
    for (const term of t.terms) {
      const { x, y } = term.powers as { x: number; y: number };
      expect(term.coefficient.toString()).toBe(want[x]?.[y]);
    }
  });

  it('multivariate: cos(x + y)*exp(x − y) about (1, 2) matches SymPy\'s values, and x·y²·e^(−x⁴−y²/2) the quiz', () => {
    const want = [-0.36419788641329287, -0.4161130361164663, 0.3122827367101195, -0.05191514970317339, 0.7283957728265857, 0.05191514970317339];
    taylor('cos(x + y)*exp(x - y)', { about: { x: 1, y: 2 }, order: 2 }).terms.forEach((term, i) => expect(close(term.value, want[i] as number, 1e-14)).toBe(true));
    const quiz = [-0.19914827347145578, -0.5974448204143673, 0.19914827347145578, 0.39829654694291156, 0.5974448204143673, 0.049787068367863944];
    taylor('x*y^2*exp(-x^4 - y^2/2)', { about: { x: -1, y: 2 }, order: 2 }).terms.forEach((term, i) => expect(close(term.value, quiz[i] as number, 1e-14)).toBe(true));
  });

  it('multivariate removable singularity: sin(x*y)/(x*y) about (0, 0) is 1 − x²y²/6 (SymPy)', () => {
    const t = taylor('sin(x*y)/(x*y)', { about: { x: 0, y: 0 }, order: 4 });
    expect(t.polynomial.toString()).toBe('1 - x^2*y^2/6');
  });

  it('odd roots of negative numbers are real: cbrt(x) about −8 is −2 + (x + 8)/12 − …', () => {
    expect(coefficients('cbrt(x)', -8, 2)).toEqual(['-2', '1/12', '1/288']);
    expect(coefficients('nthRoot(x, 3)', -8, 2)).toEqual(['-2', '1/12', '1/288']);
  });

  it('smooth at a zero of the argument when the power is even: sqrt(x^4), abs(x^2), (x^2)^(3/2) stays out', () => {
    expect(taylor('sqrt(x^4)', { about: 0, order: 3 }).polynomial.toString()).toBe('x^2');
    expect(taylor('abs(x^2 + x^3)', { about: 0, order: 4 }).polynomial.toString()).toBe('x^2 + x^3');
    expect(() => taylor('(x^2)^(3/2)', { about: 0, order: 3 })).toThrow(/not differentiable at x = 0/);
  });

  it.each([
    ['1/x', 0, 'pole', /1\/x has a pole at x = 0/],
    ['cot(x)', 0, 'pole', /has a pole at x = 0/],
    ['1/(x - 2)^2', 2, 'pole', /has a pole at x = 2/],
    ['sqrt(x)', 0, 'branch point', /sqrt\(x\) has a branch point at x = 0/],
    ['log(x)', 0, 'branch point', /log\(x\) has a branch point at x = 0/],
    ['x^(1/3)', 0, 'branch point', /branch point at x = 0/],
    ['asin(x)', 1, 'branch point', /branch point at x = 1/],
    ['abs(x)', 0, 'not smooth', /abs\(x\) is not differentiable at x = 0/],
    ['sqrt(x^2)', 0, 'not smooth', /not differentiable at x = 0/],
    ['cbrt(x)', 0, 'not smooth', /cbrt\(x\) is not differentiable at x = 0/],
    ['sign(x)', 0, 'not smooth', /not differentiable at x = 0/],
    ['log(x)', -1, 'undefined', /log\(x\) is undefined at x = -1/],
    ['sqrt(x)', -4, 'undefined', /undefined at x = -4/],
    ['acosh(x)', 0, 'undefined', /undefined at x = 0/],
    ['atan2(x, x)', 0, 'not smooth', /atan2/],
    ['exp(1/x)', 0, 'pole', /exp\(1\/x\)/],
    ['tan(x)', Math.PI / 2, 'undecidable', /cannot decide whether .* is zero/],
  ] as const)('taylor(%j about %d) raises SeriesError (%s) naming the point and why', (src, about, reason, message) => {
    let error: unknown;
    try {
      taylor(src, { about, order: 3 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeriesError);
    expect((error as SeriesError).reason).toBe(reason);
    expect((error as SeriesError).message).toMatch(message);
  });

  it('a multivariate pole is named with its point', () => {
    expect(() => taylor('1/(x + y)', { about: { x: 0, y: 0 }, order: 2 })).toThrow(SeriesError);
    expect(() => taylor('1/(x + y)', { about: { x: 0, y: 0 }, order: 2 })).toThrow(/\(x, y\) = \(0, 0\)/);
  });

  it('taylor(...).remainder(x) is finite across a removable singularity and infinite across a pole', () => {
    const r = taylor('sin(x)/x', { about: 0, order: 4 }).remainder(1);
    expect(r.actual).toBeLessThanOrEqual(r.lagrangeBound);
    // max over ξ in [0, 1] of |f⁽⁵⁾(ξ)|/5! for f = sin(x)/x: about 1e-3.
    expect(r.lagrangeBound).toBeLessThan(2e-3);
    expect(taylor('1/(x - 1)', { about: 0, order: 3 }).remainder(2).lagrangeBound).toBe(Infinity);
  });
});

describe('taylor against repeated differentiation on random expressions', () => {
  it('the series coefficients equal f⁽ᵏ⁾(a)/k! wherever both exist (two engines, one answer)', () => {
    const leaf = fc.oneof(fc.constant('x'), fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0).map((n) => (n < 0 ? `(${n})` : String(n))), fc.constantFrom('1/2', 'pi'));
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        fc.tuple(tie('e'), fc.constantFrom('2', '3', '-1', '1/2', '-1/2', '1/3', 'x')).map(([a, p]) => `(${a})^(${p})`),
        fc.tuple(fc.constantFrom('sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'atan', 'asin', 'tanh', 'cosh', 'abs', 'cbrt', 'asinh', 'log1p', 'sec'), tie('e')).map(([f, a]) => `${f}(${a})`),
      ),
    })).e;
    let compared = 0;
    fc.assert(
      fc.property(expr, fc.constantFrom(0.3, 0.7, 1.3, -0.6, 2.1), (src, a) => {
        let terms: number[];
        try {
          terms = taylor(src, { about: a, order: 3, variable: 'x' }).terms.map((t) => t.value);
        } catch (e) {
          if (e instanceof SeriesError) return true;
          throw e;
        }
        let d = derivative(src, 'x');
        const values = [evaluate(src, { x: a })];
        for (let k = 1; k <= 3; k++) {
          values.push(evaluate(d, { x: a }));
          d = derivative(d, 'x');
        }
        if (!values.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6)) return true;
        compared++;
        const factorial = [1, 1, 2, 6];
        return terms.every((t, k) => close(t, (values[k] as number) / (factorial[k] as number), 1e-7));
      }),
      { numRuns: 600, seed: 8 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
