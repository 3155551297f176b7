import type { AnyNode, Expr, Num } from './expr.js';
import { functionSpec, lookup } from './functions.js';
import { toNode } from './parse.js';

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/**
 * b^e for a constant exponent, computed the way `compile`'s generated code computes it
 * (half-integer powers through Math.sqrt), so `evaluate` and `compile` agree even at ±∞.
 */
export function powNumber(b: number, e: number): number {
  if (Number.isInteger(e * 2) && !Number.isInteger(e)) {
    const whole = Math.pow(b, Math.abs(e) - 0.5) * Math.sqrt(b);
    return e > 0 ? whole : 1 / whole;
  }
  return Math.pow(b, e);
}

function powValue(base: number, exp: AnyNode, e: number): number {
  return exp.kind === 'num' ? powNumber(base, (exp as Num).value) : Math.pow(base, e);
}

/** Evaluate a node in float64; `resolve` gives the value of each free symbol. */
export function evaluateNode(n: AnyNode, resolve: (name: string) => number): number {
  switch (n.kind) {
    case 'num':
      return n.value;
    case 'sym':
      return resolve(n.name);
    case 'add': {
      let s = 0;
      for (const t of n.args) s += evaluateNode(t, resolve);
      return s;
    }
    case 'mul': {
      let p = 1;
      for (const f of n.args) p *= evaluateNode(f, resolve);
      return p;
    }
    case 'pow':
      return powValue(evaluateNode(n.base, resolve), n.exp, n.exp.kind === 'num' ? n.exp.value : evaluateNode(n.exp, resolve));
    case 'fn': {
      const spec = functionSpec(n.name);
      if (spec === undefined) throw new RangeError(`evaluate: unknown function "${n.name}" in ${n.toString()}`);
      return spec.real(...n.args.map((a) => evaluateNode(a, resolve)));
    }
  }
}

/**
 * The value where the expression is defined on the reals, NaN where it is not: unlike
 * float64, 1/0, 0^(−1), log(0), (−8)^(1/3) and 1/sin(0) are undefined here, not ±Infinity or
 * a real by accident. Infinity means nothing is known: float64 overflowed on the way, or
 * the point is within rounding of a domain's edge (atanh of a computed 1 − 2⁻⁵³). This is the meaning of "defined" in the soundness
 * contract of `simplify` (see the README).
 */
export function evaluateDefined(n: AnyNode, resolve: (name: string) => number): number {
  // The reals have one zero: −0 (0·(−1) in float64) must not pick a side of atan2 or acot's jump.
  return defined(n, resolve) + 0;
}

/**
 * A domain test that rounding cannot flip: atanh(1 − 2⁻⁵³) and atanh(1) differ only by the
 * last bit of a computed argument, so either answer would be noise. Undefined when unsure.
 */
function robustly(test: (...args: number[]) => boolean, args: readonly number[]): boolean | undefined {
  const here = test(...args);
  const up = test(...args.map((a) => a * (1 + 1e-10)));
  const down = test(...args.map((a) => a * (1 - 1e-10)));
  return here === up && here === down ? here : undefined;
}

const nearInteger = (e: number): boolean => Math.abs(e - Math.round(e)) <= 1e-9 * Math.max(1, Math.abs(e));

function defined(n: AnyNode, resolve: (name: string) => number): number {
  /** Anything computed from an overflowed operand is itself only "overflowed" (a finite atan2(1, ∞) proves nothing). */
  const after = (inputs: readonly number[], v: number): number => (inputs.some((x) => !Number.isFinite(x)) ? Infinity : v);
  switch (n.kind) {
    case 'num':
      return n.value;
    case 'sym':
      return resolve(n.name);
    case 'add':
    case 'mul': {
      const values = n.args.map((a) => evaluateDefined(a, resolve));
      if (values.some(Number.isNaN)) return NaN;
      return after(values, values.reduce((s, v) => (n.kind === 'add' ? s + v : s * v), n.kind === 'add' ? 0 : 1));
    }
    case 'pow': {
      const b = evaluateDefined(n.base, resolve);
      const e = n.exp.kind === 'num' ? n.exp.value : evaluateDefined(n.exp, resolve);
      if (Number.isNaN(b) || Number.isNaN(e)) return NaN;
      if (b === 0 && e < 0) return NaN;
      if (!Number.isFinite(b) || !Number.isFinite(e)) return Infinity;
      if (b < 0) {
        // A computed exponent next to an integer: integer or not is rounding noise.
        if (n.exp.kind !== 'num' && nearInteger(e)) return Infinity;
        if (!Number.isInteger(e)) return NaN;
      }
      return powValue(b, n.exp, e);
    }
    case 'fn': {
      const spec = functionSpec(n.name);
      if (spec === undefined) return NaN;
      const args = n.args.map((a) => evaluateDefined(a, resolve));
      if (args.some(Number.isNaN)) return NaN;
      if (!args.every(Number.isFinite)) return Infinity;
      if (spec.defined !== undefined) {
        const inside = robustly(spec.defined, args);
        if (inside === undefined) return Infinity;
        if (!inside) return NaN;
      }
      return spec.real(...args);
    }
  }
}

/** A symbol lookup over a plain scope object that never reads inherited properties. */
export function scopeLookup(scope: unknown, where: string): (name: string) => number {
  if (scope == null || typeof scope !== 'object' || Array.isArray(scope)) {
    const got = scope == null ? String(scope) : Array.isArray(scope) ? 'an array' : typeof scope;
    throw new TypeError(`${where}: scope must be an object of numbers such as { x: 1 }, got ${got}`);
  }
  const record = scope as Readonly<Record<string, unknown>>;
  return (name) => {
    if (Object.hasOwn(record, name)) {
      const v = record[name];
      if (typeof v !== 'number') throw new TypeError(`${where}: scope.${name} is ${typeof v === 'string' ? `the string ${JSON.stringify(v)}` : typeof v}: expected a number`);
      return v;
    }
    const c = lookup(CONSTANTS, name);
    if (c !== undefined) return c;
    throw new RangeError(`${where}: no value for symbol "${name}": expected it in the scope (got ${Object.keys(record).join(', ') || 'an empty scope'})`);
  };
}

/** The value of the constants pi and e, and NaN for any other symbol. */
export const constantsOnly = (name: string): number => lookup(CONSTANTS, name) ?? NaN;

/**
 * Evaluate an expression on the reals in float64, as JavaScript's Math does: NaN outside a
 * function's real domain (log(−1), sqrt(−1)), ±Infinity for 1/0 and overflow. `pi` and `e`
 * are built in.
 *
 * @throws {TypeError} when `scope` is not an object of numbers.
 * @throws {RangeError} when a symbol has no value in `scope`.
 * @example
 * ```ts
 * evaluate('x^2 * y', { x: 3, y: 2 }); // 18
 * ```
 */
export function evaluate(expr: Expr | string, scope: Readonly<Record<string, number>>): number {
  const lookupSymbol = scopeLookup(scope, 'evaluate');
  return evaluateNode(toNode(expr, 'evaluate'), lookupSymbol);
}
