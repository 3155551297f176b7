import { type Approach, oneSidedLimit, type OneSided, Undecidable } from './asymptotic.js';
import { isPositive } from './bounds.js';
import { checkVariable, guardStack } from './derivative.js';
import { isEverywhereDefined } from './domain.js';
import { IntegrationError, SeriesError } from './errors.js';
import { constantsOnly, evaluateDefined } from './evaluate.js';
import { type AnyNode, equal, type Expr } from './expr.js';
import { type Antiderivative, findAntiderivative } from './find-antiderivative.js';
import { functionSpec } from './functions.js';
import { expand, tidy } from './integration-rewrites.js';
import { limit } from './limit.js';
import { float, HALF, int, isExactZero, MINUS_ONE, rational, sym, ZERO } from './nodes.js';
import { excerpt, toNode } from './parse.js';
import { factorOverQ, fractionNode, qMul, qSign, qSub, toRationalFunction } from './polynomial.js';
import { integrateFunction, type QuadResult } from './quad.js';
import type { Fraction } from './rational.js';
import { exactPoint } from './series.js';
import { canonical, simplifyNode, substituteNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/** A bound of a definite integral: a number (±Infinity allowed) or a constant expression such as 'pi/2'. */
export type Bound = number | Expr | string;

const b = canonical;

/** One end of a piece: where, from which side, and F's value or limit there. */
export interface EndpointValue {
  /** The point: an exact constant, or ±Infinity. */
  readonly at: AnyNode;
  /** 'value' when F is evaluated there, 'limit' when it is a one-sided limit. */
  readonly how: 'value' | 'limit';
  readonly side: 1 | -1;
  readonly value: AnyNode;
}

/** A definite integral, with how it was found. */
export interface DefiniteResult {
  readonly value: AnyNode;
  readonly numeric: number;
  readonly method: 'fundamental theorem' | 'gaussian integral';
  readonly antiderivative?: Antiderivative;
  /** The stretches where the integrand is continuous, each evaluated as F(q⁻) − F(p⁺). */
  readonly pieces: readonly { readonly from: EndpointValue; readonly to: EndpointValue }[];
  /** The law used by the Gaussian rule. */
  readonly law?: string;
  /** The numerical cross-check (where it could run). */
  readonly check?: QuadResult;
}

interface ParsedBound {
  readonly node: AnyNode;
  readonly value: number;
}

const INFINITY = float(Infinity);
const MINUS_INFINITY = float(-Infinity);

function parseBound(v: Bound, which: string, where: string): ParsedBound {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new TypeError(`${where}: the bound ${which} is NaN: expected a number, ±Infinity or a constant expression`);
    if (v === Infinity) return { node: INFINITY, value: v };
    if (v === -Infinity) return { node: MINUS_INFINITY, value: v };
    return { node: exactPoint(v), value: v };
  }
  const node = simplifyNode(toNode(v, where));
  const free = collectSymbols(node);
  if (free.length > 0) throw new TypeError(`${where}: the bound ${which} = ${node.toString()} has symbols ${free.join(', ')}: expected a number or a constant expression such as 'pi/2'`);
  const value = evaluateDefined(node, constantsOnly);
  if (!Number.isFinite(value)) throw new TypeError(`${where}: the bound ${which} = ${node.toString()} has no finite value: expected a number, ±Infinity or a constant expression`);
  return { node, value };
}

const dependsOn = (n: AnyNode, x: string): boolean => collectSymbols(n).includes(x);

// ---- the Gaussian integral

/** The coefficients [c0, c1, c2] of n as a quadratic polynomial in x (symbolic coefficients allowed). */
function quadraticIn(n: AnyNode, x: string): [AnyNode, AnyNode, AnyNode] | undefined {
  const e = expand(n);
  const coefficients: AnyNode[][] = [[], [], []];
  for (const t of e.kind === 'add' ? e.args : [e]) {
    const factors = t.kind === 'mul' ? t.args : [t];
    let degree = 0;
    const rest: AnyNode[] = [];
    for (const f of factors) {
      if (f.kind === 'sym' && f.name === x) degree += 1;
      else if (f.kind === 'pow' && f.base.kind === 'sym' && f.base.name === x && f.exp.kind === 'num' && f.exp.exact && f.exp.q === 1) degree += f.exp.value;
      else if (dependsOn(f, x)) return undefined;
      else rest.push(f);
    }
    if (degree < 0 || degree > 2) return undefined;
    (coefficients[degree] as AnyNode[]).push(b.mul(rest));
  }
  return coefficients.map((c) => b.add(c)) as [AnyNode, AnyNode, AnyNode];
}

