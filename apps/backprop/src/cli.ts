import { cliIo, EXIT, formatCount, formatDuration, prepareOutputFolder, progressReporter, runCommand, type CliIo, type ExitCode } from '@slope/cli-kit';
import { resolve } from 'node:path';
import { createRng, heartCurve, mlp } from '@slope/models/mlp';
import { COMMAND, MAX_DRAWN_SNAPSHOTS, readSettings, type Settings } from './args.js';
import { formatCost } from './format.js';
import { autodiffGradients, checkJacobians } from './jacobian-check.js';
import { courseData } from './jacobians.js';
import { buildReport, outcomeOf } from './report.js';
import { trainRun, type TrainRun } from './train-run.js';

/**
 * Where `run` reads and writes; every part is optional and defaults to the process's
 * (`@slope/cli-kit`'s `CliIo`: stdout, stderr, cwd, the abort signal, the clock, the file system).
 *
 * @example
 * await run(['--iterations', '300'], { stdout: { write: (s: string) => log.push(s) }, signal });
 */
export type RunIo = CliIo;

/**
 * Exit codes of {@link run}, shared with fit-heights through `@slope/cli-kit`.
 *
 * @example
 * if ((await run(argv)) === EXIT.interrupted) console.log('stopped early');
 */
export { EXIT };

/** The files of one run, in the order they are listed. */
export const OUTPUT_FILES = ['drawing.png', 'cost.png', 'report.json'] as const;

const PNG_SIZE = { drawing: { width: 640, height: 640 }, cost: { width: 800, height: 450 } } as const;

function describeSnapshots(settings: Settings, run: TrainRun): string {
  const kept = run.snapshots.length;
  const scheduled = run.scheduledSnapshots;
  if (kept === scheduled) return `${formatCount(kept)}, every ${formatCount(settings.snapshotEvery)} iterations`;
  return `${formatCount(kept)} of ${formatCount(scheduled)} (every ${formatCount(run.snapshotStride)} iterations: at most ${MAX_DRAWN_SNAPSHOTS} are drawn, thinned evenly)`;
}

/**
 * The command: parses `argv`, checks the output folder, checks the six course Jacobians and the
 * trainer's gradients against `@slope/autodiff`, trains the course network on the heart curve
 * with `@slope/models`' trainer and writes drawing.png, cost.png and report.json as one set;
 * returns the exit code (0 done, 1 the Jacobians disagree, the run diverged or the cost got
 * worse — files written when there was training —, 2 bad input, 3 internal error, 130
 * interrupted after writing the files).
 *
 * @example
 * process.exitCode = await run(['--iterations', '300', '--out', 'out/quick']);
 */
export async function run(argv: readonly string[], partial: Partial<RunIo> = {}): Promise<ExitCode> {
  // The assignment as an exercise: a starter file for the learner, and the grader for it.
  // Loaded only then: the grader (and its TypeScript loader) are no part of a training run's start-up.
  if (argv[0] === 'exercise') return (await import('@slope/grader/node')).exerciseCommand('backprop', argv.slice(1), partial);
  if (argv[0] === 'check') return (await import('@slope/grader/node')).checkCommand('backprop', argv.slice(1), partial);
  const io = cliIo(partial);
  return runCommand(COMMAND, argv, io, async (values) => {
    const settings = readSettings(values);
    const out = prepareOutputFolder(settings.out, { files: OUTPUT_FILES, cwd: io.cwd, fs: io.fs });
    return trainAndWrite(settings, out, io);
  });
}

