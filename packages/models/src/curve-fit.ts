import { leastSquares, type LeastSquaresMethod, type LeastSquaresResult } from '@slope/optim';
import { compile, derivative, freeSymbols, parse, type Expr } from '@slope/symbolic';
import type { FitReason } from './least-squares.js';
import { rejectUnknownOptions } from './options.js';

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
 * A model of several independent variables written as code: the prediction at one data
 * point, given as the values of the variables by name.
 *
 * @example
 * ```ts
 * const plane: MultiModelFunction = (v, p) => p[0]! * v.x! + p[1]! * v.y! + p[2]!;
 * const fit = curveFit(plane, { x: [0, 1, 0, 1], y: [0, 0, 1, 1] }, [1, 3, 4, 6], [0, 0, 0]);
 * console.log(fit.parameters); // ≈ [2, 3, 1]
 * ```
 */
export type MultiModelFunction = (point: Readonly<Record<string, number>>, p: Float64Array) => number;

/**
 * The independent variables of a fit: one column of numbers (the variable `x`, or the
 * `variable` option), or several named columns of equal length.
 *
 * @example
 * ```ts
 * const one: FitInputs = [0, 1, 2, 3];
 * const two: FitInputs = { x: [0, 1, 2, 3], y: [5, 3, 2, 2] };
 * console.log(curveFit('a*x + b', one, [1, 3, 5, 7], [0, 0]).values); // { a: 2, b: 1 }
 * console.log(curveFit('a*x + b*y', two, [5, 5, 6, 8], [0, 0]).values); // { a: 1, b: 1 }
 * ```
 */
export type FitInputs = ArrayLike<number> | Readonly<Record<string, ArrayLike<number>>>;

/**
 * An expression model parsed, differentiated and compiled once ({@link compileModel}), for
 * fitting many data sets without repeating that work.
 *
 * @example
 * ```ts
 * const model: CompiledModel = compileModel('a*exp(-b*x)');
 * model.names; // ['a', 'b']
 * ```
 */
export interface CompiledModel {
  /** The expression, as parsed. */
  readonly expression: string;
  /** Its independent variables, in the order the model reads them. */
  readonly variables: readonly string[];
  /** Its parameters: the free symbols other than the variables, sorted. */
  readonly names: readonly string[];
  /** f and every ∂f/∂pⱼ at one point: `point` holds the variables' values in `variables` order. */
  readonly evaluate: (point: ArrayLike<number>, p: ArrayLike<number>) => Float64Array;
}

/**
 * Options for {@link compileModel}.
 *
 * @example
 * ```ts
 * compileModel('a*x + b*y + c', { variables: ['x', 'y'] });
 * ```
 */
export interface CompileModelOptions {
  /** The independent variables. Default `['x']`. */
  readonly variables?: readonly string[];
}

/**
 * The Newton-type least-squares methods {@link curveFit} offers (`@slope/optim`'s
 * `LeastSquaresMethod` without the course's fixed-step `'steepest'`).
 *
 * @example
 * ```ts
 * const method: CurveFitMethod = 'gauss-newton';
 * ```
 */
export type CurveFitMethod = Exclude<LeastSquaresMethod, 'steepest'>;

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
  readonly method?: CurveFitMethod;
  /** Measurement uncertainty σᵢ per point (or one for all): χ² = Σ (yᵢ − f(xᵢ))²/σᵢ². */
  readonly sigma?: number | ArrayLike<number>;
  /**
   * Iteration budget. Default 100·(n + 1) for n parameters: the default of `leastSquares` in
   * `@slope/optim` (MINPACK's budget), which `curveFit` uses unchanged.
   */
  readonly maxIterations?: number;
  /** The independent variable of an expression model fitted to one column of x; default 'x'. */
  readonly variable?: string;
}

