import { cliIo, EXIT, prepareOutputFolder, runCommand, type CliIo, type ExitCode, type OutputFolder } from '@slope/cli-kit';
import { renderFigures } from './figures.js';
import { dataRegion, histogramMoments } from '@slope/models';
import { runMethod } from './fits.js';
import { loadData, type LoadedData } from './load-data.js';
import { COMMAND, METHODS, readOptions, type FitHeightsOptions } from './options.js';
import { buildReport } from './report.js';
import type { MethodRun } from './run-types.js';
import { comparisonTable, formatChi2, formatMu, methodLabel, stepTable, tableEvery } from './tables.js';

/**
 * Where the CLI writes text, resolves relative paths, learns of Ctrl-C and writes files:
 * `@slope/cli-kit`'s `CliIo`, shared with backprop. Tests pass their own parts.
 *
 * @example
 * ```ts
 * let text = '';
 * await run(['--help'], { stdout: { write: (t: string) => (text += t) }, cwd: process.cwd() });
 * ```
 */
export type { CliIo };

/** The files of one run, in the order they are listed. */
export const OUTPUT_FILES = ['histogram.png', 'contour.png', 'report.json'] as const;

function describeData(options: FitHeightsOptions, loaded: LoadedData): string {
  const { x, binWidth, total, provenance, citation } = loaded.histogram;
  const source = options.data === undefined ? `dataset ${loaded.label}` : `file ${loaded.label} (${loaded.unit})`;
  const count = total == null ? '' : `, ${total} heights`;
  const cite = citation == null ? '' : `\nsource: ${citation}`;
  return `${source}: ${x.length} bins of ${binWidth} cm${count}\n${provenance}${cite}`;
}

function interrupted(io: CliIo, when: string): ExitCode {
  io.stdout.write(`interrupted ${when}: nothing written; the output folder is as it was\n`);
  return EXIT.interrupted;
}

async function fitAndWrite(options: FitHeightsOptions, out: OutputFolder, io: CliIo): Promise<ExitCode> {
  const say = (text: string) => io.stdout.write(text);
  const loaded = await loadData(options, io.cwd);
  if (io.signal.aborted) return interrupted(io, 'while reading the data');
  const { x, y } = loaded.histogram;
  const region = dataRegion(x, y);
  const settings = { start: options.start, aggression: options.aggression, steps: options.steps };
  const runs: MethodRun[] = METHODS.map((method) => runMethod(x, y, region, method, settings));
  const primary = runs.find((run) => run.method === options.method) as MethodRun;
  // The contour map shows Levenberg–Marquardt beside the chosen method (or steepest descent beside LM).
  const besideMethod = options.method === 'levenberg-marquardt' ? 'steepest' : 'levenberg-marquardt';
  const secondary = runs.find((run) => run.method === besideMethod) as MethodRun;
  const moments = histogramMoments(x, y);

  say(`${describeData(options, loaded)}\n\n`);
  const how = options.method === 'steepest' ? `, aggression ${options.aggression}` : '';
  say(`${methodLabel(primary.method)} from (μ, σ) = (${options.start.join(', ')})${how}, ${options.steps} steps at most:\n`);
  say(`${stepTable(primary, tableEvery(options.steps))}\n\n`);
  say(`comparison (same start, same step budget):\n${comparisonTable(runs, moments)}\n\n`);
  for (const run of runs) {
    if (run.diverged) {
      const b = run.best;
      say(`${methodLabel(run.method)} ${run.message}\n  best point: step ${b.step}, μ = ${formatMu(b.mu)}, σ = ${formatMu(b.sigma)}, χ² = ${formatChi2(b.chi2)}\n`);
    }
  }
  if (io.signal.aborted) return interrupted(io, 'after fitting');

  const figures = await renderFigures({ histogram: loaded.histogram, primary, secondary, region });
  if (io.signal.aborted) return interrupted(io, 'while drawing');
  const report = buildReport(options, loaded, moments, runs, primary, [...OUTPUT_FILES]);
  const saved = out.save([
    { name: 'histogram.png', data: figures.histogram },
    { name: 'contour.png', data: figures.contour },
    { name: 'report.json', data: `${JSON.stringify(report, null, 2)}\n` },
  ]);
  say(`wrote ${saved.files.join(', ')}\n`);
  if (saved.previous != null) say(`kept the previous results as ${saved.previous}\n`);
  if (primary.diverged) {
    io.stderr.write(`fit-heights: ${methodLabel(primary.method)} diverged; try a smaller --aggression (the course uses 2000)\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/**
 * Runs the app on `argv` (without the `node` and script entries) and returns the exit code
 * (`@slope/cli-kit`'s, shared with backprop): 0 fitted, 1 the chosen method diverged (files
 * still written), 2 bad command line, bad data or a bad output folder (nothing written), 3 an
 * internal error, 130 interrupted (nothing written).
 *
 * @example
 * ```ts
 * process.exitCode = await run(['--dataset', 'galton-sons', '--out', 'out/sons']);
 * ```
 */
export async function run(argv: readonly string[], partial: Partial<CliIo> = {}): Promise<ExitCode> {
  // The assignment as an exercise: a starter file for the learner, and the grader for it.
  // Loaded only then: the grader (and its TypeScript loader) are no part of a fit's start-up.
  if (argv[0] === 'exercise') return (await import('@slope/grader/node')).exerciseCommand('heights', argv.slice(1), partial);
  if (argv[0] === 'check') return (await import('@slope/grader/node')).checkCommand('heights', argv.slice(1), partial);
  const io = cliIo(partial);
  return runCommand(COMMAND, argv, io, async (values) => {
    const options = readOptions(values);
    const out = prepareOutputFolder(options.out, { files: OUTPUT_FILES, cwd: io.cwd, fs: io.fs });
    return fitAndWrite(options, out, io);
  });
}
