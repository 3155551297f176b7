/**
 * A count with thousands separators.
 *
 * @example
 * ```ts
 * formatCount(50001); // '50,001'
 * ```
 */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A duration given in milliseconds, as seconds (or milliseconds when short).
 *
 * @example
 * ```ts
 * formatDuration(1234); // '1.23 s'
 * ```
 */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
