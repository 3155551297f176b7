import { describe, expect, it } from 'vitest';
import { derivative, evaluate, parse, ParseError } from './index.js';
import { centralDifference, close } from './test-support.js';

/** Every function with a rule, at points inside its real domain. */
const RULE_CASES: [expr: string, points: number[]][] = [
  ['sin(3x)', [0.3, -1.2]], ['cos(3x)', [0.3, -1.2]], ['tan(x^2)', [0.3, 1.1]],
  ['sec(2x)', [0.3, -0.5]], ['csc(2x)', [0.3, 1.1]], ['cot(2x)', [0.3, 1.1]],
  ['asin(x/2)', [0.3, -1.5]], ['acos(x/2)', [0.3, -1.5]], ['atan(x^2)', [0.3, -2]],
  ['asec(2x)', [0.8, -1.5]], ['acsc(2x)', [0.8, -1.5]], ['acot(2x)', [0.8, -1.5]],
  ['sinh(x^2)', [0.3, -1]], ['cosh(x^2)', [0.3, -1]], ['tanh(2x)', [0.3, -1]],
  ['sech(2x)', [0.3, -1]], ['csch(2x)', [0.3, -1]], ['coth(2x)', [0.3, -1]],
  ['asinh(x^2)', [0.3, -1]], ['acosh(2x)', [0.8, 1.5]], ['atanh(x/2)', [0.3, -1]],
  ['asech(x/2)', [0.3, 1.5]], ['acsch(2x)', [0.3, -1]], ['acoth(2x)', [0.8, -1.5]],
  ['exp(x^2)', [0.3, -1]], ['expm1(2x)', [0.3, -1]], ['log(x^2 + 1)', [0.3, -1]],
  ['log(x, 3)', [0.3, 2]], ['log(3, x)', [0.3, 2]], ['log(x^2 + 1, x + 2)', [0.3, 2]],
  ['log10(3x)', [0.3, 2]], ['log2(3x)', [0.3, 2]], ['log1p(x^2)', [0.3, -1]],
  ['sqrt(x^2 + 1)', [0.3, -1]], ['cbrt(x^3 + 2x)', [0.3, -1]], ['nthRoot(x^3 + 2, 3)', [0.3, -1.5]],
  ['nthRoot(x + 3, x)', [0.3, 2]], ['abs(x^3 - 1)', [0.3, 2]], ['atan2(x^2, x + 2)', [0.3, -1]],
  ['2^x', [0.3, -1]], ['x^x', [0.3, 2]], ['(x^2 + 1)^(sin(x))', [0.3, -1]], ['e^(3x)', [0.3, -1]],
  ['x^(-3)', [0.3, -1]], ['x^(1/3)', [0.3, 2]], ['-x^2 / (x - 3)', [0.3, -1]],
];

