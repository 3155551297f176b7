/**
 * Compiled derivative programs of user functions, kept across runs. When a method takes a
 * derivative from @slope/autodiff, it evaluates a `jit` program of it: traced once, then
 * straight-line code over Float64Arrays, with no tensors or tape per call.
 */
import type { CompiledFunction } from '@slope/autodiff';
import { booleanOption } from './validate.js';

/** Whether a run compiles the derivatives it takes from autodiff, and what it keys them on. */
export interface JitChoice {
  /** The `jit` option (default true): false evaluates every call eagerly through autodiff. */
  readonly enabled: boolean;
  /** The user's own function: a wrapper made per run would never be found again. */
  readonly owner: object;
  /** What else, beyond the program's form and input shape, the traced function depends on (sgd's full batch). */
  readonly variant?: string;
}

/** Distinct programs (forms × input shapes) kept per user function; the oldest goes first beyond this. */
const PROGRAMS_PER_FUNCTION = 16;

// Why module-level state, in a package that has none otherwise: tracing and compiling costs
// 1–3 ms per program, while a small fit takes microseconds, so a program made per run would
// cost a fit hundreds of times what jit saves it. A program is a pure function of (the user's
// function, the derivative form, the input shape), so it is memoised on exactly that key, in
// a WeakMap keyed by the user's function object: an entry lives as long as the user keeps the
// function, nothing can enumerate or reach it, and runs never write into it beyond adding
// programs (each run passes its own buffers to `run`, which keeps none between calls). The
// one thing a user can notice is JAX's caveat: values a function captures (closed-over
// tensors, numbers, arrays it reads while tracing) are frozen into the program when it is
// first traced; `jit: false` opts out (see the README).
const programs: WeakMap<object, Map<string, CompiledFunction | null>> = new WeakMap();

/**
 * The program `lower` makes for `owner` under `key`, traced at most once per key. Any failure
 * while tracing — a {@link TracerError} because the function reads values (`x.data`, `.item()`),
 * a plain number returned, a thrown user error — gives null, remembered too: the caller then
 * evaluates eagerly, which behaves exactly as without jit (and raises the user's own error, if
 * it was one, from the eager call).
 */
export function compiledProgram(owner: object, key: string, lower: () => CompiledFunction): CompiledFunction | null {
  let forOwner = programs.get(owner);
  const known = forOwner?.get(key);
  if (known !== undefined) return known;
  let program: CompiledFunction | null;
  try {
    program = lower();
  } catch {
    program = null;
  }
  if (forOwner === undefined) {
    forOwner = new Map();
    programs.set(owner, forOwner);
  }
  if (forOwner.size >= PROGRAMS_PER_FUNCTION) forOwner.delete(forOwner.keys().next().value!);
  forOwner.set(key, program);
  return program;
}

/**
 * One program of an evaluator, lowered on its first evaluation (so a run that never evaluates
 * traces nothing, and a function that cannot be traced is found out where the eager path
 * would first call it). `get()` is null when the run evaluates eagerly.
 */
export class LazyProgram {
  private program: CompiledFunction | null | undefined;

  /**
   * @param form - what the program computes ('valueAndGradient', 'hessian', 'residuals', 'jacobian'…)
   * @param shape - the shape of the input the program is lowered for
   * @param lower - traces and compiles it (`jit(…).lower(example)`)
   */
  constructor(
    private readonly choice: JitChoice | undefined,
    private readonly form: string,
    private readonly shape: readonly number[],
    private readonly lower: () => CompiledFunction,
  ) {
    this.program = choice?.enabled === true ? undefined : null;
  }

  get(): CompiledFunction | null {
    if (this.program === undefined) {
      const { owner, variant } = this.choice!;
      const key = `${this.form} [${this.shape.join(',')}]${variant === undefined ? '' : ` ${variant}`}`;
      this.program = compiledProgram(owner, key, this.lower);
    }
    return this.program;
  }
}

/** Zero-filled output buffers for one program's outputs, to pass to its `run`. */
export function outputBuffers(program: CompiledFunction): Float64Array[] {
  return program.outputShapes.map((shape) => new Float64Array(shape.reduce((a, b) => a * b, 1)));
}

/** Validates the `jit` option and keys the run's compiled programs on the user's own function `owner`. */
export function jitChoice(method: string, owner: object, options: { readonly jit?: boolean }, variant?: string): JitChoice {
  const enabled = booleanOption(method, 'jit', options.jit, true);
  return variant === undefined ? { enabled, owner } : { enabled, owner, variant };
}
