import { diagnose, formatNumber, sameShape, worstElement, type Grid } from '../diagnose.js';
import { formatShape, KitShapeError, matrixShape, type Matrix } from '../matrix.js';
import type { FunctionResult } from '../report.js';
import { callLearner } from '../call.js';
import { backpropCases, type BackpropCase } from './cases.js';
import { backpropCandidates, backpropFactors, chainText, layerOf } from './candidates.js';
import { createNetwork } from './network.js';
import { JACOBIAN_NAMES, referenceJacobians, type JacobianName } from './reference.js';

const RTOL = 1e-7;

function grid(m: Matrix): Grid {
  return { shape: [m.length, m[0]!.length], data: m.flat() };
}

function copy(m: Matrix): Matrix {
  return m.map((row) => [...row]);
}

/** What a shape is in this case's network: "W3", "layer 2 (z2, a2, δ2)", … */
function shapeMeaning(c: BackpropCase, r: number, col: number): string {
  const n = c.sizes;
  const N = c.x[0]!.length;
  const names: string[] = [];
  for (let k = 0; k <= 3; k++) {
    if (r === n[k] && col === N) names.push(k === 0 ? 'x = a0' : k === 3 ? 'layer 3 (z3, a3, δ3, y)' : `layer ${k} (z${k}, a${k}, δ${k})`);
    if (r === N && col === n[k]) names.push(`a${k}ᵀ`);
    if (k >= 1 && r === n[k] && col === n[k - 1]) names.push(`W${k}`);
    if (k >= 1 && r === n[k - 1] && col === n[k]) names.push(`W${k}ᵀ`);
    if (k >= 1 && r === n[k] && col === 1) names.push(`b${k}`);
  }
  return names.length === 0 ? formatShape([r, col]) : `${formatShape([r, col])} (shaped like ${[...new Set(names)].join(' or ')})`;
}

/** A hint for a kit operation whose shapes do not fit, naming the quantities by their shapes. */
function kitHint(c: BackpropCase, name: JacobianName, error: unknown): string | undefined {
  if (!(error instanceof KitShapeError)) return undefined;
  const [A, B] = error.shapes as [[number, number], [number, number]];
  const n = c.sizes;
  const N = c.x[0]!.length;
  const parts = `${error.operation} got A ${shapeMeaning(c, ...A)} and B ${shapeMeaning(c, ...B)}`;
  const layerOfRows = (s: readonly number[]): number => (s[1] === N ? n.indexOf(s[0]!) : -1);
  if (error.operation === 'matmul') {
    for (let k = 1; k <= 3; k++) {
      if (A[0] === n[k] && A[1] === n[k - 1] && layerOfRows(B) === k) {
        return `${parts}: that is W${k} · δ${k}; going back a layer multiplies by the transpose, W${k}ᵀ δ${k} (net.matmul(net.transpose(net.W${k}), d${k})). ${chainText(name)}`;
      }
    }
    if (layerOfRows(A) >= 0 && layerOfRows(B) >= 0) {
      return `${parts}: δ${layerOfRows(A)} · a${layerOfRows(B)} needs the transpose of the second, δ · aᵀ (net.matmul(d, net.transpose(a))). ${chainText(name)}`;
    }
  } else {
    const k = layerOfRows(A);
    const j = layerOfRows(B);
    if (k >= 0 && j >= 0 && k !== j) {
      const [hi, lo] = k > j ? [k, j] : [j, k];
      return `${parts}: ⊙ combines quantities of layers ${hi} and ${lo}; δ${hi} is carried back to layer ${lo} through the weights first, W${hi}ᵀ δ${hi}. ${chainText(name)}`;
    }
  }
  return `${parts}. ${chainText(name)}`;
}

