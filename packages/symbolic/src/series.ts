import { SeriesError, type SeriesFailureReason } from './errors.js';
import type { AnyNode, Num } from './expr.js';
import { functionSpec, type SeriesKit } from './functions.js';
import { float, rational } from './nodes.js';
import { fractionOf } from './rational.js';
import { type Ring, SeriesFailure } from './series-rings.js';

/**
 * Truncated power series in t (t = x − a, or x = 1/t at infinity), by arithmetic on their
 * coefficients, not by differentiating: sums and products by convolution, quotients by long
 * division (so a removable singularity such as sin(x)/x cancels), and exp, log, powers,
 * sin/cos, … by the recurrences that follow from their differential equations. Laurent
 * series (finitely many negative powers) are allowed inside, so poles are found and named.
 */

const OBSTACLE: Record<SeriesFailureReason, string> = {
  pole: 'has a pole',
  'branch point': 'has a branch point',
  'not smooth': 'is not differentiable',
  undefined: 'is undefined',
  'does not exist': 'is not continuous',
  undecidable: 'cannot be expanded',
  'too large': 'cannot be expanded',
};

/** A SeriesFailure as the public error, naming the expression, the point and why. */
export function seriesError(where: string, what: string, point: string, e: SeriesFailure): SeriesError {
  const at = e.at === undefined ? 'it' : e.at.toString();
  return new SeriesError(`${where}: ${what}: ${at.length > 80 ? at.slice(0, 77) + '…' : at} ${OBSTACLE[e.reason]} at ${point} (${e.why})`, e.reason);
}

/** Thrown when a cancellation used up every known term: the caller retries with more. */
class MorePrecision {}

/** Σ c[i]·t^(v+i) + O(t^prec); prec is Infinity for an exact (finite) series. */
export interface Series<R> {
  readonly v: number;
  readonly c: readonly R[];
  readonly prec: number;
}

// ---- the series algebra

/** How the expansion variable approaches the point. */
export interface Approach {
  /** Only t > 0 (a one-sided limit): |t| = t and t^(1/2) is fine. */
  readonly positive: boolean;
  /** The value at t = 0 itself is irrelevant (a limit), so a jump there is not an obstacle. */
  readonly punctured: boolean;
}

export class SeriesAlgebra<R> {
  constructor(
    readonly ring: Ring<R>,
    /** Working precision: no coefficient of t^N or beyond is computed. */
    readonly N: number,
    readonly approach: Approach,
  ) {}

  exact(c: readonly R[], v = 0): Series<R> {
    return { v, c, prec: Infinity };
  }

  constant(value: R): Series<R> {
    return this.ring.isStructuralZero(value) ? this.exact([]) : this.exact([value]);
  }

  /** The coefficient of t^k (k below the series' precision). */
  coef(s: Series<R>, k: number): R {
    const i = k - s.v;
    return i >= 0 && i < s.c.length ? (s.c[i] as R) : this.ring.zero;
  }

  /** Build a series from its coefficients on [from, to) with precision `prec`, capped at N. */
  private build(from: number, prec: number, exactEnd: number, at: (k: number) => R): Series<R> {
    let to = Number.isFinite(prec) ? prec : exactEnd;
    if (to > this.N) {
      to = this.N;
      prec = Math.min(prec, this.N);
    }
    const c: R[] = [];
    for (let k = from; k < to; k++) c.push(at(k));
    return { v: from, c, prec };
  }

  private end(s: Series<R>): number {
    return s.v + s.c.length;
  }

  add(a: Series<R>, b: Series<R>): Series<R> {
    if (a.c.length === 0 && a.prec === Infinity) return b;
    if (b.c.length === 0 && b.prec === Infinity) return a;
    const r = this.ring;
    return this.build(Math.min(a.v, b.v), Math.min(a.prec, b.prec), Math.max(this.end(a), this.end(b)), (k) => r.add(this.coef(a, k), this.coef(b, k)));
  }

  neg(a: Series<R>): Series<R> {
    return { v: a.v, c: a.c.map((x) => this.ring.neg(x)), prec: a.prec };
  }

  sub(a: Series<R>, b: Series<R>): Series<R> {
    return this.add(a, this.neg(b));
  }

