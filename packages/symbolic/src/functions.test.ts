import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, FUNCTIONS } from './functions.js';
import { compile, derivative, evaluate, taylor, toMathNode, toTex } from './index.js';
import { centralDifference, close } from './test-support.js';

/** A point inside each function's domain, away from its edges, for one- and two-argument calls. */
const INSIDE: Readonly<Record<string, readonly number[]>> = {
  asin: [0.3], acos: [0.3], asec: [1.7], acsc: [1.7], acosh: [1.7], atanh: [0.3], asech: [0.6], acoth: [1.7],
  log: [1.7, 3], nthRoot: [1.7, 3], atan2: [0.4, 1.3],
};

const call = (name: string, args: readonly number[]): string => `${name}(${args.map((a, i) => (i === 0 ? 'x' : String(a))).join(', ')})`;

describe('the function registry: one FunctionSpec per function, every table derived from it', () => {
  const names = Object.keys(FUNCTIONS);

  it('ln is an alias of log, and every name and alias resolves to a spec', () => {
    expect(FUNCTION_NAMES.get('ln')).toBe('log');
    for (const [written, name] of FUNCTION_NAMES) expect(FUNCTIONS[name], written).toBeDefined();
  });

  it.each(names)('%s: evaluate, compile, derivative, series and TeX all come from its entry and agree', (name) => {
    const spec = FUNCTIONS[name]!;
    const args = INSIDE[name] ?? [0.7, 2].slice(0, spec.arity[0]);
    const src = call(name, args);
    const x = args[0] as number;
    const want = spec.real(...args);
    // real evaluation, its domain, and the compiled template
    expect(Number.isFinite(want)).toBe(true);
    expect(spec.defined?.(...args) ?? true).toBe(true);
    expect(evaluate(src, { x })).toBe(want);
    expect(close(compile(src, ['x'])([x]), want, 1e-14)).toBe(true);
    // the derivative rule against a finite difference
    const d = evaluate(derivative(src, 'x'), { x });
    expect(close(d, centralDifference(src, 'x', { x }), 1e-6)).toBe(true);
    // the series rule against the derivative rule: c₀ = f(a), c₁ = f′(a), 2c₂ = f″(a)
    const t = taylor(src, { about: x, order: 2 });
    expect(close(t.terms[0]!.value, want, 1e-12)).toBe(true);
    expect(close(t.terms[1]!.value, d, 1e-10)).toBe(true);
    expect(close(2 * t.terms[2]!.value, evaluate(derivative(derivative(src, 'x'), 'x'), { x }), 1e-9)).toBe(true);
    // mathjs's own evaluator knows it too (toMathNode's instance loads each registered function)
    expect(close(toMathNode(src).evaluate({ x }) as number, want, 1e-14)).toBe(true);
    // TeX and the explain wording
    expect(toTex(src).length).toBeGreaterThan(0);
    expect(spec.family.length).toBeGreaterThan(0);
    expect(spec.derivative?.law).toMatch(new RegExp(`^${name}'`));
  });

  it('each function with a restricted domain says so, and the real value agrees with it', () => {
    const outside: Readonly<Record<string, readonly number[]>> = {
      log: [-1], log10: [0], log2: [-2], log1p: [-1], sqrt: [-1], asin: [2], acos: [-2], acosh: [0.5], atanh: [1], asec: [0.5],
      acsc: [0.2], asech: [2], acoth: [0.5], csch: [0], coth: [0], csc: [0], cot: [0], nthRoot: [-8, 2],
    };
    for (const [name, args] of Object.entries(outside)) {
      const spec = FUNCTIONS[name]!;
      expect(spec.defined?.(...args), `${name}(${args.join(', ')})`).toBe(false);
      expect(Number.isFinite(spec.real(...args)), `${name}(${args.join(', ')}) is NaN or ±Infinity`).toBe(false);
    }
  });
});
