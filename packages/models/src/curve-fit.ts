import { compile, derivative, freeSymbols, parse, type Expr } from '@slope/symbolic';
import { checkXY } from './check-data.js';
import { fitLeastSquares, type FitReason, type LeastSquaresMethod } from './least-squares.js';

/**
 * A model written as code: the prediction at x for parameters p.
 *
 * @example
 * ```ts
 * const decay: ModelFunction = (x, p) => p[0]! * Math.exp(-p[1]! * x);
 * curveFit(decay, x, y, [1, 1]);
 * ```
 */
export type ModelFunction = (x: number, p: Float64Array) => number;

/**
 * Options for {@link curveFit}.
 *
 * @example
 * ```ts
 * curveFit('a*exp(-b*x)', x, y, { a: 1, b: 1 }, { sigma: errors, method: 'gauss-newton' });
 * ```
 */
export interface CurveFitOptions {
  /** Default 'levenberg-marquardt'. */
  readonly method?: LeastSquaresMethod;
  /** Measurement uncertainty σᵢ per point (or one for all): χ² = Σ (yᵢ − f(xᵢ))²/σᵢ². */
  readonly sigma?: number | ArrayLike<number>;
  /** Iteration budget; default 200. */
  readonly maxIterations?: number;
  /** The independent variable of an expression model; default 'x'. */
  readonly variable?: string;
}

/**
 * The result of {@link curveFit}.
 *
 * @example
 * ```ts
 * const { values, uncertainties, chiSquared } = curveFit('m*x + c', x, y, { m: 0, c: 0 });
 * ```
 */
export interface CurveFit {
  /** Fitted parameters, in the order of `names`. */
  readonly parameters: Float64Array;
  /** Parameter names: the expression's free symbols other than the variable (sorted), or p0's keys / 'p0', 'p1', … */
  readonly names: readonly string[];
  /** The parameters by name. */
  readonly values: Readonly<Record<string, number>>;
  /** χ² = Σ (yᵢ − f(xᵢ))²/σᵢ² (σᵢ = 1 without the sigma option). */
  readonly chiSquared: number;
  /**
   * Parameter covariance (JᵀWJ)⁻¹. With `sigma` it is absolute; without, it is scaled by
   * χ²/(n − p) as `scipy.optimize.curve_fit` does. Null when singular or n ≤ p without σ.
   */
  readonly covariance: number[][] | null;
  /** √diag(covariance), or null. */
  readonly uncertainties: Float64Array | null;
  /** yᵢ − f(xᵢ) (unweighted). */
  readonly residuals: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason: FitReason;
  /** Parameters after each accepted step, the start first. */
  readonly path: readonly Float64Array[];
  /** The fitted model at one point or elementwise. */
  predict(x: number): number;
  predict(x: ArrayLike<number>): Float64Array;
}

interface CompiledModel {
  readonly names: string[];
  readonly value: (x: number, p: Float64Array) => number;
  /** Writes ∂f/∂pⱼ into `out`. */
  readonly partials: (x: number, p: Float64Array, out: Float64Array, row: number) => void;
}

function fromExpression(model: string | Expr, variable: string): CompiledModel {
  const expr = typeof model === 'string' ? parse(model) : model;
  const names = freeSymbols(expr).filter((s) => s !== variable);
  if (names.length === 0) {
    throw new RangeError(`curveFit: the model ${JSON.stringify(String(expr))} has no parameters besides ${variable}; expected at least one free symbol`);
  }
  const vars = [variable, ...names];
  // One compiled function returns f and every ∂f/∂p, sharing subexpressions. `Expr` only
  // promises toString(), so an array also matches compile's single-expression overload;
  // name the vector overload explicitly.
  const compileMany: (exprs: readonly Expr[], vars: readonly string[]) => (values: ArrayLike<number>) => Float64Array = compile;
  const all = compileMany([expr, ...names.map((name) => derivative(expr, name))], vars);
  const n = names.length;
  const args = new Float64Array(n + 1);
  const at = (x: number, p: Float64Array) => {
    args[0] = x;
    args.set(p, 1);
    return all(args);
  };
  return {
    names,
    value: (x, p) => at(x, p)[0]!,
    partials: (x, p, out, row) => {
      const values = at(x, p);
      for (let j = 0; j < n; j++) out[row * n + j] = values[j + 1]!;
    },
  };
}

function fromFunction(model: ModelFunction, names: string[]): CompiledModel {
  const n = names.length;
  return {
    names,
    value: model,
    // Central differences with a step scaled to each parameter (≈ ∛ε relative).
    partials: (x, p, out, row) => {
      const q = Float64Array.from(p);
      for (let j = 0; j < n; j++) {
        const h = 6e-6 * Math.max(1, Math.abs(p[j]!));
        q[j] = p[j]! + h;
        const up = model(x, q);
        q[j] = p[j]! - h;
        const down = model(x, q);
        q[j] = p[j]!;
        out[row * n + j] = (up - down) / (2 * h);
      }
    },
  };
}

