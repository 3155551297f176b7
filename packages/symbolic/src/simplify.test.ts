import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../bench/symbolic-24.json' with { type: 'json' };
import { derivative, evaluate, parse, simplify } from './index.js';
import { close, nodeCount } from './test-support.js';

describe('simplify(expr)', () => {
  it.each([
    ['x + x + 1/3 + 1/6', '2*x + 1/2'],
    ['1/3', '1/3'],
    ['2/6*x', 'x/3'],
    ['sqrt(2)', 'sqrt(2)'],
    ['sqrt(2)*sqrt(2)', '2'],
    ['sqrt(8)', 'sqrt(8)'],
    ['sqrt(4)', '2'],
    ['sqrt(x^2)', 'abs(x)'],
    ['(x^2)^(1/2)', 'abs(x)'],
    ['(x^(1/2))^2', 'sqrt(x)^2'],
    ['x*x^2', 'x^3'],
    ['x/x^3', '1/x^2'],
    ['2*x - 2*x', '0'],
    ['(2*x)^2', '4*x^2'],
    ['exp(log(cos(x) + 2))', 'cos(x) + 2'],
    ['exp(log(x))', 'exp(log(x))'],
    ['log(exp(x))', 'x'],
    ['abs(x^2 + 1)', 'x^2 + 1'],
    ['abs(x)', 'abs(x)'],
    ['e^x*e^x', 'exp(2*x)'],
    ['0.5 + 0.25', '0.75'],
    ['sin(0) + cos(0)', '1'],
    ['log(x, 10)', 'log(x)/log(10)'],
    ['1^(x^2)', '1'],
  ])('simplify(%j) is %j', (src, want) => {
    expect(simplify(src).toString()).toBe(want);
  });

  it('simplify(expr) never changes a finite value (soundness on random expressions)', () => {
    const leaf = fc.oneof(fc.constant('x'), fc.constant('y'), fc.integer({ min: -4, max: 4 }).map(String), fc.constantFrom('1/3', '0.5', 'pi'));
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
        fc.tuple(tie('e'), fc.constantFrom('2', '3', '-1', '1/2', '-1/2', '1/3')).map(([a, p]) => `(${a})^(${p})`),
        fc.tuple(fc.constantFrom('sqrt', 'exp', 'log', 'abs', 'sin'), tie('e')).map(([f, a]) => `${f}(${a})`),
      ),
    })).e;
    const point = fc.record({ x: fc.double({ min: -3, max: 3, noNaN: true }), y: fc.double({ min: -3, max: 3, noNaN: true }) });
    fc.assert(
      fc.property(expr, point, (src, scope) => {
        const before = evaluate(src, scope);
        if (!Number.isFinite(before) || Math.abs(before) > 1e6) return true;
        const after = evaluate(simplify(src), scope);
        return close(before, after, 1e-7);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('simplify(simplify(e)) is simplify(e) (idempotent)', () => {
    for (const c of fixture.cases) {
      const d = derivative(c.expr, c.var);
      expect(simplify(d).toString()).toBe(d.toString());
    }
  });
});

describe('derivative size on bench-data/symbolic-24.json', () => {
  it.each(fixture.cases.map((c) => [c.id, c] as const))('derivative of %s is no larger than SymPy diff', (_id, c) => {
    const d = derivative(c.expr, c.var);
    expect(nodeCount(d.toString())).toBeLessThanOrEqual(c.reference_output_nodes.sympy_diff_nodes);
    // and it is the right derivative
    const scope: Record<string, number> = { x: 0.7, mu: 0.2, s: 1.3, y: 0.4, y1: 0.1, y2: 0.2, y3: 0.3, x1: -0.5, x2: 0.4, x3: 1.1, b1: 0.1, b2: -0.2, b3: 0.3, c: 0.1, w1: 0.5, w2: -0.4, w3: 0.2, w5: 0.8, w6: -0.6, v1: 0.3, v2: 0.7, v3: -0.2 };
    const h = 1e-6;
    const at = (v: number): number => evaluate(parse(c.expr), { ...scope, [c.var]: v });
    const v0 = scope[c.var] as number;
    expect(close(evaluate(d, scope), (at(v0 + h) - at(v0 - h)) / (2 * h), 1e-6)).toBe(true);
  });
});
