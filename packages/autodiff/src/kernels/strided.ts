/**
 * One contiguous run of a strided loop: element i of the run reads `a[ao + i*as]`,
 * `b[bo + i*bs]` and writes `out[oo + i]`. Kernels get whole runs, never single
 * elements, so the per-element work has no call overhead.
 */
export type BinaryRun = (
  a: Float64Array, ao: number, as: number,
  b: Float64Array, bo: number, bs: number,
  out: Float64Array, oo: number, n: number,
) => void;

/**
 * Walks a contiguous output of `shape`, reading two operands through `stridesA`/`stridesB`
 * (0 where broadcast). Adjacent dimensions are merged when both operands allow it, so the
 * common cases (same shape, row or column broadcast) become one or a few long runs.
 */
export function forEachRun(
  shape: readonly number[],
  stridesA: readonly number[],
  stridesB: readonly number[],
  visit: (ao: number, as: number, bo: number, bs: number, oo: number, n: number) => void,
): void {
  const dims: number[] = [];
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i] as number;
    if (n === 0) return;
    if (n === 1) continue;
    const last = dims.length - 1;
    const ai = stridesA[i] as number;
    const bi = stridesB[i] as number;
    if (last >= 0 && sa[last] === ai * n && sb[last] === bi * n) {
      dims[last] = (dims[last] as number) * n;
      sa[last] = ai;
      sb[last] = bi;
    } else {
      dims.push(n);
      sa.push(ai);
      sb.push(bi);
    }
  }
  const rank = dims.length;
  if (rank === 0) {
    visit(0, 0, 0, 0, 0, 1);
    return;
  }
  const inner = dims[rank - 1] as number;
  const ias = sa[rank - 1] as number;
  const ibs = sb[rank - 1] as number;
  if (rank === 1) {
    visit(0, ias, 0, ibs, 0, inner);
    return;
  }
  const counter = new Array<number>(rank - 1).fill(0);
  let ao = 0;
  let bo = 0;
  let oo = 0;
  for (;;) {
    visit(ao, ias, bo, ibs, oo, inner);
    oo += inner;
    let d = rank - 2;
    for (; d >= 0; d--) {
      const c = (counter[d] as number) + 1;
      if (c < (dims[d] as number)) {
        counter[d] = c;
        ao += sa[d] as number;
        bo += sb[d] as number;
        break;
      }
      counter[d] = 0;
      ao -= (sa[d] as number) * ((dims[d] as number) - 1);
      bo -= (sb[d] as number) * ((dims[d] as number) - 1);
    }
    if (d < 0) return;
  }
}
