import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleModule } from './example-module.js';
import { API_PACKAGES, extractApi, type ApiExport, type ApiPackage } from './extract.js';
import { apiIndexPage, apiPage, chosenExamples, missingExamples } from './render.js';
import { runExamples } from './run-examples.js';

const pagesDir = fileURLToPath(new URL('../../pages/api/', import.meta.url));
let index: Record<ApiPackage, ApiExport[]>;

beforeAll(() => {
  index = extractApi(API_PACKAGES);
});

describe('the API reference', () => {
  it('extractApi(packages) lists exactly the names each src/index.ts exports', async () => {
    for (const p of API_PACKAGES) {
      const source = readFileSync(fileURLToPath(new URL(`../../../../packages/${p}/src/index.ts`, import.meta.url)), 'utf8');
      // Every name in an export list of the index file, `type` modifiers and `as` renames resolved.
      const names = Array.from(source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)).flatMap((m) =>
        m[1]!.split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/).at(-1)!.trim()).filter((s) => s !== ''));
      expect(index[p].map((e) => e.name).sort(), `@slope/${p}`).toEqual([...new Set(names)].sort());
    }
  });

  it('every export has a signature, and every function and class its TSDoc', () => {
    for (const p of API_PACKAGES) {
      for (const e of index[p]) {
        expect(e.signature, `${p}.${e.name}`).toContain(e.name);
        if (e.kind === 'function' || e.kind === 'class') expect(e.doc, `${p}.${e.name} TSDoc`).not.toBe('');
      }
    }
  });

  it.each(API_PACKAGES)('pages/api/%s.md is up to date with the package (regenerate with `pnpm --filter @slope/docs api`)', (p) => {
    expect(missingExamples(p, index)).toEqual([]);
    expect(readFileSync(`${pagesDir}${p}.md`, 'utf8')).toBe(apiPage(p, index));
  });

  it('pages/api/index.md is up to date', () => {
    expect(readFileSync(`${pagesDir}index.md`, 'utf8')).toBe(apiIndexPage(index));
  });

  it.each(API_PACKAGES)('every example on the @slope/%s page runs without throwing', async (p) => {
    const examples = chosenExamples(p, index);
    expect(Object.keys(examples).length).toBe(index[p].length);
    const results = await runExamples(p, examples);
    const failures = Object.entries(results).filter(([, r]) => !r.ok);
    expect(failures).toEqual([]);
    expect(Object.keys(results).sort()).toEqual(Object.keys(examples).sort());
  });

  it('runExamples(group, modules) reports the error of an example that throws, by name', async () => {
    const results = await runExamples('self-test', {
      good: "import { parse } from '@slope/symbolic';\nparse('x^2');\n",
      bad: "import { parse } from '@slope/symbolic';\nparse('x +');\n",
    });
    expect(results['good']).toEqual({ ok: true });
    expect(results['bad']).toMatchObject({ ok: false });
    expect(results['bad']?.ok === false && results['bad'].error).toContain('ParseError');
  });

  it('exampleModule(pkg, code, index) imports the names the code uses, values and types apart, and not names it declares', () => {
    const m = exampleModule('optim', "const gradient: GradientFunction = (x) => [2 * x[0]!];\nconst r = bfgs((x) => x.square().sum(), [1], { gradient });\n// parse is only mentioned here\nconsole.log('hessian');", index);
    expect(m).toContain("import { bfgs } from '@slope/optim';");
    expect(m).toContain("import type { GradientFunction } from '@slope/optim';");
    expect(m).not.toMatch(/\bparse\b.*from/);
    expect(m).not.toMatch(/\bhessian\b.*from/);
    expect(m).not.toMatch(/\bsquare\b.*from/);
    expect(m).not.toMatch(/import \{[^}]*\bgradient\b/);
  });
});