/** Positive wherever it has a value: positive constants, even powers with a negative exponent, products of such. */
function positiveWhereDefined(n: AnyNode): boolean {
  if (isPositive(n)) return true;
  if (n.kind === 'pow') return n.exp.kind === 'num' && n.exp.exact && n.exp.q === 1 && n.exp.value < 0 && n.exp.value % 2 === 0;
  if (n.kind === 'mul') return n.args.every(positiveWhereDefined);
  return false;
}

/** sqrt of a product of non-negative factors, factor by factor: sqrt(2·pi·sigma^2) = sqrt(2)·sqrt(pi)·|sigma|. */
function sqrtOfProduct(n: AnyNode): AnyNode {
  const factors = n.kind === 'mul' ? n.args : [n];
  const out: AnyNode[] = [];
  const inside: AnyNode[] = [];
  for (const f of factors) {
    if (f.kind === 'pow' && f.exp.kind === 'num' && f.exp.exact && f.exp.q === 1 && f.exp.value % 2 === 0) out.push(b.pow(b.fn('abs', [f.base]), int(f.exp.value / 2)));
    else if (isPositive(f)) out.push(b.pow(f, HALF));
    else inside.push(f);
  }
  if (inside.length > 0) out.push(b.pow(b.mul(inside), HALF));
  return b.mul(out);
}

/**
 * ∫ c·exp(A x² + B x + C) dx over ℝ = c·sqrt(π/(−A))·exp(C − B²/(4A)) for A < 0 (and half of
 * it over a half-line when B = 0): the known result, which the polar-coordinates argument
 * proves. Undefined when the integrand is not of that form.
 */
function gaussian(f: AnyNode, x: string, lo: number, hi: number): { value: AnyNode; law: string } | undefined {
  const whole = lo === -Infinity && hi === Infinity;
  const half = (lo === 0 && hi === Infinity) || (lo === -Infinity && hi === 0);
  if (!whole && !half) return undefined;
  const factors = f.kind === 'mul' ? f.args : [f];
  const exps = factors.filter((g) => g.kind === 'fn' && g.name === 'exp' && dependsOn(g, x));
  const rest = factors.filter((g) => !exps.includes(g));
  if (exps.length !== 1 || rest.some((g) => dependsOn(g, x))) return undefined;
  const q = quadraticIn((exps[0] as AnyNode & { args: readonly AnyNode[] }).args[0] as AnyNode, x);
  if (q === undefined) return undefined;
  const [C, B, A] = q;
  const minusA = b.mul([MINUS_ONE, A]);
  if (isExactZero(A) || !positiveWhereDefined(minusA)) return undefined;
  if (half && !isExactZero(B)) return undefined;
  const shift = b.add([C, b.mul([MINUS_ONE, b.pow(B, int(2)), b.pow(b.mul([int(4), A]), MINUS_ONE)])]);
  const root = b.mul([sqrtOfProduct(b.mul([sym('pi'), b.pow(minusA, MINUS_ONE)]))]);
  const value = b.mul([...rest, root, b.fn('exp', [shift]), ...(half ? [HALF] : [])]);
  return { value: tidy(value), law: whole ? '∫ exp(-a*x^2 + b*x + c) dx over ℝ = sqrt(pi/a)*exp(b^2/(4*a) + c) for a > 0 (the Gaussian integral)' : '∫ exp(-a*x^2) dx over a half-line = sqrt(pi/a)/2 for a > 0 (half the Gaussian integral)' };
}

// ---- where the integrand is singular

