import { checkVariable } from './derivative.js';
import { Add, type AnyNode, equal, type Expr, Fn, Mul, Pow } from './expr.js';
import { FUNCTIONS, functionSpec } from './functions.js';
import { HALF, int, MINUS_ONE } from './nodes.js';
import { toNode } from './parse.js';
import { intToNumber } from './rational.js';
import { simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

/** Variable names must be plain ASCII identifiers; the generated code never contains them. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that are valid identifiers but would alias built-in object machinery. */
const RESERVED = new Set([
  'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__', 'pi', 'e',
]);

/** A JS literal for a number, from the number itself (never from source text). */
function numberCode(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (v === Infinity) return '(1 / 0)';
  if (v === -Infinity) return '(-1 / 0)';
  const s = String(Math.abs(v));
  if (!/^[0-9.e+-]+$/.test(s)) throw new RangeError(`compile: cannot print number ${v}`);
  return v < 0 || Object.is(v, -0) ? `(-${s})` : s;
}

interface Entry {
  node: AnyNode;
  children: number[];
  uses: number;
  forceTemp: boolean;
}

function checkVars(vars: unknown): Map<string, number> {
  if (!Array.isArray(vars)) throw new TypeError(`compile: vars must be an array of variable names, got ${vars == null ? String(vars) : typeof vars}`);
  const index = new Map<string, number>();
  vars.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || !SAFE_NAME.test(name)) {
      throw new TypeError(`compile: vars[${i}] = ${JSON.stringify(name)} is not a safe variable name: expected /^[A-Za-z_][A-Za-z0-9_]*$/`);
    }
    if (RESERVED.has(name)) throw new TypeError(`compile: vars[${i}] = "${name}" is reserved: expected an ordinary variable name`);
    checkVariable(name, `compile: vars[${i}]`);
    if (index.has(name)) throw new TypeError(`compile: vars[${i}] = "${name}" is listed twice`);
    index.set(name, i);
  });
  return index;
}

/** Integer powers up to this size are written out as products; larger ones by repeated squaring. */
const UNROLLED = 4;

/**
 * Rewrite powers with integer and half-integer exponents into products, squares and
 * square roots, so the generated code never calls Math.pow for them:
 * t^(3/2) → t·sqrt(t), t^(−3/2) → 1/(t·sqrt(t)), x^10 → (x^2)^2^2·x^2. The square root is
 * one node, so sqrt(t) shared by t^(1/2) and t^(3/2) is computed once.
 */
function lowerPowers(root: AnyNode, memo: Map<AnyNode, AnyNode>): AnyNode {
  const go = (n: AnyNode): AnyNode => {
    if (n.kind === 'num' || n.kind === 'sym') return n;
    const hit = memo.get(n);
    if (hit !== undefined) return hit;
    let r: AnyNode;
    switch (n.kind) {
      case 'add':
      case 'mul':
      case 'fn': {
        const args = n.args.map(go);
        // sqrt(u) is u^(1/2), so that it is shared with u^(3/2) = u·sqrt(u).
        if (n.kind === 'fn' && n.name === 'sqrt' && args.length === 1) r = new Pow(args[0] as AnyNode, HALF);
        else r = n.kind === 'fn' ? new Fn(n.name, args) : n.kind === 'add' ? new Add(args) : new Mul(args);
        break;
      }
      case 'pow': {
        // A constant exponent as written ((-3/2), 1/2 + 1) is folded to its number first.
        const exp = go(n.exp);
        const folded = exp.kind !== 'num' && collectSymbols(exp).length === 0 ? simplifyNode(exp) : exp;
        r = lowerPower(go(n.base), folded.kind === 'num' ? folded : exp);
        break;
      }
    }
    memo.set(n, r);
    return r;
  };
  return go(root);
}

function lowerPower(base: AnyNode, exp: AnyNode): AnyNode {
  if (exp.kind !== 'num' || !exp.exact || !(exp.q === 1 || exp.q === 2)) return new Pow(base, exp);
  const twice = intToNumber(exp.p) * (exp.q === 1 ? 2 : 1);
  if (Math.abs(twice) > 2 ** 20) return new Pow(base, exp);
  const whole = Math.trunc(Math.abs(twice) / 2);
  const factors: AnyNode[] = [];
  if (whole > 0) factors.push(integerPower(base, whole));
  if (Math.abs(twice) % 2 === 1) factors.push(new Pow(base, HALF));
  const magnitude = factors.length === 1 ? (factors[0] as AnyNode) : new Mul(factors);
  return twice < 0 ? new Pow(magnitude, MINUS_ONE) : magnitude;
}

