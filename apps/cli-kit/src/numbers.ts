import { UsageError } from './errors.js';

// Decimal notation only, the same in every runner: no "0x10", "0b1", "Infinity" or "" (which
// Number() would read as 16, 1, Infinity and 0).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The bounds a number option may take; all optional.
 *
 * @example
 * ```ts
 * const range: NumberRange = { above: 0 };
 * ```
 */
export interface NumberRange {
  /** Smallest value allowed. */
  readonly min?: number;
  /** Largest value allowed. */
  readonly max?: number;
  /** The value must be greater than this. */
  readonly above?: number;
}

function show(value: number): string {
  return Math.abs(value) >= 1e6 && Number.isInteger(value) ? value.toExponential().replace('e+', 'e') : String(value);
}

function describeRange(range: NumberRange, what: string): string {
  const { min, max, above } = range;
  if (min !== undefined && max !== undefined) return `${what} from ${show(min)} to ${show(max)}`;
  if (above !== undefined && max !== undefined) return `${what} above ${show(above)} and at most ${show(max)}`;
  if (above !== undefined) return `${what} above ${show(above)}`;
  if (min !== undefined) return `${what} of at least ${show(min)}`;
  if (max !== undefined) return `${what} of at most ${show(max)}`;
  return what;
}

/**
 * Reads option `--name`'s text as a finite decimal number within `range`.
 *
 * @throws UsageError naming the option, the text and what was expected.
 * @example
 * ```ts
 * readNumber('aggression', '7', { above: 0 }); // 7
 * readNumber('aggression', '0x10');            // UsageError: --aggression must be a number, got "0x10"
 * ```
 */
export function readNumber(name: string, text: string, range: NumberRange = {}): number {
  const value = Number(text);
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`--${name} must be ${describeRange(range, 'a number')}, got ${JSON.stringify(text)}`);
  }
  const { min, max, above } = range;
  if ((min !== undefined && value < min) || (max !== undefined && value > max) || (above !== undefined && !(value > above))) {
    throw new UsageError(`--${name} must be ${describeRange(range, 'a number')}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Reads option `--name`'s text as a whole number within `range` (exponents allowed: "1e6").
 *
 * @throws UsageError naming the option, the text and the allowed range.
 * @example
 * ```ts
 * readInteger('iterations', '5e4', { min: 1, max: 1e12 }); // 50000
 * ```
 */
export function readInteger(name: string, text: string, range: NumberRange = {}): number {
  const value = Number(text);
  const ok = DECIMAL.test(text.trim()) && Number.isSafeInteger(value);
  const { min, max, above } = range;
  if (!ok || (min !== undefined && value < min) || (max !== undefined && value > max) || (above !== undefined && !(value > above))) {
    throw new UsageError(`--${name} must be ${describeRange(range, 'an integer')}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Reads option `--name`'s text as exactly `count` comma-separated values, each read by `read`
 * (which receives the part and its 0-based position).
 *
 * @throws UsageError when the count differs, or whatever `read` throws.
 * @example
 * ```ts
 * readList('start', '155,6', 2, (part) => readNumber('start', part)); // [155, 6]
 * ```
 */
export function readList<T>(name: string, text: string, count: number, read: (part: string, index: number) => T, shape: string): T[] {
  const parts = text.split(',');
  if (parts.length !== count) throw new UsageError(`--${name} must be ${shape}, got ${JSON.stringify(text)}`);
  return parts.map((part, i) => read(part.trim(), i));
}

/**
 * Reads option `--name`'s text as one of `choices`.
 *
 * @throws UsageError listing the choices.
 * @example
 * ```ts
 * readChoice('engine', 'hand', ['hand', 'autodiff'] as const); // 'hand'
 * ```
 */
export function readChoice<T extends string>(name: string, text: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(text)}`);
}
