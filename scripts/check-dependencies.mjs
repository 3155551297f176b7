#!/usr/bin/env node
// Each workspace package's package.json must match what its code imports from the workspace
// (`@slope/…`): a package imported by shipped code is in `dependencies`, one imported only by
// tests, benchmarks or scripts is in `dependencies` or `devDependencies`, and every listed
// workspace package is imported somewhere (a runtime dependency by shipped code). Run by
// `pnpm lint` (lint:root); prints one line per mismatch and exits 1 when there is any.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'dist', '.turbo', '.test-results', 'cache', 'out']);
const CODE = /\.(?:[cm]?[jt]s|vue)$/;
// Markdown counts only as the docs site's pages (their <script> blocks import); a README mentions.
const isCode = (path, name) => CODE.test(name) || (name.endsWith('.md') && /\/pages\//.test(path));
// `from '@slope/x…'`, `import '@slope/x…'` and `import('@slope/x…')`.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](@slope\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g;
/** The code without its comments, so an example in a doc comment is not an import. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every code file under `dir`, skipping build output and dependencies. */
function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (isCode(path, name)) yield path;
  }
}

/** Shipped code: under src/ (or the docs' pages and theme), not a test, test helper or config. */
function isShipped(pkgDir, file) {
  const rel = relative(pkgDir, file);
  if (/(^|\/)[^/]*\.test\.[^/]+$/.test(rel) || /(^|\/)test-[^/]*$/.test(rel) || /(^|\/)vitest\.[^/]*$/.test(rel)) return false;
  return /^(src|pages|\.vitepress)\//.test(rel);
}

const packageDirs = ['packages', 'apps', 'tests']
  .filter((group) => existsSync(join(root, group)))
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));
const manifests = packageDirs.map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
const workspace = new Set(manifests.map((m) => m.json.name));

const problems = [];
for (const { dir, json } of manifests) {
  const listed = (field) => new Set(Object.keys(json[field] ?? {}).filter((name) => workspace.has(name)));
  const runtime = listed('dependencies');
  const dev = listed('devDependencies');
  const usedByShipped = new Map();
  const usedAnywhere = new Map();
  for (const file of files(dir)) {
    const text = withoutComments(readFileSync(file, 'utf8'));
    const shipped = isShipped(dir, file);
    for (const [, name] of text.matchAll(IMPORT)) {
      if (name === json.name || !workspace.has(name)) continue;
      const where = relative(root, file);
      if (!usedAnywhere.has(name)) usedAnywhere.set(name, where);
      if (shipped && !usedByShipped.has(name)) usedByShipped.set(name, where);
    }
  }
  const pkg = relative(root, join(dir, 'package.json'));
  for (const [name, where] of usedByShipped) {
    if (!runtime.has(name)) problems.push(`${pkg}: ${where} imports ${name}, which is not in "dependencies"`);
  }
  for (const [name, where] of usedAnywhere) {
    if (!runtime.has(name) && !dev.has(name) && !usedByShipped.has(name)) problems.push(`${pkg}: ${where} imports ${name}, which is in neither "dependencies" nor "devDependencies"`);
  }
  for (const name of runtime) {
    if (!usedByShipped.has(name)) {
      problems.push(`${pkg}: "dependencies" lists ${name}, but no shipped file imports it${usedAnywhere.has(name) ? ` (only ${usedAnywhere.get(name)}: a devDependency)` : ''}`);
    }
  }
  // The release tests pack every library (found by folder, not by name): their workspace
  // devDependencies are there so those libraries are built first, and need no import.
  const packsLibraries = relative(root, dir).startsWith('tests/');
  for (const name of dev) {
    if (!packsLibraries && !usedAnywhere.has(name) && !runtime.has(name)) problems.push(`${pkg}: "devDependencies" lists ${name}, but nothing imports it`);
  }
}
for (const line of problems) console.error(line);
process.exit(problems.length > 0 ? 1 : 0);
