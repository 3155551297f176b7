import { equal, type AnyNode, type Expr } from './expr.js';
import { lookup } from './functions.js';
import { toNode } from './parse.js';

/** Variable names must be plain ASCII identifiers; the generated code never contains them. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that are valid identifiers but would alias built-in object machinery. */
const RESERVED = new Set([
  'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__', 'pi', 'e',
]);

/** Code templates: the only place function calls in generated source come from. */
const FUNCTION_CODE: Readonly<Record<string, (a: readonly string[]) => string>> = {
  sin: (a) => `Math.sin(${a[0]})`,
  cos: (a) => `Math.cos(${a[0]})`,
  tan: (a) => `Math.tan(${a[0]})`,
  sec: (a) => `(1 / Math.cos(${a[0]}))`,
  csc: (a) => `(1 / Math.sin(${a[0]}))`,
  cot: (a) => `(1 / Math.tan(${a[0]}))`,
  asin: (a) => `Math.asin(${a[0]})`,
  acos: (a) => `Math.acos(${a[0]})`,
  atan: (a) => `Math.atan(${a[0]})`,
  asec: (a) => `Math.acos(1 / ${a[0]})`,
  acsc: (a) => `Math.asin(1 / ${a[0]})`,
  acot: (a) => `Math.atan(1 / ${a[0]})`,
  sinh: (a) => `Math.sinh(${a[0]})`,
  cosh: (a) => `Math.cosh(${a[0]})`,
  tanh: (a) => `Math.tanh(${a[0]})`,
  sech: (a) => `(1 / Math.cosh(${a[0]}))`,
  csch: (a) => `(1 / Math.sinh(${a[0]}))`,
  coth: (a) => `(1 / Math.tanh(${a[0]}))`,
  asinh: (a) => `Math.asinh(${a[0]})`,
  acosh: (a) => `Math.acosh(${a[0]})`,
  atanh: (a) => `Math.atanh(${a[0]})`,
  asech: (a) => `Math.acosh(1 / ${a[0]})`,
  acsch: (a) => `Math.asinh(1 / ${a[0]})`,
  acoth: (a) => `Math.atanh(1 / ${a[0]})`,
  exp: (a) => `Math.exp(${a[0]})`,
  expm1: (a) => `Math.expm1(${a[0]})`,
  log: (a) => (a.length === 2 ? `(Math.log(${a[0]}) / Math.log(${a[1]}))` : `Math.log(${a[0]})`),
  log10: (a) => `Math.log10(${a[0]})`,
  log2: (a) => `Math.log2(${a[0]})`,
  log1p: (a) => `Math.log1p(${a[0]})`,
  sqrt: (a) => `Math.sqrt(${a[0]})`,
  cbrt: (a) => `Math.cbrt(${a[0]})`,
  nthRoot: (a) => `nthRoot(${a[0]}, ${a[1] ?? '2'})`,
  abs: (a) => `Math.abs(${a[0]})`,
  sign: (a) => `Math.sign(${a[0]})`,
  atan2: (a) => `Math.atan2(${a[0]}, ${a[1]})`,
};

/** Fixed helper source, included only when nthRoot is used (odd roots of negatives are real). */
const NTH_ROOT_HELPER =
  'const nthRoot = (x, n) => (x < 0 && Number.isInteger(n) && Math.abs(n % 2) === 1 ? -Math.pow(-x, 1 / n) : Math.pow(x, 1 / n));';

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
  if (!Array.isArray(vars)) throw new TypeError(`compile: vars must be an array of variable names, got ${typeof vars}`);
  const index = new Map<string, number>();
  vars.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || !SAFE_NAME.test(name)) {
      throw new TypeError(`compile: vars[${i}] = ${JSON.stringify(name)} is not a safe variable name: expected /^[A-Za-z_][A-Za-z0-9_]*$/`);
    }
    if (RESERVED.has(name)) throw new TypeError(`compile: vars[${i}] = "${name}" is reserved: expected an ordinary variable name`);
    if (index.has(name)) throw new TypeError(`compile: vars[${i}] = "${name}" is listed twice`);
    index.set(name, i);
  });
  return index;
}