/** base^k (k ≥ 1) as small powers and repeated squares: x^13 = ((x^2)^2)^2 · (x^2)^2 · x. */
function integerPower(base: AnyNode, k: number): AnyNode {
  if (k <= UNROLLED) return k === 1 ? base : new Pow(base, int(k));
  const factors: AnyNode[] = [];
  let square = base;
  for (let bit = k; bit > 0; bit >>= 1) {
    if (bit & 1) factors.push(square);
    square = new Pow(square, int(2));
  }
  return factors.length === 1 ? (factors[0] as AnyNode) : new Mul(factors);
}

/**
 * Generate the body of the compiled function: shared subexpressions become `const tK`,
 * variables are read once as `aK = v[K]` (checked to be numbers), everything else comes from
 * the registry's code templates.
 */
function generate(roots: readonly AnyNode[], index: ReadonlyMap<string, number>, vector: boolean): string {
  const entries: Entry[] = [];
  const buckets = new Map<number, number[]>();
  const intern = (n: AnyNode): number => {
    const children = n.kind === 'pow' ? [intern(n.base), intern(n.exp)] : n.kind === 'num' || n.kind === 'sym' ? [] : n.args.map(intern);
    const list = buckets.get(n.hash) ?? [];
    for (const id of list) if (equal((entries[id] as Entry).node, n)) return id;
    entries.push({ node: n, children, uses: 0, forceTemp: false });
    list.push(entries.length - 1);
    buckets.set(n.hash, list);
    return entries.length - 1;
  };
  const lowered = new Map<AnyNode, AnyNode>();
  const rootIds = roots.map((r) => intern(lowerPowers(r, lowered)));
  for (const e of entries) {
    for (const c of e.children) (entries[c] as Entry).uses++;
    // Small integer powers are multiplied out, so their base must be computed once.
    if (e.node.kind === 'pow' && e.node.exp.kind === 'num' && Number.isInteger(e.node.exp.value) && Math.abs(e.node.exp.value) <= UNROLLED) {
      (entries[e.children[0] as number] as Entry).forceTemp = true;
    }
  }
  for (const id of rootIds) (entries[id] as Entry).uses++;

  const lines: string[] = [];
  const code: string[] = [];
  let temps = 0;
  const helpers = new Set<string>();
  const integerExponent = (f: AnyNode): number => (f.kind === 'pow' && f.exp.kind === 'num' && Number.isInteger(f.exp.value) ? f.exp.value : NaN);
  entries.forEach((e, id) => {
    const c = (k: number): string => code[e.children[k] as number] as string;
    const n = e.node;
    let s: string;
    switch (n.kind) {
      case 'num':
        s = numberCode(n.value);
        break;
      case 'sym': {
        const i = index.get(n.name);
        if (i !== undefined) s = `a${i}`;
        else if (n.name === 'pi') s = 'Math.PI';
        else if (n.name === 'e') s = 'Math.E';
        else throw new RangeError(`compile: symbol "${n.name}" is not in vars [${[...index.keys()].join(', ')}]`);
        break;
      }
      case 'add':
        s = '(' + e.children.map((_, k) => c(k)).join(' + ') + ')';
        break;
      case 'mul': {
        // Factors with small negative integer exponents go under one division.
        const num: string[] = [];
        const den: string[] = [];
        let negate = false;
        n.args.forEach((f, k) => {
          const exponent = integerExponent(f);
          if (k === 0 && f.kind === 'num' && f.value === -1) {
            negate = true;
          } else if (exponent < 0 && exponent >= -UNROLLED) {
            const base = code[(entries[e.children[k] as number] as Entry).children[0] as number] as string;
            den.push(Array.from({ length: -exponent }, () => base).join(' * '));
          } else {
            num.push(c(k));
          }
        });
        const top = num.length === 0 ? '1' : num.join(' * ');
        const quotient = den.length === 0 ? top : `${top} / ${den.length === 1 && !den[0]?.includes(' ') ? den[0] : '(' + den.join(' * ') + ')'}`;
        s = negate ? `(-(${quotient}))` : `(${quotient})`;
        break;
      }
      case 'pow': {
        const b = c(0);
        const k = integerExponent(n);
        if (k !== 0 && Math.abs(k) <= UNROLLED) {
          const prod = Array.from({ length: Math.abs(k) }, () => b).join(' * ');
          s = k > 0 ? `(${prod})` : `(1 / (${prod}))`;
        } else if (n.exp.kind === 'num' && n.exp.exact && n.exp.p === 1 && n.exp.q === 2) s = `Math.sqrt(${b})`;
        else s = `Math.pow(${b}, ${c(1)})`;
        break;
      }
      case 'fn': {
        const spec = functionSpec(n.name);
        if (spec === undefined) throw new RangeError(`compile: function "${n.name}" cannot be compiled: expected one of ${Object.keys(FUNCTIONS).join(', ')}`);
        if (spec.codeHelper !== undefined) helpers.add(spec.codeHelper);
        s = spec.code(e.children.map((_, k) => c(k)));
        break;
      }
    }
    const leaf = n.kind === 'num' || n.kind === 'sym';
    if (!leaf && (e.uses > 1 || e.forceTemp)) {
      const name = `t${temps++}`;
      lines.push(`const ${name} = ${s};`);
      code[id] = name;
    } else {
      code[id] = s;
    }
  });
  const results = rootIds.map((id) => code[id] as string);
  const count = index.size;
  const reads = Array.from({ length: count }, (_, i) => `const a${i} = v[${i}];`);
  const checks = Array.from({ length: count }, (_, i) => `if (typeof a${i} !== "number") notNumber(${i}, a${i});`);
  const body = vector
    ? [...lines, `const out = new Float64Array(${results.length});`, ...results.map((r, i) => `out[${i}] = ${r};`), 'return out;']
    : [...lines, `return ${results[0]};`];
  return [
    '"use strict";',
    ...helpers,
    'return function compiled(v) {',
    `if (v == null || typeof v.length !== "number") notArray(v);`,
    `if (v.length < ${count}) throw new RangeError("compiled function: expected ${count} values, got " + v.length);`,
    ...reads,
    ...checks,
    ...body,
    '};',
  ].join('\n');
}

