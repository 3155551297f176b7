import { FIT_GAUSSIAN_MAX_STEPS } from '@slope/models';
import {
  OUTPUT_FOLDER_HELP,
  helpText as kitHelpText,
  parseCommandLine,
  readChoice,
  readInteger,
  readList,
  readNumber,
  UsageError,
  usageLine,
  type CommandSpec,
  type OptionValues,
} from '@slope/cli-kit';

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
 * UNITS; // ['cm', 'in', 'mm', 'm']
 * ```
 */
export const UNITS = ['cm', 'in', 'mm', 'm'] as const;
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
  /** The unit of `data`; `undefined` for the unit the file's header names, else cm. */
  readonly unit: Unit | undefined;
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
  unit: undefined,
  method: 'steepest',
  start: [155, 6],
  aggression: 2000,
  steps: 50,
  out: 'out/fit-heights',
};

/**
 * The largest `--steps`: `fitGaussian`'s own maximum, since every step of the path is kept.
 *
 * @example
 * ```ts
 * parseOptions(['--steps', String(MAX_STEPS)]); // accepted
 * ```
 */
export const MAX_STEPS = FIT_GAUSSIAN_MAX_STEPS;

const d = DEFAULTS;

/**
 * The command: its options, help and notes.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText());
 * ```
 */
export const COMMAND: CommandSpec = {
  name: 'fit-heights',
  summary: [
    'fit-heights (course assignment 2): fit a Gaussian to a heights histogram by steepest descent on',
    'chi-squared, then compare with Gauss-Newton, Levenberg-Marquardt and the histogram\'s own moments.',
  ],
  options: {
    dataset: { value: 'NAME', description: `built-in histogram: ${DATASETS.join(', ')}`, default: d.dataset },
    data: {
      value: 'FILE.csv',
      description: 'read heights from a CSV instead: one height per line, a `height` column, or `centre,count` rows; implausible heights and unit slips are refused with their line',
      default: 'none, use --dataset',
    },
    unit: { value: 'UNIT', description: `unit of the heights in --data: ${UNITS.join(', ')}; converted to cm`, default: 'the unit the header names, else cm' },
    method: { value: 'NAME', description: `method for the step table and the magenta path: ${METHODS.join(', ')}`, default: d.method },
    start: { value: 'MU,SIGMA', description: 'starting point in cm, sigma above 0', default: d.start.join(',') },
    aggression: { value: 'A', description: 'steepest-descent step factor, step = -A * grad chi^2, a number above 0', default: String(d.aggression) },
    steps: { value: 'N', description: `iterations (at most, for Gauss-Newton and Levenberg-Marquardt), 1 to ${MAX_STEPS}`, default: String(d.steps) },
    out: { value: 'DIR', description: 'folder for histogram.png, contour.png and report.json', default: d.out },
  },
  notes: [
    'the assignment as an exercise: `fit-heights exercise [FILE] [--language ts|js]` writes a starter with\n' +
      'dfdmu, dfdsig and steepest_step to write (never over an existing file); `fit-heights check FILE` grades each.',
    'Ctrl-C (or SIGTERM) stops the run without writing anything (exit 130). Exit 1: the chosen method diverged.',
    OUTPUT_FOLDER_HELP,
  ],
};

/**
 * A command line the app cannot run; the CLI prints the message and the usage line, exit code 2.
 *
 * @example
 * ```ts
 * try {
 *   parseOptions(['--steps', '0']);
 * } catch (error) {
 *   if (error instanceof UsageError) console.error(error.message); // '--steps must be an integer from 1 to 100000, got "0"'
 * }
 * ```
 */
export { UsageError };

/**
 * The one-line synopsis printed with every usage error.
 *
 * @example
 * ```ts
 * console.error(USAGE);
 * ```
 */
export const USAGE = usageLine(COMMAND);

/**
 * The `--help` text: what the app does, every option with its default, the output rule and
 * the exit codes (the same layout as backprop's).
 *
 * @example
 * ```ts
 * process.stdout.write(helpText());
 * ```
 */
export function helpText(): string {
  return kitHelpText(COMMAND);
}

function parseStart(text: string): readonly [number, number] {
  const [mu, sigma] = readList('start', text, 2, (part, i) => (i === 0 ? readNumber('start', part) : readNumber('start', part, { above: 0 })), 'two numbers MU,SIGMA such as 155,6 (sigma above 0)');
  return [mu!, sigma!];
}

/**
 * The options the command-line values ask for, each checked.
 *
 * @throws {UsageError} naming the bad option, the value given and what was expected.
 * @example
 * ```ts
 * readOptions({ steps: '10' }).steps; // 10
 * ```
 */
export function readOptions(values: OptionValues): FitHeightsOptions {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const data = text('data');
  const dataset = text('dataset');
  const unit = text('unit');
  if (data !== undefined && dataset !== undefined) {
    throw new UsageError(`--data ${JSON.stringify(data)} and --dataset ${JSON.stringify(dataset)} both given; choose one`);
  }
  if (unit !== undefined && data === undefined) {
    throw new UsageError(`--unit ${JSON.stringify(unit)} applies to --data files only; the built-in datasets are in cm`);
  }
  if (data?.trim() === '') throw new UsageError('--data needs a file name');
  const out = text('out');
  if (out?.trim() === '') throw new UsageError('--out needs a folder name');
  const start = text('start');
  const aggression = text('aggression');
  const steps = text('steps');
  const method = text('method');
  return {
    dataset: dataset === undefined ? DEFAULTS.dataset : readChoice('dataset', dataset, DATASETS),
    data,
    unit: unit === undefined ? undefined : readChoice('unit', unit, UNITS),
    method: method === undefined ? DEFAULTS.method : readChoice('method', method, METHODS),
    start: start === undefined ? DEFAULTS.start : parseStart(start),
    aggression: aggression === undefined ? DEFAULTS.aggression : readNumber('aggression', aggression, { above: 0 }),
    steps: steps === undefined ? DEFAULTS.steps : readInteger('steps', steps, { min: 1, max: MAX_STEPS }),
    out: out ?? DEFAULTS.out,
  };
}

/**
 * Parses the command line with `@slope/cli-kit` (strict: unknown options, stray arguments and
 * repeated options are errors; `-h` anywhere asks for help; negative numbers may follow their
 * option). A leading `--` is tolerated, because pnpm passes it through literally (TOOLCHAIN.md G15).
 *
 * @throws {UsageError} naming the bad option, the value given and what was expected.
 * @example
 * ```ts
 * parseOptions(['--steps', '10']);
 * // { kind: 'run', options: { ...DEFAULTS, steps: 10 } }
 * ```
 */
export function parseOptions(argv: readonly string[]): ParsedCommand {
  const parsed = parseCommandLine(COMMAND, argv);
  return parsed.help ? { kind: 'help' } : { kind: 'run', options: readOptions(parsed.values) };
}
