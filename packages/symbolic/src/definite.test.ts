import { describe, expect, it } from 'vitest';
import { evaluate, explainIntegral, integrate, IntegrationError, type IntegrationFailureReason } from './index.js';
import { close } from './test-support.js';

const value = (src: string, a: number | string, b: number | string): string => integrate(src, 'x', a, b).toString();

function failure(src: string, a: number | string, b: number | string): IntegrationError {
  try {
    integrate(src, 'x', a, b);
  } catch (e) {
    if (e instanceof IntegrationError) return e;
    throw e;
  }
  throw new Error(`∫${src} from ${a} to ${b} did not fail`);
}

describe('integrate(expr, x, a, b): definite integrals', () => {
  // Values from SymPy's integrate(f, (x, a, b)), written here as data.
  it.each([
    ['x^2', 0, 1, '1/3'],
    ['sin(x)', 0, 'pi', '2'],
    ['cos(x)', 0, 'pi/2', '1'],
    ['1/sqrt(1 - x^2)', -1, 1, 'pi'],
    ['x^3', 2, 1, '-15/4'],
    ['x*exp(x)', 0, 1, '1'],
    ['1/(x*log(x)^2)', 2, Infinity, '1/log(2)'],
    ['tan(x)', 0, 'pi/4', '-log(sqrt(2)/2)'],
  ] as const)('∫ %s from %s to %s = %s', (src, a, b, want) => {
    expect(value(src, a, b)).toBe(want);
  });

  it.each([
    // improper at an infinite bound, decided by limits of the antiderivative
    ['1/(x^2 + 1)', 0, Infinity, 'pi/2'],
    ['1/(x^2 + 1)', -Infinity, Infinity, 'pi'],
    ['exp(-x)', 0, Infinity, '1'],
    ['x*exp(-x)', 0, Infinity, '1'],
    ['x^2*exp(-x)', 0, Infinity, '2'],
    ['exp(-x)*sin(x)', 0, Infinity, '1/2'],
    ['1/x^2', 1, Infinity, '1'],
    ['exp(x)', -Infinity, 0, '1'],
    ['1/cosh(x)', -Infinity, Infinity, 'pi'],
    ['atan(x)/(1 + x^2)', 0, Infinity, 'pi^2/8'],
    ['1/(x^2 + x + 1)', -Infinity, Infinity, '2*pi/sqrt(3)'],
    // improper at an endpoint singularity
    ['1/sqrt(x)', 0, 1, '2'],
    ['log(x)', 0, 1, '-1'],
    ['x*log(x)', 0, 1, '-1/4'],
    ['log(x)^2', 0, 1, '2'],
    ['sqrt(x)*log(x)', 0, 1, '-4/9'],
    ['x^(-2/3)', 0, 1, '3'],
  ] as const)('the improper ∫ %s from %s to %s = %s', (src, a, b, want) => {
    expect(value(src, a, b)).toBe(want);
  });

  it('the Gaussian over ℝ: sqrt(2π) for exp(−x²/2), and sqrt(2π)·σ for the heights model (the known result)', () => {
    expect(value('exp(-x^2/2)', -Infinity, Infinity)).toBe('sqrt(2)*sqrt(pi)');
    expect(close(evaluate(integrate('exp(-x^2/2)', 'x', -Infinity, Infinity), {}), Math.sqrt(2 * Math.PI), 1e-15)).toBe(true);
    expect(value('exp(-(x - mu)^2/(2*sigma^2))', -Infinity, Infinity)).toBe('sqrt(2)*sqrt(pi)*abs(sigma)');
    expect(value('exp(-x^2)', 0, Infinity)).toBe('sqrt(pi)/2');
    expect(value('exp(-x^2 + 2*x)', -Infinity, Infinity)).toBe('sqrt(pi)*exp(1)');
    // Over a finite interval it needs erf, which this package does not have: a refusal, not a guess.
    expect(failure('exp(-x^2)', 0, 1).reason).toBe('not found');
  });

  it.each([
    ['1/x', -1, 1, 'divergent', /diverges: the antiderivative "log\(abs\(x\)\)" tends to -∞ as x → 0⁻/],
    ['1/x^2', -1, 1, 'divergent', /diverges/],
    ['1/x', 1, Infinity, 'divergent', /tends to ∞ as x → ∞/],
    ['1/(x^2 - 1)', 0, 2, 'divergent', /x → 1⁻/],
    ['tan(x)', 0, 'pi', 'divergent', /x → pi\/2⁻/],
    ['1/(x^2 - 2)', 0, 2, 'divergent', /x → sqrt\(8\)\/2⁻/],
    ['x/(x^2 + 1)', -Infinity, Infinity, 'divergent', /tends to ∞ as x → -∞/],
    ['log(x)', -1, 1, 'undefined', /no value at x = -/],
    ['sqrt(x)', -1, 1, 'undefined', /no value/],
    ['sin(x)', 0, Infinity, 'undecidable', /oscillates/],
    ['exp(-a*x)', 0, Infinity, 'undecidable', /undecidable/],
    ['1/(x - a)', 0, 1, 'undecidable', /singular points could depend on a/],
  ] as const)('∫ %s from %s to %s is not F(b) − F(a): an IntegrationError (%s)', (src, a, b, reason, message) => {
    const e = failure(src, a, b);
    expect(e.reason).toBe(reason as IntegrationFailureReason);
    expect(e.message).toMatch(message);
  });

  it('a pole inside the interval is never integrated across: F(1) − F(−1) = −2 for 1/x², but the integral diverges', () => {
    const F = integrate('1/x^2', 'x');
    expect(evaluate(F, { x: 1 }) - evaluate(F, { x: -1 })).toBe(-2);
    expect(failure('1/x^2', -1, 1).reason).toBe('divergent');
  });

  it('splits at interior singular points where the integral converges: ∫ from −1 to 1 of |x|^(−1/2)', () => {
    expect(value('1/sqrt(abs(x))', -1, 1)).toBe('4');
    expect(value('cbrt(x)^(-2)', -1, 8)).toBe('9');
  });

  it('with parameters: a polynomial in x with symbolic coefficients', () => {
    expect(value('a*x + b', 0, 2)).toBe('2*a + 2*b');
  });

  it('explainIntegral(expr, x, a, b) ends with the evaluation, limits named', () => {
    const steps = explainIntegral('1/(x^2 + 1)', 'x', 0, Infinity);
    const last = steps[steps.length - 1];
    expect(last?.rule).toBe('fundamental theorem');
    expect(last?.text).toBe('Fundamental theorem: ∫1/(x^2 + 1) dx from 0 to ∞ = pi/2 with F(x) = atan(x) ([lim x→∞ F(x) − F(0)] = pi/2 − (0))');
    expect(last?.tex).toBe('\\int_{0}^{\\infty} \\frac{1}{{x}^{2} + 1}\\,dx = \\Big[\\arctan\\left(x\\right)\\Big]_{0}^{\\infty} = \\frac{\\pi}{2}');
    const gaussian = explainIntegral('exp(-x^2/2)', 'x', -Infinity, Infinity);
    expect(gaussian.map((s) => s.rule)).toEqual(['gaussian integral']);
    expect(gaussian[0]?.text).toContain('the Gaussian integral');
    const log = explainIntegral('log(x)', 'x', 0, 1);
    expect(log[log.length - 1]?.text).toContain('[F(1) − lim x→0⁺ F(x)] = -1 − (0)');
  });
});
