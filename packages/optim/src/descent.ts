/** The loop every gradient-based minimiser shares: tolerances, divergence, history. */
import type { ScalarEvaluator } from './evaluate.js';
import { allFinite, norm } from './linalg.js';
import { smallStep, Tracker } from './run.js';
import type { DescentOptions, IterationDetail, IterationState, OptimizationResult, StopReason } from './types.js';
import { nonNegativeNumber, positiveInteger, positiveNumber } from './validate.js';

export interface ResolvedDescentOptions {
  readonly maxIterations: number;
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

export type StepOutcome = (Point & { readonly detail?: IterationDetail }) | { readonly stop: StopReason; readonly why?: string };

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

export function* descentLoop(
  tracker: Tracker,
  ev: ScalarEvaluator,
  x0: Float64Array,
  opts: ResolvedDescentOptions,
  stepper: Stepper,
): Generator<IterationState, OptimizationResult, undefined> {
  const start = ev.valueAndGradient(x0);
  let current: Point = { x: x0, value: start.value, gradient: start.gradient };
  yield tracker.record(current.x, current.value, norm(current.gradient));
  const bad = divergence(current, undefined, opts.divergenceLimit);
  if (bad !== undefined) return tracker.finish('diverged', `at the start ${bad}`);
  if (norm(current.gradient) <= opts.gradientTolerance) return tracker.finish('gradient-tolerance');
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
    if (gradientNorm <= opts.gradientTolerance) return tracker.finish('gradient-tolerance');
    const step = current.x.map((v, i) => v - previous.x[i]!);
    if (smallStep(step, current.x, opts.stepTolerance)) return tracker.finish('step-tolerance');
    if (opts.valueTolerance > 0 && Math.abs(current.value - previous.value) <= opts.valueTolerance * (1 + Math.abs(current.value))) {
      return tracker.finish('value-tolerance');
    }
  }
  return tracker.finish('max-iterations');
}

/** x + t·d */
export function moved(x: Float64Array, d: ArrayLike<number>, t: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i]! + t * d[i]!;
  return y;
}
