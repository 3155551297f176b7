// exp(x) = 2^m · 2^(j/2048) · exp(r), with x = (2048m + j)·ln2/2048 + r and |r| ≤ ln2/4096,
// where the cubic 1 + r + r²(1/2 + r/6) is exact to r⁴/24 < 3.5e-17. Written out here because
// the logistic function runs 1,500 times per training iteration and Math.exp is a call that
// costs about twice as much; the result stays within a few ulps of Math.exp. The 2048-entry
// table (16 KB) buys the short polynomial, evaluated as two independent halves (r² and
// 1/2 + r/6) so consecutive calls overlap in the CPU instead of waiting on a long chain.
const STEPS = 2048;
const STEP_BITS = 11;
const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) => Math.pow(2, j / STEPS));
const MIN_EXPONENT = -1022;
const WHOLE_POWERS = Float64Array.from({ length: 2048 }, (_, i) => Math.pow(2, i + MIN_EXPONENT));
const STEPS_PER_UNIT = STEPS / Math.LN2;
// ln2/2048 split so that k·LN2_HI is exact for the |k| < 2^21 used here (fdlibm's split of ln2,
// whose high part has 32 significant bits, divided by a power of two).
const LN2_HI = 6.93147180369123816490e-1 / STEPS;
const LN2_LO = 1.90821492927058770002e-10 / STEPS;
// Beyond this the fast path's tables would need subnormal or infinite powers of two.
const FAST_RANGE = 700;
// Adding and subtracting 1.5·2^52 rounds a double to the nearest integer in two additions,
// cheaper than Math.round or Math.floor.
const ROUNDER = 6755399441055744;

/**
 * e^x to within a few ulps of `Math.exp`, about twice as fast on the training loop's inputs.
 *
 * @example
 * expTable(1); // 2.718281828459045
 */
export function expTable(x: number): number {
  if (!(x < FAST_RANGE && x > -FAST_RANGE)) return Math.exp(x);
  const k = x * STEPS_PER_UNIT + ROUNDER - ROUNDER;
  const r = x - k * LN2_HI - k * LN2_LO;
  const ki = k | 0;
  const p = 1 + r + r * r * (1 / 2 + r * (1 / 6));
  return FRACTION_POWERS[ki & (STEPS - 1)]! * WHOLE_POWERS[(ki >> STEP_BITS) - MIN_EXPONENT]! * p;
}

/**
 * The course's activation, the logistic function σ(z) = 1 / (1 + e^(−z)).
 *
 * @example
 * logistic(0); // 0.5
 */
export function logistic(z: number): number {
  return 1 / (1 + expTable(-z));
}

// Below this, u·v in `logisticInPlace` cannot overflow (u, v ≥ 1, so 1/(u·v) cannot underflow).
const PAIR_LIMIT = 1e300;

/**
 * σ applied in place to every entry of `z`: z[i] ← 1 / (1 + e^(−z[i])). Entries are taken two
 * at a time and share one division, 1/u = v/(u·v) and 1/v = u/(u·v) with u = 1 + e^(−z[i]),
 * v = 1 + e^(−z[i+1]): a division costs as much as the rest of σ, a multiplication a fraction
 * of it. The result is within 2 ulps of {@link logistic} (one extra rounding); pairs whose
 * product would overflow take two divisions instead.
 *
 * @example
 * const z = Float64Array.of(0, Math.log(3));
 * logisticInPlace(z); // z = [0.5, 0.75]
 */
export function logisticInPlace(z: Float64Array): void {
  const end = z.length;
  let i = 0;
  for (; i + 1 < end; i += 2) {
    const u = 1 + expTable(-z[i]!);
    const v = 1 + expTable(-z[i + 1]!);
    const uv = u * v;
    if (uv < PAIR_LIMIT) {
      const inverse = 1 / uv;
      z[i] = v * inverse;
      z[i + 1] = u * inverse;
    } else {
      z[i] = 1 / u;
      z[i + 1] = 1 / v;
    }
  }
  if (i < end) z[i] = logistic(z[i]!);
}