/**
 * Generate the body of the compiled function: shared subexpressions become `const tK`,
 * variables are read as `v[index]`, everything else comes from the tables above.
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
  const rootIds = roots.map(intern);
  for (const e of entries) {
    for (const c of e.children) (entries[c] as Entry).uses++;
    // Small integer powers are multiplied out, so their base must be computed once.
    if (e.node.kind === 'pow' && e.node.exp.kind === 'num' && Number.isInteger(e.node.exp.value) && Math.abs(e.node.exp.value) <= 4) {
      (entries[e.children[0] as number] as Entry).forceTemp = true;
    }
  }
  for (const id of rootIds) (entries[id] as Entry).uses++;

  const lines: string[] = [];
  const code: string[] = [];
  let temps = 0;
  let usesNthRoot = false;
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
        if (i !== undefined) s = `v[${i}]`;
        else if (n.name === 'pi') s = 'Math.PI';
        else if (n.name === 'e') s = 'Math.E';
        else throw new RangeError(`compile: symbol "${n.name}" is not in vars [${[...index.keys()].join(', ')}]`);
        break;
      }
      case 'add':
        s = '(' + e.children.map((_, k) => c(k)).join(' + ') + ')';
        break;
      case 'mul': {
        // Factors with small negative integer (or −1/2) exponents go under one division.
        const num: string[] = [];
        const den: string[] = [];
        let negate = false;
        n.args.forEach((f, k) => {
          const exponent = f.kind === 'pow' && f.exp.kind === 'num' ? f.exp.value : NaN;
          if (k === 0 && f.kind === 'num' && f.value === -1) {
            negate = true;
          } else if (Number.isInteger(exponent) && exponent < 0 && exponent >= -4) {
            const base = code[(entries[e.children[k] as number] as Entry).children[0] as number] as string;
            den.push(Array.from({ length: -exponent }, () => base).join(' * '));
          } else if (exponent === -0.5) {
            den.push(`Math.sqrt(${code[(entries[e.children[k] as number] as Entry).children[0] as number] as string})`);
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
        const k = n.exp.kind === 'num' ? n.exp.value : NaN;
        if (Number.isInteger(k) && k !== 0 && Math.abs(k) <= 4) {
          const prod = Array.from({ length: Math.abs(k) }, () => b).join(' * ');
          s = k > 0 ? `(${prod})` : `(1 / (${prod}))`;
        } else if (k === 0.5) s = `Math.sqrt(${b})`;
        else if (k === -0.5) s = `(1 / Math.sqrt(${b}))`;
        else s = `Math.pow(${b}, ${c(1)})`;
        break;
      }
      case 'fn': {
        const t = lookup(FUNCTION_CODE, n.name);
        if (t === undefined) throw new RangeError(`compile: function "${n.name}" cannot be compiled: expected one of ${Object.keys(FUNCTION_CODE).join(', ')}`);
        if (n.name === 'nthRoot') usesNthRoot = true;
        s = t(e.children.map((_, k) => c(k)));
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
  const check = `if (v.length < ${index.size}) throw new RangeError("compiled function: expected ${index.size} values, got " + v.length);`;
  const body = vector
    ? [...lines, `const out = new Float64Array(${results.length});`, ...results.map((r, i) => `out[${i}] = ${r};`), 'return out;']
    : [...lines, `return ${results[0]};`];
  return ['"use strict";', usesNthRoot ? NTH_ROOT_HELPER : '', 'return function compiled(v) {', check, ...body, '};'].join('\n');
}

/**
 * Compile an expression (or a list of them) to a fast JavaScript function of an array of
 * values, in the order of `vars`. Repeated subexpressions are computed once. The source is
 * assembled only from fixed templates, numbers and `v[index]` reads, so variable names never
 * reach the generated code; unsafe names (`constructor`, `__proto__`, non-ASCII, …) are rejected.
 *
 * @throws {TypeError} for an unsafe or duplicate variable name.
 * @throws {RangeError} for a free symbol missing from `vars` or a function with no template.
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
  const factory = new Function(source) as () => (values: ArrayLike<number>) => number | Float64Array;
  return factory() as ((values: ArrayLike<number>) => number) | ((values: ArrayLike<number>) => Float64Array);
}
