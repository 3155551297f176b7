import { add, map, matmul, mul, scale, size, sub, sum, transpose, type Matrix } from '../matrix.js';

/**
 * The weights and biases of the course network 1 → n1 → n2 → 2 (COURSE.md §1.2): W(n) is
 * n(n)×n(n−1), b(n) is the column n(n)×1.
 *
 * @example
 * ```ts
 * const p: NetworkParameters = { W1: [[0.1]], b1: [[0]], W2: [[0.2]], b2: [[0]], W3: [[0.3], [0.4]], b3: [[0], [0]] };
 * ```
 */
export interface NetworkParameters {
  readonly W1: Matrix;
  readonly W2: Matrix;
  readonly W3: Matrix;
  readonly b1: Matrix;
  readonly b2: Matrix;
  readonly b3: Matrix;
}

/** `network_function(a0)`'s tuple as an object: every quantity with the examples as columns. */
export interface Forward {
  readonly a0: Matrix;
  readonly z1: Matrix;
  readonly a1: Matrix;
  readonly z2: Matrix;
  readonly a2: Matrix;
  readonly z3: Matrix;
  readonly a3: Matrix;
}

/**
 * What a learner's Jacobian function receives as `net`: the parameters, the feed-forward, σ
 * and σ′, and the matrix kit (so a learner writes numpy-like lines in plain JavaScript).
 *
 * @example
 * ```ts
 * const { a2, z3, a3 } = net.forward(x);
 * const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
 * ```
 */
export interface Network extends NetworkParameters {
  /** z(n) = W(n) a(n−1) + b(n), a(n) = σ(z(n)), from a0 = x. */
  forward(x: Matrix): Forward;
  /** The logistic function σ(z) = 1/(1 + exp(−z)), elementwise. */
  sigma(z: Matrix): Matrix;
  /** σ′(z) = cosh(z/2)^(−2) / 4 (= σ(z)(1 − σ(z))), elementwise. */
  dSigma(z: Matrix): Matrix;
  readonly matmul: typeof matmul;
  readonly transpose: typeof transpose;
  readonly mul: typeof mul;
  readonly add: typeof add;
  readonly sub: typeof sub;
  readonly scale: typeof scale;
  readonly sum: typeof sum;
  readonly size: typeof size;
  readonly map: typeof map;
}

/** σ(z) = 1/(1 + exp(−z)). */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** σ′(z) as the notebook writes it, cosh(z/2)^(−2)/4. */
export function logisticSlope(z: number): number {
  const c = Math.cosh(z / 2);
  return 1 / (4 * c * c);
}

/** W a + b with the column b added to every example. */
function affine(W: Matrix, a: Matrix, b: Matrix): Matrix {
  return matmul(W, a).map((row, i) => row.map((v) => v + b[i]![0]!));
}

function copy(m: Matrix): Matrix {
  return m.map((row) => [...row]);
}

/**
 * A fresh {@link Network} over copies of `params` (a learner's function may change what it
 * is given without touching the grader's case).
 *
 * @example
 * ```ts
 * const net = createNetwork(params);
 * net.forward([[0, 0.5]]).a3; // 2×2
 * ```
 */
export function createNetwork(params: NetworkParameters): Network {
  const W1 = copy(params.W1), W2 = copy(params.W2), W3 = copy(params.W3);
  const b1 = copy(params.b1), b2 = copy(params.b2), b3 = copy(params.b3);
  const sigma = (z: Matrix): Matrix => map(z, logistic);
  const dSigma = (z: Matrix): Matrix => map(z, logisticSlope);
  return {
    W1, W2, W3, b1, b2, b3,
    forward(x: Matrix): Forward {
      const a0 = x;
      const z1 = affine(W1, a0, b1);
      const a1 = sigma(z1);
      const z2 = affine(W2, a1, b2);
      const a2 = sigma(z2);
      const z3 = affine(W3, a2, b3);
      const a3 = sigma(z3);
      return { a0, z1, a1, z2, a2, z3, a3 };
    },
    sigma,
    dSigma,
    matmul, transpose, mul, add, sub, scale, sum, size, map,
  };
}
