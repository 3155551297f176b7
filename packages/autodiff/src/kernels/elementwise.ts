import type { Tensor } from '../tensor.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, sameShape, sizeOf } from '../shape.js';
import { forEachRun, type BinaryRun } from './strided.js';

export const addRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) + (b[bo + i * bs] as number);
};
export const subRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) - (b[bo + i * bs] as number);
};
export const mulRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) * (b[bo + i * bs] as number);
};
export const divRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) / (b[bo + i * bs] as number);
};
export const atan2Run: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = Math.atan2(a[ao + i * as] as number, b[bo + i * bs] as number);
};
export const maximumRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = Math.max(a[ao + i * as] as number, b[bo + i * bs] as number);
};
export const minimumRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = Math.min(a[ao + i * as] as number, b[bo + i * bs] as number);
};
export const greaterRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) > (b[bo + i * bs] as number) ? 1 : 0;
};
export const greaterEqualRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) >= (b[bo + i * bs] as number) ? 1 : 0;
};
export const lessRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) < (b[bo + i * bs] as number) ? 1 : 0;
};
export const lessEqualRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) <= (b[bo + i * bs] as number) ? 1 : 0;
};
export const equalRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) === (b[bo + i * bs] as number) ? 1 : 0;
};
export const powRun: BinaryRun = (a, ao, as, b, bo, bs, out, oo, n) => {
  for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) ** (b[bo + i * bs] as number);
};

/** Applies `run` over the broadcast of `a` and `b`; returns the output buffer and shape. */
export function broadcastBinary(op: string, a: Tensor, b: Tensor, run: BinaryRun): { data: Float64Array; shape: number[] } {
  if (sameShape(a.shape, b.shape)) {
    const out = new Float64Array(a.size);
    run(a.data, 0, 1, b.data, 0, 1, out, 0, a.size);
    return { data: out, shape: [...a.shape] };
  }
  const shape = broadcastShapes(op, a.shape, b.shape);
  const out = new Float64Array(sizeOf(shape));
  if (b.size === 1 && sameShape(a.shape, shape)) {
    run(a.data, 0, 1, b.data, 0, 0, out, 0, out.length);
  } else if (a.size === 1 && sameShape(b.shape, shape)) {
    run(a.data, 0, 0, b.data, 0, 1, out, 0, out.length);
  } else {
    const ad = a.data;
    const bd = b.data;
    forEachRun(shape, broadcastStrides(a.shape, shape), broadcastStrides(b.shape, shape), (ao, as, bo, bs, oo, n) =>
      run(ad, ao, as, bd, bo, bs, out, oo, n));
  }
  return { data: out, shape };
}

/** Sums `data` (of `shape`) down to `target`, which must broadcast to `shape`. */
export function sumToBuffer(data: Float64Array, shape: readonly number[], target: readonly number[]): Float64Array {
  const out = new Float64Array(sizeOf(target));
  forEachRun(shape, contiguousStrides(shape), broadcastStrides(target, shape), (ao, as, bo, bs, _oo, n) => {
    if (bs === 0) {
      // Four partial sums: one running sum would wait on each add's latency.
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        const o = ao + i * as;
        s0 += data[o] as number;
        s1 += data[o + as] as number;
        s2 += data[o + 2 * as] as number;
        s3 += data[o + 3 * as] as number;
      }
      for (; i < n; i++) s0 += data[ao + i * as] as number;
      out[bo] = (out[bo] as number) + ((s0 + s1) + (s2 + s3));
    } else {
      for (let i = 0; i < n; i++) out[bo + i * bs] = (out[bo + i * bs] as number) + (data[ao + i * as] as number);
    }
  });
  return out;
}

/** Copies `data` (of `shape`) stretched to the broadcast shape `target`. */
export function broadcastBuffer(data: Float64Array, shape: readonly number[], target: readonly number[]): Float64Array {
  const out = new Float64Array(sizeOf(target));
  if (data.length === 1) return out.fill(data[0] as number);
  forEachRun(target, broadcastStrides(shape, target), contiguousStrides(target), (ao, as, _bo, _bs, oo, n) => {
    for (let i = 0; i < n; i++) out[oo + i] = data[ao + i * as] as number;
  });
  return out;
}
