import { COURSE_HIDDEN, createCourseKernel } from './course-kernel.js';
import type { CurveData } from './data.js';
import type { GradientEngine } from './engine.js';
import { logisticInPlace } from './logistic.js';
import type { Network } from './network.js';

/**
 * The notebook's quantities for all N training examples at once, each a row-major
 * matrix with one column per example: activations a1 (n1×N), a2 (n2×N), a3 (2×N) and the
 * back-propagated errors δ1, δ2, δ3 of the same shapes. Buffers are allocated once and
 * reused by every iteration, which is what makes the hand engine fast.
 *
 * @example
 * const bp: Backprop = createBackprop(heartData(), [6, 7]);
 */
export interface Backprop {
  readonly n: number;
  readonly hidden: readonly [number, number];
  /** a0 = x, 1×N. */
  readonly x: Float64Array;
  /** y, 2×N. */
  readonly y: Float64Array;
  readonly a1: Float64Array;
  readonly a2: Float64Array;
  readonly a3: Float64Array;
  readonly delta1: Float64Array;
  readonly delta2: Float64Array;
  readonly delta3: Float64Array;
}

/**
 * Work buffers for back-propagation through a network with hidden sizes `[n1, n2]` on `data`.
 *
 * @example
 * const bp = createBackprop(heart, [6, 7]);
 */
export function createBackprop(data: CurveData, hidden: readonly [number, number]): Backprop {
  const { n, x, y } = data;
  if (x.length !== n || y.length !== 2 * n) {
    throw new RangeError(`createBackprop: data has n = ${n} but x has ${x.length} and y has ${y.length} entries; expected n and 2n`);
  }
  const [n1, n2] = hidden;
  return {
    n,
    hidden: [n1, n2],
    x,
    y,
    a1: new Float64Array(n1 * n),
    a2: new Float64Array(n2 * n),
    a3: new Float64Array(2 * n),
    delta1: new Float64Array(n1 * n),
    delta2: new Float64Array(n2 * n),
    delta3: new Float64Array(2 * n),
  };
}

/**
 * z(n) = W(n) a(n−1) + b(n), a(n) = σ(z(n)) for one layer, written into `out`: first every
 * z(n) (two output neurons share each pass over the inputs, and each sum stays in a register),
 * then σ over the whole buffer in one tight loop.
 */
function layer(W: Float64Array, b: Float64Array, input: Float64Array, inputs: number, outputs: number, n: number, out: Float64Array): void {
  if (inputs === 1) {
    // The first layer (a0 = x is 1×N): no sum to keep, so skip the inner loop's overhead.
    for (let i = 0; i < outputs; i++) {
      const bias = b[i]!;
      const w = W[i]!;
      const row = i * n;
      for (let k = 0; k < n; k++) out[row + k] = bias + w * input[k]!;
    }
    logisticInPlace(out);
    return;
  }
  let i = 0;
  for (; i + 1 < outputs; i += 2) {
    const bias0 = b[i]!;
    const bias1 = b[i + 1]!;
    const w0 = i * inputs;
    const w1 = w0 + inputs;
    const row0 = i * n;
    const row1 = row0 + n;
    for (let k = 0; k < n; k++) {
      let s0 = bias0;
      let s1 = bias1;
      for (let j = 0, c = k; j < inputs; j++, c += n) {
        const v = input[c]!;
        s0 += W[w0 + j]! * v;
        s1 += W[w1 + j]! * v;
      }
      out[row0 + k] = s0;
      out[row1 + k] = s1;
    }
  }
  for (; i < outputs; i++) {
    const bias = b[i]!;
    const w0 = i * inputs;
    const row = i * n;
    for (let k = 0; k < n; k++) {
      let s = bias;
      for (let j = 0, c = k; j < inputs; j++, c += n) s += W[w0 + j]! * input[c]!;
      out[row + k] = s;
    }
  }
  logisticInPlace(out);
}

/**
 * The notebook's `network_function`: feeds every example forward, filling a1, a2, a3,
 * and returns the cost ‖a3 − y‖² / N at `net`.
 *
 * @example
 * const cost = feedForward(bp, net);
 */
