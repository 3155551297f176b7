import { jit, scalar, Tensor, valueAndGrad } from '@slope/autodiff';
import { type JitChoice, jitChoice, LazyProgram } from './compiled.js';
import { rejectUnknownOptions } from './options.js';
import { DEFAULT_HISTORY_LIMIT, OptimizationRun, Tracker } from './run.js';
import type { IterationState, OptimizationResult } from './types.js';
import { finiteScalar, historyLimit, nonNegativeNumber, optionalFunction, positiveInteger, positiveNumber, requireFunction } from './validate.js';

/**
 * Options for {@link newtonRaphson}.
 *
 * @example
 * ```ts
 * const opts: NewtonRaphsonOptions = { derivative: (x) => 3 * x * x - 2, maxIterations: 20 };
 * ```
 */
export interface NewtonRaphsonOptions {
  /** f′ by hand. When given, f is called with plain numbers; otherwise with scalar Tensors and f′ comes from autodiff. */
  readonly derivative?: (x: number) => number;
  /** Iteration budget. Default 100. */
  readonly maxIterations?: number;
  /** The most states `history` keeps (at least 2); longer runs keep an evenly thinned selection. Default 10 000. */
  readonly historyLimit?: number;
  /** Stop when |f(x)| ≤ this. Default 1e-12. */
  readonly valueTolerance?: number;
  /** Stop when |Δx| ≤ this · (1 + |x|). Default 1e-12. */
  readonly stepTolerance?: number;
  /** Diverged when |x| > this · (1 + |x₀|). Default 1e12. */
  readonly divergenceLimit?: number;
  /** Two iterates closer than this · (1 + |x|) (without converging) mark a cycle. Default 1e-9. */
  readonly cycleTolerance?: number;
  /** Run the derivatives taken from `@slope/autodiff` as `jit` programs (default true); see {@link DescentOptions.jit} for when to pass false. */
  readonly jit?: boolean;
}

/**
 * The Newton–Raphson result: `x` has length 1, `root` is the same number, `value` is f(x)
 * and `gradientNorm` is |f′(x)|.
 *
 * @example
 * ```ts
 * const { root, converged } = newtonRaphson((x) => x * x - 2, 1, { derivative: (x) => 2 * x });
 * ```
 */
export interface NewtonRaphsonResult extends OptimizationResult {
  readonly root: number;
}

/** A 1-D function: plain numbers (with `derivative` supplied) or scalar Tensors (autodiff). */
export type ScalarFunction = ((x: number) => number) | ((x: Tensor) => Tensor);

const LONGEST_CYCLE = 8;
const OPTION_KEYS = ['derivative', 'maxIterations', 'historyLimit', 'valueTolerance', 'stepTolerance', 'divergenceLimit', 'cycleTolerance', 'jit'] as const;

/** What a user function returned, for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value == null) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}

function evaluator(method: string, f: ScalarFunction, derivative: ((x: number) => number) | undefined, choice: JitChoice) {
  if (derivative !== undefined) {
    const plain = f as (x: number) => number;
    return (x: number) => {
      const value: unknown = plain(x);
      if (typeof value !== 'number') throw new TypeError(`${method}: f returned ${describe(value)} at x = ${x}; expected a number`);
      const slope: unknown = derivative(x);
      if (typeof slope !== 'number') throw new TypeError(`${method}: option "derivative" returned ${describe(slope)} at x = ${x}; expected a number`);
      return { value, slope };
    };
  }
  const tensorFn = (x: Tensor): Tensor => {
    const out = (f as (x: Tensor) => Tensor | number)(x);
    if (!(out instanceof Tensor)) {
      throw new TypeError(`${method}: f returned ${describe(out)}, so f′ cannot come from autodiff; return a Tensor or supply option "derivative"`);
    }
    return out;
  };
  const vg = valueAndGrad(tensorFn);
  // f as jit traces it: anything but a size-1 Tensor is left to the eager path, which reports it.
  const traced = (x: Tensor): Tensor => {
    const out = (f as (x: Tensor) => Tensor | number)(x);
    if (!(out instanceof Tensor) || out.size !== 1) throw new TypeError('not a scalar Tensor: left to the eager path');
    return out;
  };
  const compiled = new LazyProgram(choice, 'valueAndDerivative', [], () => jit(valueAndGrad(traced)).lower(scalar(0)));
  const input = [new Float64Array(1)];
  const outputs = [new Float64Array(1), new Float64Array(1)];
  return (x: number) => {
    const program = compiled.get();
    if (program != null) {
      input[0]![0] = x;
      program.run(input, outputs);
      return { value: outputs[0]![0]!, slope: outputs[1]![0]! };
    }
    const [v, g] = vg(scalar(x));
    return { value: v.item(), slope: (g as Tensor).item() };
  };
}

/** Step reversals in the last half of the run: many reversals without convergence is oscillation. */
function keepsBouncing(history: readonly IterationState[]): boolean {
  const steps = history.slice(Math.floor(history.length / 2)).map((s) => s.step?.[0] ?? 0);
  let reversals = 0;
  for (let i = 1; i < steps.length; i++) if (steps[i]! * steps[i - 1]! < 0) reversals++;
  return steps.length >= 4 && reversals >= steps.length / 4;
}

/**
 * Newton–Raphson iterations `x ← x − f(x)/f′(x)` as a generator of states.
 *
 * @example
 * ```ts
 * const f = (x: number) => x ** 3 - 2 * x + 2;
 * for (const s of newtonRaphsonSteps(f, -2, { derivative: (x) => 3 * x * x - 2 })) console.log(s.x[0]);
 * ```
 */