/** Runtime errors of a compiled function, kept out of the generated source (they see the names). */
function errorHelpers(names: readonly string[]): { notArray: (v: unknown) => never; notNumber: (i: number, value: unknown) => never } {
  const describe = (value: unknown): string => (typeof value === 'string' ? `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}` : value == null ? String(value) : typeof value);
  return {
    notArray: (v) => {
      throw new TypeError(`compiled function: expected an array (or typed array) of ${names.length} numbers for [${names.join(', ')}], got ${describe(v)}`);
    },
    notNumber: (i, value) => {
      throw new TypeError(`compiled function: values[${i}] (${names[i]}) is ${describe(value)}: expected a number`);
    },
  };
}

/**
 * Compile an expression (or a list of them) to a fast JavaScript function of an array of
 * values, in the order of `vars`. Repeated subexpressions are computed once; integer and
 * half-integer powers become multiplications and Math.sqrt. The source is assembled only from
 * the registry's fixed templates, numbers and `v[index]` reads, so variable names never reach
 * the generated code; unsafe names (`constructor`, `__proto__`, `NaN`, non-ASCII, …) are
 * rejected. The compiled function checks its input: an array-like of numbers, or a TypeError.
 *
 * @throws {TypeError} for an unsafe or duplicate variable name.
 * @throws {RangeError} for a free symbol missing from `vars`.
 * @example
 * ```ts
 * const f = compile('x^2 + y', ['x', 'y']);
 * f([3, 1]); // 10
 * const g = compile(['x + y', 'x*y'], ['x', 'y']);
 * g([2, 3]); // Float64Array [5, 6]
 * ```
 */
export function compile(exprs: readonly (Expr | string)[], vars: readonly string[]): (values: ArrayLike<number>) => Float64Array;
export function compile(expr: Expr | string, vars: readonly string[]): (values: ArrayLike<number>) => number;
export function compile(
  exprs: Expr | string | readonly (Expr | string)[],
  vars: readonly string[],
): ((values: ArrayLike<number>) => number) | ((values: ArrayLike<number>) => Float64Array) {
  const index = checkVars(vars);
  const vector = Array.isArray(exprs);
  const roots = (vector ? (exprs as readonly (Expr | string)[]) : [exprs as Expr | string]).map((e) => toNode(e, 'compile'));
  const source = generate(roots, index, vector);
  const { notArray, notNumber } = errorHelpers([...index.keys()]);
  const factory = new Function('notArray', 'notNumber', source) as (a: typeof notArray, n: typeof notNumber) => (values: ArrayLike<number>) => number | Float64Array;
  return factory(notArray, notNumber) as ((values: ArrayLike<number>) => number) | ((values: ArrayLike<number>) => Float64Array);
}
