import type { AnyNode } from './expr.js';

/** A closed interval [lo, hi] known to contain every real value of an expression. */
type Interval = readonly [number, number];

const ALL: Interval = [-Infinity, Infinity];

function mulIntervals(a: Interval, b: Interval): Interval {
  const products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  if (products.some(Number.isNaN)) return ALL;
  return [Math.min(...products), Math.max(...products)];
}

function monotone(f: (v: number) => number, i: Interval): Interval {
  return [f(i[0]), f(i[1])];
}

/**
 * Conservative range analysis used to license identities that only hold for positive or
 * non-negative arguments (exp(log(u)) → u, abs(u) → u, combining powers). Anything it
 * cannot bound is (−∞, ∞), so it only ever says "positive" when that is certain.
 */
export function range(n: AnyNode): Interval {
  switch (n.kind) {
    case 'num':
      return [n.value, n.value];
    case 'sym':
      if (n.name === 'pi') return [3.14159, 3.1416];
      if (n.name === 'e') return [2.71828, 2.71829];
      return ALL;
    case 'add': {
      let lo = 0, hi = 0;
      for (const t of n.args) {
        const r = range(t);
        lo += r[0];
        hi += r[1];
      }
      return Number.isNaN(lo) || Number.isNaN(hi) ? ALL : [lo, hi];
    }
    case 'mul': {
      let acc: Interval = [1, 1];
      for (const f of n.args) acc = mulIntervals(acc, range(f));
      return acc;
    }
    case 'pow': {
      const b = range(n.base);
      const e = n.exp;
      if (e.kind === 'num' && e.exact && e.q === 1 && e.p % 2 === 0) {
        const m = Math.max(Math.abs(b[0]), Math.abs(b[1]));
        const lo = b[0] <= 0 && b[1] >= 0 ? 0 : Math.min(Math.abs(b[0]), Math.abs(b[1]));
        return e.p > 0 ? [lo ** e.p, m ** e.p] : [m ** e.p, lo === 0 ? Infinity : lo ** e.p];
      }
      if (b[0] > 0 && e.kind === 'num') {
        const a = b[0] ** e.value, c = b[1] ** e.value;
        return [Math.min(a, c), Math.max(a, c)];
      }
      if (b[0] > 0) return [0, Infinity];
      if (b[0] >= 0 && e.kind === 'num' && e.value > 0) return [0, Infinity];
      return ALL;
    }
    case 'fn': {
      const a = n.args[0];
      if (a === undefined) return ALL;
      switch (n.name) {
        case 'sin':
        case 'cos':
        case 'tanh':
          return [-1, 1];
        case 'exp':
          return monotone(Math.exp, range(a));
        case 'cosh':
          return [1, Infinity];
        case 'sqrt':
        case 'abs':
          return [0, Infinity];
        case 'atan':
          return [-Math.PI / 2, Math.PI / 2];
        case 'acos':
          return [0, Math.PI];
        default:
          return ALL;
      }
    }
  }
}

/** True only when every real value of n is > 0. */
export function isPositive(n: AnyNode): boolean {
  return range(n)[0] > 0;
}

/** True only when every real value of n is ≥ 0. */
export function isNonNegative(n: AnyNode): boolean {
  return range(n)[0] >= 0;
}