const OPTION_KEYS = ['method', 'sigma', 'maxIterations', 'variable'] as const;

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
  /** Parameter names: the expression's free symbols other than the variables (sorted), or p0's keys / 'p0', 'p1', … */
  readonly names: readonly string[];
  /** The parameters by name. */
  readonly values: Readonly<Record<string, number>>;
  /** χ² = Σ (yᵢ − f(xᵢ))²/σᵢ² (σᵢ = 1 without the sigma option). */
  readonly chiSquared: number;
  /**
   * Parameter covariance (JᵀWJ)⁻¹. With `sigma` it is absolute; without, it is scaled by
   * χ²/(n − p) as `scipy.optimize.curve_fit` does. Null when the data do not determine every
   * parameter (reason `'rank-deficient'`), or n ≤ p without σ.
   */
  readonly covariance: number[][] | null;
  /** √diag(covariance), or null. */
  readonly uncertainties: Float64Array | null;
  /** yᵢ − f(xᵢ) (unweighted). */
  readonly residuals: Float64Array;
  readonly iterations: number;
  /**
   * True only for a minimum of χ² where the data determine every parameter: an under-determined
   * fit (fewer points than parameters) or an unidentifiable one (a·b·x, or every x equal for
   * a + b·x) ends with reason `'rank-deficient'` and `converged: false`.
   */
  readonly converged: boolean;
  readonly reason: FitReason;
  /** One line for humans: the reason with its numbers (from `leastSquares`). */
  readonly message: string;
  /** Parameters after each accepted step, the start first. */
  readonly path: readonly Float64Array[];
  /** The fitted model at one point or elementwise (a number or column for one variable, values or columns by name for several). */
  predict(x: number): number;
  predict(x: ArrayLike<number>): Float64Array;
  predict(x: Readonly<Record<string, number>>): number;
  predict(x: Readonly<Record<string, ArrayLike<number>>>): Float64Array;
}

/**
 * Any Unicode identifier the parser accepts, not inside a number (the `e` of 1e-5) and not a
 * function being called.
 */
