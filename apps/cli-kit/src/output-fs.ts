import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * The file operations the output writer uses, all synchronous: a signal handler cannot run
 * between two of them, so Ctrl-C never lands in the middle of moving a result into place.
 * Tests wrap it to inject faults.
 *
 * @example
 * ```ts
 * const failing: OutputFs = { ...nodeOutputFs, writeFile: () => { throw new Error('disk full'); } };
 * ```
 */
export interface OutputFs {
  /** What is at `path`, or null when nothing is (symbolic links are followed; ENOENT and ENOTDIR are nothing). */
  stat(path: string): { isDirectory(): boolean; isFile(): boolean } | null;
  readdir(path: string): string[];
  /** Creates one folder; its parent must exist (never recursive: see `prepareOutputFolder`). */
  mkdir(path: string): void;
  /** Creates a fresh folder named `prefix` + six random characters, and returns its path. */
  mkdtemp(prefix: string): string;
  writeFile(path: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  /** Removes a file or a folder with everything in it; nothing there is fine. */
  remove(path: string): void;
}

/**
 * {@link OutputFs} on node:fs.
 *
 * @example
 * ```ts
 * nodeOutputFs.stat('out')?.isDirectory();
 * ```
 */
export const nodeOutputFs: OutputFs = {
  stat(path) {
    try {
      return statSync(path);
    } catch (error) {
      // ENOTDIR: a file stands where a folder on the way should be, so nothing is at `path`.
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  },
  readdir: (path) => readdirSync(path),
  mkdir: (path) => void mkdirSync(path),
  mkdtemp(prefix) {
    // Not mkdtempSync: its folder is private (0700) and, renamed into place as the results,
    // would stay unreadable to others; mkdir gives the permissions the user's umask asks for.
    for (;;) {
      const path = prefix + randomBytes(6).toString('base64url').slice(0, 6);
      try {
        mkdirSync(path);
        return path;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      }
    }
  },
  writeFile: (path, data) => writeFileSync(path, data),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { recursive: true, force: true }),
};
