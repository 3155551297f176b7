import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The output directory cannot be created or written to.
 *
 * @example
 * ```ts
 * await prepareOutDir('/proc/nope').catch((error: unknown) => {
 *   if (error instanceof OutputDirError) console.error(error.message);
 * });
 * ```
 */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
}

/**
 * Creates `dir` if needed and proves it is writable, before any fitting work is spent.
 *
 * @throws {OutputDirError} naming the directory and the system's reason.
 * @example
 * ```ts
 * await prepareOutDir('out/fit-heights');
 * ```
 */
export async function prepareOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    // access() trusts permission bits; a real write also catches read-only mounts.
    const probe = join(dir, `.fit-heights-probe-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutputDirError(`--out ${JSON.stringify(dir)} is not a writable directory (${reason})`);
  }
}

/**
 * Writes every file to a hidden temporary name in `dir`, then renames them all into place, so a
 * failure part-way never leaves a half-written file under a real name.
 *
 * @returns the final paths, in the order given.
 * @example
 * ```ts
 * await writeFilesAtomically('out', { 'report.json': '{}' });
 * ```
 */
export async function writeFilesAtomically(
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<string[]> {
  const tag = randomBytes(4).toString('hex');
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const temp = join(dir, `.${name}.${tag}.tmp`);
      staged.push({ temp, final: join(dir, name) });
      await writeFile(temp, content);
    }
    for (const { temp, final } of staged) await rename(temp, final);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return staged.map(({ final }) => final);
}
