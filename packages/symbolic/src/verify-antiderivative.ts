import { differentiate } from './derivative.js';
import { evaluateDefined } from './evaluate.js';
import type { AnyNode } from './expr.js';
import { functionSpec } from './functions.js';
import { isExactZero, MINUS_ONE } from './nodes.js';
import { canonical, simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/**
 * The check every antiderivative passes before `integrate` returns it: F′ − f simplifies to
 * 0, or F′ equals f at sample points spread over scales and signs, and F has a value wherever
 * f has one (so log(x) is never passed off as ∫dx/x on x < 0). Parameters take fixed generic
 * values. Too few points where f is defined is a failure, not a pass.
 */

/** Sample points: both signs, from 0.004 to 9, none an integer or a simple multiple of π. */
const POINTS = [
  0.0043, 0.0371, 0.0917, 0.1373, 0.2291, 0.3163, 0.4617, 0.5833, 0.6671, 0.7811, 0.8713, 0.9419, 0.9887,
  1.0613, 1.2347, 1.4529, 1.6187, 1.8763, 2.1719, 2.7127, 3.3041, 4.5617, 6.2999, 8.8811,
];
const SAMPLES = [...POINTS, ...POINTS.map((p) => -p)];
/** Values for parameters: generic, positive and negative, away from 0 and ±1. */
const PARAMETERS = [1.3719, 0.7373, 2.2331, -0.6163, 1.9127, -1.4413];

/** How many sample points must agree, at least, for a pass. */
const MIN_AGREEING = 4;

/** Σ|terms| evaluated like the value: the size of the numbers a cancellation in F′ started from. */
function magnitude(n: AnyNode, resolve: (name: string) => number): number {
  switch (n.kind) {
    case 'num':
      return Math.abs(n.value);
    case 'sym':
      return Math.abs(resolve(n.name));
    case 'add':
      return n.args.reduce((s, t) => s + magnitude(t, resolve), 0);
    case 'mul':
      return n.args.reduce((p, t) => p * magnitude(t, resolve), 1);
    case 'pow':
      return Math.abs(evaluateDefined(n, resolve));
    case 'fn': {
      const v = Math.abs(evaluateDefined(n, resolve));
      // A function of a cancelling sum (sin(a − b)) is as uncertain as its argument.
      return functionSpec(n.name) === undefined ? v : Math.max(v, ...n.args.map((a) => magnitude(a, resolve)));
    }
  }
}

export interface Verdict {
  readonly ok: boolean;
  /** Why not, in words, when not. */
  readonly why?: string;
  /** How many points were compared. */
  readonly points: number;
}

/** Does F′ = f, with F defined wherever f is? (x the variable; every other symbol a parameter.) */
export function checkAntiderivative(f: AnyNode, F: AnyNode, x: string): Verdict {
  let dF: AnyNode;
  try {
    dF = differentiate(F, x, canonical);
  } catch {
    return { ok: false, why: 'its derivative could not be taken', points: 0 };
  }
  const params = collectSymbols(canonical.add([f, F])).filter((s) => s !== x);
  let agreeing = 0;
  for (let trial = 0; trial < 2; trial++) {
    const values = new Map(params.map((p, i) => [p, PARAMETERS[(i + 3 * trial) % PARAMETERS.length] as number]));
    for (const point of SAMPLES) {
      const resolve = (name: string): number => (name === x ? point : values.get(name) ?? (name === 'pi' ? Math.PI : name === 'e' ? Math.E : NaN));
      const fv = evaluateDefined(f, resolve);
      if (!Number.isFinite(fv)) continue;
      const Fv = evaluateDefined(F, resolve);
      if (Number.isNaN(Fv)) return { ok: false, why: `the antiderivative has no value at ${x} = ${point}, where the integrand is ${fv}`, points: agreeing };
      const dv = evaluateDefined(dF, resolve);
      if (Number.isNaN(dv)) return { ok: false, why: `its derivative has no value at ${x} = ${point}`, points: agreeing };
      if (!Number.isFinite(dv) || !Number.isFinite(Fv)) continue;
      const scale = Math.max(Math.abs(fv), Math.abs(dv), magnitude(dF, resolve), 1e-300);
      if (Math.abs(dv - fv) > 1e-8 * scale + 1e-300) {
        return { ok: false, why: `its derivative is ${dv} at ${x} = ${point}, where the integrand is ${fv}`, points: agreeing };
      }
      agreeing++;
    }
    if (params.length === 0) break;
  }
  if (agreeing < MIN_AGREEING) return { ok: false, why: `the integrand has a value at only ${agreeing} of the sample points, too few to check`, points: agreeing };
  return { ok: true, points: agreeing };
}

/** F′ − f simplifies to exactly 0 (a symbolic proof, where the simplifier finds one). */
export function provedAntiderivative(f: AnyNode, F: AnyNode, x: string): boolean {
  try {
    const dF = differentiate(F, x, canonical);
    return isExactZero(simplifyNode(canonical.add([dF, canonical.mul([MINUS_ONE, f])])));
  } catch {
    return false;
  }
}
