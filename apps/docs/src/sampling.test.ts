import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './dom.js';
import { finiteSegments, robustRange, sample } from './sampling.js';
import { resolveFile } from './test-server.js';

describe('sampling', () => {
  it('sample(f, a, b, n) includes both endpoints', () => {
    const { x, y } = sample((t) => t * t, -1, 2, 4);
    expect(x).toEqual([-1, 0, 1, 2]);
    expect(y).toEqual([1, 0, 1, 4]);
  });

  it('finiteSegments splits 1/x at its asymptote into two pieces', () => {
    const pieces = finiteSegments(sample((t) => 1 / t, -1, 1, 201), [-10, 10], { label: '1/x' });
    expect(pieces.length).toBe(2);
    expect(pieces[0]!.label).toBe('1/x');
    expect(pieces[1]!.label).toBeUndefined();
    for (const p of pieces) expect(Array.from(p.y).every((v) => Math.abs(v) <= 30)).toBe(true);
  });

  it('robustRange ignores a few huge values and always returns lo < hi', () => {
    const [, hi] = robustRange([...Array.from({ length: 100 }, (_, k) => k / 100), 1e12]);
    expect(hi).toBeLessThan(2);
    fc.assert(fc.property(fc.array(fc.double({ min: -1e100, max: 1e100, noNaN: true })), (values) => {
      const [a, b] = robustRange(values);
      expect(a).toBeLessThan(b);
    }));
  });

  it('formatNumber keeps four significant digits and uses exponents for tiny values', () => {
    expect(formatNumber(3.14159265)).toBe('3.142');
    expect(formatNumber(0.000123456)).toBe('1.235e-4');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('resolveFile', () => {
  it('resolveFile maps clean URLs to .html files and refuses paths outside the root', () => {
    const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
    expect(resolveFile(root, '/package.json')).toBe(`${root}/package.json`);
    expect(resolveFile(root, '/../../package.json')).toBeUndefined();
    expect(resolveFile(root, '/nothing-here')).toBeUndefined();
  });
});