export function feedForward(bp: Backprop, net: Network): number {
  const { n, x, y, a1, a2, a3 } = bp;
  const [n1, n2] = bp.hidden;
  layer(net.W1, net.b1, x, 1, n1, n, a1);
  layer(net.W2, net.b2, a1, n1, n2, n, a2);
  layer(net.W3, net.b3, a2, n2, 2, n, a3);
  let sum = 0;
  for (let k = 0; k < 2 * n; k++) {
    const e = a3[k]! - y[k]!;
    sum += e * e;
  }
  return sum / n;
}

/**
 * δ(n−1) = (W(n)ᵀ δ(n)) ⊙ σ'(z(n−1)). The notebook writes σ'(z) = cosh(z/2)⁻² / 4; that is
 * the same function as σ(z)(1 − σ(z)) = a(1 − a), which needs no second exp. Two rows of
 * δ(n−1) share each pass over δ(n).
 */
function backLayer(W: Float64Array, delta: Float64Array, outputs: number, a: Float64Array, inputs: number, n: number, out: Float64Array): void {
  let j = 0;
  for (; j + 1 < inputs; j += 2) {
    const row0 = j * n;
    const row1 = row0 + n;
    for (let k = 0; k < n; k++) {
      let s0 = 0;
      let s1 = 0;
      for (let i = 0, c = k, w = j; i < outputs; i++, c += n, w += inputs) {
        const d = delta[c]!;
        s0 += W[w]! * d;
        s1 += W[w + 1]! * d;
      }
      const a0 = a[row0 + k]!;
      const a1 = a[row1 + k]!;
      out[row0 + k] = s0 * a0 * (1 - a0);
      out[row1 + k] = s1 * a1 * (1 - a1);
    }
  }
  for (; j < inputs; j++) {
    const row = j * n;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0, c = k, w = j; i < outputs; i++, c += n, w += inputs) s += W[w]! * delta[c]!;
      const ak = a[row + k]!;
      out[row + k] = s * ak * (1 - ak);
    }
  }
}

/**
 * The chain rule backwards from the cost, after {@link feedForward}:
 * δ3 = 2(a3 − y) ⊙ σ'(z3) (∂C/∂a3 = 2(a3 − y), ∂a3/∂z3 = σ'(z3)), then
 * δ2 = (W3ᵀ δ3) ⊙ σ'(z2) and δ1 = (W2ᵀ δ2) ⊙ σ'(z1).
 *
 * @example
 * feedForward(bp, net);
 * backPropagate(bp, net);
 */
export function backPropagate(bp: Backprop, net: Network): void {
  const { n, y, a1, a2, a3, delta1, delta2, delta3 } = bp;
  const [n1, n2] = bp.hidden;
  for (let k = 0; k < 2 * n; k++) {
    const a = a3[k]!;
    delta3[k] = 2 * (a - y[k]!) * a * (1 - a);
  }
  backLayer(net.W3, delta3, 2, a2, n2, n, delta2);
  backLayer(net.W2, delta2, n2, a1, n1, n, delta1);
}

/** δ · aᵀ / N: rows of δ against rows of the previous layer's activations, two δ rows at a time. */
function weightJacobian(delta: Float64Array, rows: number, a: Float64Array, cols: number, n: number, out: Float64Array): Float64Array {
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const d0 = i * n;
    const d1 = d0 + n;
    for (let j = 0; j < cols; j++) {
      const arow = j * n;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < n; k++) {
        const v = a[arow + k]!;
        s0 += delta[d0 + k]! * v;
        s1 += delta[d1 + k]! * v;
      }
      out[i * cols + j] = s0 / n;
      out[(i + 1) * cols + j] = s1 / n;
    }
  }
  for (; i < rows; i++) {
    const drow = i * n;
    for (let j = 0; j < cols; j++) {
      const arow = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += delta[drow + k]! * a[arow + k]!;
      out[i * cols + j] = s / n;
    }
  }
  return out;
}