/** Real zeros of u in [lo, hi]: exact where u is a polynomial over ℚ or a sine/cosine of a linear function. */
function zerosOf(u: AnyNode, x: string, lo: number, hi: number, out: AnyNode[]): void {
  if (!dependsOn(u, x)) return;
  if (u.kind === 'mul') {
    for (const f of u.args) if (!(f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value < 0)) zerosOf(f, x, lo, hi, out);
    return;
  }
  if (u.kind === 'pow') {
    if (u.exp.kind === 'num' && u.exp.value > 0) zerosOf(u.base, x, lo, hi, out);
    else if (u.exp.kind !== 'num') throw new Undecidable(`the zeros of ${u.toString()}`);
    return;
  }
  if (u.kind === 'fn') {
    if (u.name === 'abs' || u.name === 'sinh' || u.name === 'tanh' || u.name === 'cbrt' || u.name === 'asinh' || u.name === 'atan') return zerosOf(u.args[0] as AnyNode, x, lo, hi, out);
    if (u.name === 'exp' || u.name === 'cosh') return;
    if (u.name === 'sin' || u.name === 'cos') return periodicZeros(u.args[0] as AnyNode, u.name === 'cos', x, lo, hi, out);
    if (u.name === 'log') return zerosOf(b.add([u.args[0] as AnyNode, MINUS_ONE]), x, lo, hi, out);
    throw new Undecidable(`the zeros of ${u.toString()}`);
  }
  if (u.kind === 'add' && trigPlusConstant(u, x, lo, hi, out)) return;
  const r = toRationalFunction(u, x);
  if (r === undefined) throw new Undecidable(`the zeros of ${u.toString()}`);
  const factors = factorOverQ(r.num);
  if (factors === undefined) throw new Undecidable(`the zeros of ${u.toString()} (it has a factor of degree 3 or more without rational roots)`);
  const push = (p: AnyNode): void => {
    const v = evaluateDefined(p, constantsOnly);
    if (v >= lo && v <= hi && !out.some((o) => equal(o, p))) out.push(p);
  };
  for (const { factor } of factors) {
    if (factor.kind === 'linear') push(fractionNode(factor.root));
    else {
      // x² + p x + q: real roots (−p ± sqrt(p² − 4q))/2 when the discriminant is positive
      const q0: Fraction = factor.poly[0] ?? [0, 1];
      const p0: Fraction = factor.poly[1] ?? [0, 1];
      const delta = qSub(qMul(p0, p0), qMul([4, 1], q0));
      if (qSign(delta) <= 0) continue;
      const root = b.pow(fractionNode(delta), HALF);
      for (const s of [-1, 1]) push(b.mul([HALF, b.add([fractionNode(qMul([-1, 1], p0)), b.mul([int(s), root])])]));
    }
  }
}

/**
 * Zeros of c + k·cos(L) or c + k·sin(L) (L linear): cos(L) = −c/k at L = ±acos(−c/k) + 2nπ,
 * sin(L) = −c/k at L = asin(−c/k) + 2nπ and π − asin(−c/k) + 2nπ. True when u has that form.
 */
function trigPlusConstant(u: AnyNode & { kind: 'add' }, x: string, lo: number, hi: number, out: AnyNode[]): boolean {
  const varying = u.args.filter((t) => dependsOn(t, x));
  if (varying.length !== 1) return false;
  const t = varying[0] as AnyNode;
  const factors = t.kind === 'mul' ? t.args : [t];
  const trig = factors.find((f) => f.kind === 'fn' && (f.name === 'sin' || f.name === 'cos'));
  if (trig === undefined || trig.kind !== 'fn' || factors.some((f) => f !== trig && dependsOn(f, x))) return false;
  const k = b.mul(factors.filter((f) => f !== trig));
  const c = b.add(u.args.filter((s) => s !== t));
  const ratio = b.mul([MINUS_ONE, c, b.pow(k, MINUS_ONE)]);
  const rv = evaluateDefined(ratio, constantsOnly);
  if (!Number.isFinite(rv)) throw new Undecidable(`the zeros of ${u.toString()}`);
  if (Math.abs(rv) > 1) return true;
  const L = trig.args[0] as AnyNode;
  const lin = quadraticIn(L, x);
  if (lin === undefined || !isExactZero(lin[2])) throw new Undecidable(`the zeros of ${u.toString()}`);
  const [c0, a] = [lin[0], lin[1]];
  const av = evaluateDefined(a, constantsOnly);
  const cv = evaluateDefined(c0, constantsOnly);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(av) || av === 0) throw new Undecidable(`the zeros of ${u.toString()} on an infinite interval`);
  const base = trig.name === 'cos' ? b.fn('acos', [ratio]) : b.fn('asin', [ratio]);
  const angles = trig.name === 'cos' ? [base, b.mul([MINUS_ONE, base])] : [base, b.add([sym('pi'), b.mul([MINUS_ONE, base])])];
  const span = [(av * lo + cv) / (2 * Math.PI), (av * hi + cv) / (2 * Math.PI)].sort((p, q) => p - q) as [number, number];
  if (span[1] - span[0] > 1000) throw new Undecidable('more than 2000 singular points in the interval');
  for (let n = Math.floor(span[0]) - 1; n <= Math.ceil(span[1]) + 1; n++) {
    for (const angle of angles) {
      const p = b.mul([b.add([angle, b.mul([int(2 * n), sym('pi')]), b.mul([MINUS_ONE, c0])]), b.pow(a, MINUS_ONE)]);
      const v = evaluateDefined(p, constantsOnly);
      if (v >= lo && v <= hi && !out.some((o) => equal(o, p) || Math.abs(evaluateDefined(o, constantsOnly) - v) < 1e-12 * Math.max(1, Math.abs(v)))) out.push(p);
    }
  }
  return true;
}

