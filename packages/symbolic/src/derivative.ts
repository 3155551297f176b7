import { DifferentiationError } from './errors.js';
import type { AnyNode, Expr } from './expr.js';
import { FUNCTION_NAMES, FUNCTIONS, functionSpec } from './functions.js';
import { type Builder, isZero, MINUS_ONE, ONE, raw, ZERO } from './nodes.js';
import { rejectUnknownOptions } from './options.js';
import { toNode } from './parse.js';
import { canonical, simplifyNode } from './simplify.js';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Names mathjs reads as numbers or values, never as a variable. */
const NOT_VARIABLES = new Set(['NaN', 'Infinity', 'true', 'false', 'null', 'undefined']);

/** Check a variable name: an identifier that is not a constant (pi, e, NaN, Infinity, …) or a function name. */
export function checkVariable(variable: unknown, where: string): string {
  if (typeof variable !== 'string' || !IDENTIFIER.test(variable)) {
    throw new TypeError(`${where}: variable ${JSON.stringify(variable)} is not a valid name: expected an identifier such as "x"`);
  }
  if (variable === 'pi' || variable === 'e') {
    throw new TypeError(`${where}: variable "${variable}" is the constant ${variable}: expected a symbol name`);
  }
  if (NOT_VARIABLES.has(variable) || FUNCTION_NAMES.has(variable)) {
    throw new TypeError(`${where}: variable "${variable}" is ${NOT_VARIABLES.has(variable) ? 'a literal value' : 'a function name'} in expressions: expected a symbol name such as "x"`);
  }
  return variable;
}

/** Turn a stack overflow on a pathological tree into a clear, catchable error. */
export function guardStack<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new DifferentiationError(`${what}: the expression is too deeply nested to process (expected a shallower expression)`);
    }
    throw e;
  }
}

/** Differentiate a tree with the given builder; `canonical` yields simplified output directly. */
export function differentiate(root: AnyNode, variable: string, b: Builder): AnyNode {
  const memo = new Map<AnyNode, AnyNode>();
  const d = (n: AnyNode): AnyNode => {
    const hit = memo.get(n);
    if (hit !== undefined) return hit;
    const r = rule(n);
    memo.set(n, r);
    return r;
  };
  const rule = (n: AnyNode): AnyNode => {
    switch (n.kind) {
      case 'num':
        return ZERO;
      case 'sym':
        // Partial derivative: every other symbol is a constant.
        return n.name === variable ? ONE : ZERO;
      case 'add': {
        // Linearity: d(u₁ + … + uₙ) = du₁ + … + duₙ
        const terms: AnyNode[] = [];
        for (const t of n.args) {
          const dt = d(t);
          if (!isZero(dt)) terms.push(dt);
        }
        return terms.length === 0 ? ZERO : b.add(terms);
      }
      case 'mul': {
        // Product rule: d(u₁·…·uₙ) = Σᵢ u₁·…·duᵢ·…·uₙ  (constant factors just ride along)
        const terms: AnyNode[] = [];
        n.args.forEach((f, i) => {
          const df = d(f);
          if (isZero(df)) return;
          const factors = n.args.slice();
          factors[i] = df;
          terms.push(b.mul(factors));
        });
        return terms.length === 0 ? ZERO : b.add(terms);
      }
      case 'pow': {
        const u = n.base;
        const w = n.exp;
        const du = d(u);
        const dw = d(w);
        if (isZero(dw)) {
          if (isZero(du) || isZero(w)) return ZERO;
          // Power rule: d(u^c) = c·u^(c−1)·du
          return b.mul([w, b.pow(u, b.add([w, MINUS_ONE])), du]);
        }
        if (isZero(du)) {
          // 0^w and 1^w are constant wherever they are defined.
          if (u.kind === 'num' && (u.value === 0 || u.value === 1)) return ZERO;
          // Exponential rule: d(c^w) = c^w·log(c)·dw
          if (u.kind === 'sym' && u.name === 'e') return b.mul([n, dw]);
          return b.mul([n, b.fn('log', [u]), dw]);
        }
        // General power rule: d(u^w) = u^w·(dw·log(u) + w·du/u)
        return b.mul([n, b.add([b.mul([dw, b.fn('log', [u])]), b.mul([w, du, b.pow(u, MINUS_ONE)])])]);
      }
      case 'fn': {
        const spec = functionSpec(n.name);
        const r = spec?.derivative;
        if (spec === undefined || r === undefined) {
          const known = Object.keys(FUNCTIONS).filter((name) => FUNCTIONS[name]?.derivative !== undefined);
          throw new DifferentiationError(`Cannot differentiate function "${n.name}" in ${n.toString()}: it has no differentiation rule (expected one of ${known.join(', ')})`);
        }
        const [min, max] = spec.arity;
        if (n.args.length < min || n.args.length > max) {
          throw new DifferentiationError(`Function "${n.name}" got ${n.args.length} argument(s) in ${n.toString()}: expected ${min === max ? min : `${min} to ${max}`}`);
        }
        // Chain rule, applied once for every function: d f(u₁,…,uₙ) = Σᵢ ∂f/∂uᵢ · duᵢ
        const terms: AnyNode[] = [];
        n.args.forEach((a, i) => {
          const da = d(a);
          if (!isZero(da)) terms.push(b.mul([r.partial(n.args, i, b), da]));
        });
        return terms.length === 0 ? ZERO : b.add(terms);
      }
    }
  };
  return d(root);
}

/** Options of {@link derivative}. */
export interface DerivativeOptions {
  /** Simplify the result (default true). With false you get the raw output of the rules. */
  simplify?: boolean;
}

/**
 * The partial derivative of `expr` with respect to `variable`; every other symbol is a
 * constant. Simplified by default.
 *
 * @throws {DifferentiationError} naming the function when it has no rule.
 * @example
 * ```ts
 * derivative('sin(x)*cos(x)', 'x').toString(); // 'cos(x)^2 - sin(x)^2'
 * derivative('x^2*y', 'y').toString();         // 'x^2'
 * ```
 */
export function derivative(expr: Expr | string, variable: string, opts: DerivativeOptions = {}): Expr {
  rejectUnknownOptions('derivative', opts, ['simplify']);
  if (opts.simplify !== undefined && typeof opts.simplify !== 'boolean') throw new TypeError(`derivative: option simplify = ${String(opts.simplify)}: expected true or false`);
  const v = checkVariable(variable, 'derivative');
  const node = toNode(expr, 'derivative');
  return guardStack('derivative', () => (opts.simplify === false ? differentiate(node, v, raw) : differentiate(simplifyNode(node), v, canonical)));
}
