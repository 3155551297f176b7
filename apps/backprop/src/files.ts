import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The output directory cannot be used.
 *
 * @example
 * throw new OutDirError('--out directory "/proc/x" is not writable: EACCES');
 */
export class OutDirError extends Error {
  override readonly name = 'OutDirError';
}

/**
 * Makes sure `dir` exists (creating it) and is a writable directory, before any work.
 *
 * @throws OutDirError naming the directory and the reason.
 * @example
 * ensureWritableDir('out/backprop');
 */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('it is not a directory');
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutDirError(`--out directory "${dir}" is not writable: ${reason}`);
  }
}

/**
 * Writes every file to a temporary name in `dir`, then renames them all into place, so a
 * failure or an interruption never leaves a half-written output.
 *
 * @example
 * writeFilesAtomically('out/backprop', [{ name: 'report.json', data: '{}' }]);
 */
export function writeFilesAtomically(dir: string, files: readonly { readonly name: string; readonly data: string | Uint8Array }[]): string[] {
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const written: string[] = [];
  try {
    for (const file of files) {
      const temp = join(dir, file.name + suffix);
      written.push(temp);
      writeFileSync(temp, file.data);
    }
  } catch (error) {
    for (const temp of written) rmSync(temp, { force: true });
    throw error;
  }
  return files.map((file, i) => {
    const target = join(dir, file.name);
    renameSync(written[i]!, target);
    return target;
  });
}
