import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, limit, SeriesError } from './index.js';

const limitOf = (src: string, v: string, a: number, direction?: '+' | '-' | 'both'): string => limit(src, v, a, direction === undefined ? {} : { direction }).toString();

describe('limit(expr, x, a, { direction })', () => {
  // Values from SymPy's limit(), written here as data.
  it.each([
    ['sin(x)/x', 'x', 0, '1'],
    ['(1 - cos(x))/x^2', 'x', 0, '1/2'],
    ['(x^2 - 1)/(x - 1)', 'x', 1, '2'],
    ['(sqrt(1 + x) - 1)/x', 'x', 0, '1/2'],
    ['(x^(1/3) - 1)/(x - 1)', 'x', 1, '1/3'],
    ['(exp(x) - 1 - x)/x^2', 'x', 0, '1/2'],
    ['tan(x)/x', 'x', 0, '1'],
    ['x/(x + 1)', 'x', Infinity, '1'],
    ['(3*x^2 + x)/(2*x^2 - 5)', 'x', -Infinity, '3/2'],
    ['x*sin(1/x)', 'x', Infinity, '1'],
    ['(1 + 1/x)^x', 'x', Infinity, 'exp(1)'],
    ['1/x^2', 'x', 0, 'Infinity'],
    ['-1/x^2', 'x', 0, '-Infinity'],
    ['3*x^2 + 2', 'x', 2, '14'],
  ] as const)('limit(%j, %s → %d) is %s', (src, v, a, want) => {
    expect(limitOf(src, v, a)).toBe(want);
  });

  it('rise over run: for any polynomial times a course function, the limit of the difference quotient is the derivative', () => {
    // Sums written with nested subtractions, so the constant term (f(x) − f(x)) only cancels once multiplied out.
    const polynomial = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 5 }).map((cs) => cs.map((c, k) => `(${c})*x^${k}`).join(' - (0 - ') + ')'.repeat(cs.length - 1));
    const factor = fc.constantFrom('1', 'sin(x)', 'exp(x)', 'cos(2*x)', 'log(x)', 'sqrt(x)');
    fc.assert(fc.property(polynomial, factor, (p, g) => {
      const f = `(${p})*${g}`;
      const at = (x: string) => f.replace(/\bx\b/g, x);
      const lim = limit(`(${at('(x + h)')} - ${at('x')})/h`, 'h', 0);
      const df = derivative(f, 'x');
      for (const x of [0.37, 1.6, 2.9]) {
        const want = evaluate(df, { x });
        expect(Math.abs(evaluate(lim, { x }) - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
      }
    }), { numRuns: 60 });
  });

  it('rise over run: the limits of the course\'s difference quotients are the derivatives, symbolically', () => {
    expect(limitOf('((x + h)^2 - x^2)/h', 'h', 0)).toBe('2*x');
    expect(limitOf('((x + h)^3 - x^3)/h', 'h', 0)).toBe('3*x^2');
    expect(limitOf('(sin(x + h) - sin(x))/h', 'h', 0)).toBe('cos(x)');
    expect(limitOf('(exp(x + h) - exp(x))/h', 'h', 0)).toBe('exp(x)');
    expect(limitOf('(1/(x + h) - 1/x)/h', 'h', 0)).toBe('-1/x^2');
    expect(limitOf('(log(x + h) - log(x))/h', 'h', 0)).toBe('1/x');
  });

  it('one-sided limits: 1/x, |x|/x, sqrt(x) and sign(x) at 0', () => {
    expect(limitOf('1/x', 'x', 0, '+')).toBe('Infinity');
    expect(limitOf('1/x', 'x', 0, '-')).toBe('-Infinity');
    expect(limitOf('abs(x)/x', 'x', 0, '+')).toBe('1');
    expect(limitOf('abs(x)/x', 'x', 0, '-')).toBe('-1');
    expect(limitOf('sqrt(x)', 'x', 0, '+')).toBe('0');
    expect(limitOf('sqrt(x)/sqrt(x + x^2)', 'x', 0, '+')).toBe('1');
    expect(limitOf('sign(x)', 'x', 0, '-')).toBe('-1');
    expect(evaluate(limit('1/x', 'x', 0, { direction: '+' }), {})).toBe(Infinity);
  });

  it.each([
    ['1/x', 'x', 0, undefined, 'does not exist', /does not exist: it is -Infinity from below and Infinity from above/],
    ['abs(x)/x', 'x', 0, undefined, 'does not exist', /-1 from below and 1 from above/],
    ['sqrt(x)', 'x', 0, '-', 'undefined', /undefined at x → 0⁻/],
    ['log(x)', 'x', -1, undefined, 'undefined', /log of a negative number/],
    ['x*log(x)', 'x', 0, '+', 'branch point', /log\(x\)/],
    ['exp(-x)', 'x', Infinity, undefined, 'undecidable', /exp/],
    ['sin(1/x)', 'x', 0, undefined, 'undecidable', /sin/],
    ['y/x', 'x', 0, '+', 'undecidable', /depends on y/],
  ] as const)('limit(%j, %s → %d %s) is a SeriesError (%s) that says why', (src, v, a, direction, reason, message) => {
    let error: unknown;
    try {
      limit(src, v, a, direction === undefined ? {} : { direction });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeriesError);
    expect((error as SeriesError).reason).toBe(reason);
    expect((error as SeriesError).message).toMatch(message);
  });

  it('limit(expr, x, a, opts) checks its arguments and options by name', () => {
    expect(() => limit('x', 'x', 0, { direction: 'left' as '+' })).toThrow(/opts.direction = "left": expected '\+'/);
    expect(() => limit('x', 'x', 0, { directon: '+' } as never)).toThrow(/unknown option "directon"; did you mean "direction"\?/);
    expect(() => limit('x', 'x', NaN)).toThrow(TypeError);
    expect(() => limit('x', 'x', Infinity, { direction: '+' })).toThrow(/cannot be approached from above/);
    expect(() => limit('x', 'pi', 0)).toThrow(/constant pi/);
    expect(limitOf('y^2', 'x', 3)).toBe('y^2');
  });
});
