import {
  OUTPUT_FOLDER_HELP,
  helpText as kitHelpText,
  parseCommandLine as kitParseCommandLine,
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
 * How the trainer gets its Jacobians: `hand`, the course's back-propagation in `@slope/models`
 * (the fused kernel for 1→6→7→2), or `autodiff`, `@slope/autodiff`'s reverse mode (slow).
 *
 * @example
 * const name: EngineName = 'autodiff';
 */
export type EngineName = 'hand' | 'autodiff' | 'learner';

/**
 * Everything one run of the app needs to know.
 *
 * @example
 * const { settings } = parseCommandLine(['--seed', '2']) as { settings: Settings };
 */
export interface Settings {
  /** The loop makes `iterations + 1` updates, as the course's trainer. */
  readonly iterations: number;
  readonly aggression: number;
  readonly noise: number;
  readonly seed: number;
  readonly hidden: readonly [number, number];
  readonly snapshotEvery: number;
  readonly engine: EngineName;
  /** With engine 'learner': the learner's module (from `backprop exercise`), as given. */
  readonly learnerFile?: string;
  readonly out: string;
}

/** An `--engine` value that names the learner's module rather than an engine. */
const LEARNER_FILE = /\.(?:m?js|m?ts)$/i;

/**
 * The course's settings (COURSE.md §1.6: the notebook's `plot_training(x, y,
 * iterations=10000, aggression=7, noise=1)` after which it says ~50,000 iterations train the
 * network) and the seed picked in the README (a typical result among seeds 0–4).
 *
 * @example
 * DEFAULT_SETTINGS.iterations; // 50000
 */
export const DEFAULT_SETTINGS: Settings = {
  iterations: 50_000,
  aggression: 7,
  noise: 1,
  seed: 0,
  hidden: [6, 7],
  snapshotEvery: 100,
  engine: 'hand',
  out: 'out/backprop',
};

/**
 * The largest `--iterations`: about 1.6 years at 20,000 updates a second. Memory does not grow
 * with it: at most {@link MAX_DRAWN_SNAPSHOTS} snapshots and {@link MAX_COST_POINTS} costs are kept.
 *
 * @example
 * parseCommandLine(['--iterations', '1e12']); // accepted
 */
export const MAX_ITERATIONS = 1e12;

/**
 * The most snapshots drawn (and kept while training): when `--snapshot-every` asks for more,
 * they are thinned evenly over the whole run (every 2nd, 4th, … kept).
 *
 * @example
 * // --snapshot-every 1 over 50,000 iterations draws 782 snapshots, every 64th.
 */
export const MAX_DRAWN_SNAPSHOTS = 1000;

/**
 * The most points of the cost curve kept, thinned the same way.
 *
 * @example
 * result.costHistory.length <= MAX_COST_POINTS + 1; // the last point is always added
 */
export const MAX_COST_POINTS = 2000;

/**
 * The largest n1 · n2 of `--hidden`: W2 alone holds n1·n2 numbers, several times over while
 * the Jacobians are checked (4,000,000 of them are 32 MB each).
 *
 * @example
 * parseCommandLine(['--hidden', '2000,2000']); // accepted
 */
export const MAX_HIDDEN_PRODUCT = 4_000_000;

const d = DEFAULT_SETTINGS;

/**
 * The command: its options, help and notes.
 *
 * @example
 * process.stdout.write(helpText());
 */
export const COMMAND: CommandSpec = {
  name: 'backprop',
  summary: ['backprop (course assignment 1): a 1→n1→n2→2 sigmoid network learns to draw the heart curve.'],
  options: {
    iterations: { value: 'N', description: `training iterations, at most 1e12; the loop makes N + 1 full-batch updates`, default: String(d.iterations) },
    aggression: { value: 'A', description: 'step size: P ← P − A · J_P · (1 + ξ · noise), a number above 0', default: String(d.aggression) },
    noise: { value: 'S', description: 'scale of the N(0,1) factor on each Jacobian per update, 0 for none', default: String(d.noise) },
    seed: { value: 'N', description: 'seed of the initial network and the noise, an integer (negative ones too)', default: String(d.seed) },
    hidden: { value: 'N1,N2', description: `sizes of the two hidden layers, each 1–10000 with N1·N2 ≤ ${MAX_HIDDEN_PRODUCT.toLocaleString('en-US')}`, default: d.hidden.join(',') },
    'snapshot-every': {
      value: 'K',
      description: `draw the network's output every K iterations; at most ${MAX_DRAWN_SNAPSHOTS} are drawn, thinned evenly`,
      default: String(d.snapshotEvery),
    },
    engine: { value: 'NAME|FILE', description: 'hand (the course back-propagation of @slope/models, fast), autodiff (@slope/autodiff, slow), or your .js/.mjs/.ts file from `backprop exercise` (graded first)', default: d.engine },
    out: { value: 'DIR', description: 'folder for drawing.png, cost.png and report.json', default: d.out },
  },
  notes: [
    'the assignment as an exercise: `backprop exercise [FILE] [--language ts|js]` writes a starter with\n' +
      'J_W3 … J_b1 to write (never over an existing file); `backprop check FILE` grades each function.',
    'Ctrl-C (or SIGTERM) stops training and still writes the files for the updates done (exit 130);\n' +
      'a second one quits at once without writing. The run exits with 1 when the cost got worse.',
    OUTPUT_FOLDER_HELP,
  ],
};

/**
 * The one-line synopsis printed with every usage error.
 *
 * @example
 * stderr.write(`${USAGE}\n`);
 */
export const USAGE = usageLine(COMMAND);

/**
 * The `--help` text: every option with its default, the output-folder rule and the exit codes.
 *
 * @example
 * console.log(helpText());
 */
export function helpText(): string {
  return kitHelpText(COMMAND);
}

/**
 * What the command line asked for.
 *
 * @example
 * const parsed: ParsedArgs = parseCommandLine(['--help']); // { help: true }
 */
export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly settings: Settings };

