import { PlotInputError } from './errors.js';
import type { AxisScale, Curve, Range } from './types.js';

/** What a bad number is, in words a message can use. */
function describe(value: unknown): string {
  if (typeof value !== 'number') return value === undefined ? 'missing' : `not a number (${typeof value})`;
  return Number.isNaN(value) ? 'NaN' : String(value);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    value != null &&
    typeof value === 'object' &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}

/** Checks `values` is a non-empty array of finite numbers and returns it as `number[]`. */
export function finiteArray(where: string, argument: string, values: unknown): number[] {
  if (!isArrayLike(values)) {
    throw new TypeError(`${where}: ${argument} must be an array of numbers, got ${describe(values)}`);
  }
  if (values.length === 0) {
    throw new PlotInputError(`${where}: ${argument} is empty; expected at least one value`, argument);
  }
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new PlotInputError(
        `${where}: ${argument}[${i}] is ${describe(v)}; expected a finite number`,
        argument,
        i,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Checks a curve's coordinates are finite, non-empty and of equal length. */
export function finiteCurve(where: string, argument: string, curve: Curve | undefined): { x: number[]; y: number[] } {
  if (curve == null || typeof curve !== 'object') {
    throw new TypeError(`${where}: ${argument} must be an object { x, y }, got ${describe(curve)}`);
  }
  const x = finiteArray(where, `${argument}.x`, curve.x);
  const y = finiteArray(where, `${argument}.y`, curve.y);
  if (x.length !== y.length) {
    throw new PlotInputError(
      `${where}: ${argument}.x has ${x.length} values but ${argument}.y has ${y.length}; expected equal lengths`,
      argument,
    );
  }
  return { x, y };
}

/** Checks `range` is `[min, max]` with finite `min < max`. */
export function validRange(where: string, argument: string, range: Range): Range {
  const [min, max] = range;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new PlotInputError(
      `${where}: ${argument} is [${describe(min)}, ${describe(max)}]; expected finite [min, max] with min < max`,
      argument,
    );
  }
  return range;
}

/** A log axis cannot show values ≤ 0; name the first one instead of drawing nothing. */
export function positiveOnLogAxis(where: string, argument: string, values: readonly number[], scale: AxisScale | undefined): void {
  if (scale !== 'log') return;
  const i = values.findIndex((v) => !(v > 0));
  if (i >= 0) {
    throw new PlotInputError(
      `${where}: ${argument}[${i}] is ${values[i]}, which a log axis cannot show; expected a value > 0`,
      argument,
      i,
    );
  }
}

/** Checks an optional positive finite number option. */
export function positiveOption(where: string, option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${where}: option ${option} must be a finite number > 0, got ${describe(value)}`);
  }
  return value;
}
