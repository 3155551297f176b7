import { createRng } from '@slope/models';
import { renderPng } from '@slope/plot/node';
import { helpText, parseCommandLine, USAGE, UsageError, type Settings } from './args.js';
import { costChart, drawingChart } from './charts.js';
import { heartData } from './data.js';
import { createEngine } from './engine.js';
import { checkEngines } from './engine-check.js';
import { ensureWritableDir, OutDirError, writeFilesAtomically } from './files.js';
import { formatCost, formatCount, formatDuration } from './format.js';
import { initNetwork } from './network.js';
import { progressReporter, type TextSink } from './progress.js';
import { buildReport } from './report.js';
import { train, type TrainResult } from './train.js';

/**
 * Where `run` reads and writes; every part is optional and defaults to the process's.
 *
 * @example
 * await run(['--iterations', '300'], { stdout: { write: (s: string) => log.push(s) }, signal });
 */
export interface RunIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Aborting stops training; the files are still written for the updates done. */
  readonly signal?: AbortSignal;
  /** Clock in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
}

/**
 * Exit codes of {@link run}.
 *
 * @example
 * if ((await run(argv)) === EXIT.interrupted) console.log('stopped early');
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * Hand and autodiff Jacobians must agree to rounding; more than this means a bug.
 *
 * @example
 * checkEngines(data, net).maxRelativeDifference <= ENGINE_CHECK_TOLERANCE; // true
 */
export const ENGINE_CHECK_TOLERANCE = 1e-8;

const PNG_SIZE = { drawing: { width: 640, height: 640 }, cost: { width: 800, height: 450 } } as const;

/**
 * The command: parses `argv`, trains the course network on the heart curve and writes
 * drawing.png, cost.png and report.json; returns the exit code (0 done, 1 failed, 2 bad
 * input, 130 interrupted after writing the files).
 *
 * @example
 * process.exitCode = await run(['--iterations', '300', '--out', 'out/quick']);
 */
export async function run(argv: readonly string[], io: Partial<RunIo> = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const now = io.now ?? (() => performance.now());
  const began = now();
  const usageError = (message: string): number => {
    stderr.write(`backprop: ${message}\n${USAGE}\n`);
    return EXIT.usage;
  };

  let settings: Settings;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help) {
      stdout.write(helpText());
      return EXIT.ok;
    }
    settings = parsed.settings;
    ensureWritableDir(settings.out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof OutDirError) return usageError(error.message);
    throw error;
  }

  const { iterations, aggression, noise, seed, hidden, snapshotEvery } = settings;
  const say = (line: string) => stdout.write(`${line}\n`);
  say(`backprop: 1→${hidden[0]}→${hidden[1]}→2 network, ${formatCount(iterations)} iterations (${formatCount(iterations + 1)} updates), aggression ${aggression}, noise ${noise}, seed ${seed}, engine ${settings.engine}`);

  const data = heartData();
  const rng = createRng(seed);
  const start = initNetwork(hidden, rng);

  const checkStarted = now();
  const check = checkEngines(data, start);
  const engineCheckMs = now() - checkStarted;
  say(`engine check: hand Jacobians J_W1…J_b3 vs @slope/autodiff on the initial network, largest relative difference ${check.maxRelativeDifference.toExponential(2)} (at ${check.worst.jacobian}[${check.worst.index}])`);
  if (!(check.maxRelativeDifference <= ENGINE_CHECK_TOLERANCE)) {
    stderr.write(`backprop: the hand Jacobians disagree with @slope/autodiff (relative difference ${check.maxRelativeDifference} > ${ENGINE_CHECK_TOLERANCE}); not training\n`);
    return EXIT.failed;
  }

  const engine = createEngine(settings.engine, data, hidden);
  const reporter = progressReporter(stdout, iterations + 1);
  let result: TrainResult;
  try {
    result = await train(start, {
      iterations,
      aggression,
      noise,
      snapshotEvery,
      rng,
      engine,
      now,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (progress) => reporter.update(progress),
    });
  } finally {
    reporter.stop();
  }

  const renderStarted = now();
  const [drawing, cost] = await Promise.all([
    renderPng(drawingChart(data, result), PNG_SIZE.drawing),
    renderPng(costChart(result), PNG_SIZE.cost),
  ]);
  const renderMs = now() - renderStarted;
  const timings = { engineCheckMs, trainingMs: result.elapsedMs, renderMs, totalMs: now() - began };
  const report = buildReport(settings, check, result, timings);
  const paths = writeFilesAtomically(settings.out, [
    { name: 'drawing.png', data: drawing },
    { name: 'cost.png', data: cost },
    { name: 'report.json', data: `${JSON.stringify(report, null, 2)}\n` },
  ]);

  const speed = result.elapsedMs > 0 ? (result.updates * 1000) / result.elapsedMs : 0;
  say(
    result.interrupted
      ? `interrupted after ${formatCount(result.updates)} of ${formatCount(result.totalUpdates)} updates; writing what was done`
      : `done: ${formatCount(result.updates)} updates`,
  );
  say(`  cost      ${formatCost(result.initialCost)} → ${formatCost(result.finalCost)}`);
  say(`  time      ${formatDuration(result.elapsedMs)} training (${formatCount(speed)} it/s), ${formatDuration(timings.totalMs)} in all`);
  say(`  wrote     ${paths.join(', ')}`);
  return result.interrupted ? EXIT.interrupted : EXIT.ok;
}
