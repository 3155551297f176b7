import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_PACKAGES, extractApi } from '../src/api/extract.js';
import { apiIndexPage, apiPage, chosenExamples, missingExamples } from '../src/api/render.js';
import { runExamples } from '../src/api/run-examples.js';

// Writes pages/api/*.md from the packages' exports and TSDoc. `--check` writes nothing and
// exits 1 when a page is out of date; `--run` also runs every example and lists failures.
const args = new Set(process.argv.slice(2));
const dir = fileURLToPath(new URL('../pages/api/', import.meta.url));
const index = extractApi(API_PACKAGES);
const pages: Record<string, string> = { 'index.md': apiIndexPage(index) };
for (const p of API_PACKAGES) pages[`${p}.md`] = apiPage(p, index);

let failed = false;
for (const p of API_PACKAGES) {
  const missing = missingExamples(p, index);
  if (missing.length > 0) {
    failed = true;
    console.error(`@slope/${p}: no example for ${missing.join(', ')}`);
  }
}
if (args.has('--check')) {
  for (const [file, text] of Object.entries(pages)) {
    const current = existsSync(`${dir}${file}`) ? readFileSync(`${dir}${file}`, 'utf8') : '';
    if (current !== text) {
      failed = true;
      console.error(`pages/api/${file} is out of date: run \`pnpm --filter @slope/docs api\``);
    }
  }
} else {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(pages)) writeFileSync(`${dir}${file}`, text);
  console.log(`wrote ${Object.keys(pages).length} pages to pages/api/`);
}
if (args.has('--run')) {
  for (const p of API_PACKAGES) {
    const results = await runExamples(p, chosenExamples(p, index));
    const bad = Object.entries(results).filter(([, r]) => !r.ok);
    console.log(`@slope/${p}: ${Object.keys(results).length - bad.length}/${Object.keys(results).length} examples ran`);
    for (const [name, r] of bad) {
      failed = true;
      console.error(`  ${name}: ${r.ok ? '' : r.error}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
