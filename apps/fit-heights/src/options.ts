import { parseArgs } from 'node:util';

/**
 * The built-in histograms `--dataset` can name.
 *
 * @example
 * ```ts
 * DATASETS.includes('galton-sons'); // true
 * ```
 */
export const DATASETS = ['course', 'galton-sons', 'galton-daughters'] as const;
/**
 * A built-in histogram name.
 *
 * @example
 * ```ts
 * const name: DatasetName = 'galton-daughters';
 * ```
 */
export type DatasetName = (typeof DATASETS)[number];

/**
 * The fitting methods `--method` can name.
 *
 * @example
 * ```ts
 * for (const method of METHODS) console.log(method); // steepest, gauss-newton, levenberg-marquardt
 * ```
 */
export const METHODS = ['steepest', 'gauss-newton', 'levenberg-marquardt'] as const;
/**
 * A fitting method name.
 *
 * @example
 * ```ts
 * const method: MethodName = 'levenberg-marquardt';
 * ```
 */
export type MethodName = (typeof METHODS)[number];

/**
 * Units a `--data` file may be written in.
 *
 * @example
 * ```ts
 * UNITS; // ['cm', 'in']
 * ```
 */
export const UNITS = ['cm', 'in'] as const;
/**
 * A length unit.
 *
 * @example
 * ```ts
 * const unit: Unit = 'in';
 * ```
 */
export type Unit = (typeof UNITS)[number];

/**
 * Everything one run of the app needs, validated.
 *
 * @example
 * ```ts
 * const options: FitHeightsOptions = { ...DEFAULTS, dataset: 'galton-sons' };
 * ```
 */
export interface FitHeightsOptions {
  readonly dataset: DatasetName;
  /** A CSV file to read instead of the built-in dataset; `undefined` for the dataset. */
  readonly data: string | undefined;
  readonly unit: Unit;
  readonly method: MethodName;
  /** Starting point `[μ, σ]` in cm. */
  readonly start: readonly [number, number];
  readonly aggression: number;
  readonly steps: number;
  readonly out: string;
}

/**
 * What `parseOptions` found: options to run with, or a request for the help text.
 *
 * @example
 * ```ts
 * const command: ParsedCommand = parseOptions(process.argv.slice(2));
 * if (command.kind === 'run') console.log(command.options.steps);
 * ```
 */
export type ParsedCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly options: FitHeightsOptions };

/**
 * The course notebook's settings (COURSE.md §2.3): start (155, 6), aggression 2000, 50 steps,
 * on the notebook's own histogram.
 *
 * @example
 * ```ts
 * DEFAULTS.aggression; // 2000
 * ```
 */
export const DEFAULTS: FitHeightsOptions = {
  dataset: 'course',
  data: undefined,
  unit: 'cm',
  method: 'steepest',
  start: [155, 6],
  aggression: 2000,
  steps: 50,
  out: 'out/fit-heights',
};

/**
 * A command line the app cannot run; the CLI prints the message and the usage line, exit code 2.
 *
 * @example
 * ```ts
 * try {
 *   parseOptions(['--steps', '0']);
 * } catch (error) {
 *   if (error instanceof UsageError) console.error(error.message); // '--steps "0" must be a whole number of at least 1'
 * }
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The one-line synopsis printed with every usage error.
 *
 * @example
 * ```ts
 * console.error(USAGE);
 * ```
 */
export const USAGE =
  'usage: fit-heights [--dataset course|galton-sons|galton-daughters] [--data FILE.csv] [--unit cm|in] ' +
  '[--method steepest|gauss-newton|levenberg-marquardt] [--start MU,SIGMA] [--aggression A] [--steps N] [--out DIR]';

/**
 * The `--help` text: what the app does and every option with its default.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText());
 * ```
 */
