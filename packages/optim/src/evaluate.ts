/**
 * Turns user functions (Tensor objectives, supplied derivatives) into plain Float64Array
 * evaluators with an evaluation counter. Derivatives not supplied come from @slope/autodiff:
 * through `jit` programs by default (compiled.ts), eagerly with `jit: false` or when the
 * function cannot be traced; both give the same results to rounding.
 */
import { hessian as adHessian, jacobian as adJacobian, jit, noGrad, reshape, Tensor, valueAndGrad } from '@slope/autodiff';
import { type JitChoice, LazyProgram, outputBuffers } from './compiled.js';
import type { GradientFunction, MatrixFunction, Objective, VectorFunction } from './types.js';
import { checkLength } from './validate.js';

export interface ScalarEvaluator {
  readonly n: number;
  evaluations: number;
  valueAndGradient(x: Float64Array): { value: number; gradient: Float64Array };
}

function scalarOf(method: string, out: Tensor | number): number {
  if (typeof out === 'number') return out;
  if (!(out instanceof Tensor)) {
    throw new TypeError(`${method}: the objective must return a number or a size-1 Tensor, got ${typeof out}`);
  }
  if (out.size !== 1) {
    throw new TypeError(`${method}: the objective must return a scalar, got a Tensor of shape [${out.shape.join(', ')}]`);
  }
  return out.data[0]!;
}

/** Wraps f so autodiff sees a Tensor-valued function, with a clear error for plain-number objectives. */
function tensorValued(method: string, f: Objective, missing: string): (x: Tensor) => Tensor {
  return (x: Tensor) => {
    const out = f(x);
    if (typeof out === 'number') {
      throw new TypeError(
        `${method}: the objective returned a plain number, so ${missing} cannot come from autodiff; return a Tensor or supply option "${missing}"`,
      );
    }
    return out;
  };
}

/**
 * f as jit traces it: a size-1 Tensor result, or a throw that sends the run to the eager path,
 * which then accepts (a plain number where no gradient is needed) or reports it in its words.
 */
function tracedScalar(f: Objective): (x: Tensor) => Tensor {
  return (x: Tensor) => {
    const out = f(x);
    if (!(out instanceof Tensor) || out.size !== 1) throw new TypeError('not a scalar Tensor: left to the eager path');
    return out;
  };
}

/** F as jit traces it, flattened to [m]; anything but a Tensor result is left to the eager path. */
function tracedVector(F: VectorFunction): (x: Tensor) => Tensor {
  return (x: Tensor) => {
    const out = F(x);
    if (!(out instanceof Tensor)) throw new TypeError('not a Tensor: left to the eager path');
    return reshape(out, [out.size]);
  };
}

/**
 * The Tensor argument a user function receives: a private copy of x (so the function can
 * neither see later changes nor corrupt the run) wrapped by the constructor directly, which
 * is what `tensor(x, [n])` ends up doing after a second copy and a reshape.
 */
function argument(x: Float64Array, shape: readonly number[]): Tensor {
  return new Tensor(x.slice(), shape);
}

/** A copy of a vector as a Float64Array; typed arrays and arrays take the fast paths. */
function copyOf(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values.slice() : new Float64Array(values);
}

/**
 * Calls f(x) under `noGrad`, with x passed as a private Tensor copy of shape `shape`.
 * `noGrad` takes a thunk; instead of a closure per call, each evaluator owns one of these,
 * whose thunk is made once and reads the argument from the caller's own slot (taken out
 * before the call, so a nested run inside the user's function starts from an empty slot).
 * Nothing is shared between runs.
 */
class NoGradCall<R> {
  private pending: Tensor | undefined = undefined;
  private readonly thunk: () => R;

  constructor(
    f: (x: Tensor) => R,
    private readonly shape: readonly number[],
  ) {
    this.thunk = () => {
      const x = this.pending!;
      this.pending = undefined;
      return f(x);
    };
  }

  call(x: Float64Array): R {
    this.pending = argument(x, this.shape);
    return noGrad(this.thunk);
  }
}

export function scalarEvaluator(method: string, f: Objective, n: number, gradient?: GradientFunction, choice?: JitChoice): ScalarEvaluator {
  const shape = [n];
  const withGradient = gradient === undefined ? valueAndGrad(tensorValued(method, f, 'gradient')) : undefined;
  const compiled = new LazyProgram(gradient === undefined ? choice : undefined, 'valueAndGradient', shape, () => jit(valueAndGrad(tracedScalar(f))).lower(new Float64Array(n)));
  // The compiled program's buffers, owned by this run: `[x]` and `[value, gradient]`.
  const inputs: Float64Array[] = [];
  let outputs: Float64Array[] | undefined;
  const caller = new NoGradCall(f, shape);
  const ev: ScalarEvaluator = {
    n,
    evaluations: 0,
    valueAndGradient(x) {
      ev.evaluations++;
      if (gradient !== undefined) {
        const value = scalarOf(method, caller.call(x));
        const g = gradient(x);
        checkLength(method, 'the gradient', g.length, n);
        return { value, gradient: copyOf(g) };
      }
      const program = compiled.get();
      if (program != null) {
        outputs ??= outputBuffers(program);
        inputs[0] = x;
        program.run(inputs, outputs);
        return { value: outputs[0]![0]!, gradient: outputs[1]!.slice() };
      }
      const [v, g] = withGradient!(argument(x, shape));
      const grad = g as Tensor;
      return { value: scalarOf(method, v), gradient: grad.data.slice() };
    },
  };
  return ev;
}

