import { norm } from './linalg.js';
import type { IterationDetail, IterationState, OptimizationResult, StopReason } from './types.js';

const CONVERGED: ReadonlySet<StopReason> = new Set(['gradient-tolerance', 'step-tolerance', 'value-tolerance']);

const REASON_TEXT: Record<StopReason, string> = {
  'gradient-tolerance': 'converged (gradient tolerance)',
  'step-tolerance': 'converged (step tolerance)',
  'value-tolerance': 'converged (value tolerance)',
  'max-iterations': 'stopped at the iteration limit without converging',
  diverged: 'diverged',
  oscillating: 'oscillating without settling',
  singular: 'stopped: singular matrix',
  'line-search-failed': 'stopped: the line search found no decrease',
  stalled: 'stalled before reaching a minimum',
  'rank-deficient': 'stopped at a minimum of χ² where the parameters are not all determined',
  infeasible: 'stopped at a point that violates the constraints',
  stopped: 'stopped early by the caller',
};

/** Reasons whose result reports the best point seen rather than the last one. */
const REPORTS_BEST: ReadonlySet<StopReason> = new Set(['diverged', 'stalled']);

/** The default of every method's `historyLimit` option. */
export const DEFAULT_HISTORY_LIMIT = 10_000;

/**
 * Records iteration states for one run and builds its result. `best` is the lowest value
 * (or lowest |value| for root finders), which is what a diverged or stalled run reports.
 *
 * Memory stays bounded however long a run is: `history` keeps at most `historyLimit` states.
 * When it is full, every other kept state is dropped (the start always stays) and from then
 * on only every second, fourth, … iteration is kept, so the history still spans the whole run
 * at an even spacing; the latest state is always available as `last` and ends the history of
 * a finished run.
 */
export class Tracker<Extra extends object = object> {
  readonly history: IterationState[] = [];
  best: IterationState | undefined;
  /** The most recent state (kept even when thinning left it out of `history`). */
  last: IterationState | undefined;
  /** Method-specific result fields, computed at the point being reported. */
  extras: ((state: IterationState) => Extra) | undefined;
  /** Iterations between two kept states (a power of two). */
  private stride = 1;
  private recorded = 0;

  /**
   * @param counter the run's evaluation count: a function, or an object whose
   *   `evaluations` property is read (an evaluator; saves a closure per run).
   * @param historyLimit the most states `history` keeps (at least 2).
   */
  constructor(
    readonly method: string,
    private readonly counter: (() => number) | { readonly evaluations: number },
    private readonly rankBy: 'value' | 'abs' = 'value',
    private readonly historyLimit = DEFAULT_HISTORY_LIMIT,
  ) {}

  private evaluations(): number {
    const counter = this.counter;
    return typeof counter === 'function' ? counter() : counter.evaluations;
  }

  /** States recorded so far (the next state's iteration number). */
  get count(): number {
    return this.recorded;
  }

