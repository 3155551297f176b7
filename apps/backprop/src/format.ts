/**
 * A cost or other small positive number in compact scientific form.
 *
 * @example
 * formatCost(0.000812345); // '8.123e-4'
 */
export function formatCost(value: number): string {
  return value.toExponential(3).replace('e+', 'e');
}

export { formatCount, formatDuration } from '@slope/cli-kit';
