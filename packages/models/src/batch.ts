import { describeInput, isArrayLike, isTensorLike, type TensorLike } from './tensor-input.js';

/**
 * A batch of column vectors, course-style: one row per feature, one column per example.
 * A flat array is one row (for networks with one input or one output). A tensor of
 * `@slope/autodiff` works too: shape [features, examples], or [examples] for one row.
 *
 * @example
 * ```ts
 * const x: MatrixInput = [0, 0.01, 0.02];                // 1 × 3
 * const y: MatrixInput = [[0.5, 0.6, 0.7], [0.6, 0.6, 0.6]]; // 2 × 3
 * const t: MatrixInput = tensor([0, 0.01, 0.02], [1, 3]); // 1 × 3
 * ```
 */
export type MatrixInput = ArrayLike<number> | readonly (ArrayLike<number> | TensorLike)[] | TensorLike;

/** A batch in the course layout: row-major, one row per feature, `columns` examples. */
export interface Batch {
  readonly data: Float64Array;
  readonly columns: number;
}

const ACCEPTED_FORMS = 'a number[] (one row), a number[][] (one row per feature, one column per example), a Float64Array, or a tensor of shape [features, examples]';

function rowValues(where: string, argument: string, row: unknown, r: number): ArrayLike<number> {
  if (isTensorLike(row) && row.shape.length <= 1) return row.data;
  if (isArrayLike(row) && typeof row !== 'string') return row as ArrayLike<number>;
  throw new TypeError(`${where}: ${argument}[${r}] is ${describeInput(row)}; expected a row of numbers`);
}

export function toBatch(where: string, argument: 'x' | 'y', input: MatrixInput, rows: number, columns?: number): Batch {
  let rowList: ArrayLike<number>[];
  if (isTensorLike(input)) {
    const { shape, data } = input;
    if (shape.length === 1) rowList = [data];
    else if (shape.length === 2) {
      const n = shape[1]!;
      rowList = Array.from({ length: shape[0]! }, (_, r) => Array.prototype.slice.call(data, r * n, (r + 1) * n) as number[]);
    } else {
      throw new TypeError(`${where}: ${argument} is a tensor of shape [${shape.join(', ')}]; expected ${ACCEPTED_FORMS}`);
    }
  } else if (isArrayLike(input)) {
    const nested = input.length > 0 && typeof input[0] !== 'number';
    rowList = nested ? Array.from(input as readonly unknown[], (row, r) => rowValues(where, argument, row, r)) : [input as ArrayLike<number>];
  } else {
    throw new TypeError(`${where}: ${argument} is ${describeInput(input)}; expected ${ACCEPTED_FORMS}`);
  }
  if (rowList.length !== rows) {
    throw new RangeError(`${where}: ${argument} has ${rowList.length} row(s); expected ${rows} (one per ${argument === 'y' ? 'output' : 'input'}), examples as columns`);
  }
  const n = rowList[0]!.length;
  if (n === 0) throw new RangeError(`${where}: ${argument} has no examples; expected at least one column`);
  if (columns !== undefined && n !== columns) throw new RangeError(`${where}: ${argument} has ${n} examples; expected ${columns} to match x`);
  const data = new Float64Array(rows * n);
  rowList.forEach((row, r) => {
    if (row.length !== n) throw new RangeError(`${where}: ${argument} row ${r} has ${row.length} values; expected ${n} like row 0`);
    for (let k = 0; k < n; k++) {
      const v = row[k]!;
      if (!Number.isFinite(v)) throw new RangeError(`${where}: ${argument} row ${r}, column ${k} is ${String(v)}; expected a finite number`);
      data[r * n + k] = v;
    }
  });
  return { data, columns: n };
}