/** Reads a supplied matrix (rows or flat row-major) into an m×n Float64Array. */
export function toMatrix(method: string, what: string, raw: readonly ArrayLike<number>[] | ArrayLike<number>, m: number, n: number): Float64Array {
  // Read-only use downstream, so a flat Float64Array of the right size is taken as is.
  if (raw instanceof Float64Array && raw.length === m * n) return raw;
  const out = new Float64Array(m * n);
  const first = (raw as ArrayLike<unknown>)[0];
  if (typeof first === 'number' || raw.length === 0) {
    checkLength(method, `${what} (flat, row-major)`, raw.length, m * n);
    out.set(raw as ArrayLike<number>);
    return out;
  }
  const rows = raw as readonly ArrayLike<number>[];
  checkLength(method, `${what}'s row count`, rows.length, m);
  for (let i = 0; i < m; i++) {
    const row = rows[i]!;
    checkLength(method, `${what}'s row ${i}`, row.length, n);
    for (let j = 0; j < n; j++) out[i * n + j] = row[j]!;
  }
  return out;
}

export function hessianEvaluator(method: string, f: Objective, n: number, supplied?: MatrixFunction, choice?: JitChoice): (x: Float64Array) => Float64Array {
  if (supplied !== undefined) return (x) => toMatrix(method, 'the Hessian', supplied(x), n, n);
  const h = adHessian(tensorValued(method, f, 'hessian'));
  const shape = [n];
  const compiled = new LazyProgram(choice, 'hessian', shape, () => jit(adHessian(tracedScalar(f))).lower(new Float64Array(n)));
  const inputs: Float64Array[] = [];
  return (x) => {
    const program = compiled.get();
    if (program != null) {
      inputs[0] = x;
      // Callers keep the matrix, so each call gets its own output buffer.
      const out = program.run(inputs)[0]!;
      checkLength(method, 'the Hessian', out.length, n * n);
      return out;
    }
    const out = h(argument(x, shape));
    checkLength(method, 'the Hessian', out.size, n * n);
    return out.data.slice();
  };
}

export interface VectorEvaluator {
  readonly n: number;
  evaluations: number;
  /** F(x) as a fresh Float64Array the caller owns. */
  values(x: Float64Array): Float64Array;
  /**
   * F(x) as the function returned it (a Float64Array, a Tensor's data or a plain array),
   * not copied: read it before the next call and never keep or modify it.
   */
  valuesView(x: Float64Array): ArrayLike<number>;
  /** The m×n Jacobian, row-major. */
  jacobian(x: Float64Array, m: number): Float64Array;
}

function vectorView(method: string, out: Tensor | ArrayLike<number>): ArrayLike<number> {
  if (out instanceof Float64Array) return out;
  if (out instanceof Tensor) return out.data;
  if (out == null || typeof out !== 'object' || typeof out.length !== 'number') {
    throw new TypeError(`${method}: the function must return a Tensor or an array of numbers, got ${typeof out}`);
  }
  return out;
}

export function vectorEvaluator(method: string, F: VectorFunction, n: number, supplied?: MatrixFunction, choice?: JitChoice): VectorEvaluator {
  const jac =
    supplied === undefined
      ? adJacobian((x: Tensor) => {
          const out = F(x);
          if (!(out instanceof Tensor)) {
            throw new TypeError(
              `${method}: the function returned plain numbers, so the Jacobian cannot come from autodiff; return a Tensor or supply option "jacobian"`,
            );
          }
          return reshape(out, [out.size]);
        })
      : undefined;
  const shape = [n];
  // Without a supplied Jacobian both F and J are compiled; with one, F stays the user's own call.
  const jitChoice = supplied === undefined ? choice : undefined;
  const compiledValues = new LazyProgram(jitChoice, 'residuals', shape, () => jit(tracedVector(F)).lower(new Float64Array(n)));
  const compiledJacobian = new LazyProgram(jitChoice, 'jacobian', shape, () => jit(adJacobian(tracedVector(F))).lower(new Float64Array(n)));
  const inputs: Float64Array[] = [];
  let outputs: Float64Array[] | undefined;
  const caller = new NoGradCall(F, shape);
  const ev: VectorEvaluator = {
    n,
    evaluations: 0,
    values(x) {
      return copyOf(ev.valuesView(x));
    },
    valuesView(x) {
      ev.evaluations++;
      const program = compiledValues.get();
      if (program != null) {
        outputs ??= outputBuffers(program);
        inputs[0] = x;
        return program.run(inputs, outputs)[0]!;
      }
      return vectorView(method, caller.call(x));
    },
    jacobian(x, m) {
      if (supplied !== undefined) return toMatrix(method, 'the Jacobian', supplied(x), m, n);
      const program = compiledJacobian.get();
      if (program != null) {
        inputs[0] = x;
        // Callers may keep J while evaluating F again, so each call gets its own output buffer.
        const out = program.run(inputs)[0]!;
        checkLength(method, 'the Jacobian', out.length, m * n);
        return out;
      }
      const out = jac!(argument(x, shape));
      checkLength(method, 'the Jacobian', out.size, m * n);
      return out.data.slice();
    },
  };
  return ev;
}
