import type { AnyNode } from './expr.js';
import { type Builder, int, rational, sym, ZERO } from './nodes.js';
import { addFractions, type Fraction, fraction, fractionOf, intToNumber, mulFractions, negInt } from './rational.js';

/**
 * Univariate polynomials with exact rational coefficients, for partial fractions: the
 * coefficient of x^k at index k, no trailing zeros (the zero polynomial is []). Every
 * operation is exact; a coefficient too large to keep exact is an {@link InexactError}, so a
 * caller can refuse rather than round.
 */
export type Poly = readonly Fraction[];

/** Thrown when a coefficient would exceed the exact range of rational.ts. */
export class InexactError extends Error {
  constructor() {
    super('a coefficient grew beyond the exact rational range');
  }
}

const exact = (f: Fraction | undefined): Fraction => {
  if (f === undefined) throw new InexactError();
  return f;
};

export const Q0: Fraction = [0, 1];
export const Q1: Fraction = [1, 1];
export const qIsZero = (a: Fraction): boolean => a[0] === 0 || a[0] === 0n;
export const qAdd = (a: Fraction, b: Fraction): Fraction => exact(addFractions(a, b));
export const qMul = (a: Fraction, b: Fraction): Fraction => exact(mulFractions(a, b));
export const qNeg = (a: Fraction): Fraction => [negInt(a[0]), a[1]];
export const qSub = (a: Fraction, b: Fraction): Fraction => qAdd(a, qNeg(b));
export function qInv(a: Fraction): Fraction {
  if (qIsZero(a)) throw new RangeError('division by an exact zero');
  return exact(fraction(a[1], a[0]));
}
export const qDiv = (a: Fraction, b: Fraction): Fraction => qMul(a, qInv(b));
export const qSign = (a: Fraction): number => (a[0] > 0 ? 1 : a[0] < 0 ? -1 : 0);
export const qValue = (a: Fraction): number => intToNumber(a[0]) / intToNumber(a[1]);
export const qEqual = (a: Fraction, b: Fraction): boolean => a[0] === b[0] && a[1] === b[1];

function trim(c: Fraction[]): Poly {
  let n = c.length;
  while (n > 0 && qIsZero(c[n - 1] as Fraction)) n--;
  return c.slice(0, n);
}

export const degree = (p: Poly): number => p.length - 1;
export const lead = (p: Poly): Fraction => p[p.length - 1] ?? Q0;
export const coef = (p: Poly, k: number): Fraction => p[k] ?? Q0;
export const constantPoly = (c: Fraction): Poly => trim([c]);
/** x − r */
export const linear = (r: Fraction): Poly => [qNeg(r), Q1];

