import { helpText, parseCommandLine, usageLine, type CommandSpec } from './command-line.js';
import { InputError, UsageError } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { cliIo, type CliIo } from './io.js';

/**
 * The option values a runner's body receives: strings for options with a value, `true` for
 * flags, absent when not given.
 *
 * @example
 * ```ts
 * const seed = values['seed'] === undefined ? 0 : readInteger('seed', values['seed'] as string);
 * ```
 */
export type OptionValues = Readonly<Record<string, string | true | undefined>>;

/**
 * Runs one command: parses `argv` against `spec` (printing the help for `-h`), then `body`,
 * and turns what it throws into the shared exit codes: {@link UsageError} → the message and the
 * usage line, 2; {@link InputError} (bad data or output path) → the message, 2; anything else
 * is a bug → the message and stack, 3. Never throws.
 *
 * @example
 * ```ts
 * return runCommand(SPEC, argv, io, async (values) => { … return EXIT.ok; });
 * ```
 */
export async function runCommand(
  spec: CommandSpec,
  argv: readonly string[],
  io: CliIo,
  body: (values: OptionValues) => Promise<ExitCode>,
): Promise<ExitCode> {
  try {
    const parsed = parseCommandLine(spec, argv);
    if (parsed.help) {
      io.stdout.write(helpText(spec));
      return EXIT.ok;
    }
    return await body(parsed.values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${spec.name}: ${error.message}\n${usageLine(spec)}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`${spec.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${spec.name}: internal error (a bug: please report this message)\n${detail}\n`);
    return EXIT.internal;
  }
}

/**
 * A runner's `main`: calls `run` with the process's arguments and an abort signal, and sets the
 * exit code. The first Ctrl-C or SIGTERM aborts the signal (the run stops at its next check and
 * finishes as it sees fit); a second one quits at once with 130. Writing results is synchronous
 * (see `prepareOutputFolder`), so the second signal can never land halfway through it.
 *
 * @example
 * ```ts
 * await runMain('backprop', run);
 * ```
 */
export async function runMain(name: string, run: (argv: readonly string[], io: Partial<CliIo>) => Promise<number>): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      controller.abort(signal);
      return;
    }
    process.stderr.write(`\n${name}: ${signal} again: quitting now; the output folder is as it was\n`);
    process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.exitCode = await run(process.argv.slice(2), cliIo({ signal: controller.signal }));
}
