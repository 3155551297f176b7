// The course network 1→6→7→2 with sigmoid layers (COURSE.md §1.2), written out unit by unit:
// the 77 parameters, one example's activations and errors, and the running sums of the six
// Jacobians live in local variables instead of typed-array rows. Same maths and the same order of
// every sum as the general loops in network-engine.ts, so the results agree to the last bit
// (network-engine.test.ts checks it); `networkEngine` picks this kernel for the course's shape.
//
// Naming: W2_i_j is W2[i][j] (row i, column j, row-major), a1_j the j-th hidden activation of
// the current example, d2_i the i-th entry of δ2, and jW2_i_j the running Σ_k δ2[i][k]·a1[j][k]
// that becomes J_W2[i][j] after dividing by N.
import { activateInto, type Activation } from './activation.js';
import type { Batch } from './batch.js';
import type { NetworkEngine, NetworkShape } from './network-engine.js';

/** The layer sizes this kernel is written for. */
export const COURSE_LAYERS: readonly number[] = [1, 6, 7, 2];

/** True for the course's network: layers [1, 6, 7, 2], every layer a sigmoid. */
export function isCourseNetwork(layers: readonly number[], activations: readonly Activation[]): boolean {
  return layers.length === 4 && COURSE_LAYERS.every((size, i) => layers[i] === size) && activations.every((f) => f === 'sigmoid');
}

/** The fused engine for the course network on batch `x` (targets `y`, or null to only feed forward). */
export function createCourseKernel(shape: NetworkShape, x: Batch, y: Batch | null): NetworkEngine {
  const n = x.columns;
  const xs = x.data;
  const [W1, W2, W3] = shape.weights as [Float64Array, Float64Array, Float64Array];
  const [b1, b2, b3] = shape.biases as [Float64Array, Float64Array, Float64Array];
  const a1 = new Float64Array(6 * n);
  const a2 = new Float64Array(7 * n);
  const a3 = new Float64Array(2 * n);
  return {
    output: a3,
    forward() {
      layer1(W1, b1, xs, n, a1);
      layer2(W2, b2, a1, n, a2);
      layer3(W3, b3, a2, n, a3);
      return y == null ? Number.NaN : costOf(a3, y.data, n);
    },
    backward(dw, db) {
      if (y == null) throw new Error('backward: this engine has no targets');
      backward(W2, W3, xs, y.data, n, a1, a2, a3, dw, db);
    },
  };
}

/** z1 = W1 a0 + b1, a1 = σ(z1), with a0 = x (1×N). */
function layer1(W1: Float64Array, b1: Float64Array, x: Float64Array, n: number, a1: Float64Array): void {
  for (let i = 0; i < 6; i++) {
    const bias = b1[i]!;
    const w = W1[i]!;
    const row = i * n;
    for (let k = 0; k < n; k++) a1[row + k] = bias + w * x[k]!;
  }
  activateInto('sigmoid', a1, a1);
}

