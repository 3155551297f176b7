import { map, matmul, mul, scale, sub, sum, transpose, type Matrix } from '../matrix.js';
import type { Candidate, KnownFactor } from '../diagnose.js';
import type { BackpropCase } from './cases.js';
import { createNetwork, logistic, logisticSlope, type Forward } from './network.js';
import type { JacobianName } from './reference.js';

type Layer = 1 | 2 | 3;
type Kind = 'W' | 'b';
/** What stands where σ′(z(k)) belongs. */
type Slope = 'dsigma' | 'omit' | 'sigma' | 'dsigma-of-a';

export function layerOf(name: JacobianName): { kind: Kind; layer: Layer } {
  return { kind: name[2] as Kind, layer: Number(name[3]) as Layer };
}

/** The course's chain for one Jacobian, as the hints quote it. */
export function chainText(name: JacobianName): string {
  const { kind, layer } = layerOf(name);
  const steps = ['δ3 = 2(a3 − y) ⊙ σ′(z3)'];
  if (layer <= 2) steps.push('δ2 = (W3ᵀ δ3) ⊙ σ′(z2)');
  if (layer <= 1) steps.push('δ1 = (W2ᵀ δ2) ⊙ σ′(z1)');
  steps.push(kind === 'W' ? `${name} = δ${layer} · a${layer - 1}ᵀ / N` : `${name} = Σ δ${layer} / N (summed over the examples)`);
  return steps.join('; ');
}

function a(F: Forward, k: number): Matrix {
  return [F.a0, F.a1, F.a2, F.a3][k]!;
}
function z(F: Forward, k: number): Matrix {
  return [F.a0, F.z1, F.z2, F.z3][k]!;
}

function slopeFactor(F: Forward, k: number, slope: Slope): Matrix | undefined {
  if (slope === 'omit') return undefined;
  if (slope === 'sigma') return map(z(F, k), logistic);
  if (slope === 'dsigma-of-a') return map(a(F, k), logisticSlope);
  return map(z(F, k), logisticSlope);
}

/** δ1, δ2, δ3 with the σ′ factor of the listed layers replaced. */
function deltas(c: BackpropCase, F: Forward, slopes: Partial<Record<Layer, Slope>>): Record<Layer, Matrix> {
  const apply = (m: Matrix, k: Layer): Matrix => {
    const f = slopeFactor(F, k, slopes[k] ?? 'dsigma');
    return f === undefined ? m : mul(m, f);
  };
  const d3 = apply(scale(sub(F.a3, c.y), 2), 3);
  const d2 = apply(matmul(transpose(c.params.W3), d3), 2);
  const d1 = apply(matmul(transpose(c.params.W2), d2), 1);
  return { 1: d1, 2: d2, 3: d3 };
}

function toCandidate(m: Matrix, mistakes: readonly string[]): Candidate {
  return { value: { shape: [m.length, m[0]!.length], data: m.flat() }, mistakes };
}

const SLOPE_HINTS: Record<Exclude<Slope, 'dsigma'>, (k: number) => string> = {
  omit: (k) => `the σ′(z${k}) factor is missing: ∂a${k}/∂z${k} = σ′(z${k}) multiplies elementwise, δ${k} = … ⊙ σ′(z${k}) (net.mul(…, net.dSigma(z${k})))`,
  sigma: (k) => `σ(z${k}) (that is a${k}) is used where its derivative σ′(z${k}) belongs: use net.dSigma(z${k}), not net.sigma(z${k})`,
  'dsigma-of-a': (k) => `σ′ is applied to a${k}; its argument is z${k}: ∂a${k}/∂z${k} = σ′(z${k}) (net.dSigma(z${k}), not net.dSigma(a${k}))`,
};

/**
 * The known wrong formulas for `name` on case `c`, the right one first; each carries hints in
 * the course's notation.
 */