async function trainAndWrite(settings: Settings, out: ReturnType<typeof prepareOutputFolder>, io: CliIo): Promise<ExitCode> {
  const { now, stdout, stderr } = io;
  const began = now();
  const { iterations, aggression, noise, seed, hidden, snapshotEvery } = settings;
  const say = (line: string) => stdout.write(`${line}\n`);
  say(`backprop: 1→${hidden[0]}→${hidden[1]}→2 network, ${formatCount(iterations)} iterations (${formatCount(iterations + 1)} updates), aggression ${aggression}, noise ${noise}, seed ${seed}, engine ${settings.engine}`);

  const heart = heartCurve();
  const data = courseData(heart.x, heart.y);
  // One seed, one stream: the weights are its first draws and training's noise continues it.
  const net = mlp({ layers: [1, hidden[0], hidden[1], 2], activation: 'sigmoid', rng: createRng(seed) });

  const checkStarted = now();
  const check = checkJacobians(net, data);
  const jacobianCheckMs = now() - checkStarted;
  const worst = check.course.scaledDifference >= check.trainer.scaledDifference ? check.course : check.trainer;
  say(
    `jacobian check: J_W1…J_b3 as the course writes them, and the trainer's, vs @slope/autodiff on the initial network: largest difference ${worst.scaledDifference.toExponential(2)} of the terms summed ` +
      `(at ${worst.worst.jacobian}[${worst.worst.index}]; rounding allows ${check.tolerance.toExponential(2)} for these sizes)`,
  );
  if (!check.passed) {
    stderr.write(
      `backprop: the Jacobians disagree with @slope/autodiff: ${worst.scaledDifference.toExponential(3)} at ${worst.worst.jacobian}[${worst.worst.index}] ` +
        `is more than rounding explains (${check.tolerance.toExponential(3)}); not training\n`,
    );
    return EXIT.failed;
  }

  // The learner's own Jacobians, graded first (a file that does not pass never trains).
  const learner = settings.learnerFile === undefined ? undefined : await (await import('./learner-engine.js')).learnerGradients(resolve(io.cwd, settings.learnerFile), data);
  if (learner !== undefined) say(`engine: your J_W1 … J_b3 from ${settings.learnerFile} (all pass the grader)`);
  const reporter = progressReporter(stdout, { total: iterations + 1, unit: 'updates' });
  let result: TrainRun;
  try {
    result = await trainRun(net, heart.x, heart.y, {
      iterations,
      aggression,
      noise,
      snapshotEvery,
      maxSnapshots: MAX_DRAWN_SNAPSHOTS,
      ...(settings.engine === 'autodiff' ? { gradients: autodiffGradients(data) } : settings.engine === 'learner' ? { gradients: learner } : {}),
      now,
      signal: io.signal,
      onProgress: (p) => reporter.update({ done: p.updates, elapsedMs: p.elapsedMs, detail: `cost ${formatCost(p.cost)}` }),
    });
  } finally {
    reporter.stop();
  }
  if (result.interrupted && result.updates === 0) {
    say('interrupted before the first update: nothing to write; the output folder is as it was');
    return EXIT.interrupted;
  }

  const renderStarted = now();
  // Loaded only now: chart.js and the canvas are not needed until there is something to draw.
  const [{ renderPng }, { costChart, drawingChart }] = await Promise.all([import('@slope/plot/node'), import('./charts.js')]);
  const [drawing, cost] = await Promise.all([renderPng(drawingChart(heart.y, result), PNG_SIZE.drawing), renderPng(costChart(result), PNG_SIZE.cost)]);
  const renderMs = now() - renderStarted;
  const timings = { jacobianCheckMs, trainingMs: result.elapsedMs, renderMs, totalMs: now() - began };
  const report = buildReport(settings, check, result, timings);
  const saved = out.save([
    { name: 'drawing.png', data: drawing },
    { name: 'cost.png', data: cost },
    { name: 'report.json', data: `${JSON.stringify(report, null, 2)}\n` },
  ]);

  const outcome = outcomeOf(result);
  const speed = result.elapsedMs > 0 ? (result.updates * 1000) / result.elapsedMs : 0;
  say(
    result.interrupted
      ? `interrupted after ${formatCount(result.updates)} of ${formatCount(result.totalUpdates)} updates; wrote what was done`
      : `${outcome.status === 'done' ? 'done' : 'failed'}: ${formatCount(result.updates)} updates`,
  );
  say(`  cost      ${formatCost(result.initialCost)} → ${formatCost(result.finalCost)}`);
  say(`  snapshots ${describeSnapshots(settings, result)}`);
  const rate = speed >= 10 ? formatCount(speed) : speed.toPrecision(2);
  say(`  time      ${formatDuration(result.elapsedMs)} training (${rate} it/s), ${formatDuration(timings.totalMs)} in all`);
  say(`  wrote     ${saved.files.join(', ')}`);
  if (saved.previous != null) say(`  kept      the previous results as ${saved.previous}`);
  if (outcome.status !== 'done' && outcome.status !== 'interrupted') stderr.write(`backprop: ${outcome.message}\n`);
  if (result.interrupted) return EXIT.interrupted;
  return outcome.status === 'done' ? EXIT.ok : EXIT.failed;
}
