import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleModule } from './example-module.js';
import { API_PACKAGES, extractApi, type ApiExport, type ApiPackage } from './extract.js';
import { apiIndexPage, apiPage, CHART_DIR, chosenExamples, missingExamples } from './render.js';
import { runExamples, type ExampleRun } from './run-examples.js';

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

  it.each(API_PACKAGES)('every example on the @slope/%s page runs, shows output, and pages/api shows exactly that output (regenerate with `pnpm --filter @slope/docs api`)', async (p) => {
    expect(missingExamples(p, index)).toEqual([]);
    const examples = chosenExamples(p, index);
    expect(Object.keys(examples).length).toBe(index[p].length);
    const runs: Record<string, ExampleRun> = await runExamples(p, examples);
    expect(Object.keys(runs).sort()).toEqual(Object.keys(examples).sort());
    expect(Object.entries(runs).filter(([, r]) => !r.ok).map(([name, r]) => [name, r.output])).toEqual([]);
    // An example whose output is nothing (or only blank lines) teaches nothing on the page.
    const silent = Object.entries(runs).filter(([, r]) => !r.output.some((o) => o.kind !== 'text' || o.text.trim() !== ''));
    expect(silent.map(([name]) => name)).toEqual([]);
    if (p === 'plot') {
      // A chart builder's example shows the chart it builds.
      for (const e of index.plot.filter((x) => x.kind === 'function' && x.name.endsWith('Chart'))) {
        expect(runs[e.name]?.output.some((o) => o.kind === 'chart'), `${e.name} draws a chart`).toBe(true);
      }
    }
    // Stale output (the code now prints something else) makes the stored page differ.
    const page = readFileSync(`${pagesDir}${p}.md`, 'utf8');
    expect(page).toBe(apiPage(p, index, runs));
    // Every chart the page shows is stored, and no chart is stored that no page shows.
    const shown = Array.from(page.matchAll(new RegExp(`src="\\./${CHART_DIR}/([^"]+)"`, 'g')), (m) => m[1]!);
    for (const file of shown) expect(existsSync(`${pagesDir}${CHART_DIR}/${file}`), file).toBe(true);
    const stored = existsSync(`${pagesDir}${CHART_DIR}`) ? readdirSync(`${pagesDir}${CHART_DIR}`).filter((f) => f.startsWith(`${p}-`)) : [];
    expect(stored.sort()).toEqual([...new Set(shown)].sort());
  });

  it('pages/api/index.md is up to date', () => {
    expect(readFileSync(`${pagesDir}index.md`, 'utf8')).toBe(apiIndexPage(index));
  });

  it('runExamples(group, modules) records what each example prints and shows, and the error (with its line) of one that throws', async () => {
    const results = await runExamples('self-test', {
      good: "import { parse } from '@slope/symbolic';\nconst e = parse('x^2');\nconsole.log('kind', e.kind);\ne.toString();\n",
      bad: "import { parse } from '@slope/symbolic';\n\nparse('x +');\n",
      missing: "import { parze } from '@slope/symbolic';\nparze('x');\n",
      chart: "import { lineChart } from '@slope/plot';\nlineChart([{ x: [0, 1], y: [1, 0], label: 'down' }]);\n",
      later: "setTimeout(() => console.log('later'), 20);\nconsole.log('now');\n",
    });
    expect(results['later']).toEqual({ ok: true, output: [{ kind: 'text', text: 'now' }, { kind: 'text', text: 'later' }] });
    expect(results['good']).toEqual({ ok: true, output: [{ kind: 'text', text: 'kind pow' }, { kind: 'text', text: "'x^2'" }] });
    expect(results['bad']?.ok).toBe(false);
    expect(results['bad']?.output).toEqual([expect.objectContaining({ kind: 'error', line: 3, message: expect.stringContaining('ParseError') })]);
    expect(results['missing']?.output).toEqual([{ kind: 'error', line: 1, message: "SyntaxError: @slope/symbolic has no export named 'parze'" }]);
    expect(results['chart']?.output).toEqual([expect.objectContaining({ kind: 'chart', summary: 'scatter chart: down (2 points).', width: 640 })]);
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
