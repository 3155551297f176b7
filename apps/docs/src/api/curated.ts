import type { ApiPackage } from './extract.js';

/**
 * Runnable examples for exports whose TSDoc `@example` is a fragment (it uses variables it
 * does not define) or missing. They are shown on the reference pages instead, and run by
 * `src/api/api.test.ts` like every other example. The packages' own TSDoc stays untouched.
 */
export const CURATED_EXAMPLES: Readonly<Record<ApiPackage, Readonly<Record<string, string>>>> = {
  symbolic: {
    Kind: `const kinds: Kind[] = ['x^2', 'sin(x)', 'x + 1'].map((s) => parse(s).kind);
console.log(kinds); // ['pow', 'fn', 'add']`,
    DerivativeOptions: `const raw: DerivativeOptions = { simplify: false };
console.log(derivative('x^2', 'x', raw).toString(), derivative('x^2', 'x').toString());`,
    Step: `const steps: Step[] = explain('x^2 * sin(x)', 'x');
for (const s of steps) console.log(s.rule, s.text);`,
    TaylorOptions: `const opts: TaylorOptions = { about: { x: -1, y: 2 }, order: 1 };
console.log(taylor('x*y^2*exp(-x^4 - y^2/2)', opts).polynomial.toString());`,
    TaylorResult: `const t: TaylorResult = taylor('1/x', { about: 1, order: 4 });
console.log(t.polynomial.toString(), t.evaluate(1.5));`,
    TaylorTerm: `const terms: readonly TaylorTerm[] = taylor('cos(x)', { about: 0, order: 4 }).terms;
console.log(terms.map((term) => term.coefficient.toString())); // ['1', '0', '-1/2', '0', '1/24']`,
    TaylorRemainder: `const r: TaylorRemainder = taylor('exp(x)', { about: 0, order: 3 }).remainder(1);
console.log(r.nextTerm, r.lagrangeBound, r.actual);`,
  },
  autodiff: {
    ShapeError: `try {
  add(zeros([2, 3]), zeros([4]));
} catch (e) {
  console.log(e instanceof ShapeError); // true
}`,
  },
  optim: {
    ScalarFunction: `const f: ScalarFunction = (x: number) => x * x - 2;
console.log(newtonRaphson(f, 1, { derivative: (x) => 2 * x }).root); // 1.41421…`,
    IterationDetail: `const r = newton((x) => x.square().sum(), [1, 2], { strategy: 'course-hybrid' });
const details: (IterationDetail | undefined)[] = r.history.map((s) => s.detail);
console.log(details.map((d) => d?.direction));`,
    OptimizationResult: `const r: OptimizationResult = bfgs((x) => {
  const [a, b] = [x.data[0]!, x.data[1]!];
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}, [-1.2, 1], { gradient: (x) => [-2 * (1 - x[0]!) - 400 * x[0]! * (x[1]! - x[0]! ** 2), 200 * (x[1]! - x[0]! ** 2)] });
console.log(r.x, r.converged, r.reason, r.message);`,
    sgd: `import { tensor } from '@slope/autodiff';
import { createRng } from '@slope/models';

// Fit y = 2x by mini-batches of 5 out of 50 points.
const xs = Array.from({ length: 50 }, (_, i) => i / 50);
const loss = (w: Tensor, batch: Int32Array) => {
  const x = tensor(Array.from(batch, (i) => xs[i]!));
  return x.mul(w).sub(x.mul(2)).square().mean();
};
const r = sgd(loss, [0], { dataSize: 50, batchSize: 5, step: 0.5, rng: createRng(1), maxIterations: 500 });
console.log(r.x[0]); // ≈ 2`,
    sgdSteps: `import { tensor } from '@slope/autodiff';
import { createRng } from '@slope/models';

const xs = Array.from({ length: 20 }, (_, i) => i / 20);
const loss = (w: Tensor, batch: Int32Array) => {
  const x = tensor(Array.from(batch, (i) => xs[i]!));
  return x.mul(w).sub(x.mul(3)).square().mean();
};
for (const s of sgdSteps(loss, [0], { dataSize: 20, batchSize: 4, step: 0.5, rng: createRng(2), maxIterations: 5 })) {
  console.log(s.iteration, s.value);
}`,
    SgdOptions: `import { createRng } from '@slope/models';

const opts: SgdOptions = { dataSize: 100, batchSize: 10, step: 0.1, noise: 1, rng: createRng(7), maxIterations: 200 };
console.log(opts.batchSize);`,
    findRootSteps: `const F = (x: Tensor) => [x.data[0]! ** 2 + x.data[1]! ** 2 - 4, x.data[0]! - x.data[1]!];
for (const s of findRootSteps(F, [1, 0.5], { jacobian: (x) => [[2 * x[0]!, 2 * x[1]!], [1, -1]] })) {
  console.log(s.iteration, s.value);
}`,
    bfgs: `const rosenbrock = (x: Tensor) => {
  const [a, b] = [x.data[0]!, x.data[1]!];
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};
const gradient = (x: Float64Array) => [-2 * (1 - x[0]!) - 400 * x[0]! * (x[1]! - x[0]! ** 2), 200 * (x[1]! - x[0]! ** 2)];
const r = bfgs(rosenbrock, [-1.2, 1], { gradient });
console.log(r.x, r.iterations); // ≈ [1, 1]`,
    leastSquaresSteps: `const x = [0, 1, 2, 3];
const y = [1, 3, 5, 7];
const residuals = (p: Tensor) => x.map((xi, i) => p.data[0]! * xi + p.data[1]! - y[i]!);
const jacobian = () => x.map((xi) => [xi, 1]);
for (const s of leastSquaresSteps(residuals, [0, 0], { jacobian, method: 'gauss-newton' })) console.log(s.iteration, s.value);`,
    LeastSquaresResult: `const x = [0, 1, 2, 3];
const y = [1.1, 2.9, 5.2, 6.8];
const r: LeastSquaresResult = leastSquares((p) => x.map((xi, i) => p.data[0]! * xi + p.data[1]! - y[i]!), [0, 0], {
  jacobian: () => x.map((xi) => [xi, 1]),
});
console.log(r.x, r.covariance);`,
    lagrangeSteps: `// Maximise x²y on x² + y² = 4 (the course's video example).
const f = (v: Tensor) => v.data[0]! ** 2 * v.data[1]!;
const g = (v: Tensor) => v.data[0]! ** 2 + v.data[1]! ** 2 - 4;
const opts = {
  mode: 'maximize' as const,
  gradient: (v: Float64Array) => [2 * v[0]! * v[1]!, v[0]! ** 2],
  hessian: (v: Float64Array) => [[2 * v[1]!, 2 * v[0]!], [2 * v[0]!, 0]],
  constraintJacobian: (v: Float64Array) => [[2 * v[0]!, 2 * v[1]!]],
  constraintHessians: () => [[[2, 0], [0, 2]]],
};
for (const s of lagrangeSteps(f, [g], [1, 1], opts)) console.log(s.iteration, s.x);`,
    LagrangeResult: `import { add, exp, mul, neg, square, sub, sum, tensor } from '@slope/autodiff';

// The course quiz: minimise f = exp(−(2x² + y² − xy)/2) on x² + 3(y + 1)² = 1; derivatives by autodiff.
const parts = (v: Tensor) => [sum(mul(v, tensor([1, 0]))), sum(mul(v, tensor([0, 1])))] as const;
const f = (v: Tensor) => {
  const [x, y] = parts(v);
  return exp(neg(mul(sub(add(mul(square(x), 2), square(y)), mul(x, y)), 0.5)));
};
const g = (v: Tensor) => {
  const [x, y] = parts(v);
  return sub(add(square(x), mul(square(add(y, 1)), 3)), 1);
};
const r: LagrangeResult = lagrange(f, g, [1, -1]);
console.log(r.x, r.multipliers, r.kind); // ≈ [0.93094, −1.21083], λ ≈ −0.15232, 'minimum'`,
    StationaryKind: `const f = (v: Tensor) => v.data[0]! ** 2 * v.data[1]!;
const r = lagrange(f, (v) => v.data[0]! ** 2 + v.data[1]! ** 2 - 4, [1, 1], {
  mode: 'stationary',
  gradient: (v) => [2 * v[0]! * v[1]!, v[0]! ** 2],
  hessian: (v) => [[2 * v[1]!, 2 * v[0]!], [2 * v[0]!, 0]],
  constraintJacobian: (v) => [[2 * v[0]!, 2 * v[1]!]],
  constraintHessians: () => [[[2, 0], [0, 2]]],
});
const kind: StationaryKind = r.kind;
console.log(r.x, kind);`,
    pathLength: `const r = steepestDescent((x) => x.square().sum(), [3, 4], { step: 0.25 });
console.log(pathLength(r.history)); // ≈ 5: a straight run to the origin`,
    stepCosines: `// A narrow valley makes steepest descent zig-zag: consecutive steps point in opposite directions.
const narrowValley = (x: Tensor) => x.data[0]! ** 2 + 25 * x.data[1]! ** 2;
const r = steepestDescent(narrowValley, [5, 1], { step: 0.038, gradient: (x) => [2 * x[0]!, 50 * x[1]!], maxIterations: 20 });
console.log(stepCosines(r.history).slice(0, 5));`,
  },
  models: {
    ParseHeightsOptions: `const text = '170\\n172.5\\n175\\n171\\n180';
const options: ParseHeightsOptions = { unit: 'cm', binWidth: 2.5 };
console.log(parseHeightsCsv(text, options).x);`,
    GaussianFit: `const { x, y } = heights('course');
const fit: GaussianFit = fitGaussian(x, y);
console.log(fit.mu, fit.sigma, Math.sqrt(fit.covariance![0]![0]!));`,
    GaussianFitStep: `const { x, y } = heights('galton-sons');
const first: GaussianFitStep = fitGaussian(x, y, { method: 'steepest', start: [155, 6] }).path[0]!;
console.log(first); // { iteration: 0, mu: 155, sigma: 6, chiSquared: … }`,
    FitReason: `const { x, y } = heights('course');
const reason: FitReason = fitGaussian(x, y, { method: 'gauss-newton' }).reason;
console.log(reason);`,
    LinearFit: `const fit: LinearFit = linearRegression([1, 2, 3, 4, 5], [2.2, 3.9, 6.1, 8.0, 9.8]);
console.log(fit.slope, '±', fit.slopeUncertainty, fit.intercept, '±', fit.interceptUncertainty);`,
    PolynomialFit: `const fit: PolynomialFit = polynomialFit([0, 1, 2, 3], [1, 2, 5, 10], 2);
console.log(fit.coefficients, fit.predict(4)); // ≈ [1, 0, 1], 17`,
    TrainProgress: `const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
const { x, y } = heartCurve();
net.train(x, y, { iterations: 200, aggression: 7, noise: 0, progressEvery: 100, onProgress: (p: TrainProgress) => console.log(p.iteration, p.cost) });`,
    TrainResult: `const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
const { x, y } = heartCurve();
const result: TrainResult = net.train(x, y, { iterations: 200, aggression: 7, noise: 1, rng: createRng(1) });
console.log(result.initialCost, result.finalCost, result.reason);`,
    CurveFit: `const x = [0, 1, 2, 3, 4];
const y = x.map((t) => 3 * Math.exp(-0.5 * t));
const fit: CurveFit = curveFit('a*exp(-b*x)', x, y, { a: 1, b: 1 });
console.log(fit.values, fit.uncertainties);`,
    CurveFitOptions: `const x = [0, 1, 2, 3, 4];
const y = [3.02, 1.8, 1.12, 0.66, 0.41];
const options: CurveFitOptions = { sigma: 0.05, method: 'gauss-newton' };
console.log(curveFit('a*exp(-b*x)', x, y, { a: 1, b: 1 }, options).values);`,
    ModelFunction: `const decay: ModelFunction = (x, p) => p[0]! * Math.exp(-p[1]! * x);
const x = [0, 1, 2, 3, 4];
const y = x.map((t) => 2 * Math.exp(-0.3 * t));
console.log(curveFit(decay, x, y, [1, 1]).parameters); // ≈ [2, 0.3]`,
  },
  plot: {
    AxisScale: `const yScale: AxisScale = 'log';
const cost = { x: [0, 1, 2, 3], y: [1, 0.1, 0.01, 0.001] };
console.log(lineChart([cost], { yScale, yLabel: 'cost' }).options?.scales?.['y']?.type);`,
    ContourLine: `const grid = sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 41, 41);
const rings: ContourLine[] = contourLines(grid, [0.25, 0.5]);
console.log(rings.map((r) => [r.level, r.points.length]));`,
    lineChart: `const iterations = [0, 1, 2, 3, 4];
const cost = [0.25, 0.12, 0.06, 0.03, 0.015];
const config = lineChart([{ x: iterations, y: cost, label: 'cost' }], { xLabel: 'iteration', yLabel: 'cost', yScale: 'log' });
console.log(config.type, config.data.datasets.length);`,
    histogramChart: `const centers = [172.5, 175, 177.5, 180, 182.5];
const heights = [0.03, 0.05, 0.055, 0.05, 0.04];
const model = (x: number) => Math.exp(-((x - 178.5) ** 2) / (2 * 7.55 ** 2)) / (7.55 * Math.sqrt(2 * Math.PI));
const config = histogramChart({ centers, heights, model });
console.log(config.data.datasets.length);`,
    contourChart: `const chiSquared = (mu: number, sigma: number) => (mu - 178.5) ** 2 / 100 + (sigma - 7.5) ** 2 / 10;
const grid = sampleGrid(chiSquared, [150, 200], [2, 35], 101, 67);
const config = contourChart({ grid, levels: 20, paths: [{ x: [155, 170, 178.5], y: [6, 9, 7.5], label: 'steepest descent' }], xLabel: 'μ / cm', yLabel: 'σ / cm' });
console.log(config.data.datasets.length);`,
    ContourChartInput: `const grid = sampleGrid((x, y) => x * x + 3 * y * y, [-2, 2], [-2, 2], 41, 41);
const input: ContourChartInput = { grid, levels: 8, paths: [{ x: [1.5, 0.5, 0], y: [1, 0.2, 0] }], xLabel: 'x', yLabel: 'y' };
console.log(contourChart(input).type);`,
    ContourPath: `const mus = [155, 160, 170, 178.5];
const sigmas = [6, 15, 11, 7.5];
const descent: ContourPath = { x: mus, y: sigmas, label: 'steepest descent' };
const grid = sampleGrid((mu, s) => (mu - 178.5) ** 2 + (s - 7.5) ** 2, [150, 200], [2, 35], 51, 34);
console.log(contourChart({ grid, paths: [descent] }).data.datasets.length);`,
    QuiverChartInput: `const field: VectorField = { x: [1, 2, 3], y: [1, 1, 1], u: [-2, -4, -6], v: [-2, -2, -2] };
const grid = sampleGrid((x, y) => x * x + y * y, [0, 4], [0, 2], 21, 11);
const input: QuiverChartInput = { arrows: field, grid, levels: 10, scale: 0.2, maxLength: 1, pivot: 'middle' };
console.log(quiverChart(input).type);`,
    trainingChart: `const t = Array.from({ length: 100 }, (_, i) => (2 * Math.PI * i) / 100);
const heart = { x: t.map((s) => 0.5 + 0.4 * Math.sin(s) ** 3), y: t.map((s) => 0.5 + (13 * Math.cos(s) - 5 * Math.cos(2 * s)) / 40) };
const config = trainingChart({ target: heart, snapshots: [], final: heart });
console.log(config.data.datasets.length);`,
    TrainingChartInput: `const t = Array.from({ length: 50 }, (_, i) => i / 50);
const heart = { x: t, y: t.map((s) => s * s) };
const input: TrainingChartInput = { target: heart, snapshots: [{ x: t, y: t }], final: { x: t, y: t.map((s) => s * s * 0.9) }, snapshotAlpha: 0.2 };
console.log(trainingChart(input).data.datasets.length);`,
  },
};
