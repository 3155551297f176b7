import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '@slope/cli-kit';
import { HeightsCsvError, datasets, type HeightsHistogram, type HeightUnit } from '@slope/models';
import type { FitHeightsOptions } from './options.js';

/**
 * The heights data could not be read or parsed; the CLI exits with code 2.
 *
 * @example
 * ```ts
 * try {
 *   await loadData({ ...DEFAULTS, data: 'bad.csv' }, process.cwd());
 * } catch (error) {
 *   if (error instanceof DataError) console.error(error.message, error.line); // 'bad.csv:3: …', 3
 * }
 * ```
 */
export class DataError extends InputError {
  override readonly name = 'DataError';
  constructor(
    message: string,
    /** 1-based line of the file at fault, when one line is. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The histogram to fit and where it came from.
 *
 * @example
 * ```ts
 * const { histogram, label, file } = await loadData(DEFAULTS, process.cwd()); // label 'course', file null
 * ```
 */
export interface LoadedData {
  readonly histogram: HeightsHistogram;
  /** The dataset name, or the file as given on the command line. */
  readonly label: string;
  /** Absolute path of the `--data` file, or `null` for a built-in dataset. */
  readonly file: string | null;
  /** The unit the data were read in: `--unit`, the unit the header names, else cm. */
  readonly unit: HeightUnit;
}

/**
 * Loads the built-in dataset named by `--dataset`, or reads and parses the `--data` file
 * (relative paths resolve against `cwd`).
 *
 * @throws {DataError} naming the file and, for a malformed row, its line.
 * @example
 * ```ts
 * const { histogram } = await loadData({ ...DEFAULTS, dataset: 'galton-sons' }, process.cwd());
 * histogram.total; // 481
 * ```
 */
export async function loadData(options: Pick<FitHeightsOptions, 'dataset' | 'data' | 'unit'>, cwd: string): Promise<LoadedData> {
  if (options.data === undefined) {
    return { histogram: datasets.heights(options.dataset), label: options.dataset, file: null, unit: 'cm' };
  }
  const file = resolve(cwd, options.data);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(`--data ${JSON.stringify(options.data)}: cannot read the file (${reason})`);
  }
  let histogram: HeightsHistogram;
  try {
    histogram = datasets.parseHeightsCsv(text, options.unit === undefined ? {} : { unit: options.unit });
  } catch (error) {
    if (error instanceof HeightsCsvError) {
      // The file:line prefix already says where, so drop the parser's own "line N:" lead-in.
      const detail = error.message.replace(/^parseHeightsCsv: line \d+: /, '');
      throw new DataError(`${options.data}:${error.line}: ${detail}`, error.line);
    }
    if (error instanceof RangeError) throw new DataError(`${options.data}: ${error.message}`);
    throw error;
  }
  // Two parameters need at least three bins to be fitted rather than interpolated.
  if (histogram.x.length < 3) {
    throw new DataError(`${options.data}: the heights fill ${histogram.x.length} bin(s) of ${histogram.binWidth} cm; expected at least 3 to fit μ and σ`);
  }
  return { histogram, label: options.data, file, unit: histogram.sourceUnit };
}
