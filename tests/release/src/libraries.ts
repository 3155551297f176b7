import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (this file is tests/release/src/libraries.ts). */
export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** A publishable library of the workspace: its folder name, path and parsed package.json. */
export interface Library {
  readonly folder: string;
  readonly dir: string;
  readonly manifest: Record<string, unknown> & { name: string; version: string };
}

/** Every library under packages/ (all of them are published). */
export function libraries(): Library[] {
  return readdirSync(join(repoRoot, 'packages'))
    .sort()
    .map((folder) => {
      const dir = join(repoRoot, 'packages', folder);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Library['manifest'];
      return { folder, dir, manifest };
    });
}

/** The root package.json: the one home of the repository, homepage and bug-tracker URLs. */
export function rootManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
}
