import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

/**
 * One option of a runner: `--name <value>` (a string option) or `--name` (a flag).
 *
 * @example
 * ```ts
 * const seed: OptionSpec = { value: 'N', description: 'seed of the initial network, an integer', default: '0' };
 * ```
 */
export interface OptionSpec {
  /** The placeholder of the value in the help, e.g. `N`; omit for a flag (no value). */
  readonly value?: string;
  /** What it does, for the help. */
  readonly description: string;
  /** The default, as shown in the help. */
  readonly default?: string;
}

/**
 * What a runner is called, what it does, its options and closing notes; `--help`/`-h` is added.
 *
 * @example
 * ```ts
 * const spec: CommandSpec = { name: 'backprop', summary: ['Trains the course network.'], options: { seed: { value: 'N', description: 'seed' } } };
 * ```
 */
export interface CommandSpec {
  readonly name: string;
  /** The help's opening lines. */
  readonly summary: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Paragraphs printed after the options, before the exit codes. */
  readonly notes?: readonly string[];
}

/**
 * What the command line asked for: the help, or option values by name (strings for options
 * with a value, `true` for flags given; absent options are missing).
 *
 * @example
 * ```ts
 * const parsed: ParsedCommandLine = parseCommandLine(spec, ['--seed', '-3']); // { help: false, values: { seed: '-3' } }
 * ```
 */
export type ParsedCommandLine =
  | { readonly help: true }
  | { readonly help: false; readonly values: Readonly<Record<string, string | true | undefined>> };

const HELP: OptionSpec = { description: 'print this help and exit' };

function flag(name: string, option: OptionSpec): string {
  return option.value === undefined ? `--${name}` : `--${name} ${option.value}`;
}

/**
 * The one-line synopsis printed under every usage error.
 *
 * @example
 * ```ts
 * usageLine(spec); // 'usage: backprop [--iterations N] … [-h]'
 * ```
 */
export function usageLine(spec: CommandSpec): string {
  const parts = Object.entries(spec.options).map(([name, option]) => `[${flag(name, option)}]`);
  return `usage: ${spec.name} ${[...parts, '[-h]'].join(' ')}`;
}

/**
 * The `--help` text: summary, usage line, every option with its default, notes, exit codes.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText(spec));
 * ```
 */
export function helpText(spec: CommandSpec): string {
  const rows = [...Object.entries(spec.options).map(([name, option]) => [flag(name, option), option] as const), ['-h, --help', HELP] as const];
  const width = rows.reduce((w, [left]) => Math.max(w, left.length), 0);
  const lines = rows.map(([left, option]) => {
    const fallback = option.default === undefined ? '' : ` (default ${option.default})`;
    return `  ${left.padEnd(width)}  ${option.description}${fallback}`;
  });
  return [...spec.summary, '', usageLine(spec), '', 'options:', ...lines, '', ...(spec.notes ?? []).flatMap((note) => [note, '']), ...EXIT_CODES_HELP, ''].join('\n');
}

// "-3", "-.5", "-1e3": a value, not an option, after an option that takes one.
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * Parses `argv` against `spec` with node:util's parseArgs, strictly: unknown options, stray
 * words, missing values and repeated options are errors. `-h`/`--help` anywhere asks for the
 * help. A negative number may follow its option as its own argument (`--seed -3`). A leading
 * `--`, which pnpm passes through literally, is ignored.
 *
 * @throws UsageError naming the option and what is wrong with it.
 * @example
 * ```ts
 * parseCommandLine(spec, ['--seed', '-3', '--out', 'x']); // { help: false, values: { seed: '-3', out: 'x' } }
 * ```
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedCommandLine {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  if (args.some((arg) => arg === '-h' || arg === '--help')) return { help: true };
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.value === undefined ? ('boolean' as const) : ('string' as const) }]));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true; allowPositionals: false; tokens: true }>>;
  try {
    parsed = parseArgs({ args: joined, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new UsageError(explain(spec, error));
  }
  const seen = new Map<string, string[]>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const given = seen.get(token.name) ?? [];
    given.push(token.value ?? 'true');
    seen.set(token.name, given);
  }
  for (const [name, given] of seen) {
    if (given.length > 1) throw new UsageError(`--${name} is given ${given.length} times (${given.map((v) => JSON.stringify(v)).join(', ')}); give it once`);
  }
  return { help: false, values: parsed.values as Record<string, string | true | undefined> };
}

/** node:util's parse errors in the runners' words. */
function explain(spec: CommandSpec, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const known = Object.keys(spec.options).map((name) => `--${name}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}; the options are ${known.join(', ')} and --help`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${JSON.stringify(quoted)}; every value follows its option, as in --out DIR`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([\w-]+)/.exec(message)?.[1] ?? quoted;
    return spec.options[name]?.value === undefined ? `--${name} takes no value` : `--${name} needs a value (${flag(name, spec.options[name]!)})`;
  }
  return message;
}
