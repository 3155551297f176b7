import type { AnyNode } from './expr.js';
import { functionSpec, type Interval } from './functions.js';
import { isEvenInt } from './rational.js';

const ALL: Interval = [-Infinity, Infinity];

function mulIntervals(a: Interval, b: Interval): Interval {
  const products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  if (products.some(Number.isNaN)) return ALL;
  return [Math.min(...products), Math.max(...products)];
}

/**
 * Conservative range analysis used to license identities that only hold for positive or
 * non-negative arguments (exp(log(u)) → u, abs(u) → u, combining powers). Anything it
 * cannot bound is (−∞, ∞), so it only ever says "positive" when that is certain.
 */
export function range(n: AnyNode): Interval {
  switch (n.kind) {
    case 'num':
      return Number.isNaN(n.value) ? ALL : [n.value, n.value];
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
      if (e.kind === 'num' && e.exact && e.q === 1 && isEvenInt(e.p)) {
        const m = Math.max(Math.abs(b[0]), Math.abs(b[1]));
        const lo = b[0] <= 0 && b[1] >= 0 ? 0 : Math.min(Math.abs(b[0]), Math.abs(b[1]));
        if (e.value < 0 && m === 0) return ALL; // 0^(−2k) has no value
        return e.value > 0 ? [lo ** e.value, m ** e.value] : [m ** e.value, lo === 0 ? Infinity : lo ** e.value];
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
      const spec = functionSpec(n.name);
      const a = n.args[0];
      if (spec?.range === undefined || a === undefined || n.args.length !== 1) return ALL;
      const r = spec.range(range(a));
      return Number.isNaN(r[0]) || Number.isNaN(r[1]) ? ALL : r;
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
