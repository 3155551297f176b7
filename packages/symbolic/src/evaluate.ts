import type { AnyNode, Expr } from './expr.js';
import { lookup, REAL_FUNCTIONS } from './functions.js';
import { toNode } from './parse.js';

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Evaluate a node; `resolve` gives the value of each free symbol. */
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
      return Math.pow(evaluateNode(n.base, resolve), evaluateNode(n.exp, resolve));
    case 'fn': {
      const f = lookup(REAL_FUNCTIONS, n.name);
      if (f === undefined) {
        throw new RangeError(`evaluate: unknown function "${n.name}" in ${n.toString()}: expected one of ${Object.keys(REAL_FUNCTIONS).join(', ')}`);
      }
      return f(...n.args.map((a) => evaluateNode(a, resolve)));
    }
  }
}

/** A symbol lookup over a plain scope object that never reads inherited properties. */
export function scopeLookup(scope: Readonly<Record<string, number>>, where: string): (name: string) => number {
  return (name) => {
    if (Object.hasOwn(scope, name)) {
      const v = scope[name];
      if (typeof v !== 'number') throw new TypeError(`${where}: scope.${name} is ${typeof v}: expected a number`);
      return v;
    }
    const c = lookup(CONSTANTS, name);
    if (c !== undefined) return c;
    throw new RangeError(`${where}: no value for symbol "${name}": expected it in the scope (got ${Object.keys(scope).join(', ') || 'an empty scope'})`);
  };
}

/**
 * Evaluate an expression on the reals (float64). Outside a function's real domain the
 * result is NaN, as in JavaScript's Math. `pi` and `e` are built in.
 *
 * @throws {RangeError} when a symbol has no value in `scope` or a function is unknown.
 * @example
 * ```ts
 * evaluate('x^2 * y', { x: 3, y: 2 }); // 18
 * ```
 */
export function evaluate(expr: Expr | string, scope: Readonly<Record<string, number>>): number {
  return evaluateNode(toNode(expr, 'evaluate'), scopeLookup(scope, 'evaluate'));
}
