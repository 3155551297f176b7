// Times the whole runner (`node dist/main.js` with the defaults: start-up, the Jacobian check,
// 50,000 iterations, figures, report), the trainer's loop alone, and NumPy running the course
// loop (COURSE.md §1.6) in the same run when python3 has numpy. Build first (`pnpm build`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, heartCurve, mlp } from '@slope/models/mlp';
import { DEFAULT_SETTINGS } from '../src/index.js';
import { NUMPY_COURSE_LOOP } from './numpy-course.js';

const REPEATS = 3;
const { iterations, aggression, noise, seed, hidden } = DEFAULT_SETTINGS;
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');

function timeRunner(): number {
  const out = mkdtempSync(join(tmpdir(), 'backprop-bench-'));
  const began = performance.now();
  const run = spawnSync(process.execPath, [main, '--out', join(out, 'run')], { encoding: 'utf8' });
  const seconds = (performance.now() - began) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`the runner failed (exit ${run.status}): ${run.stderr}`);
  return seconds;
}

function timeLoop(): number {
  const { x, y } = heartCurve();
  const began = performance.now();
  mlp({ layers: [1, ...hidden, 2], rng: createRng(seed) }).train(x, y, { iterations, aggression, noise });
  return (performance.now() - began) / 1000;
}

function timeNumpy(): { loop: number; process: number } | string {
  const began = performance.now();
  const run = spawnSync('python3', ['-c', NUMPY_COURSE_LOOP, String(seed), String(iterations), String(aggression), String(noise)], { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) return `python3 with numpy is not available or failed: ${run.stderr?.trim() ?? run.error?.message}`;
  return { loop: (JSON.parse(run.stdout) as { seconds: number }).seconds, process: (performance.now() - began) / 1000 };
}

console.log(`backprop bench: defaults (${iterations.toLocaleString('en-US')} iterations), median of ${REPEATS}, runs interleaved; load average ${load()}`);
const runner: number[] = [];
const loop: number[] = [];
const numpyLoop: number[] = [];
const numpyProcess: number[] = [];
let note = '';
for (let r = 0; r < REPEATS; r++) {
  runner.push(timeRunner());
  loop.push(timeLoop());
  const numpy = timeNumpy();
  if (typeof numpy === 'string') note = numpy;
  else {
    numpyLoop.push(numpy.loop);
    numpyProcess.push(numpy.process);
  }
}
const row = (what: string, values: number[]) => ({ what, 'median (s)': Number(median(values).toFixed(3)), runs: values.map((s) => s.toFixed(2)).join(', ') });
console.table([
  row('node dist/main.js (whole runner)', runner),
  row('mlp().train loop alone', loop),
  ...(numpyLoop.length > 0 ? [row('NumPy course loop (its timer)', numpyLoop), row('python3 process running it', numpyProcess)] : []),
]);
if (numpyLoop.length > 0) console.log(`whole runner / NumPy loop: ${(median(runner) / median(numpyLoop)).toFixed(3)} (goal ≤ 1/3)`);
else console.log(note);
console.log(`load average at end: ${load()}`);
