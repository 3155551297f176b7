import { portableExp, type LayerParameters } from '@slope/models/mlp';

/**
 * A matrix in the notebook's layout: row-major, one column per training example.
 *
 * @example
 * const x: Matrix = { rows: 1, cols: 3, data: Float64Array.of(0, 0.01, 0.02) };
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * The six parameter names in the course's draw order.
 *
 * @example
 * for (const name of PARAMETER_NAMES) console.log(name, net[name].rows, net[name].cols);
 */
export const PARAMETER_NAMES = ['W1', 'W2', 'W3', 'b1', 'b2', 'b3'] as const;

/**
 * One of `W1 W2 W3 b1 b2 b3`.
 *
 * @example
 * const name: ParameterName = 'W2';
 */
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/**
 * The course network 1 → n1 → n2 → 2 as the notebook names it: W1 n1×1, W2 n2×n1, W3 2×n2,
 * b1 n1×1, b2 n2×1, b3 2×1 (COURSE.md §1.2).
 *
 * @example
 * const net: CourseNetwork = courseNetwork(mlp({ layers: [1, 6, 7, 2], rng }).parameters());
 */
export type CourseNetwork = Readonly<Record<ParameterName, Matrix>>;

/**
 * The training data: inputs x (1×N) and targets y (2×N).
 *
 * @example
 * const { x, y } = heartCurve();
 * const data: CourseData = courseData(x, y);
 */
export interface CourseData {
  readonly x: Matrix;
  readonly y: Matrix;
}

/**
 * `heartCurve()`'s x and [horizontal, vertical] rows as notebook matrices.
 *
 * @example
 * const data = courseData(heart.x, heart.y);
 */
export function courseData(x: ArrayLike<number>, y: readonly [ArrayLike<number>, ArrayLike<number>]): CourseData {
  const n = x.length;
  const targets = new Float64Array(2 * n);
  targets.set(Array.from(y[0]), 0);
  targets.set(Array.from(y[1]), n);
  return { x: { rows: 1, cols: n, data: Float64Array.from(x) }, y: { rows: 2, cols: n, data: targets } };
}

/**
 * The named matrices of an `mlp` of layers [1, n1, n2, 2] (its `parameters()` layout).
 *
 * @throws RangeError when the parameters are not those of a 1 → n1 → n2 → 2 network.
 * @example
 * courseNetwork(net.parameters()).W2.rows; // 7
 */
export function courseNetwork(parameters: readonly LayerParameters[]): CourseNetwork {
  if (parameters.length !== 3 || parameters[0]!.weights[0]?.length !== 1 || parameters[2]!.weights.length !== 2) {
    throw new RangeError(`courseNetwork: expected the parameters of a 1 → n1 → n2 → 2 network, got ${parameters.length} layers`);
  }
  const matrix = (rows: readonly ArrayLike<number>[]): Matrix => {
    const cols = rows[0]!.length;
    const data = new Float64Array(rows.length * cols);
    rows.forEach((row, i) => data.set(Array.from(row), i * cols));
    return { rows: rows.length, cols, data };
  };
  const column = (values: ArrayLike<number>): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });
  const [l1, l2, l3] = parameters as [LayerParameters, LayerParameters, LayerParameters];
  return { W1: matrix(l1.weights), W2: matrix(l2.weights), W3: matrix(l3.weights), b1: column(l1.biases), b2: column(l2.biases), b3: column(l3.biases) };
}

// The few matrix operations the notebook's NumPy lines use, written plainly: start-up runs each
// Jacobian once, so clarity wins over speed here (training runs @slope/models' fused kernel).
function matmul(a: Matrix, b: Matrix): Matrix {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k]!;
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j]! += aik * b.data[k * b.cols + j]!;
    }
  }
  return { rows: a.rows, cols: b.cols, data: out };
}

function transpose(a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return { rows: a.cols, cols: a.rows, data: out };
}

/** Elementwise a ∘ b, with b broadcast along the rows when it is a column (NumPy's rule). */
function elementwise(a: Matrix, b: Matrix, op: (u: number, v: number) => number): Matrix {
  const out = new Float64Array(a.data.length);
  const column = b.cols === 1 && a.cols !== 1;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out[i * a.cols + j] = op(a.data[i * a.cols + j]!, column ? b.data[i]! : b.data[i * b.cols + j]!);
  }
  return { rows: a.rows, cols: a.cols, data: out };
}

const map = (a: Matrix, f: (v: number) => number): Matrix => ({ rows: a.rows, cols: a.cols, data: a.data.map(f) });

/** Σ over the examples, keeping dimensions: `np.sum(d, axis=1, keepdims=True)`. */
function sumExamples(a: Matrix): Matrix {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[i]! += a.data[i * a.cols + j]!;
  return { rows: a.rows, cols: 1, data: out };
}

/** The logistic function σ(z) = 1 / (1 + e^(−z)), the notebook's activation. */
const sigma = (z: number): number => 1 / (1 + portableExp(-z));

/** The notebook's σ'(z) = cosh(z/2)⁻² / 4. */
function dSigma(z: number): number {
  const cosh = (portableExp(z / 2) + portableExp(-z / 2)) / 2;
  return 1 / (cosh * cosh) / 4;
}

