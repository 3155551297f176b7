import type { AnyNode } from './expr.js';
import { type Builder, div, HALF, int, MINUS_ONE, neg, ONE, rational, sub, sym, ZERO } from './nodes.js';
import { integerRoot, negInt } from './rational.js';
import { exactAcos, exactAsin, exactAtan, exactCos, exactSin, exactTan } from './special-values.js';

/** A closed interval [lo, hi] known to contain every real value of an expression. */
export type Interval = readonly [number, number];

/**
 * One differentiation rule: `partial(args, i, b)` is ∂f/∂(argument i), the *outer*
 * derivative only. The chain rule is applied once, by the caller, as
 * d f(u₁,…,uₙ) = Σᵢ ∂f/∂uᵢ · duᵢ.
 */
export interface DerivativeRule {
  /** The law, as `explain` shows it. */
  readonly law: string;
  partial(args: readonly AnyNode[], i: number, b: Builder): AnyNode;
}

/** What a function's own simplification rule may ask of the simplifier. */
export interface SimplifyContext {
  readonly b: Builder;
  /** True when n has a real value wherever its symbols do (a rule may then drop n). */
  isEverywhereDefined(n: AnyNode): boolean;
  /** True only when every real value of n is > 0 (or ≥ 0). */
  isPositive(n: AnyNode): boolean;
  isNonNegative(n: AnyNode): boolean;
}

/**
 * Truncated power-series arithmetic, as the series engine offers it to each function's
 * `series` rule. `S` is a series in t = (x − a); every operation keeps track of how many
 * terms are known and raises a clear error at poles, branch points and kinks.
 */
export interface SeriesKit<S> {
  readonly one: S;
  /** The constant p/q. */
  constant(p: number, q?: number): S;
  add(a: S, b: S): S;
  sub(a: S, b: S): S;
  mul(a: S, b: S): S;
  div(a: S, b: S): S;
  neg(a: S): S;
  /** d/dt of a series. */
  d(a: S): S;
  exp(a: S): S;
  log(a: S): S;
  /** [sin a, cos a] */
  sinCos(a: S): readonly [S, S];
  /** [sinh a, cosh a] */
  sinhCosh(a: S): readonly [S, S];
  /** a^(p/q) on the reals (p/q in lowest terms): undefined for a < 0 unless q = 1. */
  power(a: S, p: number, q: number): S;
  /** The real n-th root, n a constant (odd roots of negative numbers are real). */
  root(a: S, n: S): S;
  abs(a: S): S;
  sign(a: S): S;
  atan2(y: S, x: S): S;
  /** f(args) = f(args at the point) + ∫ f′ dt, for functions known by their derivative (atan, asin, …). */
  primitive(name: string, args: readonly S[], derivative: S): S;
  /** Another registered function's series, for functions defined through it (acot(u) = atan(1/u)). */
  call(name: string, args: readonly S[]): S;
  /** The constant f(c) of constant series (log(10) for log10). */
  apply(name: string, args: readonly S[]): S;
}

/**
 * Everything the package knows about one function. Every per-function table (derivative
 * rules, real evaluation, code generation, TeX, explain wording, domains, ranges, series)
 * is this record: adding a function is adding one entry here, plus its tests.
 */
export interface FunctionSpec {
  /** How many arguments it accepts: [min, max]. */
  readonly arity: readonly [min: number, max: number];
  /** Its real value in float64 (NaN outside the domain, as JavaScript's Math). */
  readonly real: (...args: number[]) => number;
  /**
   * Whether f has a real value at these (finite) arguments; absent means everywhere. This
   * is the mathematical domain: 1/sin(0) is undefined even though float64 says Infinity.
   */
  readonly defined?: (...args: number[]) => boolean;
  /** The derivative rule, with the law `explain` quotes. */
  readonly derivative?: DerivativeRule;
  /** The rule family `explain` names: trig, log, root, … */
  readonly family: string;
  /** Its Taylor series from those of its arguments. */
  readonly series: <S>(k: SeriesKit<S>, args: readonly S[]) => S;
  /** The JavaScript `compile` emits, from the code of its arguments (a fixed template). */
  readonly code: (args: readonly string[]) => string;
  /** Fixed helper source the template calls, included once when the function is used. */
  readonly codeHelper?: string;
  /** Its LaTeX from the LaTeX of its arguments: a command such as `\\sin`, or a template. */
  readonly tex: string | ((args: readonly string[]) => string);
  /** True when the TeX template is a power (e^{u}), which binds like one. */
  readonly texIsPower?: boolean;
  /** Its value at an exact 0, when that is an exact integer (sin(0) = 0, cos(0) = 1). */
  readonly atZero?: number;
  /** An interval holding f(u) for u in the given interval, for the simplifier's sign analysis. */
  readonly range?: (u: Interval) => Interval;
  /** The function's own sound rewrites (log(exp(u)) → u, …), or undefined to keep f(args). */
  readonly simplify?: (args: readonly AnyNode[], c: SimplifyContext) => AnyNode | undefined;
  /** Other names the parser accepts for it (ln for log). */
  readonly aliases?: readonly string[];
  /** What its (first) argument must be, in words `explain` can repeat: log needs u > 0. */
  readonly requires?: 'positive' | 'nonnegative' | 'nonzero';
  /**
   * Its entry in the table of elementary integrals, ∫ f(u) du, for unary functions whose
   * antiderivative is a direct form (sin, sec, tanh, …). Functions integrated by parts
   * (log, atan, asin, …) have none: `integrate` derives theirs and shows the working.
   */
  readonly antiderivative?: AntiderivativeRule;
  /**
   * The limits of f(u) as u → −∞ and u → +∞ where they are finite (atan: −π/2 and π/2), for
   * improper integrals; undefined on a side where f grows, oscillates or has no value.
   */
  readonly atInfinity?: (b: Builder) => readonly [minus: AnyNode | undefined, plus: AnyNode | undefined];
  /**
   * The same function written with exp, log and powers (sinh(u) = (exp(u) − exp(−u))/2), so
   * the growth of an antiderivative at infinity can be read from exp and log alone.
   */
  readonly viaExpLog?: (args: readonly AnyNode[], b: Builder) => AnyNode;
  /**
   * Expressions in the (first) argument whose zeros are the edges of f's domain or its poles
   * (u for log, u − 1 and u + 1 for asin, cos(u) for tan), for definite integrals to split at.
   */
  readonly edges?: (u: AnyNode, b: Builder) => readonly AnyNode[];
}

