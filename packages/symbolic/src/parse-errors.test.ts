import { describe, expect, it } from 'vitest';
import { derivative, evaluate, parse, ParseError, simplify } from './index.js';

function parseError(src: string): ParseError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(src)} to fail`);
}

/** Valid expressions to break; every `x` in them is an operand, every ` + ` an operator. */
const BASES = ['sin(x)^2 + cos(y)*3', 'x*exp(-x^2/2) + log(x, 2)', 'sqrt(1 + x^2) - atan2(y, x)', '(x + 1)/(x - 1) + tanh(2*x)', 'nthRoot(x, 3) + x^x + abs(x - y)'];

const indicesOf = (s: string, needle: string): number[] => {
  const out: number[] = [];
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) out.push(i);
  return out;
};
/** Occurrences of the symbol x (not the x of exp, max, …). */
const symbolX = (s: string): number[] => indicesOf(s, 'x').filter((i) => !/[a-z0-9_]/i.test(s[i - 1] ?? ' ') && !/[a-z0-9_(]/i.test(s[i + 1] ?? ' '));

describe('ParseError positions point at the offending token, for every error class', () => {
  // An operand replaced by something that is not a scalar expression.
  const BAD_OPERANDS: readonly [string, RegExp][] = [
    ['"s"', /String "s"/],
    ["'s'", /String "s"/],
    ['[1, 2]', /matrix or vector/],
    ['{a: 1}', /Object/],
    ['NaN', /NaN is not supported/],
    ['Infinity', /Infinity is not supported/],
    ['1e999', /Number 1e999 is too large/],
    ['1e-999', /Number 1e-999 is too small/],
    ['undefined', /"undefined" is not a number/],
    ['true', /true is not supported/],
    ['null', /null is not supported/],
    ['foo(x)', /Unknown function "foo"/],
    ['sin', /"sin" is a function/],
    ['sin(x, x)', /Function sin takes 1 argument but got 2/],
    ['atan2(x)', /Function atan2 takes 2 arguments but got 1/],
    ['log(x, 2, 3)', /Function log takes 1 to 2 arguments but got 3/],
  ];
  const operandCases = BASES.flatMap((base) => symbolX(base).flatMap((i) => BAD_OPERANDS.map(([bad, message]) => [base.slice(0, i) + bad + base.slice(i + 1), i, message] as const)));

  it(`every one of ${operandCases.length} bad operands is reported at its own position`, () => {
    const wrong: string[] = [];
    for (const [src, at, message] of operandCases) {
      const e = parseError(src);
      if (e.position !== at || !message.test(e.message)) wrong.push(`${src} → ${e.position} (want ${at}): ${e.message}`);
    }
    expect(wrong).toEqual([]);
  });

  // A binary operator replaced by one that is not supported.
  // (`to` and `in` are left out: after a number mathjs reads them as units, 2 in = 2·in.)
  const BAD_OPERATORS = ['==', '!=', '<', '>=', 'mod', 'and', 'or', 'xor', '&', '|', '<<', '>>', '%'];
  const operatorCases = BASES.flatMap((base) => indicesOf(base, ' + ').flatMap((i) => BAD_OPERATORS.map((op) => [base.slice(0, i + 1) + op + base.slice(i + 2), i + 1, op] as const)));

  it(`every one of ${operatorCases.length} unsupported operators is reported at its own position`, () => {
    const wrong: string[] = [];
    for (const [src, at, op] of operatorCases) {
      const e = parseError(src);
      if (e.position !== at) wrong.push(`${src} → ${e.position} (want ${at} for ${op}): ${e.message}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the position of a wrong argument count is that call, not the first call with the name', () => {
    expect(parseError('sin(x) + sin(x, y)').position).toBe(9);
    expect(parseError('log(x) * log(x, 2, 3)').position).toBe(9);
    expect(parseError('atan2(x, y) - atan2(x)').position).toBe(14);
    expect(parseError('sin(sin(x), sin(x, y))').position).toBe(0);
    expect(parseError('cos(sin(x) + sin(x, y))').position).toBe(13);
  });

  it.each([
    ['sin("s"x)^2 + cos(y)*3', 4, /String "s"/],
    ['sin[1](x)^2 + cos(y)*3', 3, /Indexing or property access/],
    ['x.y + 1', 1, /Indexing or property access/],
    ['f(x) = x^2', 5, /Function definition "f\(x\) = …" is not supported/],
    ['g(a, b) = a*b', 8, /Function definition "g\(a, b\) = …"/],
    ['a = 3', 2, /Assignment "… = …" is not supported/],
    ['x + (a = 3)', 7, /Assignment/],
    ['x ? 1 : 2', 2, /Conditional/],
    ['1:3', 1, /Range/],
    ['1 < x < 3', 2, /Comparison/],
    ['x; y', 1, /Several expressions/],
    ['x\ny', 1, /Several expressions/],
    ['x!', 1, /Operator "!" \(factorial\)/],
    ["x'", 1, /Operator "'" \(transpose\)/],
    ['not x', 0, /Operator "not"/],
    ['x in y', 2, /Operator "in"/],
    ['x to y', 2, /Operator "to"/],
    ['', 0, /Empty expression/],
    ['   # only a comment', 0, /Empty expression/],
    ['x +', 3, /Unexpected end of expression/],
    ['2 +* 3', 3, /Value expected/],
  ] as const)('parse(%j) fails at %i', (src, at, message) => {
    const e = parseError(src);
    expect(e.position).toBe(at);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`at position ${at}`);
  });

  it('s!in(x) reports the factorial, never unit conversion', () => {
    const e = parseError('s!in(x)');
    expect(e.position).toBe(1);
    expect(e.message).not.toMatch(/unit|conversion|\bto\b/);
  });

  it('a huge source is excerpted in the message, never copied whole', () => {
    const big = 'x + '.repeat(25_000) + 'foo(x)';
    const e = parseError(big);
    expect(e.position).toBe(100_000);
    expect(e.message.length).toBeLessThan(1000);
    expect(e.message).toContain('foo');
    const digits = parseError('1'.repeat(100_000));
    expect(digits.message.length).toBeLessThan(500);
    expect(digits.message).toMatch(/too large/);
  });
});

