import { type Bound, definiteIntegral, type EndpointValue } from './definite.js';
import type { AnyNode, Expr } from './expr.js';
import { findAntiderivative } from './find-antiderivative.js';
import type { IntegralRule, Working } from './integral-working.js';
import { tidy } from './integration-rewrites.js';
import { toNode } from './parse.js';
import { simplifyNode } from './simplify.js';
import { toTex } from './tex.js';

/**
 * One line of the working of an integral: the rule, the integral it was applied to and its
 * result, in words and LaTeX, with the parts the rule names.
 *
 * @example
 * ```ts
 * const [step]: IntegralStep[] = explainIntegral('x*exp(x)', 'x');
 * console.log(step?.rule, step?.u?.toString(), step?.dv?.toString(), step?.result.toString()); // parts x exp(x) (x - 1)*exp(x)
 * ```
 */
export interface IntegralStep {
  /**
   * The rule: constant, linearity, constant multiple, power, exponential, table (a form from
   * the table of integrals), substitution, parts, cyclic parts, partial fractions, rewrite
   * (an identity first), and for definite integrals fundamental theorem or gaussian integral.
   */
  readonly rule: IntegralRule | 'fundamental theorem' | 'gaussian integral';
  /** The integrand of this step. */
  readonly expr: Expr;
  /** Its variable: the integral's, or a substitution's u. */
  readonly variable: string;
  /** The antiderivative of `expr` (the value, for the definite steps). */
  readonly result: Expr;
  /** How deep in the working: 0 for the whole integral, 1 for the integrals it reduced to, … */
  readonly depth: number;
  /** The step in words, naming the rule and its parts. */
  readonly text: string;
  /** The step as a LaTeX equation: ∫ f dx = F (+ C for the whole integral). */
  readonly tex: string;
  /** What the rule used, in words (the part of `text` in brackets): u and du, the law, the decomposition, … */
  readonly detail: string;
  /** The rule's parts in LaTeX (u = x^{2},\ du = 2x\,dx; the decomposition; the rewritten integrand), or '' when it names none. */
  readonly detailTex: string;
  /** substitution: u and du; parts: u, dv, v and du; partial fractions: the decomposition; rewrite: the integrand rewritten. */
  readonly u?: Expr;
  readonly du?: Expr;
  readonly dv?: Expr;
  readonly v?: Expr;
  readonly decomposition?: Expr;
  readonly rewritten?: Expr;
  /** The law or identity used, when the rule quotes one. */
  readonly law?: string;
}

const integralTex = (f: AnyNode, v: string): string => `\\int ${toTex(f)}\\,d${v}`;
const capital = (s: string): string => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

function detail(w: Working): string {
  const p = w.parts ?? {};
  const v = w.variable;
  switch (w.rule) {
    case 'constant':
      return `${w.integrand.toString()} does not depend on ${v}`;
    case 'linearity':
      return `integrate term by term: ${w.substeps.map((s) => `∫${s.integrand.toString()} d${v}`).join(' + ')}`;
    case 'constant multiple':
      return `take the constant ${p.constant?.toString() ?? ''} out: ${p.constant?.toString() ?? ''}·∫${w.substeps[0]?.integrand.toString() ?? ''} d${v}`;
    case 'substitution': {
      const inner = w.substeps[0];
      return `u = ${p.u?.toString() ?? ''}, du = ${p.du?.toString() ?? ''} d${v}, so the integral is ∫${inner?.integrand.toString() ?? ''} d${inner?.variable ?? 'u'} = ${inner?.result.toString() ?? ''}`;
    }
    case 'parts': {
      if (p.u === undefined) return w.law ?? '';
      const named = `u = ${p.u.toString()}, dv = ${p.dv?.toString() ?? ''} d${v}, so du = ${p.du?.toString() ?? ''} d${v} and v = ${p.v?.toString() ?? ''}`;
      return w.law?.includes('I = ') === true ? `${named}; ${w.law}` : `${named}: ∫u dv = u·v − ∫v du`;
    }
    case 'cyclic parts':
      return `u = ${p.u?.toString() ?? ''}, dv = ${p.dv?.toString() ?? ''} d${v}; ${w.law ?? ''}`;
    case 'partial fractions':
      return `decompose: ${w.integrand.toString()} = ${p.decomposition?.toString() ?? ''}`;
    case 'rewrite':
      return `${w.law ?? ''}: the integrand is ${p.rewritten?.toString() ?? ''}`;
    default:
      return w.law ?? '';
  }
}

