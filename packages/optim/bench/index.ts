/**
 * Benchmarks for @slope/optim, each against a reference measured in the same run:
 *  1. Gaussian fit of a 20-bin histogram by Levenberg–Marquardt vs ml-levenberg-marquardt.
 *  2. The constrained problem min −exp(x − y² + xy) s.t. cosh(y) + x = 2 from (0.5, 0.5)
 *     by `lagrange` vs a hand-written Newton iteration on the KKT system.
 *  3. Derivatives left to @slope/autodiff (run as jit programs by default) against hand-written
 *     ones, same method: the Gaussian LM fit, and BFGS on Rosenbrock's function.
 *  4. 27 classic nonlinear least-squares fits (bench/regressions.ts): LM with JS residuals and
 *     Jacobian against LM through autodiff, jitted and eager.
 *  5. The Moré–Garbow–Hillstrom problems 1–26: where LM, BFGS and Newton end, with their
 *     iterations and evaluations, beside the previous release's table (bench/mgh-previous.ts).
 */
import { add, exp, mul, neg, square, sub, sum, tensor, type Tensor } from '@slope/autodiff';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { availableParallelism, loadavg } from 'node:os';
import { Bench } from 'tinybench';
import * as optim from '../src/index.js';
import { bfgs, lagrange, leastSquares } from '../src/index.js';
import { rosenbrock } from '../src/test-problems.js';
import { MGH_METHODS, runMghSuite } from './mgh.js';
import { previousRelease } from './mgh-previous.js';
import { printRegressionSuite } from './regressions.js';

// Galton's sons, 1-inch bins centred on whole inches (COURSE.md §5.1): 20 bins.
const centres = Array.from({ length: 20 }, (_, i) => (60 + i) * 2.54);
const counts = [1, 0, 0, 6, 8, 21, 35, 47, 57, 67, 70, 73, 47, 31, 10, 4, 1, 1, 1, 1];
// Start from the histogram's own moments, as a user would: peak count, mean and SD of the bins.
const total = counts.reduce((a, b) => a + b, 0);
const mean0 = centres.reduce((a, x, i) => a + x * counts[i]!, 0) / total;
const sd0 = Math.sqrt(centres.reduce((a, x, i) => a + (x - mean0) ** 2 * counts[i]!, 0) / total);
const start = [Math.max(...counts), mean0, sd0];

/** Residuals model − data for a·exp(−(x − μ)²/(2σ²)), and its Jacobian. */
function residuals(p: Tensor): Float64Array {
  const [a, mu, s] = [p.data[0]!, p.data[1]!, p.data[2]!];
  const out = new Float64Array(20);
  for (let i = 0; i < 20; i++) out[i] = a * Math.exp(-((centres[i]! - mu) ** 2) / (2 * s * s)) - counts[i]!;
  return out;
}
function jacobian(p: Float64Array): Float64Array {
  const [a, mu, s] = [p[0]!, p[1]!, p[2]!];
  const out = new Float64Array(60);
  for (let i = 0; i < 20; i++) {
    const d = centres[i]! - mu;
    const e = Math.exp(-(d * d) / (2 * s * s));
    out[3 * i] = e;
    out[3 * i + 1] = (a * e * d) / (s * s);
    out[3 * i + 2] = (a * e * d * d) / (s * s * s);
  }
  return out;
}
// The same two functions written the way a speed-minded caller would: into buffers they own
// (leastSquares copies what it needs before calling again, so reuse is safe).
const residualBuffer = new Float64Array(20);
const jacobianBuffer = new Float64Array(60);
function residualsInto(p: Tensor): Float64Array {
  const a = p.data[0]!;
  const mu = p.data[1]!;
  const s = p.data[2]!;
  for (let i = 0; i < 20; i++) residualBuffer[i] = a * Math.exp(-((centres[i]! - mu) ** 2) / (2 * s * s)) - counts[i]!;
  return residualBuffer;
}
function jacobianInto(p: Float64Array): Float64Array {
  const a = p[0]!;
  const mu = p[1]!;
  const s = p[2]!;
  for (let i = 0; i < 20; i++) {
    const d = centres[i]! - mu;
    const e = Math.exp(-(d * d) / (2 * s * s));
    jacobianBuffer[3 * i] = e;
    jacobianBuffer[3 * i + 1] = (a * e * d) / (s * s);
    jacobianBuffer[3 * i + 2] = (a * e * d * d) / (s * s * s);
  }
  return jacobianBuffer;
}
const xs = tensor(centres);
const ys = tensor(counts);
function residualsAutodiff(p: Tensor): Tensor {
  const a = sum(mul(p, tensor([1, 0, 0])));
  const mu = sum(mul(p, tensor([0, 1, 0])));
  const s = sum(mul(p, tensor([0, 0, 1])));
  return sub(mul(a, exp(neg(square(sub(xs, mu)).div(mul(2, square(s)))))), ys);
}
const chi2Of = (p: ArrayLike<number>) => residuals(tensor(Array.from(p))).reduce((acc, r) => acc + r * r, 0);
const gaussian = (p: number[]) => (x: number) => p[0]! * Math.exp(-((x - p[1]!) ** 2) / (2 * p[2]! ** 2));

