import { checkVariable, guardStack } from './derivative.js';
import { SeriesError } from './errors.js';
import { type AnyNode, equal, type Expr } from './expr.js';
import { float, int, rational, ZERO } from './nodes.js';
import { rejectUnknownOptions } from './options.js';
import { excerpt, toNode } from './parse.js';
import { gcd } from './rational.js';
import { exactPoint, Expander, expandTo, type Series, SeriesAlgebra, seriesError } from './series.js';
import { SeriesFailure, symbolicConstant, symbolicRing } from './series-rings.js';
import { canonical, simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/**
 * Options of {@link limit}.
 *
 * @example
 * ```ts
 * const opts: LimitOptions = { direction: '+' };
 * console.log(limit('1/x', 'x', 0, opts).toString()); // 'Infinity'
 * ```
 */
export interface LimitOptions {
  /** From above ('+'), from below ('-'), or both sides, which must agree ('both', the default). */
  direction?: '+' | '-' | 'both';
}

/** How many extra terms a cancellation may use up before the limit is called undecidable. */
export const MAX_EXTRA = 64;
/** Largest root order substituted away (x = a + t^L turns x^(1/L) into t). */
const MAX_ROOT = 12;

/** The denominators of the fractional powers in n: x^(1/2), sqrt, cbrt, nthRoot(·, 3). */
export function rootOrders(n: AnyNode): number {
  let l = 1;
  const lcm = (q: number): void => {
    if (Number.isInteger(q) && q > 1 && q <= MAX_ROOT) l = Math.min(MAX_ROOT * 10, (l * q) / (gcd(l, q) as number));
  };
  const stack: AnyNode[] = [n];
  while (stack.length > 0) {
    const m = stack.pop() as AnyNode;
    if (m.kind === 'pow') {
      if (m.exp.kind === 'num' && m.exp.exact && typeof m.exp.q === 'number') lcm(m.exp.q);
      stack.push(m.base, m.exp);
    } else if (m.kind === 'fn') {
      if (m.name === 'cbrt') lcm(3);
      const index = m.args[1];
      if (m.name === 'nthRoot' && index?.kind === 'num' && index.exact && typeof index.p === 'number') lcm(Math.abs(index.p));
      stack.push(...m.args);
    } else if (m.kind === 'add' || m.kind === 'mul') {
      stack.push(...m.args);
    }
  }
  return l;
}

type Side = 1 | -1;

/**
 * The limit of f(x) as x → a from one side: substitute x = a ± t^L (or x = ±1/t^L at
 * infinity), expand in t > 0, and read the leading term: a constant, 0, or ±Infinity.
 */
function oneSided(node: AnyNode, variable: string, a: number, side: Side, where: string): AnyNode {
  const L = rootOrders(node);
  const x: Series<AnyNode> = Number.isFinite(a)
    ? { v: 0, c: [exactPoint(a), ...new Array<AnyNode>(L - 1).fill(ZERO), int(side)], prec: Infinity }
    : { v: -L, c: [int(a > 0 ? 1 : -1)], prec: Infinity };
  const vars = new Map([[variable, x]]);
  const approach = { positive: true, punctured: true };
  const s = expandTo(1, (N) => new Expander(new SeriesAlgebra(symbolicRing, N, approach), vars, symbolicConstant).expand(node), MAX_EXTRA);
  const A = new SeriesAlgebra(symbolicRing, 1, approach);
  for (let k = s.v; k < 0; k++) {
    const c = A.coef(s, k);
    if (symbolicRing.isZero(c)) continue;
    const sign = symbolicRing.sign(c);
    if (sign === undefined) throw new SeriesFailure('undecidable', `${where} is unbounded, with a sign that depends on ${c.toString()}`);
    return float(sign * Infinity);
  }
  return A.coef(s, 0);
}

function pointText(variable: string, a: number, direction: '+' | '-' | 'both'): string {
  const to = a === Infinity ? '∞' : a === -Infinity ? '−∞' : String(a);
  return `${variable} → ${to}${direction === 'both' || !Number.isFinite(a) ? '' : direction === '+' ? '⁺' : '⁻'}`;
}

/** Two one-sided limits agree when they are the same expression or their difference simplifies to 0. */
function sameLimit(left: AnyNode, right: AnyNode): boolean | undefined {
  if (equal(left, right)) return true;
  if (left.kind === 'num' && right.kind === 'num') return left.value === right.value;
  const difference = canonical.add([left, canonical.mul([rational(-1, 1), right])]);
  if (difference.kind === 'num' && difference.exact) return difference.value === 0;
  try {
    return symbolicRing.isZero(difference);
  } catch {
    return undefined;
  }
}

/**
 * The limit of `expr` as `variable` → `a` (a number, or ±Infinity), from one side or both,
 * computed from the same power series as {@link taylor}: the leading term of f's Laurent
 * series in t (x = a ± t) gives the value, 0, or ±Infinity. Other symbols are parameters,
 * so the course's rise over run works symbolically: the limit of ((x + h)^2 − x^2)/h as
 * h → 0 is 2x. Returns the limit as an Expr; an infinite limit is the number Infinity or
 * −Infinity. Where the limit does not exist (different one-sided limits, f undefined near a)
 * or cannot be decided (log(x)·x, exp(1/x), a sign that depends on a parameter) it throws a
 * SeriesError saying which.
 *
 * @throws {SeriesError} with `.reason` 'does not exist', 'undefined' or 'undecidable'.
 * @example
 * ```ts
 * limit('sin(x)/x', 'x', 0).toString();              // '1'
 * limit('((x + h)^2 - x^2)/h', 'h', 0).toString();   // '2*x'
 * limit('1/x', 'x', 0, { direction: '+' }).toString(); // 'Infinity'
 * ```
 */
export function limit(expr: Expr | string, variable: string, a: number, opts: LimitOptions = {}): Expr {
  rejectUnknownOptions('limit', opts, ['direction']);
  const direction = opts.direction ?? 'both';
  if (direction !== '+' && direction !== '-' && direction !== 'both') {
    throw new TypeError(`limit: opts.direction = ${JSON.stringify(direction)}: expected '+' (from above), '-' (from below) or 'both'`);
  }
  const v = checkVariable(variable, 'limit');
  if (typeof a !== 'number' || Number.isNaN(a)) throw new TypeError(`limit: the point a is ${typeof a === 'number' ? 'NaN' : typeof a}: expected a number (or ±Infinity)`);
  if ((a === Infinity && direction === '+') || (a === -Infinity && direction === '-')) {
    throw new RangeError(`limit: x → ${a} cannot be approached from ${direction === '+' ? 'above' : 'below'}: use direction '${direction === '+' ? '-' : '+'}' or 'both'`);
  }
  const node = simplifyNode(toNode(expr, 'limit'));
  const text = excerpt(node.toString(), 0);
  const at = pointText(v, a, direction);
  if (!collectSymbols(node).includes(v)) return node;
  const side = (s: Side): AnyNode => {
    try {
      return guardStack('limit', () => oneSided(node, v, a, s, text));
    } catch (e) {
      if (e instanceof SeriesFailure) {
        if (e.at === undefined) e.at = node;
        throw seriesError('limit', `cannot find the limit of ${text} as ${at}`, pointText(v, a, Number.isFinite(a) ? (s > 0 ? '+' : '-') : 'both'), e);
      }
      throw e;
    }
  };
  if (!Number.isFinite(a)) return side(a > 0 ? -1 : 1);
  if (direction === '+') return side(1);
  if (direction === '-') return side(-1);
  const right = side(1);
  const left = side(-1);
  const same = sameLimit(left, right);
  if (same === true) return right;
  if (same === undefined) {
    throw new SeriesError(`limit: cannot decide whether the one-sided limits of ${text} as ${at} agree: ${left.toString()} from below, ${right.toString()} from above`, 'undecidable');
  }
  throw new SeriesError(`limit: the limit of ${text} as ${at} does not exist: it is ${left.toString()} from below and ${right.toString()} from above`, 'does not exist');
}