/** Zeros of sin(L) (L = kπ) or cos(L) (L = π/2 + kπ) for L = a·x + c linear. */
function periodicZeros(L: AnyNode, cosine: boolean, x: string, lo: number, hi: number, out: AnyNode[]): void {
  const r = quadraticIn(L, x);
  if (r === undefined || !isExactZero(r[2])) throw new Undecidable(`the zeros of a sine or cosine of ${L.toString()}`);
  const [c, a] = [r[0], r[1]];
  const av = evaluateDefined(a, constantsOnly);
  const cv = evaluateDefined(c, constantsOnly);
  if (!Number.isFinite(av) || !Number.isFinite(cv) || av === 0) throw new Undecidable(`the zeros of a sine or cosine of ${L.toString()}`);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Undecidable(`infinitely many singular points of ${cosine ? 'cos' : 'sin'}(${L.toString()})`);
  // x = (kπ + shift − c)/a
  const shift = cosine ? 0.5 : 0;
  const ks = [(av * lo + cv) / Math.PI - shift, (av * hi + cv) / Math.PI - shift].sort((p, q) => p - q) as [number, number];
  if (ks[1] - ks[0] > 2000) throw new Undecidable('more than 2000 singular points in the interval');
  for (let k = Math.floor(ks[0]) - 1; k <= Math.ceil(ks[1]) + 1; k++) {
    const p = b.mul([b.add([b.mul([b.add([int(k), rational(cosine ? 1 : 0, 2)]), sym('pi')]), b.mul([MINUS_ONE, c])]), b.pow(a, MINUS_ONE)]);
    const v = evaluateDefined(p, constantsOnly);
    if (v >= lo && v <= hi && !out.some((o) => equal(o, p))) out.push(p);
  }
}

/** Points of [lo, hi] where f may be singular or its domain may end: poles, zeros of log and root arguments, domain edges. */
function criticalPoints(f: AnyNode, x: string, lo: number, hi: number): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [f];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (!dependsOn(n, x)) continue;
    if (n.kind === 'pow') {
      stack.push(n.base, n.exp);
      const integerPositive = n.exp.kind === 'num' && n.exp.exact && n.exp.q === 1 && n.exp.value > 0;
      if (!integerPositive) zerosOf(n.base, x, lo, hi, out);
    } else if (n.kind === 'fn') {
      stack.push(...n.args);
      const spec = functionSpec(n.name);
      for (const e of spec?.edges?.(n.args[0] as AnyNode, b) ?? []) zerosOf(simplifyNode(e), x, lo, hi, out);
      if (spec?.defined !== undefined && spec.edges === undefined) throw new Undecidable(`the domain of ${n.name}`);
    } else if (n.kind === 'add' || n.kind === 'mul') {
      stack.push(...n.args);
    }
  }
  return out.sort((p, q) => evaluateDefined(p, constantsOnly) - evaluateDefined(q, constantsOnly));
}

// ---- one-sided limits of the antiderivative

function limitOf(F: AnyNode, x: string, at: AnyNode, side: 1 | -1): OneSided {
  const v = at.kind === 'num' ? at.value : NaN;
  const infinite = v === Infinity || v === -Infinity;
  // The series engine's limit first, where the point is a number it takes.
  if (infinite || (at.kind === 'num' && at.exact)) {
    try {
      const r = limit(F, x, v, infinite ? {} : { direction: side > 0 ? '+' : '-' });
      const n = r as AnyNode;
      if (n.kind === 'num' && !Number.isFinite(n.value)) return { kind: 'infinite', sign: n.value > 0 ? 1 : -1 };
      return { kind: 'finite', value: n };
    } catch (e) {
      if (!(e instanceof SeriesError)) throw e;
    }
  }
  const approach: Approach = infinite ? { at: 'infinity', side: v > 0 ? 1 : -1 } : { at, side };
  return oneSidedLimit(F, x, approach);
}

