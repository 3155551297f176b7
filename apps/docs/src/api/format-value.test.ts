import { parse } from '@slope/symbolic';
import { tensor } from '@slope/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLogArgs, formatValue } from './format-value.js';

describe('formatValue(value)', () => {
  it('prints primitives as a REPL does: strings quoted and escaped, -0 kept', () => {
    expect(formatValue('it\'s\n')).toBe("'it\\'s\\n'");
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(12n)).toBe('12n');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(Symbol('s'))).toBe('Symbol(s)');
    expect(formatValue('\u0001')).toBe("'\\x01'");
  });

  it('prints arrays, typed arrays, objects, maps and sets on one line while they fit', () => {
    expect(formatValue([1, [2, 'a'], { b: true }])).toBe("[1, [2, 'a'], { b: true }]");
    expect(formatValue(new Float64Array([1, 2.5]))).toBe('Float64Array(2) [1, 2.5]');
    expect(formatValue({ 'a-b': 1, c: [] })).toBe("{ 'a-b': 1, c: [] }");
    expect(formatValue(new Map([['k', 1]]))).toBe("Map(1) { 'k' => 1 }");
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
    expect(formatValue({})).toBe('{}');
  });

  it('breaks a long structure over lines, indented, and elides long arrays and deep nesting', () => {
    const long = { first: 'a'.repeat(40), second: 'b'.repeat(40) };
    expect(formatValue(long)).toBe(`{\n  first: '${'a'.repeat(40)}',\n  second: '${'b'.repeat(40)}'\n}`);
    expect(formatValue(Array.from({ length: 30 }, () => 0))).toContain('… 6 more');
    expect(formatValue({ a: { b: { c: { d: { e: 1 } } } } })).toBe('{ a: { b: { c: { d: [Object] } } } }');
  });

  it('prints what a library object says about itself, never a (minifiable) constructor or function name', () => {
    expect(formatValue(parse('x^2 + 1'))).toBe('x^2 + 1');
    expect(formatValue(tensor([1, 2]))).toBe('Tensor([2], [1,2])');
    expect(formatValue(function named() {})).toBe('[Function]');
    expect(formatValue(class Named {})).toBe('[class]');
    expect(formatValue(new RangeError('bad'))).toBe('RangeError: bad');
  });

  it('marks a cycle instead of recursing forever', () => {
    const a: Record<string, unknown> = { n: 1 };
    a['self'] = a;
    expect(formatValue(a)).toBe('{ n: 1, self: [Circular] }');
  });

  it('is total: any JSON-like value formats to a string without throwing', () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof formatValue(v) === 'string'));
  });
});

describe('formatLogArgs(args)', () => {
  it('joins the arguments with spaces, leaving strings unquoted as console.log does', () => {
    expect(formatLogArgs(['x =', 2, 'y', ['a']])).toBe("x = 2 y ['a']");
    expect(formatLogArgs([])).toBe('');
  });
});
