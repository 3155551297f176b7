import { checkVariable, differentiate, guardStack } from './derivative.js';
import type { AnyNode, Expr } from './expr.js';
import { toNode } from './parse.js';
import { canonical, simplifyNode } from './simplify.js';
import { collectSymbols } from './symbols.js';

function variables(node: AnyNode, vars: readonly string[] | undefined, where: string): string[] {
  if (vars !== undefined && !Array.isArray(vars)) throw new TypeError(`${where}(expr, vars): vars must be an array of variable names`);
  const list = vars === undefined ? collectSymbols(node) : [...vars];
  return list.map((v) => checkVariable(v, where));
}

/**
 * The gradient: one simplified partial derivative per variable (default: the free symbols,
 * sorted). As a row, this is the course's Jacobian of a scalar function.
 *
 * @example
 * ```ts
 * gradient('x^2*y + 3*z').map(String); // ['2*x*y', 'x^2', '3']
 * ```
 */
export function gradient(expr: Expr | string, vars?: readonly string[]): Expr[] {
  const node = simplifyNode(toNode(expr, 'gradient'));
  const vs = variables(node, vars, 'gradient');
  return guardStack('gradient', () => vs.map((v) => differentiate(node, v, canonical)));
}

/**
 * The Jacobian matrix J[i][j] = ∂fᵢ/∂vⱼ of a vector of expressions.
 *
 * @example
 * ```ts
 * jacobian(['r*cos(t)', 'r*sin(t)'], ['r', 't']).map((row) => row.map(String));
 * // [['cos(t)', '-r*sin(t)'], ['sin(t)', 'r*cos(t)']]
 * ```
 */
export function jacobian(exprs: readonly (Expr | string)[], vars: readonly string[]): Expr[][] {
  if (!Array.isArray(exprs)) throw new TypeError('jacobian(exprs, vars): expected an array of expressions');
  if (!Array.isArray(vars)) throw new TypeError('jacobian(exprs, vars): expected an array of variable names');
  const vs = vars.map((v) => checkVariable(v, 'jacobian'));
  return guardStack('jacobian', () =>
    exprs.map((e) => {
      const node = simplifyNode(toNode(e, 'jacobian'));
      return vs.map((v) => differentiate(node, v, canonical));
    }),
  );
}

/**
 * The Hessian matrix H[i][j] = ∂²f/∂vᵢ∂vⱼ (symmetric; each mixed partial is computed once).
 *
 * @example
 * ```ts
 * hessian('x^2*y*z').map((row) => row.map(String));
 * // [['2*y*z', '2*x*z', '2*x*y'], ['2*x*z', '0', 'x^2'], ['2*x*y', 'x^2', '0']]
 * ```
 */
export function hessian(expr: Expr | string, vars?: readonly string[]): Expr[][] {
  const node = simplifyNode(toNode(expr, 'hessian'));
  const vs = variables(node, vars, 'hessian');
  return guardStack('hessian', () => {
    const first = vs.map((v) => differentiate(node, v, canonical));
    const h: AnyNode[][] = vs.map(() => []);
    vs.forEach((_, i) => {
      for (let j = i; j < vs.length; j++) {
        const hij = differentiate(first[i] as AnyNode, vs[j] as string, canonical);
        (h[i] as AnyNode[])[j] = hij;
        (h[j] as AnyNode[])[i] = hij;
      }
    });
    return h;
  });
}
