/**
 * What a fit-heights run spends its time on, each against a reference measured in the same run:
 * - the χ² contour grid (μ 150–200, σ 2–35 every 0.5 cm on the course's 100 bins) through
 *   @slope/models' `chiSquared` versus a hand-inlined loop;
 * - the course's 50 steepest-descent steps and Levenberg–Marquardt through `fitGaussian`,
 *   versus the same 50 steps written out by hand (the notebook's `steepest_step`).
 * Run: pnpm --filter @slope/fit-heights bench
 */
import { fitGaussian, heights } from '@slope/models';
import { Bench } from 'tinybench';
import { chiSquared } from '@slope/models';

const { x, y } = heights('course');
const MU = Array.from({ length: 101 }, (_, i) => 150 + 0.5 * i);
const SIGMA = Array.from({ length: 67 }, (_, j) => 2 + 0.5 * j);
const ROOT_2PI = Math.sqrt(2 * Math.PI);

function gridViaApp(): number {
  let total = 0;
  for (const sigma of SIGMA) for (const mu of MU) total += chiSquared(x, y, mu, sigma);
  return total;
}

function gridByHand(): number {
  let total = 0;
  for (const sigma of SIGMA) {
    const norm = 1 / (sigma * ROOT_2PI);
    const k = -0.5 / (sigma * sigma);
    for (const mu of MU) {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const d = (x[i] as number) - mu;
        const r = (y[i] as number) - norm * Math.exp(k * d * d);
        s += r * r;
      }
      total += s;
    }
  }
  return total;
}

function steepestByHand(): number {
  let mu = 155;
  let sigma = 6;
  for (let step = 0; step < 50; step++) {
    let jmu = 0;
    let jsigma = 0;
    for (let i = 0; i < x.length; i++) {
      const d = (x[i] as number) - mu;
      const f = Math.exp((-0.5 * d * d) / (sigma * sigma)) / (sigma * ROOT_2PI);
      const r = (y[i] as number) - f;
      jmu += -2 * r * ((f * d) / (sigma * sigma));
      jsigma += -2 * r * f * ((d * d) / (sigma * sigma * sigma) - 1 / sigma);
    }
    mu -= 2000 * jmu;
    sigma -= 2000 * jsigma;
  }
  return mu + sigma;
}

// Both sides must compute the same thing, or the ratio means nothing.
const relative = Math.abs(gridViaApp() / gridByHand() - 1);
if (relative > 1e-12) throw new Error(`bench: the two χ² grids differ by ${relative}; expected the same sums`);
const fitted = fitGaussian(x, y, { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 });
if (Math.abs(fitted.mu + fitted.sigma - steepestByHand()) > 1e-9) throw new Error('bench: the two descents disagree');

let sink = 0;
const bench = new Bench({ time: 300, warmupTime: 100 });
bench
  .add('χ² grid 101×67: app chiSquared', () => void (sink += gridViaApp()))
  .add('χ² grid 101×67: hand loop (reference)', () => void (sink += gridByHand()))
  .add('50 steepest steps: fitGaussian', () => void (sink += fitGaussian(x, y, { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 }).mu))
  .add('50 steepest steps: hand loop (reference)', () => void (sink += steepestByHand()))
  .add('Levenberg–Marquardt: fitGaussian', () => void (sink += fitGaussian(x, y, { method: 'levenberg-marquardt', start: [155, 6], steps: 50 }).mu));
await bench.run();

const mean = (name: string): number => {
  const task = bench.getTask(name);
  const result = task?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`bench: no result for ${name}`);
  return result.latency.mean;
};
const rows: [string, string][] = [
  ['χ² grid 101×67: app chiSquared', 'χ² grid 101×67: hand loop (reference)'],
  ['χ² grid 101×67: hand loop (reference)', 'χ² grid 101×67: hand loop (reference)'],
  ['50 steepest steps: fitGaussian', '50 steepest steps: hand loop (reference)'],
  ['50 steepest steps: hand loop (reference)', '50 steepest steps: hand loop (reference)'],
  ['Levenberg–Marquardt: fitGaussian', '50 steepest steps: fitGaussian'],
];
console.table(
  rows.map(([name, reference]) => ({
    task: name,
    'mean ms': mean(name).toFixed(4),
    reference,
    ratio: (mean(name) / mean(reference)).toFixed(2),
  })),
);
console.log(`(checksum ${sink.toExponential(3)})`);
