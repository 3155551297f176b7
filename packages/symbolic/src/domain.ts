import { isPositive } from './bounds.js';
import { constantsOnly, evaluateDefined } from './evaluate.js';
import type { AnyNode, Expr, Num } from './expr.js';
import { isTotal } from './functions.js';
import { isInteger } from './nodes.js';
import { collectSymbols } from './symbols.js';

/**
 * Where expressions have real values: the facts the simplifier's soundness contract is
 * written in (README, "Soundness"), and the conditions its two extensions report.
 */

/**
 * A condition a simplification assumed: where it fails, the input was undefined but the
 * output may have a value. These come only from the named extensions of the soundness
 * contract (README, "Soundness"): cancelling a common factor (x/x → 1, valid for x ≠ 0) and
 * dropping a term or factor whose only effect was to be undefined somewhere (log(x) − log(x)
 * → 0, valid where log(x) is defined).
 *
 * @example
 * ```ts
 * const conditions: readonly Condition[] = simplifyWithConditions('log(x) - log(x)').conditions;
 * console.log(conditions.map((c) => c.text)); // ['log(x) is defined']
 * ```
 */
export interface Condition {
  /** u ≠ 0, u > 0, u ≥ 0, or "u is defined" (has a real value). */
  readonly kind: 'nonzero' | 'positive' | 'nonnegative' | 'defined';
  readonly expr: Expr;
  /** The condition in words: "x ≠ 0", "log(x) is defined". */
  readonly text: string;
}

/** The domain a power b^e needs of its base: a lattice none < nonzero, nonnegative < positive. */
export type Need = 'none' | 'nonzero' | 'nonnegative' | 'positive';

export function join(a: Need, b: Need): Need {
  if (a === b || b === 'none') return a;
  if (a === 'none') return b;
  return 'positive';
}

/** What b^e needs of b, for a rational exponent (Math.pow's real semantics). */
export function needOf(e: Num): Need {
  const integer = e.exact && e.q === 1;
  if (integer) return e.value >= 0 ? 'none' : 'nonzero';
  return e.value > 0 ? 'nonnegative' : 'positive';
}

/** Does `after` ask less of the base than `before` did (so the domain grew)? */
export const weaker = (after: Need, before: Need): boolean => after !== before && join(after, before) === before;

export function conditionText(kind: Condition['kind'], u: AnyNode): string {
  const s = u.toString();
  switch (kind) {
    case 'nonzero':
      return `${s} ≠ 0`;
    case 'positive':
      return `${s} > 0`;
    case 'nonnegative':
      return `${s} ≥ 0`;
    case 'defined':
      return `${s} is defined`;
  }
}

/**
 * True when n has a real value for every real value of its symbols (polynomials, sin, exp,
 * …), or is a constant with a real value: cancelling or dropping it never widens a domain.
 */
export function isEverywhereDefined(n: AnyNode): boolean {
  switch (n.kind) {
    case 'num':
      return !Number.isNaN(n.value);
    case 'sym':
      return true;
    case 'add':
    case 'mul':
      return n.args.every(isEverywhereDefined);
    case 'pow':
      if (n.exp.kind === 'num' && isInteger(n.exp) && n.exp.value >= 0) return isEverywhereDefined(n.base);
      if (isPositive(n.base) && isEverywhereDefined(n.exp)) return isEverywhereDefined(n.base);
      return isDefinedConstant(n);
    case 'fn':
      if (isTotal(n.name) && n.args.every(isEverywhereDefined)) return true;
      return isDefinedConstant(n);
  }
}

/** A constant (no free symbols) with a real value. */
function isDefinedConstant(n: AnyNode): boolean {
  return collectSymbols(n).length === 0 && !Number.isNaN(evaluateDefined(n, constantsOnly));
}

/** A constant (no free symbols) without a real value: 0/0, log(−1). Such a subexpression is kept, never dropped. */
export function isUndefinedConstant(n: AnyNode): boolean {
  return collectSymbols(n).length === 0 && Number.isNaN(evaluateDefined(n, constantsOnly));
}

/** Whether a condition holds for a value (NaN: u undefined). */
export function holds(kind: Condition['kind'], v: number): boolean {
  if (Number.isNaN(v)) return false;
  switch (kind) {
    case 'nonzero':
      return v !== 0;
    case 'positive':
      return v > 0;
    case 'nonnegative':
      return v >= 0;
    case 'defined':
      return true;
  }
}