  mul(a: Series<R>, b: Series<R>): Series<R> {
    const r = this.ring;
    if ((a.c.length === 0 && a.prec === Infinity) || (b.c.length === 0 && b.prec === Infinity)) return this.exact([]);
    const prec = Math.min(a.prec + b.v, b.prec + a.v);
    return this.build(a.v + b.v, prec, this.end(a) + this.end(b) - 1, (k) => {
      let sum = r.zero;
      for (let i = 0; i < a.c.length; i++) {
        const j = k - a.v - i - b.v;
        if (j < 0) break;
        if (j >= b.c.length) continue;
        const x = a.c[i] as R;
        const y = b.c[j] as R;
        if (r.isStructuralZero(x) || r.isStructuralZero(y)) continue;
        sum = r.add(sum, r.mul(x, y));
      }
      return sum;
    });
  }

  /** Strip leading zeros: t^v·(u₀ + u₁t + …) with u₀ ≠ 0, or undefined for the exact zero series. */
  normalize(s: Series<R>): Series<R> | undefined {
    for (let i = 0; i < s.c.length; i++) {
      if (!this.ring.isZero(s.c[i] as R)) return i === 0 ? s : { v: s.v + i, c: s.c.slice(i), prec: s.prec };
    }
    if (s.prec === Infinity) return undefined;
    throw new MorePrecision();
  }

  div(a: Series<R>, b: Series<R>, what = (): string => 'the divisor'): Series<R> {
    const r = this.ring;
    const nb = this.normalize(b);
    if (nb === undefined) throw new SeriesFailure('undefined', `division by ${what()}, which is 0`);
    const u0 = nb.c[0] as R;
    const v = a.v - nb.v;
    const known = Math.min(a.prec - a.v, nb.prec - nb.v);
    const exactEnd = a.prec === Infinity && nb.prec === Infinity && nb.c.length === 1 ? v + a.c.length : Infinity;
    const q: R[] = [];
    return this.build(v, v + known, exactEnd, (k) => {
      const i = k - v;
      let acc = this.coef(a, a.v + i);
      for (let j = 1; j <= i && j < nb.c.length; j++) {
        const uj = nb.c[j] as R;
        if (!r.isStructuralZero(uj)) acc = r.sub(acc, r.mul(uj, q[i - j] as R));
      }
      const qi = r.div(acc, u0);
      q.push(qi);
      return qi;
    });
  }

  /** Drop the terms of negative degree, which must be zero: f(s) needs s bounded at the point. */
  private bounded(s: Series<R>, name: string): Series<R> {
    if (s.v >= 0) return s;
    for (let k = s.v; k < 0; k++) {
      if (!this.ring.isZero(this.coef(s, k))) {
        throw new SeriesFailure(this.approach.punctured ? 'undecidable' : 'pole', `${name} of an unbounded argument (it has a pole there)`);
      }
    }
    return { v: 0, c: s.c.slice(-s.v), prec: s.prec };
  }

  /** Coefficients 0…(prec−1) of a bounded series as a dense array, and its precision (≤ N). */
  private dense(s: Series<R>, name: string): [R[], number] {
    const b = this.bounded(s, name);
    const prec = Math.min(b.prec, this.N);
    const out: R[] = [];
    for (let k = 0; k < prec; k++) out.push(this.coef(b, k));
    return [out, prec];
  }

  /** Differentiate in t. */
  d(s: Series<R>): Series<R> {
    const r = this.ring;
    const from = s.v === 0 ? 0 : s.v - 1;
    return this.build(from, s.prec - 1, this.end(s) - 1, (k) => r.scale(this.coef(s, k + 1), k + 1, 1));
  }

  /** ∫ s dt with the given constant term; s must have no t^(−1) term (that would be a logarithm). */
  integrate(s: Series<R>, constant: R): Series<R> {
    const r = this.ring;
    if (s.v <= -1 && !r.isZero(this.coef(s, -1))) throw new SeriesFailure('branch point', 'its derivative has a 1/t term (a logarithm)');
    const from = Math.min(0, s.v + 1);
    return this.build(from, s.prec + 1, Math.max(1, this.end(s) + 1), (k) => {
      if (k === 0) return constant;
      return r.scale(this.coef(s, k - 1), 1, k);
    });
  }