export function backpropCandidates(name: JacobianName, c: BackpropCase): Candidate[] {
  const { kind, layer } = layerOf(name);
  const F = createNetwork(c.params).forward(c.x);
  const N = c.x[0]!.length;
  const jW = (d: Record<Layer, Matrix>, L: Layer, prev: number): Matrix => scale(matmul(d[L], transpose(a(F, prev))), 1 / N);
  const jb = (d: Record<Layer, Matrix>, L: Layer, axis: 0 | 1 | 'none' | 'all'): Matrix => {
    if (axis === 'none') return scale(d[L], 1 / N);
    if (axis === 'all') return scale(sum(sum(d[L], 1), 0), 1 / N);
    return scale(sum(d[L], axis), 1 / N);
  };
  const jacobian = (d: Record<Layer, Matrix>, k: Kind, L: Layer): Matrix => (k === 'W' ? jW(d, L, L - 1) : jb(d, L, 1));
  const right = deltas(c, F, {});
  const out: Candidate[] = [toCandidate(jacobian(right, kind, layer), [])];

  const chainLayers = ([3, 2, 1] as const).filter((k) => k >= layer);
  for (const k of chainLayers) {
    for (const slope of ['omit', 'sigma', 'dsigma-of-a'] as const) {
      out.push(toCandidate(jacobian(deltas(c, F, { [k]: slope }), kind, layer), [SLOPE_HINTS[slope](k)]));
    }
  }
  if (chainLayers.length > 1) {
    const none = Object.fromEntries(chainLayers.map((k) => [k, 'omit'])) as Partial<Record<Layer, Slope>>;
    out.push(toCandidate(jacobian(deltas(c, F, none), kind, layer), [`every σ′ factor is missing: each layer's δ is multiplied elementwise by σ′(z) of its own layer (${chainText(name)})`]));
    const sig = Object.fromEntries(chainLayers.map((k) => [k, 'sigma'])) as Partial<Record<Layer, Slope>>;
    out.push(toCandidate(jacobian(deltas(c, F, sig), kind, layer), [`σ(z) is used instead of its derivative σ′(z) in every layer: use net.dSigma(z), not net.sigma(z) (${chainText(name)})`]));
  }

  if (kind === 'W') {
    out.push(toCandidate(jW(right, layer, layer), [`${name} uses a${layer}, the layer's own output; ∂z${layer}/∂W${layer} = a${layer - 1}, the layer's input, so ${name} = δ${layer} · a${layer - 1}ᵀ / N`]));
    if (layer >= 2) out.push(toCandidate(jW(right, layer, layer - 2), [`${name} uses a${layer - 2}, two layers back; ∂z${layer}/∂W${layer} = a${layer - 1}, so ${name} = δ${layer} · a${layer - 1}ᵀ / N`]));
    out.push(toCandidate(jb(right, layer, 1), [`this is the bias Jacobian J_b${layer} = Σ δ${layer} / N: for the weights, ∂z${layer}/∂W${layer} = a${layer - 1}, so ${name} = δ${layer} · a${layer - 1}ᵀ / N`]));
  } else {
    out.push(toCandidate(jb(right, layer, 0), [`δ${layer} is summed over the wrong axis: J_b${layer} sums over the examples (the columns, axis 1), keeping one row per unit: net.sum(δ${layer}, 1) gives ${right[layer].length}×1`]));
    out.push(toCandidate(jb(right, layer, 'none'), [`δ${layer} is not summed over the examples: J_b${layer} = Σ δ${layer} / N is a column ${right[layer].length}×1 (net.sum(δ${layer}, 1))`]));
    out.push(toCandidate(jb(right, layer, 'all'), [`δ${layer} is summed over everything into one number: sum over the examples only (axis 1), one entry per unit: net.sum(δ${layer}, 1)`]));
    out.push(toCandidate(jW(right, layer, layer - 1), [`this is the weight Jacobian J_W${layer} = δ${layer} · a${layer - 1}ᵀ / N: for the bias ∂z${layer}/∂b${layer} = 1, so J_b${layer} = Σ δ${layer} / N`]));
  }
  for (const other of [3, 2, 1] as const) {
    if (other === layer) continue;
    const otherName = `J_${kind}${other}`;
    out.push(toCandidate(jacobian(right, kind, other), [
      `this equals ${otherName}, the Jacobian of layer ${other}: ${name} belongs to layer ${layer}; ${other > layer ? `carry δ back through the weights to layer ${layer}` : `stop at layer ${layer}`}: ${chainText(name)}`,
    ]));
  }
  return out;
}

/** The constant factors the common slips introduce, for a case with N examples. */
export function backpropFactors(N: number): KnownFactor[] {
  return [
    { value: N, hint: `the result is N = ${N} times too big: the cost is the mean over the N examples, C = (1/N) Σ_k C_k, so divide by N (net.size(x))` },
    { value: 1 / N, hint: `the result is N = ${N} times too small: 1/N is applied twice` },
    { value: 0.5, hint: 'the result is half the expected: ∂C/∂a3 = 2(a3 − y), the factor 2 from the square is missing' },
    { value: 2, hint: 'the result is twice the expected: the factor 2 of ∂C/∂a3 = 2(a3 − y) is applied twice' },
    { value: -1, hint: 'the sign is flipped: ∂C/∂a3 = 2(a3 − y), not 2(y − a3) (a Jacobian points uphill; training subtracts it)' },
  ];
}