describe('derivative(expr, x)', () => {
  it.each(RULE_CASES)('derivative(%j, x) matches a central difference', (expr, points) => {
    for (const simplify of [true, false]) {
      const d = derivative(expr, 'x', { simplify });
      for (const x of points) {
        expect(close(evaluate(d, { x }), centralDifference(expr, 'x', { x }), 1e-6)).toBe(true);
      }
    }
  });

  it.each([
    ['x^2', '2*x'],
    ['3*x^3 + 2*x^2 - x + 1', '9*x^2 + 4*x - 1'],
    ['sin(x)*cos(x)', 'cos(x)^2 - sin(x)^2'],
    ['exp(-x^2)', '-2*x*exp(-x^2)'],
    ['1/x', '-1/x^2'],
    ['x^x', 'x^x*(log(x) + 1)'],
    ['(x + 1)^10', '10*(x + 1)^9'],
    ['sqrt(1 + x^2)', 'x/sqrt(x^2 + 1)'],
    ['x/3', '1/3'],
    ['sqrt(2)*x', 'sqrt(2)'],
  ])('derivative(%j, x) simplifies to %j', (expr, want) => {
    expect(derivative(expr, 'x').toString()).toBe(want);
  });

  it('derivative(expr, x, { simplify: false }) returns the raw output of the rules', () => {
    expect(derivative('x^2', 'x', { simplify: false }).toString()).toBe('2*x^(2 - 1)*1');
    expect(derivative('sin(2x)', 'x', { simplify: false }).toString()).toBe('cos(2*x)*2*1');
  });

  it('derivative(expr, v) treats every other symbol as a constant (partial derivatives)', () => {
    expect(derivative('x^2*y + y^3*z', 'y').toString()).toBe('3*y^2*z + x^2');
    expect(derivative('a*x^2 + b*x + c', 'x').toString()).toBe('2*a*x + b');
    expect(derivative('pi*x + e^2', 'x').toString()).toBe('pi');
  });

  it('derivative(expr, x) applies the chain rule once per function', () => {
    // d/dx sin(cos(x)) = cos(cos(x))·(−sin(x)): one chain step per nesting level.
    expect(derivative('sin(cos(x))', 'x').toString()).toBe('-cos(cos(x))*sin(x)');
  });

  it('derivative(expr, x) takes higher derivatives: sin cycles every 4', () => {
    let d = parse('sin(x)');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      d = derivative(d, 'x');
      seen.push(d.toString());
    }
    expect(seen).toEqual(['cos(x)', '-sin(x)', '-cos(x)', 'sin(x)']);
  });

  it('derivative(expr, x) rejects an unknown function by name and position (a ParseError, before any rule runs)', () => {
    expect(() => derivative('gamma(x) + 1', 'x')).toThrow(ParseError);
    expect(() => derivative('gamma(x) + 1', 'x')).toThrow(/"gamma"/);
    expect(() => derivative('f(x)', 'x')).toThrow(/"f"/);
  });

  it('derivative(expr, x) is 0 for an unknown function of other variables only', () => {
    expect(derivative('x + 0*y', 'x').toString()).toBe('1');
  });

  it('derivative(expr, v) rejects the constants pi and e as variables', () => {
    expect(() => derivative('x', 'pi')).toThrow(TypeError);
    expect(() => derivative('x', 'e')).toThrow(/constant e/);
  });

  it('derivative at the edges of the domain: abs′(u) = sign(u), so d/dx x·|x| = 2|x| is 0 at 0 (as autodiff gives)', () => {
    const d = derivative('x*abs(x)', 'x');
    expect(d.toString()).toBe('2*abs(x)');
    expect(evaluate(d, { x: 0 })).toBe(0);
    // the documented convention at the kink itself: abs′(0) = sign(0) = 0
    expect(derivative('abs(x)', 'x').toString()).toBe('sign(x)');
    expect(evaluate(derivative('abs(x)', 'x'), { x: 0 })).toBe(0);
    expect(derivative('sign(x)', 'x').toString()).toBe('0');
    expect(evaluate(derivative('abs(x)^3', 'x'), { x: 0 })).toBe(0);
  });

  it('cbrt and nthRoot have the same derivative, +Infinity at 0 (a vertical tangent), like sqrt', () => {
    for (const src of ['cbrt(x)', 'nthRoot(x, 3)', 'sqrt(x)', 'nthRoot(x, 2)']) expect(evaluate(derivative(src, 'x'), { x: 0 }), src).toBe(Infinity);
    for (const x of [-8, -0.3, 0.3, 8]) expect(close(evaluate(derivative('cbrt(x)', 'x'), { x }), evaluate(derivative('nthRoot(x, 3)', 'x'), { x }), 1e-14)).toBe(true);
  });

  it('derivative(expr, v, opts) rejects unknown option names and non-boolean values', () => {
    expect(() => derivative('x', 'x', { simplfy: false } as never)).toThrow(/unknown option "simplfy"; did you mean "simplify"\?/);
    expect(() => derivative('x', 'x', { simplify: 'no' } as never)).toThrow(/simplify = no: expected true or false/);
    expect(() => derivative('x', 'x', null as never)).toThrow(/options must be an object, got null/);
  });
});