  exp(s: Series<R>): Series<R> {
    const r = this.ring;
    const [a, prec] = this.dense(s, 'exp');
    const e: R[] = [r.apply('exp', [a[0] as R])];
    for (let k = 1; k < prec; k++) {
      let acc = r.zero;
      for (let j = 1; j <= k; j++) if (!r.isStructuralZero(a[j] as R)) acc = r.add(acc, r.scale(r.mul(a[j] as R, e[k - j] as R), j, k));
      e.push(acc);
    }
    return { v: 0, c: e, prec };
  }

  log(s: Series<R>): Series<R> {
    const r = this.ring;
    const ns = this.normalize(s);
    if (ns === undefined || ns.v > 0) throw new SeriesFailure('branch point', 'log of 0');
    if (ns.v < 0) throw new SeriesFailure(this.approach.punctured ? 'undecidable' : 'pole', 'log of an unbounded argument');
    const u = ns.c;
    if (r.sign(u[0] as R) === -1) throw new SeriesFailure('undefined', `log of a negative number (${r.describe(u[0] as R)})`);
    const prec = Math.min(ns.prec, this.N);
    const l: R[] = [r.apply('log', [u[0] as R])];
    for (let k = 1; k < prec; k++) {
      let acc = (u[k] as R | undefined) ?? r.zero;
      for (let j = 1; j < k; j++) {
        const ukj = (u[k - j] as R | undefined) ?? r.zero;
        if (!r.isStructuralZero(ukj)) acc = r.sub(acc, r.scale(r.mul(l[j] as R, ukj), j, k));
      }
      l.push(r.div(acc, u[0] as R));
    }
    return { v: 0, c: l, prec };
  }

  /** [sin s, cos s] (or [sinh s, cosh s]) by S′ = C·s′, C′ = ∓S·s′. */
  trig(s: Series<R>, hyperbolic: boolean): readonly [Series<R>, Series<R>] {
    const r = this.ring;
    const [a, prec] = this.dense(s, hyperbolic ? 'sinh' : 'sin');
    const sn: R[] = [r.apply(hyperbolic ? 'sinh' : 'sin', [a[0] as R])];
    const cs: R[] = [r.apply(hyperbolic ? 'cosh' : 'cos', [a[0] as R])];
    for (let k = 1; k < prec; k++) {
      let ds = r.zero;
      let dc = r.zero;
      for (let j = 1; j <= k; j++) {
        const aj = a[j] as R;
        if (r.isStructuralZero(aj)) continue;
        ds = r.add(ds, r.scale(r.mul(aj, cs[k - j] as R), j, k));
        dc = r.add(dc, r.scale(r.mul(aj, sn[k - j] as R), j, k));
      }
      sn.push(ds);
      cs.push(hyperbolic ? dc : r.neg(dc));
    }
    return [{ v: 0, c: sn, prec }, { v: 0, c: cs, prec }];
  }

  /** s^n for an integer n, by repeated squaring (any valuation). */
  powInt(s: Series<R>, n: number): Series<R> {
    if (n < 0) return this.div(this.exact([this.ring.one]), this.powInt(s, -n), () => 'the base');
    let result = this.exact([this.ring.one]);
    let square = s;
    for (let bit = n; bit > 0; bit >>= 1) {
      if (bit & 1) result = this.mul(result, square);
      if (bit > 1) square = this.mul(square, square);
    }
    return result;
  }

