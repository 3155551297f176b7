import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantFactor, diagnose, factorHints, formatNumber, transposeGrid, type Grid } from './diagnose.js';

const grid = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 })).chain(([r, c]) =>
  fc.array(fc.double({ min: -5, max: 5, noNaN: true }).filter((v) => Math.abs(v) > 1e-3), { minLength: r * c, maxLength: r * c }).map((data): Grid => ({ shape: [r, c], data })),
);

describe('diagnose', () => {
  it('finds any nonzero constant factor c of the answer (law: c·want is diagnosed as c)', () => {
    fc.assert(
      fc.property(grid, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.boolean(), (want, c, negative) => {
        const k = negative ? -c : c;
        expect(constantFactor(want.data.map((v) => k * v), want.data)).toBeCloseTo(k, 8);
      }),
    );
  });

  it('names a transpose and a factor together, and prefers the simplest explanation', () => {
    fc.assert(
      fc.property(grid.filter((g) => g.shape[0] !== g.shape[1]), (want) => {
        const t = transposeGrid(want)!;
        const got = { shape: t.shape, data: t.data.map((v) => 7 * v) };
        const d = diagnose(got, [{ value: want, mistakes: [] }], [{ value: 7, hint: 'seven' }], () => 'transposed');
        expect(d?.hints).toEqual(['transposed', 'seven']);
      }),
    );
  });

  it('says nothing when nothing matches, and names an unknown factor in general terms', () => {
    expect(diagnose({ shape: [1, 2], data: [1, 5] }, [{ value: { shape: [1, 2], data: [1, 2] }, mistakes: [] }], [], () => 't')).toBeUndefined();
    expect(factorHints(3.5, [])).toEqual(['the whole result is 3.5 times the expected one: a constant factor is wrong (check the factor 2 from the square, the 1/N and the sign)']);
    expect(factorHints(-100, [{ value: 100, hint: 'N' }, { value: -1, hint: 'sign' }])).toEqual(['N', 'sign']);
  });

  it('formats numbers for messages', () => {
    expect(formatNumber(0.050913512345)).toBe('0.0509135');
    expect(formatNumber(1.5e-9)).toBe('1.5e-9');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});
