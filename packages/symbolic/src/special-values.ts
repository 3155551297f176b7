import type { AnyNode } from './expr.js';
import { type Builder, HALF, int, MINUS_ONE, rational, sym, ZERO } from './nodes.js';

/**
 * Exact values of sin, cos and tan at multiples of π/6 and π/4, and of their inverses at
 * those values (asin(1/2) = π/6), for the registry's simplification rules: a definite
 * integral then ends as 2, not 1 − cos(π).
 */

/** u = (p/q)·π for a rational p/q with q dividing 12: that multiple of π/12 (an integer), else undefined. */
function twelfthsOfPi(u: AnyNode): number | undefined {
  let c: AnyNode | undefined;
  if (u.kind === 'sym' && u.name === 'pi') c = int(1);
  else if (u.kind === 'mul' && u.args.length === 2 && u.args[1]?.kind === 'sym' && u.args[1].name === 'pi') c = u.args[0];
  if (c?.kind !== 'num' || !c.exact || typeof c.p !== 'number' || typeof c.q !== 'number' || 12 % c.q !== 0) return undefined;
  const n = (c.p * 12) / c.q;
  return ((n % 24) + 24) % 24;
}

/** sin(nπ/12) for n a multiple of 2 or 3 (the angles of the unit circle a course uses). */
function sinTwelfths(n: number, b: Builder): AnyNode | undefined {
  const m = ((n % 24) + 24) % 24;
  const sign = m >= 12 ? -1 : 1;
  const r = m % 12;
  const root = (k: number): AnyNode => b.mul([HALF, b.pow(int(k), HALF)]);
  const table: Readonly<Record<number, () => AnyNode>> = {
    0: () => ZERO, 2: () => HALF, 3: () => root(2), 4: () => root(3), 6: () => int(1), 8: () => root(3), 9: () => root(2), 10: () => HALF,
  };
  const v = table[r];
  return v === undefined ? undefined : sign > 0 ? v() : b.mul([MINUS_ONE, v()]);
}

export function exactSin(u: AnyNode, b: Builder): AnyNode | undefined {
  const n = twelfthsOfPi(u);
  return n === undefined ? undefined : sinTwelfths(n, b);
}

export function exactCos(u: AnyNode, b: Builder): AnyNode | undefined {
  const n = twelfthsOfPi(u);
  return n === undefined ? undefined : sinTwelfths(n + 6, b);
}

export function exactTan(u: AnyNode, b: Builder): AnyNode | undefined {
  const n = twelfthsOfPi(u);
  if (n === undefined) return undefined;
  const s = sinTwelfths(n, b);
  const c = sinTwelfths(n + 6, b);
  // tan(π/2) has no value: leave it as it is.
  if (s === undefined || c === undefined || (c.kind === 'num' && c.value === 0)) return undefined;
  return b.mul([s, b.pow(c, MINUS_ONE)]);
}

/** A constant built from exact rationals, +, ·, and powers: an algebraic number whose value can be trusted to the last bits. */
function isSimpleConstant(u: AnyNode): boolean {
  switch (u.kind) {
    case 'num':
      return u.exact;
    case 'sym':
      return false;
    case 'add':
    case 'mul':
      return u.args.every(isSimpleConstant);
    case 'pow':
      return isSimpleConstant(u.base) && u.exp.kind === 'num' && u.exp.exact;
    case 'fn':
      return false;
  }
}

function value(u: AnyNode): number {
  switch (u.kind) {
    case 'num':
      return u.value;
    case 'add':
      return u.args.reduce((s, a) => s + value(a), 0);
    case 'mul':
      return u.args.reduce((s, a) => s * value(a), 1);
    case 'pow':
      return Math.pow(value(u.base), value(u.exp));
    default:
      return NaN;
  }
}

/**
 * f⁻¹(u) = (n/12)·π when u is a simple constant equal to f(nπ/12) from the table above
 * (to 8 ulps: two such algebraic numbers of small height that agree that closely are equal),
 * with n in f⁻¹'s principal range.
 */
function inverseAt(u: AnyNode, inverse: (v: number) => number, forward: (n: number) => number, b: Builder): AnyNode | undefined {
  if (!isSimpleConstant(u)) return undefined;
  const v = value(u);
  // 1/0 has no value: it must stay as it is, not become atan(−∞) = −π/2.
  if (!Number.isFinite(v)) return undefined;
  const angle = inverse(v);
  if (!Number.isFinite(angle)) return undefined;
  const n = Math.round((angle * 12) / Math.PI);
  if (Math.abs(angle - (n * Math.PI) / 12) > 1e-12 || (n % 2 !== 0 && n % 3 !== 0)) return undefined;
  const f = forward(n);
  if (!(Math.abs(f - v) <= 8 * Number.EPSILON * Math.max(1, Math.abs(v)))) return undefined;
  return n === 0 ? ZERO : b.mul([rational(n, 12), sym('pi')]);
}

export const exactAsin = (u: AnyNode, b: Builder): AnyNode | undefined => inverseAt(u, Math.asin, (n) => Math.sin((n * Math.PI) / 12), b);
export const exactAcos = (u: AnyNode, b: Builder): AnyNode | undefined => inverseAt(u, Math.acos, (n) => Math.cos((n * Math.PI) / 12), b);
export const exactAtan = (u: AnyNode, b: Builder): AnyNode | undefined => inverseAt(u, Math.atan, (n) => Math.tan((n * Math.PI) / 12), b);