  /**
   * s^c on the reals for a constant c (Math.pow's semantics: a negative base needs an integer
   * exponent). Where s vanishes, t^v·u with u(0) ≠ 0, the power is t^(v·c)·u^c when that is a
   * smooth function of t, and a branch point or a kink otherwise.
   */
  pow(s: Series<R>, c: R, what: () => string): Series<R> {
    const r = this.ring;
    const frac = r.rational(c);
    if (frac !== undefined && frac[1] === 1) return this.powInt(s, frac[0]);
    const ns = this.normalize(s);
    if (ns === undefined) {
      if (frac !== undefined && frac[0] > 0) return this.exact([]);
      throw new SeriesFailure('undefined', `${what()} is 0 to a power that is not positive`);
    }
    if (ns.v === 0) return this.powUnit(ns, c, what, frac);
    if (frac === undefined) throw new SeriesFailure('branch point', `${what()} is 0 there, raised to the symbolic power ${r.describe(c)}`);
    const sign = r.sign(ns.c[0] as R);
    if (sign === undefined) throw new SeriesFailure('undecidable', `cannot decide the sign of ${r.describe(ns.c[0] as R)}`);
    const [p, q] = frac;
    const m = (ns.v * p) / q;
    if (!Number.isInteger(m)) {
      throw new SeriesFailure(this.approach.positive ? 'undecidable' : 'branch point', `${what()} is 0 there, and its power ${p}/${q} is not a power series`);
    }
    // t^v·u must be ≥ 0 near the point (on both sides unless t > 0), and |t|^m is smooth only for even m.
    if (sign < 0 && (this.approach.positive || ns.v % 2 === 0)) throw new SeriesFailure('undefined', `${what()} is negative near there, where a fractional power is undefined`);
    if (!this.approach.positive && ns.v % 2 !== 0) throw new SeriesFailure('branch point', `${what()} is 0 there and negative on one side, where a fractional power is undefined`);
    if (!this.approach.positive && m % 2 !== 0) throw new SeriesFailure('not smooth', `${what()} is 0 there and the power behaves like |x − a|^${m}`);
    const unit = this.powUnit({ v: 0, c: ns.c, prec: ns.prec - ns.v }, c, what, frac);
    return { v: unit.v + m, c: unit.c, prec: unit.prec + m };
  }

  /** u^c for u(0) ≠ 0: P₀ = u₀^c, u₀·k·P_k = Σ_{j=1..k} (c·j − (k − j))·u_j·P_{k−j}. */
  private powUnit(u: Series<R>, c: R, what: () => string, frac: readonly [number, number] | undefined): Series<R> {
    const r = this.ring;
    const u0 = u.c[0] as R;
    if (frac !== undefined && r.sign(u0) === -1) throw new SeriesFailure('undefined', `${what()} is negative there (${r.describe(u0)}), where the power ${frac[0]}/${frac[1]} is undefined`);
    const prec = Math.min(u.prec, this.N);
    const p: R[] = [r.pow(u0, c)];
    for (let k = 1; k < prec; k++) {
      let acc = r.zero;
      for (let j = 1; j <= k; j++) {
        const uj = (u.c[j] as R | undefined) ?? r.zero;
        if (r.isStructuralZero(uj)) continue;
        const term = r.mul(uj, p[k - j] as R);
        // (c·j − k + j)/k, exactly when c is a fraction p/q: (p·j − q·k + q·j)/(q·k).
        const weight = frac !== undefined ? r.scale(term, frac[0] * j - frac[1] * (k - j), frac[1] * k) : r.scale(r.mul(r.sub(r.scale(c, j, 1), r.fromRational(k - j, 1)), term), 1, k);
        acc = r.add(acc, weight);
      }
      p.push(r.div(acc, u0));
    }
    return { v: 0, c: p, prec };
  }

  /** The real n-th root: for odd n, negative values have real roots (cbrt(−8) = −2). */
  root(s: Series<R>, n: R, what: () => string): Series<R> {
    const r = this.ring;
    const frac = r.rational(n);
    if (frac === undefined || frac[1] !== 1 || frac[0] === 0) return this.pow(s, r.div(r.one, n), what);
    const k = frac[0];
    if (k % 2 === 0) return this.pow(s, r.fromRational(1, k), what);
    const ns = this.normalize(s);
    if (ns === undefined) {
      if (k > 0) return this.exact([]);
      throw new SeriesFailure('undefined', `${what()} is 0 and the root index is negative`);
    }
    const m = ns.v / k;
    if (!Number.isInteger(m)) throw new SeriesFailure(this.approach.positive ? 'undecidable' : 'not smooth', `${what()} is 0 there and its ${k}-th root behaves like (x − a)^(${ns.v}/${k})`);
    const u0 = ns.c[0] as R;
    const unit: Series<R> = { v: 0, c: ns.c, prec: ns.prec - ns.v };
    // An odd root satisfies the same recurrence as u^(1/k), started from the real root of u₀.
    const scaled = this.powUnitFrom(unit, r.apply('nthRoot', [u0, r.fromRational(k, 1)]), 1, k);
    return { v: scaled.v + m, c: scaled.c, prec: scaled.prec + m };
  }

