import { evaluate, freeSymbols, parse, ParseError, type Expr } from '@slope/symbolic';
import { createRng } from '@slope/models';
import { formatNumber } from '../dom.js';
import type { ChoiceField, ExpressionField, Field, NumberField, Tolerance, Variable } from './types.js';

/** Where a wrong expression and the expected one part: the point and both values there. */
export interface Mismatch {
  readonly point: Readonly<Record<string, number>>;
  readonly yours: number;
  readonly expected: number;
}

/** The outcome of checking one typed (or chosen) answer. */
export type Verdict =
  | { readonly status: 'right'; readonly message: string }
  | { readonly status: 'wrong'; readonly message: string; readonly hint?: string; readonly at?: Mismatch }
  | { readonly status: 'invalid'; readonly message: string; readonly position?: number };

/** How many random points an expression is compared at, and how many must be usable. */
export const TEST_POINTS = 12;
const MIN_DEFINED_POINTS = 8;
/** Two values of equivalent expressions agree to rounding: 1e-6 relative, 1e-9 of the answer's scale absolute. */
const RELATIVE_AGREEMENT = 1e-6;
const ABSOLUTE_AGREEMENT = 1e-9;
/** Off by less than this everywhere, an answer is "nearly" right: usually a rounded constant. */
const NEARLY = 1e-2;

type Parsed = { ok: true; expr: Expr } | { ok: false; verdict: Verdict };

function parseAnswer(input: string): Parsed {
  if (input.trim() === '') return { ok: false, verdict: { status: 'invalid', message: 'Type an answer first.' } };
  try {
    return { ok: true, expr: parse(input) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, verdict: { status: 'invalid', message: e.message, position: e.position } };
    throw e;
  }
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/** `name` split into allowed names run together (`xy` → x, y), when it is one: the learner meant a product. */
function runTogether(name: string, allowed: readonly string[]): string[] | undefined {
  for (const a of allowed) {
    if (a === '' || !name.startsWith(a)) continue;
    if (name === a) return [a];
    const rest = runTogether(name.slice(a.length), allowed);
    if (rest !== undefined) return [a, ...rest];
  }
  return undefined;
}

function unknownSymbols(expr: Expr, allowed: readonly string[]): Verdict | undefined {
  const unknown = freeSymbols(expr).filter((s) => !allowed.includes(s));
  if (unknown.length === 0) return undefined;
  const uses = `Your answer uses ${list(unknown)}`;
  if (allowed.length === 0) return { status: 'invalid', message: `${uses}, but this answer is a number: type its value (pi, e, sqrt(2) and fractions are fine).` };
  const product = unknown.map((s) => [s, runTogether(s, allowed)] as const).find(([, parts]) => parts !== undefined);
  const tip = product?.[1] === undefined ? '' : ` To multiply, write a * between the letters (${product[1].join('*')} rather than ${product[0]}).`;
  return { status: 'invalid', message: `${uses}, which ${unknown.length === 1 ? 'is' : 'are'} not defined here: use ${list(allowed)}.${tip}` };
}

/**
 * Two numbers formatted with just enough significant digits (4 to 12) to tell them apart.
 *
 * @example
 * ```ts
 * formatApart(2.10003, 2.10007); // ['2.10003', '2.10007']
 * ```
 */
export function formatApart(a: number, b: number): [string, string] {
  for (let digits = 4; digits <= 12; digits++) {
    const pair: [string, string] = [formatValue(a, digits), formatValue(b, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [formatValue(a, 15), formatValue(b, 15)];
}

function formatValue(v: number, digits = 6): string {
  if (Number.isNaN(v)) return 'no real value';
  if (!Number.isFinite(v)) return 'an infinite value';
  return formatNumber(v, digits);
}

/**
 * Whether `yours` is within `tolerance` of `exact`. A value exactly on the edge passes
 * ("to 3 decimal places" with ±0.0005 accepts 1.063 for 1.0625), whatever float64 rounding
 * made of the difference.
 *
 * @example
 * ```ts
 * withinTolerance(1.063, 1.0625, { absolute: 5e-4 }); // true
 * withinTolerance(1.0631, 1.0625, { absolute: 5e-4 }); // false
 * ```
 */
export function withinTolerance(yours: number, exact: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(yours) || !Number.isFinite(exact)) return false;
  const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(exact));
  const slack = 1e-12 * Math.max(1, Math.abs(exact));
  return Math.abs(yours - exact) <= allowed + slack;
}

/**
 * The tolerance in words, as the question states it.
 *
 * @example
 * ```ts
 * describeTolerance({ absolute: 0.001 }); // 'answers within ±0.001 pass'
 * ```
 */
export function describeTolerance(tolerance: Tolerance): string {
  const parts: string[] = [];
  if (tolerance.absolute !== undefined) parts.push(tolerance.absolute === 0 ? 'exactly' : `within ±${formatNumber(tolerance.absolute)}`);
  if (tolerance.relative !== undefined) parts.push(`within ${formatNumber(tolerance.relative * 100)}%`);
  return parts.length === 0 ? 'exact answers pass' : `answers ${parts.join(' or ')} pass`;
}

/** The constant value of a parsed answer; NaN or ±Infinity when it has none. */
function constantValue(expr: Expr): number {
  return evaluate(expr, {});
}

/**
 * Checks a typed number, which may be written as an expression (`-1/e`, `1.5*sqrt(2) + 4*pi`),
 * against the field's exact value and tolerance; a known mistake earns its diagnosis.
 *
 * @example
 * ```ts
 * checkNumber(field, '14.688').status; // 'right' for f′(2) = 1.5√2 + 4π ≈ 14.68769 within ±0.001
 * ```
 */
export function checkNumber(field: NumberField, input: string): Verdict {
  const parsed = parseAnswer(input);
  if (!parsed.ok) return parsed.verdict;
  const unknown = unknownSymbols(parsed.expr, []);
  if (unknown !== undefined) return unknown;
  const yours = constantValue(parsed.expr);
  if (!Number.isFinite(yours)) return { status: 'invalid', message: `${input.trim()} has ${formatValue(yours)} (a division by zero, or a root or log of a negative number?): type a finite number.` };
  const exact = constantValue(parse(field.answer));
  const rule = describeTolerance(field.tolerance);
  if (withinTolerance(yours, exact, field.tolerance)) {
    return { status: 'right', message: `Right: ${formatValue(yours)} (the exact value is ${formatValue(exact, 8)}; ${rule}).` };
  }
  const [y, x] = formatApart(yours, exact);
  const mistake = field.wrong.find((m) => {
    const v = constantValue(parse(m.answer));
    return m.why !== undefined && (withinTolerance(yours, v, field.tolerance) || withinTolerance(yours, v, { relative: 1e-9 }));
  });
  return { status: 'wrong', message: `Not right: you gave ${y}, the answer is ${x} (${rule}).`, ...(mistake?.why === undefined ? {} : { hint: mistake.why }) };
}

/** Every name a variable may be typed as. */
function spellings(v: Variable): string[] {
  return [v.name, ...(v.aliases ?? [])];
}

/**
 * `count` points drawn uniformly from the variables' intervals with a seeded generator, each
 * coordinate rounded to 3 significant digits so that feedback quotes a readable point.
 *
 * @example
 * ```ts
 * samplePoints([{ name: 'x', from: -2, to: 2 }], 3, 1); // e.g. [{ x: 0.731 }, { x: -1.52 }, { x: 0.0412 }]
 * ```
 */
export function samplePoints(variables: readonly Variable[], count: number, seed: number): Record<string, number>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const point: Record<string, number> = {};
    for (const v of variables) {
      const raw = v.from + (v.to - v.from) * rng.uniform();
      point[v.name] = Math.min(v.to, Math.max(v.from, Number(raw.toPrecision(3))));
    }
    return point;
  });
}

