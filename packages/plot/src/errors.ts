/**
 * Thrown by every builder when its data cannot be drawn faithfully: empty series, NaN or
 * infinite values, arrays of different lengths, a non-finite grid, bad levels. Drawing a
 * blank or misleading picture instead would hide the bug upstream, so the builders refuse.
 *
 * `argument` names the offending input (e.g. `'series[1].y'`, `'grid.values'`) and `index`
 * the first bad element when there is one.
 *
 * @example
 * ```ts
 * try {
 *   lineChart([{ x: [0, 1], y: [0, Number.NaN] }]);
 * } catch (error) {
 *   if (error instanceof PlotInputError) console.log(error.argument, error.index); // series[0].y 1
 * }
 * ```
 */
export class PlotInputError extends RangeError {
  override readonly name = 'PlotInputError';
  readonly argument: string;
  readonly index: number | undefined;

  constructor(message: string, argument: string, index?: number) {
    super(message);
    this.argument = argument;
    this.index = index;
  }
}
