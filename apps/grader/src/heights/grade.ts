import { callLearner } from '../call.js';
import { diagnose, formatNumber, worstElement, type Grid } from '../diagnose.js';
import type { FunctionResult } from '../report.js';
import { heightsCases, type HeightsCase } from './cases.js';
import { heightsCandidates, heightsFactors, HEIGHTS_FORMULAS } from './candidates.js';
import { HEIGHTS_NAMES, heightsFiniteDifferences, heightsReference, type HeightsName } from './reference.js';

const RTOL = 1e-7;
// Central differences with h = 1e-5·|p| are good to about 1e-8 of the scale here.
const FD_RTOL = 1e-5;

const SIGNATURES: Record<HeightsName, string> = {
  dfdmu: '(x, mu, sig)',
  dfdsig: '(x, mu, sig)',
  steepest_step: '(x, y, mu, sig, aggression)',
};

/** The numbers in `value` when it is an array (or typed array) of numbers, else a sentence. */
export function numberList(value: unknown): number[] | string {
  const list = ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;
  if (typeof value === 'number') return `a single number (${value})`;
  if (!Array.isArray(list)) return value === undefined ? 'undefined (is a return missing?)' : value == null ? 'null' : `${typeof value}`;
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'number') return `an array whose element ${i} is ${Array.isArray(list[i]) ? 'an array' : typeof list[i]}, not a number`;
  }
  return list as number[];
}

function args(name: HeightsName, c: HeightsCase): unknown[] {
  return name === 'steepest_step' ? [[...c.x], [...c.y], c.mu, c.sig, c.aggression] : [[...c.x], c.mu, c.sig];
}

/** The learner's dfdmu/dfdsig values on `c`, when both return arrays of the right length. */
function learnerDerivatives(impl: Readonly<Record<string, unknown>>, c: HeightsCase): { dfdmu?: number[]; dfdsig?: number[] } {
  const out: { dfdmu?: number[]; dfdsig?: number[] } = {};
  for (const name of ['dfdmu', 'dfdsig'] as const) {
    const outcome = callLearner(name, SIGNATURES[name], impl, args(name, c), () => undefined);
    if (!outcome.ok) return {};
    const list = numberList(outcome.value);
    if (typeof list === 'string' || list.length !== c.x.length) return {};
    out[name] = list;
  }
  return out;
}

function gradeOne(impl: Readonly<Record<string, unknown>>, name: HeightsName, cases: readonly HeightsCase[]): FunctionResult {
  for (const c of cases) {
    const reference = heightsReference(c)[name];
    const finite = heightsFiniteDifferences(c)[name];
    const scale = Math.max(...reference.map(Math.abs));
    if (reference.some((v, i) => Math.abs(v - finite[i]!) > FD_RTOL * scale)) {
      throw new Error(`grader: the reference ${name} disagrees with finite differences on ${c.label}; this is a bug in @slope/grader`);
    }
    const withCase = (r: FunctionResult): FunctionResult => (r.status === 'not-written' ? r : { ...r, message: `${r.message} (on ${c.label})` });
    const outcome = callLearner(name, SIGNATURES[name], impl, args(name, c), () => undefined);
    if (!outcome.ok) return withCase(outcome.result);
    const expectedLength = reference.length;
    const what = name === 'steepest_step' ? 'an array [dmu, dsig] of 2 numbers' : `an array of ${expectedLength} numbers, one per bin of x`;
    const list = numberList(outcome.value);
    if (typeof list === 'string') return withCase({ name, status: 'shape', message: `${name} returned ${list}; expected ${what}` });
    if (list.length !== expectedLength) {
      return withCase({ name, status: 'shape', message: `${name} returned an array of ${list.length} numbers; expected ${what}`, hint: name === 'steepest_step' ? 'return [dmu, dsig], the step for μ and the step for σ' : 'compute one value per bin: x.map((xi) => …)' });
    }
    const bad = list.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      return withCase({ name, status: 'fail', message: `${name}: element [${bad}] is ${list[bad]}, expected ${formatNumber(reference[bad]!)}`, hint: 'NaN or Infinity comes from arithmetic on undefined (a misspelt name, an index past the end) or from 0/0: check each line', element: [bad], expected: reference[bad]!, got: list[bad]! });
    }
    const got: Grid = { shape: [list.length], data: list };
    const worst = worstElement(got, { shape: [reference.length], data: reference }, RTOL) ?? worstElement(got, { shape: [finite.length], data: finite }, FD_RTOL);
    if (worst === undefined) continue;
    const learner = name === 'steepest_step' ? learnerDerivatives(impl, c) : {};
    const d = diagnose(got, heightsCandidates(name, c, learner), heightsFactors(name, c), () => '');
    const hint = d?.hints.join('; and ') ?? `no common slip explains this pattern; check each step against the course: ${HEIGHTS_FORMULAS[name]}`;
    const i = worst.index;
    return withCase({ name, status: 'fail', message: `${name}: element [${i}] is ${formatNumber(list[i]!)}, expected ${formatNumber(reference[i]!)}`, hint, element: [i], expected: reference[i]!, got: list[i]! });
  }
  return { name, status: 'pass', message: `${name} matches the course formula and central finite differences on ${cases.length} cases` };
}

/** Grades dfdmu, dfdsig and steepest_step of `impl` (those listed in `names`) on the seed's cases. */
export function gradeHeights(impl: Readonly<Record<string, unknown>>, seed: number, names: readonly string[], onFunction: (name: string) => void): FunctionResult[] {
  const cases = heightsCases(seed);
  const results: FunctionResult[] = [];
  for (const name of HEIGHTS_NAMES) {
    if (!names.includes(name)) continue;
    onFunction(name);
    results.push(gradeOne(impl, name, cases));
  }
  return results;
}
