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
  stopped: 'stopped early by the caller',
};

/**
 * Records iteration states for one run and builds its result. `best` is the lowest value
 * (or lowest |value| for root finders), which is what a diverged run reports.
 */
export class Tracker<Extra extends object = object> {
  readonly history: IterationState[] = [];
  best: IterationState | undefined;
  /** Method-specific result fields, computed at the point being reported. */
  extras: ((state: IterationState) => Extra) | undefined;

  /**
   * @param counter the run's evaluation count: a function, or an object whose
   *   `evaluations` property is read (an evaluator; saves a closure per run).
   */
  constructor(
    readonly method: string,
    private readonly counter: (() => number) | { readonly evaluations: number },
    private readonly rankBy: 'value' | 'abs' = 'value',
  ) {}

  private evaluations(): number {
    const counter = this.counter;
    return typeof counter === 'function' ? counter() : counter.evaluations;
  }

  get last(): IterationState | undefined {
    return this.history[this.history.length - 1];
  }

  record(x: Float64Array, value: number, gradientNorm: number, previous?: Float64Array, detail?: IterationDetail): IterationState {
    // Callers pass their working buffers: the state gets its own copies, safe to keep.
    let step: Float64Array | undefined;
    if (previous !== undefined) {
      step = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) step[i] = x[i]! - previous[i]!;
    }
    const state: IterationState = { iteration: this.history.length, x: x.slice(), value, gradientNorm, evaluations: this.evaluations(), step, detail };
    this.history.push(state);
    if (Number.isFinite(value)) {
      const best = this.best;
      if (best === undefined || (this.rankBy === 'abs' ? Math.abs(value) < Math.abs(best.value) : value < best.value)) this.best = state;
    }
    return state;
  }

  finish(reason: StopReason, detail = ''): OptimizationResult & Extra {
    const last = this.last;
    if (last === undefined) throw new Error(`${this.method}: internal error, no iteration was recorded`);
    const useBest = reason === 'diverged' && this.best !== undefined;
    const at = useBest ? this.best! : last;
    const iterations = last.iteration;
    let message = `${this.method}: ${REASON_TEXT[reason]} after ${iterations} iteration${iterations === 1 ? '' : 's'}`;
    if (detail !== '') message += ` (${detail})`;
    if (useBest) message += `; x is the best point so far (iteration ${at.iteration}, value ${at.value.toPrecision(6)})`;
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