/** z2 = W2 a1 + b2, a2 = σ(z2). */
function layer2(W2: Float64Array, b2: Float64Array, a1: Float64Array, n: number, a2: Float64Array): void {
  const W2_0_0 = W2[0]!, W2_0_1 = W2[1]!, W2_0_2 = W2[2]!, W2_0_3 = W2[3]!, W2_0_4 = W2[4]!, W2_0_5 = W2[5]!;
  const W2_1_0 = W2[6]!, W2_1_1 = W2[7]!, W2_1_2 = W2[8]!, W2_1_3 = W2[9]!, W2_1_4 = W2[10]!, W2_1_5 = W2[11]!;
  const W2_2_0 = W2[12]!, W2_2_1 = W2[13]!, W2_2_2 = W2[14]!, W2_2_3 = W2[15]!, W2_2_4 = W2[16]!, W2_2_5 = W2[17]!;
  const W2_3_0 = W2[18]!, W2_3_1 = W2[19]!, W2_3_2 = W2[20]!, W2_3_3 = W2[21]!, W2_3_4 = W2[22]!, W2_3_5 = W2[23]!;
  const W2_4_0 = W2[24]!, W2_4_1 = W2[25]!, W2_4_2 = W2[26]!, W2_4_3 = W2[27]!, W2_4_4 = W2[28]!, W2_4_5 = W2[29]!;
  const W2_5_0 = W2[30]!, W2_5_1 = W2[31]!, W2_5_2 = W2[32]!, W2_5_3 = W2[33]!, W2_5_4 = W2[34]!, W2_5_5 = W2[35]!;
  const W2_6_0 = W2[36]!, W2_6_1 = W2[37]!, W2_6_2 = W2[38]!, W2_6_3 = W2[39]!, W2_6_4 = W2[40]!, W2_6_5 = W2[41]!;
  const b2_0 = b2[0]!, b2_1 = b2[1]!, b2_2 = b2[2]!, b2_3 = b2[3]!, b2_4 = b2[4]!, b2_5 = b2[5]!, b2_6 = b2[6]!;
  for (let k = 0; k < n; k++) {
    const a1_0 = a1[k]!, a1_1 = a1[k + n]!, a1_2 = a1[k + 2 * n]!, a1_3 = a1[k + 3 * n]!, a1_4 = a1[k + 4 * n]!, a1_5 = a1[k + 5 * n]!;
    a2[k] = b2_0 + W2_0_0 * a1_0 + W2_0_1 * a1_1 + W2_0_2 * a1_2 + W2_0_3 * a1_3 + W2_0_4 * a1_4 + W2_0_5 * a1_5;
    a2[k + n] = b2_1 + W2_1_0 * a1_0 + W2_1_1 * a1_1 + W2_1_2 * a1_2 + W2_1_3 * a1_3 + W2_1_4 * a1_4 + W2_1_5 * a1_5;
    a2[k + 2 * n] = b2_2 + W2_2_0 * a1_0 + W2_2_1 * a1_1 + W2_2_2 * a1_2 + W2_2_3 * a1_3 + W2_2_4 * a1_4 + W2_2_5 * a1_5;
    a2[k + 3 * n] = b2_3 + W2_3_0 * a1_0 + W2_3_1 * a1_1 + W2_3_2 * a1_2 + W2_3_3 * a1_3 + W2_3_4 * a1_4 + W2_3_5 * a1_5;
    a2[k + 4 * n] = b2_4 + W2_4_0 * a1_0 + W2_4_1 * a1_1 + W2_4_2 * a1_2 + W2_4_3 * a1_3 + W2_4_4 * a1_4 + W2_4_5 * a1_5;
    a2[k + 5 * n] = b2_5 + W2_5_0 * a1_0 + W2_5_1 * a1_1 + W2_5_2 * a1_2 + W2_5_3 * a1_3 + W2_5_4 * a1_4 + W2_5_5 * a1_5;
    a2[k + 6 * n] = b2_6 + W2_6_0 * a1_0 + W2_6_1 * a1_1 + W2_6_2 * a1_2 + W2_6_3 * a1_3 + W2_6_4 * a1_4 + W2_6_5 * a1_5;
  }
  activateInto('sigmoid', a2, a2);
}

/** z3 = W3 a2 + b3, a3 = σ(z3). */
function layer3(W3: Float64Array, b3: Float64Array, a2: Float64Array, n: number, a3: Float64Array): void {
  const W3_0_0 = W3[0]!, W3_0_1 = W3[1]!, W3_0_2 = W3[2]!, W3_0_3 = W3[3]!, W3_0_4 = W3[4]!, W3_0_5 = W3[5]!, W3_0_6 = W3[6]!;
  const W3_1_0 = W3[7]!, W3_1_1 = W3[8]!, W3_1_2 = W3[9]!, W3_1_3 = W3[10]!, W3_1_4 = W3[11]!, W3_1_5 = W3[12]!, W3_1_6 = W3[13]!;
  const b3_0 = b3[0]!, b3_1 = b3[1]!;
  for (let k = 0; k < n; k++) {
    const a2_0 = a2[k]!, a2_1 = a2[k + n]!, a2_2 = a2[k + 2 * n]!, a2_3 = a2[k + 3 * n]!, a2_4 = a2[k + 4 * n]!, a2_5 = a2[k + 5 * n]!, a2_6 = a2[k + 6 * n]!;
    a3[k] = b3_0 + W3_0_0 * a2_0 + W3_0_1 * a2_1 + W3_0_2 * a2_2 + W3_0_3 * a2_3 + W3_0_4 * a2_4 + W3_0_5 * a2_5 + W3_0_6 * a2_6;
    a3[k + n] = b3_1 + W3_1_0 * a2_0 + W3_1_1 * a2_1 + W3_1_2 * a2_2 + W3_1_3 * a2_3 + W3_1_4 * a2_4 + W3_1_5 * a2_5 + W3_1_6 * a2_6;
  }
  activateInto('sigmoid', a3, a3);
}