/** One entry of the table of integrals: ∫ f(u) du = primitive(u), and the law as the working quotes it. */
export interface AntiderivativeRule {
  readonly law: string;
  primitive(u: AnyNode, b: Builder): AnyNode;
}

const ALL: Interval = [-Infinity, Infinity];
const increasing = (f: (v: number) => number) => (u: Interval): Interval => [f(u[0]), f(u[1])];

const sq = (u: AnyNode, b: Builder): AnyNode => b.pow(u, int(2));
const recip = (u: AnyNode, b: Builder): AnyNode => b.pow(u, MINUS_ONE);
const invSqrt = (u: AnyNode, b: Builder): AnyNode => b.pow(u, b.mul([MINUS_ONE, HALF]));
const unary = (law: string, d: (u: AnyNode, b: Builder) => AnyNode): DerivativeRule => ({ law, partial: (args, _i, b) => d(args[0] as AnyNode, b) });
const call = (name: string) => (a: readonly string[]): string => `Math.${name}(${a[0]})`;
const reciprocalCall = (name: string) => (a: readonly string[]): string => `(1 / Math.${name}(${a[0]}))`;
const ofReciprocal = (name: string) => (a: readonly string[]): string => `Math.${name}(1 / ${a[0]})`;
const u0 = <S>(args: readonly S[]): S => args[0] as S;
/** 1 − u², u² − 1 and 1 + u² as series. */
const oneMinusSq = <S>(k: SeriesKit<S>, s: S): S => k.sub(k.one, k.mul(s, s));
const sqMinusOne = <S>(k: SeriesKit<S>, s: S): S => k.sub(k.mul(s, s), k.one);
const onePlusSq = <S>(k: SeriesKit<S>, s: S): S => k.add(k.one, k.mul(s, s));
const absOf = (u: AnyNode, b: Builder): AnyNode => b.fn('abs', [u]);
const logAbs = (u: AnyNode, b: Builder): AnyNode => b.fn('log', [absOf(u, b)]);
const table = (law: string, primitive: (u: AnyNode, b: Builder) => AnyNode): AntiderivativeRule => ({ law, primitive });
/** ±π/2, 0 and ±1 as the limits at infinity of the bounded functions. */
const halfPi = (b: Builder, sign: 1 | -1): AnyNode => b.mul([rational(sign, 2), sym('pi')]);
const limits = (minus: (b: Builder) => AnyNode | undefined, plus: (b: Builder) => AnyNode | undefined) => (b: Builder) => [minus(b), plus(b)] as const;
const constant = (v: number) => (): AnyNode => int(v);
const expOf = (u: AnyNode, b: Builder): AnyNode => b.fn('exp', [u]);
const isOdd = (n: number): boolean => Number.isInteger(n) && Math.abs(n % 2) === 1;

/** The exact real n-th root of an exact rational, when it is one (cbrt(−8) = −2, nthRoot(4/9, 2) = 2/3). */
function exactRoot(u: AnyNode | undefined, n: number): AnyNode | undefined {
  if (u?.kind !== 'num' || !u.exact || !Number.isInteger(n) || n < 2) return undefined;
  const negative = u.p < 0;
  if (negative && n % 2 === 0) return undefined;
  const p = integerRoot(negative ? negInt(u.p) : u.p, n);
  const q = integerRoot(u.q, n);
  if (p === undefined || q === undefined) return undefined;
  return rational(negative ? -p : p, q);
}

