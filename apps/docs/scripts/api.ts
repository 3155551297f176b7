import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_PACKAGES, extractApi } from '../src/api/extract.js';
import { apiIndexPage, apiPage, chosenExamples, CHART_DIR, missingExamples } from '../src/api/render.js';
import { runExamples, type ExampleRun } from '../src/api/run-examples.js';

// Writes pages/api/*.md from the packages' exports and TSDoc, running every example to
// record its output (and drawing its charts into pages/api/examples/). `--check` writes
// nothing and exits 1 when a page is out of date or an example fails.
const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const dir = fileURLToPath(new URL('../pages/api/', import.meta.url));
const chartDir = `${dir}${CHART_DIR}`;
const index = extractApi(API_PACKAGES);

let failed = false;
const pages: Record<string, string> = { 'index.md': apiIndexPage(index) };
if (!check) {
  rmSync(chartDir, { recursive: true, force: true });
  mkdirSync(chartDir, { recursive: true });
}
for (const p of API_PACKAGES) {
  const missing = missingExamples(p, index);
  if (missing.length > 0) {
    failed = true;
    console.error(`@slope/${p}: no example for ${missing.join(', ')}`);
  }
  const runs: Record<string, ExampleRun> = await runExamples(p, chosenExamples(p, index), check ? {} : { chartDir });
  const bad = Object.entries(runs).filter(([, r]) => !r.ok || r.output.length === 0);
  console.log(`@slope/${p}: ${Object.keys(runs).length - bad.length}/${Object.keys(runs).length} examples ran and showed output`);
  for (const [name, r] of bad) {
    failed = true;
    const error = r.output.find((o) => o.kind === 'error');
    console.error(`  ${name}: ${error?.kind === 'error' ? `${error.message}${error.line === undefined ? '' : ` (line ${error.line})`}` : 'no output'}`);
  }
  pages[`${p}.md`] = apiPage(p, index, runs);
}

if (check) {
  for (const [file, text] of Object.entries(pages)) {
    const current = existsSync(`${dir}${file}`) ? readFileSync(`${dir}${file}`, 'utf8') : '';
    if (current !== text) {
      failed = true;
      console.error(`pages/api/${file} is out of date: run \`pnpm --filter @slope/docs api\``);
    }
  }
} else {
  for (const [file, text] of Object.entries(pages)) writeFileSync(`${dir}${file}`, text);
  console.log(`wrote ${Object.keys(pages).length} pages and ${readdirSync(chartDir).length} charts to pages/api/`);
}
process.exitCode = failed ? 1 : 0;
