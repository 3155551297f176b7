/** The loop every gradient-based minimiser shares: tolerances, divergence, history. */
import type { ScalarEvaluator } from './evaluate.js';
import { allFinite, dot, norm } from './linalg.js';
import { smallStep, Tracker } from './run.js';
import type { DescentOptions, IterationDetail, IterationState, OptimizationResult, StopReason } from './types.js';
import { DEFAULT_HISTORY_LIMIT } from './run.js';
import { historyLimit, nonNegativeNumber, positiveInteger, positiveNumber } from './validate.js';

/** The option names every descent method accepts (each method adds its own). */
export const DESCENT_OPTION_KEYS = ['maxIterations', 'historyLimit', 'gradientTolerance', 'stepTolerance', 'valueTolerance', 'divergenceLimit', 'gradient', 'jit'] as const;

export interface ResolvedDescentOptions {
  readonly maxIterations: number;
  readonly historyLimit: number;
  readonly gradientTolerance: number;
  readonly stepTolerance: number;
  readonly valueTolerance: number;
  readonly divergenceLimit: number;
}

export function resolveDescentOptions(
  method: string,
  options: DescentOptions,
  defaults: Partial<ResolvedDescentOptions> = {},
): ResolvedDescentOptions {
  return {
    maxIterations: positiveInteger(method, 'maxIterations', options.maxIterations, defaults.maxIterations ?? 1000),
    historyLimit: historyLimit(method, options.historyLimit, DEFAULT_HISTORY_LIMIT),
    gradientTolerance: nonNegativeNumber(method, 'gradientTolerance', options.gradientTolerance, defaults.gradientTolerance ?? 1e-8),
    stepTolerance: nonNegativeNumber(method, 'stepTolerance', options.stepTolerance, defaults.stepTolerance ?? 1e-14),
    valueTolerance: nonNegativeNumber(method, 'valueTolerance', options.valueTolerance, defaults.valueTolerance ?? 0),
    divergenceLimit: positiveNumber(method, 'divergenceLimit', options.divergenceLimit, defaults.divergenceLimit ?? 1e10),
  };
}

export interface Point {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
}

/**
 * A step's result: the new point (with `shortened` when a line search had to cut the step, so
 * a tiny step says nothing about being near a minimum), or a reason to stop.
 */
export type StepOutcome = (Point & { readonly detail?: IterationDetail; readonly shortened?: boolean }) | { readonly stop: StopReason; readonly why?: string };

/** Computes the next point from the current one (the method's whole personality). */
export type Stepper = (current: Point, iteration: number) => StepOutcome;

/** Why a point counts as diverged, or undefined when it does not. */
export function divergence(point: Point, best: IterationState | undefined, limit: number): string | undefined {
  return divergenceAt(point.x, point.value, point.gradient, best, limit);
}

/** {@link divergence} with the point's parts passed separately (no object per call in hot loops). */
export function divergenceAt(
  x: Float64Array,
  value: number,
  gradient: Float64Array,
  best: IterationState | undefined,
  limit: number,
): string | undefined {
  if (!Number.isFinite(value)) return `the value became ${value}`;
  if (!allFinite(x)) return 'x became non-finite';
  if (!allFinite(gradient)) return 'the gradient became non-finite';
  if (best !== undefined && value - best.value > limit * (1 + Math.abs(best.value))) {
    return `the value grew to ${value.toPrecision(4)} from a best of ${best.value.toPrecision(4)}`;
  }
  return undefined;
}

/**
 * What the loop checks before it calls a point a minimum. `consistency`: the last step's
 * change in f must match its gradients ({@link stepConsistency}); off for stochastic
 * gradients, which belong to a different mini-batch at each point. `curvature`: a
 * method with second derivatives says why a point is not a minimum (a saddle, a maximum).
 */
export interface MinimumChecks {
  readonly consistency: boolean;
  readonly curvature?: (x: Float64Array) => string | undefined;
}