  private powUnitFrom(u: Series<R>, p0: R, num: number, den: number): Series<R> {
    const r = this.ring;
    const u0 = u.c[0] as R;
    const prec = Math.min(u.prec, this.N);
    const p: R[] = [p0];
    for (let k = 1; k < prec; k++) {
      let acc = r.zero;
      for (let j = 1; j <= k; j++) {
        const uj = (u.c[j] as R | undefined) ?? r.zero;
        if (r.isStructuralZero(uj)) continue;
        acc = r.add(acc, r.scale(r.mul(uj, p[k - j] as R), num * j - den * (k - j), den * k));
      }
      p.push(r.div(acc, u0));
    }
    return { v: 0, c: p, prec };
  }

  abs(s: Series<R>, what: () => string): Series<R> {
    const ns = this.normalize(s);
    if (ns === undefined) return this.exact([]);
    const sign = this.ring.sign(ns.c[0] as R);
    if (sign === undefined) throw new SeriesFailure('undecidable', `cannot decide the sign of ${this.ring.describe(ns.c[0] as R)}`);
    if (ns.v % 2 !== 0 && !this.approach.positive) throw new SeriesFailure(this.approach.punctured ? 'does not exist' : 'not smooth', `${what()} changes sign there (a kink)`);
    return sign > 0 ? ns : this.neg(ns);
  }

  sign(s: Series<R>, what: () => string): Series<R> {
    const ns = this.normalize(s);
    if (ns === undefined) return this.exact([]);
    const sign = this.ring.sign(ns.c[0] as R);
    if (sign === undefined) throw new SeriesFailure('undecidable', `cannot decide the sign of ${this.ring.describe(ns.c[0] as R)}`);
    if (ns.v > 0 && !this.approach.punctured) throw new SeriesFailure('not smooth', `${what()} is 0 there, where sign jumps`);
    if (ns.v % 2 !== 0 && !this.approach.positive) throw new SeriesFailure('does not exist', `${what()} changes sign there, where sign jumps`);
    return this.exact([this.ring.fromRational(sign, 1)]);
  }
}

/** Names the kit's `call`/`primitive` use to reach the registry. */
function spec(name: string): NonNullable<ReturnType<typeof functionSpec>> {
  const s = functionSpec(name);
  if (s === undefined) throw new SeriesFailure('undefined', `no function ${name}`);
  return s;
}

/** Expand expression trees over an algebra: the walk the registry's `series` rules plug into. */
export class Expander<R> {
  private readonly memo = new Map<AnyNode, Series<R>>();
  private readonly kit: SeriesKit<Series<R>>;

  constructor(
    readonly algebra: SeriesAlgebra<R>,
    /** The series of each expansion variable (x = a + t, or 1/t at infinity, …). */
    private readonly variables: ReadonlyMap<string, Series<R>>,
    /** The constant term of a subexpression free of the variables. */
    private readonly constantOf: (n: AnyNode) => R,
  ) {
    const A = algebra;
    const r = A.ring;
    const head = (s: Series<R>): R => A.coef(s, 0);
    const described = (name: string) => () => `the argument of ${name}`;
    this.kit = {
      one: A.exact([r.one]),
      constant: (p, q = 1) => A.constant(r.fromRational(p, q)),
      add: (a, b) => A.add(a, b),
      sub: (a, b) => A.sub(a, b),
      mul: (a, b) => A.mul(a, b),
      div: (a, b) => A.div(a, b),
      neg: (a) => A.neg(a),
      d: (a) => A.d(a),
      exp: (a) => A.exp(a),
      log: (a) => A.log(a),
      sinCos: (a) => A.trig(a, false),
      sinhCosh: (a) => A.trig(a, true),
      power: (a, p, q) => A.pow(a, r.fromRational(p, q), described(q === 2 && p === 1 ? 'sqrt' : 'a power')),
      root: (a, n) => A.root(a, head(n), described('a root')),
      abs: (a) => A.abs(a, described('abs')),
      sign: (a) => A.sign(a, described('sign')),
      atan2: (y, x) => this.atan2(y, x),
      primitive: (name, args, derivative) => {
        const values = args.map((a) => this.boundedHead(a, name));
        return A.integrate(derivative, r.apply(name, values));
      },
      call: (name, args) => spec(name).series(this.kit, args),
      apply: (name, args) => A.constant(r.apply(name, args.map(head))),
    };
  }

