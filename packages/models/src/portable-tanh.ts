/**
 * tanh with the same bits on every JavaScript engine (see portable-math.ts for why): fdlibm's
 * tanh over fdlibm's expm1 (Sun Microsystems, 1993), which use only IEEE-754 `+ − × ÷`, exact
 * truncation to an integer and exact scaling by powers of two. `Math.tanh` is only
 * "implementation-approximated" and differs between engines like `Math.exp`.
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
// Scaled coefficients of the rational approximation of expm1 on [−ln2/2, ln2/2] (fdlibm).
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** 2^k for the integers |k| ≤ 64 that expm1 below needs: exact, by repeated doubling. */
const POW2 = Float64Array.from({ length: 129 }, (_, i) => {
  let p = 1;
  for (let k = 0; k < Math.abs(i - 64); k++) p *= 2;
  return i >= 64 ? p : 1 / p;
});
const pow2 = (k: number): number => POW2[k + 64]!;

/**
 * e^x − 1 for |x| ≤ 44 (all tanh needs), fdlibm's algorithm: x = k·ln2 + r with the reduced
 * argument carried in two parts, a rational approximation on the primary range, and a
 * reconstruction chosen by k so that no step cancels. Within 1 ulp.
 */
export function expm1Small(x: number): number {
  const ax = Math.abs(x);
  let k = 0;
  let c = 0;
  if (ax >= 0.3465735912322998) {
    // |x| > ln2/2 (fdlibm's high-word test, 0x3fd62e42): reduce.
    let hi: number;
    let lo: number;
    if (ax < 1.0397205352783203) {
      // |x| < 1.5·ln2 (high word 0x3ff0a2b2): k = ±1.
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact: LN2_HI has 32 significant bits and |k| < 2^6
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < 5.551115123125783e-17) {
    return x; // |x| < 2^-54
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return (1 - (e - x)) * pow2(k) - 1;
  if (k < 20) return (1 - pow2(-k) - (e - x)) * pow2(k);
  return (x - (e + pow2(-k)) + 1) * pow2(k);
}

/**
 * The hyperbolic tangent, the same bits on every engine, for every double. Stated accuracy:
 * within 2 ulps of the true value (fdlibm's tanh, as V8's `Math.tanh`). Measured against
 * correctly rounded mpmath values on 20,000 seeded points of (−3, 3): 81.6% exact, 17.9% one
 * ulp off, 0.4% two ulps off; the tests check the 2-ulp bound against mpmath references and
 * against `Math.tanh` over 10⁶ points.
 *
 * @example
 * ```ts
 * portableTanh(0.5); // 0.46211715726000974
 * ```
 */
export function portableTanh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  let z: number;
  if (ax < 22) {
    if (ax < 2.7755575615628914e-17) return x; // |x| < 2^-55: tanh x rounds to x
    if (ax >= 1) {
      const t = expm1Small(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1Small(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1; // tanh(22) rounds to 1; so does every larger argument, ±Infinity included
  }
  return x >= 0 ? z : -z;
}
