/**
 * Benchmarks for @slope/models, each against a reference measured in the same run:
 *  1. `parseHeightsCsv` on 1,000,000 raw heights (one per line; also under a `height` header)
 *     versus the shortest hand-written reader: split the lines, Number() each, bin in a loop —
 *     no checks, no line numbers. The goal: a million heights in at most 1 s.
 * Run: pnpm --filter @slope/models bench
 */
import { availableParallelism, loadavg } from 'node:os';
import { Bench } from 'tinybench';
import { createRng, parseHeightsCsv } from '../src/index.js';

const COUNT = 1_000_000;
const rng = createRng(2024);
const heights = Array.from({ length: COUNT }, () => rng.normal(170, 7).toFixed(1));
const text = heights.join('\n');
const withHeader = `height\n${text}`;

/** The reference: the same 2.5 cm bins, with nothing checked. */
function byHand(csv: string): Float64Array {
  const values = csv.split('\n').map(Number);
  let first = Infinity;
  let last = -Infinity;
  for (const v of values) {
    const b = Math.round(v / 2.5);
    if (b < first) first = b;
    if (b > last) last = b;
  }
  const counts = new Float64Array(last - first + 1);
  for (const v of values) counts[Math.round(v / 2.5) - first]! += 1;
  return counts;
}

// Same bins from both: the bench compares equal work.
const ours = parseHeightsCsv(text);
const reference = byHand(text);
if (ours.counts == null || ours.counts.join() !== reference.join()) throw new Error('parseHeightsCsv and the hand-written reader disagree');

const bench = new Bench({ time: 3000, warmupTime: 500, iterations: 3 });
bench
  .add('parseHeightsCsv, 1,000,000 raw heights', () => parseHeightsCsv(text))
  .add('parseHeightsCsv, 1,000,000 heights under a header', () => parseHeightsCsv(withHeader))
  .add('hand-written split/Number/bin (no checks)', () => byHand(text));
bench.runSync();

function meanOf(name: string): number {
  const result = bench.getTask(name)?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`benchmark ${name} did not complete`);
  return result.latency.mean;
}
const hand = meanOf('hand-written split/Number/bin (no checks)');
const rows = bench.tasks.map((task) => ({
  task: task.name,
  'mean time': `${meanOf(task.name).toFixed(0)} ms`,
  'vs hand-written': `${(meanOf(task.name) / hand).toFixed(2)}×`,
}));
console.log(`\nparseHeightsCsv on ${COUNT.toLocaleString('en-US')} raw heights (N(170, 7²) cm, one decimal), ${ours.x.length} bins of 2.5 cm`);
console.table(rows);
const worst = Math.max(meanOf('parseHeightsCsv, 1,000,000 raw heights'), meanOf('parseHeightsCsv, 1,000,000 heights under a header'));
const [load1] = loadavg();
console.log(`goal: 1,000,000 heights in ≤ 1000 ms → ${worst <= 1000 ? 'met' : 'NOT met'} (slowest ${worst.toFixed(0)} ms; load average ${load1!.toFixed(2)} on ${availableParallelism()} cores)`);