describe('numeric literals', () => {
  it('integer literals are exact at any size float64 holds, so no precision is lost silently', () => {
    expect(simplify('9007199254740993 - 9007199254740992').toString()).toBe('1');
    expect(parse('123456789012345678901234567890').toString()).toBe('123456789012345678901234567890');
    expect(simplify('123456789012345678901234567890/10').toString()).toBe('12345678901234567890123456789');
    expect(evaluate('123456789012345678901234567890', {})).toBe(1.2345678901234568e29);
  });

  it('a literal that overflows or underflows float64 is a ParseError naming it and its position', () => {
    expect(parseError('2*x + 1e400').position).toBe(6);
    expect(parseError('2*x + 1e400').message).toMatch(/Number 1e400 is too large/);
    expect(parseError('x - 3e-400').message).toMatch(/Number 3e-400 is too small: it rounds to 0/);
    expect(parse('0e-400').toString()).toBe('0');
    expect(parse('5e-324').toString()).toBe('5e-324');
  });
});

describe('ln and names', () => {
  it('ln(x) is log(x), as the course writes it', () => {
    expect(parse('ln(x)').toString()).toBe('log(x)');
    expect(derivative('ln(x^2 + 1)', 'x').toString()).toBe('2*x/(x^2 + 1)');
    expect(parse('ln(x, 2)').toString()).toBe('log(x, 2)');
  });

  it('unknown functions suggest the closest known name', () => {
    expect(parseError('cos(x) + sinn(x)').message).toMatch(/Unknown function "sinn" \(did you mean "sin"\?\)/);
    expect(parseError('cos(x) + sinn(x)').position).toBe(9);
  });

  it('parse(src) rejects a non-string with a TypeError', () => {
    expect(() => parse(null as unknown as string)).toThrow(/expected a string, got null/);
    expect(() => parse(3 as unknown as string)).toThrow(TypeError);
  });
});
