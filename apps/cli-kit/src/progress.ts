import cliProgress from 'cli-progress';
import { formatCount, formatDuration } from './format.js';
import type { TextSink } from './io.js';

/**
 * Where a long run is, as reported to a {@link ProgressReporter}.
 *
 * @example
 * ```ts
 * reporter.update({ done: 20_000, elapsedMs: 1900, detail: 'cost 1.2e-3' });
 * ```
 */
export interface Progress {
  /** Steps done so far. */
  readonly done: number;
  readonly elapsedMs: number;
  /** A short run-specific note, e.g. the current cost. */
  readonly detail?: string;
}

/**
 * Shows the progress of a long run.
 *
 * @example
 * ```ts
 * const reporter: ProgressReporter = progressReporter(process.stdout, { total: 50_001, unit: 'updates' });
 * ```
 */
export interface ProgressReporter {
  update(progress: Progress): void;
  stop(): void;
}

/**
 * What a {@link progressReporter} counts.
 *
 * @example
 * ```ts
 * const plan: ProgressPlan = { total: 50_001, unit: 'updates' };
 * ```
 */
export interface ProgressPlan {
  readonly total: number;
  /** The plural noun of the steps, e.g. `updates`. */
  readonly unit: string;
  /** Report every this fraction of the total in plain-line mode. Default 0.1. */
  readonly step?: number;
}

const rate = (progress: Progress): number => (progress.elapsedMs > 0 ? (progress.done * 1000) / progress.elapsedMs : 0);

/**
 * A cli-progress bar (percentage, count, detail, steps/s, ETA) for a terminal.
 *
 * @example
 * ```ts
 * const reporter = barReporter(process.stdout, { total: 50_001, unit: 'updates' });
 * ```
 */
export function barReporter(sink: TextSink, plan: ProgressPlan): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      format: `[{bar}] {percentage}% | {value}/{total} ${plan.unit} | {detail} | {speed}/s | ETA {eta_formatted}`,
      stream: sink as unknown as NodeJS.WritableStream,
      hideCursor: true,
      etaBuffer: 40,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(plan.total, 0, { detail: '–', speed: '–' });
  return {
    update(progress) {
      bar.update(progress.done, { detail: progress.detail ?? '', speed: formatCount(rate(progress)) });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Plain lines for logs and pipes: one each time another `step` of the total is done.
 *
 * @example
 * ```ts
 * const reporter = lineReporter(process.stdout, { total: 50_001, unit: 'updates' });
 * ```
 */
export function lineReporter(sink: TextSink, plan: ProgressPlan): ProgressReporter {
  const step = plan.step ?? 0.1;
  const { total } = plan;
  let nextMark = step;
  return {
    update(progress) {
      const fraction = progress.done / total;
      if (fraction + 1e-12 < nextMark && progress.done < total) return;
      while (nextMark <= fraction + 1e-12) nextMark += step;
      const speed = rate(progress);
      const eta = speed > 0 ? ((total - progress.done) / speed) * 1000 : Number.NaN;
      const detail = progress.detail === undefined ? '' : `  ${progress.detail}`;
      sink.write(
        `  ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatCount(progress.done)}/${formatCount(total)} ${plan.unit}${detail}` +
          `  ${formatCount(speed)}/s  ETA ${Number.isFinite(eta) ? formatDuration(eta) : '–'}\n`,
      );
    },
    stop() {},
  };
}

/**
 * A bar on a terminal, plain periodic lines otherwise.
 *
 * @example
 * ```ts
 * const reporter = progressReporter(io.stdout, { total: 50_001, unit: 'updates' });
 * ```
 */
export function progressReporter(sink: TextSink, plan: ProgressPlan): ProgressReporter {
  return sink.isTTY === true ? barReporter(sink, plan) : lineReporter(sink, plan);
}
