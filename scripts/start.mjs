#!/usr/bin/env node
// `pnpm start`: the main job. Builds what the assignment runners need, then runs each with the
// course defaults, in course order (backprop is assignment 1, fit-heights assignment 2).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { TURBO_TELEMETRY_DISABLED: '1', ...process.env };
const runners = ['backprop', 'fit-heights'].filter((app) => existsSync(join(root, 'apps', app, 'package.json')));

if (runners.length === 0) {
  console.error('No assignment runner is in apps/ yet: nothing to start.');
  process.exit(1);
}

const filters = runners.map((app) => `--filter=@slope/${app}...`);
const build = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), ['run', 'build', ...filters], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

for (const app of runners) {
  console.log(`\n=== @slope/${app} ===`);
  // Run from the root so each runner's default `--out out/<app>` lands in the root `out/`.
  const run = spawnSync(process.execPath, [join(root, 'apps', app, 'dist', 'main.js')], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
