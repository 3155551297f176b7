#!/usr/bin/env node
// The README's quick-start commands, read from the README itself so CI runs exactly what a new
// user copies (a README that drifts breaks CI). Prints one command per line; comments stripped.
//   node scripts/quickstart.mjs            → the commands
//   node scripts/quickstart.mjs --path     → a PATH with every `pnpm`/`pnpx` shim hidden
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The lines of the first ```sh block under the "Quick start" heading. */
export function quickStartCommands(readme) {
  const section = readme.split(/^## /m).find((s) => /^Quick start\b/.test(s));
  if (section == null) throw new Error('README.md has no "## Quick start" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (block == null) throw new Error('README.md\'s "Quick start" section has no ```sh block');
  const commands = block[1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (commands.length === 0) throw new Error('README.md\'s quick-start block has no commands');
  return commands;
}

const HIDDEN = new Set(['pnpm', 'pnpx', 'pnpm.cjs', 'pnpx.cjs']);

/**
 * PATH as a fresh machine has it: no pnpm shim anywhere. A directory that holds a shim (say
 * /usr/bin after `corepack enable`) is replaced by a mirror of symlinks to everything else in
 * it, so node and corepack stay reachable.
 */
export function pathWithoutPnpm(path) {
  const mirrorRoot = join(tmpdir(), `slope-path-${process.pid}`);
  return path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir, i) => {
      let names;
      try {
        names = readdirSync(dir);
      } catch {
        return dir;
      }
      if (!names.some((n) => HIDDEN.has(n))) return dir;
      const mirror = join(mirrorRoot, String(i));
      mkdirSync(mirror, { recursive: true });
      for (const name of names) {
        if (HIDDEN.has(name) || existsSync(join(mirror, name))) continue;
        try {
          if (statSync(join(dir, name)).isFile()) symlinkSync(join(dir, name), join(mirror, name));
        } catch {
          // A dangling link or an unreadable entry is not a command anyone needs here.
        }
      }
      return mirror;
    })
    .join(delimiter);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--path') console.log(pathWithoutPnpm(process.env.PATH ?? ''));
  else console.log(quickStartCommands(readFileSync(join(root, 'README.md'), 'utf8')).join('\n'));
}