/** ‖a3 − y‖² / N, summed in row-major order like the general loops. */
function costOf(a3: Float64Array, y: Float64Array, n: number): number {
  let sum = 0;
  for (let k = 0; k < 2 * n; k++) {
    const e = a3[k]! - y[k]!;
    sum += e * e;
  }
  return sum / n;
}

/** * The δ-recursion and the six Jacobians, one example at a time, after {@link layer3}:
 * δ3 = 2(a3 − y) ⊙ σ'(z3), δ2 = (W3ᵀ δ3) ⊙ σ'(z2), δ1 = (W2ᵀ δ2) ⊙ σ'(z1), then
 * J_W3 = δ3 a2ᵀ / N, J_b3 = Σ δ3 / N, J_W2 = δ2 a1ᵀ / N, J_b2 = Σ δ2 / N,
 * J_W1 = δ1 a0ᵀ / N, J_b1 = Σ δ1 / N.
 */
function backward(W2: Float64Array, W3: Float64Array, x: Float64Array, y: Float64Array, n: number, a1: Float64Array, a2: Float64Array, a3: Float64Array, dw: readonly Float64Array[], db: readonly Float64Array[]): void {
  const W2_0_0 = W2[0]!, W2_0_1 = W2[1]!, W2_0_2 = W2[2]!, W2_0_3 = W2[3]!, W2_0_4 = W2[4]!, W2_0_5 = W2[5]!;
  const W2_1_0 = W2[6]!, W2_1_1 = W2[7]!, W2_1_2 = W2[8]!, W2_1_3 = W2[9]!, W2_1_4 = W2[10]!, W2_1_5 = W2[11]!;
  const W2_2_0 = W2[12]!, W2_2_1 = W2[13]!, W2_2_2 = W2[14]!, W2_2_3 = W2[15]!, W2_2_4 = W2[16]!, W2_2_5 = W2[17]!;
  const W2_3_0 = W2[18]!, W2_3_1 = W2[19]!, W2_3_2 = W2[20]!, W2_3_3 = W2[21]!, W2_3_4 = W2[22]!, W2_3_5 = W2[23]!;
  const W2_4_0 = W2[24]!, W2_4_1 = W2[25]!, W2_4_2 = W2[26]!, W2_4_3 = W2[27]!, W2_4_4 = W2[28]!, W2_4_5 = W2[29]!;
  const W2_5_0 = W2[30]!, W2_5_1 = W2[31]!, W2_5_2 = W2[32]!, W2_5_3 = W2[33]!, W2_5_4 = W2[34]!, W2_5_5 = W2[35]!;
  const W2_6_0 = W2[36]!, W2_6_1 = W2[37]!, W2_6_2 = W2[38]!, W2_6_3 = W2[39]!, W2_6_4 = W2[40]!, W2_6_5 = W2[41]!;
  const W3_0_0 = W3[0]!, W3_0_1 = W3[1]!, W3_0_2 = W3[2]!, W3_0_3 = W3[3]!, W3_0_4 = W3[4]!, W3_0_5 = W3[5]!, W3_0_6 = W3[6]!;
  const W3_1_0 = W3[7]!, W3_1_1 = W3[8]!, W3_1_2 = W3[9]!, W3_1_3 = W3[10]!, W3_1_4 = W3[11]!, W3_1_5 = W3[12]!, W3_1_6 = W3[13]!;
  let jW3_0_0 = 0, jW3_0_1 = 0, jW3_0_2 = 0, jW3_0_3 = 0, jW3_0_4 = 0, jW3_0_5 = 0, jW3_0_6 = 0;
  let jW3_1_0 = 0, jW3_1_1 = 0, jW3_1_2 = 0, jW3_1_3 = 0, jW3_1_4 = 0, jW3_1_5 = 0, jW3_1_6 = 0;
  let jb3_0 = 0, jb3_1 = 0;
  let jW2_0_0 = 0, jW2_0_1 = 0, jW2_0_2 = 0, jW2_0_3 = 0, jW2_0_4 = 0, jW2_0_5 = 0;
  let jW2_1_0 = 0, jW2_1_1 = 0, jW2_1_2 = 0, jW2_1_3 = 0, jW2_1_4 = 0, jW2_1_5 = 0;
  let jW2_2_0 = 0, jW2_2_1 = 0, jW2_2_2 = 0, jW2_2_3 = 0, jW2_2_4 = 0, jW2_2_5 = 0;
  let jW2_3_0 = 0, jW2_3_1 = 0, jW2_3_2 = 0, jW2_3_3 = 0, jW2_3_4 = 0, jW2_3_5 = 0;
  let jW2_4_0 = 0, jW2_4_1 = 0, jW2_4_2 = 0, jW2_4_3 = 0, jW2_4_4 = 0, jW2_4_5 = 0;
  let jW2_5_0 = 0, jW2_5_1 = 0, jW2_5_2 = 0, jW2_5_3 = 0, jW2_5_4 = 0, jW2_5_5 = 0;
  let jW2_6_0 = 0, jW2_6_1 = 0, jW2_6_2 = 0, jW2_6_3 = 0, jW2_6_4 = 0, jW2_6_5 = 0;
  let jb2_0 = 0, jb2_1 = 0, jb2_2 = 0, jb2_3 = 0, jb2_4 = 0, jb2_5 = 0, jb2_6 = 0;
  let jW1_0 = 0, jW1_1 = 0, jW1_2 = 0, jW1_3 = 0, jW1_4 = 0, jW1_5 = 0;
  let jb1_0 = 0, jb1_1 = 0, jb1_2 = 0, jb1_3 = 0, jb1_4 = 0, jb1_5 = 0;
  for (let k = 0; k < n; k++) {
    const a0 = x[k]!;
    const a1_0 = a1[k]!, a1_1 = a1[k + n]!, a1_2 = a1[k + 2 * n]!, a1_3 = a1[k + 3 * n]!, a1_4 = a1[k + 4 * n]!, a1_5 = a1[k + 5 * n]!;
    const a2_0 = a2[k]!, a2_1 = a2[k + n]!, a2_2 = a2[k + 2 * n]!, a2_3 = a2[k + 3 * n]!, a2_4 = a2[k + 4 * n]!, a2_5 = a2[k + 5 * n]!, a2_6 = a2[k + 6 * n]!;
    const a3_0 = a3[k]!, a3_1 = a3[k + n]!;
    // δ3 = 2(a3 − y) ⊙ σ'(z3), with σ'(z) = a(1 − a)
    const d3_0 = 2 * (a3_0 - y[k]!) * a3_0 * (1 - a3_0);
    const d3_1 = 2 * (a3_1 - y[k + n]!) * a3_1 * (1 - a3_1);
    // δ2 = (W3ᵀ δ3) ⊙ σ'(z2)
    const d2_0 = (W3_0_0 * d3_0 + W3_1_0 * d3_1) * a2_0 * (1 - a2_0);
    const d2_1 = (W3_0_1 * d3_0 + W3_1_1 * d3_1) * a2_1 * (1 - a2_1);
    const d2_2 = (W3_0_2 * d3_0 + W3_1_2 * d3_1) * a2_2 * (1 - a2_2);
    const d2_3 = (W3_0_3 * d3_0 + W3_1_3 * d3_1) * a2_3 * (1 - a2_3);
    const d2_4 = (W3_0_4 * d3_0 + W3_1_4 * d3_1) * a2_4 * (1 - a2_4);
    const d2_5 = (W3_0_5 * d3_0 + W3_1_5 * d3_1) * a2_5 * (1 - a2_5);
    const d2_6 = (W3_0_6 * d3_0 + W3_1_6 * d3_1) * a2_6 * (1 - a2_6);
    // δ1 = (W2ᵀ δ2) ⊙ σ'(z1)
    const d1_0 = (W2_0_0 * d2_0 + W2_1_0 * d2_1 + W2_2_0 * d2_2 + W2_3_0 * d2_3 + W2_4_0 * d2_4 + W2_5_0 * d2_5 + W2_6_0 * d2_6) * a1_0 * (1 - a1_0);
    const d1_1 = (W2_0_1 * d2_0 + W2_1_1 * d2_1 + W2_2_1 * d2_2 + W2_3_1 * d2_3 + W2_4_1 * d2_4 + W2_5_1 * d2_5 + W2_6_1 * d2_6) * a1_1 * (1 - a1_1);
    const d1_2 = (W2_0_2 * d2_0 + W2_1_2 * d2_1 + W2_2_2 * d2_2 + W2_3_2 * d2_3 + W2_4_2 * d2_4 + W2_5_2 * d2_5 + W2_6_2 * d2_6) * a1_2 * (1 - a1_2);
    const d1_3 = (W2_0_3 * d2_0 + W2_1_3 * d2_1 + W2_2_3 * d2_2 + W2_3_3 * d2_3 + W2_4_3 * d2_4 + W2_5_3 * d2_5 + W2_6_3 * d2_6) * a1_3 * (1 - a1_3);
    const d1_4 = (W2_0_4 * d2_0 + W2_1_4 * d2_1 + W2_2_4 * d2_2 + W2_3_4 * d2_3 + W2_4_4 * d2_4 + W2_5_4 * d2_5 + W2_6_4 * d2_6) * a1_4 * (1 - a1_4);
    const d1_5 = (W2_0_5 * d2_0 + W2_1_5 * d2_1 + W2_2_5 * d2_2 + W2_3_5 * d2_3 + W2_4_5 * d2_4 + W2_5_5 * d2_5 + W2_6_5 * d2_6) * a1_5 * (1 - a1_5);
    // J_W3 = δ3 · a2ᵀ / N and J_b3 = Σ δ3 / N (sums here, divided by N below)
    jW3_0_0 += d3_0 * a2_0; jW3_0_1 += d3_0 * a2_1; jW3_0_2 += d3_0 * a2_2; jW3_0_3 += d3_0 * a2_3; jW3_0_4 += d3_0 * a2_4; jW3_0_5 += d3_0 * a2_5; jW3_0_6 += d3_0 * a2_6;
    jW3_1_0 += d3_1 * a2_0; jW3_1_1 += d3_1 * a2_1; jW3_1_2 += d3_1 * a2_2; jW3_1_3 += d3_1 * a2_3; jW3_1_4 += d3_1 * a2_4; jW3_1_5 += d3_1 * a2_5; jW3_1_6 += d3_1 * a2_6;
    jb3_0 += d3_0; jb3_1 += d3_1;
    // J_W2 = δ2 · a1ᵀ / N and J_b2 = Σ δ2 / N
    jW2_0_0 += d2_0 * a1_0; jW2_0_1 += d2_0 * a1_1; jW2_0_2 += d2_0 * a1_2; jW2_0_3 += d2_0 * a1_3; jW2_0_4 += d2_0 * a1_4; jW2_0_5 += d2_0 * a1_5;
    jW2_1_0 += d2_1 * a1_0; jW2_1_1 += d2_1 * a1_1; jW2_1_2 += d2_1 * a1_2; jW2_1_3 += d2_1 * a1_3; jW2_1_4 += d2_1 * a1_4; jW2_1_5 += d2_1 * a1_5;
    jW2_2_0 += d2_2 * a1_0; jW2_2_1 += d2_2 * a1_1; jW2_2_2 += d2_2 * a1_2; jW2_2_3 += d2_2 * a1_3; jW2_2_4 += d2_2 * a1_4; jW2_2_5 += d2_2 * a1_5;
    jW2_3_0 += d2_3 * a1_0; jW2_3_1 += d2_3 * a1_1; jW2_3_2 += d2_3 * a1_2; jW2_3_3 += d2_3 * a1_3; jW2_3_4 += d2_3 * a1_4; jW2_3_5 += d2_3 * a1_5;
    jW2_4_0 += d2_4 * a1_0; jW2_4_1 += d2_4 * a1_1; jW2_4_2 += d2_4 * a1_2; jW2_4_3 += d2_4 * a1_3; jW2_4_4 += d2_4 * a1_4; jW2_4_5 += d2_4 * a1_5;
    jW2_5_0 += d2_5 * a1_0; jW2_5_1 += d2_5 * a1_1; jW2_5_2 += d2_5 * a1_2; jW2_5_3 += d2_5 * a1_3; jW2_5_4 += d2_5 * a1_4; jW2_5_5 += d2_5 * a1_5;
    jW2_6_0 += d2_6 * a1_0; jW2_6_1 += d2_6 * a1_1; jW2_6_2 += d2_6 * a1_2; jW2_6_3 += d2_6 * a1_3; jW2_6_4 += d2_6 * a1_4; jW2_6_5 += d2_6 * a1_5;
    jb2_0 += d2_0; jb2_1 += d2_1; jb2_2 += d2_2; jb2_3 += d2_3; jb2_4 += d2_4; jb2_5 += d2_5; jb2_6 += d2_6;
    // J_W1 = δ1 · a0ᵀ / N (a0 = x) and J_b1 = Σ δ1 / N
    jW1_0 += d1_0 * a0; jW1_1 += d1_1 * a0; jW1_2 += d1_2 * a0; jW1_3 += d1_3 * a0; jW1_4 += d1_4 * a0; jW1_5 += d1_5 * a0;
    jb1_0 += d1_0; jb1_1 += d1_1; jb1_2 += d1_2; jb1_3 += d1_3; jb1_4 += d1_4; jb1_5 += d1_5;
  }
  const [gW1, gW2, gW3] = dw as [Float64Array, Float64Array, Float64Array];
  const [gb1, gb2, gb3] = db as [Float64Array, Float64Array, Float64Array];
  gW3[0] = jW3_0_0 / n; gW3[1] = jW3_0_1 / n; gW3[2] = jW3_0_2 / n; gW3[3] = jW3_0_3 / n; gW3[4] = jW3_0_4 / n; gW3[5] = jW3_0_5 / n; gW3[6] = jW3_0_6 / n;
  gW3[7] = jW3_1_0 / n; gW3[8] = jW3_1_1 / n; gW3[9] = jW3_1_2 / n; gW3[10] = jW3_1_3 / n; gW3[11] = jW3_1_4 / n; gW3[12] = jW3_1_5 / n; gW3[13] = jW3_1_6 / n;
  gb3[0] = jb3_0 / n; gb3[1] = jb3_1 / n;
  gW2[0] = jW2_0_0 / n; gW2[1] = jW2_0_1 / n; gW2[2] = jW2_0_2 / n; gW2[3] = jW2_0_3 / n; gW2[4] = jW2_0_4 / n; gW2[5] = jW2_0_5 / n;
  gW2[6] = jW2_1_0 / n; gW2[7] = jW2_1_1 / n; gW2[8] = jW2_1_2 / n; gW2[9] = jW2_1_3 / n; gW2[10] = jW2_1_4 / n; gW2[11] = jW2_1_5 / n;
  gW2[12] = jW2_2_0 / n; gW2[13] = jW2_2_1 / n; gW2[14] = jW2_2_2 / n; gW2[15] = jW2_2_3 / n; gW2[16] = jW2_2_4 / n; gW2[17] = jW2_2_5 / n;
  gW2[18] = jW2_3_0 / n; gW2[19] = jW2_3_1 / n; gW2[20] = jW2_3_2 / n; gW2[21] = jW2_3_3 / n; gW2[22] = jW2_3_4 / n; gW2[23] = jW2_3_5 / n;
  gW2[24] = jW2_4_0 / n; gW2[25] = jW2_4_1 / n; gW2[26] = jW2_4_2 / n; gW2[27] = jW2_4_3 / n; gW2[28] = jW2_4_4 / n; gW2[29] = jW2_4_5 / n;
  gW2[30] = jW2_5_0 / n; gW2[31] = jW2_5_1 / n; gW2[32] = jW2_5_2 / n; gW2[33] = jW2_5_3 / n; gW2[34] = jW2_5_4 / n; gW2[35] = jW2_5_5 / n;
  gW2[36] = jW2_6_0 / n; gW2[37] = jW2_6_1 / n; gW2[38] = jW2_6_2 / n; gW2[39] = jW2_6_3 / n; gW2[40] = jW2_6_4 / n; gW2[41] = jW2_6_5 / n;
  gb2[0] = jb2_0 / n; gb2[1] = jb2_1 / n; gb2[2] = jb2_2 / n; gb2[3] = jb2_3 / n; gb2[4] = jb2_4 / n; gb2[5] = jb2_5 / n; gb2[6] = jb2_6 / n;
  gW1[0] = jW1_0 / n; gW1[1] = jW1_1 / n; gW1[2] = jW1_2 / n; gW1[3] = jW1_3 / n; gW1[4] = jW1_4 / n; gW1[5] = jW1_5 / n;
  gb1[0] = jb1_0 / n; gb1[1] = jb1_1 / n; gb1[2] = jb1_2 / n; gb1[3] = jb1_3 / n; gb1[4] = jb1_4 / n; gb1[5] = jb1_5 / n;
}
