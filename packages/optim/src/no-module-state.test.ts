import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs own their buffers: nothing a run writes may live at module level, where interleaved or
// nested runs (and the docs' widgets, which run many at once) would share it.
describe('no module-level mutable state in @slope/optim', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-'));

  it.each(sources)('%s declares no top-level let/var and no top-level mutable container', (file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    expect(text.match(/^(let|var) /gm) ?? []).toEqual([]);
    // A top-level `new Map/Set/WeakMap/Array(…)` must be typed read-only.
    const containers = text.match(/^(?:export )?const \w+(?::\s*[^=]+)?\s*=\s*new (?:Map|Set|WeakMap|WeakSet|Array)\b.*$/gm) ?? [];
    expect(containers.filter((line) => !/Readonly(Set|Map)</.test(line))).toEqual([]);
  });
});