function startVector(names: string[] | null, p0: ArrayLike<number> | Readonly<Record<string, number>>): { names: string[]; start: Float64Array } {
  const isArray = typeof (p0 as ArrayLike<number>).length === 'number';
  if (isArray) {
    const values = Array.from(p0 as ArrayLike<number>);
    const resolved = names ?? values.map((_, i) => `p${i}`);
    if (values.length !== resolved.length) {
      throw new RangeError(`curveFit: p0 has ${values.length} values; expected ${resolved.length}, one for each of ${resolved.join(', ')}`);
    }
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new RangeError(`curveFit: p0[${i}] (${resolved[i]}) is ${String(v)}; expected a finite number`);
    });
    return { names: resolved, start: Float64Array.from(values) };
  }
  const record = p0 as Readonly<Record<string, number>>;
  const resolved = names ?? Object.keys(record);
  for (const key of Object.keys(record)) {
    if (!resolved.includes(key)) throw new RangeError(`curveFit: p0 names ${JSON.stringify(key)}, which is not a parameter; expected ${resolved.join(', ')}`);
  }
  const start = Float64Array.from(resolved, (name) => {
    const v = record[name];
    if (v === undefined || !Number.isFinite(v)) throw new RangeError(`curveFit: p0.${name} is ${String(v)}; expected a finite starting value`);
    return v;
  });
  if (start.length === 0) throw new RangeError('curveFit: p0 is empty; expected at least one parameter');
  return { names: resolved, start };
}

function sigmaVector(sigma: number | ArrayLike<number> | undefined, m: number): Float64Array | undefined {
  if (sigma === undefined) return undefined;
  const values = typeof sigma === 'number' ? new Float64Array(m).fill(sigma) : Float64Array.from(sigma);
  if (values.length !== m) throw new RangeError(`curveFit: option sigma has ${values.length} values; expected ${m}, one per point`);
  values.forEach((s, i) => {
    if (!(Number.isFinite(s) && s > 0)) throw new RangeError(`curveFit: option sigma[${i}] is ${String(s)}; expected a positive number`);
  });
  return values;
}

/**
 * Fit a model y = f(x; p) to data by non-linear least squares (course week 6):
 * χ² = Σ (yᵢ − f(xᵢ; p))²/σᵢ², minimised by Levenberg–Marquardt (default) or Gauss–Newton
 * from `@slope/optim`.
 *
 * The model is either an expression string such as `'a*exp(-b*x)'`, whose parameters are its
 * free symbols other than x (sorted), with exact partial derivatives from `@slope/symbolic`
 * compiled into one function; or a plain function `(x, p) => number`, differentiated by
 * central differences.
 *
 * @param p0 - starting values: an array in `names` order, or a record by name.
 * @throws RangeError for mismatched data, bad starting values or options; `ParseError` /
 *   `DifferentiationError` from `@slope/symbolic` for a bad expression.
 * @example
 * ```ts
 * const x = [0, 1, 2, 3, 4];
 * const y = x.map((t) => 3 * Math.exp(-0.5 * t));
 * const fit = curveFit('a*exp(-b*x)', x, y, { a: 1, b: 1 });
 * fit.values; // { a: 3, b: 0.5 } (to ~1e-10)
 * ```
 */
export function curveFit(
  model: string | Expr | ModelFunction,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  p0: ArrayLike<number> | Readonly<Record<string, number>>,
  options: CurveFitOptions = {},
): CurveFit {
  checkXY('curveFit(model, x, y, p0)', x, y, 1);
  const method = options.method ?? 'levenberg-marquardt';
  if (method !== 'gauss-newton' && method !== 'levenberg-marquardt') {
    throw new RangeError(`curveFit: option method must be 'gauss-newton' or 'levenberg-marquardt', got ${JSON.stringify(method)}`);
  }
  const maxIterations = options.maxIterations ?? 200;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`curveFit: option maxIterations must be a positive integer, got ${String(maxIterations)}`);
  }
  const variable = options.variable ?? 'x';
  let compiled: CompiledModel;
  let start: Float64Array;
  if (typeof model === 'function') {
    const resolved = startVector(null, p0);
    compiled = fromFunction(model as ModelFunction, resolved.names);
    start = resolved.start;
  } else {
    compiled = fromExpression(model, variable);
    start = startVector(compiled.names, p0).start;
  }
  const { names } = compiled;
  const m = x.length;
  const n = names.length;
  const sigma = sigmaVector(options.sigma, m);

  const residuals = (p: Float64Array) => Float64Array.from({ length: m }, (_, i) => y[i]! - compiled.value(x[i]!, p));
  const fit = fitLeastSquares({
    residuals,
    jacobian: (p) => {
      const j = new Float64Array(m * n);
      for (let i = 0; i < m; i++) compiled.partials(x[i]!, p, j, i);
      // Residuals are y − f, so ∂r/∂p = −∂f/∂p.
      return j.map((v) => -v);
    },
    p0: start,
    method,
    maxIterations,
    ...(sigma === undefined ? {} : { sigma }),
  });
  const parameters = fit.parameters;
  const r = residuals(parameters);
  const chiSquared = r.reduce((s, ri, i) => s + (sigma === undefined ? ri * ri : (ri / sigma[i]!) ** 2), 0);
  const covariance = fit.covariance?.map((row) => Array.from(row)) ?? null;
  const at = (xi: number) => compiled.value(xi, parameters);
  function predict(x: number): number;
  function predict(x: ArrayLike<number>): Float64Array;
  function predict(x: number | ArrayLike<number>): number | Float64Array {
    return typeof x === 'number' ? at(x) : Float64Array.from(x, at);
  }
  return {
    parameters,
    names,
    values: Object.fromEntries(names.map((name, i) => [name, parameters[i]!])),
    chiSquared,
    covariance,
    uncertainties: covariance == null ? null : Float64Array.from(covariance, (row, i) => Math.sqrt(row[i]!)),
    residuals: r,
    iterations: fit.iterations,
    converged: fit.converged,
    reason: fit.reason,
    path: fit.path,
    predict,
  };
}
