import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { portableCos, portableExp, portableLog, portableSin } from './portable-math.js';
import { EXP2_HI, EXP2_LO } from './portable-exp-table.js';
import { COS_REFERENCE, EXP_REFERENCE, LOG_REFERENCE, SIN_REFERENCE } from './test-portable-math-data.js';

const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);

/** Signed distance in units in the last place: consecutive doubles differ by 1. */
function ulpDistance(a: number, b: number): number {
  const order = (x: number) => {
    bits[0] = x;
    const v = words[0]!;
    return v < 0n ? -(v & 0x7fffffffffffffffn) : v;
  };
  return Number(order(a) - order(b));
}

const FUNCTIONS = [
  { name: 'exp', ours: portableExp, engine: Math.exp, reference: EXP_REFERENCE, draw: (u: number) => (u - 0.5) * 1450 },
  { name: 'log', ours: portableLog, engine: Math.log, reference: LOG_REFERENCE, draw: (u: number) => 2 ** ((u - 0.5) * 2000) },
  { name: 'sin', ours: portableSin, engine: Math.sin, reference: SIN_REFERENCE, draw: (u: number) => (u - 0.5) * 40 },
  { name: 'cos', ours: portableCos, engine: Math.cos, reference: COS_REFERENCE, draw: (u: number) => (u - 0.5) * 40 },
] as const;

describe('portable elementary functions', () => {
  it('run on a little-endian host (the word order they read floats in)', () => {
    expect(new Uint8Array(Float64Array.of(1).buffer)[7]).toBe(0x3f);
  });

  describe.each(FUNCTIONS)('$name', ({ ours, engine, reference, draw }) => {
    it('is within 1 ulp of the correctly rounded value (mpmath references)', () => {
      let exact = 0;
      for (const [x, expected] of reference) {
        const d = Math.abs(ulpDistance(ours(x), expected));
        expect(d, `x = ${x}`).toBeLessThanOrEqual(1);
        if (d === 0) exact++;
      }
      // A method that is "within 1 ulp" by luck would not be correctly rounded this often.
      expect(exact / reference.length).toBeGreaterThan(0.95);
    });

    it('is within 1 ulp of the engine over 10⁶ seeded points', () => {
      const rng = createRng(2026);
      let worst = 0;
      for (let i = 0; i < 1_000_000; i++) {
        const x = draw(rng.uniform());
        const d = Math.abs(ulpDistance(ours(x), engine(x)));
        if (d > worst) worst = d;
      }
      expect(worst).toBeLessThanOrEqual(1);
    });
  });

  it('exp and log keep their special values', () => {
    expect(portableExp(0)).toBe(1);
    expect(portableExp(-0)).toBe(1);
    expect(portableExp(Infinity)).toBe(Infinity);
    expect(portableExp(-Infinity)).toBe(0);
    expect(portableExp(NaN)).toBeNaN();
    expect(portableExp(710)).toBe(Infinity);
    expect(portableExp(-746)).toBe(0);
    expect(portableExp(-745)).toBe(5e-324);
    expect(portableExp(709.782712893384)).toBe(Math.exp(709.782712893384));
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(NaN)).toBeNaN();
    expect(portableLog(5e-324)).toBe(Math.log(5e-324));
  });

  it('sin and cos are odd and even, and refuse arguments beyond 2^19·π/2', () => {
    fc.assert(
      fc.property(fc.double({ min: -800000, max: 800000, noNaN: true }), (x) => {
        expect(portableSin(-x)).toBe(-portableSin(x));
        expect(portableCos(-x)).toBe(portableCos(x));
      }),
    );
    expect(portableSin(0)).toBe(0);
    expect(Object.is(portableSin(-0), -0)).toBe(true);
    expect(portableCos(0)).toBe(1);
    expect(portableSin(Infinity)).toBeNaN();
    expect(portableCos(NaN)).toBeNaN();
    expect(() => portableSin(1e6)).toThrow(/portableSin\(x\): \|x\| must be at most/);
    expect(() => portableCos(-1e6)).toThrow(RangeError);
  });

  it('exp(a)·exp(b) ≈ exp(a + b) and log inverts exp', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true }), (a, b) => {
        expect(Math.abs(portableExp(a) * portableExp(b) / portableExp(a + b) - 1)).toBeLessThan(1e-12 * (1 + Math.abs(a) + Math.abs(b)));
        expect(portableLog(portableExp(a))).toBeCloseTo(a, 12);
      }),
    );
  });

  it('its 2^(j/256) table holds hi + lo to double-double accuracy', () => {
    for (let j = 0; j < 256; j++) {
      const hi = EXP2_HI[j]!;
      expect(Math.abs(EXP2_LO[j]!)).toBeLessThanOrEqual(Number.EPSILON * hi);
      // hi must be 2^(j/256) to within the engine's own 1-ulp accuracy of 2 ** (j/256).
      expect(Math.abs(ulpDistance(hi, 2 ** (j / 256)))).toBeLessThanOrEqual(1);
    }
    expect(EXP2_HI[0]).toBe(1);
    expect(EXP2_LO[0]).toBe(0);
  });
});
