#!/usr/bin/env node
// `pnpm test`: everything CI checks (lint, typecheck, unit + property + browser tests, package
// checks) through turbo, then one closing line `N passed, N failed` summed over every project.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'apps', 'tests'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);

// Stale results from an earlier run must not be counted; turbo restores cached ones.
for (const ws of workspaces) rmSync(join(ws, '.test-results'), { recursive: true, force: true });

const extra = process.argv.slice(2);
const turbo = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'lint', 'lint:root', 'typecheck', 'test', 'check-package', '--continue', '--concurrency=3', ...extra],
  { cwd: root, stdio: 'inherit', env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const ws of workspaces) {
  const pkgFile = join(ws, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (!pkg.scripts?.test) continue;
  const resultFile = join(ws, '.test-results', 'vitest.json');
  if (!existsSync(resultFile)) {
    missing.push(pkg.name);
    continue;
  }
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
// A project whose tests never reported (crashed before writing) counts as a failure.
for (const name of missing) console.error(`no test results from ${name}`);
failed += missing.length;

const status = turbo.status ?? 1;
console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