export function addPoly(a: Poly, b: Poly): Poly {
  const out: Fraction[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(qAdd(coef(a, k), coef(b, k)));
  return trim(out);
}

export function scalePoly(a: Poly, c: Fraction): Poly {
  return qIsZero(c) ? [] : trim(a.map((x) => qMul(x, c)));
}

export const subPoly = (a: Poly, b: Poly): Poly => addPoly(a, scalePoly(b, [-1, 1]));

export function mulPoly(a: Poly, b: Poly): Poly {
  if (a.length === 0 || b.length === 0) return [];
  const out: Fraction[] = new Array<Fraction>(a.length + b.length - 1).fill(Q0);
  a.forEach((x, i) => {
    if (qIsZero(x)) return;
    b.forEach((y, j) => {
      out[i + j] = qAdd(out[i + j] as Fraction, qMul(x, y));
    });
  });
  return trim(out);
}

export function powPoly(a: Poly, n: number): Poly {
  let out: Poly = [Q1];
  for (let i = 0; i < n; i++) out = mulPoly(out, a);
  return out;
}

/** a = q·b + r with deg r < deg b. */
export function divPoly(a: Poly, b: Poly): { q: Poly; r: Poly } {
  if (b.length === 0) throw new RangeError('division by the zero polynomial');
  let r: Fraction[] = [...a];
  const q: Fraction[] = new Array<Fraction>(Math.max(0, a.length - b.length + 1)).fill(Q0);
  const lb = lead(b);
  while (trim(r).length >= b.length) {
    r = [...trim(r)];
    const shift = r.length - b.length;
    const c = qDiv(lead(r), lb);
    q[shift] = c;
    b.forEach((y, j) => {
      r[shift + j] = qSub(r[shift + j] as Fraction, qMul(c, y));
    });
  }
  return { q: trim(q), r: trim(r) };
}

export function monic(a: Poly): Poly {
  return a.length === 0 ? a : scalePoly(a, qInv(lead(a)));
}

/** The monic greatest common divisor (1 for coprime polynomials). */
export function gcdPoly(a: Poly, b: Poly): Poly {
  let x = a;
  let y = b;
  while (y.length > 0) {
    const { r } = divPoly(x, y);
    x = y;
    y = r;
  }
  return monic(x);
}

export function derivativePoly(a: Poly): Poly {
  return trim(a.slice(1).map((c, k) => qMul(c, [k + 1, 1])));
}

export function evalPoly(a: Poly, x: Fraction): Fraction {
  let acc: Fraction = Q0;
  for (let k = a.length - 1; k >= 0; k--) acc = qAdd(qMul(acc, x), a[k] as Fraction);
  return acc;
}

/** A rational function num/den in lowest terms with a monic denominator. */
export interface RationalFunction {
  readonly num: Poly;
  readonly den: Poly;
}

/** Largest degree and exponent the conversion below accepts (beyond: not worth expanding). */
const MAX_DEGREE = 40;

/** An exact coefficient from a number node (a float only when it is a simple fraction bit for bit). */
function numberFraction(n: AnyNode & { kind: 'num' }): Fraction | undefined {
  if (n.exact) return [n.p, n.q];
  return fractionOf(n.value, 10_000);
}

/**
 * The expression as a rational function of `x` with exact rational coefficients, or
 * undefined when it is not one (another symbol, a function of x, a fractional power, a
 * float that is not a simple fraction, a degree above 40).
 */
export function toRationalFunction(n: AnyNode, x: string): RationalFunction | undefined {
  try {
    const r = convert(n, x);
    return r === undefined ? undefined : reduce(r.num, r.den);
  } catch (e) {
    if (e instanceof InexactError) return undefined;
    throw e;
  }
}

function reduce(num: Poly, den: Poly): RationalFunction {
  const g = gcdPoly(num, den);
  const n = g.length > 1 ? divPoly(num, g).q : num;
  const d = g.length > 1 ? divPoly(den, g).q : den;
  const l = lead(d);
  return { num: scalePoly(n, qInv(l)), den: monic(d) };
}

function convert(n: AnyNode, x: string): { num: Poly; den: Poly } | undefined {
  switch (n.kind) {
    case 'num': {
      const f = numberFraction(n);
      return f === undefined ? undefined : { num: constantPoly(f), den: [Q1] };
    }
    case 'sym':
      return n.name === x ? { num: [Q0, Q1], den: [Q1] } : undefined;
    case 'add': {
      let acc: { num: Poly; den: Poly } = { num: [], den: [Q1] };
      for (const t of n.args) {
        const r = convert(t, x);
        if (r === undefined) return undefined;
        const g = gcdPoly(acc.den, r.den);
        const a = divPoly(acc.den, g).q;
        const b = divPoly(r.den, g).q;
        acc = { num: addPoly(mulPoly(acc.num, b), mulPoly(r.num, a)), den: mulPoly(acc.den, b) };
        if (degree(acc.den) > MAX_DEGREE || degree(acc.num) > MAX_DEGREE) return undefined;
      }
      return acc;
    }
    case 'mul': {
      let acc: { num: Poly; den: Poly } = { num: [Q1], den: [Q1] };
      for (const f of n.args) {
        const r = convert(f, x);
        if (r === undefined) return undefined;
        acc = { num: mulPoly(acc.num, r.num), den: mulPoly(acc.den, r.den) };
        if (degree(acc.den) > MAX_DEGREE || degree(acc.num) > MAX_DEGREE) return undefined;
      }
      return acc;
    }
    case 'pow': {
      const e = n.exp;
      if (e.kind !== 'num' || !e.exact || e.q !== 1 || typeof e.p !== 'number' || Math.abs(e.p) > MAX_DEGREE) return undefined;
      const base = convert(n.base, x);
      if (base === undefined) return undefined;
      const k = Math.abs(e.p);
      if ((Math.max(degree(base.num), degree(base.den)) * k) > MAX_DEGREE) return undefined;
      const num = powPoly(base.num, k);
      const den = powPoly(base.den, k);
      if (e.p >= 0) return { num, den };
      if (num.length === 0) return undefined;
      return { num: den, den: num };
    }
    case 'fn':
      return undefined;
  }
}

export function fractionNode(f: Fraction): AnyNode {
  return rational(f[0], f[1]);
}

/** The polynomial as an expression in `x` (Horner-free: a sum of c·x^k). */
export function polyNode(p: Poly, x: string, b: Builder): AnyNode {
  const terms: AnyNode[] = [];
  const v = sym(x);
  p.forEach((c, k) => {
    if (qIsZero(c)) return;
    terms.push(k === 0 ? fractionNode(c) : b.mul([fractionNode(c), k === 1 ? v : b.pow(v, int(k))]));
  });
  return terms.length === 0 ? ZERO : b.add(terms);
}

// ---- factoring over the rationals

/** Yun's square-free decomposition: p = lead · Π f_i^i with each f_i square-free, coprime and monic. */
export function squareFree(p: Poly): { factor: Poly; multiplicity: number }[] {
  const out: { factor: Poly; multiplicity: number }[] = [];
  const a = monic(p);
  if (degree(a) < 1) return out;
  const d = derivativePoly(a);
  const g = gcdPoly(a, d);
  let b = divPoly(a, g).q;
  let c = divPoly(d, g).q;
  let dd = subPoly(c, derivativePoly(b));
  for (let i = 1; degree(b) >= 1; i++) {
    const f = gcdPoly(b, dd);
    if (degree(f) >= 1) out.push({ factor: f, multiplicity: i });
    b = divPoly(b, f).q;
    c = divPoly(dd, f).q;
    dd = subPoly(c, derivativePoly(b));
  }
  return out;
}

/** Divisors of a positive safe integer up to a bound (undefined when too large to factor by trial). */
function divisors(n: number): number[] | undefined {
  if (!Number.isSafeInteger(n) || n > 1e12) return undefined;
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      small.push(d);
      if (d * d !== n) large.push(n / d);
    }
    if (d > 1e6) return undefined;
  }
  return [...small, ...large.reverse()];
}

