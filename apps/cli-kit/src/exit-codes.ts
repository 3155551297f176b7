/**
 * The exit codes of every Slope runner.
 *
 * @example
 * ```ts
 * if ((await run(argv)) === EXIT.interrupted) console.log('stopped early');
 * ```
 */
export const EXIT = {
  /** The run did what was asked. */
  ok: 0,
  /** The run failed on its own terms: a method diverged, the cost got worse. Files are written. */
  failed: 1,
  /** Bad input: command line, data file or output path. Nothing was written. */
  usage: 2,
  /** An internal error: a bug. Nothing was written. */
  internal: 3,
  /** Stopped by Ctrl-C or SIGTERM. */
  interrupted: 130,
} as const;

/**
 * One of {@link EXIT}'s values.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT.ok;
 * ```
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit-code section of every runner's `--help`.
 *
 * @example
 * ```ts
 * console.log(EXIT_CODES_HELP.join('\n'));
 * ```
 */
export const EXIT_CODES_HELP: readonly string[] = [
  'exit codes:',
  '  0    done',
  '  1    the run failed on its own terms (diverged, cost got worse); its files are still written',
  '  2    bad input: command line, data file or --out path; nothing is written',
  '  3    internal error (a bug: please report the message); nothing is written',
  '  130  interrupted by Ctrl-C or SIGTERM',
];
