/**
 * A line search for the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6):
 * sufficient decrease f(x + αd) ≤ f(x) + c₁α∇f·d and a flattened slope |∇f(x + αd)·d| ≤ c₂|∇f·d|.
 * The second condition is what keeps BFGS's curvature pairs positive, and with it the search
 * may also lengthen a step that starts too short.
 */
import type { ScalarEvaluator } from './evaluate.js';
import { allFinite, dot } from './linalg.js';

export interface WolfeOptions {
  readonly sufficientDecrease: number;
  readonly curvature: number;
  /** The longest α tried. */
  readonly maxStep: number;
  readonly maxEvaluations: number;
}

export interface WolfePoint {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly stepSize: number;
}

interface Sample {
  readonly alpha: number;
  readonly value: number;
  readonly slope: number;
  readonly point: WolfePoint | undefined;
}

/**
 * Searches along d from (x, f, g) starting with α = `initial`. Returns the accepted point, or
 * the best point with sufficient decrease when the evaluation budget runs out first, or
 * undefined when nothing decreased f enough (d not a descent direction, or f flat to rounding).
 */
export function wolfeSearch(
  ev: ScalarEvaluator,
  x: Float64Array,
  f: number,
  g: Float64Array,
  d: Float64Array,
  initial: number,
  { sufficientDecrease: c1, curvature: c2, maxStep, maxEvaluations }: WolfeOptions,
): WolfePoint | undefined {
  const slope0 = dot(g, d);
  if (!(slope0 < 0)) return undefined;
  let evaluations = 0;
  let acceptable: WolfePoint | undefined;
  const sample = (alpha: number): Sample => {
    evaluations++;
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i]! + alpha * d[i]!;
    const { value, gradient } = ev.valueAndGradient(y);
    if (!Number.isFinite(value) || !allFinite(gradient)) return { alpha, value: Infinity, slope: NaN, point: undefined };
    const point = { x: y, value, gradient, stepSize: alpha };
    if (value <= f + c1 * alpha * slope0 && (acceptable === undefined || value < acceptable.value)) acceptable = point;
    return { alpha, value, slope: dot(gradient, d), point };
  };
  const armijoFails = (s: Sample) => !(s.value <= f + c1 * s.alpha * slope0);
  const curvatureHolds = (s: Sample) => Math.abs(s.slope) <= -c2 * slope0;

  const zoom = (lo: Sample, hi: Sample): WolfePoint | undefined => {
    while (evaluations < maxEvaluations) {
      const alpha = interpolate(lo, hi);
      if (!(alpha !== lo.alpha && alpha !== hi.alpha)) break;
      const s = sample(alpha);
      if (armijoFails(s) || s.value >= lo.value) hi = s;
      else {
        if (curvatureHolds(s)) return s.point;
        if (s.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = s;
      }
    }
    return acceptable;
  };

  let previous: Sample = { alpha: 0, value: f, slope: slope0, point: undefined };
  let alpha = Math.min(initial, maxStep);
  for (let first = true; evaluations < maxEvaluations; first = false) {
    const s = sample(alpha);
    if (armijoFails(s) || (!first && s.value >= previous.value)) return zoom(previous, s);
    if (curvatureHolds(s)) return s.point;
    if (s.slope >= 0) return zoom(s, previous);
    if (alpha >= maxStep) return s.point;
    previous = s;
    alpha = Math.min(4 * alpha, maxStep);
  }
  return acceptable;
}

/**
 * The minimiser of the cubic through two samples' values and slopes, kept at least a tenth of
 * the interval from either end (bisection when the cubic says nothing useful).
 */
function interpolate(a: Sample, b: Sample): number {
  const lo = Math.min(a.alpha, b.alpha);
  const hi = Math.max(a.alpha, b.alpha);
  const width = hi - lo;
  let alpha = NaN;
  if (Number.isFinite(a.value) && Number.isFinite(b.value) && Number.isFinite(a.slope) && Number.isFinite(b.slope)) {
    const d1 = a.slope + b.slope - (3 * (a.value - b.value)) / (a.alpha - b.alpha);
    const radicand = d1 * d1 - a.slope * b.slope;
    if (radicand >= 0) {
      const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(radicand);
      alpha = b.alpha - ((b.alpha - a.alpha) * (b.slope + d2 - d1)) / (b.slope - a.slope + 2 * d2);
    }
  }
  if (!(alpha >= lo + 0.1 * width && alpha <= hi - 0.1 * width)) alpha = lo + 0.5 * width;
  return alpha;
}
