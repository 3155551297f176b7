import { Integrator, SearchExhausted } from './antiderivative.js';
import { checkVariable, guardStack } from './derivative.js';
import { IntegrationError } from './errors.js';
import type { AnyNode, Expr } from './expr.js';
import type { Working } from './integral-working.js';
import { tidy } from './integration-rewrites.js';
import { excerpt, toNode } from './parse.js';
import { simplifyNode } from './simplify.js';
import { checkAntiderivative } from './verify-antiderivative.js';

/** An antiderivative with its working, checked by differentiation. */
export interface Antiderivative {
  readonly integrand: AnyNode;
  readonly result: AnyNode;
  readonly working: Working;
  /** How many sample points the check compared. */
  readonly checkedAt: number;
}

/**
 * Find ∫f dx with its working, or throw an IntegrationError. The result is returned only
 * after F′ = f was checked (see verify-antiderivative.ts): a candidate that fails is refused.
 */
export function findAntiderivative(expr: Expr | string, variable: string, where: string): Antiderivative {
  const x = checkVariable(variable, where);
  const f = guardStack(where, () => simplifyNode(toNode(expr, where)));
  const text = excerpt(f.toString(), 0);
  const integrator = new Integrator();
  let working: Working | undefined;
  try {
    working = guardStack(where, () => integrator.solve(f, x));
  } catch (e) {
    if (!(e instanceof SearchExhausted)) throw e;
    working = undefined;
  }
  const why = integrator.reasons();
  if (working === undefined) {
    const detail = why.length > 0 ? `: ${why.join('; ')}` : ' (it may have no elementary antiderivative, like exp(-x^2), or need a method this package does not have)';
    throw new IntegrationError(`${where}: found no antiderivative of ${text} with respect to ${x}${detail}`, 'not found');
  }
  const result = tidy(simplifyNode(working.result));
  const verdict = checkAntiderivative(f, result, x);
  if (!verdict.ok) {
    throw new IntegrationError(`${where}: refusing the candidate ${excerpt(result.toString(), 0)} for ∫${text} d${x}: the check by differentiation failed (${verdict.why ?? 'no reason given'})`, 'not found');
  }
  return { integrand: f, result, working, checkedAt: verdict.points };
}
