import { describe, expect, it } from 'vitest';
import { checkAntiderivative } from './verify-antiderivative.js';
import { derivative, evaluate, explainIntegral, integrate, IntegrationError, parse } from './index.js';
import { toNode } from './parse.js';
import { close } from './test-support.js';

const F = (src: string): string => integrate(src, 'x').toString();

/** F′ = f at points where f has a value (the independent check of a result). */
function differentiatesBack(f: string, result: string, points: readonly number[], scope: Record<string, number> = {}): void {
  const dF = derivative(result, 'x');
  let compared = 0;
  for (const x of points) {
    const fv = evaluate(f, { ...scope, x });
    if (!Number.isFinite(fv)) continue;
    expect(close(evaluate(dF, { ...scope, x }), fv, 1e-9), `${result} at x = ${x}`).toBe(true);
    compared++;
  }
  expect(compared).toBeGreaterThan(2);
}

const POINTS = [-2.3, -1.1, -0.37, 0.29, 0.61, 1.7, 2.9];

describe('integrate(expr, x): the rules of a calculus course', () => {
  it.each([
    // linearity and the power rule, ∫dx/x = log|x|
    ['3*x^2 + 2*x + 1', 'x^3 + x^2 + x'],
    ['x^(-1/2)', '2*sqrt(x)'],
    ['1/x', 'log(abs(x))'],
    ['7', '7*x'],
    // exp, log, trig, hyperbolic: the registry's table
    ['exp(x)', 'exp(x)'],
    ['2^x', '2^x/log(2)'],
    ['tan(x)', '-log(abs(cos(x)))'],
    ['sec(x)', 'log(abs(sec(x) + tan(x)))'],
    ['tanh(x)', 'log(cosh(x))'],
    // inverse-trig forms: a known derivative read backwards, or the table of quadratic radicals
    ['1/sqrt(1 - x^2)', 'asin(x)'],
    ['sqrt(1 - x^2)', 'x*sqrt(1 - x^2)/2 + asin(x)/2'],
    ['1/sqrt(x^2 + 1)', 'asinh(x)'],
    ['1/(x*sqrt(x^2 - 1))', 'asec(abs(x))'],
    ['sec(x)^2', 'tan(x)'],
    // substitution, up to a constant factor
    ['x*cos(x^2)', 'sin(x^2)/2'],
    ['log(x)/x', 'log(x)^2/2'],
    ['exp(x)/(1 + exp(2*x))', 'atan(exp(x))'],
    ['(2*x + 1)^5', '(2*x + 1)^6/12'],
    // parts, LIATE, repeated and cyclic
    ['x*exp(x)', '(x - 1)*exp(x)'],
    ['x^2*exp(x)', '(x^2 - 2*x + 2)*exp(x)'],
    ['log(x)', 'x*log(x) - x'],
    ['atan(x)', 'x*atan(x) - log(x^2 + 1)/2'],
    ['exp(x)*sin(x)', '(sin(x)/2 - cos(x)/2)*exp(x)'],
    // partial fractions: linear, repeated and irreducible quadratic factors, division first
    ['1/(x^2 - 1)', 'log(abs(x - 1))/2 - log(abs(x + 1))/2'],
    ['1/((x - 1)^2*(x + 2))', 'log(abs(x + 2))/9 - 1/(3*(x - 1)) - log(abs(x - 1))/9'],
    ['(x^3 + 1)/(x^2 - 1)', 'x^2/2 + log(abs(x - 1))'],
    ['1/(x^2 + 2*x + 5)', 'atan(x/2 + 1/2)/2'],
    ['1/(x^2 + 1)^2', 'x/(2*(x^2 + 1)) + atan(x)/2'],
    // trig identities
    ['sin(x)^2', 'x/2 - sin(2*x)/4'],
    ['sin(x)^3', 'cos(x)^3/3 - cos(x)'],
    ['sin(x)*cos(2*x)', 'cos(x)/2 - cos(3*x)/6'],
    ['1/(1 + cos(x))', 'tan(x/2)'],
  ])('∫ %s dx = %s', (f, want) => {
    const got = F(f);
    expect(got).toBe(want);
    differentiatesBack(f, got, POINTS);
  });

  it('integrate(expr, x) treats other symbols as constants (valid wherever the result is defined)', () => {
    expect(F('a*x^2 + b')).toBe('a*x^3/3 + b*x');
    expect(F('exp(k*x)')).toBe('exp(k*x)/k');
    differentiatesBack('exp(k*x)*sin(x)', F('exp(k*x)*sin(x)'), POINTS, { k: 0.7 });
    expect(integrate('t^2', 't').toString()).toBe('t^3/3');
  });

  it('integrate(expr, x) takes an Expr as well as text, and its result parses back', () => {
    const r = integrate(parse('x*sin(x)'), 'x');
    expect(parse(r.toString()).toString()).toBe(r.toString());
  });

  it.each([
    ['exp(-x^2)', /no antiderivative of "exp\(-x\^2\)"/],
    ['sin(x)/x', /no antiderivative/],
    ['1/(x^4 + 1)', /no antiderivative/],
    ['x^n', /power rule for x\^n needs n ≠ -1, which cannot be decided/],
    ['a^x', /needs a > 0 and a ≠ 1/],
  ])('integrate(%j, x) throws an IntegrationError saying it found none, never a guess', (src, message) => {
    let error: unknown;
    try {
      integrate(src, 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as IntegrationError).reason).toBe('not found');
    expect((error as IntegrationError).message).toMatch(message);
  });

  it('integrate checks its arguments: the variable name, the bounds, bad text', () => {
    expect(() => integrate('x', 'pi')).toThrow(/constant pi/);
    expect(() => integrate('x +', 'x')).toThrow(/Unexpected end|expected/);
    expect(() => integrate('x', 'x', 0, undefined as unknown as number)).toThrow(/give both bounds/);
    expect(() => integrate('x', 'x', NaN, 1)).toThrow(/bound a is NaN/);
    expect(() => integrate('x', 'x', 0, 'y')).toThrow(/has symbols y/);
  });
});