/** Σ δ / N over the examples (∂z/∂b = 1). */
function biasJacobian(delta: Float64Array, rows: number, n: number, out: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    const drow = i * n;
    let s = 0;
    for (let k = 0; k < n; k++) s += delta[drow + k]!;
    out[i] = s / n;
  }
  return out;
}

/**
 * J_W3 = ∂C/∂W3 = δ3 · a2ᵀ / N (2×n2), since ∂z3/∂W3 = a2. Needs {@link backPropagate} first.
 *
 * @example
 * J_W3(bp, grads.W3);
 */
export function J_W3(bp: Backprop, out: Float64Array): Float64Array {
  return weightJacobian(bp.delta3, 2, bp.a2, bp.hidden[1], bp.n, out);
}

/**
 * J_b3 = ∂C/∂b3 = Σ δ3 / N (2×1), since ∂z3/∂b3 = 1.
 *
 * @example
 * J_b3(bp, grads.b3);
 */
export function J_b3(bp: Backprop, out: Float64Array): Float64Array {
  return biasJacobian(bp.delta3, 2, bp.n, out);
}

/**
 * J_W2 = ∂C/∂W2 = δ2 · a1ᵀ / N (n2×n1), with δ2 = (W3ᵀ δ3) ⊙ σ'(z2).
 *
 * @example
 * J_W2(bp, grads.W2);
 */
export function J_W2(bp: Backprop, out: Float64Array): Float64Array {
  return weightJacobian(bp.delta2, bp.hidden[1], bp.a1, bp.hidden[0], bp.n, out);
}

/**
 * J_b2 = ∂C/∂b2 = Σ δ2 / N (n2×1).
 *
 * @example
 * J_b2(bp, grads.b2);
 */
export function J_b2(bp: Backprop, out: Float64Array): Float64Array {
  return biasJacobian(bp.delta2, bp.hidden[1], bp.n, out);
}

/**
 * J_W1 = ∂C/∂W1 = δ1 · a0ᵀ / N (n1×1), with δ1 = (W2ᵀ δ2) ⊙ σ'(z1) and a0 = x.
 *
 * @example
 * J_W1(bp, grads.W1);
 */
export function J_W1(bp: Backprop, out: Float64Array): Float64Array {
  return weightJacobian(bp.delta1, bp.hidden[0], bp.x, 1, bp.n, out);
}

/**
 * J_b1 = ∂C/∂b1 = Σ δ1 / N (n1×1).
 *
 * @example
 * J_b1(bp, grads.b1);
 */
export function J_b1(bp: Backprop, out: Float64Array): Float64Array {
  return biasJacobian(bp.delta1, bp.hidden[0], bp.n, out);
}

/**
 * The fast engine: the notebook's δ-recursion as tight loops over reused buffers
 * (J_W3 … J_b1 above). For the course's hidden sizes [6, 7] it runs the same sums written out
 * unit by unit (`src/course-kernel.ts`: identical results, less time); the choice is
 * made once, here.
 *
 * @example
 * const engine = createHandEngine(heart, [6, 7]);
 * const cost = engine.gradients(net, grads);
 */
export function createHandEngine(data: CurveData, hidden: readonly [number, number]): GradientEngine {
  if (hidden[0] === COURSE_HIDDEN[0] && hidden[1] === COURSE_HIDDEN[1]) {
    const kernel = createCourseKernel(data);
    return {
      name: 'hand',
      gradients: (net, grads) => kernel.gradients(net, grads),
      cost: (net) => kernel.forward(net),
      outputs(net) {
        kernel.forward(net);
        return kernel.a3.slice();
      },
    };
  }
  const bp = createBackprop(data, hidden);
  return {
    name: 'hand',
    gradients(net, grads) {
      const cost = feedForward(bp, net);
      backPropagate(bp, net);
      J_W3(bp, grads.W3);
      J_b3(bp, grads.b3);
      J_W2(bp, grads.W2);
      J_b2(bp, grads.b2);
      J_W1(bp, grads.W1);
      J_b1(bp, grads.b1);
      return cost;
    },
    cost: (net) => feedForward(bp, net),
    outputs(net) {
      feedForward(bp, net);
      return bp.a3.slice();
    },
  };
}