// The χ² minimum, to judge everyone against: LM run far past its default stopping point.
const reference = leastSquares(residuals, start, { jacobian, valueTolerance: 0, stepTolerance: 0, gradientTolerance: 1e-13, maxIterations: 200 });
const chi2Min = reference.chi2;

const ours = () => leastSquares(residuals, start, { jacobian });
const oursBuffers = () => leastSquares(residualsInto, start, { jacobian: jacobianInto });
const oursAutodiff = () => leastSquares(residualsAutodiff, start);
const oursAutodiffEager = () => leastSquares(residualsAutodiff, start, { jit: false });
const mlDefault = () => levenbergMarquardt({ x: centres, y: counts }, gaussian, { initialValues: start });
const mlAnalytic = () =>
  levenbergMarquardt({ x: centres, y: counts }, gaussian, {
    initialValues: start,
    jacobianFunction: (p) => (x) => {
      const d = x - p[1]!;
      const e = Math.exp(-(d * d) / (2 * p[2]! ** 2));
      return [e, (p[0]! * e * d) / p[2]! ** 2, (p[0]! * e * d * d) / p[2]! ** 3];
    },
  });

// The constrained problem, with hand-written derivatives for both contestants.
const F = (v: Tensor) => -Math.exp(v.data[0]! - v.data[1]! ** 2 + v.data[0]! * v.data[1]!);
const G = (v: Tensor) => Math.cosh(v.data[1]!) + v.data[0]! - 2;
function derivatives(x: number, y: number) {
  const e = Math.exp(x - y * y + x * y);
  const gx = 1 + y;
  const gy = -2 * y + x;
  return {
    grad: [-e * gx, -e * gy],
    hess: [
      [-e * gx * gx, -e * (gx * gy + 1)],
      [-e * (gx * gy + 1), -e * (gy * gy - 2)],
    ],
  };
}
const analytic = {
  gradient: (v: Float64Array) => derivatives(v[0]!, v[1]!).grad,
  hessian: (v: Float64Array) => derivatives(v[0]!, v[1]!).hess,
  constraintJacobian: (v: Float64Array) => [[1, Math.sinh(v[1]!)]],
  constraintHessians: (v: Float64Array) => [
    [
      [0, 0],
      [0, Math.cosh(v[1]!)],
    ],
  ],
};
const X = (v: Tensor) => sum(mul(v, tensor([1, 0])));
const Y = (v: Tensor) => sum(mul(v, tensor([0, 1])));
const FAuto = (v: Tensor) => neg(exp(add(sub(X(v), square(Y(v))), mul(X(v), Y(v)))));
const GAuto = (v: Tensor) => sub(add(mul(add(exp(Y(v)), exp(neg(Y(v)))), 0.5), X(v)), 2);

