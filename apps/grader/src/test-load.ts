import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports a module written from `source` into a fresh temporary folder (tests only). */
export async function importSource(source: string, name = 'module.mjs'): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'slope-grader-test-'));
  const path = join(dir, name);
  writeFileSync(path, source);
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

/** Imports one of the modules of test-data/ (tests only). */
export async function importTestData(relative: string): Promise<Record<string, unknown>> {
  return (await import(new URL(`../test-data/${relative}`, import.meta.url).href)) as Record<string, unknown>;
}
