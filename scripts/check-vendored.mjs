#!/usr/bin/env node
// Some small modules are shared by every library, which depend on no common runtime package:
// each carries a copy. This check (run by `pnpm lint`) fails when a copy drifts from the others.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const vendored = ['src/options.ts', 'src/options.test.ts'];
const libraries = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name));
// Apps carry their own modules of these names (fit-heights' CLI options); the grader's are the
// libraries' copy and must match them too.
const apps = ['apps/grader'].map((dir) => join(root, dir));

let failed = false;
for (const file of vendored) {
  const copies = [...libraries, ...apps].filter((lib) => existsSync(join(lib, file)));
  const [first, ...rest] = copies;
  if (first === undefined) continue;
  const text = readFileSync(join(first, file), 'utf8');
  for (const lib of rest) {
    if (readFileSync(join(lib, file), 'utf8') !== text) {
      console.error(`${join(lib, file)} differs from ${join(first, file)}: vendored copies must stay identical`);
      failed = true;
    }
  }
  const absent = libraries.filter((lib) => !existsSync(join(lib, file)));
  for (const lib of absent) {
    console.error(`${lib} has no ${file}: every library carries the vendored copy`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