export function helpText(): string {
  const d = DEFAULTS;
  return [
    'fit-heights: fit a Gaussian to a heights histogram by steepest descent on chi-squared',
    '(the second programming assignment of "Mathematics for ML: Multivariate Calculus"),',
    'then compare with Gauss-Newton, Levenberg-Marquardt and the histogram\'s own moments.',
    '',
    USAGE,
    '',
    'options:',
    `  --dataset NAME     built-in histogram: ${DATASETS.join(', ')} (default: ${d.dataset})`,
    '  --data FILE.csv    read heights from a CSV instead: one height per line, a `height` column,',
    '                     or `centre,count` rows (default: none, use --dataset)',
    `  --unit UNIT        unit of the heights in --data: ${UNITS.join(' or ')}; inches are converted to cm (default: ${d.unit})`,
    `  --method NAME      method for the step table and the magenta path: ${METHODS.join(', ')} (default: ${d.method})`,
    `  --start MU,SIGMA   starting point in cm (default: ${d.start.join(',')})`,
    `  --aggression A     steepest-descent step factor, step = -A * grad chi^2 (default: ${d.aggression})`,
    `  --steps N          iterations (at most, for Gauss-Newton and Levenberg-Marquardt) (default: ${d.steps})`,
    `  --out DIR          where histogram.png, contour.png and report.json go (default: ${d.out})`,
    '  -h, --help         show this help and exit',
    '',
    'exit codes: 0 fitted, 1 the chosen method diverged (best point reported, files still written),',
    '            2 bad command line, unreadable or malformed data, or an unwritable --out,',
    '            3 an unexpected internal error (a bug: please report the stack trace)',
    '',
  ].join('\n');
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

// Number('') and Number(' ') are 0, so blank text is rejected before conversion.
function finiteNumber(option: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`--${option} ${JSON.stringify(text)} is not a finite number`);
  return value;
}

function parseStart(text: string | undefined): readonly [number, number] {
  if (text === undefined) return DEFAULTS.start;
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw new UsageError(`--start ${JSON.stringify(text)} must be two numbers MU,SIGMA such as 155,6`);
  }
  const mu = finiteNumber('start', parts[0] ?? '');
  const sigma = finiteNumber('start', parts[1] ?? '');
  if (sigma <= 0) throw new UsageError(`--start ${JSON.stringify(text)}: sigma must be positive, got ${sigma}`);
  return [mu, sigma];
}

function parseAggression(text: string | undefined): number {
  if (text === undefined) return DEFAULTS.aggression;
  const value = finiteNumber('aggression', text);
  if (value <= 0) throw new UsageError(`--aggression ${JSON.stringify(text)} must be positive`);
  return value;
}

function parseSteps(text: string | undefined): number {
  if (text === undefined) return DEFAULTS.steps;
  const value = finiteNumber('steps', text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--steps ${JSON.stringify(text)} must be a whole number of at least 1`);
  }
  return value;
}

/**
 * Parses the command line (strict: unknown options and stray arguments are errors). A leading
 * `--` is tolerated, because pnpm passes it through literally (TOOLCHAIN.md G15).
 *
 * @throws {UsageError} naming the bad option, the value given and what was expected.
 * @example
 * ```ts
 * parseOptions(['--steps', '10']);
 * // { kind: 'run', options: { ...DEFAULTS, steps: 10 } }
 * ```
 */
export function parseOptions(argv: readonly string[]): ParsedCommand {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        dataset: { type: 'string' },
        data: { type: 'string' },
        unit: { type: 'string' },
        method: { type: 'string' },
        start: { type: 'string' },
        aggression: { type: 'string' },
        steps: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: 'help' };
  if (values.data !== undefined && values.dataset !== undefined) {
    throw new UsageError(`--data ${JSON.stringify(values.data)} and --dataset ${JSON.stringify(values.dataset)} both given; choose one`);
  }
  if (values.unit !== undefined && values.data === undefined) {
    throw new UsageError(`--unit ${JSON.stringify(values.unit)} applies to --data files only; the built-in datasets are in cm`);
  }
  if (values.data?.trim() === '') throw new UsageError('--data needs a file name');
  if (values.out?.trim() === '') throw new UsageError('--out needs a directory name');
  return {
    kind: 'run',
    options: {
      dataset: oneOf('dataset', values.dataset, DATASETS, DEFAULTS.dataset),
      data: values.data,
      unit: oneOf('unit', values.unit, UNITS, DEFAULTS.unit),
      method: oneOf('method', values.method, METHODS, DEFAULTS.method),
      start: parseStart(values.start),
      aggression: parseAggression(values.aggression),
      steps: parseSteps(values.steps),
      out: values.out ?? DEFAULTS.out,
    },
  };
}