/** The polynomial scaled to integer coefficients (as numbers), when they are safe integers. */
function integerCoefficients(p: Poly): number[] | undefined {
  let l: Fraction = Q1;
  for (const c of p) {
    // lcm of denominators
    const q = c[1];
    if (typeof q !== 'number' || typeof l[0] !== 'number') return undefined;
    const g = gcdNumber(l[0], q);
    l = [(l[0] / g) * q, 1];
    if (!Number.isSafeInteger(l[0])) return undefined;
  }
  const scaled = p.map((c) => qMul(c, l));
  if (scaled.some((c) => typeof c[0] !== 'number' || c[1] !== 1)) return undefined;
  return scaled.map((c) => c[0] as number);
}

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** The rational roots of p (each once), by the rational root theorem. */
export function rationalRoots(p: Poly): Fraction[] | undefined {
  const roots: Fraction[] = [];
  let rest = p;
  if (degree(rest) < 1) return roots;
  // x = 0 first: the theorem's constant term must be non-zero.
  while (rest.length > 0 && qIsZero(rest[0] as Fraction)) {
    if (!roots.some((r) => qIsZero(r))) roots.push(Q0);
    rest = rest.slice(1);
  }
  if (degree(rest) < 1) return roots;
  const ints = integerCoefficients(rest);
  if (ints === undefined) return undefined;
  const ps = divisors(Math.abs(ints[0] as number));
  const qs = divisors(Math.abs(ints[ints.length - 1] as number));
  if (ps === undefined || qs === undefined) return undefined;
  if (ps.length * qs.length > 20_000) return undefined;
  for (const a of ps) {
    for (const b of qs) {
      if (gcdNumber(a, b) !== 1) continue;
      for (const s of [1, -1]) {
        const r = exact(fraction(s * a, b));
        if (roots.some((x) => qEqual(x, r))) continue;
        if (qIsZero(evalPoly(rest, r))) roots.push(r);
      }
    }
  }
  return roots;
}

