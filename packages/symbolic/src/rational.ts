/** Exact rational arithmetic on safe integers; callers fall back to floats on overflow. */

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A reduced fraction p/q with q > 0, or undefined when it does not fit in safe integers. */
export type Fraction = readonly [p: number, q: number];

export function fraction(p: number, q: number): Fraction | undefined {
  if (q === 0 || !Number.isSafeInteger(p) || !Number.isSafeInteger(q)) return undefined;
  const g = gcd(p, q) || 1;
  const s = q < 0 ? -1 : 1;
  return [(s * p) / g, (s * q) / g];
}

export function addFractions(a: Fraction, b: Fraction): Fraction | undefined {
  const g = gcd(a[1], b[1]);
  const q = (a[1] / g) * b[1];
  return fraction(a[0] * (b[1] / g) + b[0] * (a[1] / g), q);
}

export function mulFractions(a: Fraction, b: Fraction): Fraction | undefined {
  const g1 = gcd(a[0], b[1]) || 1;
  const g2 = gcd(b[0], a[1]) || 1;
  return fraction((a[0] / g1) * (b[0] / g2), (a[1] / g2) * (b[1] / g1));
}

/** a^n for an integer n, exactly, or undefined when it overflows or divides by zero. */
export function powFraction(a: Fraction, n: number): Fraction | undefined {
  if (n === 0) return [1, 1];
  if (n < 0) {
    if (a[0] === 0) return undefined;
    return powFraction([a[1], a[0]], -n);
  }
  let p = 1;
  let q = 1;
  for (let i = 0; i < n; i++) {
    p *= a[0];
    q *= a[1];
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q)) return undefined;
  }
  return fraction(p, q);
}

/** The exact integer k-th root of a non-negative safe integer, if there is one. */
export function integerRoot(n: number, k: number): number | undefined {
  if (n < 0) return undefined;
  const r = Math.round(Math.pow(n, 1 / k));
  for (const c of [r - 1, r, r + 1]) {
    if (c >= 0 && Math.pow(c, k) === n) return c;
  }
  return undefined;
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
