import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { expm1Small, portableTanh } from './portable-tanh.js';
import { EXPM1_REFERENCE, TANH_REFERENCE } from './test-portable-tanh-data.js';

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

describe('portableTanh', () => {
  it('is within 2 ulps of the correctly rounded value (mpmath references), and mostly exact', () => {
    let exact = 0;
    for (const [x, expected] of TANH_REFERENCE) {
      const d = Math.abs(ulpDistance(portableTanh(x), expected));
      expect(d, `x = ${x}`).toBeLessThanOrEqual(2);
      if (d === 0) exact++;
    }
    // A method that is within 2 ulps by luck would not be correctly rounded this often.
    expect(exact / TANH_REFERENCE.length).toBeGreaterThan(0.75);
  });

  it('is within 2 ulps of Math.tanh over 10⁶ seeded points', () => {
    const rng = createRng(2026);
    let worst = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const u = rng.uniform();
      // Half the points on (−25, 25), half log-spread over 1e-20 … 1 with either sign.
      const x = i % 2 === 0 ? (u - 0.5) * 50 : (rng.uniform() < 0.5 ? -1 : 1) * 10 ** (-20 + 20 * u);
      const d = Math.abs(ulpDistance(portableTanh(x), Math.tanh(x)));
      if (d > worst) worst = d;
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is odd, bounded by 1 in size, increasing, and keeps its special values', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(portableTanh(-a)).toBe(-portableTanh(a));
        expect(Math.abs(portableTanh(a))).toBeLessThanOrEqual(1);
        if (a < b) expect(portableTanh(a)).toBeLessThanOrEqual(portableTanh(b));
      }),
    );
    expect(portableTanh(0)).toBe(0);
    expect(Object.is(portableTanh(-0), -0)).toBe(true);
    expect(portableTanh(1e-300)).toBe(1e-300);
    expect(portableTanh(22)).toBe(1);
    expect(portableTanh(Infinity)).toBe(1);
    expect(portableTanh(-Infinity)).toBe(-1);
    expect(portableTanh(NaN)).toBeNaN();
  });
});

describe('expm1Small (the e^x − 1 under portableTanh)', () => {
  it('is within 1 ulp of the correctly rounded value on |x| ≤ 44 (mpmath references)', () => {
    for (const [x, expected] of EXPM1_REFERENCE) {
      expect(Math.abs(ulpDistance(expm1Small(x), expected)), `x = ${x}`).toBeLessThanOrEqual(1);
    }
  });

  it('is within 1 ulp of Math.expm1 over 10⁵ seeded points of [−44, 44]', () => {
    const rng = createRng(7);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = (rng.uniform() - 0.5) * 88;
      worst = Math.max(worst, Math.abs(ulpDistance(expm1Small(x), Math.expm1(x))));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
});
