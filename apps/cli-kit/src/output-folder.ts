import { basename, dirname, join, parse, resolve } from 'node:path';
import { OutputError } from './errors.js';
import { nodeOutputFs, type OutputFs } from './output-fs.js';

/**
 * One file of a run's results.
 *
 * @example
 * ```ts
 * const report: OutputFile = { name: 'report.json', data: JSON.stringify(result) };
 * ```
 */
export interface OutputFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/**
 * Where {@link OutputFolder.save} put the results.
 *
 * @example
 * ```ts
 * const { folder, files, previous }: SavedOutput = out.save(files);
 * ```
 */
export interface SavedOutput {
  /** The output folder, absolute. */
  readonly folder: string;
  /** Every file written, absolute, in the order given. */
  readonly files: readonly string[];
  /** Where the previous run's results were moved, or null when there were none. */
  readonly previous: string | null;
}

/**
 * An output folder that was checked before the run: {@link OutputFolder.save} puts a complete
 * set of results in place or leaves everything as it was.
 *
 * @example
 * ```ts
 * const out = prepareOutputFolder('out/backprop', { files: ['report.json'] });
 * // … the run …
 * out.save([{ name: 'report.json', data: '{}' }]);
 * ```
 */
export interface OutputFolder {
  /** The output folder, absolute. */
  readonly path: string;
  /**
   * Writes every file into a fresh folder beside the target, then moves the target's previous
   * results aside (renamed with a timestamp) and the new folder into place. All synchronous: no
   * signal handler runs in between. On any failure the new folder is removed and the previous
   * results stay where they were.
   *
   * @throws OutputError naming the path for a file-system failure; other errors pass through.
   */
  save(files: readonly OutputFile[]): SavedOutput;
}

/**
 * What {@link prepareOutputFolder} needs to know.
 *
 * @example
 * ```ts
 * const options: OutputFolderOptions = { files: ['drawing.png', 'cost.png', 'report.json'], cwd: process.cwd() };
 * ```
 */
export interface OutputFolderOptions {
  /** Every file name the runner writes; a folder holding anything else is not replaced. */
  readonly files: readonly string[];
  /** The option the path came from, for messages. Default `--out`. */
  readonly option?: string;
  /** Relative paths resolve against this. Default the working directory. */
  readonly cwd?: string;
  readonly fs?: OutputFs;
  /** The time used in the previous results' new name. Default now. */
  readonly clock?: () => Date;
}

const PARTIAL = 'partial';

/**
 * The `--help` note on what happens to an existing output folder.
 *
 * @example
 * ```ts
 * const spec: CommandSpec = { ...rest, notes: [OUTPUT_FOLDER_HELP] };
 * ```
 */