/** Plain Newton on ∇L = 0 (x, y, λ) with L = f − λg: the textbook method, no globalisation. */
function handKkt(): { x: number; y: number; lambda: number; iterations: number } {
  let [x, y, lambda] = [0.5, 0.5, 0];
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    const { grad, hess } = derivatives(x, y);
    const [ax, ay] = [1, Math.sinh(y)];
    const r = [grad[0]! - lambda * ax, grad[1]! - lambda * ay, -(Math.cosh(y) + x - 2)];
    if (Math.hypot(r[0]!, r[1]!, r[2]!) < 1e-10) break;
    const k = [
      [hess[0]![0]!, hess[0]![1]!, -ax],
      [hess[1]![0]!, hess[1]![1]! - lambda * Math.cosh(y), -ay],
      [-ax, -ay, 0],
    ];
    const d = solve3(k, r.map((v) => -v));
    x += d[0]!;
    y += d[1]!;
    lambda += d[2]!;
  }
  return { x, y, lambda, iterations };
}
function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < 3; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = m[r]![3]!;
    for (let k = r + 1; k < 3; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
const oursConstrained = () => lagrange(F, G, [0.5, 0.5], analytic);
const oursConstrainedAutodiff = () => lagrange(FAuto, GAuto, [0.5, 0.5]);
const oursConstrainedEager = () => lagrange(FAuto, GAuto, [0.5, 0.5], { jit: false });

// Rosenbrock's function from (−1.2, 1) by BFGS: f and ∇f by hand (plain numbers), or f as
// Tensor ops with ∇f left to autodiff.
const rosenbrockTensor = (x: Tensor) => add(square(sub(1, x.at(0))), mul(100, square(sub(x.at(1), square(x.at(0))))));
const bfgsHand = () => bfgs(rosenbrock.f, [-1.2, 1], { gradient: rosenbrock.gradient });
const bfgsAutodiff = () => bfgs(rosenbrockTensor, [-1.2, 1]);
const bfgsEager = () => bfgs(rosenbrockTensor, [-1.2, 1], { jit: false });

// The goal pair (ours vs ml-levenberg-marquardt with its defaults) and the other LM variants
// run in alternating rounds, each a tinybench run with its own warm-up, so that load changes
// on a shared machine hit both sides; a round's ratio compares means from the same minutes,
// and the report takes the median over rounds. `runSync` times each call without promise
// churn between samples (all tasks are synchronous).
const ROUNDS = 5;
const lmTasks: Record<string, () => unknown> = {
  'optim LM (analytic J)': ours,
  'optim LM (analytic J, reused buffers)': oursBuffers,
  'optim LM (autodiff J)': oursAutodiff,
  'ml-levenberg-marquardt (defaults)': mlDefault,
  'ml-levenberg-marquardt (analytic J)': mlAnalytic,
  'optim bfgs (hand gradient)': bfgsHand,
  'optim bfgs (autodiff gradient)': bfgsAutodiff,
};
const lmMeans: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 300, warmupTime: 150 });
  const names = Object.keys(lmTasks);
  for (const name of round % 2 === 0 ? names : names.reverse()) bench.add(name, lmTasks[name]!);
  bench.runSync();
  for (const name of names) (lmMeans[name] ??= []).push(meanOf(bench, name));
}
const ratios = lmMeans['ml-levenberg-marquardt (defaults)']!.map((ml, i) => ml / lmMeans['optim LM (analytic J)']![i]!);
const ratiosBuffers = lmMeans['ml-levenberg-marquardt (defaults)']!.map((ml, i) => ml / lmMeans['optim LM (analytic J, reused buffers)']![i]!);
const perRound = (slow: string, fast: string) => lmMeans[slow]!.map((t, i) => t / lmMeans[fast]![i]!);
const lmAutodiffRatios = perRound('optim LM (autodiff J)', 'optim LM (analytic J)');
const bfgsAutodiffRatios = perRound('optim bfgs (autodiff gradient)', 'optim bfgs (hand gradient)');

const bench = new Bench({ time: 400, warmupTime: 100 });
bench
  .add('optim LM (autodiff J, jit: false)', oursAutodiffEager)
  .add('optim bfgs (autodiff gradient, jit: false)', bfgsEager)
  .add('optim lagrange (analytic)', oursConstrained)
  .add('optim lagrange (autodiff)', oursConstrainedAutodiff)
  .add('optim lagrange (autodiff, jit: false)', oursConstrainedEager)
  .add('hand-written KKT Newton', handKkt);
bench.runSync();

function meanOf(b: Bench, name: string): number {
  const result = b.getTask(name)?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`benchmark ${name} did not complete`);
  return result.latency.mean;
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mean = (name: string): number => (name in lmMeans ? median(lmMeans[name]!) : meanOf(bench, name));
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
const gap = (chi2: number) => ((chi2 - chi2Min) / chi2Min).toExponential(2);

const fit = ours();
const fitBuffers = oursBuffers();
const fitAuto = oursAutodiff();
const ml = mlDefault();
const mlJ = mlAnalytic();
const firstWithin = fit.history.find((s) => (s.value - chi2Min) / chi2Min <= 1e-9)?.iteration;