/** Interior sample points of (p, q), mapped from (0, 1) (open at infinite ends). */
function interior(p: number, q: number, n: number): number[] {
  const pts: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = (i - 0.5 + 0.123 * Math.sin(i)) / n;
    if (Number.isFinite(p) && Number.isFinite(q)) pts.push(p + (q - p) * t);
    else if (Number.isFinite(p)) pts.push(p + t / (1 - t));
    else if (Number.isFinite(q)) pts.push(q - t / (1 - t));
    else pts.push((2 * t - 1) / (1 - (2 * t - 1) ** 2));
  }
  return pts;
}

const pointText = (n: AnyNode): string => (n.kind === 'num' && !Number.isFinite(n.value) ? (n.value > 0 ? '∞' : '-∞') : n.toString());

/**
 * The definite integral of f from a to b (see {@link integrate}): the Gaussian rule over ℝ,
 * or F(b) − F(a) piece by piece between the integrand's singular points, with one-sided
 * limits where F cannot simply be evaluated; checked against adaptive quadrature.
 */
export function definiteIntegral(expr: Expr | string, variable: string, a: Bound, bound: Bound, where: string): DefiniteResult {
  const x = checkVariable(variable, where);
  const f = guardStack(where, () => simplifyNode(toNode(expr, where)));
  const A = parseBound(a, 'a', where);
  const B = parseBound(bound, 'b', where);
  const text = excerpt(f.toString(), 0);
  if (A.value === B.value) return { value: ZERO, numeric: 0, method: 'fundamental theorem', pieces: [] };
  if (A.value > B.value) {
    const r = definiteIntegral(f, x, bound, a, where);
    const value = tidy(b.mul([MINUS_ONE, r.value]));
    return { ...r, value, numeric: -r.numeric };
  }
  const range = `from ${pointText(A.node)} to ${pointText(B.node)}`;
  const params = collectSymbols(f).filter((s) => s !== x);
  const g = gaussian(f, x, A.value, B.value);
  if (g !== undefined) return finishGaussian(f, x, g, A, B, params, where, text, range);

  if (params.length > 0 && !isEverywhereDefined(f)) {
    throw new IntegrationError(`${where}: cannot decide ∫${text} d${x} ${range}: its singular points could depend on ${params.join(', ')}`, 'undecidable');
  }
  const anti = findAntiderivative(f, x, where);
  const F = anti.result;
  let points: AnyNode[];
  try {
    points = criticalPoints(f, x, A.value, B.value);
  } catch (e) {
    if (e instanceof Undecidable) throw new IntegrationError(`${where}: cannot decide ∫${text} d${x} ${range}: cannot locate ${e.message}`, 'undecidable');
    throw e;
  }
  const probe = probeValues(params);
  const resolve = (p: number) => (name: string): number => (name === x ? p : probe(name));
  const ends = [A.node, ...points.filter((p) => !equal(p, A.node) && !equal(p, B.node)), B.node];
  // A critical point is approached by a limit even where float64 happens to give finite values (tan at π/2).
  const critical = ends.map((e) => points.some((p) => equal(p, e)));
  const values = ends.map((e) => evaluateDefined(e, constantsOnly));
  const pieces: { from: EndpointValue; to: EndpointValue }[] = [];
  let total: AnyNode = ZERO;
  let numeric = 0;
  let worstCheck: QuadResult | undefined;
  for (let i = 0; i + 1 < ends.length; i++) {
    const [p, q] = [values[i] as number, values[i + 1] as number];
    if (!(q > p)) continue;
    for (const t of interior(p, q, 48)) {
      const fv = evaluateDefined(f, resolve(t));
      if (Number.isNaN(fv)) throw new IntegrationError(`${where}: ∫${text} d${x} ${range} is undefined: the integrand has no value at ${x} = ${t}`, 'undefined');
      if (!Number.isFinite(fv)) throw new IntegrationError(`${where}: cannot decide ∫${text} d${x} ${range}: the integrand is unbounded near ${x} = ${t}, which the analysis did not locate`, 'undecidable');
    }
    const from = endpoint(F, f, x, ends[i] as AnyNode, 1, critical[i] === true, resolve, where, text, range);
    const to = endpoint(F, f, x, ends[i + 1] as AnyNode, -1, critical[i + 1] === true, resolve, where, text, range);
    const piece = tidy(b.add([to.value, b.mul([MINUS_ONE, from.value])]));
    const pieceValue = evaluateDefined(piece, probe);
    if (!Number.isFinite(pieceValue)) {
      throw new IntegrationError(`${where}: cannot decide ∫${text} d${x} ${range}: the value ${excerpt(piece.toString(), 0)} on (${p}, ${q}) does not evaluate to a number`, 'undecidable');
    }
    const check = integrateFunction((t) => evaluateDefined(f, resolve(t)), p, q, 1e-10, 1e-10, 200_000);
    if (check.converged && Number.isFinite(pieceValue) && Math.abs(check.value - pieceValue) > 1e-7 * Math.max(1, Math.abs(pieceValue)) + 100 * check.error) {
      throw new IntegrationError(`${where}: refusing ∫${text} d${x} ${range}: the antiderivative gives ${pieceValue} on (${p}, ${q}) but numerical integration gives ${check.value} ± ${check.error.toExponential(1)} (the antiderivative may jump there)`, 'undecidable');
    }
    if (worstCheck === undefined || !check.converged || check.error > worstCheck.error) worstCheck = check;
    pieces.push({ from, to });
    total = b.add([total, piece]);
    numeric += pieceValue;
  }
  const value = tidy(simplifyNode(total));
  const exactNumeric = evaluateDefined(value, probe);
  return { value, numeric: Number.isFinite(exactNumeric) ? exactNumeric : numeric, method: 'fundamental theorem', antiderivative: anti, pieces, ...(worstCheck === undefined ? {} : { check: worstCheck }) };
}