export function* descentLoop(
  tracker: Tracker,
  ev: ScalarEvaluator,
  x0: Float64Array,
  opts: ResolvedDescentOptions,
  stepper: Stepper,
  checks: MinimumChecks = { consistency: true },
): Generator<IterationState, OptimizationResult, undefined> {
  const start = ev.valueAndGradient(x0);
  let current: Point = { x: x0, value: start.value, gradient: start.gradient };
  let consistent = true;
  /** A success reason, or 'stalled' when the point fails a check. */
  const success = (reason: 'gradient-tolerance' | 'step-tolerance' | 'value-tolerance'): OptimizationResult => {
    if (!consistent) return tracker.finish('stalled', "the last step's change in f does not match its gradients (a plateau, or a gradient that is not f's)");
    const doubt = checks.curvature?.(current.x);
    return doubt === undefined ? tracker.finish(reason) : tracker.finish('stalled', doubt);
  };
  yield tracker.record(current.x, current.value, norm(current.gradient));
  const bad = divergence(current, undefined, opts.divergenceLimit);
  if (bad !== undefined) return tracker.finish('diverged', `at the start ${bad}`);
  if (norm(current.gradient) <= opts.gradientTolerance) return success('gradient-tolerance');
  for (let iteration = 1; iteration <= opts.maxIterations; iteration++) {
    const best = tracker.best;
    const out = stepper(current, iteration);
    if ('stop' in out) return tracker.finish(out.stop, out.why);
    const previous = current;
    current = out;
    const gradientNorm = norm(current.gradient);
    yield tracker.record(current.x, current.value, gradientNorm, previous.x, out.detail);
    const why = divergence(current, best, opts.divergenceLimit);
    if (why !== undefined) return tracker.finish('diverged', why);
    const step = current.x.map((v, i) => v - previous.x[i]!);
    if (checks.consistency) {
      const trapezoid = -0.5 * (dot(previous.gradient, step) + dot(current.gradient, step));
      consistent = stepConsistency(previous.value - current.value, trapezoid, previous.value, consistent);
    }
    if (gradientNorm <= opts.gradientTolerance) return success('gradient-tolerance');
    if (smallStep(step, current.x, opts.stepTolerance)) {
      // A full step this short means ∇f is tiny; one the line search cut down only means it got stuck.
      if (out.shortened === true) return tracker.finish('stalled', `the line search cut the step to ${norm(step).toPrecision(3)} with ‖∇f‖ = ${gradientNorm.toPrecision(3)} still above gradientTolerance`);
      return success('step-tolerance');
    }
    if (opts.valueTolerance > 0 && Math.abs(current.value - previous.value) <= opts.valueTolerance * (1 + Math.abs(current.value))) {
      return success('value-tolerance');
    }
  }
  return tracker.finish('max-iterations');
}

/**
 * Whether a step's change in f, `actual` = f(x) − f(x + s), is what its end gradients predict
 * by the trapezoid rule, `trapezoid` = −½(∇f(x) + ∇f(x + s))·s (exact for quadratics, so a
 * smooth f agrees closely over a short step). A disagreement means the step left the region
 * the gradients describe (a plateau where everything underflowed) or the gradient is not f's.
 * A step that changes f by less than 1e-8·|f| proves nothing either way (f's own rounding
 * error, amplified by cancellation inside f, can be that large): the verdict of the previous
 * step (`before`) stands.
 */
export function stepConsistency(actual: number, trapezoid: number, f: number, before: boolean): boolean {
  const noise = SIGNIFICANT_CHANGE * Math.abs(f);
  if (Math.abs(actual) <= noise && Math.abs(trapezoid) <= noise) return before;
  return Math.abs(actual - trapezoid) <= 0.25 * Math.abs(trapezoid) + noise;
}

const SIGNIFICANT_CHANGE = 1e-8;

/** x + t·d */
export function moved(x: Float64Array, d: ArrayLike<number>, t: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i]! + t * d[i]!;
  return y;
}