console.log(`\nGaussian fit of a 20-bin histogram (Galton sons), start (a, μ, σ) = (${start.map((v) => v.toFixed(3)).join(', ')}); χ²min = ${chi2Min.toPrecision(10)}`);
console.table([
  { method: 'optim LM (analytic J)', 'mean time': us(mean('optim LM (analytic J)')), iterations: fit.iterations, 'relative χ² gap': gap(fit.chi2), 'vs optim': '1×' },
  { method: 'optim LM (analytic J, reused buffers)', 'mean time': us(mean('optim LM (analytic J, reused buffers)')), iterations: fitBuffers.iterations, 'relative χ² gap': gap(fitBuffers.chi2), 'vs optim': `${(mean('optim LM (analytic J, reused buffers)') / mean('optim LM (analytic J)')).toFixed(2)}×` },
  { method: 'optim LM (autodiff J)', 'mean time': us(mean('optim LM (autodiff J)')), iterations: fitAuto.iterations, 'relative χ² gap': gap(fitAuto.chi2), 'vs optim': `${median(lmAutodiffRatios).toFixed(2)}×` },
  { method: 'optim LM (autodiff J, jit: false)', 'mean time': us(mean('optim LM (autodiff J, jit: false)')), iterations: fitAuto.iterations, 'relative χ² gap': gap(fitAuto.chi2), 'vs optim': `${(mean('optim LM (autodiff J, jit: false)') / mean('optim LM (analytic J)')).toFixed(0)}×` },
  { method: 'ml-levenberg-marquardt (defaults)', 'mean time': us(mean('ml-levenberg-marquardt (defaults)')), iterations: ml.iterations, 'relative χ² gap': gap(chi2Of(ml.parameterValues)), 'vs optim': `${median(ratios).toFixed(1)}×` },
  { method: 'ml-levenberg-marquardt (analytic J)', 'mean time': us(mean('ml-levenberg-marquardt (analytic J)')), iterations: mlJ.iterations, 'relative χ² gap': gap(chi2Of(mlJ.parameterValues)), 'vs optim': `${(mean('ml-levenberg-marquardt (analytic J)') / mean('optim LM (analytic J)')).toFixed(1)}×` },
]);
const ratio = median(ratios);
const [load1] = loadavg();
console.log(
  `LM times are medians over ${ROUNDS} rounds of tinybench means; ml-levenberg-marquardt (defaults) / optim per round: ${ratios.map((r) => `${r.toFixed(1)}×`).join(', ')} (median ${ratio.toFixed(1)}×); load average ${load1!.toFixed(2)} on ${availableParallelism()} cores`,
);
const ratioBuffers = median(ratiosBuffers);
const verdict = (r: number) => (firstWithin !== undefined && firstWithin <= 10 && r >= 40 ? 'met' : 'NOT met');
console.log(`optim LM first within 1e-9 relative χ² at iteration ${firstWithin}; goal ≤ 10 iterations and ≥ 40× faster than ml-levenberg-marquardt (defaults):`);
console.log(`  residuals allocating a new array per call: ${ratio.toFixed(1)}× → ${verdict(ratio)}`);
console.log(`  residuals written into reused buffers:    ${ratioBuffers.toFixed(1)}× (rounds ${ratiosBuffers.map((r) => `${r.toFixed(1)}×`).join(', ')}) → ${verdict(ratioBuffers)}`);

const c = oursConstrained();
const cAuto = oursConstrainedAutodiff();
const hand = handKkt();
console.log('\nmin −exp(x − y² + xy) s.t. cosh(y) + x = 2 from (0.5, 0.5); the minimum is (0.9577824, 0.2895648), f = −3.1622210');
console.table([
  { method: 'optim lagrange (analytic)', 'mean time': us(mean('optim lagrange (analytic)')), iterations: c.iterations, 'ends at': `(${c.x[0]!.toFixed(7)}, ${c.x[1]!.toFixed(7)})`, f: c.value.toFixed(7), 'vs hand': `${(mean('optim lagrange (analytic)') / mean('hand-written KKT Newton')).toFixed(1)}×` },
  { method: 'optim lagrange (autodiff)', 'mean time': us(mean('optim lagrange (autodiff)')), iterations: cAuto.iterations, 'ends at': `(${cAuto.x[0]!.toFixed(7)}, ${cAuto.x[1]!.toFixed(7)})`, f: cAuto.value.toFixed(7), 'vs hand': `${(mean('optim lagrange (autodiff)') / mean('hand-written KKT Newton')).toFixed(1)}×` },
  { method: 'optim lagrange (autodiff, jit: false)', 'mean time': us(mean('optim lagrange (autodiff, jit: false)')), iterations: cAuto.iterations, 'ends at': `(${cAuto.x[0]!.toFixed(7)}, ${cAuto.x[1]!.toFixed(7)})`, f: cAuto.value.toFixed(7), 'vs hand': `${(mean('optim lagrange (autodiff, jit: false)') / mean('hand-written KKT Newton')).toFixed(1)}×` },
  { method: 'hand-written KKT Newton', 'mean time': us(mean('hand-written KKT Newton')), iterations: hand.iterations, 'ends at': `(${hand.x.toFixed(7)}, ${hand.y.toFixed(7)})`, f: F(tensor([hand.x, hand.y])).toFixed(7), 'vs hand': '1×' },
]);