export const OUTPUT_FOLDER_HELP =
  'output: the files are written into a new folder beside --out and moved into place only when\n' +
  'all are complete, so --out holds either the previous results or the new ones, never a mix.\n' +
  'Previous results in --out are kept: renamed to --out plus a timestamp (--out results becomes results.2026-12-07_21-44-03).\n' +
  'A folder holding other files is refused. An interrupted or failed run leaves --out as it was.';

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reason(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${code}: ${message.replace(new RegExp(`^${code}: `), '')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function stamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}_${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/**
 * Checks an output folder before any work is done, so a bad path fails at once: every
 * existing part of the path must be a folder, the folder must hold nothing but this runner's
 * files, and a folder must be creatable where the results will go (a probe folder is made and
 * removed). Missing folders are made one level at a time when saving, never with a recursive
 * mkdir (which never returns on /proc in Node 20). Folders left by a killed earlier run
 * (`.<name>.partial-<pid>-…` of a process that is gone) are removed.
 *
 * @throws OutputError naming the path and what is wrong, in one line.
 * @example
 * ```ts
 * const out = prepareOutputFolder('out/fit-heights', { files: ['histogram.png', 'contour.png', 'report.json'] });
 * ```
 */
export function prepareOutputFolder(dir: string, options: OutputFolderOptions): OutputFolder {
  const fs = options.fs ?? nodeOutputFs;
  const option = options.option ?? '--out';
  const clock = options.clock ?? (() => new Date());
  const known = new Set(options.files);
  const shown = `${option} ${JSON.stringify(dir)}`;
  if (dir.trim() === '') throw new OutputError(`${option} needs a folder name`);
  const target = resolve(options.cwd ?? process.cwd(), dir);
  if (target === parse(target).root) throw new OutputError(`${shown} is the root of the file system; give a folder for the results`);
  const parent = dirname(target);
  const name = basename(target);
  const stat = (path: string) => {
    try {
      return fs.stat(path);
    } catch (error) {
      throw new OutputError(`${shown}: cannot look at ${JSON.stringify(path)} (${reason(error)})`);
    }
  };

  // The deepest part of the path that exists must be a folder; everything below it is missing.
  let existing = target;
  let found = stat(existing);
  while (found == null) {
    existing = dirname(existing);
    found = stat(existing);
  }
  if (!found.isDirectory()) {
    throw new OutputError(`${shown}: ${JSON.stringify(existing)} is a file, not a folder`);
  }
  if (existing === target) {
    let entries: string[];
    try {
      entries = fs.readdir(target);
    } catch (error) {
      throw new OutputError(`${shown}: cannot list the folder (${reason(error)})`);
    }
    const foreign = entries.filter((entry) => !known.has(entry) || stat(join(target, entry))?.isFile() !== true);
    if (foreign.length > 0) {
      const list = foreign.slice(0, 3).map((entry) => JSON.stringify(entry)).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
      throw new OutputError(`${shown} holds ${list}, which this run does not write; give a new or empty folder, or one with only earlier results`);
    }
  }

  // Results, and the previous ones, are renamed within the parent: it must take new folders.
  const workplace = existing === target ? parent : existing;
  try {
    fs.remove(fs.mkdtemp(join(workplace, `.${name}.probe-`)));
  } catch (error) {
    if (codeOf(error) === undefined) throw error;
    throw new OutputError(`${shown}: cannot create folders in ${JSON.stringify(workplace)} (${reason(error)})`);
  }
  if (fs.stat(parent)?.isDirectory() === true) removeAbandoned(fs, parent, name);

  return {
    path: target,
    save(files) {
      for (const file of files) {
        if (!known.has(file.name)) throw new Error(`save: ${JSON.stringify(file.name)} is not one of the declared files (${[...known].join(', ')})`);
      }
      makeParents(fs, shown, parent);
      let staging: string;
      try {
        staging = fs.mkdtemp(join(parent, `.${name}.${PARTIAL}-${process.pid}-`));
      } catch (error) {
        if (codeOf(error) === undefined) throw error;
        throw new OutputError(`${shown}: cannot create a folder in ${JSON.stringify(parent)} (${reason(error)})`);
      }
      try {
        for (const file of files) fs.writeFile(join(staging, file.name), file.data);
        const previous = moveAside(fs, target, clock);
        try {
          fs.rename(staging, target);
        } catch (error) {
          if (previous != null) restore(fs, previous, target, shown, error);
          throw error;
        }
        return { folder: target, files: files.map((file) => join(target, file.name)), previous };
      } catch (error) {
        try {
          fs.remove(staging);
        } catch {
          // The first failure is the one to report; a staging folder that will not go is reported with it below.
        }
        if (error instanceof OutputError || codeOf(error) === undefined) throw error;
        throw new OutputError(`${shown}: could not save the results (${reason(error)}); the folder is as it was`);
      }
    },
  };
}

/** Creates the missing folders above the target, one level at a time. */
function makeParents(fs: OutputFs, shown: string, parent: string): void {
  const missing: string[] = [];
  for (let dir = parent; fs.stat(dir) == null; dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) {
    try {
      fs.mkdir(dir);
    } catch (error) {
      if (codeOf(error) === undefined) throw error;
      throw new OutputError(`${shown}: cannot create the folder ${JSON.stringify(dir)} (${reason(error)})`);
    }
  }
}

/** Moves a non-empty target to `<target>.<timestamp>` and returns that path; null when there was nothing to keep. */
function moveAside(fs: OutputFs, target: string, clock: () => Date): string | null {
  const found = fs.stat(target);
  if (found == null) return null;
  if (fs.readdir(target).length === 0) {
    // rename() replaces an empty folder in one step; nothing to keep.
    return null;
  }
  const base = `${target}.${stamp(clock())}`;
  let aside = base;
  for (let k = 2; fs.stat(aside) != null; k++) aside = `${base}-${k}`;
  fs.rename(target, aside);
  return aside;
}

function restore(fs: OutputFs, previous: string, target: string, shown: string, cause: unknown): void {
  try {
    fs.rename(previous, target);
  } catch (error) {
    throw new OutputError(`${shown}: could not save the results (${reason(cause)}), and the previous ones could not be moved back from ${JSON.stringify(previous)} (${reason(error)})`);
  }
}

/** Removes `.<name>.partial-<pid>-…` folders whose process is gone (a run killed with SIGKILL). */
function removeAbandoned(fs: OutputFs, parent: string, name: string): void {
  const prefix = `.${name}.${PARTIAL}-`;
  let entries: string[];
  try {
    entries = fs.readdir(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    try {
      fs.remove(join(parent, entry));
    } catch {
      // Left for the next run: it is hidden and marked partial, never taken for results.
    }
  }
}
