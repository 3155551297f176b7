import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, freeSymbols, parse, ParseError, toMathNode, toTex } from './index.js';
import { close } from './test-support.js';

function parseError(src: string): ParseError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected ${src} to fail`);
}

describe('parse(src)', () => {
  it.each([
    ['x +', 3, /Unexpected end of expression.*expected/],
    ['(x', 2, /Parenthesis \) expected/],
    ['sin(x', 5, /Parenthesis \) expected/],
    ['2 +* 3', 3, /Value expected/],
    ['', 0, /Empty expression: expected/],
    ['x == 2', 2, /Operator "==".*expected one of/],
    ['x!', 1, /Operator "!".*expected one of/],
  ])('parse(%j) throws ParseError at 0-based position %i', (src, position, message) => {
    const e = parseError(src);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
  });

  it('parse(src) keeps the structure as written and prints mathjs syntax', () => {
    expect(parse('sin(2x^5 + 3x) / e^(7x)').toString()).toBe('sin(2*x^5 + 3*x)/e^(7*x)');
    expect(parse('x - y - z').toString()).toBe('x - y - z');
    expect(() => parse('f(x) = 5x + 2')).toThrow(/Function definition "f\(x\) = …" is not supported/);
  });

  it('parse(src) rejects 10,000-deep nesting with a clear ParseError, never a stack overflow', () => {
    const deep = ['('.repeat(10000) + 'x' + ')'.repeat(10000), 'sin('.repeat(10000) + 'x' + ')'.repeat(10000), Array(10000).fill('x').join('^'), '-'.repeat(10000) + 'x'];
    for (const src of deep) {
      const e = parseError(src);
      expect(e.message).toMatch(/nested|deep/);
    }
  });

  it('parse(src) handles a 10,000-term sum as one flat node', () => {
    const src = Array.from({ length: 10000 }, (_, i) => `x${i % 7}`).join(' + ') + ' - x0';
    expect(evaluate(src, { x0: 1, x1: 1, x2: 1, x3: 1, x4: 1, x5: 1, x6: 1 })).toBe(9999);
    expect(derivative(src, 'x1').toString()).toBe('1429');
  });

  it('toTex(expr) is fast for deeply nested functions (mathjs toTex is exponential there)', () => {
    const tex = toTex('sin('.repeat(150) + 'x' + ')'.repeat(150));
    expect(tex.match(/\\sin/g)).toHaveLength(150);
  });

  it('parse(src) handles 150 nested functions end to end', () => {
    const src = 'sin('.repeat(150) + 'x' + ')'.repeat(150);
    const d = derivative(src, 'x');
    const x = 0.3;
    const h = 1e-6;
    expect(close(evaluate(d, { x }), (evaluate(src, { x: x + h }) - evaluate(src, { x: x - h })) / (2 * h), 1e-6)).toBe(true);
  });

  it('parse(e.toString()) evaluates like e for random expressions (round trip)', () => {
    const leaf = fc.oneof(fc.constant('x'), fc.constant('y'), fc.integer({ min: -9, max: 9 }).map(String), fc.constant('pi'));
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
        fc.tuple(fc.constantFrom('sin', 'exp', 'sqrt', '-'), tie('e')).map(([f, a]) => `${f}(${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        const e = parse(src);
        const again = parse(e.toString());
        const scope = { x: 0.7, y: -1.3 };
        const a = evaluate(e, scope);
        const b = evaluate(again, scope);
        return (Number.isNaN(a) && Number.isNaN(b)) || close(a, b, 1e-12) || a === b;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('freeSymbols(expr)', () => {
  it('freeSymbols(expr) is sorted and excludes pi and e', () => {
    expect(freeSymbols('b*x^2 + a*sin(e*t) + pi')).toEqual(['a', 'b', 't', 'x']);
  });
});

describe('toTex(expr) and toMathNode(expr)', () => {
  it('toTex(expr) renders fractions and roots', () => {
    expect(toTex('sqrt(x)/2')).toBe('\\frac{\\sqrt{x}}{2}');
    expect(toTex(derivative('x^3', 'x'))).toBe('3 \\cdot {x}^{2}');
    expect(toTex('-(x - mu)^2/(2*sigma^2)')).toBe('-\\frac{{\\left(x - \\mu\\right)}^{2}}{2 \\cdot {\\sigma}^{2}}');
    expect(toTex('log(x, 2) + w1*abs(x) + exp(-x)')).toBe('\\log_{2}\\left(x\\right) + w_{1} \\cdot \\left|x\\right| + e^{-x}');
  });
  it('toMathNode(expr) gives a mathjs node that evaluates the same', () => {
    expect(toMathNode('x^2/2').evaluate({ x: 3 })).toBe(4.5);
  });
});
