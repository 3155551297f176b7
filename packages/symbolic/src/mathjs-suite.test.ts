import { evaluate as mathEvaluate } from 'mathjs/number';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, ParseError } from './index.js';
import { MATHJS_DERIVATIVE_CASES } from './test-mathjs-cases.js';
import { centralDifference, close } from './test-support.js';

const POINTS = [0.15, 0.35, 0.45, 0.7, 1.3, 2.2, -0.4, -1.7];

/** mathjs's expected value at x, or undefined where it is not a finite real. */
function expectedAt(text: string, x: number): number | undefined {
  const v: unknown = mathEvaluate(text, { x, y: 1.7, z: 0.6 });
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

// mathjs's rule gives d/dx acoth(x) = -1/(1 - x^2); the true derivative is 1/(1 - x^2)
// (acoth x = ½ log((x+1)/(x-1))). The finite-difference check below proves which is right.
const MATHJS_IS_WRONG = new Set(['acoth((2x))']);

describe('derivative(expr, x) on the mathjs derivative test suite', () => {
  it.each(MATHJS_DERIVATIVE_CASES)('derivative(%j, %s) matches mathjs (%s) by value', (written, variable, expected) => {
    // mathjs accepts a function definition f(x) = … and differentiates its body; we reject the
    // definition (naming it) and differentiate the body written alone.
    const definition = /^f\([a-z]\)\s*=/;
    if (definition.test(written)) expect(() => derivative(written, variable)).toThrow(/Function definition "f\([a-z]\) = …"/);
    const input = written.replace(definition, '');
    const simplified = derivative(input, variable);
    const rawOutput = derivative(input, variable, { simplify: false });
    let compared = 0;
    for (const x of POINTS) {
      const scope = { x, y: 1.7, z: 0.6 };
      const want = expectedAt(expected, x);
      const fx = (() => {
        try {
          return evaluate(input, scope);
        } catch {
          return NaN;
        }
      })();
      if (want === undefined || !Number.isFinite(fx)) continue;
      const got = evaluate(simplified, scope);
      const gotRaw = evaluate(rawOutput, scope);
      const fd = centralDifference(input, variable, scope);
      expect(close(got, gotRaw, 1e-9)).toBe(true);
      expect(close(got, fd, 1e-5)).toBe(true);
      if (MATHJS_IS_WRONG.has(written)) expect(close(want, fd, 1e-5)).toBe(false);
      else expect(close(got, want, 1e-9)).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['x << 2', ParseError, /Operator "<<"/],
    ['sqrt()', ParseError, /sqrt .* got 0 argument/],
    ['sqrt(12, 2x)', ParseError, /sqrt .* got 2 argument/],
    ['[1, 2; 3, 4]', ParseError, /ArrayNode is not supported/],
    ['x + [1, 2; 3, 4]', ParseError, /ArrayNode is not supported/],
    ['subset(x)', ParseError, /Unknown function "subset"/],
  ])('derivative(%j, x) throws a named error', (input, type, message) => {
    expect(() => derivative(input, 'x')).toThrow(type);
    expect(() => derivative(input, 'x')).toThrow(message);
  });

  it("derivative('42', '42') rejects a variable that is not a name", () => {
    expect(() => derivative('42', '42')).toThrow(TypeError);
    expect(() => derivative('42', '42')).toThrow(/"42" is not a valid name/);
  });
});