// 3. Derivatives left to autodiff against hand-written ones (issue 16's goals): per-round ratios
// from the alternating rounds above, so both sides of a ratio ran in the same minutes.
const range = (rs: readonly number[]) => `${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)}×`;
const goal = (rs: readonly number[], limit: number) => `median ${median(rs).toFixed(2)}× (rounds ${rs.map((r) => `${r.toFixed(2)}×`).join(', ')}; range ${range(rs)}) → goal ≤ ${limit}× ${median(rs) <= limit ? 'met' : 'NOT met'}`;
const rb = { hand: bfgsHand(), auto: bfgsAutodiff() };
console.log('\nDerivatives left to @slope/autodiff (jit programs, the default) vs written by hand, same method:');
console.table([
  { work: 'Gaussian LM fit, 20 bins', hand: us(mean('optim LM (analytic J)')), autodiff: us(mean('optim LM (autodiff J)')), 'autodiff, jit: false': us(mean('optim LM (autodiff J, jit: false)')), iterations: `${fit.iterations} / ${fitAuto.iterations}` },
  { work: 'bfgs, Rosenbrock from (−1.2, 1)', hand: us(mean('optim bfgs (hand gradient)')), autodiff: us(mean('optim bfgs (autodiff gradient)')), 'autodiff, jit: false': us(mean('optim bfgs (autodiff gradient, jit: false)')), iterations: `${rb.hand.iterations} / ${rb.auto.iterations}` },
]);
console.log(`  LM, autodiff J / analytic J: ${goal(lmAutodiffRatios, 5)}`);
console.log(`  bfgs, autodiff gradient / hand gradient: ${goal(bfgsAutodiffRatios, 3)}`);
console.log(`  (jit: false, one pass each: LM ${(mean('optim LM (autodiff J, jit: false)') / mean('optim LM (analytic J)')).toFixed(0)}×, bfgs ${(mean('optim bfgs (autodiff gradient, jit: false)') / mean('optim bfgs (hand gradient)')).toFixed(0)}×)`);

// 4. 27 classic nonlinear least-squares fits.
printRegressionSuite();

// 5. Moré–Garbow–Hillstrom, problems 1–26 from the standard starts, default options and exact
// derivatives. "reached" is f within 1e-6 relative of a minimum the paper reports (1e-8 when
// f* = 0); "claims" marks a run that says it converged without reaching one.
const rows = runMghSuite(optim, { strategy: 'course-hybrid' });
const previous = new Map(previousRelease.map((r) => [`${r[0]} ${r[1]}`, r]));
const mark = (reached: boolean, converged: boolean) => (reached ? (converged ? 'yes' : 'yes, not converged') : converged ? 'NO (claims success)' : 'no');
console.log('\nMoré–Garbow–Hillstrom problems 1–26 (ACM TOMS 7(1), 1981): this release beside the previous one (0.1.0)');
for (const method of MGH_METHODS) {
  const table = rows
    .filter((r) => r.method === method)
    .map((r) => {
      const before = previous.get(`${r.id} ${method}`);
      return {
        problem: `${r.id} ${r.problem}`,
        'f*': r.fStar.toPrecision(6),
        f: r.f.toPrecision(6),
        reached: mark(r.reached, r.converged),
        reason: r.reason,
        iterations: r.iterations,
        'f evals': r.evaluations,
        'derivative evals': r.derivativeEvaluations,
        'previous: reached': before === undefined ? '-' : mark(before[3], before[4]),
        'previous: iterations': before?.[6] ?? '-',
        'previous: f evals': before?.[7] ?? '-',
      };
    });
  const reached = rows.filter((r) => r.method === method && r.reached).length;
  const reachedBefore = previousRelease.filter((r) => r[1] === method && r[3]).length;
  const claims = rows.filter((r) => r.method === method && r.converged && !r.reached).length;
  console.log(`\n${method}: reached f* on ${reached}/26 (previous release ${reachedBefore}/26); false claims of success: ${claims}`);
  console.table(table);
}