/** The outcome of comparing two expressions by value. */
export type Comparison =
  | { readonly equal: true; readonly points: number }
  | { readonly equal: false; readonly at: Mismatch; readonly nearly: boolean };

/** Compiled knowledge of a field's variables: how to evaluate an expression at a point. */
interface Evaluator {
  at(expr: Expr, point: Readonly<Record<string, number>>): number;
}

function evaluator(variables: readonly Variable[], definitions: Readonly<Record<string, string>>): Evaluator {
  const defs = Object.entries(definitions).map(([name, src]) => [name, parse(src)] as const);
  return {
    at(expr, point) {
      const scope: Record<string, number> = {};
      for (const v of variables) for (const s of spellings(v)) scope[s] = point[v.name] ?? NaN;
      for (const [name, def] of defs) scope[name] = evaluate(def, scope);
      return evaluate(expr, scope);
    },
  };
}

/**
 * Compares `yours` with `expected` at {@link TEST_POINTS} random points of the variables'
 * intervals. Points where the expected answer has no value are skipped; where it has one,
 * yours must have the same (to 1e-6 relative), so an answer undefined there is wrong. The
 * first point where they differ is reported.
 *
 * @throws Error when the expected answer is undefined at so many points that the comparison
 * would prove nothing (a fault in the question, not the answer).
 * @example
 * ```ts
 * compareByValue(parse('x+x'), parse('2*x'), [{ name: 'x', from: -2, to: 2 }]).equal; // true
 * ```
 */
