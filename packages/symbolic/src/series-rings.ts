import type { SeriesFailureReason } from './errors.js';
import { constantsOnly, evaluateDefined, powNumber } from './evaluate.js';
import type { AnyNode } from './expr.js';
import { functionSpec } from './functions.js';
import { addNums, isExactZero, mulNums, ONE, rational, ZERO } from './nodes.js';
import { expand } from './integration-rewrites.js';
import { fractionOf } from './rational.js';
import { canonical } from './simplify.js';
import { collectSymbols } from './symbols.js';

/**
 * The coefficient arithmetic of the series engine (series.ts): exact and symbolic scalars,
 * floats, and polynomials in the direction of a multivariate displacement.
 */

/** Why an expansion stopped: carried up to the caller, which names the point. */
export class SeriesFailure extends Error {
  /** The sub-expression where it happened (filled in by the innermost expansion). */
  at: AnyNode | undefined;
  constructor(readonly reason: SeriesFailureReason, readonly why: string) {
    super(why);
  }
}

/**
 * The coefficient arithmetic. Univariate expansions use the scalars themselves (exact
 * rationals and symbolic constants, or floats); multivariate ones use polynomials in the
 * direction of the displacement, one homogeneous degree per power of t.
 */
export interface Ring<R> {
  readonly zero: R;
  readonly one: R;
  add(a: R, b: R): R;
  sub(a: R, b: R): R;
  mul(a: R, b: R): R;
  neg(a: R): R;
  /** a·n/d for small integers n, d. */
  scale(a: R, n: number, d: number): R;
  fromRational(p: number, q: number): R;
  /** Zero by construction: cheap, only used to skip work. */
  isStructuralZero(a: R): boolean;
  /** Decide a = 0, or throw a SeriesFailure('undecidable'). */
  isZero(a: R): boolean;
  /** a/b for b ≠ 0, exact: a SeriesFailure when b does not divide a. */
  div(a: R, b: R): R;
  /** f(args) of constant terms; a SeriesFailure('undefined') outside f's domain. */
  apply(name: string, args: readonly R[]): R;
  /** a^c of constant terms on the reals. */
  pow(a: R, c: R): R;
  /** The sign of a non-zero constant when it can be decided. */
  sign(a: R): 1 | -1 | undefined;
  /** c as an exact fraction of safe integers, when it is one. */
  rational(c: R): readonly [number, number] | undefined;
  describe(a: R): string;
}

// ---- scalar rings

/** Deterministic probe values for free parameters when deciding whether an expression is 0. */
const PROBES = [0.5377, 1.8339, -2.2588, 0.8622, 0.3188, -1.3077, -0.4336, 3.5784];

function probeIsZero(a: AnyNode): boolean | undefined {
  const params = collectSymbols(a);
  const points = params.length === 0 ? [0] : [0, 1, 2, 3];
  let sawValue = false;
  for (const p of points) {
    const v = evaluateDefined(a, (name) => (params.includes(name) ? (PROBES[(params.indexOf(name) + p) % PROBES.length] as number) + p : constantsOnly(name)));
    if (Number.isNaN(v)) continue;
    sawValue = true;
    if (Math.abs(v) > 1e-10) return false;
  }
  return sawValue ? undefined : false;
}

function checkDefined(n: AnyNode, what: () => string): AnyNode {
  if (n.kind !== 'num' && collectSymbols(n).length === 0 && Number.isNaN(evaluateDefined(n, constantsOnly))) {
    throw new SeriesFailure('undefined', what());
  }
  return n;
}

/** Exact and symbolic scalars, simplified as they are built. */
export const symbolicRing: Ring<AnyNode> = {
  zero: ZERO,
  one: ONE,
  add: (a, b) => (isExactZero(a) ? b : isExactZero(b) ? a : a.kind === 'num' && b.kind === 'num' ? addNums(a, b) : canonical.add([a, b])),
  sub: (a, b) => symbolicRing.add(a, symbolicRing.neg(b)),
  mul: (a, b) => {
    if (isExactZero(a) || isExactZero(b)) return ZERO;
    if (a.kind === 'num' && b.kind === 'num') return mulNums(a, b);
    return canonical.mul([a, b]);
  },
  neg: (a) => (a.kind === 'num' ? mulNums(a, rational(-1, 1)) : canonical.mul([rational(-1, 1), a])),
  scale: (a, n, d) => symbolicRing.mul(a, rational(n, d)),
  fromRational: (p, q) => rational(p, q),
  isStructuralZero: isExactZero,
  isZero(a) {
    if (a.kind === 'num' && a.exact) return a.value === 0;
    // A coefficient with free parameters (x in a difference quotient taken in h) is often a
    // polynomial that cancels once multiplied out: decide that exactly before probing numbers.
    if (collectSymbols(a).length > 0 && isExactZero(expand(a))) return true;
    const zero = probeIsZero(a);
    if (zero === undefined) throw new SeriesFailure('undecidable', `cannot decide whether ${a.toString()} is zero`);
    return zero;
  },
  div: (a, b) => (b.kind === 'num' && b.exact ? symbolicRing.mul(a, rational(b.q, b.p)) : canonical.mul([a, canonical.pow(b, rational(-1, 1))])),
  apply: (name, args) => checkDefined(canonical.fn(name, args), () => `${name}(${args.map(String).join(', ')}) is undefined`),
  pow: (a, c) => checkDefined(canonical.pow(a, c), () => `${a.toString()}^${c.toString()} is undefined`),
  sign(a) {
    if (a.kind === 'num') return a.value > 0 ? 1 : a.value < 0 ? -1 : undefined;
    if (collectSymbols(a).length > 0) return undefined;
    const v = evaluateDefined(a, constantsOnly);
    return v > 1e-12 ? 1 : v < -1e-12 ? -1 : undefined;
  },
  rational(c) {
    if (c.kind !== 'num' || !c.exact || typeof c.p !== 'number' || typeof c.q !== 'number') return undefined;
    return [c.p, c.q];
  },
  describe: (a) => a.toString(),
};