  private boundedHead(a: Series<R>, name: string): R {
    const A = this.algebra;
    for (let k = a.v; k < 0; k++) {
      if (!A.ring.isZero(A.coef(a, k))) throw new SeriesFailure(A.approach.punctured ? 'undecidable' : 'pole', `${name} of an unbounded argument (it has a pole there)`);
    }
    return A.coef(a, 0);
  }

  private atan2(y: Series<R>, x: Series<R>): Series<R> {
    const A = this.algebra;
    const r = A.ring;
    const y0 = this.boundedHead(y, 'atan2');
    const x0 = this.boundedHead(x, 'atan2');
    const yZero = r.isZero(y0);
    if (yZero && r.isZero(x0)) throw new SeriesFailure('not smooth', 'atan2(0, 0): the angle of the origin is not defined');
    if (yZero && r.sign(x0) === -1) throw new SeriesFailure(A.approach.punctured ? 'undecidable' : 'not smooth', 'atan2(y, x) jumps from π to −π across y = 0 for x < 0');
    const derivative = A.div(A.sub(A.mul(x, A.d(y)), A.mul(y, A.d(x))), A.add(A.mul(x, x), A.mul(y, y)));
    return A.integrate(derivative, r.apply('atan2', [y0, x0]));
  }

  expand(n: AnyNode): Series<R> {
    const hit = this.memo.get(n);
    if (hit !== undefined) return hit;
    let s: Series<R>;
    try {
      s = this.rule(n);
    } catch (e) {
      if (e instanceof SeriesFailure && e.at === undefined) e.at = n;
      throw e;
    }
    this.memo.set(n, s);
    return s;
  }

  private readonly depends = new Map<AnyNode, boolean>();

  /** Whether n involves an expansion variable (memoised: the walk asks for every node). */
  private dependsOnVariables(n: AnyNode): boolean {
    if (n.kind === 'num') return false;
    if (n.kind === 'sym') return this.variables.has(n.name);
    const hit = this.depends.get(n);
    if (hit !== undefined) return hit;
    const children = n.kind === 'pow' ? [n.base, n.exp] : n.args;
    const r = children.some((c) => this.dependsOnVariables(c));
    this.depends.set(n, r);
    return r;
  }

  private rule(n: AnyNode): Series<R> {
    const A = this.algebra;
    if (n.kind === 'sym') {
      const v = this.variables.get(n.name);
      if (v !== undefined) return v;
    }
    if (!this.dependsOnVariables(n)) return A.constant(this.constantOf(n));
    switch (n.kind) {
      case 'add':
        return n.args.map((a) => this.expand(a)).reduce((s, t) => A.add(s, t));
      case 'mul':
        return n.args.map((a) => this.expand(a)).reduce((s, t) => A.mul(s, t));
      case 'pow': {
        const base = this.expand(n.base);
        const what = (): string => n.base.toString();
        if (!this.dependsOnVariables(n.exp)) {
          const c = this.constantOf(n.exp);
          return A.pow(base, c, what);
        }
        // u^w = exp(w·log u), which needs u > 0.
        return A.exp(A.mul(this.expand(n.exp), A.log(base)));
      }
      case 'fn': {
        const args = n.args.map((a) => this.expand(a));
        return spec(n.name).series(this.kit, args);
      }
      default:
        return A.constant(this.constantOf(n));
    }
  }
}

/**
 * Expand with a working precision large enough that at least `want` coefficients (degrees
 * below `want`) are known, retrying with more terms when cancellations (sin(x)/x) use some up.
 */
export function expandTo<R>(want: number, attempt: (N: number) => Series<R>, maxExtra: number): Series<R> {
  let N = want + 1;
  for (;;) {
    let got: number;
    try {
      const s = attempt(N);
      if (s.prec >= want) return s;
      got = s.prec;
    } catch (e) {
      if (!(e instanceof MorePrecision)) throw e;
      got = -Infinity;
    }
    const next = Number.isFinite(got) ? N + Math.max(1, want - got) : N + Math.max(4, N);
    if (next > want + maxExtra) {
      throw new SeriesFailure('undecidable', `more than ${maxExtra} extra terms would be needed (every term computed cancelled)`);
    }
    N = next;
  }
}

/** An exact number for an expansion point when the double is a simple fraction (0.1 → 1/10). */
export function exactPoint(v: number): Num {
  const f = fractionOf(v, 10_000);
  return f === undefined ? float(v) : rational(f[0], f[1]);
}
