/**
 * A bad command line: the runner prints the message, then the usage line, and exits with 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--iterations must be an integer from 1 to 1e12, got "0"');
 * ```
 */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * Bad input other than the command line (a data file, an output path): the runner prints the
 * one-line message, naming the file or path, and exits with 2.
 *
 * @example
 * ```ts
 * throw new InputError('data.csv:3: "17x" is not a number');
 * ```
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
}

/**
 * The output folder cannot be used or written: names the path and the reason.
 *
 * @example
 * ```ts
 * throw new OutputError('--out "/proc/x": cannot create a folder in "/proc" (ENOENT)');
 * ```
 */
export class OutputError extends InputError {
  override readonly name: string = 'OutputError';
}
