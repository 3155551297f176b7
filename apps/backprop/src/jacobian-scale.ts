import type { CurveData } from './data.js';
import { createBackprop, feedForward } from './hand-engine.js';
import { PARAMETER_NAMES, type Network, type ParameterName } from './network.js';

/**
 * For each parameter P, a bound on the size of the terms each entry of J_P sums: the course's
 * δ-recursion run on absolute values, with every σ'(z) = a(1 − a) replaced by its largest value
 * 1/4. Rounding errors in J_P are a few units in the last place of these terms, not of J_P
 * itself: where the sigmoids saturate (wide layers give large |z|), J_P is tiny while a(1 − a)
 * still carries an absolute error of about 2⁻⁵³, so a comparison relative to J_P alone calls
 * rounding a bug.
 *
 * @example
 * jacobianScales(heartData(), net).W2; // ≥ max |J_W2|
 */
export function jacobianScales(data: CurveData, net: Network): Record<ParameterName, number> {
  const [n1, n2] = net.hidden;
  const bp = createBackprop(data, net.hidden);
  feedForward(bp, net);
  const { n, x, y, a1, a2, a3 } = bp;
  // g3 = |∂C/∂a3| · max σ' = 2|a3 − y| / 4, then g(l−1) = |W(l)|ᵀ g(l) / 4.
  const g3 = new Float64Array(2 * n);
  for (let k = 0; k < 2 * n; k++) g3[k] = Math.abs(a3[k]! - y[k]!) / 2;
  const g2 = backAbs(net.W3, g3, 2, n2, n);
  const g1 = backAbs(net.W2, g2, n2, n1, n);
  const weight = (g: Float64Array, rows: number, a: Float64Array, cols: number) => {
    // max over i, j of Σ_k g[i,k]·|a[j,k]| / N, bounded by taking the largest |a[·,k]| per example.
    const top = new Float64Array(n);
    for (let j = 0; j < cols; j++) for (let k = 0; k < n; k++) top[k] = Math.max(top[k]!, Math.abs(a[j * n + k]!));
    let best = 0;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k]! * top[k]!;
      best = Math.max(best, s / n);
    }
    return best;
  };
  const bias = (g: Float64Array, rows: number) => {
    let best = 0;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k]!;
      best = Math.max(best, s / n);
    }
    return best;
  };
  const scales = { W1: weight(g1, n1, x, 1), W2: weight(g2, n2, a1, n1), W3: weight(g3, 2, a2, n2), b1: bias(g1, n1), b2: bias(g2, n2), b3: bias(g3, 2) };
  for (const name of PARAMETER_NAMES) if (!Number.isFinite(scales[name])) scales[name] = Number.POSITIVE_INFINITY;
  return scales;
}

/** |W|ᵀ g / 4 for W (outputs × inputs) and g (outputs × N): inputs × N. */
function backAbs(W: Float64Array, g: Float64Array, outputs: number, inputs: number, n: number): Float64Array {
  const out = new Float64Array(inputs * n);
  for (let i = 0; i < outputs; i++) {
    for (let j = 0; j < inputs; j++) {
      const w = Math.abs(W[i * inputs + j]!) / 4;
      if (w === 0) continue;
      const row = j * n;
      const src = i * n;
      for (let k = 0; k < n; k++) out[row + k]! += w * g[src + k]!;
    }
  }
  return out;
}