export function newtonRaphsonSteps(
  f: (x: number) => number,
  x0: number,
  options: NewtonRaphsonOptions & { readonly derivative: (x: number) => number },
): OptimizationRun<NewtonRaphsonResult>;
export function newtonRaphsonSteps(f: (x: Tensor) => Tensor, x0: number, options?: NewtonRaphsonOptions): OptimizationRun<NewtonRaphsonResult>;
export function newtonRaphsonSteps(f: ScalarFunction, x0: number, options: NewtonRaphsonOptions = {}): OptimizationRun<NewtonRaphsonResult> {
  const method = 'newtonRaphson';
  requireFunction(method, 'f', f);
  rejectUnknownOptions(method, options, OPTION_KEYS);
  const start = finiteScalar(method, 'x0', x0);
  const derivative = optionalFunction<(x: number) => number>(method, 'derivative', options.derivative);
  const maxIterations = positiveInteger(method, 'maxIterations', options.maxIterations, 100);
  const valueTolerance = nonNegativeNumber(method, 'valueTolerance', options.valueTolerance, 1e-12);
  const stepTolerance = nonNegativeNumber(method, 'stepTolerance', options.stepTolerance, 1e-12);
  const divergenceLimit = positiveNumber(method, 'divergenceLimit', options.divergenceLimit, 1e12);
  const cycleTolerance = nonNegativeNumber(method, 'cycleTolerance', options.cycleTolerance, 1e-9);
  const evalAt = evaluator(method, f, derivative, jitChoice(method, f, options));
  let evaluations = 0;
  const tracker = new Tracker<{ root: number }>(method, () => evaluations, 'abs', historyLimit(method, options.historyLimit, DEFAULT_HISTORY_LIMIT));
  tracker.extras = (s) => ({ root: s.x[0]! });
  const at = (x: number) => {
    evaluations++;
    return evalAt(x);
  };

  function* iterate(): Generator<IterationState, NewtonRaphsonResult, undefined> {
    // The last few iterates, for the cycle test (the history may be thinned).
    const recent: number[] = [];
    let x = start;
    let { value, slope } = at(x);
    yield tracker.record(Float64Array.of(x), value, Math.abs(slope));
    if (!Number.isFinite(value)) return tracker.finish('diverged', `f(x₀) = ${value}`);
    if (Math.abs(value) <= valueTolerance) return tracker.finish('value-tolerance');
    for (let i = 1; i <= maxIterations; i++) {
      if (slope === 0 || !Number.isFinite(slope)) return tracker.finish('singular', `f′(${x}) = ${slope}`);
      const next = x - value / slope;
      const previous = x;
      recent.push(x);
      if (recent.length > LONGEST_CYCLE) recent.shift();
      x = next;
      ({ value, slope } = at(x));
      yield tracker.record(Float64Array.of(x), value, Math.abs(slope), Float64Array.of(previous));
      if (!Number.isFinite(x) || !Number.isFinite(value)) return tracker.finish('diverged', `f(${x}) = ${value}`);
      if (Math.abs(x) > divergenceLimit * (1 + Math.abs(start))) return tracker.finish('diverged', `|x| grew to ${Math.abs(x).toPrecision(3)}`);
      if (Math.abs(value) <= valueTolerance) return tracker.finish('value-tolerance');
      if (Math.abs(x - previous) <= stepTolerance * (1 + Math.abs(x))) return tracker.finish('step-tolerance');
      for (let p = 2; p <= LONGEST_CYCLE && p <= recent.length; p++) {
        const earlier = recent[recent.length - p]!;
        if (Math.abs(x - earlier) <= cycleTolerance * (1 + Math.abs(x))) {
          return tracker.finish('oscillating', `x returned to ${earlier} after ${p} steps: a cycle of period ${p}`);
        }
      }
    }
    if (keepsBouncing(tracker.history)) return tracker.finish('oscillating', 'the steps keep changing direction');
    return tracker.finish('max-iterations');
  }
  return new OptimizationRun(iterate(), tracker as Tracker);
}

/**
 * Finds a root of a 1-D function by Newton–Raphson. Pass `derivative` to work with plain
 * numbers; without it f takes and returns scalar Tensors and f′ comes from autodiff.
 * Reasons: `'value-tolerance'`, `'step-tolerance'`, `'max-iterations'`, `'diverged'`,
 * `'oscillating'` (a cycle, or bouncing until the budget runs out), `'singular'` (f′ = 0).
 *
 * @example
 * ```ts
 * const r = newtonRaphson((x) => x ** 3 - 2 * x + 2, -2, { derivative: (x) => 3 * x * x - 2 });
 * r.root; // ≈ -1.76929235
 * newtonRaphson((x) => x ** 3 - 2 * x + 2, 0, { derivative: (x) => 3 * x * x - 2 }).reason; // 'oscillating'
 * ```
 */
export function newtonRaphson(
  f: (x: number) => number,
  x0: number,
  options: NewtonRaphsonOptions & { readonly derivative: (x: number) => number },
): NewtonRaphsonResult;
export function newtonRaphson(f: (x: Tensor) => Tensor, x0: number, options?: NewtonRaphsonOptions): NewtonRaphsonResult;
export function newtonRaphson(f: ScalarFunction, x0: number, options: NewtonRaphsonOptions = {}): NewtonRaphsonResult {
  return (newtonRaphsonSteps as (f: ScalarFunction, x0: number, o: NewtonRaphsonOptions) => OptimizationRun<NewtonRaphsonResult>)(f, x0, options).finish();
}