export function compareByValue(
  yours: Expr,
  expected: Expr,
  variables: readonly Variable[],
  definitions: Readonly<Record<string, string>> = {},
  seed = 1,
): Comparison {
  const ev = evaluator(variables, definitions);
  const rows = samplePoints(variables, TEST_POINTS, seed)
    .map((point) => ({ point, expected: ev.at(expected, point), yours: ev.at(yours, point) }))
    .filter((r) => Number.isFinite(r.expected));
  if (rows.length < MIN_DEFINED_POINTS) {
    throw new Error(`compareByValue: ${expected.toString()} has a value at only ${rows.length} of ${TEST_POINTS} test points; choose intervals where it is defined`);
  }
  const scale = Math.max(...rows.map((r) => Math.abs(r.expected)));
  let first: Mismatch | undefined;
  let nearly = true;
  for (const r of rows) {
    const diff = Math.abs(r.yours - r.expected);
    const ok = Number.isFinite(r.yours) && diff <= RELATIVE_AGREEMENT * Math.max(Math.abs(r.yours), Math.abs(r.expected)) + ABSOLUTE_AGREEMENT * scale;
    if (ok) continue;
    first ??= r;
    if (!(diff <= NEARLY * Math.max(Math.abs(r.expected), ABSOLUTE_AGREEMENT * scale))) nearly = false;
  }
  return first === undefined ? { equal: true, points: rows.length } : { equal: false, at: first, nearly };
}

function describePoint(point: Readonly<Record<string, number>>, variables: readonly Variable[]): string {
  const names = variables.map((v) => v.name);
  const values = variables.map((v) => formatNumber(point[v.name] ?? NaN));
  return names.length === 1 ? `${names[0]} = ${values[0]}` : `(${names.join(', ')}) = (${values.join(', ')})`;
}

/**
 * Checks a typed expression against the field's answer by value at random points (seeded),
 * so that any equivalent form passes: `x+x` for `2*x`, `1-cos(x)^2` for `sin(x)^2`. A wrong
 * answer is told where the values part; a known mistake also earns its diagnosis.
 *
 * @example
 * ```ts
 * checkExpression(field, '2*(x+1)*exp((x+1)^2)').status; // 'right' for d/dx e^{(x+1)²}
 * ```
 */
export function checkExpression(field: ExpressionField, input: string, seed = 1): Verdict {
  const parsed = parseAnswer(input);
  if (!parsed.ok) return parsed.verdict;
  const definitions = field.definitions ?? {};
  const allowed = [...field.variables.flatMap(spellings), ...Object.keys(definitions)];
  const unknown = unknownSymbols(parsed.expr, allowed);
  if (unknown !== undefined) return unknown;
  const compared = compareByValue(parsed.expr, parse(field.answer), field.variables, definitions, seed);
  if (compared.equal) return { status: 'right', message: `Right: your answer equals the expected one at all ${compared.points} test points.` };
  const { at } = compared;
  const [y, x] = formatApart(at.yours, at.expected);
  const yoursText = Number.isFinite(at.yours) ? `your answer gives ${y}` : `your answer has ${y}`;
  const message = `Not right: at ${describePoint(at.point, field.variables)} ${yoursText}, the expected ${x}.`;
  const mistake = field.wrong.find((m) => m.why !== undefined && compareByValue(parsed.expr, parse(m.answer), field.variables, definitions, seed).equal);
  const hint = mistake?.why ?? (compared.nearly ? 'It is within 1% everywhere: did you round a constant? Type exact values such as 1/3, pi, e or sqrt(2).' : undefined);
  return { status: 'wrong', message, at, ...(hint === undefined ? {} : { hint }) };
}

/**
 * Checks the id of the chosen option.
 *
 * @example
 * ```ts
 * checkChoice(field, 'saddle').status; // 'right' when the answer is the saddle
 * ```
 */
export function checkChoice(field: ChoiceField, input: string): Verdict {
  const chosen = field.options.find((o) => o.id === input);
  if (chosen === undefined) return { status: 'invalid', message: 'Choose one of the options first.' };
  if (chosen.id === field.answer) return { status: 'right', message: 'Right.' };
  const why = field.wrong.find((m) => m.answer === chosen.id)?.why;
  return { status: 'wrong', message: 'Not right.', ...(why === undefined ? {} : { hint: why }) };
}

/**
 * Checks one field of a question: a number, an expression or a choice. `seed` picks the
 * random test points of an expression.
 *
 * @example
 * ```ts
 * checkField(question.fields[0], 'x+x').status; // 'right' | 'wrong' | 'invalid'
 * ```
 */
export function checkField(field: Field, input: string, seed = 1): Verdict {
  switch (field.kind) {
    case 'number':
      return checkNumber(field, input);
    case 'expression':
      return checkExpression(field, input, seed);
    case 'choice':
      return checkChoice(field, input);
  }
}
