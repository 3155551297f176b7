import { activateInto, multiplySlope, type Activation } from './activation.js';
import type { Batch } from './batch.js';
import { createCourseKernel, isCourseNetwork } from './course-kernel.js';

/**
 * The network's shape and the arrays its parameters live in. The engine reads the arrays at
 * every pass, so updates made to them in place are seen.
 */
export interface NetworkShape {
  /** Layer sizes, input first. */
  readonly layers: readonly number[];
  /** The activation of each layer after the input (length layers.length − 1). */
  readonly activations: readonly Activation[];
  /** W⁽ˡ⁾ row-major (outputs × inputs), one per layer. */
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
}

/**
 * Forward and backward passes of one network on one batch over buffers allocated once, so a
 * training update allocates nothing.
 */
export interface NetworkEngine {
  /** Feeds the batch forward at the current parameters and returns C = ‖a_L − y‖²_F / N (NaN without targets). */
  forward(): number;
  /**
   * After {@link NetworkEngine.forward} at the same parameters: J_W and J_b of every layer into
   * `dw`, `db` (the course's δ-recursion, COURSE.md §1.4).
   */
  backward(dw: readonly Float64Array[], db: readonly Float64Array[]): void;
  /** a_L of the latest forward pass, row-major (outputs × N). */
  readonly output: Float64Array;
}

/**
 * The engine for `shape` on batch `x` (targets `y`, or null to only feed forward): the fused
 * course kernel for the course's 1→6→7→2 sigmoid network, the general loops otherwise. Both
 * compute the same sums in the same order, so they agree to the last bit (tested).
 */
export function networkEngine(shape: NetworkShape, x: Batch, y: Batch | null): NetworkEngine {
  return isCourseNetwork(shape.layers, shape.activations) ? createCourseKernel(shape, x, y) : generalEngine(shape, x, y);
}

/**
 * The general loops, for any layer sizes and activations. Every sum runs left to right
 * starting from its first term (a bias, or the first product), the order the course kernel
 * writes out by hand.
 */
export function generalEngine(shape: NetworkShape, x: Batch, y: Batch | null): NetworkEngine {
  const { layers, activations, weights, biases } = shape;
  const depth = layers.length - 1;
  const n = x.columns;
  // a[0] = x; z[l], a[l] for l = 1 … depth; delta[l] = ∂C/∂z[l].
  const a: Float64Array[] = [x.data];
  const z: Float64Array[] = [x.data];
  const delta: Float64Array[] = [x.data];
  for (let l = 1; l <= depth; l++) {
    const size = layers[l]! * n;
    z.push(new Float64Array(size));
    a.push(activations[l - 1] === 'linear' ? z[l]! : new Float64Array(size));
    delta.push(new Float64Array(size));
  }
  const top = a[depth]!;

  function forward(): number {
    for (let l = 0; l < depth; l++) {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      const w = weights[l]!;
      const b = biases[l]!;
      const prev = a[l]!;
      const zl = z[l + 1]!;
      for (let i = 0; i < out; i++) {
        const row = i * n;
        const bias = b[i]!;
        const w0 = w[i * inp]!;
        for (let k = 0; k < n; k++) zl[row + k] = bias + w0 * prev[k]!;
        for (let j = 1; j < inp; j++) {
          const wij = w[i * inp + j]!;
          const col = j * n;
          for (let k = 0; k < n; k++) zl[row + k] = zl[row + k]! + wij * prev[col + k]!;
        }
      }
      activateInto(activations[l]!, zl, a[l + 1]!);
    }
    if (y == null) return Number.NaN;
    const target = y.data;
    let sum = 0;
    for (let i = 0; i < top.length; i++) {
      const d = top[i]! - target[i]!;
      sum += d * d;
    }
    return sum / n;
  }

  function backward(dw: readonly Float64Array[], db: readonly Float64Array[]): void {
    if (y == null) throw new Error('backward: this engine has no targets');
    const target = y.data;
    const dTop = delta[depth]!;
    for (let i = 0; i < dTop.length; i++) dTop[i] = 2 * (top[i]! - target[i]!);
    multiplySlope(activations[depth - 1]!, z[depth]!, top, dTop);
    for (let l = depth - 1; l >= 0; l--) {
      const out = layers[l + 1]!;
      const inp = layers[l]!;
      const d = delta[l + 1]!;
      const prev = a[l]!;
      const gw = dw[l]!;
      const gb = db[l]!;
      for (let i = 0; i < out; i++) {
        const row = i * n;
        let sb = 0;
        for (let k = 0; k < n; k++) sb += d[row + k]!;
        gb[i] = sb / n;
        for (let j = 0; j < inp; j++) {
          const col = j * n;
          let s = 0;
          for (let k = 0; k < n; k++) s += d[row + k]! * prev[col + k]!;
          gw[i * inp + j] = s / n;
        }
      }
      if (l > 0) {
        // δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ σ'(z⁽ˡ⁾), the sum over the next layer's units from unit 0.
        const w = weights[l]!;
        const next = delta[l]!;
        for (let j = 0; j < inp; j++) {
          const dst = j * n;
          const w0 = w[j]!;
          for (let k = 0; k < n; k++) next[dst + k] = w0 * d[k]!;
          for (let i = 1; i < out; i++) {
            const wij = w[i * inp + j]!;
            const src = i * n;
            for (let k = 0; k < n; k++) next[dst + k] = next[dst + k]! + wij * d[src + k]!;
          }
        }
        multiplySlope(activations[l - 1]!, z[l]!, a[l]!, next);
      }
    }
  }

  return { forward, backward, output: top };
}
