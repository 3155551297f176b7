import cliProgress from 'cli-progress';
import { formatCost, formatCount, formatDuration } from './format.js';
import type { TrainProgress } from './train.js';

/**
 * Somewhere to write text; `isTTY` decides between a live bar and plain lines.
 *
 * @example
 * const sink: TextSink = { write: (text: string) => lines.push(text), isTTY: false };
 */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Shows training progress.
 *
 * @example
 * const reporter: ProgressReporter = progressReporter(process.stdout, 50_001);
 */
export interface ProgressReporter {
  update(progress: TrainProgress): void;
  stop(): void;
}

const rate = (progress: TrainProgress): number => (progress.elapsedMs > 0 ? (progress.updates * 1000) / progress.elapsedMs : 0);

/**
 * A cli-progress bar (cost, iterations/s, ETA) on a terminal.
 *
 * @example
 * const reporter = barReporter(process.stdout, 50_001);
 */
export function barReporter(sink: TextSink, totalUpdates: number): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      format: 'training [{bar}] {percentage}% | {value}/{total} | cost {cost} | {speed} it/s | ETA {eta_formatted}',
      stream: sink as unknown as NodeJS.WritableStream,
      hideCursor: true,
      etaBuffer: 40,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalUpdates, 0, { cost: '–', speed: '–' });
  return {
    update(progress) {
      bar.update(progress.updates, { cost: formatCost(progress.cost), speed: formatCount(rate(progress)) });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Plain lines for logs and pipes: one each time another `step` of the run is done
 * (default every 10%).
 *
 * @example
 * const reporter = lineReporter(process.stdout, 50_001);
 */
export function lineReporter(sink: TextSink, totalUpdates: number, step = 0.1): ProgressReporter {
  let nextMark = step;
  return {
    update(progress) {
      const fraction = progress.updates / totalUpdates;
      if (fraction + 1e-12 < nextMark && progress.updates < totalUpdates) return;
      while (nextMark <= fraction + 1e-12) nextMark += step;
      const speed = rate(progress);
      const eta = speed > 0 ? ((totalUpdates - progress.updates) / speed) * 1000 : Number.NaN;
      sink.write(
        `  ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatCount(progress.updates)}/${formatCount(totalUpdates)} updates` +
          `  cost ${formatCost(progress.cost)}  ${formatCount(speed)} it/s  ETA ${Number.isFinite(eta) ? formatDuration(eta) : '–'}\n`,
      );
    },
    stop() {},
  };
}

/**
 * A bar on a terminal, plain periodic lines otherwise.
 *
 * @example
 * const reporter = progressReporter(process.stdout, 50_001);
 */
export function progressReporter(sink: TextSink, totalUpdates: number): ProgressReporter {
  return sink.isTTY === true ? barReporter(sink, totalUpdates) : lineReporter(sink, totalUpdates);
}
