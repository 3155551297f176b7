import { describe, expect, it } from 'vitest';
import { compile, evaluate, simplify } from './index.js';

describe('evaluate(expr, scope)', () => {
  it('evaluate(expr, scope) follows float64 as JavaScript does: NaN outside a real domain, ±Infinity for 1/0', () => {
    expect(evaluate('x^2 * y', { x: 3, y: 2 })).toBe(18);
    expect(evaluate('log(x)', { x: -1 })).toBeNaN();
    expect(evaluate('1/x', { x: 0 })).toBe(Infinity);
    expect(evaluate('pi + e', {})).toBe(Math.PI + Math.E);
  });

  it('evaluate and compile agree on the same Expr even at ±Infinity (sqrt of −∞ is NaN both ways)', () => {
    for (const src of ['sqrt(x)', 'x^(3/2)', 'x^(-1/2)', 'x^(5/2) + 1']) {
      const e = simplify(src);
      for (const x of [-Infinity, -1, 0, -0, 2, Infinity]) {
        const a = evaluate(e, { x });
        const b = compile(e, ['x'])([x]);
        expect(Number.isNaN(a) ? Number.isNaN(b) : Object.is(a, b) || a === b, `${src} at ${x}: ${a} vs ${b}`).toBe(true);
      }
    }
  });

  it('evaluate(expr, scope) rejects a scope that is not an object of numbers, naming what it got', () => {
    expect(() => evaluate('x', null as never)).toThrow(/scope must be an object of numbers such as \{ x: 1 \}, got null/);
    expect(() => evaluate('x', undefined as never)).toThrow(/got undefined/);
    expect(() => evaluate('x', [1] as never)).toThrow(/got an array/);
    expect(() => evaluate('x', { x: '2' } as never)).toThrow(/scope.x is the string "2": expected a number/);
    expect(() => evaluate('x + y', { x: 1 })).toThrow(/no value for symbol "y"/);
    expect(() => evaluate('constructor', {})).toThrow(/no value for symbol "constructor"/);
  });
});
