import { parse as mathParse } from 'mathjs/number';
import { type Expr, evaluate } from './index.js';

/** Size of an expression as bench-data/README.md counts it: mathjs nodes of the text, no ParenthesisNodes. */
export function nodeCount(text: string): number {
  let count = 0;
  mathParse(text).traverse((n) => {
    if (n.type !== 'ParenthesisNode') count++;
  });
  return count;
}

/** Central finite difference of expr in `variable` at `scope`, with a step scaled to the point. */
export function centralDifference(expr: Expr | string, variable: string, scope: Record<string, number>, h = 1e-6): number {
  const x = scope[variable] ?? 0;
  const step = h * Math.max(1, Math.abs(x));
  const f = (v: number): number => evaluate(expr, { ...scope, [variable]: v });
  return (f(x + step) - f(x - step)) / (2 * step);
}

/** |a − b| within an absolute-or-relative tolerance. */
export function close(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}