/** One irreducible factor over ℚ that partial fractions can use: x − r or a monic quadratic. */
export type Factor = { kind: 'linear'; root: Fraction; poly: Poly } | { kind: 'quadratic'; poly: Poly };

/**
 * The factorisation of a monic polynomial into linear factors x − r (r rational) and
 * quadratics without rational roots, with multiplicities; undefined when some factor of
 * degree 3 or more is left (this package does not factor those).
 */
export function factorOverQ(p: Poly): { factor: Factor; multiplicity: number }[] | undefined {
  const out: { factor: Factor; multiplicity: number }[] = [];
  for (const { factor, multiplicity } of squareFree(p)) {
    let rest = factor;
    const roots = rationalRoots(rest);
    if (roots === undefined) return undefined;
    for (const r of roots) {
      rest = divPoly(rest, linear(r)).q;
      out.push({ factor: { kind: 'linear', root: r, poly: linear(r) }, multiplicity });
    }
    if (degree(rest) === 0) continue;
    if (degree(rest) === 2) {
      out.push({ factor: { kind: 'quadratic', poly: monic(rest) }, multiplicity });
      continue;
    }
    const quadratics = quarticAsQuadratics(monic(rest));
    if (quadratics === undefined) return undefined;
    for (const q of quadratics) out.push({ factor: { kind: 'quadratic', poly: q }, multiplicity });
  }
  return out;
}

/**
 * A monic quartic without rational roots as a product of two rational quadratics
 * (x⁴ + 4 = (x² − 2x + 2)(x² + 2x + 2)), when it is one: the constant terms b·d = e are
 * tried over the divisors of e's integer form.
 */
function quarticAsQuadratics(p: Poly): Poly[] | undefined {
  if (degree(p) !== 4) return undefined;
  const ints = integerCoefficients(p);
  if (ints === undefined || ints[4] !== 1) return undefined;
  const [e, d, c, b] = ints as [number, number, number, number, number];
  // (x² + s x + u)(x² + t x + v): s + t = b, u + v + s t = c, s v + t u = d, u v = e.
  const ds = divisors(Math.abs(e));
  if (ds === undefined || e === 0) return undefined;
  for (const u0 of ds) {
    for (const sign of [1, -1]) {
      const u = sign * u0;
      const v = e / u;
      // s·v + (b − s)·u = d  →  s (v − u) = d − b u
      const candidates: number[] = [];
      if (v !== u) {
        const s = (d - b * u) / (v - u);
        if (Number.isInteger(s)) candidates.push(s);
      } else {
        // u = v: then s + t = b and u + v + s t = c, so s and t solve z² − b z + (c − 2u) = 0.
        const disc = b * b - 4 * (c - 2 * u);
        const r = Math.round(Math.sqrt(Math.max(0, disc)));
        if (disc >= 0 && r * r === disc && (b + r) % 2 === 0) candidates.push((b + r) / 2);
      }
      for (const s of candidates) {
        const t = b - s;
        if (u + v + s * t === c && s * v + t * u === d) {
          return [[[u, 1], [s, 1], Q1], [[v, 1], [t, 1], Q1]];
        }
      }
    }
  }
  return undefined;
}

/** Solve the square system A·z = y exactly (Gaussian elimination); undefined when singular. */
export function solveLinear(A: Fraction[][], y: Fraction[]): Fraction[] | undefined {
  const n = y.length;
  const m = A.map((row, i) => [...row, y[i] as Fraction]);
  for (let col = 0; col < n; col++) {
    const pivot = m.findIndex((row, i) => i >= col && !qIsZero(row[col] as Fraction));
    if (pivot < 0) return undefined;
    [m[col], m[pivot]] = [m[pivot] as Fraction[], m[col] as Fraction[]];
    const pr = m[col] as Fraction[];
    const inv = qInv(pr[col] as Fraction);
    for (let j = col; j <= n; j++) pr[j] = qMul(pr[j] as Fraction, inv);
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const row = m[i] as Fraction[];
      const f = row[col] as Fraction;
      if (qIsZero(f)) continue;
      for (let j = col; j <= n; j++) row[j] = qSub(row[j] as Fraction, qMul(f, pr[j] as Fraction));
    }
  }
  return m.map((row) => row[n] as Fraction);
}
