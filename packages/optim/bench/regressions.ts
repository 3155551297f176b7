/**
 * 27 classic nonlinear least-squares fits — the Moré–Garbow–Hillstrom problems 1–26 and the
 * course's Gaussian fit to Galton's sons (20 bins) — fitted by Levenberg–Marquardt three ways:
 * with JS residuals and a JS Jacobian (forward-mode Jets, written by hand: the reference),
 * through autodiff as the default runs it (jit programs, compiled on the function's first
 * fit and reused after), and through autodiff evaluated eagerly (`jit: false`, what every fit
 * cost before jit). Each problem is written once (test-mgh.ts); the Tensor version is the same
 * definition over autodiff's ops (test-mgh-tensor.ts), so the three fits solve one problem.
 *
 * Per problem the three run in alternating rounds, so a load change on the shared machine
 * hits all of them; a round times repeated fits for at least ~20 ms (one eager fit may take
 * longer). The table reports per-problem medians over rounds, and the summary the median over
 * the 27 problems of the per-fit time and of the per-problem ratio.
 */
import { availableParallelism, loadavg } from 'node:os';
import { leastSquares, type LeastSquaresResult } from '../src/index.js';
import { type MghProblem, mghProblems, reachedMinimum, residualJacobian, residualValues } from '../src/test-mgh.js';
import { tensorResiduals } from '../src/test-mgh-tensor.js';

// Galton's sons, 1-inch bins centred on whole inches (COURSE.md §5.1), from the histogram's moments.
const centres = Array.from({ length: 20 }, (_, i) => (60 + i) * 2.54);
const counts = [1, 0, 0, 6, 8, 21, 35, 47, 57, 67, 70, 73, 47, 31, 10, 4, 1, 1, 1, 1];
const total = counts.reduce((a, b) => a + b, 0);
const mean0 = centres.reduce((a, x, i) => a + x * counts[i]!, 0) / total;
const sd0 = Math.sqrt(centres.reduce((a, x, i) => a + (x - mean0) ** 2 * counts[i]!, 0) / total);
const galton: MghProblem = {
  id: 27,
  name: 'Gaussian, Galton sons (course)',
  n: 3,
  m: 20,
  start: [Math.max(...counts), mean0, sd0],
  // χ² at the fit (bench/index.ts prints it from LM run far past its default stop).
  minima: [{ paper: 292.589, value: 292.5890245 }],
  // a·exp(−(x − μ)²/(2σ²)) − count
  residuals: ([a, mu, s]) => centres.map((x, i) => a!.mul(mu!.neg().add(x).square().div(s!.square().mul(2)).neg().exp()).sub(counts[i]!)),
};

export const REGRESSIONS: readonly MghProblem[] = [...mghProblems, galton];

const ROUNDS = 3;
const MIN_ROUND_MS = 20;

/** Mean ms per call of `fit`, repeated for at least `minMs` (at least once). */
function perFit(fit: () => unknown, minMs: number): number {
  let calls = 0;
  const t0 = performance.now();
  for (;;) {
    fit();
    calls++;
    const elapsed = performance.now() - t0;
    if (elapsed >= minMs) return elapsed / calls;
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface RegressionRow {
  readonly problem: MghProblem;
  readonly js: number;
  readonly jit: number;
  /** The first fit of a new function: tracing and compiling included. */
  readonly jitFirst: number;
  readonly eager: number;
  readonly results: readonly [LeastSquaresResult, LeastSquaresResult, LeastSquaresResult];
}

function measure(p: MghProblem): RegressionRow {
  const js = () => leastSquares((x) => residualValues(p, x.data), p.start, { jacobian: (x: Float64Array) => residualJacobian(p, x) });
  const r = tensorResiduals(p);
  const autodiff = () => leastSquares(r, p.start);
  const eager = () => leastSquares(r, p.start, { jit: false });
  const t0 = performance.now();
  leastSquares(tensorResiduals(p), p.start);
  const jitFirst = performance.now() - t0;
  const results = [js(), autodiff(), eager()] as const;
  const times: [number[], number[], number[]] = [[], [], []];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const k of order) times[k]!.push(perFit([js, autodiff, eager][k]!, MIN_ROUND_MS));
  }
  return { problem: p, js: median(times[0]), jit: median(times[1]), jitFirst, eager: median(times[2]), results };
}

const ms = (t: number) => (t >= 10 ? t.toFixed(0) : t >= 1 ? t.toFixed(1) : t.toFixed(3));

/** Runs the 27 fits three ways and prints the table and the medians. */
export function printRegressionSuite(): void {
  const rows = REGRESSIONS.map(measure);
  console.log('\n27 classic nonlinear least-squares fits (MGH 1–26 + the course Gaussian), Levenberg–Marquardt, ms per fit:');
  console.table(
    rows.map(({ problem: p, js, jit, jitFirst, eager, results }) => ({
      problem: `${p.id} ${p.name}`,
      'm×n': `${p.m}×${p.n}`,
      'JS r + J': ms(js),
      autodiff: ms(jit),
      'autodiff, first fit': ms(jitFirst),
      'autodiff, jit: false': ms(eager),
      'autodiff / JS': `${(jit / js).toFixed(2)}×`,
      'jit: false / JS': `${(eager / js).toFixed(0)}×`,
      iterations: results.map((r) => r.iterations).join(' / '),
      'reached f*': results.map((r) => (reachedMinimum(p, r.value) ? 'yes' : 'no')).join(' / '),
    })),
  );
  const [load1] = loadavg();
  const col = (key: 'js' | 'jit' | 'jitFirst' | 'eager') => median(rows.map((r) => r[key]));
  console.log(
    `median per fit: JS residuals + Jacobian ${ms(col('js'))} ms; autodiff ${ms(col('jit'))} ms (first fit of a new function ${ms(col('jitFirst'))} ms); autodiff with jit: false ${ms(col('eager'))} ms`,
  );
  console.log(
    `median of per-problem ratios: autodiff / JS ${median(rows.map((r) => r.jit / r.js)).toFixed(2)}×, jit: false / JS ${median(rows.map((r) => r.eager / r.js)).toFixed(0)}×; load average ${load1!.toFixed(2)} on ${availableParallelism()} cores`,
  );
  const untraced = rows.filter((r) => r.jit > 10 * r.js).map((r) => `${r.problem.id} ${r.problem.name}`);
  if (untraced.length > 0) console.log(`evaluated eagerly (the residuals read values, so jit cannot trace them): ${untraced.join(', ')}`);
}
