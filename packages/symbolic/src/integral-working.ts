import type { AnyNode } from './expr.js';

/**
 * The rules of integration the working names. `linearity` splits a sum, `constant multiple`
 * takes a constant out, `table` is a form from the table of integrals (the function
 * registry's entry or a known derivative read backwards), `rewrite` uses an identity (a
 * power-reduction formula, expanding a product, completing the square) before integrating.
 */
export type IntegralRule =
  | 'constant'
  | 'linearity'
  | 'constant multiple'
  | 'power'
  | 'exponential'
  | 'table'
  | 'substitution'
  | 'parts'
  | 'cyclic parts'
  | 'partial fractions'
  | 'rewrite';

/**
 * One node of the working: the integrand, the rule, its antiderivative (in the same
 * variable), the parts the rule names (u and du, u and dv, the decomposition, …), and the
 * integrals it reduced this one to.
 */
export interface Working {
  readonly rule: IntegralRule;
  readonly integrand: AnyNode;
  readonly variable: string;
  readonly result: AnyNode;
  /** The law or identity used, in words: "∫x^n dx = x^(n+1)/(n+1)", "sin(u)^2 = (1 - cos(2u))/2". */
  readonly law?: string;
  readonly parts?: Readonly<Partial<Record<WorkingPart, AnyNode>>>;
  readonly substeps: readonly Working[];
}

/** What a rule names: the substitution's u and du, parts' u, dv, v and du, the rewritten integrand. */
export type WorkingPart = 'u' | 'du' | 'dv' | 'v' | 'rewritten' | 'decomposition' | 'constant' | 'ratio';

/** Integrate f in variable v with the full set of rules; undefined when no rule finds an antiderivative. */
export type Solve = (f: AnyNode, v: string) => Working | undefined;
