/** Checks shared by the fitters: equal lengths, enough points, finite numbers. */
export function checkXY(fn: string, x: ArrayLike<number>, y: ArrayLike<number>, minPoints: number): void {
  if (x.length !== y.length) {
    throw new RangeError(`${fn}: x has ${x.length} values but y has ${y.length}; expected equal lengths`);
  }
  if (x.length < minPoints) throw new RangeError(`${fn}: got ${x.length} points; expected at least ${minPoints}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) throw new RangeError(`${fn}: x[${i}] is ${String(x[i])}; expected a finite number`);
    if (!Number.isFinite(y[i]!)) throw new RangeError(`${fn}: y[${i}] is ${String(y[i])}; expected a finite number`);
  }
}
