import { add, div, matmul, sigmoid, square, sub, sum, tensor, valueAndGrad, type Tensor } from '@slope/autodiff';
import type { GradientFunction, LayerParameters, Mlp } from '@slope/models/mlp';
import { cost, courseJacobians, courseNetwork, networkFunction, PARAMETER_NAMES, type CourseData, type CourseNetwork, type Matrix, type ParameterName } from './jacobians.js';

/**
 * The cost ‖a3 − y‖² / N written with `@slope/autodiff` tensors and differentiated by
 * `valueAndGrad`: derived independently of the hand-written Jacobians, so it checks them. Also
 * a {@link GradientFunction} for `mlp().train`, which `--engine autodiff` trains with.
 *
 * @example
 * const { cost, gradients } = autodiffGradients(data)(net.parameters());
 */
export function autodiffGradients({ x, y }: CourseData): GradientFunction {
  const inputs = tensor(x.data, [1, x.cols]);
  const targets = tensor(y.data, [2, y.cols]);
  const layer = (W: Tensor, a: Tensor, b: Tensor) => sigmoid(add(matmul(W, a), b));
  const cost = (W1: Tensor, W2: Tensor, W3: Tensor, b1: Tensor, b2: Tensor, b3: Tensor): Tensor =>
    div(sum(square(sub(layer(W3, layer(W2, layer(W1, inputs, b1), b2), b3), targets))), x.cols);
  const costAndJacobians = valueAndGrad(cost, { argnums: [0, 1, 2, 3, 4, 5] });
  return (parameters) => {
    const net = courseNetwork(parameters);
    const [value, jacobians] = costAndJacobians(...PARAMETER_NAMES.map((name) => tensor(net[name].data, [net[name].rows, net[name].cols])));
    const rows = (t: Tensor, count: number) => Array.from({ length: count }, (_, i) => Array.from(t.data.subarray((i * t.data.length) / count, ((i + 1) * t.data.length) / count)));
    const gradients: LayerParameters[] = [0, 1, 2].map((l) => ({
      weights: rows(jacobians[l]!, net[PARAMETER_NAMES[l]!].rows),
      biases: Array.from(jacobians[3 + l]!.data),
    }));
    return { cost: value.item(), gradients };
  };
}

/**
 * How far one set of Jacobians is from the autodiff reference.
 *
 * @example
 * const { scaledDifference, worst }: JacobianDifference = check.course;
 */
export interface JacobianDifference {
  /**
   * max over every entry of |ours − autodiff| / scale, where the scale bounds the terms the
   * entry sums (see {@link jacobianScales}): what rounding can make of them.
   */
  readonly scaledDifference: number;
  /** Where `scaledDifference` is largest. */
  readonly worst: { readonly jacobian: `J_${ParameterName}`; readonly index: number };
  /** max over every entry of |ours − autodiff| / max(|ours|, |autodiff|). */
  readonly maxRelativeDifference: number;
}

/**
 * The start-up check: the six named Jacobians J_W1 … J_b3 (as the course writes them) and the
 * trainer's own gradients (`@slope/models`' `mlp`), each against `@slope/autodiff`.
 *
 * @example
 * const { passed, course, trainer, tolerance } = checkJacobians(net, data);
 */
export interface JacobianCheck {
  readonly course: JacobianDifference;
  readonly trainer: JacobianDifference;
  /** The cost at the network by the course's functions and by autodiff. */
  readonly courseCost: number;
  readonly autodiffCost: number;
  /** The largest scaled difference rounding explains for these sizes: {@link jacobianCheckTolerance}. */
  readonly tolerance: number;
  /** Both differences within the tolerance: the Jacobians are right. */
  readonly passed: boolean;
}

const UNIT_ROUNDOFF = 2 ** -53;

/**
 * The most the scaled difference of two correct Jacobian computations can be: each entry is
 * reached through sums of N (the examples), n1 and n2 (the layer widths) terms, and every
 * summation order rounds differently, by up to about a unit roundoff per term. Eight times
 * that leaves room for the chain of such sums; a mistake in a Jacobian formula shows up many
 * orders of magnitude above it.
 *
 * @example
 * jacobianCheckTolerance(100, [6, 7]); // 8 · 2⁻⁵³ · 115 ≈ 1.0e-13
 */
export function jacobianCheckTolerance(examples: number, hidden: readonly [number, number]): number {
  return 8 * UNIT_ROUNDOFF * (examples + hidden[0] + hidden[1] + 2);
}

/**
 * For each parameter P, a bound on the size of the terms each entry of J_P sums: the course's
 * δ-recursion on absolute values, with every σ'(z) replaced by its largest value 1/4. Rounding
 * errors in J_P are a few units in the last place of these terms, not of J_P itself: where
 * the sigmoids saturate, J_P is tiny while σ'(z) still carries an absolute error near 2⁻⁵³, so
 * a comparison relative to J_P alone would call rounding a bug.
 *
 * @example
 * jacobianScales(net, data).W2; // ≥ max |J_W2|
 */
