import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The one exception, and only in compiled.ts: jit programs memoised in a WeakMap keyed by the
// user's function object. A program is a pure function of that key (plus form and shape), an
// entry dies with the function, nothing can enumerate it, and runs own the buffers they pass to
// it; the file says why in a comment starting "Why module-level state".
const PROGRAM_CACHE = /^const programs: WeakMap<object, Map<string, CompiledFunction \| null>> = new WeakMap\(\);$/;

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
    const allowed = file === 'compiled.ts' ? (line: string) => PROGRAM_CACHE.test(line) : () => false;
    expect(containers.filter((line) => !/Readonly(Set|Map)</.test(line) && !allowed(line))).toEqual([]);
  });

  it('compiled.ts holds exactly the one program cache, a WeakMap keyed by user functions, with its reason', () => {
    const text = readFileSync(`${dir}compiled.ts`, 'utf8');
    const containers = text.match(/^(?:export )?const \w+(?::\s*[^=]+)?\s*=\s*new (?:Map|Set|WeakMap|WeakSet|Array)\b.*$/gm) ?? [];
    expect(containers).toHaveLength(1);
    expect(containers[0]).toMatch(PROGRAM_CACHE);
    expect(text).toMatch(/\/\/ Why module-level state/);
    // Not exported: no code outside the module can read or clear another run's programs.
    expect(text).not.toMatch(/export\s*{[^}]*\bprograms\b/);
  });
});
