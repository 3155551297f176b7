import { describeInput, isArrayLike, isTensorLike } from './tensor-input.js';

function checkList(fn: string, name: string, values: unknown): asserts values is ArrayLike<number> {
  if (isArrayLike(values)) return;
  // A tensor has no `length`: without this check its values would be read as an empty list.
  const hint = isTensorLike(values) ? ` (a tensor: pass ${name}.data, or use a function that takes tensors)` : '';
  throw new TypeError(`${fn}: ${name} is ${describeInput(values)}${hint}; expected a number[] or a Float64Array`);
}

/** Checks shared by the fitters: arrays, equal lengths, enough points, finite numbers. */
export function checkXY(fn: string, x: ArrayLike<number>, y: ArrayLike<number>, minPoints: number): void {
  checkList(fn, 'x', x);
  checkList(fn, 'y', y);
  if (x.length !== y.length) {
    throw new RangeError(`${fn}: x has ${x.length} values but y has ${y.length}; expected equal lengths`);
  }
  if (x.length < minPoints) throw new RangeError(`${fn}: got ${x.length} points; expected at least ${minPoints}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) throw new RangeError(`${fn}: x[${i}] is ${String(x[i])}; expected a finite number`);
    if (!Number.isFinite(y[i]!)) throw new RangeError(`${fn}: y[${i}] is ${String(y[i])}; expected a finite number`);
  }
}