/** Float64 scalars: for the remainder's samples along a segment. */
export const floatRing: Ring<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  neg: (a) => -a,
  scale: (a, n, d) => (a * n) / d,
  fromRational: (p, q) => p / q,
  isStructuralZero: (a) => a === 0,
  isZero: (a) => a === 0,
  div: (a, b) => a / b,
  apply: (name, args) => functionSpec(name)?.real(...args) ?? NaN,
  pow: powNumber,
  sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : undefined),
  rational(c) {
    const f = fractionOf(c, 1000);
    return f === undefined || typeof f[0] !== 'number' || typeof f[1] !== 'number' ? undefined : [f[0], f[1]];
  },
  describe: (a) => String(a),
};

// ---- multivariate: polynomials in the direction d of x = a + d·t

interface Monomial<S> {
  readonly e: readonly number[];
  readonly c: S;
}
/** Σ c·d^e, keyed by the exponents. */
export type Poly<S> = ReadonlyMap<string, Monomial<S>>;

/** Polynomials over a scalar ring, in `n` direction variables. */
export function polyRing<S>(field: Ring<S>, n: number): Ring<Poly<S>> {
  const zeroExponents = new Array<number>(n).fill(0);
  const constant = (c: S): Poly<S> => (field.isStructuralZero(c) ? new Map() : new Map([[zeroExponents.join(','), { e: zeroExponents, c }]]));
  const combine = (a: Poly<S>, b: Poly<S>, sign: 1 | -1): Poly<S> => {
    const out = new Map(a);
    for (const [k, m] of b) {
      const have = out.get(k);
      const c = have === undefined ? (sign === 1 ? m.c : field.neg(m.c)) : sign === 1 ? field.add(have.c, m.c) : field.sub(have.c, m.c);
      if (field.isStructuralZero(c)) out.delete(k);
      else out.set(k, { e: m.e, c });
    }
    return out;
  };
  const map = (a: Poly<S>, f: (c: S) => S): Poly<S> => {
    const out = new Map<string, Monomial<S>>();
    for (const [k, m] of a) {
      const c = f(m.c);
      if (!field.isStructuralZero(c)) out.set(k, { e: m.e, c });
    }
    return out;
  };
  const scalar = (a: Poly<S>): S | undefined => {
    if (a.size === 0) return field.zero;
    if (a.size > 1) return undefined;
    const m = [...a.values()][0] as Monomial<S>;
    return m.e.every((x) => x === 0) ? m.c : undefined;
  };
  const needScalar = (a: Poly<S>, what: string): S => {
    const s = scalar(a);
    if (s === undefined) throw new SeriesFailure('not smooth', `${what} depends on the direction of approach`);
    return s;
  };
  const describe = (a: Poly<S>): string => [...a.values()].map((m) => `${field.describe(m.c)}·d^[${m.e.join(',')}]`).join(' + ') || '0';
  const ring: Ring<Poly<S>> = {
    zero: new Map(),
    one: constant(field.one),
    add: (a, b) => combine(a, b, 1),
    sub: (a, b) => combine(a, b, -1),
    neg: (a) => map(a, field.neg),
    scale: (a, num, den) => map(a, (c) => field.scale(c, num, den)),
    fromRational: (p, q) => constant(field.fromRational(p, q)),
    mul(a, b) {
      let out: Poly<S> = new Map();
      for (const x of a.values()) {
        const terms = new Map<string, Monomial<S>>();
        for (const y of b.values()) {
          const e = x.e.map((v, i) => v + (y.e[i] as number));
          terms.set(e.join(','), { e, c: field.mul(x.c, y.c) });
        }
        out = combine(out, terms, 1);
      }
      return out;
    },
    isStructuralZero: (a) => a.size === 0,
    isZero: (a) => [...a.values()].every((m) => field.isZero(m.c)),
    div(a, b) {
      const nonzero = [...b.values()].filter((m) => !field.isZero(m.c));
      if (nonzero.length !== 1) throw new SeriesFailure('undecidable', `dividing by ${describe(b)}, which vanishes along some directions, is not supported`);
      const m = nonzero[0] as Monomial<S>;
      const out = new Map<string, Monomial<S>>();
      for (const t of a.values()) {
        if (field.isZero(t.c)) continue;
        // Negative exponents are allowed on the way (sin(x·y)·x⁻¹·y⁻¹); the caller rejects any left at the end.
        const e = t.e.map((v, i) => v - (m.e[i] as number));
        out.set(e.join(','), { e, c: field.div(t.c, m.c) });
      }
      return out;
    },
    apply: (name, args) => constant(field.apply(name, args.map((a) => needScalar(a, `${name}(…)`)))),
    pow: (a, c) => constant(field.pow(needScalar(a, 'the base'), needScalar(c, 'the exponent'))),
    sign(a) {
      const s = scalar(a);
      return s === undefined ? undefined : field.sign(s);
    },
    rational(c) {
      const s = scalar(c);
      return s === undefined ? undefined : field.rational(s);
    },
    describe,
  };
  return ring;
}

/** A constant subexpression as an exact/symbolic scalar (rejecting constants without a value). */
export function symbolicConstant(n: AnyNode): AnyNode {
  return checkDefined(n, () => `${n.toString()} is undefined`);
}

/** A constant subexpression as a float. */
export function floatConstant(n: AnyNode): number {
  return evaluateDefined(n, constantsOnly);
}