describe('the check every antiderivative passes before it is returned', () => {
  const check = (f: string, F: string) => checkAntiderivative(toNode(f, 'test'), toNode(F, 'test'), 'x');

  it('accepts F with F′ = f wherever f is defined', () => {
    expect(check('1/x', 'log(abs(x))').ok).toBe(true);
    expect(check('2*x', 'x^2 + 5').ok).toBe(true);
  });

  it('refuses F that is not defined where f is: log(x) is no antiderivative of 1/x on x < 0', () => {
    const v = check('1/x', 'log(x)');
    expect(v.ok).toBe(false);
    expect(v.why).toMatch(/no value at x = -/);
  });

  it('refuses F whose derivative differs somewhere, and says where', () => {
    const v = check('x^2', 'x^3/3 + x^4/1e9');
    expect(v.ok).toBe(false);
    expect(v.why).toMatch(/its derivative is/);
    // atanh is an antiderivative of 1/(1 − x²) only inside (−1, 1): refused for the whole domain.
    expect(check('1/(1 - x^2)', 'atanh(x)').ok).toBe(false);
  });

  it('refuses when the integrand has a value at too few points to check', () => {
    expect(check('sqrt(-x^2)', '0').ok).toBe(false);
  });
});

describe('explainIntegral(expr, x)', () => {
  it('starts with the whole integral (+ C) and names each rule with its parts', () => {
    const steps = explainIntegral('x*cos(x^2)', 'x');
    expect(steps.map((s) => s.rule)).toEqual(['substitution', 'constant multiple', 'table']);
    const [sub] = steps;
    expect(sub?.u?.toString()).toBe('x^2');
    expect(sub?.du?.toString()).toBe('2*x');
    expect(sub?.text).toBe('Substitution: ∫x*cos(x^2) dx = sin(x^2)/2 + C (u = x^2, du = 2*x dx, so the integral is ∫cos(u)/2 du = sin(u)/2)');
    expect(sub?.tex).toBe('\\int x \\cdot \\cos\\left({x}^{2}\\right)\\,dx = \\frac{\\sin\\left({x}^{2}\\right)}{2} + C');
    expect(sub?.detailTex).toBe('u = {x}^{2},\\ du = 2 \\cdot x\\,dx');
    expect(sub?.detail).toBe('u = x^2, du = 2*x dx, so the integral is ∫cos(u)/2 du = sin(u)/2');
    expect(steps[2]?.variable).toBe('u');
    expect(steps.map((s) => s.depth)).toEqual([0, 1, 2]);
  });

  it('parts names u, dv, v and du; repeated parts nest', () => {
    const steps = explainIntegral('x^2*exp(x)', 'x');
    expect(steps[0]?.rule).toBe('parts');
    expect(steps[0]?.u?.toString()).toBe('x^2');
    expect(steps[0]?.dv?.toString()).toBe('exp(x)');
    expect(steps[0]?.v?.toString()).toBe('exp(x)');
    expect(steps[0]?.du?.toString()).toBe('2*x');
    expect(steps.filter((s) => s.rule === 'parts')).toHaveLength(2);
  });

  it('the cyclic case solves I = … − I for I, and says so', () => {
    const [first] = explainIntegral('exp(x)*sin(x)', 'x');
    expect(first?.rule).toBe('cyclic parts');
    expect(first?.text).toContain('by parts twice the integral I comes back: I = (sin(x) - cos(x))*exp(x) - I');
  });

  it('partial fractions show the decomposition', () => {
    const [first] = explainIntegral('1/(x^2 - 1)', 'x');
    expect(first?.rule).toBe('partial fractions');
    expect(first?.decomposition?.toString()).toBe('1/(2*(x - 1)) - 1/(2*(x + 1))');
    expect(first?.detailTex).toContain('\\frac{1}{2 \\cdot \\left(x - 1\\right)}');
  });

  it('linearity and identities are steps too', () => {
    expect(explainIntegral('x^2 + sin(x)', 'x').map((s) => s.rule)).toEqual(['linearity', 'power', 'table']);
    const [first] = explainIntegral('sin(x)^2', 'x');
    expect(first?.rule).toBe('rewrite');
    expect(first?.law).toContain('sin(u)^2 = (1 - cos(2u))/2');
  });

  it('every step\'s result differentiates back to its integrand', () => {
    for (const src of ['x^2*exp(x)', 'x*atan(x)', '1/((x - 1)^2*(x + 2))', 'sin(x)^3', 'x*sqrt(x + 1)']) {
      for (const s of explainIntegral(src, 'x')) {
        if (s.result.toString().includes('I')) continue; // the cyclic step's own equation in I
        const scope = (x: number) => ({ [s.variable]: x });
        for (const x of [0.31, 1.7]) {
          const fv = evaluate(s.expr, scope(x));
          if (!Number.isFinite(fv)) continue;
          expect(close(evaluate(derivative(s.result, s.variable), scope(x)), fv, 1e-8), `${s.text} at ${x}`).toBe(true);
        }
      }
    }
  });
});