function detailTex(w: Working): string {
  const p = w.parts ?? {};
  const v = w.variable;
  switch (w.rule) {
    case 'substitution':
      return p.u === undefined ? '' : `u = ${toTex(p.u)},\\ du = ${toTex(p.du ?? p.u)}\\,d${v}`;
    case 'parts':
    case 'cyclic parts':
      return p.u === undefined ? '' : `u = ${toTex(p.u)},\\ dv = ${toTex(p.dv ?? p.u)}\\,d${v},\\ du = ${toTex(p.du ?? p.u)}\\,d${v},\\ v = ${toTex(p.v ?? p.u)}`;
    case 'partial fractions':
      return p.decomposition === undefined ? '' : `${toTex(w.integrand)} = ${toTex(p.decomposition)}`;
    case 'rewrite':
      return p.rewritten === undefined ? '' : `${toTex(w.integrand)} = ${toTex(p.rewritten)}`;
    default:
      return '';
  }
}

function flatten(w: Working, depth: number, out: IntegralStep[], top: boolean): void {
  const result = top ? w.result : simplifyNode(w.result);
  const constant = top ? ' + C' : '';
  const d = detail(w);
  const extra = detailTex(w);
  const p = w.parts ?? {};
  out.push({
    rule: w.rule,
    expr: w.integrand,
    variable: w.variable,
    result,
    depth,
    text: `${capital(w.rule)}: ∫${w.integrand.toString()} d${w.variable} = ${result.toString()}${constant}${d ? ` (${d})` : ''}`,
    tex: `${integralTex(w.integrand, w.variable)} = ${toTex(result)}${top ? ' + C' : ''}`,
    detail: d,
    detailTex: extra,
    ...(p.u === undefined ? {} : { u: p.u }),
    ...(p.du === undefined ? {} : { du: p.du }),
    ...(p.dv === undefined ? {} : { dv: p.dv }),
    ...(p.v === undefined ? {} : { v: p.v }),
    ...(p.decomposition === undefined ? {} : { decomposition: p.decomposition }),
    ...(p.rewritten === undefined ? {} : { rewritten: p.rewritten }),
    ...(w.law === undefined ? {} : { law: w.law }),
  });
  for (const s of w.substeps) flatten(s, depth + 1, out, false);
}

const boundText = (e: EndpointValue): string => (e.at.kind === 'num' && !Number.isFinite(e.at.value) ? (e.at.value > 0 ? '∞' : '-∞') : e.at.toString());
const boundTex = (e: EndpointValue): string => (e.at.kind === 'num' && !Number.isFinite(e.at.value) ? (e.at.value > 0 ? '\\infty' : '-\\infty') : toTex(e.at));

/**
 * The working of ∫expr d(variable), step by step, outermost rule first, the way a calculus
 * course writes it: each step names its rule (linearity, power, a table form, substitution
 * with u and du, parts with u and dv, partial fractions with the decomposition, an identity)
 * and shows the integral it reduced to, in text and LaTeX. The first step is the whole
 * integral, with its result (+ C). With bounds a and b, a last step evaluates the definite
 * integral: F(b) − F(a), one-sided limits at infinite bounds and singular points, or the
 * Gaussian integral.
 *
 * @throws {IntegrationError} exactly when {@link integrate} would.
 * @example
 * ```ts
 * for (const s of explainIntegral('x*cos(x^2)', 'x')) console.log(s.text);
 * // Substitution: ∫x*cos(x^2) dx = sin(x^2)/2 + C (u = x^2, du = 2*x dx, so the integral is ∫cos(u)/2 du = sin(u)/2)
 * // Constant multiple: ∫cos(u)/2 du = sin(u)/2 (take the constant 1/2 out: 1/2·∫cos(u) du)
 * // Table: ∫cos(u) du = sin(u) (∫cos(u) du = sin(u))
 * ```
 */
