import type { ApiPackage } from './extract.js';

/**
 * Runnable examples shown on the reference pages instead of an export's TSDoc `@example`
 * where that one is a fragment (it uses variables it does not define), is missing, shows
 * nothing when run (it only declares a value), or builds a chart without leaving the
 * configuration as its value (so the page could not draw it). They run at page generation
 * and in `src/api/api.test.ts` like every other example. The packages' own TSDoc stays untouched.
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
    IntegralRule: `const rules: IntegralRule[] = explainIntegral('x*exp(x)', 'x').map((s) => s.rule);
console.log(rules);`,
    Bound: `const bounds: Bound[] = [0, 'pi/2', Infinity];
console.log(integrate('cos(x)', 'x', bounds[0], bounds[1]).toString(), integrate('exp(-x)', 'x', bounds[0], bounds[2]).toString()); // 1 1`,
    Integrand: `const f: Integrand = 'exp(-x^2)';
console.log(quad(f, -Infinity, Infinity).value, Math.sqrt(Math.PI));`,
    Integrand2d: `const f: Integrand2d = (x, y) => x * y;
console.log(quad2d(f, [0, 1], [0, 2]).value); // 1`,
    InnerLimit: `const top: InnerLimit = (x) => x;
console.log(quad2d('1', [0, 1], [0, top]).value); // area of the triangle under y = x: 0.5`,
  },
  autodiff: {
    NestedNumbers: `const rows: NestedNumbers = [[1, 2], [3, 4]];
console.log(tensor(rows).shape);`,
    jit: `const cube = jit((x: Tensor) => x.pow(3).sum());
console.log(cube([1, 2]).item());
const dcube = jit(grad((x: Tensor) => x.pow(3).sum()));
console.log(dcube([1, 2]).toArray());`,
    JitArgs: `const power = jit((x: Tensor, k: number) => x.pow(k), { staticArgnums: [1] });
const args: JitArgs<[Tensor, number]> = [[1, 2], 3];
console.log(power(...args).toArray());`,
    ShapeError: `try {
  add(zeros([2, 3]), zeros([4]));
} catch (e) {
  console.log(e instanceof ShapeError); // true
}`,
    NestedArray: `const rows: NestedArray = [[1, 2], [3, 4]];
tensor(rows).shape; // [2, 2]`,
    TensorLike: `const xs: TensorLike[] = [3, [1, 2], [[1, 2], [3, 4]], Float64Array.of(1, 2)];
xs.map((x) => tensor(x).shape); // [[], [2], [2, 2], [2]]`,
    Activation: `const activations: Activation[] = ['sigmoid', 'tanh', 'relu', 'linear'];
// One neuron, w·x + b = 2·1 − 3 = −1, through each activation.
activations.map((act) => dense(tensor([[2]]), tensor([[1]]), -3, act).item());`,
    TensorFunction: `const loss: TensorFunction = (w, x) => w.mul(x).sum();
loss(tensor([1, 2]), tensor([3, 4])).item(); // 1·3 + 2·4 = 11
grad(loss)(tensor([1, 2]), tensor([3, 4])).toArray(); // ∂/∂w = x = [3, 4]`,
    GradCheckReport: `const r: GradCheckReport = gradCheck((x) => x.square().sum(), [[1, 2]]);
r.ok; // true
r.summary;`,
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
    DescentOptions: `const opts: DescentOptions = { maxIterations: 200, gradientTolerance: 1e-10 };
const r = bfgs((x) => x.square().sum(), [3, 4], opts);
console.log(r.converged, r.reason, r.iterations);`,
    GradientFunction: `// ∇(x² + 3y²) by hand, so no automatic differentiation is needed.
const gradient: GradientFunction = (x) => [2 * x[0]!, 6 * x[1]!];
const r = steepestDescent((x) => x.data[0]! ** 2 + 3 * x.data[1]! ** 2, [2, 1], { step: 0.1, gradient });
console.log(r.x, r.iterations);`,
    MatrixFunction: `// f = x² + y²: its Hessian is constant, so Newton lands on the minimum in one step.
const hessian: MatrixFunction = () => [[2, 0], [0, 2]];
const r = newton((x) => x.square().sum(), [3, 4], { hessian, gradient: (x) => [2 * x[0]!, 2 * x[1]!] });
console.log(r.x, r.iterations);`,
    Objective: `const rosenbrock: Objective = (x) => {
  const [a, b] = [x.data[0]!, x.data[1]!];
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};
rosenbrock(tensor([-1.2, 1])); // 24.2 at the classic start
const gradient = (x: Float64Array) => [-2 * (1 - x[0]!) - 400 * x[0]! * (x[1]! - x[0]! ** 2), 200 * (x[1]! - x[0]! ** 2)];
bfgs(rosenbrock, [-1.2, 1], { gradient }).x; // ≈ [1, 1]`,
    Rng: `import { createRng } from '@slope/models';

// Any object with uniform() and normal() will do; @slope/models' seeded generator is one.
const rng: Rng = createRng(7);
console.log(rng.uniform(), rng.normal());`,
    StopReason: `const f = (x: Tensor) => x.square().sum();
const reasons: StopReason[] = [0.1, 1.1].map((step) => steepestDescent(f, [1, 2], { step }).reason);
reasons; // a small step converges; a step above 1 overshoots further each time`,
    VectorFunction: `// Where does the circle x² + y² = 4 meet the line y = 1?
const F: VectorFunction = (x) => [x.data[0]! ** 2 + x.data[1]! ** 2 - 4, x.data[1]! - 1];
findRoot(F, [1, 0], { jacobian: (x) => [[2 * x[0]!, 2 * x[1]!], [0, 1]] }).x; // ≈ [√3, 1]`,
    SteepestDescentOptions: `const opts: SteepestDescentOptions = { step: 0.5, maxIterations: 50 };
const r = steepestDescent((x) => x.square().sum(), [3, 4], opts);
console.log(r.x, r.iterations, r.reason); // γ = 0.5 on x² + y² jumps to the minimum in one step`,
    GradientDescentOptions: `const opts: GradientDescentOptions = { step: 1, shrink: 0.5, sufficientDecrease: 1e-4 };
const r = gradientDescent((x) => x.data[0]! ** 2 + 10 * x.data[1]! ** 2, [3, 1], { ...opts, gradient: (x) => [2 * x[0]!, 20 * x[1]!] });
console.log(r.x, r.iterations, r.reason);`,
    momentumSteps: `const run = momentumSteps((x) => x.square().sum(), [3, 4], { step: 0.05 });
const first10 = [...run].slice(0, 10);
first10.map((s) => Number(s.value.toFixed(4))); // f falls, overshoots a little, falls again`,
    MomentumOptions: `const opts: MomentumOptions = { step: 0.01, beta: 0.9 };
const r = momentum((x) => x.square().sum(), [3, 4], opts);
console.log(r.iterations, r.reason, r.value);`,
    adamSteps: `for (const s of adamSteps((x) => x.square().sum(), [3, 4], { step: 0.1 })) {
  if (s.value < 1e-3) {
    console.log(\`f < 0.001 after \${s.iteration} iterations, at\`, s.x);
    break;
  }
}`,
    AdamOptions: `const opts: AdamOptions = { step: 0.1, beta1: 0.9, beta2: 0.999 };
const r = adam((x) => x.square().sum(), [3, 4], { ...opts, maxIterations: 300 });
console.log(r.iterations, r.reason, r.value);`,
    BatchObjective: `import { createRng } from '@slope/models';
import { mul, square, sub, sum, tensor } from '@slope/autodiff';

// Fit y = 3x on 40 points; each step sees only the mini-batch of indices it is given.
const xsAll = Array.from({ length: 40 }, (_, i) => i / 40);
const xs = (batch: Int32Array) => tensor(Array.from(batch, (i) => xsAll[i]!));
const ys = (batch: Int32Array) => xs(batch).mul(3);
const loss: BatchObjective = (w, batch) => sum(square(sub(mul(w, xs(batch)), ys(batch))));
sgd(loss, [0], { dataSize: 40, batchSize: 8, step: 0.1, rng: createRng(3), maxIterations: 300 }).x; // ≈ [3]`,
    NewtonRaphsonOptions: `// x³ − 2x − 5 = 0, Newton's own example (1669).
const opts: NewtonRaphsonOptions = { derivative: (x) => 3 * x * x - 2, maxIterations: 20 };
const r = newtonRaphson((x) => x ** 3 - 2 * x - 5, 2, opts);
console.log(r.root, r.iterations, r.reason);`,
    NewtonRaphsonResult: `const { root, converged, iterations }: NewtonRaphsonResult = newtonRaphson((x) => x * x - 2, 1, { derivative: (x) => 2 * x });
console.log(root, converged, iterations); // √2`,
    FindRootOptions: `// x² = 2 and y = 1 with full (textbook) Newton steps and the Jacobian by hand.
const opts: FindRootOptions = { jacobian: (x) => [[2 * x[0]!, 0], [0, 1]], lineSearch: false };
const r = findRoot((x) => [x.data[0]! ** 2 - 2, x.data[1]! - 1], [1, 0], opts);
console.log(r.x, r.iterations, r.reason);`,
    FindRootResult: `const { x, residual }: FindRootResult = findRoot((x) => [x.data[0]! ** 2 - 2], [1], { jacobian: (x) => [[2 * x[0]!]] });
console.log(x, residual); // x ≈ √2, residual ≈ 0`,
    NewtonOptions: `// f = x⁴/4 − x²/2 + y²: a saddle at the origin, minima at (±1, 0). Start near the saddle.
const f = (v: Tensor) => v.data[0]! ** 4 / 4 - v.data[0]! ** 2 / 2 + v.data[1]! ** 2;
const derivatives = {
  gradient: (v: Float64Array) => [v[0]! ** 3 - v[0]!, 2 * v[1]!],
  hessian: (v: Float64Array) => [[3 * v[0]! ** 2 - 1, 0], [0, 2]],
};
const course: NewtonOptions = { strategy: 'course-hybrid', fallback: 'steepest', maxNewtonStep: 2, fallbackStep: 0.5 };
const pure: NewtonOptions = { strategy: 'course-hybrid', fallback: 'none' };
console.log('trust region: ', newton(f, [0.1, 0.5], derivatives).x); // a minimum (the default strategy)
console.log('course hybrid:', newton(f, [0.1, 0.5], { ...course, ...derivatives }).x); // a minimum
console.log('pure Newton:  ', newton(f, [0.1, 0.5], { ...pure, ...derivatives }).reason); // 'stalled': ∇f = 0 at the saddle, not a minimum`,
    bfgsSteps: `const states = [...bfgsSteps((x) => x.square().sum(), [1, 2])];
states.map((s) => [s.iteration, s.value]);`,
    BfgsOptions: `const opts: BfgsOptions = { gradientTolerance: 1e-10, maxIterations: 500 };
const r = bfgs((x) => x.data[0]! ** 2 + 10 * x.data[1]! ** 2, [3, 1], { ...opts, gradient: (x) => [2 * x[0]!, 20 * x[1]!] });
console.log(r.x, r.iterations, r.reason);`,
    LeastSquaresMethod: `// Fit y = a·exp(b·x) to four points with each method, from the same start.
const xs = [0, 1, 2, 3];
const ys = [2, 2.7, 3.7, 5];
const residuals = (p: Tensor) => xs.map((x, i) => p.data[0]! * Math.exp(p.data[1]! * x) - ys[i]!);
const jacobian = (p: Float64Array) => xs.map((x) => [Math.exp(p[1]! * x), p[0]! * x * Math.exp(p[1]! * x)]);
const methods: LeastSquaresMethod[] = ['gauss-newton', 'levenberg-marquardt', 'steepest'];
for (const method of methods) {
  const r = leastSquares(residuals, [1, 0.1], { method, jacobian, aggression: 0.002 });
  console.log(method, r.x, r.iterations, r.reason);
}`,
    LeastSquaresOptions: `// A straight line through four points by the course's steepest descent, then by Levenberg–Marquardt.
const xs = [0, 1, 2, 3];
const ys = [1.1, 2.9, 5.2, 6.8];
const residuals = (p: Tensor) => xs.map((x, i) => p.data[0]! * x + p.data[1]! - ys[i]!);
const course: LeastSquaresOptions = { method: 'steepest', aggression: 0.02, maxIterations: 50, jacobian: () => xs.map((x) => [x, 1]) };
console.log('steepest, 50 steps:', leastSquares(residuals, [0, 0], course).x);
console.log('levenberg-marquardt:', leastSquares(residuals, [0, 0], { jacobian: () => xs.map((x) => [x, 1]) }).x);`,
    LagrangeMode: `// f = x²y on the circle x² + y² = 4 (the course's video example), in each mode.
const f = (v: Tensor) => v.data[0]! ** 2 * v.data[1]!;
const g = (v: Tensor) => v.data[0]! ** 2 + v.data[1]! ** 2 - 4;
const byHand = {
  gradient: (v: Float64Array) => [2 * v[0]! * v[1]!, v[0]! ** 2],
  hessian: (v: Float64Array) => [[2 * v[1]!, 2 * v[0]!], [2 * v[0]!, 0]],
  constraintJacobian: (v: Float64Array) => [[2 * v[0]!, 2 * v[1]!]],
  constraintHessians: () => [[[2, 0], [0, 2]]],
};
const modes: LagrangeMode[] = ['maximize', 'minimize', 'stationary'];
for (const mode of modes) {
  const r = lagrange(f, g, [1, 1], { mode, ...byHand });
  console.log(mode, r.x, r.kind);
}`,
    LagrangeOptions: `// Stationary points of x + y on the unit circle, from two starts.
const f = (v: Tensor) => v.data[0]! + v.data[1]!;
const g = (v: Tensor) => v.data[0]! ** 2 + v.data[1]! ** 2 - 1;
const opts: LagrangeOptions = {
  mode: 'stationary',
  multipliers: [0.5],
  gradient: () => [1, 1],
  hessian: () => [[0, 0], [0, 0]],
  constraintJacobian: (v) => [[2 * v[0]!, 2 * v[1]!]],
  constraintHessians: () => [[[2, 0], [0, 2]]],
};
const a = lagrange(f, g, [1, 0.5], opts);
const b = lagrange(f, g, [-1, -0.5], opts);
console.log(a.x, a.kind); // ≈ [0.7071, 0.7071] maximum
console.log(b.x, b.kind); // ≈ [−0.7071, −0.7071] minimum
// f is linear, so from λ = 0 the Newton system is singular, and the run says so.
lagrange(f, g, [1, 0.5], { ...opts, multipliers: [0] }).reason;`,
  },
  models: {
    fitRunaway: `const { x, y } = heights('course');
const region = dataRegion(x, y);
console.log(fitRunaway(x, region, { mu: 178.5, sigma: 7.55, chiSquared: 4.4e-4 })); // null: inside
console.log(fitRunaway(x, region, { mu: 4785, sigma: 36600, chiSquared: 0.015 }));`,
    ContourWindow: `const { x, y } = heights('course');
const window: ContourWindow = contourWindow(histogramMoments(x, y));
console.log(window.mu, window.sigma);`,
    DataRegion: `const { x, y } = heights('course');
const region: DataRegion = dataRegion(x, y);
console.log(region.low, region.high, region.span);`,
    HistogramMoments: `const { x, y } = heights('course');
const moments: HistogramMoments = histogramMoments(x, y);
console.log(moments.mean.toFixed(3), moments.sd.toFixed(3));`,
    GradientFunction: `const x = [[0, 0.5, 1]];
const y = [[1, 0, 1]];
const net = mlp({ layers: [1, 3, 1], rng: createRng(0) });
// The trainer's own back-propagation, handed back to it as a replacement.
const byHand: GradientFunction = (parameters) => {
  const copy = mlp({ layers: [1, 3, 1], parameters });
  return { cost: copy.cost(x, y), gradients: copy.gradients(x, y) };
};
const run = net.train(x, y, { iterations: 20, noise: 0, gradients: byHand });
console.log(run.initialCost.toPrecision(6), run.finalCost.toPrecision(6));`,
    CurveFitMethod: `const method: CurveFitMethod = 'gauss-newton';
const fit = curveFit('a*x + b', [0, 1, 2], [1, 3, 5], { a: 1, b: 0 }, { method });
console.log(fit.method, fit.parameters);`,
    TensorLike: `const x: TensorLike = tensor([[0, 1, 2, 3]]);
console.log(linearRegression(x, [1, 3, 5, 7]).slope);`,
    PLAUSIBLE_HEIGHT_CM: `const [lowest, highest] = PLAUSIBLE_HEIGHT_CM;
console.log(\`heights from \${lowest} to \${highest} cm are accepted\`);`,
    HeightUnit: `const unit: HeightUnit = 'in';
const h = parseHeightsCsv('68\\n70\\n71\\n69', { unit });
console.log(h.sourceUnit, h.x.length, h.binWidth);`,
    thinnedHistory: `const costs = thinnedHistory<number>(1000);
for (let k = 0; k <= 50_000; k++) if (costs.wants(k)) costs.add(k, 1 / (1 + k));
console.log(costs.items.length, costs.stride, costs.sequences.at(-1));`,
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
    HeightsHistogram: `const { x, y, citation }: HeightsHistogram = heights('galton-sons');
const fit = fitGaussian(x, y);
console.log(\`\${x.length} bins of \${(x[1]! - x[0]!).toFixed(2)} cm; μ = \${fit.mu.toFixed(2)} cm, σ = \${fit.sigma.toFixed(2)} cm\`);
console.log(citation.slice(0, 60) + '…');`,
    Rng: `const rng: Rng = createRng(7);
const noise = 1 + rng.normal() * 0.1;
console.log(rng.seed, noise, rng.uniform(), rng.int(6));`,
    datasets: `const { x, y } = datasets.heartCurve();
const course = datasets.heights('course');
console.log(x.length, y.length, course.x.length, course.x[0], course.x.at(-1));`,
    HeartCurve: `const { n, x, y }: HeartCurve = heartCurve(100);
console.log(n, x.slice(0, 3), y[0].slice(0, 3), y[1].slice(0, 3));`,
    HeightsName: `const names: HeightsName[] = ['course', 'galton-sons', 'galton-daughters'];
for (const name of names) {
  const h = heights(name);
  console.log(name, h.x.length, 'bins from', h.x[0], 'to', h.x.at(-1));
}`,
    gaussianPartials: `gaussianPartials(1, 0, 1);
// value = 0.24197…, dmu = 0.24197… (f·(x−μ)/σ²), dsigma = 0 (f·((x−μ)²/σ³ − 1/σ))`,
    GaussianPartials: `const { value, dmu, dsigma }: GaussianPartials = gaussianPartials(170, 175, 7);
console.log(value, dmu, dsigma); // below the mean: raising μ lowers f, so dmu < 0`,
    FitGaussianOptions: `const { x, y } = heights('course');
const course: FitGaussianOptions = { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 };
const fit = fitGaussian(x, y, course);
console.log(fit.mu, fit.sigma, fit.chiSquared, fit.reason);`,
    GaussianFitMethod: `const { x, y } = heights('course');
const methods: GaussianFitMethod[] = ['steepest', 'gauss-newton', 'levenberg-marquardt'];
for (const method of methods) {
  const fit = fitGaussian(x, y, { method, start: [155, 6] });
  console.log(method, fit.mu.toFixed(3), fit.sigma.toFixed(3), fit.iterations);
}`,
    LeastSquaresMethod: `const { x, y } = heights('galton-sons');
const method: LeastSquaresMethod = 'gauss-newton';
const fit = fitGaussian(x, y, { method });
console.log(fit.mu, fit.sigma, fit.iterations, fit.reason);`,
    Mlp: `const net: Mlp = mlp({ layers: [1, 6, 7, 2], rng: createRng(0) });
const { x, y } = heartCurve();
const [horizontal, vertical] = net.forward(x);
console.log(horizontal!.length, vertical!.length, net.cost(x, y)); // 100 points, untrained cost`,
    MlpOptions: `const course: MlpOptions = { layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0), init: 'course' };
mlp(course).parameters().map((p) => \`W \${p.weights.length}×\${p.weights[0]!.length}, b \${p.biases.length}\`);`,
    LayerParameters: `// The course quiz's layer: 3 inputs, 2 sigmoid neurons.
const quizLayer: LayerParameters = { weights: [[-2, 4, -1], [6, 0, -3]], biases: [0.1, -2.5] };
const net = mlp({ layers: [3, 2], parameters: [quizLayer] });
net.forward([[0.3], [0.4], [0.1]]); // a = σ(W·x + b) for x = (0.3, 0.4, 0.1)`,
    MatrixInput: `const x: MatrixInput = [0, 0.01, 0.02];                // 1 × 3
const y: MatrixInput = [[0.5, 0.6, 0.7], [0.6, 0.6, 0.6]]; // 2 × 3
const net = mlp({ layers: [1, 2], rng: createRng(0) });
console.log(net.forward(x), net.cost(x, y));`,
    TrainOptions: `const { x, y } = heartCurve();
const net = mlp({ layers: [1, 6, 7, 2], rng: createRng(0) });
const notebook: TrainOptions = { iterations: 1000, aggression: 7, noise: 1, rng: createRng(1), progressEvery: 250 };
const r = net.train(x, y, { ...notebook, onProgress: (p) => console.log(p.iteration, p.cost) });
console.log(r.finalCost, r.reason);`,
  },
  plot: {
    CourseColor: `const names: CourseColor[] = ['orange', 'magenta'];
names.map((name) => courseColors[name]);`,
    AxesOptions: `const axes: AxesOptions = { title: 'Halving each step', xLabel: 'iteration', yLabel: 'cost', yScale: 'log' };
lineChart([{ x: [0, 1, 2, 3, 4, 5], y: [1, 0.5, 0.25, 0.125, 0.0625, 0.03125], label: 'cost' }], axes);`,
    AxisScale: `const yScale: AxisScale = 'log';
const cost = { x: [0, 1, 2, 3], y: [1, 0.1, 0.01, 0.001], label: 'cost' };
lineChart([cost], { yScale, yLabel: 'cost', xLabel: 'iteration' });`,
    Curve: `const parabola: Curve = { x: [0, 0.5, 1, 1.5, 2], y: [0, 0.25, 1, 2.25, 4] };
lineChart([parabola], { xLabel: 'x', yLabel: 'x²' });`,
    Range: `const unit: Range = [0, 1];
const t = Array.from({ length: 101 }, (_, i) => i / 100);
lineChart([{ x: t, y: t.map((s) => s * s), label: 'y = x²' }, { x: t, y: t.map(Math.sqrt), label: 'y = √x' }], { xRange: unit, yRange: unit, aspectRatio: 1 });`,
    Grid: `// f = x + y on a 2 × 2 grid; values are row by row (y outer, x inner).
const grid: Grid = { x: [0, 1], y: [0, 1], values: [0, 1, 1, 2] };
contourLines(grid, [1]).map((line) => [line.level, line.points]); // the diagonal x + y = 1`,
    ContourLine: `const grid = sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 41, 41);
const rings: ContourLine[] = contourLines(grid, [0.25, 0.5]);
rings.map((r) => [r.level, r.points.length]);`,
    contourLines: `const grid = sampleGrid((x, y) => x * x + y * y, [-2, 2], [-2, 2], 81, 81);
const [circle] = contourLines(grid, [1]); // the unit circle, as one closed polyline
const radii = circle!.points.map((p) => Math.hypot(p.x, p.y));
console.log(circle!.points.length, Math.min(...radii), Math.max(...radii));`,
    lineChart: `const iterations = [0, 1, 2, 3, 4];
const cost = [0.25, 0.12, 0.06, 0.03, 0.015];
lineChart([{ x: iterations, y: cost, label: 'cost' }], { xLabel: 'iteration', yLabel: 'cost', yScale: 'log' });`,
    scatterChart: `scatterChart([{ x: [1, 2, 3, 4], y: [2, 4, 9, 15], label: 'samples' }], { xLabel: 'x', yLabel: 'y' });`,
    Series: `const cost: Series = { x: [0, 1, 2, 3], y: [0.25, 0.1, 0.04, 0.02], label: 'cost', color: courseColors.orange, width: 3, pointRadius: 4 };
lineChart([cost], { xLabel: 'iteration' });`,
    BarSpan: `const centers = [161.25, 163.75, 166.25];
const config = histogramChart({ centers, heights: [0.0125, 0.03, 0.05], model: (x) => gaussian(x, 170, 6), xRange: [158, 170] });
// Each bin is split into floating bars; where the model is above the data, the magenta part:
const magentaParts = config.data.datasets.find((d) => d.label?.includes('model'))?.data as BarSpan[] | undefined;
console.log(config.data.datasets.map((d) => d.label));
console.log(magentaParts);`,
    HistogramInput: `const { x, y } = heights('course');
const input: HistogramInput = { centers: x, heights: y, model: (t) => gaussian(t, 178.5, 7.55) };
histogramChart(input);`,
    histogramChart: `const course = heights('course');
const model = (x: number) => Math.exp(-((x - 178.5) ** 2) / (2 * 7.55 ** 2)) / (7.55 * Math.sqrt(2 * Math.PI));
histogramChart({ centers: course.x, heights: course.y, model });`,
    contourChart: `const chiSquared = (mu: number, sigma: number) => (mu - 178.5) ** 2 / 100 + (sigma - 7.5) ** 2 / 10;
const grid = sampleGrid(chiSquared, [150, 200], [2, 35], 101, 67);
contourChart({ grid, levels: 20, paths: [{ x: [155, 170, 178.5], y: [6, 9, 7.5], label: 'steepest descent' }], xLabel: 'μ / cm', yLabel: 'σ / cm' });`,
    ContourChartInput: `const grid = sampleGrid((x, y) => x * x + 3 * y * y, [-2, 2], [-2, 2], 41, 41);
const input: ContourChartInput = { grid, levels: 8, paths: [{ x: [1.5, 0.5, 0], y: [1, 0.2, 0] }], xLabel: 'x', yLabel: 'y' };
contourChart(input);`,
    ContourPath: `const descent: ContourPath = { x: [155, 160, 170, 178.5], y: [6, 15, 11, 7.5], label: 'steepest descent' };
const grid = sampleGrid((mu, s) => (mu - 178.5) ** 2 + (s - 7.5) ** 2, [150, 200], [2, 35], 51, 34);
contourChart({ grid, paths: [descent], xLabel: 'μ', yLabel: 'σ' });`,
    quiverChart: `const f = (x: number, y: number) => (x - 1) ** 2 + 2 * (y - 2) ** 2;
quiverChart({
  grid: sampleGrid(f, [0, 3], [0, 4], 31, 41),
  arrows: { x: [0.5, 2.5], y: [3, 1], u: [1, -3], v: [-4, 4] }, // −∇f at each point
  scale: 0.2,
});`,
    QuiverChartInput: `const field: VectorField = { x: [1, 2, 3], y: [1, 1, 1], u: [-2, -4, -6], v: [-2, -2, -2] };
const grid = sampleGrid((x, y) => x * x + y * y, [0, 4], [0, 2], 21, 11);
const input: QuiverChartInput = { arrows: field, grid, levels: 10, scale: 0.2, maxLength: 1, pivot: 'middle' };
quiverChart(input);`,
    VectorField: `// −∇f of f = x² + y² at a few points: arrows pointing downhill, towards the origin.
const xs = [-1.5, -0.5, 0.5, 1.5, -1.5, -0.5, 0.5, 1.5];
const ys = [-1, -1, -1, -1, 1, 1, 1, 1];
const field: VectorField = { x: xs, y: ys, u: xs.map((x) => -2 * x), v: ys.map((y) => -2 * y) };
quiverChart({ arrows: field, grid: sampleGrid((x, y) => x * x + y * y, [-2, 2], [-1.5, 1.5], 41, 31), scale: 0.2 });`,
    trainingChart: `const t = Array.from({ length: 100 }, (_, i) => (2 * Math.PI * i) / 100);
const heart = { x: t.map((s) => 0.5 + 0.4 * Math.sin(s) ** 3), y: t.map((s) => 0.5 + (13 * Math.cos(s) - 5 * Math.cos(2 * s)) / 40) };
const early = { x: heart.x.map((v) => 0.5 + (v - 0.5) * 0.4), y: heart.y.map((v) => 0.5 + (v - 0.5) * 0.4) };
trainingChart({ target: heart, snapshots: [early], final: heart });`,
    TrainingChartInput: `const t = Array.from({ length: 50 }, (_, i) => i / 50);
const target = { x: t, y: t.map((s) => s * s) };
const input: TrainingChartInput = { target, snapshots: [{ x: t, y: t }], final: { x: t, y: t.map((s) => s * s * 0.9) }, snapshotAlpha: 0.2 };
trainingChart(input);`,
  },
};
