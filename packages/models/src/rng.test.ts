import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './index.js';

describe('createRng', () => {
  it('createRng(seed).uniform() gives the pinned sfc32 stream (checked against a Python transliteration)', () => {
    const rng = createRng(42);
    expect([rng.uniform(), rng.uniform(), rng.uniform()]).toEqual([0.23955312807799112, 0.09323416053257594, 0.4471016215948881]);
  });

  it('createRng(seed) is reproducible: the same seed gives the same uniform, normal and int draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const draw = (r: typeof a) => [r.uniform(), r.normal(), r.normal(), r.normal(), r.int(7)];
        expect(draw(a)).toEqual(draw(b));
      }),
      { numRuns: 50 },
    );
  });

  it('createRng(seed) gives different streams for neighbouring seeds', () => {
    const firsts = new Set(Array.from({ length: 100 }, (_, s) => createRng(s).uniform()));
    expect(firsts.size).toBe(100);
    expect(createRng(2 ** 32).uniform()).not.toBe(createRng(0).uniform());
  });

  it('rng.uniform() lies in [0, 1) with mean 1/2 and variance 1/12 over 1e5 draws', () => {
    const rng = createRng(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      sum += u;
      sumSq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // 5 standard errors: √(1/12/n) ≈ 0.0009.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('rng.normal() has mean 0, variance 1 and the normal tail mass over 1e5 draws', () => {
    const rng = createRng(11);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.016);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.023);
    // P(|Z| > 2) = 0.0455.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.004);
  });

  it('rng.normal(mean, std) shifts and scales the standard normal draw', () => {
    const a = createRng(3);
    const b = createRng(3);
    expect(a.normal(10, 2)).toBeCloseTo(10 + 2 * b.normal(), 14);
  });

  it.each([
    [0, -1, /std is -1; expected a finite number ≥ 0/],
    [0, Number.NaN, /std is NaN/],
    [0, Infinity, /std is Infinity/],
    [Number.NaN, 1, /mean is NaN; expected a finite number/],
    [-Infinity, 1, /mean is -Infinity/],
  ])('rng.normal(%s, %s) throws a RangeError instead of drawing from no distribution', (mean, std, message) => {
    expect(() => createRng(1).normal(mean, std)).toThrow(RangeError);
    expect(() => createRng(1).normal(mean, std)).toThrow(message);
  });

  it('rng.normal(mean, 0) is the mean itself', () => {
    expect(createRng(1).normal(4.5, 0)).toBe(4.5);
  });

  it('rng.int(n) covers 0 … n − 1 evenly', () => {
    const rng = createRng(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it.each([[1.5], [Number.NaN], [2 ** 60]])('createRng(%s) throws a RangeError naming the seed', (seed) => {
    expect(() => createRng(seed)).toThrow(RangeError);
    expect(() => createRng(seed)).toThrow(/seed/);
  });

  it.each([[0], [-1], [2.5], [2 ** 33]])('rng.int(%s) throws a RangeError', (n) => {
    expect(() => createRng(1).int(n)).toThrow(/rng.int\(n\)/);
  });
});