/** The real n-th root: odd roots of negative numbers are real, as in mathjs. */
function nthRootReal(x: number, n = 2): number {
  if (x < 0 && isOdd(n)) return -Math.pow(-x, 1 / n);
  return Math.pow(x, 1 / n);
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  sin: {
    arity: [1, 1], real: Math.sin, family: 'trig', tex: '\\sin', code: call('sin'), atZero: 0, range: () => [-1, 1],
    derivative: unary("sin'(u) = cos(u)", (u, b) => b.fn('cos', [u])),
    series: (k, a) => k.sinCos(u0(a))[0],
    antiderivative: table('∫sin(u) du = -cos(u)', (u, b) => neg(b, b.fn('cos', [u]))),
    simplify: ([u], { b }) => exactSin(u as AnyNode, b),
  },
  cos: {
    arity: [1, 1], real: Math.cos, family: 'trig', tex: '\\cos', code: call('cos'), atZero: 1, range: () => [-1, 1],
    derivative: unary("cos'(u) = -sin(u)", (u, b) => neg(b, b.fn('sin', [u]))),
    series: (k, a) => k.sinCos(u0(a))[1],
    antiderivative: table('∫cos(u) du = sin(u)', (u, b) => b.fn('sin', [u])),
    simplify: ([u], { b }) => exactCos(u as AnyNode, b),
  },
  tan: {
    arity: [1, 1], real: Math.tan, defined: (x) => Math.cos(x) !== 0, family: 'trig', tex: '\\tan', code: call('tan'), atZero: 0,
    // tan'(u) = sec²(u) = 1 + tan²(u)
    derivative: unary("tan'(u) = sec(u)^2", (u, b) => sq(b.fn('sec', [u]), b)),
    series: (k, a) => {
      const [s, c] = k.sinCos(u0(a));
      return k.div(s, c);
    },
    antiderivative: table('∫tan(u) du = -log|cos(u)|', (u, b) => neg(b, logAbs(b.fn('cos', [u]), b))),
    edges: (u, b) => [b.fn('cos', [u])],
    simplify: ([u], { b }) => exactTan(u as AnyNode, b),
  },
  sec: {
    arity: [1, 1], real: (x) => 1 / Math.cos(x), defined: (x) => Math.cos(x) !== 0, family: 'trig', tex: '\\sec', code: reciprocalCall('cos'), atZero: 1,
    derivative: unary("sec'(u) = sec(u)*tan(u)", (u, b) => b.mul([b.fn('sec', [u]), b.fn('tan', [u])])),
    series: (k, a) => k.div(k.one, k.sinCos(u0(a))[1]),
    antiderivative: table('∫sec(u) du = log|sec(u) + tan(u)|', (u, b) => logAbs(b.add([b.fn('sec', [u]), b.fn('tan', [u])]), b)),
    edges: (u, b) => [b.fn('cos', [u])],
  },
  csc: {
    arity: [1, 1], real: (x) => 1 / Math.sin(x), defined: (x) => Math.sin(x) !== 0, family: 'trig', tex: '\\csc', code: reciprocalCall('sin'),
    derivative: unary("csc'(u) = -csc(u)*cot(u)", (u, b) => neg(b, b.mul([b.fn('csc', [u]), b.fn('cot', [u])]))),
    series: (k, a) => k.div(k.one, k.sinCos(u0(a))[0]),
    antiderivative: table('∫csc(u) du = -log|csc(u) + cot(u)|', (u, b) => neg(b, logAbs(b.add([b.fn('csc', [u]), b.fn('cot', [u])]), b))),
    edges: (u, b) => [b.fn('sin', [u])],
  },
  cot: {
    arity: [1, 1], real: (x) => 1 / Math.tan(x), defined: (x) => Math.sin(x) !== 0, family: 'trig', tex: '\\cot', code: reciprocalCall('tan'),
    derivative: unary("cot'(u) = -csc(u)^2", (u, b) => neg(b, sq(b.fn('csc', [u]), b))),
    series: (k, a) => {
      const [s, c] = k.sinCos(u0(a));
      return k.div(c, s);
    },
    antiderivative: table('∫cot(u) du = log|sin(u)|', (u, b) => logAbs(b.fn('sin', [u]), b)),
    edges: (u, b) => [b.fn('sin', [u])],
  },
  asin: {
    arity: [1, 1], real: Math.asin, defined: (x) => Math.abs(x) <= 1, family: 'inverse trig', tex: '\\arcsin', code: call('asin'), atZero: 0,
    range: () => [-Math.PI / 2, Math.PI / 2],
    derivative: unary("asin'(u) = 1/sqrt(1 - u^2)", (u, b) => invSqrt(sub(b, ONE, sq(u, b)), b)),
    series: (k, a) => k.primitive('asin', a, k.div(k.d(u0(a)), k.power(oneMinusSq(k, u0(a)), 1, 2))),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
    simplify: ([u], { b }) => exactAsin(u as AnyNode, b),
  },
  acos: {
    arity: [1, 1], real: Math.acos, defined: (x) => Math.abs(x) <= 1, family: 'inverse trig', tex: '\\arccos', code: call('acos'),
    range: () => [0, Math.PI],
    derivative: unary("acos'(u) = -1/sqrt(1 - u^2)", (u, b) => neg(b, invSqrt(sub(b, ONE, sq(u, b)), b))),
    series: (k, a) => k.primitive('acos', a, k.neg(k.div(k.d(u0(a)), k.power(oneMinusSq(k, u0(a)), 1, 2)))),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
    simplify: ([u], { b }) => exactAcos(u as AnyNode, b),
  },
  atan: {
    arity: [1, 1], real: Math.atan, family: 'inverse trig', tex: '\\arctan', code: call('atan'), atZero: 0, range: () => [-Math.PI / 2, Math.PI / 2],
    derivative: unary("atan'(u) = 1/(1 + u^2)", (u, b) => recip(b.add([ONE, sq(u, b)]), b)),
    series: (k, a) => k.primitive('atan', a, k.div(k.d(u0(a)), onePlusSq(k, u0(a)))),
    atInfinity: limits((b) => halfPi(b, -1), (b) => halfPi(b, 1)),
    simplify: ([u], { b }) => exactAtan(u as AnyNode, b),
  },
  // The reciprocal inverses follow mathjs on the reals: asec(x) = acos(1/x), …, acot(x) = atan(1/x).
  asec: {
    arity: [1, 1], real: (x) => Math.acos(1 / x), defined: (x) => Math.abs(x) >= 1, family: 'inverse trig', tex: '\\operatorname{arcsec}', code: ofReciprocal('acos'),
    derivative: unary("asec'(u) = 1/(abs(u)*sqrt(u^2 - 1))", (u, b) => recip(b.mul([b.fn('abs', [u]), b.pow(sub(b, sq(u, b), ONE), HALF)]), b)),
    series: (k, a) => k.call('acos', [k.div(k.one, u0(a))]),
    atInfinity: limits((b) => halfPi(b, 1), (b) => halfPi(b, 1)),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
  },
  acsc: {
    arity: [1, 1], real: (x) => Math.asin(1 / x), defined: (x) => Math.abs(x) >= 1, family: 'inverse trig', tex: '\\operatorname{arccsc}', code: ofReciprocal('asin'),
    derivative: unary("acsc'(u) = -1/(abs(u)*sqrt(u^2 - 1))", (u, b) => neg(b, recip(b.mul([b.fn('abs', [u]), b.pow(sub(b, sq(u, b), ONE), HALF)]), b))),
    series: (k, a) => k.call('asin', [k.div(k.one, u0(a))]),
    atInfinity: limits(constant(0), constant(0)),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
  },
  acot: {
    arity: [1, 1], real: (x) => Math.atan(1 / x), family: 'inverse trig', tex: '\\operatorname{arccot}', code: ofReciprocal('atan'),
    derivative: unary("acot'(u) = -1/(1 + u^2)", (u, b) => neg(b, recip(b.add([ONE, sq(u, b)]), b))),
    series: (k, a) => k.call('atan', [k.div(k.one, u0(a))]),
    atInfinity: limits(constant(0), constant(0)),
  },
  sinh: {
    arity: [1, 1], real: Math.sinh, family: 'hyperbolic', tex: '\\sinh', code: call('sinh'), atZero: 0, range: increasing(Math.sinh),
    derivative: unary("sinh'(u) = cosh(u)", (u, b) => b.fn('cosh', [u])),
    series: (k, a) => k.sinhCosh(u0(a))[0],
    antiderivative: table('∫sinh(u) du = cosh(u)', (u, b) => b.fn('cosh', [u])),
    viaExpLog: ([u], b) => b.mul([HALF, sub(b, expOf(u as AnyNode, b), expOf(neg(b, u as AnyNode), b))]),
  },
  cosh: {
    arity: [1, 1], real: Math.cosh, family: 'hyperbolic', tex: '\\cosh', code: call('cosh'), atZero: 1, range: () => [1, Infinity],
    derivative: unary("cosh'(u) = sinh(u)", (u, b) => b.fn('sinh', [u])),
    series: (k, a) => k.sinhCosh(u0(a))[1],
    antiderivative: table('∫cosh(u) du = sinh(u)', (u, b) => b.fn('sinh', [u])),
    viaExpLog: ([u], b) => b.mul([HALF, b.add([expOf(u as AnyNode, b), expOf(neg(b, u as AnyNode), b)])]),
  },
  tanh: {
    arity: [1, 1], real: Math.tanh, family: 'hyperbolic', tex: '\\tanh', code: call('tanh'), atZero: 0, range: () => [-1, 1],
    // tanh'(u) = sech²(u) = 1 − tanh²(u)
    derivative: unary("tanh'(u) = sech(u)^2", (u, b) => sq(b.fn('sech', [u]), b)),
    series: (k, a) => {
      const [s, c] = k.sinhCosh(u0(a));
      return k.div(s, c);
    },
    antiderivative: table('∫tanh(u) du = log(cosh(u))', (u, b) => b.fn('log', [b.fn('cosh', [u])])),
    atInfinity: limits(constant(-1), constant(1)),
  },
  sech: {
    arity: [1, 1], real: (x) => 1 / Math.cosh(x), family: 'hyperbolic', tex: '\\operatorname{sech}', code: reciprocalCall('cosh'), atZero: 1, range: () => [0, 1],
    derivative: unary("sech'(u) = -sech(u)*tanh(u)", (u, b) => neg(b, b.mul([b.fn('sech', [u]), b.fn('tanh', [u])]))),
    series: (k, a) => k.div(k.one, k.sinhCosh(u0(a))[1]),
    antiderivative: table('∫sech(u) du = atan(sinh(u))', (u, b) => b.fn('atan', [b.fn('sinh', [u])])),
    atInfinity: limits(constant(0), constant(0)),
  },
  csch: {
    arity: [1, 1], requires: 'nonzero', real: (x) => 1 / Math.sinh(x), defined: (x) => x !== 0, family: 'hyperbolic', tex: '\\operatorname{csch}', code: reciprocalCall('sinh'),
    derivative: unary("csch'(u) = -csch(u)*coth(u)", (u, b) => neg(b, b.mul([b.fn('csch', [u]), b.fn('coth', [u])]))),
    series: (k, a) => k.div(k.one, k.sinhCosh(u0(a))[0]),
    antiderivative: table('∫csch(u) du = log|tanh(u/2)|', (u, b) => logAbs(b.fn('tanh', [b.mul([HALF, u])]), b)),
    atInfinity: limits(constant(0), constant(0)),
    edges: (u) => [u],
  },
  coth: {
    arity: [1, 1], requires: 'nonzero', real: (x) => 1 / Math.tanh(x), defined: (x) => x !== 0, family: 'hyperbolic', tex: '\\coth', code: reciprocalCall('tanh'),
    derivative: unary("coth'(u) = -csch(u)^2", (u, b) => neg(b, sq(b.fn('csch', [u]), b))),
    series: (k, a) => {
      const [s, c] = k.sinhCosh(u0(a));
      return k.div(c, s);
    },
    antiderivative: table('∫coth(u) du = log|sinh(u)|', (u, b) => logAbs(b.fn('sinh', [u]), b)),
    atInfinity: limits(constant(-1), constant(1)),
    edges: (u) => [u],
  },
  asinh: {
    arity: [1, 1], real: Math.asinh, family: 'inverse hyperbolic', tex: '\\operatorname{arsinh}', code: call('asinh'), atZero: 0, range: increasing(Math.asinh),
    derivative: unary("asinh'(u) = 1/sqrt(u^2 + 1)", (u, b) => invSqrt(b.add([sq(u, b), ONE]), b)),
    series: (k, a) => k.primitive('asinh', a, k.div(k.d(u0(a)), k.power(onePlusSq(k, u0(a)), 1, 2))),
    viaExpLog: ([u], b) => b.fn('log', [b.add([u as AnyNode, b.pow(b.add([sq(u as AnyNode, b), ONE]), HALF)])]),
  },
  acosh: {
    arity: [1, 1], real: Math.acosh, defined: (x) => x >= 1, family: 'inverse hyperbolic', tex: '\\operatorname{arcosh}', code: call('acosh'),
    derivative: unary("acosh'(u) = 1/sqrt(u^2 - 1)", (u, b) => invSqrt(sub(b, sq(u, b), ONE), b)),
    series: (k, a) => k.primitive('acosh', a, k.div(k.d(u0(a)), k.power(sqMinusOne(k, u0(a)), 1, 2))),
    viaExpLog: ([u], b) => b.fn('log', [b.add([u as AnyNode, b.pow(sub(b, sq(u as AnyNode, b), ONE), HALF)])]),
    edges: (u, b) => [sub(b, u, ONE)],
  },
  atanh: {
    arity: [1, 1], real: Math.atanh, defined: (x) => Math.abs(x) < 1, family: 'inverse hyperbolic', tex: '\\operatorname{artanh}', code: call('atanh'), atZero: 0,
    derivative: unary("atanh'(u) = 1/(1 - u^2)", (u, b) => recip(sub(b, ONE, sq(u, b)), b)),
    series: (k, a) => k.primitive('atanh', a, k.div(k.d(u0(a)), oneMinusSq(k, u0(a)))),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
  },
  asech: {
    arity: [1, 1], real: (x) => Math.acosh(1 / x), defined: (x) => x > 0 && x <= 1, family: 'inverse hyperbolic', tex: '\\operatorname{arsech}', code: ofReciprocal('acosh'),
    derivative: unary("asech'(u) = -1/(u*sqrt(1 - u^2))", (u, b) => neg(b, recip(b.mul([u, b.pow(sub(b, ONE, sq(u, b)), HALF)]), b))),
    series: (k, a) => k.call('acosh', [k.div(k.one, u0(a))]),
    edges: (u, b) => [u, sub(b, u, ONE)],
  },
  acsch: {
    arity: [1, 1], real: (x) => Math.asinh(1 / x), defined: (x) => x !== 0, family: 'inverse hyperbolic', tex: '\\operatorname{arcsch}', code: ofReciprocal('asinh'),
    derivative: unary("acsch'(u) = -1/(abs(u)*sqrt(u^2 + 1))", (u, b) => neg(b, recip(b.mul([b.fn('abs', [u]), b.pow(b.add([sq(u, b), ONE]), HALF)]), b))),
    series: (k, a) => k.call('asinh', [k.div(k.one, u0(a))]),
    atInfinity: limits(constant(0), constant(0)),
    edges: (u) => [u],
  },
  acoth: {
    arity: [1, 1], real: (x) => Math.atanh(1 / x), defined: (x) => Math.abs(x) > 1, family: 'inverse hyperbolic', tex: '\\operatorname{arcoth}', code: ofReciprocal('atanh'),
    derivative: unary("acoth'(u) = 1/(1 - u^2)", (u, b) => recip(sub(b, ONE, sq(u, b)), b)),
    series: (k, a) => k.call('atanh', [k.div(k.one, u0(a))]),
    atInfinity: limits(constant(0), constant(0)),
    edges: (u, b) => [sub(b, u, ONE), b.add([u, ONE])],
  },
  exp: {
    arity: [1, 1], real: Math.exp, family: 'exp', tex: (a) => `e^{${a[0]}}`, texIsPower: true, code: call('exp'), atZero: 1, range: increasing(Math.exp),
    derivative: unary("exp'(u) = exp(u)", (u, b) => b.fn('exp', [u])),
    series: (k, a) => k.exp(u0(a)),
    // exp(log(v)) = v needs v > 0, or the left side is undefined where the right is not.
    simplify: ([u], c) => (u?.kind === 'fn' && u.name === 'log' && u.args.length === 1 && c.isPositive(u.args[0] as AnyNode) ? (u.args[0] as AnyNode) : undefined),
    antiderivative: table('∫exp(u) du = exp(u)', (u, b) => b.fn('exp', [u])),
    atInfinity: limits(constant(0), () => undefined),
  },
  expm1: {
    arity: [1, 1], real: Math.expm1, family: 'exp', tex: (a) => `\\left(e^{${a[0]}} - 1\\right)`, code: call('expm1'), atZero: 0, range: increasing(Math.expm1),
    derivative: unary("expm1'(u) = exp(u)", (u, b) => b.fn('exp', [u])),
    series: (k, a) => k.sub(k.exp(u0(a)), k.one),
    antiderivative: table('∫expm1(u) du = exp(u) - u', (u, b) => sub(b, b.fn('exp', [u]), u)),
    atInfinity: limits(constant(-1), () => undefined),
    viaExpLog: ([u], b) => sub(b, expOf(u as AnyNode, b), ONE),
  },
  log: {
    arity: [1, 2], aliases: ['ln'], requires: 'positive',
    real: (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)),
    defined: (x, b) => x > 0 && (b === undefined || (b > 0 && b !== 1)),
    family: 'log', tex: (a) => (a.length === 2 ? `\\log_{${a[1]}}\\left(${a[0]}\\right)` : `\\ln\\left(${a[0]}\\right)`), code: (a) => (a.length === 2 ? `(Math.log(${a[0]}) / Math.log(${a[1]}))` : `Math.log(${a[0]})`),
    range: (u) => (u[0] > 0 ? [Math.log(u[0]), Math.log(u[1])] : ALL),
    // ∂/∂u log(u) = 1/u;  ∂/∂u log(u, c) = 1/(u·log c);  ∂/∂c log(u, c) = −log(u)/(c·log² c)
    derivative: {
      law: "log'(u) = 1/u",
      partial: (args, i, b) => {
        const u = args[0] as AnyNode;
        const c = args[1];
        if (c === undefined) return recip(u, b);
        if (i === 0) return recip(b.mul([u, b.fn('log', [c])]), b);
        return neg(b, div(b, b.fn('log', [u]), b.mul([c, sq(b.fn('log', [c]), b)])));
      },
    },
    series: (k, a) => (a.length === 2 ? k.div(k.log(u0(a)), k.log(a[1] as (typeof a)[number])) : k.log(u0(a))),
    simplify: (args, { b }) => {
      const [u, base] = args as [AnyNode, AnyNode | undefined];
      // log(u, c) = log(u)/log(c): one form for both, so like terms meet.
      if (base !== undefined) return b.mul([b.fn('log', [u]), b.pow(b.fn('log', [base]), MINUS_ONE)]);
      if (u.kind === 'fn' && u.name === 'exp') return u.args[0] as AnyNode;
      if (u.kind === 'num' && u.exact && u.value === 1) return ZERO;
      if (u.kind === 'sym' && u.name === 'e') return ONE;
      return undefined;
    },
    edges: (u) => [u],
  },
  log10: {
    arity: [1, 1], requires: 'positive', real: Math.log10, defined: (x) => x > 0, family: 'log', tex: '\\log_{10}', code: call('log10'),
    derivative: unary("log10'(u) = 1/(u*log(10))", (u, b) => recip(b.mul([u, b.fn('log', [int(10)])]), b)),
    series: (k, a) => k.div(k.log(u0(a)), k.apply('log', [k.constant(10)])),
    antiderivative: table('∫log10(u) du = (u*log(u) - u)/log(10)', (u, b) => div(b, sub(b, b.mul([u, b.fn('log', [u])]), u), b.fn('log', [int(10)]))),
    viaExpLog: ([u], b) => div(b, b.fn('log', [u as AnyNode]), b.fn('log', [int(10)])),
    edges: (u) => [u],
  },
  log2: {
    arity: [1, 1], requires: 'positive', real: Math.log2, defined: (x) => x > 0, family: 'log', tex: '\\log_{2}', code: call('log2'),
    derivative: unary("log2'(u) = 1/(u*log(2))", (u, b) => recip(b.mul([u, b.fn('log', [int(2)])]), b)),
    series: (k, a) => k.div(k.log(u0(a)), k.apply('log', [k.constant(2)])),
    antiderivative: table('∫log2(u) du = (u*log(u) - u)/log(2)', (u, b) => div(b, sub(b, b.mul([u, b.fn('log', [u])]), u), b.fn('log', [int(2)]))),
    viaExpLog: ([u], b) => div(b, b.fn('log', [u as AnyNode]), b.fn('log', [int(2)])),
    edges: (u) => [u],
  },
  log1p: {
    arity: [1, 1], real: Math.log1p, defined: (x) => x > -1, family: 'log', tex: (a) => `\\ln\\left(1 + ${a[0]}\\right)`, code: call('log1p'), atZero: 0,
    derivative: unary("log1p'(u) = 1/(1 + u)", (u, b) => recip(b.add([ONE, u]), b)),
    series: (k, a) => k.log(k.add(k.one, u0(a))),
    antiderivative: table('∫log1p(u) du = (1 + u)*log1p(u) - u', (u, b) => sub(b, b.mul([b.add([ONE, u]), b.fn('log1p', [u])]), u)),
    viaExpLog: ([u], b) => b.fn('log', [b.add([ONE, u as AnyNode])]),
    edges: (u, b) => [b.add([u, ONE])],
  },
  sqrt: {
    arity: [1, 1], requires: 'nonnegative', real: Math.sqrt, defined: (x) => x >= 0, family: 'root', tex: (a) => `\\sqrt{${a[0]}}`, code: call('sqrt'), range: () => [0, Infinity],
    derivative: unary("sqrt'(u) = 1/(2*sqrt(u))", (u, b) => recip(b.mul([int(2), b.fn('sqrt', [u])]), b)),
    series: (k, a) => k.power(u0(a), 1, 2),
    simplify: ([u], { b }) => b.pow(u as AnyNode, HALF),
    edges: (u) => [u],
  },
  cbrt: {
    arity: [1, 1], real: Math.cbrt, family: 'root', tex: (a) => `\\sqrt[3]{${a[0]}}`, code: call('cbrt'), atZero: 0, range: increasing(Math.cbrt),
    // cbrt'(u) = 1/(3·cbrt(u)²): +Infinity at 0, like sqrt and nthRoot (a vertical tangent).
    derivative: unary("cbrt'(u) = 1/(3*cbrt(u)^2)", (u, b) => recip(b.mul([int(3), sq(b.fn('cbrt', [u]), b)]), b)),
    series: (k, a) => k.root(u0(a), k.constant(3)),
    simplify: ([u]) => exactRoot(u, 3),
    antiderivative: table('∫cbrt(u) du = 3/4*u*cbrt(u)', (u, b) => b.mul([rational(3, 4), u, b.fn('cbrt', [u])])),
  },
  nthRoot: {
    arity: [1, 2], real: nthRootReal,
    // Defined wherever the real root is (x ≥ 0, or an odd index, or 1/n an integer), except 0 to a negative power.
    defined: (x, n = 2) => n !== 0 && !Number.isNaN(nthRootReal(x, n)) && !(x === 0 && n < 0),
    family: 'root', tex: (a) => `\\sqrt[${a[1] ?? '2'}]{${a[0]}}`,
    code: (a) => `nthRoot(${a[0]}, ${a[1] ?? '2'})`,
    codeHelper: 'const nthRoot = (x, n) => (x < 0 && Number.isInteger(n) && Math.abs(n % 2) === 1 ? -Math.pow(-x, 1 / n) : Math.pow(x, 1 / n));',
    // ∂/∂u ⁿ√u = 1/(n·ⁿ√u^(n−1)) (= ⁿ√u/(n·u) away from 0, and +Infinity at 0 like cbrt);
    // ∂/∂n ⁿ√u = −ⁿ√u·log|u|/n²
    derivative: {
      law: "nthRoot'(u, n) = 1/(n*nthRoot(u, n)^(n - 1))",
      partial: (args, i, b) => {
        const u = args[0] as AnyNode;
        const n = args[1] ?? int(2);
        const root = b.fn('nthRoot', [u, n]);
        if (i === 0) return recip(b.mul([n, b.pow(root, b.add([n, MINUS_ONE]))]), b);
        return neg(b, div(b, b.mul([root, b.fn('log', [b.fn('abs', [u])])]), sq(n, b)));
      },
    },
    series: (k, a) => k.root(u0(a), a[1] ?? k.constant(2)),
    simplify: ([u, n], { b }) => {
      if (n === undefined || (n.kind === 'num' && n.exact && n.value === 2)) return b.pow(u as AnyNode, HALF);
      return n.kind === 'num' && n.exact ? exactRoot(u, n.value) : undefined;
    },
    edges: (u) => [u],
  },
  abs: {
    arity: [1, 1], real: Math.abs, family: 'abs', tex: (a) => `\\left|${a[0]}\\right|`, code: call('abs'), atZero: 0, range: (u) => [u[0] <= 0 && u[1] >= 0 ? 0 : Math.min(Math.abs(u[0]), Math.abs(u[1])), Math.max(Math.abs(u[0]), Math.abs(u[1]))],
    // abs'(u) = sign(u): the one-sided slopes are ±1 and at 0 the convention is sign(0) = 0
    // (the subgradient autodiff uses), so d/dx x·|x| = |x| + x·sign(x) is 0 at 0, as it should be.
    derivative: unary("abs'(u) = sign(u)", (u, b) => b.fn('sign', [u])),
    series: (k, a) => k.abs(u0(a)),
    simplify: ([u], c) => {
      if (u?.kind === 'num') return u.value < 0 ? c.b.mul([MINUS_ONE, u]) : u;
      return u !== undefined && c.isNonNegative(u) ? u : undefined;
    },
    antiderivative: table('∫abs(u) du = u*abs(u)/2', (u, b) => b.mul([HALF, u, absOf(u, b)])),
  },
  sign: {
    arity: [1, 1], real: Math.sign, family: 'sign', tex: '\\operatorname{sgn}', code: call('sign'), atZero: 0, range: () => [-1, 1],
    // sign'(u) = 0 wherever it is differentiable (u ≠ 0); 0 at the jump by the same convention as abs.
    derivative: unary("sign'(u) = 0", () => ZERO),
    series: (k, a) => k.sign(u0(a)),
    simplify: ([u], c) => {
      if (u?.kind === 'num') return int(Math.sign(u.value));
      // Dropping u is only sound where u is always defined (sign(0^(−2)) stays undefined).
      return u !== undefined && c.isPositive(u) && c.isEverywhereDefined(u) ? ONE : undefined;
    },
    antiderivative: table('∫sign(u) du = abs(u)', (u, b) => absOf(u, b)),
    atInfinity: limits(constant(-1), constant(1)),
  },
  atan2: {
    arity: [2, 2], real: Math.atan2, family: 'inverse trig', tex: '\\operatorname{atan2}', code: (a) => `Math.atan2(${a[0]}, ${a[1]})`, range: () => [-Math.PI, Math.PI],
    // ∂/∂y atan2(y, x) = x/(x² + y²);  ∂/∂x atan2(y, x) = −y/(x² + y²)
    derivative: {
      law: "atan2'(y, x) = (x*dy - y*dx)/(x^2 + y^2)",
      partial: (args, i, b) => {
        const [y, x] = args as [AnyNode, AnyNode];
        const r2 = b.add([sq(x, b), sq(y, b)]);
        return i === 0 ? div(b, x, r2) : neg(b, div(b, y, r2));
      },
    },
    series: (k, a) => k.atan2(u0(a), a[1] as (typeof a)[number]),
  },
};

/** Own-property lookup, so names like "toString" or "constructor" never hit Object.prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The spec of a function by its canonical name. */
export function functionSpec(name: string): FunctionSpec | undefined {
  return lookup(FUNCTIONS, name);
}

/** Every accepted spelling (aliases included) to the canonical name: ln → log. */
export const FUNCTION_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(FUNCTIONS).flatMap(([name, spec]) => [[name, name] as const, ...(spec.aliases ?? []).map((alias) => [alias, name] as const)]),
);

/** Whether f is defined at every real argument (then dropping or cancelling it never widens a domain). */
export function isTotal(name: string): boolean {
  const spec = functionSpec(name);
  return spec !== undefined && spec.defined === undefined;
}
