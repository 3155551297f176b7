import { definiteIntegral, type Bound } from './definite.js';
import type { Expr } from './expr.js';
import { findAntiderivative } from './find-antiderivative.js';

/**
 * The antiderivative ∫expr d(variable) (without the constant of integration), or with
 * bounds the definite integral from a to b.
 *
 * Indefinite: the rules are those of a calculus course — linearity, the power rule
 * (∫dx/x = log|x|), the table of elementary integrals (exp, trig and hyperbolic functions,
 * the inverse-trig forms), substitution (u an inner function whose derivative appears, up to
 * a constant factor), integration by parts with the LIATE choice (repeated, and the cyclic
 * case such as exp(x)·sin(x)), partial fractions for rational functions, and trig identities.
 * Every result is checked before it is returned: F′ − f simplifies to 0 or F′ = f at sample
 * points, with F defined wherever f is. With parameters (other symbols), F holds wherever it
 * is defined (∫exp(a·x) dx = exp(a·x)/a needs a ≠ 0).
 *
 * Definite (a and b numbers, ±Infinity, or constant expressions such as 'pi/2'): F(b) − F(a)
 * over each stretch where the integrand is continuous, with one-sided limits at infinite
 * bounds and at points where the integrand has no value or is unbounded; a pole inside the
 * interval makes the integral divergent, never F(b) − F(a). The value is cross-checked
 * against {@link quad}.
 *
 * @throws {IntegrationError} when no antiderivative is found (or a candidate fails the
 * check), when a definite integral diverges (`reason: 'divergent'`), when the integrand has
 * no value on part of the interval (`'undefined'`), or when a limit cannot be decided.
 * @example
 * ```ts
 * console.log(integrate('x^2*exp(x)', 'x').toString());    // (x^2 - 2*x + 2)*exp(x)
 * console.log(integrate('1/(x^2 + 1)', 'x', 0, Infinity).toString()); // pi/2
 * ```
 */
export function integrate(expr: Expr | string, variable: string): Expr;
export function integrate(expr: Expr | string, variable: string, a: Bound, b: Bound): Expr;
export function integrate(expr: Expr | string, variable: string, a?: Bound, b?: Bound): Expr {
  if (a === undefined && b === undefined) return findAntiderivative(expr, variable, 'integrate').result;
  if (a === undefined || b === undefined) throw new TypeError('integrate(expr, x, a, b): give both bounds a and b, or neither for the antiderivative');
  return definiteIntegral(expr, variable, a, b, 'integrate').value;
}
