import { canonical } from './build.js';
import type { AnyNode, Expr } from './expr.js';
import { toNode } from './parse.js';

/**
 * Rebuild bottom-up through the canonical constructors, which do all the simplifying.
 * Memoised by node identity, so a derivative's shared subtrees are simplified once.
 */
export function simplifyNode(root: AnyNode): AnyNode {
  return substituteNode(root, new Map());
}

/**
 * Replace symbols by nodes (usually numbers) and re-simplify, so exp(0) becomes 1 and
 * 1/(1/2) becomes 2. With no replacements this is {@link simplifyNode}.
 */
export function substituteNode(root: AnyNode, values: ReadonlyMap<string, AnyNode>): AnyNode {
  const memo = new Map<AnyNode, AnyNode>();
  const go = (n: AnyNode): AnyNode => {
    if (n.kind === 'num') return n;
    if (n.kind === 'sym') return values.get(n.name) ?? n;
    const hit = memo.get(n);
    if (hit !== undefined) return hit;
    let r: AnyNode;
    switch (n.kind) {
      case 'add':
        r = canonical.add(n.args.map(go));
        break;
      case 'mul':
        r = canonical.mul(n.args.map(go));
        break;
      case 'pow':
        r = canonical.pow(go(n.base), go(n.exp));
        break;
      case 'fn':
        r = canonical.fn(n.name, n.args.map(go));
        break;
    }
    memo.set(n, r);
    return r;
  };
  return go(root);
}

/**
 * Simplify to a canonical form that is sound on the reals: sums and products are
 * flattened, like terms and powers collected, numbers folded exactly (1/3 stays 1/3,
 * sqrt(2) stays sqrt(2)), and identities are used only where they hold for every real
 * input (sqrt(x^2) becomes abs(x), never x; exp(log(u)) becomes u only for provably positive u).
 *
 * @example
 * ```ts
 * simplify('x + x + 1/3 + 1/6').toString(); // '2*x + 1/2'
 * simplify('sqrt(x^2)').toString();         // 'abs(x)'
 * ```
 */
export function simplify(expr: Expr | string): Expr {
  return simplifyNode(toNode(expr, 'simplify'));
}
