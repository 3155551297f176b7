import { portableLog } from './portable-math.js';

/**
 * A seeded source of random numbers; every random choice in Slope takes one.
 *
 * @example
 * ```ts
 * const rng: Rng = createRng(7);
 * const noise = 1 + rng.normal() * 0.1;
 * ```
 */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** A uniform draw from [0, 1) with 53 random bits. */
  uniform(): number;
  /**
   * A normal draw, N(mean, std²); the default is the standard normal N(0, 1). `mean` must be
   * finite and `std` finite and ≥ 0 (a RangeError names the bad one).
   */
  normal(mean?: number, std?: number): number;
  /** A uniform integer from 0 to n − 1 (n a positive integer up to 2³²), without modulo bias. */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;

// splitmix32 spreads a seed's bits over the generator's whole state, so nearby seeds
// (0, 1, 2, …) still start far apart.
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/**
 * Create a seeded random number generator.
 *
 * The core is sfc32 (Chris Doty-Humphrey's small fast counting generator) seeded through
 * splitmix32. It uses only 32-bit integer arithmetic, so `uniform()` and `int()` draws are
 * bit-identical on every platform and engine. `normal()` uses the Marsaglia polar method with
 * `portableLog` (and `Math.sqrt`, correctly rounded everywhere), so normal draws are
 * bit-identical on every engine too; it caches the spare draw, so normals come in pairs from
 * the uniform stream.
 *
 * @param seed - any safe integer (negative values and values above 2³² are allowed).
 * @throws RangeError when `seed` is not a safe integer.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.uniform(); // a number in [0, 1), the same on every run
 * rng.normal();  // a standard normal draw
 * rng.int(6);    // 0 … 5
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createRng(seed): seed must be a safe integer, got ${String(seed)}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) | 0;
  let mix = low ^ Math.imul(high, 0x27d4eb2d);
  let a: number, b: number, c: number, d: number;
  [mix, a] = splitmix32(mix);
  [mix, b] = splitmix32(mix);
  [mix, c] = splitmix32(mix);
  [, d] = splitmix32(mix ^ high);

  function next32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // The first outputs of sfc32 still show the seed's structure; the reference
  // implementation discards a dozen.
  for (let i = 0; i < 12; i++) next32();

  let spare: number | undefined;

  function uniform(): number {
    const hi = next32() >>> 5;
    const lo = next32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  function standardNormal(): number {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * portableLog(s)) / s);
    spare = v * factor;
    return u * factor;
  }

  return {
    seed,
    uniform,
    normal(mean = 0, std = 1) {
      // A negative or NaN std would hand back a plausible-looking number from a distribution
      // that does not exist; the check is two comparisons, cheap beside the draw.
      if (!(Number.isFinite(mean) && std >= 0 && std < Infinity)) {
        const what = Number.isFinite(mean) ? `std is ${String(std)}; expected a finite number ≥ 0` : `mean is ${String(mean)}; expected a finite number`;
        throw new RangeError(`rng.normal(mean, std): ${what}`);
      }
      return mean + std * standardNormal();
    },
    int(n: number) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new RangeError(`rng.int(n): n must be an integer from 1 to 2^32, got ${String(n)}`);
      }
      // Rejecting the top partial block keeps every residue equally likely.
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let r = next32();
      while (r >= limit) r = next32();
      return r % n;
    },
  };
}
