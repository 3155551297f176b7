import {
  absDependencies, acosDependencies, acoshDependencies, acotDependencies, acothDependencies, acscDependencies, acschDependencies,
  addDependencies, asecDependencies, asechDependencies, asinDependencies, asinhDependencies, atan2Dependencies, atanDependencies,
  atanhDependencies, cbrtDependencies, cosDependencies, coshDependencies, cotDependencies, cothDependencies, create, cscDependencies,
  cschDependencies, divideDependencies, eDependencies, type FactoryFunctionMap, expDependencies, expm1Dependencies, log10Dependencies, log1pDependencies,
  log2Dependencies, logDependencies, type MathNode, multiplyDependencies, nthRootDependencies, parseDependencies, piDependencies,
  powDependencies, secDependencies, sechDependencies, signDependencies, sinDependencies, sinhDependencies, sqrtDependencies,
  subtractDependencies, tanDependencies, tanhDependencies, unaryMinusDependencies, unaryPlusDependencies,
} from 'mathjs/number';
import type { Expr } from './expr.js';
import { toNode } from './parse.js';

// A mathjs instance that can evaluate what toString prints: the parser, the operators and
// the functions of our registry, nothing else (a bundle that never calls toMathNode drops it).
const math = /* @__PURE__ */ create({
  parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, unaryMinusDependencies,
  unaryPlusDependencies, powDependencies, piDependencies, eDependencies, sinDependencies, cosDependencies, tanDependencies,
  secDependencies, cscDependencies, cotDependencies, asinDependencies, acosDependencies, atanDependencies, asecDependencies,
  acscDependencies, acotDependencies, sinhDependencies, coshDependencies, tanhDependencies, sechDependencies, cschDependencies,
  cothDependencies, asinhDependencies, acoshDependencies, atanhDependencies, asechDependencies, acschDependencies, acothDependencies,
  expDependencies, expm1Dependencies, logDependencies, log10Dependencies, log2Dependencies, log1pDependencies, sqrtDependencies,
  cbrtDependencies, nthRootDependencies, absDependencies, signDependencies, atan2Dependencies,
} as FactoryFunctionMap);

/**
 * The expression as a mathjs `MathNode` (for mathjs's own printers and evaluators).
 *
 * @example
 * ```ts
 * toMathNode(parse('x^2/2')).evaluate({ x: 3 }); // 4.5
 * ```
 */
export function toMathNode(expr: Expr | string): MathNode {
  return math.parse(toNode(expr, 'toMathNode').toString());
}