  record(x: Float64Array, value: number, gradientNorm: number, previous?: Float64Array, detail?: IterationDetail): IterationState {
    // Callers pass their working buffers: the state gets its own copies, safe to keep.
    let step: Float64Array | undefined;
    if (previous !== undefined) {
      step = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) step[i] = x[i]! - previous[i]!;
    }
    const iteration = this.recorded++;
    const state: IterationState = { iteration, x: x.slice(), value, gradientNorm, evaluations: this.evaluations(), step, detail };
    this.last = state;
    if (iteration % this.stride === 0) {
      this.history.push(state);
      if (this.history.length > this.historyLimit) this.thin();
    }
    if (Number.isFinite(value)) {
      const best = this.best;
      if (best === undefined || (this.rankBy === 'abs' ? Math.abs(value) < Math.abs(best.value) : value < best.value)) this.best = state;
    }
    return state;
  }

  /** Keeps the states at multiples of twice the stride (the start among them). */
  private thin(): void {
    this.stride *= 2;
    const kept = this.history.filter((s) => s.iteration % this.stride === 0);
    this.history.length = 0;
    this.history.push(...kept);
  }

  finish(reason: StopReason, detail = ''): OptimizationResult & Extra {
    const last = this.last;
    if (last === undefined) throw new Error(`${this.method}: internal error, no iteration was recorded`);
    if (this.history[this.history.length - 1] !== last) this.history.push(last);
    const useBest = REPORTS_BEST.has(reason) && this.best !== undefined && this.best !== last;
    const at = useBest ? this.best! : last;
    const iterations = last.iteration;
    let message = `${this.method}: ${REASON_TEXT[reason]} after ${iterations} iteration${iterations === 1 ? '' : 's'}`;
    if (detail !== '') message += ` (${detail})`;
    if (useBest) message += `; x is the best point so far (iteration ${at.iteration}, value ${at.value.toPrecision(6)})`;
    else if (REPORTS_BEST.has(reason)) message += `; x is the best point so far`;
    const base: OptimizationResult = {
      x: at.x.slice(),
      value: at.value,
      gradientNorm: at.gradientNorm,
      iterations,
      evaluations: this.evaluations(),
      converged: CONVERGED.has(reason),
      reason,
      message,
      history: this.history,
    };
    // base is fresh, so the extras are added to it in place (same key order as a spread).
    return Object.assign(base, this.extras === undefined ? ({} as Extra) : this.extras(at));
  }
}

/**
 * A step-by-step run: iterate it for the states (to animate or show progress), stop any
 * time, and ask for the result. `finish()` runs to the end.
 *
 * @example
 * ```ts
 * const run = steepestDescentSteps((x) => x.square().sum(), [3, 4], { step: 0.1 });
 * for (const state of run) if (state.iteration === 5) break;
 * run.result().reason; // 'stopped'
 * run.finish().reason; // still 'stopped': a broken-off run stays stopped
 * ```
 */
export class OptimizationRun<R extends OptimizationResult = OptimizationResult> implements IterableIterator<IterationState> {
  readonly #generator: Generator<IterationState, R, undefined>;
  readonly #tracker: Tracker;
  #final: R | undefined;

  /** @internal Methods construct runs; callers get them from the `…Steps` functions. */
  constructor(generator: Generator<IterationState, R, undefined>, tracker: Tracker) {
    this.#generator = generator;
    this.#tracker = tracker;
  }

  next(): IteratorResult<IterationState, undefined> {
    if (this.#final !== undefined) return { done: true, value: undefined };
    const step = this.#generator.next();
    if (step.done === true) {
      this.#final = step.value;
      return { done: true, value: undefined };
    }
    return { done: false, value: step.value };
  }

  /** Called by `break` in a for…of: the run ends with reason `'stopped'`. */
  return(): IteratorResult<IterationState, undefined> {
    if (this.#final === undefined) {
      if (this.#tracker.last === undefined) this.next();
      this.#final ??= this.#tracker.finish('stopped') as R;
      this.#generator.return(this.#final);
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** True once the run has ended (converged, failed, or stopped). */
  get done(): boolean {
    return this.#final !== undefined;
  }

  /** The states so far. */
  get history(): readonly IterationState[] {
    return this.#tracker.history;
  }

  /** The final result if the run has ended, otherwise the result at the latest state (`reason: 'stopped'`). */
  result(): R {
    if (this.#final !== undefined) return this.#final;
    if (this.#tracker.last === undefined) this.next();
    return this.#final ?? (this.#tracker.finish('stopped') as R);
  }

  /** Runs to the end and returns the final result. */
  finish(): R {
    // Drives the generator directly: no wrapper iterator result per step.
    while (this.#final === undefined) {
      const step = this.#generator.next();
      if (step.done === true) this.#final = step.value;
    }
    return this.#final;
  }
}

/** Relative step test shared by every method. */
export function smallStep(step: ArrayLike<number>, x: ArrayLike<number>, tolerance: number): boolean {
  return norm(step) <= tolerance * (1 + norm(x));
}