/** F at one end of a piece: its value there when f and F are finite at the point, else the one-sided limit. */
function endpoint(F: AnyNode, f: AnyNode, x: string, at: AnyNode, side: 1 | -1, critical: boolean, resolve: (p: number) => (name: string) => number, where: string, text: string, range: string): EndpointValue {
  const v = at.kind === 'num' ? at.value : evaluateDefined(at, constantsOnly);
  if (Number.isFinite(v) && !critical) {
    const fv = evaluateDefined(f, resolve(v));
    const Fv = evaluateDefined(F, resolve(v));
    if (Number.isFinite(fv) && Number.isFinite(Fv)) {
      const value = tidy(substituteNode(F, new Map([[x, at]])));
      if (Number.isFinite(evaluateDefined(value, resolve(v)))) return { at, how: 'value', side, value };
    }
  }
  let r: OneSided;
  try {
    r = guardStack(where, () => limitOf(F, x, at, side));
  } catch (e) {
    if (e instanceof Undecidable) {
      throw new IntegrationError(`${where}: cannot decide ∫${text} d${x} ${range}: the limit of the antiderivative ${excerpt(F.toString(), 0)} as ${x} → ${pointText(at)}${Number.isFinite(v) ? (side > 0 ? '⁺' : '⁻') : ''} is undecidable (${e.message})`, 'undecidable');
    }
    throw e;
  }
  if (r.kind === 'infinite') {
    throw new IntegrationError(`${where}: ∫${text} d${x} ${range} diverges: the antiderivative ${excerpt(F.toString(), 0)} tends to ${r.sign > 0 ? '' : '-'}∞ as ${x} → ${pointText(at)}${Number.isFinite(v) ? (side > 0 ? '⁺' : '⁻') : ''}`, 'divergent');
  }
  return { at, how: 'limit', side, value: r.value };
}

/** Generic values for parameters in numerical checks. */
function probeValues(params: readonly string[]): (name: string) => number {
  const values = new Map(params.map((p, i) => [p, [1.3719, 0.7373, 2.2331, 1.9127][i % 4] as number]));
  return (name) => values.get(name) ?? constantsOnly(name);
}

function finishGaussian(f: AnyNode, x: string, g: { value: AnyNode; law: string }, A: ParsedBound, B: ParsedBound, params: readonly string[], where: string, text: string, range: string): DefiniteResult {
  const probe = probeValues(params);
  const numeric = evaluateDefined(g.value, probe);
  const check = integrateFunction((t) => evaluateDefined(f, (name) => (name === x ? t : probe(name))), A.value, B.value, 1e-10, 1e-10, 200_000);
  if (check.converged && Math.abs(check.value - numeric) > 1e-7 * Math.max(1, Math.abs(numeric)) + 100 * check.error) {
    throw new IntegrationError(`${where}: refusing ∫${text} d${x} ${range}: the Gaussian rule gives ${numeric} but numerical integration gives ${check.value}`, 'undecidable');
  }
  const end = (n: ParsedBound, side: 1 | -1): EndpointValue => ({ at: n.node, how: 'limit', side, value: ZERO });
  return { value: g.value, numeric, method: 'gaussian integral', pieces: [{ from: end(A, 1), to: end(B, -1) }], law: g.law, check };
}

