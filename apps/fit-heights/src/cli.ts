import { resolve } from 'node:path';
import { renderFigures } from './figures.js';
import { dataRegion, runMethod } from './fits.js';
import { DataError, loadData, type LoadedData } from './load-data.js';
import { histogramMoments } from './moments.js';
import { METHODS, USAGE, UsageError, helpText, parseOptions, type FitHeightsOptions } from './options.js';
import { OutputDirError, prepareOutDir, writeFilesAtomically } from './output.js';
import { buildReport } from './report.js';
import type { MethodRun } from './run-types.js';
import { comparisonTable, formatChi2, formatMu, methodLabel, stepTable } from './tables.js';

/**
 * Where the CLI writes text and resolves relative paths; tests pass their own.
 *
 * @example
 * ```ts
 * let text = '';
 * await run(['--help'], { stdout: (t) => (text += t), stderr: () => {}, cwd: process.cwd() });
 * ```
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory that relative `--data` and `--out` paths are resolved against. */
  readonly cwd: string;
}

/**
 * The process's streams. Relative paths resolve against `INIT_CWD` when pnpm set it (the
 * directory `pnpm …` was typed in, even though pnpm runs the script in the app's folder),
 * otherwise against the working directory.
 *
 * @example
 * ```ts
 * const io = processIo();
 * io.stdout('hello\n');
 * ```
 */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

const FILES = ['histogram.png', 'contour.png', 'report.json'] as const;

function describeData(options: FitHeightsOptions, loaded: LoadedData): string {
  const { x, binWidth, total, provenance, citation } = loaded.histogram;
  const source = options.data === undefined ? `dataset ${loaded.label}` : `file ${loaded.label} (${options.unit})`;
  const count = total == null ? '' : `, ${total} heights`;
  const cite = citation == null ? '' : `\nsource: ${citation}`;
  return `${source}: ${x.length} bins of ${binWidth} cm${count}\n${provenance}${cite}`;
}

async function fitAndWrite(options: FitHeightsOptions, io: CliIo): Promise<number> {
  const out = resolve(io.cwd, options.out);
  await prepareOutDir(out);
  const loaded = await loadData(options, io.cwd);
  const { x, y, binWidth } = loaded.histogram;
  const region = dataRegion(x, y, binWidth);
  const settings = { start: options.start, aggression: options.aggression, steps: options.steps };
  const runs: MethodRun[] = METHODS.map((method) => runMethod(x, y, region, method, settings));
  const primary = runs.find((run) => run.method === options.method) as MethodRun;
  // The contour map shows Levenberg–Marquardt beside the chosen method (or steepest descent beside LM).
  const besideMethod = options.method === 'levenberg-marquardt' ? 'steepest' : 'levenberg-marquardt';
  const secondary = runs.find((run) => run.method === besideMethod) as MethodRun;
  const moments = histogramMoments(x, y);

  io.stdout(`${describeData(options, loaded)}\n\n`);
  const how = options.method === 'steepest' ? `, aggression ${options.aggression}` : '';
  io.stdout(`${methodLabel(primary.method)} from (μ, σ) = (${options.start.join(', ')})${how}, ${options.steps} steps at most:\n`);
  io.stdout(`${stepTable(primary)}\n\n`);
  io.stdout(`comparison (same start, same step budget):\n${comparisonTable(runs, moments)}\n\n`);
  for (const run of runs) {
    if (run.diverged) {
      const b = run.best;
      io.stdout(
        `${methodLabel(run.method)} ${run.message}\n  best point: step ${b.step}, μ = ${formatMu(b.mu)}, σ = ${formatMu(b.sigma)}, χ² = ${formatChi2(b.chi2)}\n`,
      );
    }
  }

  const figures = await renderFigures({ histogram: loaded.histogram, primary, secondary, region });
  const report = buildReport(options, loaded, moments, runs, primary, [...FILES]);
  const written = await writeFilesAtomically(out, {
    'histogram.png': figures.histogram,
    'contour.png': figures.contour,
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
  });
  io.stdout(`wrote ${written.join(', ')}\n`);
  if (primary.diverged) {
    io.stderr(`fit-heights: ${methodLabel(primary.method)} diverged; try a smaller --aggression (the course uses 2000)\n`);
    return 1;
  }
  return 0;
}

/**
 * Runs the app on `argv` (without the `node` and script entries) and returns the exit code:
 * 0 fitted, 1 the chosen method diverged (files still written), 2 bad command line, bad data
 * or an unwritable output directory.
 *
 * @example
 * ```ts
 * process.exitCode = await run(['--dataset', 'galton-sons', '--out', 'out/sons']);
 * ```
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let options: FitHeightsOptions;
  try {
    const command = parseOptions(argv);
    if (command.kind === 'help') {
      io.stdout(helpText());
      return 0;
    }
    options = command.options;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`fit-heights: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    return await fitAndWrite(options, io);
  } catch (error) {
    if (error instanceof DataError || error instanceof OutputDirError) {
      io.stderr(`fit-heights: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
