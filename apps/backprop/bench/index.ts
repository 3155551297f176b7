// Times the course loop (50,000 iterations, 1→6→7→2, aggression 7, noise 1, snapshots every
// 100) with the hand engine, the autodiff engine (fewer iterations, scaled), and NumPy
// running the same loop in the same run when python3 has numpy.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createRng } from '@slope/models';
import { createEngine, DEFAULT_SETTINGS, heartData, initNetwork, train, type EngineName } from '../src/index.js';
import { NUMPY_COURSE_LOOP } from './numpy-course.js';

const ITERATIONS = 50_000;
const AUTODIFF_ITERATIONS = 2_000;
const REPEATS = 3;
const { aggression, noise, seed, hidden, snapshotEvery } = DEFAULT_SETTINGS;
const NUMPY_REFERENCE = 'NumPy, stated in the issue (NOT measured here): 3.4–4.0 s for 50,000 iterations';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function timeCourseLoop(engineName: EngineName, iterations: number): Promise<{ seconds: number; finalCost: number }> {
  const data = heartData();
  const rng = createRng(seed);
  const net = initNetwork(hidden, rng);
  const result = await train(net, { iterations, aggression, noise, snapshotEvery, rng, engine: createEngine(engineName, data, hidden), yieldEvery: 1000 });
  return { seconds: result.elapsedMs / 1000, finalCost: result.finalCost };
}

function timeNumpy(): { seconds: number; finalCost: number; version: string } | string {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3 with numpy is not available';
  const run = spawnSync('python3', ['-c', NUMPY_COURSE_LOOP, String(seed), String(ITERATIONS), String(aggression), String(noise)], { encoding: 'utf8' });
  if (run.status !== 0) return `the numpy loop failed: ${run.stderr.trim()}`;
  const parsed = JSON.parse(run.stdout) as { seconds: number; finalCost: number; numpy: string };
  return { seconds: parsed.seconds, finalCost: parsed.finalCost, version: parsed.numpy };
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`backprop bench: course loop, ${ITERATIONS.toLocaleString('en-US')} iterations (${(ITERATIONS + 1).toLocaleString('en-US')} updates), 1→${hidden.join('→')}→2, N = 100, median of ${REPEATS}`);
console.log(`load average at start: ${load()} (the machine's; timings are wall-clock)\n`);

await timeCourseLoop('hand', 5_000);
const hand: number[] = [];
let handCost = 0;
for (let r = 0; r < REPEATS; r++) {
  const t = await timeCourseLoop('hand', ITERATIONS);
  hand.push(t.seconds);
  handCost = t.finalCost;
}
const handSeconds = median(hand);

await timeCourseLoop('autodiff', 100);
const autodiff = await timeCourseLoop('autodiff', AUTODIFF_ITERATIONS);
const autodiffSeconds = (autodiff.seconds * (ITERATIONS + 1)) / (AUTODIFF_ITERATIONS + 1);

const numpyRuns: number[] = [];
let numpyNote = '';
let numpyVersion = '';
for (let r = 0; r < REPEATS; r++) {
  const t = timeNumpy();
  if (typeof t === 'string') {
    numpyNote = t;
    break;
  }
  numpyRuns.push(t.seconds);
  numpyVersion = t.version;
}
const numpySeconds = numpyRuns.length > 0 ? median(numpyRuns) : Number.NaN;

const row = (what: string, seconds: number, note: string) => ({
  engine: what,
  'time (s)': Number(seconds.toFixed(3)),
  'iterations/s': Math.round(ITERATIONS / seconds),
  'speed-up vs NumPy': Number.isFinite(numpySeconds) ? `${(numpySeconds / seconds).toFixed(2)}×` : 'n/a',
  note,
});
console.table([
  row('hand (J_W1…J_b3, Float64Array loops)', handSeconds, `runs ${hand.map((s) => s.toFixed(2)).join(', ')} s; final cost ${handCost.toExponential(3)}`),
  row('autodiff (@slope/autodiff valueAndGrad)', autodiffSeconds, `${AUTODIFF_ITERATIONS.toLocaleString('en-US')} iterations timed, scaled`),
  ...(numpyRuns.length > 0 ? [row(`NumPy ${numpyVersion} (same loop, measured now)`, numpySeconds, `runs ${numpyRuns.map((s) => s.toFixed(2)).join(', ')} s`)] : []),
]);
console.log(`load average at end: ${load()}`);
if (numpyRuns.length === 0) console.log(`${numpyNote}; reference: ${NUMPY_REFERENCE}`);
else console.log(`hand engine vs NumPy: ${(numpySeconds / handSeconds).toFixed(2)}× faster (goal: ≥ 3×, i.e. ≤ 1.2 s on the 2-core machine)`);
