import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, derivative, evaluate, gradient, parse, ParseError } from './index.js';
import { close } from './test-support.js';

describe('compile(expr, vars)', () => {
  it('compile(expr, vars) returns a function of an array in the order of vars', () => {
    const f = compile('x^2 + y', ['x', 'y']);
    expect(f([3, 1])).toBe(10);
    expect(f(new Float64Array([2, -4]))).toBe(0);
  });

  it('compile(exprs, vars) returns a Float64Array of every expression', () => {
    const g = compile(gradient('x^2*y + 3*z', ['x', 'y', 'z']), ['x', 'y', 'z']);
    const out = g([1, 2, 3]);
    expect(out).toBeInstanceOf(Float64Array);
    expect([...out]).toEqual([4, 1, 3]);
  });

  it.each([
    ['sin(x)*cos(x) + tan(x) - sec(x)*csc(x) + cot(x)'],
    ['asin(x/3) + acos(x/3) + atan(x) + asec(x + 3) + acsc(x + 3) + acot(x)'],
    ['sinh(x) + cosh(x) - tanh(x) + sech(x) + csch(x + 3) + coth(x + 3)'],
    ['asinh(x) + acosh(x + 3) + atanh(x/3) + asech(x/3 + 0.5) + acsch(x + 3) + acoth(x + 3)'],
    ['exp(x) + expm1(x) + log(x + 3) + log(x + 3, 2) + log10(x + 3) + log2(x + 3) + log1p(x + 1)'],
    ['sqrt(x + 3) + cbrt(x) + nthRoot(x, 3) + abs(x) + sign(x) + atan2(x, 2) + x^-3 + x^(1/2 + 1) + pi + e'],
  ])('compile(%j) agrees with evaluate', (src) => {
    const f = compile(src, ['x']);
    for (const x of [0.3, 1.1, -0.7]) {
      const want = evaluate(src, { x });
      const got = f([x]);
      expect(Number.isNaN(want) ? Number.isNaN(got) : close(got, want, 1e-12)).toBe(true);
    }
  });

  it('compile(expr, vars) agrees with evaluate on random derivatives', () => {
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('x', 'y', '2', '1/3'),
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, o, b]) => `(${a})${o}(${b})`),
        fc.tuple(fc.constantFrom('sin', 'exp', 'tanh', 'sqrt'), tie('e')).map(([f, a]) => `${f}(${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        const d = derivative(src, 'x');
        const scope = { x: 0.8, y: -0.3 };
        const want = evaluate(d, scope);
        const got = compile(d, ['x', 'y'])([0.8, -0.3]);
        return Number.isNaN(want) ? Number.isNaN(got) : close(got, want, 1e-10);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('compile(expr, vars) computes shared subexpressions once', () => {
    const f = compile(derivative('1/(1 + exp(-(w*x + b)))', 'w'), ['w', 'x', 'b']);
    const source = f.toString();
    expect(source.match(/Math\.exp/g)).toHaveLength(1);
    expect(source).toMatch(/const t0 = /);
  });

  it.each(['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'x;process.exit()', 'x)', 'х', 'ｘ', 'x\u200b', '', '1x', 'pi'])(
    'compile(expr, [%j]) rejects the unsafe variable name',
    (name) => {
      expect(() => compile('1', [name])).toThrow(TypeError);
    },
  );

  it('compile never writes identifiers into the generated source', () => {
    const f = compile('alpha*beta_2 + alpha', ['alpha', 'beta_2']);
    expect(f.toString()).not.toMatch(/alpha|beta/);
    expect(f([2, 3])).toBe(8);
  });

  it('compile(expr, vars) is harmless for expressions whose symbols look like code', () => {
    // mathjs parses these as ordinary symbols; they are not in vars, so compile refuses them.
    expect(() => compile(parse('constructor + 1'), ['x'])).toThrow(/symbol "constructor" is not in vars/);
    // Unknown function names are rejected by the parser, at their position.
    expect(() => compile('toString(x)', ['x'])).toThrow(/Unknown function "toString"/);
    expect(() => compile('__proto__', ['x'])).toThrow(RangeError);
    // A Greek ο is a different symbol from the Latin o; mathjs does not accept Cyrillic at all.
    expect(() => compile('ο + 1', ['o'])).toThrow(/symbol "ο" is not in vars/);
    expect(() => compile('х + 1', ['x'])).toThrow(ParseError);
    expect(evaluate('constructor', { constructor: 2 })).toBe(2);
    expect(() => evaluate('toString(x)', { x: 1 })).toThrow(ParseError);
    expect(() => derivative('constructor(x)', 'x')).toThrow(/"constructor"/);
    expect(() => evaluate('constructor', {})).toThrow(/no value for symbol "constructor"/);
  });

  it('compile(expr, vars) rejects duplicate names and too few values', () => {
    expect(() => compile('x', ['x', 'x'])).toThrow(/listed twice/);
    expect(() => compile('x + y', ['x', 'y'])([1])).toThrow(RangeError);
  });

  it('compile emits no Math.pow for integer and half-integer powers: multiplications and Math.sqrt', () => {
    const f = compile('(2*pi*s^2)^(-3/2) + x^7 + y^(5/2) + z^-2 + w^(-1/2) + x^(1/3)', ['s', 'x', 'y', 'z', 'w']);
    const source = f.toString();
    // Only x^(1/3) (not a half-integer) needs Math.pow.
    expect(source.match(/Math\.pow/g)).toHaveLength(1);
    expect(source).toMatch(/Math\.pow\(a1, 0\.333/);
    // (2πs²)^(−3/2) = 1/(t·sqrt(t)) with one square root for t
    expect(source.match(/Math\.sqrt\(t\d+\)/g)).toHaveLength(1);
    const [s, x, y, z, w] = [1.3, 0.7, 2.1, -1.5, 0.8];
    const want = (2 * Math.PI * s * s) ** -1.5 + x ** 7 + y ** 2.5 + z ** -2 + w ** -0.5 + x ** (1 / 3);
    expect(close(f([s, x, y, z, w]), want, 1e-14)).toBe(true);
  });

  it('compile shares sqrt(t) between t^(1/2) and t^(3/2), and writes large powers by squaring', () => {
    const source = compile('sqrt(x + 1) + (x + 1)^(3/2) + x^13', ['x']).toString();
    expect(source.match(/Math\.sqrt/g)).toHaveLength(1);
    expect(source).not.toMatch(/Math\.pow/);
    expect(compile('x^13', ['x'])([1.1])).toBeCloseTo(1.1 ** 13, 12);
    expect(compile('x^-13', ['x'])([-1.1])).toBeCloseTo((-1.1) ** -13, 12);
  });

  it('the compiled function checks its input: an array-like of numbers, or a TypeError naming the value', () => {
    const f = compile('x + y', ['x', 'y']);
    expect(() => f(['1', '2'] as unknown as number[])).toThrow(/values\[0\] \(x\) is the string "1": expected a number/);
    expect(() => f('ab' as unknown as number[])).toThrow(TypeError);
    expect(() => f(null as unknown as number[])).toThrow(/expected an array \(or typed array\) of 2 numbers for \[x, y\], got null/);
    expect(() => f(undefined as unknown as number[])).toThrow(TypeError);
    expect(() => f([1, undefined] as unknown as number[])).toThrow(/values\[1\] \(y\) is undefined/);
    expect(() => f([1])).toThrow(/expected 2 values, got 1/);
    expect(f(new Float64Array([1, 2]))).toBe(3);
    expect(compile(['x', 'y'], ['x', 'y'])([3, 4])).toEqual(new Float64Array([3, 4]));
  });

  it.each(['NaN', 'Infinity', 'undefined', 'true', 'null', 'sin', 'ln'])('compile(expr, [%j]) rejects a name that expressions read as something else', (name) => {
    expect(() => compile('1', [name])).toThrow(TypeError);
  });

  it("compile('NaN + 1', ['NaN']) fails at the NaN literal, before any code is generated", () => {
    expect(() => compile('NaN + 1', ['x'])).toThrow(ParseError);
    expect(() => compile('x + 1', ['NaN'])).toThrow(/"NaN" is a literal value/);
  });
});

