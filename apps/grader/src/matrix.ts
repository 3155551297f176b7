/**
 * A matrix as the learner writes it: an array of rows, every row the same length. Examples are
 * columns, as in the course notebook (`x` is 1×N, `y` is 2×N, `W2` is n2×n1).
 *
 * @example
 * ```ts
 * const W: Matrix = [[1, 2, 3], [4, 5, 6]]; // 2×3
 * ```
 */
export type Matrix = number[][];

/**
 * A kit operation was given matrices that do not fit together. Carries the operation and the
 * shapes, so the grader can say which layer's quantities were combined.
 *
 * @example
 * ```ts
 * try { matmul(W3, d3); } catch (e) { if (e instanceof KitShapeError) e.shapes; } // [[2, 7], [2, 100]]
 * ```
 */
export class KitShapeError extends Error {
  override readonly name: string = 'KitShapeError';
  constructor(
    readonly operation: string,
    readonly shapes: readonly (readonly [number, number])[],
    detail: string,
  ) {
    super(`${operation}: ${detail}`);
  }
}

/** `rows×columns` of a matrix, e.g. `2×7`. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/**
 * The shape [rows, columns] of `value` when it is a rectangular array of arrays of numbers,
 * otherwise a sentence saying what it is instead.
 */
export function matrixShape(value: unknown): readonly [number, number] | string {
  if (!Array.isArray(value)) return `${describe(value)}, not an array of rows`;
  if (value.length === 0) return 'an empty array (no rows)';
  const first: unknown = value[0];
  if (!Array.isArray(first)) return `an array whose first element is ${describe(first)}, not a row (an array of numbers)`;
  const cols = first.length;
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) return `an array whose row ${i} is ${describe(row)}, not an array of numbers`;
    if (row.length !== cols) return `a ragged array: row 0 has ${cols} entries, row ${i} has ${row.length}`;
    for (let j = 0; j < cols; j++) {
      if (typeof row[j] !== 'number') return `an array whose element [${i}][${j}] is ${describe(row[j])}, not a number`;
    }
  }
  return [value.length, cols];
}

function describe(value: unknown): string {
  if (value == null) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function shapeOf(operation: string, name: string, value: unknown): readonly [number, number] {
  const shape = matrixShape(value);
  if (typeof shape === 'string') throw new TypeError(`${operation}: ${name} must be a matrix (an array of rows of numbers); got ${shape}`);
  return shape;
}

/**
 * Matrix product A·B (A is r×k, B is k×c).
 *
 * @example
 * ```ts
 * matmul([[1, 2]], [[3], [4]]); // [[11]]
 * ```
 */
export function matmul(A: Matrix, B: Matrix): Matrix {
  const [r, k] = shapeOf('matmul', 'A', A);
  const [k2, c] = shapeOf('matmul', 'B', B);
  if (k !== k2) {
    throw new KitShapeError('matmul', [[r, k], [k2, c]], `A is ${r}×${k} and B is ${k2}×${c}: A's columns (${k}) must equal B's rows (${k2})`);
  }
  const out: Matrix = [];
  for (let i = 0; i < r; i++) {
    const row = new Array<number>(c).fill(0);
    const a = A[i]!;
    for (let m = 0; m < k; m++) {
      const aim = a[m]!;
      const b = B[m]!;
      for (let j = 0; j < c; j++) row[j]! += aim * b[j]!;
    }
    out.push(row);
  }
  return out;
}

/**
 * The transpose Aᵀ.
 *
 * @example
 * ```ts
 * transpose([[1, 2, 3]]); // [[1], [2], [3]]
 * ```
 */
export function transpose(A: Matrix): Matrix {
  const [r, c] = shapeOf('transpose', 'A', A);
  const out: Matrix = [];
  for (let j = 0; j < c; j++) {
    const row = new Array<number>(r);
    for (let i = 0; i < r; i++) row[i] = A[i]![j]!;
    out.push(row);
  }
  return out;
}

function elementwise(operation: string, A: Matrix, B: Matrix, op: (a: number, b: number) => number): Matrix {
  const [r, c] = shapeOf(operation, 'A', A);
  const [r2, c2] = shapeOf(operation, 'B', B);
  if (r !== r2 || c !== c2) {
    throw new KitShapeError(operation, [[r, c], [r2, c2]], `A is ${r}×${c} and B is ${r2}×${c2}: elementwise operations need equal shapes`);
  }
  return A.map((row, i) => row.map((a, j) => op(a, B[i]![j]!)));
}

/**
 * Elementwise product A ⊙ B (numpy's `A * B`).
 *
 * @example
 * ```ts
 * mul([[1, 2]], [[3, 4]]); // [[3, 8]]
 * ```
 */
export function mul(A: Matrix, B: Matrix): Matrix {
  return elementwise('mul', A, B, (a, b) => a * b);
}

/**
 * Elementwise sum A + B.
 *
 * @example
 * ```ts
 * add([[1, 2]], [[3, 4]]); // [[4, 6]]
 * ```
 */
export function add(A: Matrix, B: Matrix): Matrix {
  return elementwise('add', A, B, (a, b) => a + b);
}

/**
 * Elementwise difference A − B.
 *
 * @example
 * ```ts
 * sub([[1, 2]], [[3, 4]]); // [[-2, -2]]
 * ```
 */
export function sub(A: Matrix, B: Matrix): Matrix {
  return elementwise('sub', A, B, (a, b) => a - b);
}

/**
 * Every element times the number k.
 *
 * @example
 * ```ts
 * scale([[1, 2]], 2); // [[2, 4]]
 * ```
 */
export function scale(A: Matrix, k: number): Matrix {
  shapeOf('scale', 'A', A);
  if (typeof k !== 'number') throw new TypeError(`scale: k must be a number, got ${describe(k)}`);
  return A.map((row) => row.map((a) => a * k));
}

/**
 * numpy's `np.sum(A, axis, keepdims=True)`: axis 1 (the default) sums over the examples (the
 * columns) and gives a column r×1; axis 0 sums down the rows and gives a row 1×c.
 *
 * @example
 * ```ts
 * sum([[1, 2], [3, 4]]);    // [[3], [7]]
 * sum([[1, 2], [3, 4]], 0); // [[4, 6]]
 * ```
 */
export function sum(A: Matrix, axis: 0 | 1 = 1): Matrix {
  const [r, c] = shapeOf('sum', 'A', A);
  if (axis === 1) return A.map((row) => [row.reduce((s, a) => s + a, 0)]);
  if (axis === 0) {
    const out = new Array<number>(c).fill(0);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j]! += A[i]![j]!;
    return [out];
  }
  throw new RangeError(`sum: axis must be 0 (down the rows) or 1 (over the examples), got ${describe(axis)}`);
}

/**
 * numpy's `x.size`: the number of elements (for the input row x, the number of examples N).
 *
 * @example
 * ```ts
 * size([[0, 0.01, 0.02]]); // 3
 * ```
 */
export function size(A: Matrix): number {
  const [r, c] = shapeOf('size', 'A', A);
  return r * c;
}

/**
 * Applies `fn` to every element.
 *
 * @example
 * ```ts
 * map([[1, -2]], Math.abs); // [[1, 2]]
 * ```
 */
export function map(A: Matrix, fn: (a: number) => number): Matrix {
  shapeOf('map', 'A', A);
  return A.map((row) => row.map((a) => fn(a)));
}