const IDENTIFIER = /(?<![\p{L}\p{N}_$.])[\p{L}_$][\p{L}\p{N}_$]*(?!\s*\()/gu;

/**
 * Parses, differentiates and compiles an expression model once, for {@link curveFit} to reuse:
 * fitting the same model to many data sets then skips the symbolic work (about a millisecond
 * for a four-parameter model). Parameters are the free symbols other than the variables;
 * any name the parser accepts works (`α`, `constructor`), because the compiled code only ever
 * sees internal names.
 *
 * @throws `ParseError` / `DifferentiationError` from `@slope/symbolic` for a bad expression;
 *   RangeError when it has no parameters.
 * @example
 * ```ts
 * const model = compileModel('a*exp(-b*x)');
 * const first = curveFit(model, [0, 1, 2, 3], [3, 1.8, 1.1, 0.67], { a: 1, b: 1 });
 * const second = curveFit(model, [0, 1, 2, 3], [5, 3.1, 1.8, 1.1], { a: 1, b: 1 });
 * console.log(first.values, second.values); // a ≈ 3 and 5, b ≈ 0.5 each time
 * ```
 */
export function compileModel(model: string | Expr, options: CompileModelOptions = {}): CompiledModel {
  const where = 'compileModel';
  rejectUnknownOptions(where, options, ['variables']);
  const variables = options.variables ?? ['x'];
  if (!Array.isArray(variables) || variables.length === 0 || variables.some((v) => typeof v !== 'string' || v === '')) {
    throw new TypeError(`${where}: option variables must be a non-empty array of names, got ${JSON.stringify(variables)}`);
  }
  const expr = typeof model === 'string' ? parse(model) : model;
  const text = String(expr);
  const names = freeSymbols(expr).filter((s) => !variables.includes(s));
  if (names.length === 0) {
    throw new RangeError(`curveFit: the model ${JSON.stringify(text)} has no parameters besides ${variables.join(', ')}; expected at least one free symbol`);
  }
  // Rename every variable and parameter to v0, v1, … so compile's identifier rules (ASCII,
  // no reserved words) never meet the user's names.
  const symbols = [...variables, ...names];
  const internal = new Map(symbols.map((s, k) => [s, `v${k}`]));
  const renamed = parse(text.replace(IDENTIFIER, (id) => internal.get(id) ?? id));
  const vars = symbols.map((s) => internal.get(s)!);
  // One compiled function returns f and every ∂f/∂p, sharing subexpressions. `Expr` only
  // promises toString(), so an array also matches compile's single-expression overload;
  // name the vector overload explicitly.
  const compileMany: (exprs: readonly Expr[], vars: readonly string[]) => (values: ArrayLike<number>) => Float64Array = compile;
  const all = compileMany([renamed, ...names.map((name) => derivative(renamed, internal.get(name)!))], vars);
  const k = variables.length;
  const args = new Float64Array(k + names.length);
  return {
    expression: text,
    variables: [...variables],
    names,
    evaluate: (point, p) => {
      for (let i = 0; i < k; i++) args[i] = point[i]!;
      for (let j = 0; j < names.length; j++) args[k + j] = p[j]!;
      return all(args);
    },
  };
}

function isCompiled(model: unknown): model is CompiledModel {
  return typeof model === 'object' && model != null && typeof (model as CompiledModel).evaluate === 'function' && Array.isArray((model as CompiledModel).names);
}

/** The data as rows of variable values, with the variables' names. */
interface Table {
  readonly variables: readonly string[];
  /** rows × k, row-major. */
  readonly values: Float64Array;
  readonly rows: number;
  /** x came as named columns (a function model then gets the values by name). */
  readonly named: boolean;
}

function tableOf(x: unknown, variable: string): Table {
  const where = 'curveFit(model, x, y, p0)';
  if (x == null || typeof x !== 'object') throw new TypeError(`${where}: x must be an array of numbers or an object of columns by variable name, got ${x == null ? String(x) : typeof x}`);
  if (typeof (x as ArrayLike<number>).length === 'number') {
    const column = x as ArrayLike<number>;
    const values = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${where}: x[${i}] is ${show(v)}; expected a finite number`);
      values[i] = v;
    }
    return { variables: [variable], values, rows: column.length, named: false };
  }
  const columns = Object.entries(x as Record<string, unknown>);
  if (columns.length === 0) throw new RangeError(`${where}: x has no columns; expected at least one variable`);
  const rows = columnLength(columns[0]![0], columns[0]![1]);
  const k = columns.length;
  const values = new Float64Array(rows * k);
  columns.forEach(([name, column], c) => {
    const length = columnLength(name, column);
    if (length !== rows) throw new RangeError(`${where}: column x.${name} has ${length} values but x.${columns[0]![0]} has ${rows}; expected equal lengths`);
    const col = column as ArrayLike<unknown>;
    for (let i = 0; i < rows; i++) {
      const v = col[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${where}: x.${name}[${i}] is ${show(v)}; expected a finite number`);
      values[i * k + c] = v;
    }
  });
  return { variables: columns.map(([name]) => name), values, rows, named: true };
}

function columnLength(name: string, column: unknown): number {
  if (column == null || typeof column !== 'object' || typeof (column as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`curveFit(model, x, y, p0): x.${name} must be an array of numbers, got ${column == null ? String(column) : typeof column}`);
  }
  return (column as ArrayLike<number>).length;
}

function show(v: unknown): string {
  return typeof v === 'string' ? `${JSON.stringify(v)} (a string)` : String(v);
}