export function jacobianScales(net: CourseNetwork, data: CourseData): Record<ParameterName, number> {
  const { a0, a1, a2, a3 } = networkFunction(net, data.x);
  const n = data.x.cols;
  const g3 = a3.data.map((a, k) => Math.abs(a - data.y.data[k]!) / 2);
  const back = (W: Matrix, g: Float64Array) => {
    const out = new Float64Array(W.cols * n);
    for (let i = 0; i < W.rows; i++) {
      for (let j = 0; j < W.cols; j++) {
        const w = Math.abs(W.data[i * W.cols + j]!) / 4;
        for (let k = 0; k < n; k++) out[j * n + k]! += w * g[i * n + k]!;
      }
    }
    return out;
  };
  const g2 = back(net.W3, g3);
  const g1 = back(net.W2, g2);
  const weight = (g: Float64Array, a: Matrix) => {
    const top = new Float64Array(n);
    for (let j = 0; j < a.rows; j++) for (let k = 0; k < n; k++) top[k] = Math.max(top[k]!, Math.abs(a.data[j * n + k]!));
    let best = 0;
    for (let i = 0; i < g.length / n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k]! * top[k]!;
      best = Math.max(best, s / n);
    }
    return best;
  };
  const bias = (g: Float64Array) => {
    let best = 0;
    for (let i = 0; i < g.length / n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k]!;
      best = Math.max(best, s / n);
    }
    return best;
  };
  const scales = { W1: weight(g1, a0), W2: weight(g2, a1), W3: weight(g3, a2), b1: bias(g1), b2: bias(g2), b3: bias(g3) };
  for (const name of PARAMETER_NAMES) if (!Number.isFinite(scales[name])) scales[name] = Number.POSITIVE_INFINITY;
  return scales;
}

function compare(ours: Record<ParameterName, Float64Array>, reference: Record<ParameterName, Float64Array>, scales: Record<ParameterName, number>): JacobianDifference {
  let scaledDifference = 0;
  let maxRelativeDifference = 0;
  let worst: JacobianDifference['worst'] = { jacobian: 'J_W1', index: 0 };
  for (const name of PARAMETER_NAMES) {
    const u = ours[name];
    const v = reference[name];
    for (let i = 0; i < u.length; i++) {
      const d = Math.abs(u[i]! - v[i]!);
      const scaled = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d === 0 ? 0 : d / scales[name];
      if (scaled > scaledDifference) {
        scaledDifference = scaled;
        worst = { jacobian: `J_${name}`, index: i };
      }
      const relative = d === 0 ? 0 : Number.isNaN(d) ? Number.POSITIVE_INFINITY : d / Math.max(Math.abs(u[i]!), Math.abs(v[i]!));
      maxRelativeDifference = Math.max(maxRelativeDifference, relative);
    }
  }
  return { scaledDifference, worst, maxRelativeDifference };
}

function byName(parameters: readonly LayerParameters[]): Record<ParameterName, Float64Array> {
  const net = courseNetwork(parameters);
  return Object.fromEntries(PARAMETER_NAMES.map((name) => [name, net[name].data])) as Record<ParameterName, Float64Array>;
}

/**
 * Checks, at `net`'s current weights, the six named Jacobians and the trainer's gradients
 * against `@slope/autodiff` (pass `jacobians` to check another set of J_W1 … J_b3, e.g. a
 * learner's).
 *
 * @example
 * checkJacobians(mlp({ layers: [1, 6, 7, 2], rng: createRng(0) }), data).passed; // true
 */
export function checkJacobians(net: Mlp, data: CourseData, jacobians: typeof courseJacobians = courseJacobians): JacobianCheck {
  const parameters = net.parameters();
  const course = courseNetwork(parameters);
  const hidden: [number, number] = [course.W1.rows, course.W2.rows];
  const reference = autodiffGradients(data)(parameters);
  const scales = jacobianScales(course, data);
  const named = jacobians(course, data);
  const courseDifference = compare(Object.fromEntries(PARAMETER_NAMES.map((name) => [name, named[name].data])) as Record<ParameterName, Float64Array>, byName(reference.gradients), scales);
  const targets = [data.y.data.subarray(0, data.x.cols), data.y.data.subarray(data.x.cols)];
  const trainerDifference = compare(byName(net.gradients(data.x.data, targets)), byName(reference.gradients), scales);
  const courseCost = cost(course, data);
  const tolerance = jacobianCheckTolerance(data.x.cols, hidden);
  const finite = Number.isFinite(courseCost) && Number.isFinite(reference.cost);
  return {
    course: courseDifference,
    trainer: trainerDifference,
    courseCost,
    autodiffCost: reference.cost,
    tolerance,
    passed: finite && courseDifference.scaledDifference <= tolerance && trainerDifference.scaledDifference <= tolerance,
  };
}
