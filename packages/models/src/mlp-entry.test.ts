import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as entry from './mlp-entry.js';
import * as main from './index.js';

/** Every module `file` imports, transitively: relative files by path, packages by name. */
function importGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith('/')) return seen;
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gms)) {
    if (spec!.startsWith('.')) importGraph(fileURLToPath(new URL(spec!.replace(/\.js$/, '.ts'), `file://${file}`)), seen);
    else seen.add(spec!);
  }
  return seen;
}

describe('@slope/models/mlp', () => {
  it('loads neither @slope/symbolic (mathjs) nor @slope/optim: only the network, its data and portable maths', () => {
    const graph = importGraph(fileURLToPath(new URL('./mlp-entry.ts', import.meta.url)));
    const packages = [...graph].filter((m) => !m.startsWith('/'));
    expect(packages).toEqual([]);
    expect([...graph].some((m) => m.endsWith('/mlp.ts'))).toBe(true);
  });

  it('exports the same functions as the package root, so either import gives one trainer', () => {
    for (const [name, value] of Object.entries(entry)) expect(main[name as keyof typeof main], name).toBe(value);
  });
});