/**
 * The notebook's `network_function(a0)`: z(n) = W(n) a(n−1) + b(n), a(n) = σ(z(n)).
 *
 * @example
 * const { a3 } = networkFunction(net, data.x);
 */
export function networkFunction(net: CourseNetwork, a0: Matrix) {
  const z1 = elementwise(matmul(net.W1, a0), net.b1, (u, v) => u + v);
  const a1 = map(z1, sigma);
  const z2 = elementwise(matmul(net.W2, a1), net.b2, (u, v) => u + v);
  const a2 = map(z2, sigma);
  const z3 = elementwise(matmul(net.W3, a2), net.b3, (u, v) => u + v);
  const a3 = map(z3, sigma);
  return { a0, z1, a1, z2, a2, z3, a3 };
}

/**
 * The notebook's `cost(x, y)`: ‖a3 − y‖²_F / N.
 *
 * @example
 * cost(net, data); // ≈ 0.2 for a fresh network
 */
export function cost(net: CourseNetwork, { x, y }: CourseData): number {
  const { a3 } = networkFunction(net, x);
  let sum = 0;
  for (let i = 0; i < a3.data.length; i++) sum += (a3.data[i]! - y.data[i]!) ** 2;
  return sum / x.cols;
}

const times = (a: Matrix, b: Matrix) => elementwise(a, b, (u, v) => u * v);
const divide = (a: Matrix, s: number): Matrix => map(a, (v) => v / s);

/** δ3 = 2(a3 − y) ⊙ σ'(z3). */
function delta3(net: CourseNetwork, { x, y }: CourseData) {
  const f = networkFunction(net, x);
  return { ...f, d3: times(elementwise(f.a3, y, (a, t) => 2 * (a - t)), map(f.z3, dSigma)) };
}

/** δ2 = (W3ᵀ δ3) ⊙ σ'(z2), the notebook's `(δ3ᵀ @ W3)ᵀ`. */
function delta2(net: CourseNetwork, data: CourseData) {
  const f = delta3(net, data);
  return { ...f, d2: times(transpose(matmul(transpose(f.d3), net.W3)), map(f.z2, dSigma)) };
}

/** δ1 = (W2ᵀ δ2) ⊙ σ'(z1). */
function delta1(net: CourseNetwork, data: CourseData) {
  const f = delta2(net, data);
  return { ...f, d1: times(transpose(matmul(transpose(f.d2), net.W2)), map(f.z1, dSigma)) };
}

/**
 * The graded `J_W3`: ∂C/∂W3 = δ3 · a2ᵀ / N (2×n2).
 *
 * @example
 * J_W3(net, data).rows; // 2
 */
export function J_W3(net: CourseNetwork, data: CourseData): Matrix {
  const { d3, a2 } = delta3(net, data);
  return divide(matmul(d3, transpose(a2)), data.x.cols);
}

/**
 * The graded `J_b3`: ∂C/∂b3 = Σ δ3 / N (2×1).
 *
 * @example
 * J_b3(net, data).cols; // 1
 */
export function J_b3(net: CourseNetwork, data: CourseData): Matrix {
  return divide(sumExamples(delta3(net, data).d3), data.x.cols);
}

/**
 * The graded `J_W2`: ∂C/∂W2 = δ2 · a1ᵀ / N (n2×n1).
 *
 * @example
 * J_W2(net, data).rows; // 7
 */
export function J_W2(net: CourseNetwork, data: CourseData): Matrix {
  const { d2, a1 } = delta2(net, data);
  return divide(matmul(d2, transpose(a1)), data.x.cols);
}

/**
 * The graded `J_b2`: ∂C/∂b2 = Σ δ2 / N (n2×1).
 *
 * @example
 * J_b2(net, data).rows; // 7
 */
export function J_b2(net: CourseNetwork, data: CourseData): Matrix {
  return divide(sumExamples(delta2(net, data).d2), data.x.cols);
}

/**
 * The graded `J_W1`: ∂C/∂W1 = δ1 · a0ᵀ / N (n1×1).
 *
 * @example
 * J_W1(net, data).rows; // 6
 */
export function J_W1(net: CourseNetwork, data: CourseData): Matrix {
  const { d1, a0 } = delta1(net, data);
  return divide(matmul(d1, transpose(a0)), data.x.cols);
}

/**
 * The graded `J_b1`: ∂C/∂b1 = Σ δ1 / N (n1×1).
 *
 * @example
 * J_b1(net, data).rows; // 6
 */
export function J_b1(net: CourseNetwork, data: CourseData): Matrix {
  return divide(sumExamples(delta1(net, data).d1), data.x.cols);
}

/**
 * The six Jacobians by name, each from its graded function.
 *
 * @example
 * courseJacobians(net, data).W2; // J_W2
 */
export function courseJacobians(net: CourseNetwork, data: CourseData): Record<ParameterName, Matrix> {
  return { W1: J_W1(net, data), W2: J_W2(net, data), W3: J_W3(net, data), b1: J_b1(net, data), b2: J_b2(net, data), b3: J_b3(net, data) };
}
