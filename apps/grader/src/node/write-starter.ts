import { existsSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '@slope/cli-kit';
import type { AssignmentId } from '../assignments.js';
import { starterSource, type Language } from '../starter.js';

/**
 * Writes the starter file for `id` in `language` to `path`, whole or not at all: the text goes
 * to a temporary file beside it, which is then hard-linked to `path` (an atomic step that
 * fails when `path` exists, so an existing file is never overwritten, even one created a
 * moment ago) and removed.
 *
 * @throws InputError naming the path when it exists or cannot be written.
 * @example
 * ```ts
 * writeStarter('backprop-exercise.ts', 'backprop', 'ts');
 * ```
 */
export function writeStarter(path: string, id: AssignmentId, language: Language): void {
  const text = starterSource(id, language);
  if (existsSync(path)) throw new InputError(`${path} already exists; the starter never overwrites a file: give another name, or move that file away`);
  const temp = join(dirname(path), `.${basename(path)}.partial-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (error) {
    throw new InputError(`${path}: cannot write the starter there (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(code === 'EEXIST' ? `${path} already exists; the starter never overwrites a file: give another name, or move that file away` : `${path}: cannot write the starter there (${code})`);
  } finally {
    unlinkSync(temp);
  }
}
