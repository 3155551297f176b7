import { parseArgs } from 'node:util';
import type { EngineName } from './engine.js';

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
  readonly out: string;
}

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
 * The one-line synopsis printed with every usage error.
 *
 * @example
 * stderr.write(`${USAGE}\n`);
 */
export const USAGE =
  'usage: pnpm backprop [--iterations 50000] [--aggression 7] [--noise 1] [--seed N] [--hidden 6,7] [--snapshot-every 100] [--engine hand|autodiff] [--out out/backprop] [--help]';

/**
 * The `--help` text: every option with its default.
 *
 * @example
 * console.log(helpText());
 */
export function helpText(defaults: Settings = DEFAULT_SETTINGS): string {
  const rows: [string, string][] = [
    ['--iterations <n>', `training iterations; the loop makes n + 1 full-batch updates (default ${defaults.iterations})`],
    ['--aggression <a>', `step size: P ← P − a · J_P · (1 + ξ · noise) (default ${defaults.aggression})`],
    ['--noise <s>', `scale of the N(0,1) factor on each Jacobian per update, 0 for none (default ${defaults.noise})`],
    ['--seed <n>', `seed of the initial network and the noise, an integer (default ${defaults.seed})`],
    ['--hidden <n1,n2>', `sizes of the two hidden layers (default ${defaults.hidden.join(',')})`],
    ['--snapshot-every <k>', `draw the network's output every k iterations (default ${defaults.snapshotEvery})`],
    ['--engine <name>', `hand (the course Jacobians J_W1…J_b3, fast) or autodiff (@slope/autodiff, slow) (default ${defaults.engine})`],
    ['--out <dir>', `directory for drawing.png, cost.png and report.json (default ${defaults.out})`],
    ['-h, --help', 'print this help and exit'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    'Backpropagation (course assignment 1): a 1→n1→n2→2 network learns to draw the heart curve.',
    '',
    USAGE,
    '',
    'options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
  ].join('\n');
}

/**
 * A bad command line: the message names the option, the value and what was expected.
 *
 * @example
 * throw new UsageError('--iterations must be a positive integer, got "0"');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * What the command line asked for.
 *
 * @example
 * const parsed: ParsedArgs = parseCommandLine(['--help']); // { help: true }
 */
export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly settings: Settings };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function number(option: string, text: string): number {
  const value = Number(text);
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`--${option} must be a number, got "${text}"`);
  }
  return value;
}

function positiveInteger(option: string, text: string): number {
  const value = number(option, text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--${option} must be a positive integer, got "${text}"`);
  }
  return value;
}

function hiddenSizes(text: string): [number, number] {
  const parts = text.split(',');
  const sizes = parts.map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN));
  if (sizes.length !== 2 || sizes.some((size) => !Number.isSafeInteger(size) || size < 1 || size > 10_000)) {
    throw new UsageError(`--hidden must be two positive integers n1,n2 (each at most 10000), got "${text}"`);
  }
  return [sizes[0]!, sizes[1]!];
}

/**
 * Parses the command line (strictly: unknown flags and stray words are errors). A leading
 * `--`, which pnpm passes through literally, is ignored.
 *
 * @throws UsageError naming the bad option and value.
 * @example
 * parseCommandLine(['--iterations', '300', '--seed', '2']);
 * // { help: false, settings: { iterations: 300, seed: 2, … } }
 */
export function parseCommandLine(argv: readonly string[], defaults: Settings = DEFAULT_SETTINGS): ParsedArgs {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        iterations: { type: 'string' },
        aggression: { type: 'string' },
        noise: { type: 'string' },
        seed: { type: 'string' },
        hidden: { type: 'string' },
        'snapshot-every': { type: 'string' },
        engine: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const text = (option: string): string | undefined => {
    const value = values[option];
    return typeof value === 'string' ? value : undefined;
  };
  const read = <T>(option: string, parse: (text: string) => T, fallback: T): T => {
    const value = text(option);
    return value === undefined ? fallback : parse(value);
  };

  const iterations = read('iterations', (t) => positiveInteger('iterations', t), defaults.iterations);
  const aggression = read(
    'aggression',
    (t) => {
      const value = number('aggression', t);
      if (!(value > 0)) throw new UsageError(`--aggression must be a positive number, got "${t}"`);
      return value;
    },
    defaults.aggression,
  );
  const noise = read(
    'noise',
    (t) => {
      const value = number('noise', t);
      if (!(value >= 0)) throw new UsageError(`--noise must be a number >= 0, got "${t}"`);
      return value;
    },
    defaults.noise,
  );
  const seed = read(
    'seed',
    (t) => {
      const value = number('seed', t);
      if (!Number.isSafeInteger(value)) throw new UsageError(`--seed must be an integer, got "${t}"`);
      return value;
    },
    defaults.seed,
  );
  const hidden = read('hidden', hiddenSizes, defaults.hidden);
  const snapshotEvery = read('snapshot-every', (t) => positiveInteger('snapshot-every', t), defaults.snapshotEvery);
  const engine = read(
    'engine',
    (t): EngineName => {
      if (t !== 'hand' && t !== 'autodiff') throw new UsageError(`--engine must be "hand" or "autodiff", got "${t}"`);
      return t;
    },
    defaults.engine,
  );
  const out = read(
    'out',
    (t) => {
      if (t.trim() === '') throw new UsageError('--out must be a directory path, got an empty string');
      return t;
    },
    defaults.out,
  );
  return { help: false, settings: { iterations, aggression, noise, seed, hidden, snapshotEvery, engine, out } };
}
