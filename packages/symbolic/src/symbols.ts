import type { AnyNode, Expr } from './expr.js';
import { toNode } from './parse.js';

export function collectSymbols(root: AnyNode): string[] {
  const names = new Set<string>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    switch (n.kind) {
      case 'sym':
        if (n.name !== 'pi' && n.name !== 'e') names.add(n.name);
        break;
      case 'pow':
        stack.push(n.base, n.exp);
        break;
      case 'add':
      case 'mul':
      case 'fn':
        stack.push(...n.args);
        break;
      default:
        break;
    }
  }
  return [...names].sort();
}

/**
 * The free symbols of an expression, sorted; the constants `pi` and `e` are excluded.
 *
 * @example
 * ```ts
 * freeSymbols('a*x^2 + b*x + pi'); // ['a', 'b', 'x']
 * ```
 */
export function freeSymbols(expr: Expr | string): string[] {
  return collectSymbols(toNode(expr, 'freeSymbols'));
}