function startVector(names: string[] | null, p0: unknown): { names: string[]; start: Float64Array } {
  if (p0 == null || typeof p0 !== 'object') {
    throw new TypeError(`curveFit: p0 must be an array of starting values or an object of them by name, got ${p0 == null ? String(p0) : typeof p0}`);
  }
  if (typeof (p0 as ArrayLike<number>).length === 'number') {
    const values = Array.from(p0 as ArrayLike<unknown>);
    const resolved = names ?? values.map((_, i) => `p${i}`);
    if (values.length !== resolved.length) {
      throw new RangeError(`curveFit: p0 has ${values.length} values; expected ${resolved.length}, one for each of ${resolved.join(', ')}`);
    }
    values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`curveFit: p0[${i}] (${resolved[i]}) is ${show(v)}; expected a finite number`);
    });
    if (values.length === 0) throw new RangeError('curveFit: p0 is empty; expected at least one parameter');
    return { names: resolved, start: Float64Array.from(values as number[]) };
  }
  const record = p0 as Readonly<Record<string, unknown>>;
  const resolved = names ?? Object.keys(record);
  for (const key of Object.keys(record)) {
    if (!resolved.includes(key)) throw new RangeError(`curveFit: p0 names ${JSON.stringify(key)}, which is not a parameter; expected ${resolved.join(', ')}`);
  }
  const start = Float64Array.from(resolved, (name) => {
    const v = Object.hasOwn(record, name) ? record[name] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`curveFit: p0.${name} is ${show(v)}; expected a finite starting value`);
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

/** The model reduced to what the fit needs: f at row i, and its partials into a Jacobian row. */
interface FitModel {
  readonly names: string[];
  value(row: Float64Array, p: Float64Array): number;
  /** Writes ∂f/∂pⱼ at `row` into out[offset + j]. */
  partials(row: Float64Array, p: Float64Array, out: Float64Array, offset: number): void;
}

function fromCompiled(model: CompiledModel, table: Table): FitModel {
  // The compiled model reads its variables in its own order; the data name theirs (one
  // unnamed column is the model's one variable, whatever it is called).
  const order = !table.named && model.variables.length === 1 ? [0] : model.variables.map((v) => table.variables.indexOf(v));
  const missing = model.variables.filter((_, i) => order[i]! < 0);
  if (missing.length > 0) {
    throw new RangeError(`curveFit: the model's variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no column in x (columns: ${table.variables.join(', ')})`);
  }
  const extra = table.named ? table.variables.filter((v) => !model.variables.includes(v)) : [];
  if (extra.length > 0) throw new RangeError(`curveFit: x has column ${extra.join(', ')}, which the model ${JSON.stringify(model.expression)} does not use (variables: ${model.variables.join(', ')})`);
  const point = new Float64Array(order.length);
  const load = (row: Float64Array) => {
    for (let i = 0; i < order.length; i++) point[i] = row[order[i]!]!;
    return point;
  };
  const n = model.names.length;
  return {
    names: [...model.names],
    value: (row, p) => model.evaluate(load(row), p)[0]!,
    partials: (row, p, out, offset) => {
      const values = model.evaluate(load(row), p);
      for (let j = 0; j < n; j++) out[offset + j] = values[j + 1]!;
    },
  };
}

function fromFunction(model: ModelFunction | MultiModelFunction, names: string[], table: Table): FitModel {
  const n = names.length;
  const k = table.variables.length;
  const single = !table.named;
  const point: Record<string, number> = {};
  const call = (row: Float64Array, p: Float64Array): number => {
    if (single) return (model as ModelFunction)(row[0]!, p);
    for (let i = 0; i < k; i++) point[table.variables[i]!] = row[i]!;
    return (model as MultiModelFunction)(point, p);
  };
  return {
    names,
    value: call,
    // Central differences with a step scaled to each parameter (≈ ∛ε relative).
    partials: (row, p, out, offset) => {
      const q = Float64Array.from(p);
      for (let j = 0; j < n; j++) {
        const h = 6e-6 * Math.max(1, Math.abs(p[j]!));
        q[j] = p[j]! + h;
        const up = call(row, q);
        q[j] = p[j]! - h;
        const down = call(row, q);
        q[j] = p[j]!;
        out[offset + j] = (up - down) / (2 * h);
      }
    },
  };
}


/**
 * Fit a model y = f(x; p) to data by non-linear least squares (course week 6):
 * χ² = Σ (yᵢ − f(xᵢ; p))²/σᵢ², minimised by Levenberg–Marquardt (default) or Gauss–Newton
 * through `leastSquares` of `@slope/optim`, with its default iteration budget.
 *
 * The model is an expression such as `'a*exp(-b*x)'`, whose parameters are its free symbols
 * other than the variables (sorted), with exact partial derivatives from `@slope/symbolic`
 * compiled into one function; or the same compiled once by {@link compileModel} (to fit it
 * many times without re-parsing); or a plain function, differentiated by central differences.
 * With several independent variables, pass x as named columns (`{ x: [...], y: [...] }`): an
 * expression then uses those names, and a function receives each point's values by name.
 *
 * A fit the data cannot pin down (fewer points than parameters; parameters that only appear
 * together, like a·b·x) is not reported as converged: its reason is `'rank-deficient'` and
 * it has no uncertainties.
 *
 * @param p0 - starting values: an array in `names` order, or a record by name.
 * @throws RangeError / TypeError for mismatched data, bad starting values or options (naming
 *   them); `ParseError` / `DifferentiationError` from `@slope/symbolic` for a bad expression.
 * @example
 * ```ts
 * const x = [0, 1, 2, 3, 4];
 * const y = x.map((t) => 3 * Math.exp(-0.5 * t));
 * const fit = curveFit('a*exp(-b*x)', x, y, { a: 1, b: 1 });
 * fit.values; // { a: 3, b: 0.5 } (to ~1e-10)
 * const plane = curveFit('a*x + b*y + c', { x: [0, 1, 0, 1], y: [0, 0, 1, 1] }, [1, 3, 4, 6], [0, 0, 0]);
 * plane.values; // { a: 2, b: 3, c: 1 }
 * ```
 */
export function curveFit(
  model: string | Expr | CompiledModel | ModelFunction,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  p0: ArrayLike<number> | Readonly<Record<string, number>>,
  options?: CurveFitOptions,
): CurveFit;
export function curveFit(
  model: string | Expr | CompiledModel | MultiModelFunction,
  x: Readonly<Record<string, ArrayLike<number>>>,
  y: ArrayLike<number>,
  p0: ArrayLike<number> | Readonly<Record<string, number>>,
  options?: CurveFitOptions,
): CurveFit;
export function curveFit(
  model: string | Expr | CompiledModel | ModelFunction | MultiModelFunction,
  x: FitInputs,
  y: ArrayLike<number>,
  p0: ArrayLike<number> | Readonly<Record<string, number>>,
  options: CurveFitOptions = {},
): CurveFit {
  rejectUnknownOptions('curveFit', options, OPTION_KEYS);
  const method = options.method ?? 'levenberg-marquardt';
  if (method !== 'gauss-newton' && method !== 'levenberg-marquardt') {
    throw new RangeError(`curveFit: option method must be 'gauss-newton' or 'levenberg-marquardt', got ${JSON.stringify(method)}`);
  }
  const maxIterations = options.maxIterations;
  if (maxIterations !== undefined && !(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`curveFit: option maxIterations must be a positive integer, got ${String(maxIterations)}`);
  }
  const variable = options.variable ?? 'x';
  if (typeof variable !== 'string' || variable === '') throw new TypeError(`curveFit: option variable must be a name, got ${JSON.stringify(variable)}`);
  const table = tableOf(x, variable);
  if (y == null || typeof (y as ArrayLike<number>).length !== 'number') throw new TypeError(`curveFit(model, x, y, p0): y must be an array of numbers, got ${y == null ? String(y) : typeof y}`);
  const m = table.rows;
  if (y.length !== m) throw new RangeError(`curveFit(model, x, y, p0): x has ${m} points but y has ${y.length} values; expected equal lengths`);
  if (m < 1) throw new RangeError('curveFit(model, x, y, p0): got 0 points; expected at least 1');
  for (let i = 0; i < m; i++) {
    const v: unknown = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`curveFit(model, x, y, p0): y[${i}] is ${show(v)}; expected a finite number`);
  }
  let fitModel: FitModel;
  let start: Float64Array;
  if (typeof model === 'function') {
    const resolved = startVector(null, p0);
    fitModel = fromFunction(model, resolved.names, table);
    start = resolved.start;
  } else {
    const compiled = isCompiled(model) ? model : compileModel(model, { variables: table.variables });
    fitModel = fromCompiled(compiled, table);
    start = startVector(fitModel.names, p0).start;
  }
  const { names } = fitModel;
  const n = names.length;
  const k = table.variables.length;
  const sigma = sigmaVector(options.sigma, m);
  const rows = Array.from({ length: m }, (_, i) => table.values.subarray(i * k, (i + 1) * k));

  const residuals = (p: Float64Array): Float64Array => Float64Array.from(rows, (row, i) => y[i]! - fitModel.value(row, p));
  const fit: LeastSquaresResult = leastSquares((p) => residuals(p.data), start, {
    method,
    jacobian: (p) => {
      const j = new Float64Array(m * n);
      for (let i = 0; i < m; i++) fitModel.partials(rows[i]!, p, j, i * n);
      // Residuals are y − f, so ∂r/∂p = −∂f/∂p.
      for (let q = 0; q < j.length; q++) j[q] = -j[q]!;
      return j;
    },
    ...(maxIterations === undefined ? {} : { maxIterations }),
    ...(sigma === undefined ? {} : { sigma }),
  });
  const parameters = Float64Array.from(fit.x);
  const r = Float64Array.from(fit.residuals);
  const chiSquared = r.reduce((s, ri, i) => s + (sigma === undefined ? ri * ri : (ri / sigma[i]!) ** 2), 0);
  const covariance = fit.covariance?.map((row) => Array.from(row)) ?? null;
  const pointOf = (values: Readonly<Record<string, number>>): Float64Array =>
    Float64Array.from(table.variables, (name) => {
      const v = values[name];
      if (typeof v !== 'number') throw new RangeError(`curveFit: predict needs a value for ${name}`);
      return v;
    });
  function predict(x: number): number;
  function predict(x: ArrayLike<number>): Float64Array;
  function predict(x: Readonly<Record<string, number>>): number;
  function predict(x: Readonly<Record<string, ArrayLike<number>>>): Float64Array;
  function predict(x: number | ArrayLike<number> | Readonly<Record<string, number | ArrayLike<number>>>): number | Float64Array {
    if (typeof x === 'number') return fitModel.value(Float64Array.of(x), parameters);
    if (typeof (x as ArrayLike<number>).length === 'number') return Float64Array.from(x as ArrayLike<number>, (v) => fitModel.value(Float64Array.of(v), parameters));
    const record = x as Readonly<Record<string, number | ArrayLike<number>>>;
    if (table.variables.every((name) => typeof record[name] === 'number')) return fitModel.value(pointOf(record as Record<string, number>), parameters);
    const columns = tableOf(record, variable);
    const ordered = fromCompiledOrder(columns, table.variables);
    return Float64Array.from({ length: columns.rows }, (_, i) => fitModel.value(ordered(i), parameters));
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
    message: fit.message.replace(/^leastSquares/, 'curveFit'),
    path: fit.history.map((s) => Float64Array.from(s.x)),
    predict,
  };
}

/** Row i of `columns` with its values in the order of `variables`. */
function fromCompiledOrder(columns: Table, variables: readonly string[]): (i: number) => Float64Array {
  const order = variables.map((v) => {
    const at = columns.variables.indexOf(v);
    if (at < 0) throw new RangeError(`curveFit: predict needs a column for ${v}`);
    return at;
  });
  const k = columns.variables.length;
  return (i) => Float64Array.from(order, (c) => columns.values[i * k + c]!);
}
