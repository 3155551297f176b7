/** A number with six significant digits and no trailing zeros: 0.0125075, 0.000439245. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}
