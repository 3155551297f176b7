/**
 * A cost or other small positive number in compact scientific form.
 *
 * @example
 * formatCost(0.000812345); // '8.123e-4'
 */
export function formatCost(value: number): string {
  return value.toExponential(3).replace('e+', 'e');
}

/**
 * A count with thousands separators.
 *
 * @example
 * formatCount(50001); // '50,001'
 */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A duration given in milliseconds, as seconds (or milliseconds when short).
 *
 * @example
 * formatDuration(1234); // '1.23 s'
 */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
