/**
 * Exact rational arithmetic. Integers are JS numbers while they are safe integers and
 * bigints beyond, so the common case stays fast and large ones (19! in a Taylor
 * coefficient, a 20-digit literal) stay exact. Results past {@link MAX_BITS} bits are
 * refused (undefined) so that callers fall back to floats instead of growing without bound.
 */

/** An exact integer: a number while it is a safe integer, a bigint beyond (never both for one value). */
export type Int = number | bigint;

/** A reduced fraction p/q with q > 0. */
export type Fraction = readonly [p: Int, q: Int];

/** Numerators and denominators stay below 2^MAX_BITS, so every exact number is also a finite double. */
export const MAX_BITS = 1020;
const LIMIT = 1n << BigInt(MAX_BITS);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The canonical form of an integer: a number when it is safe. */
export function normalize(b: bigint): Int {
  return b >= -MAX_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

const big = (a: Int): bigint => (typeof a === 'bigint' ? a : BigInt(a));
const fits = (b: bigint): boolean => b < LIMIT && b > -LIMIT;

export function addInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalize(big(a) + big(b));
}

export function mulInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // A true product beyond 2^53 never rounds to a safe integer, so this test is exact.
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normalize(big(a) * big(b));
}

export function negInt(a: Int): Int {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : normalize(-a);
}

export function absInt(a: Int): Int {
  return a < 0 ? negInt(a) : a;
}

/** Exact quotient of integers known to divide. */
function divExact(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return normalize(big(a) / big(b));
}

export function isEvenInt(a: Int): boolean {
  return typeof a === 'number' ? a % 2 === 0 : a % 2n === 0n;
}

/** The nearest double to an integer. */
export function intToNumber(a: Int): number {
  return typeof a === 'number' ? a : Number(a);
}

export function gcd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return normalize(x);
}

function withinLimit(a: Int): boolean {
  return typeof a === 'number' || fits(a);
}

/** p/q reduced with q > 0, or undefined when q = 0 or either part exceeds {@link MAX_BITS} bits. */
export function fraction(p: Int, q: Int): Fraction | undefined {
  if (q === 0 || q === 0n) return undefined;
  let g = gcd(p, q);
  if (g === 0) g = 1;
  if (q < 0) g = negInt(g);
  const rp = divExact(p, g);
  const rq = divExact(q, g);
  return withinLimit(rp) && withinLimit(rq) ? [rp, rq] : undefined;
}

export function addFractions(a: Fraction, b: Fraction): Fraction | undefined {
  if (a[1] === 1 && b[1] === 1) return fraction(addInt(a[0], b[0]), 1);
  const g = gcd(a[1], b[1]);
  const q = mulInt(divExact(a[1], g), b[1]);
  return fraction(addInt(mulInt(a[0], divExact(b[1], g)), mulInt(b[0], divExact(a[1], g))), q);
}

export function mulFractions(a: Fraction, b: Fraction): Fraction | undefined {
  let g1 = gcd(a[0], b[1]);
  let g2 = gcd(b[0], a[1]);
  if (g1 === 0) g1 = 1;
  if (g2 === 0) g2 = 1;
  return fraction(mulInt(divExact(a[0], g1), divExact(b[0], g2)), mulInt(divExact(a[1], g2), divExact(b[1], g1)));
}

function bitLength(a: Int): number {
  const x = absInt(a);
  return typeof x === 'number' ? (x === 0 ? 0 : Math.floor(Math.log2(x)) + 1) : x.toString(2).length;
}

/** a^n for an integer n, exactly, or undefined when it is too large or divides by zero. */
export function powFraction(a: Fraction, n: Int): Fraction | undefined {
  if (typeof n === 'bigint') return undefined;
  if (n === 0) return [1, 1];
  if (n < 0) {
    if (a[0] === 0) return undefined;
    return powFraction(a[0] < 0 ? [negInt(a[1]), negInt(a[0])] : [a[1], a[0]], -n);
  }
  if (Math.max(bitLength(a[0]), bitLength(a[1])) * n > MAX_BITS + 64) return undefined;
  let p: Int = 1;
  let q: Int = 1;
  for (let i = 0; i < n; i++) {
    p = mulInt(p, a[0]);
    q = mulInt(q, a[1]);
  }
  return fraction(p, q);
}

/** The exact integer k-th root of a non-negative safe integer, if there is one. */
export function integerRoot(n: Int, k: Int): number | undefined {
  if (typeof n === 'bigint' || typeof k === 'bigint' || n < 0 || k > 64) return undefined;
  const r = Math.round(Math.pow(n, 1 / k));
  for (const c of [r - 1, r, r + 1]) {
    if (c >= 0 && Math.pow(c, k) === n) return c;
  }
  return undefined;
}

/** The nearest double to p/q (one rounding for large parts, not two). */
export function fractionToNumber(p: Int, q: Int): number {
  if (typeof p === 'number' && typeof q === 'number') return p / q;
  const bp = big(p);
  const bq = big(q);
  const shift = bitLength(q) - bitLength(p) + 64;
  const scaled = shift >= 0 ? (bp << BigInt(shift)) / bq : bp / (bq << BigInt(-shift));
  return Number(scaled) * Math.pow(2, -shift);
}

/**
 * The simplest fraction equal to x as a double (so 0.5 → 1/2; otherwise undefined unless a
 * small denominator reproduces it bit for bit, as 1/10 does for 0.1).
 */
export function fractionOf(x: number, maxDenominator = 1_000_000): Fraction | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? [x, 1] : undefined;
  let h0 = 0, h1 = 1, k0 = 1, k1 = 0;
  let v = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(v);
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (k2 > maxDenominator) return undefined;
    if (h2 / k2 === x) return fraction(h2, k2);
    h0 = h1; h1 = h2; k0 = k1; k1 = k2;
    v = 1 / (v - a);
    if (!Number.isFinite(v)) return undefined;
  }
  return undefined;
}