function transposedHint(name: JacobianName) {
  return (want: Grid): string => {
    const { kind, layer } = layerOf(name);
    const how = kind === 'W' ? `${name} = δ${layer} · a${layer - 1}ᵀ / N puts δ${layer} first (one row per unit of layer ${layer})` : `${name} has one row per unit of layer ${layer}, like b${layer}`;
    return `the result is transposed (got ${formatShape([...want.shape].reverse())}, expected ${formatShape(want.shape)}): ${how}`;
  };
}

function gradeOne(impl: Readonly<Record<string, unknown>>, name: JacobianName, cases: readonly BackpropCase[], refs: readonly Record<JacobianName, Matrix>[]): FunctionResult {
  for (const [i, c] of cases.entries()) {
    const want = grid(refs[i]![name]);
    const outcome = callLearner(name, '(net, x, y)', impl, [createNetwork(c.params), copy(c.x), copy(c.y)], (e) => kitHint(c, name, e));
    if (!outcome.ok) return withCase(outcome.result, c);
    const shape = matrixShape(outcome.value);
    const expectedShape = shapeMeaning(c, want.shape[0]!, want.shape[1]!);
    if (typeof shape === 'string') {
      return withCase({ name, status: 'shape', message: `${name} returned ${shape}; expected a matrix ${expectedShape}: an array of ${want.shape[0]} rows of ${want.shape[1]} numbers` }, c);
    }
    const got = grid(outcome.value as Matrix);
    const N = c.x[0]!.length;
    const bad = got.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0 && sameShape(got.shape, want.shape)) {
      const element = [Math.floor(bad / got.shape[1]!), bad % got.shape[1]!];
      return withCase({ name, status: 'fail', message: `${name}: element [${element.join(', ')}] is ${got.data[bad]}, expected ${formatNumber(want.data[bad]!)}`, hint: 'NaN or Infinity comes from arithmetic on undefined (a misspelt name, a row index past the end) or from 0/0: check each line', element, expected: want.data[bad]!, got: got.data[bad]! }, c);
    }
    const candidates = () => backpropCandidates(name, c);
    if (!sameShape(got.shape, want.shape)) {
      const d = bad >= 0 ? undefined : diagnose(got, candidates(), backpropFactors(N), transposedHint(name));
      const hint = d?.hints.join('; and ') ?? `${name} is shaped like the parameter it differentiates, ${expectedShape}: ${chainText(name)}`;
      return withCase({ name, status: 'shape', message: `${name} returned a matrix ${shapeMeaning(c, got.shape[0]!, got.shape[1]!)}; expected ${expectedShape}`, hint }, c);
    }
    const worst = worstElement(got, want, RTOL);
    if (worst === undefined) continue;
    const d = diagnose(got, candidates(), backpropFactors(N), transposedHint(name));
    const hint = d?.hints.join('; and ') ?? `no common slip explains this pattern; check each step of the chain rule: ${chainText(name)}`;
    const expected = want.data[worst.index]!;
    const value = got.data[worst.index]!;
    return withCase({ name, status: 'fail', message: `${name}: element [${worst.element.join(', ')}] is ${formatNumber(value)}, expected ${formatNumber(expected)}`, hint, element: worst.element, expected, got: value }, c);
  }
  return { name, status: 'pass', message: `${name} matches @slope/autodiff's gradient on ${cases.length} networks` };
}

function withCase(result: FunctionResult, c: BackpropCase): FunctionResult {
  // "Not written yet" is the same on every case; the case only helps with a wrong answer.
  return result.status === 'not-written' ? result : { ...result, message: `${result.message} (on ${c.label})` };
}

/** Grades the six Jacobians of `impl` (those listed in `names`) on the seed's cases. */
export function gradeBackprop(impl: Readonly<Record<string, unknown>>, seed: number, names: readonly string[], onFunction: (name: string) => void): FunctionResult[] {
  const cases = backpropCases(seed);
  const refs = cases.map(referenceJacobians);
  const results: FunctionResult[] = [];
  for (const name of JACOBIAN_NAMES) {
    if (!names.includes(name)) continue;
    onFunction(name);
    results.push(gradeOne(impl, name, cases, refs));
  }
  return results;
}