function hiddenSizes(text: string): [number, number] {
  const shape = `two integers N1,N2 from 1 to 10000`;
  const [n1, n2] = readList('hidden', text, 2, (part) => readInteger('hidden', part, { min: 1, max: 10_000 }), shape);
  if (n1! * n2! > MAX_HIDDEN_PRODUCT) {
    throw new UsageError(`--hidden ${n1},${n2} makes W2 ${n1}×${n2} = ${(n1! * n2!).toLocaleString('en-US')} weights; expected N1·N2 ≤ ${MAX_HIDDEN_PRODUCT.toLocaleString('en-US')}`);
  }
  return [n1!, n2!];
}

/**
 * The settings the option values ask for, each checked.
 *
 * @throws UsageError naming the bad option and value.
 * @example
 * readSettings({ seed: '-3' }).seed; // -3
 */
export function readSettings(values: OptionValues, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const read = <T>(name: string, parse: (text: string) => T, fallback: T): T => {
    const value = text(name);
    return value === undefined ? fallback : parse(value);
  };
  const out = read(
    'out',
    (t) => {
      if (t.trim() === '') throw new UsageError('--out must be a folder path, got an empty string');
      return t;
    },
    defaults.out,
  );
  return {
    iterations: read('iterations', (t) => readInteger('iterations', t, { min: 1, max: MAX_ITERATIONS }), defaults.iterations),
    aggression: read('aggression', (t) => readNumber('aggression', t, { above: 0 }), defaults.aggression),
    noise: read('noise', (t) => readNumber('noise', t, { min: 0 }), defaults.noise),
    seed: read('seed', (t) => readInteger('seed', t), defaults.seed),
    hidden: read('hidden', hiddenSizes, defaults.hidden),
    snapshotEvery: read('snapshot-every', (t) => readInteger('snapshot-every', t, { min: 1, max: MAX_ITERATIONS }), defaults.snapshotEvery),
    engine: read('engine', (t) => (LEARNER_FILE.test(t) ? 'learner' : readChoice('engine', t, ['hand', 'autodiff'] as const)), defaults.engine),
    ...(LEARNER_FILE.test(text('engine') ?? '') ? { learnerFile: text('engine') } : {}),
    out,
  };
}

/**
 * Parses the command line with `@slope/cli-kit` (strict: unknown flags, stray words and
 * repeated options are errors; `-h` anywhere asks for help; `--seed -3` works). A leading
 * `--`, which pnpm passes through literally, is ignored.
 *
 * @throws UsageError naming the bad option and value.
 * @example
 * parseCommandLine(['--iterations', '300', '--seed', '2']);
 * // { help: false, settings: { iterations: 300, seed: 2, … } }
 */
export function parseCommandLine(argv: readonly string[], defaults: Settings = DEFAULT_SETTINGS): ParsedArgs {
  const parsed = kitParseCommandLine(COMMAND, argv);
  return parsed.help ? { help: true } : { help: false, settings: readSettings(parsed.values, defaults) };
}