export function explainIntegral(expr: Expr | string, variable: string): IntegralStep[];
export function explainIntegral(expr: Expr | string, variable: string, a: Bound, b: Bound): IntegralStep[];
export function explainIntegral(expr: Expr | string, variable: string, a?: Bound, b?: Bound): IntegralStep[] {
  const steps: IntegralStep[] = [];
  if (a === undefined && b === undefined) {
    const anti = findAntiderivative(expr, variable, 'explainIntegral');
    flatten({ ...anti.working, result: anti.result }, 0, steps, true);
    return steps;
  }
  if (a === undefined || b === undefined) throw new TypeError('explainIntegral(expr, x, a, b): give both bounds a and b, or neither');
  const r = definiteIntegral(expr, variable, a, b, 'explainIntegral');
  const f = r.antiderivative?.integrand ?? simplifyNode(toNode(expr, 'explainIntegral'));
  if (r.antiderivative !== undefined) flatten({ ...r.antiderivative.working, result: r.antiderivative.result }, 0, steps, true);
  const first = r.pieces[0]?.from;
  const last = r.pieces[r.pieces.length - 1]?.to;
  const lo = first === undefined ? String(a) : boundText(first);
  const hi = last === undefined ? String(b) : boundText(last);
  const loTex = first === undefined ? String(a) : boundTex(first);
  const hiTex = last === undefined ? String(b) : boundTex(last);
  if (r.method === 'gaussian integral') {
    steps.push({
      rule: 'gaussian integral', expr: f, variable, result: r.value, depth: 0, law: r.law ?? '', detail: r.law ?? '', detailTex: '',
      text: `Gaussian integral: ∫${f.toString()} d${variable} from ${lo} to ${hi} = ${r.value.toString()} (${r.law ?? ''})`,
      tex: `\\int_{${loTex}}^{${hiTex}} ${toTex(f)}\\,d${variable} = ${toTex(r.value)}`,
    });
    return steps;
  }
  const F = r.antiderivative?.result;
  const evaluation = r.pieces.map(({ from, to }) => {
    const infinite = (e: EndpointValue): boolean => e.at.kind === 'num' && !Number.isFinite(e.at.value);
    const end = (e: EndpointValue, sign: string): string => (e.how === 'value' ? `F(${e.at.toString()})` : `lim ${variable}→${boundText(e)}${infinite(e) ? '' : sign} F(${variable})`);
    return `[${end(to, '⁻')} − ${end(from, '⁺')}] = ${to.value.toString()} − (${from.value.toString()})`;
  });
  steps.push({
    rule: 'fundamental theorem', expr: f, variable, result: r.value, depth: 0,
    law: 'the integral from a to b of f is F(b) − F(a), for F an antiderivative continuous on [a, b]; one-sided limits at infinite bounds and singular points',
    detail: evaluation.join('; '), detailTex: '',
    text: `Fundamental theorem: ∫${f.toString()} d${variable} from ${lo} to ${hi} = ${r.value.toString()}${F === undefined ? '' : ` with F(${variable}) = ${F.toString()}`} (${evaluation.join('; ')})`,
    tex: `\\int_{${loTex}}^{${hiTex}} ${toTex(f)}\\,d${variable} = \\Big[${F === undefined ? '' : toTex(F)}\\Big]_{${loTex}}^{${hiTex}} = ${toTex(tidy(r.value as AnyNode))}`,
  });
  return steps;
}
