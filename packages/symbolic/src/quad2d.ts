import { compile } from './compile.js';
import type { Expr } from './expr.js';
import { rejectUnknownOptions } from './options.js';
import { toNode } from './parse.js';
import { adapt, finiteForm, integrateFunction, kronrod15, quadOptions, type QuadResult } from './quad.js';
import { collectSymbols } from './symbols.js';

/**
 * Options of {@link quad2d}.
 *
 * @example
 * ```ts
 * const opts: Quad2dOptions = { tol: 1e-8, variables: ['r', 't'] };
 * console.log(quad2d('r', [0, 1], [0, 2 * Math.PI], opts).value); // 3.14159…
 * ```
 */
export interface Quad2dOptions {
  /** Absolute tolerance on the total error estimate (default 1e-10). */
  tol?: number;
  /** Relative tolerance (default 1e-10); the run aims at error ≤ max(tol, relTol·|value|). */
  relTol?: number;
  /** Largest number of evaluations of f in all (default 2,000,000). */
  maxEvaluations?: number;
  /** The two variables of an expression integrand, outer first (default ['x', 'y']). */
  variables?: readonly [string, string];
}

/** A limit of the inner integral: a number, or a function of the outer variable. */
export type InnerLimit = number | ((x: number) => number);

/** An integrand of two variables: a function f(x, y), or an expression in them. */
export type Integrand2d = ((x: number, y: number) => number) | Expr | string;

const KNOWN = ['tol', 'relTol', 'maxEvaluations', 'variables'] as const;

function function2d(f: Integrand2d, variables: readonly [string, string]): (x: number, y: number) => number {
  if (typeof f === 'function') return f;
  const node = toNode(f, 'quad2d');
  const others = collectSymbols(node).filter((s) => !variables.includes(s));
  if (others.length > 0) throw new RangeError(`quad2d: the integrand ${node.toString()} has symbols ${others.join(', ')} besides ${variables.join(' and ')}: give them values first, or name the variables with options.variables`);
  const g = compile(node, [...variables]);
  const arg = new Float64Array(2);
  return (x, y) => {
    arg[0] = x;
    arg[1] = y;
    return g(arg);
  };
}

function limitAt(l: InnerLimit, x: number, which: string): number {
  const v = typeof l === 'function' ? l(x) : l;
  if (typeof v !== 'number' || Number.isNaN(v)) throw new RangeError(`quad2d: the ${which} y-limit is ${String(v)} at x = ${x}: expected a number`);
  return v;
}

/**
 * ∫∫ f(x, y) dy dx over a rectangle [a, b] × [c, d], or over the region between two curves,
 * c(x) ≤ y ≤ d(x) for a ≤ x ≤ b: nested adaptive Gauss–Kronrod ({@link quad}'s G7–K15), the
 * inner integral over y at every outer node. Infinite limits work as in quad. The error
 * estimate is the outer one plus the inner ones integrated over x (on the final outer
 * subdivision). When either level misses its tolerance the result says so
 * (`converged: false`, with the first reason).
 *
 * @throws {RangeError} for a NaN limit, a bad option, or an expression with other symbols.
 * @example
 * ```ts
 * // The area of the unit disc, as the region between y = −sqrt(1 − x²) and y = sqrt(1 − x²):
 * const r = quad2d(() => 1, [-1, 1], [(x) => -Math.sqrt(1 - x * x), (x) => Math.sqrt(1 - x * x)]);
 * console.log(r.value, r.converged); // 3.1415926535897… true
 * ```
 */
export function quad2d(f: Integrand2d, x: readonly [number, number], y: readonly [InnerLimit, InnerLimit], opts: Quad2dOptions = {}): QuadResult {
  rejectUnknownOptions('quad2d', opts, KNOWN);
  const { tol, relTol, maxEvaluations } = quadOptions('quad2d', { tol: opts.tol, relTol: opts.relTol, maxEvaluations: opts.maxEvaluations ?? 2_000_000 }, ['tol', 'relTol', 'maxEvaluations']);
  if (!Array.isArray(x) || x.length !== 2 || !Array.isArray(y) || y.length !== 2) throw new TypeError('quad2d(f, [a, b], [c, d]): the limits are two pairs');
  const variables = opts.variables ?? ['x', 'y'];
  if (!Array.isArray(variables) || variables.length !== 2 || variables.some((v) => typeof v !== 'string') || variables[0] === variables[1]) {
    throw new TypeError(`quad2d: option variables = ${JSON.stringify(variables)}: expected two different names such as ['x', 'y']`);
  }
  const [a, b] = x;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) throw new RangeError(`quad2d: x-limits ${String(a)}, ${String(b)}: expected numbers (±Infinity allowed)`);
  const g = function2d(f, variables);
  const [c, d] = y;
  let evaluations = 0;
  let failure: string | undefined;
  const inner = new Map<number, QuadResult>();
  const innerTol = tol / 10;
  const innerRel = relTol / 10;
  const innerAt = (xv: number): QuadResult => {
    const hit = inner.get(xv);
    if (hit !== undefined) return hit;
    const remaining = maxEvaluations - evaluations;
    let r: QuadResult;
    if (remaining < 15) {
      r = { value: NaN, error: Infinity, evaluations: 0, intervals: 0, converged: false, reason: `the evaluation budget of ${maxEvaluations} ran out` };
    } else {
      r = integrateFunction((yv) => g(xv, yv), limitAt(c, xv, 'lower'), limitAt(d, xv, 'upper'), innerTol, innerRel, Math.min(remaining, 20_000));
    }
    evaluations += r.evaluations;
    if (!r.converged && failure === undefined) failure = `the inner integral over y at x = ${xv} did not converge: ${r.reason}`;
    inner.set(xv, r);
    return r;
  };
  if (a === b) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true, reason: 'converged' };
  const sign = a < b ? 1 : -1;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const outer = finiteForm((xv) => innerAt(xv).value, lo, hi);
  const { result, pieces } = adapt(outer.g, outer.ta, outer.tb, tol, relTol, Number.MAX_SAFE_INTEGER, outer.x);
  // The inner errors, integrated over x with the same nodes (all cached).
  const errors = finiteForm((xv) => innerAt(xv).error, lo, hi);
  let innerError = 0;
  for (const p of pieces) innerError += Math.abs(kronrod15(errors.g, p.a, p.b).value);
  const error = result.error + innerError;
  const met = error <= Math.max(tol, relTol * Math.abs(result.value));
  const converged = result.converged && failure === undefined && met;
  const reason = converged ? 'converged' : failure ?? (!result.converged ? `the outer integral over x: ${result.reason}` : `the total error estimate ${error.toExponential(2)} is above the tolerance`);
  return { value: sign * result.value, error, evaluations, intervals: result.intervals, converged, reason };
}
