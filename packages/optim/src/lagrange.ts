import { hessianEvaluator, scalarEvaluator, toMatrix } from './evaluate.js';
import { allFinite, cholesky, dot, matTVec, matVec, norm, nullSpace, project, solve } from './linalg.js';
import { rejectUnknownOptions } from './options.js';
import { type JitChoice, jitChoice } from './compiled.js';
import { DEFAULT_HISTORY_LIMIT, OptimizationRun, smallStep, Tracker } from './run.js';
import type { GradientFunction, IterationState, MatrixFunction, Objective, OptimizationResult, StopReason } from './types.js';
import {
  checkLength,
  historyLimit,
  nonNegativeNumber,
  oneOf,
  optionalFunction,
  positiveInteger,
  requireFunction,
  startVector,
} from './validate.js';

/**
 * What {@link lagrange} looks for: the constrained minimum (default, globalised by an
 * ℓ1 merit function), the constrained maximum, or any stationary point of the
 * Lagrangian (plain Newton on ∇L = 0, like the course's `scipy.optimize.root`).
 *
 * @example
 * ```ts
 * const mode: LagrangeMode = 'stationary';
 * ```
 */
export type LagrangeMode = 'minimize' | 'maximize' | 'stationary';

/**
 * The nature of a constrained stationary point, from the Hessian of the Lagrangian
 * projected onto the constraint's tangent space; `'infeasible'` when the point does not
 * satisfy the constraints (‖g‖ > √tolerance), so it is no constrained point at all.
 *
 * @example
 * ```ts
 * if (lagrange(f, g, x0, { mode: 'stationary' }).kind === 'maximum') console.log('uphill');
 * ```
 */
export type StationaryKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'infeasible';

/**
 * Options for {@link lagrange}. Every derivative not supplied comes from `@slope/autodiff`.
 *
 * @example
 * ```ts
 * const opts: LagrangeOptions = { mode: 'stationary', multipliers: [0] };
 * ```
 */
export interface LagrangeOptions {
  /** Default `'minimize'`. */
  readonly mode?: LagrangeMode;
  /** Starting multipliers λ (course convention ∇f = Σ λᵢ∇gᵢ). Default all 0. */
  readonly multipliers?: ArrayLike<number>;
  /** ∇f by hand. */
  readonly gradient?: GradientFunction;
  /** ∇²f by hand. */
  readonly hessian?: MatrixFunction;
  /** The m×n Jacobian of the constraints by hand. */
  readonly constraintJacobian?: MatrixFunction;
  /** The n×n Hessian of each constraint by hand. */
  readonly constraintHessians?: (x: Float64Array) => readonly (readonly ArrayLike<number>[] | ArrayLike<number>)[];
  /** Iteration budget. Default 100. */
  readonly maxIterations?: number;
  /** The most states `history` keeps (at least 2); longer runs keep an evenly thinned selection. Default 10 000. */
  readonly historyLimit?: number;
  /** Converged when ‖∇f − Σλᵢ∇gᵢ‖ and ‖g‖ are both ≤ this. Default 1e-10. */
  readonly tolerance?: number;
  /** Stop when ‖Δx‖ ≤ this · (1 + ‖x‖) (a success only where ‖g‖ ≤ √tolerance). Default 1e-15. */
  readonly stepTolerance?: number;
  /** Run the derivatives taken from `@slope/autodiff` as `jit` programs (default true); see {@link DescentOptions.jit} for when to pass false. */
  readonly jit?: boolean;
}

const OPTION_KEYS = [
  'mode',
  'multipliers',
  'gradient',
  'hessian',
  'constraintJacobian',
  'constraintHessians',
  'maxIterations',
  'historyLimit',
  'tolerance',
  'stepTolerance',
  'jit',
] as const;

/**
 * A Lagrange result: `value` is f(x), `gradientNorm` the KKT residual
 * ‖(∇f − Σλᵢ∇gᵢ, g)‖, `multipliers` λ with ∇f = Σλᵢ∇gᵢ (the course's sign),
 * `constraints` the values gᵢ(x), and `kind` the nature of the point.
 *
 * @example
 * ```ts
 * const { x, multipliers, kind } = lagrange(f, [g], [0.5, 0.5]);
 * ```
 */
export interface LagrangeResult extends OptimizationResult {
  readonly multipliers: Float64Array;
  readonly constraints: Float64Array;
  readonly kind: StationaryKind;
}

interface Linearisation {
  readonly x: Float64Array;
  readonly lambda: Float64Array;
  readonly f: number;
  readonly g: Float64Array;
  readonly c: Float64Array;
  /** m×n constraint Jacobian. */
  readonly a: Float64Array;
}

/**
 * The Lagrange-multiplier iterations as a generator of states.
 *
 * @example
 * ```ts
 * for (const s of lagrangeSteps(f, [g], [0.5, 0.5])) path.push(s.x);
 * ```
 */
export function lagrangeSteps(
  f: Objective,
  constraints: Objective | readonly Objective[],
  x0: ArrayLike<number>,
  options: LagrangeOptions = {},
): OptimizationRun<LagrangeResult> {
  const name = 'lagrange';
  requireFunction(name, 'f', f);
  rejectUnknownOptions(name, options, OPTION_KEYS);
  const cs: readonly Objective[] = typeof constraints === 'function' ? [constraints] : constraints;
  if (!Array.isArray(cs) || cs.length === 0) throw new TypeError(`${name}: argument "constraints" must be a function or a non-empty array of functions`);
  cs.forEach((c, i) => requireFunction(name, `constraints[${i}]`, c));
  const start = startVector(name, 'x0', x0);
  const n = start.length;
  const m = cs.length;
  if (m >= n) throw new RangeError(`${name}: ${m} constraints on ${n} variables leave nothing to optimise (need fewer constraints than variables)`);
  const mode = oneOf(name, 'mode', options.mode, ['minimize', 'maximize', 'stationary'], 'minimize');
  const lambda0 = options.multipliers === undefined ? new Float64Array(m) : startVector(name, 'multipliers', options.multipliers);
  checkLength(name, 'option "multipliers"', lambda0.length, m);
  const maxIterations = positiveInteger(name, 'maxIterations', options.maxIterations, 100);
  const tolerance = nonNegativeNumber(name, 'tolerance', options.tolerance, 1e-10);
  // A point farther than this from g = 0 is not on the constraints: no stationary point, no success.
  const feasibility = Math.sqrt(tolerance);
  const stepTolerance = nonNegativeNumber(name, 'stepTolerance', options.stepTolerance, 1e-15);
  const jitF = jitChoice(name, f, options);
  const objective = scalarEvaluator(name, f, n, optionalFunction<GradientFunction>(name, 'gradient', options.gradient), jitF);
  const hessianF = hessianEvaluator(name, f, n, optionalFunction<MatrixFunction>(name, 'hessian', options.hessian), jitF);
  const suppliedJacobian = optionalFunction<MatrixFunction>(name, 'constraintJacobian', options.constraintJacobian);
  const suppliedHessians = optionalFunction<NonNullable<LagrangeOptions['constraintHessians']>>(name, 'constraintHessians', options.constraintHessians);
  const jitOf = (c: Objective): JitChoice => ({ ...jitF, owner: c });
  const constraintEvaluators = cs.map((c) => scalarEvaluator(name, c, n, suppliedJacobian === undefined ? undefined : () => new Float64Array(n), jitOf(c)));
  const constraintHessians = suppliedHessians === undefined ? cs.map((c) => hessianEvaluator(name, c, n, undefined, jitOf(c))) : [];
  // Maximising f is minimising −f; `sign` maps internal quantities back to f's convention.
  const sign = mode === 'maximize' ? -1 : 1;

  const linearise = (x: Float64Array, lambda: Float64Array): Linearisation => {
    const { value, gradient } = objective.valueAndGradient(x);
    const c = new Float64Array(m);
    let a: Float64Array = new Float64Array(m * n);
    constraintEvaluators.forEach((ce, i) => {
      const out = ce.valueAndGradient(x);
      c[i] = out.value;
      a.set(out.gradient, i * n);
    });
    if (suppliedJacobian !== undefined) a = toMatrix(name, 'the constraint Jacobian', suppliedJacobian(x), m, n);
    return { x, lambda, f: sign * value, g: gradient.map((v) => sign * v), c, a };
  };
  /** Hessian of the (internal) Lagrangian, sign·f − λ·g. */
  const lagrangianHessian = (x: Float64Array, lambda: Float64Array): Float64Array => {
    const h = hessianF(x).map((v) => sign * v);
    const hs = suppliedHessians === undefined ? constraintHessians.map((he) => he(x)) : suppliedHessians(x).map((raw) => toMatrix(name, 'a constraint Hessian', raw, n, n));
    checkLength(name, 'the constraint Hessian list', hs.length, m);
    hs.forEach((hc, i) => {
      for (let k = 0; k < n * n; k++) h[k]! -= lambda[i]! * hc[k]!;
    });
    return h;
  };
  const kktResidual = (p: Linearisation): number => {
    const r = matTVec(p.a, p.lambda, m, n).map((v, j) => p.g[j]! - v);
    return Math.hypot(norm(r), norm(p.c));
  };
  const classify = (p: Linearisation): StationaryKind => {
    if (!(norm(p.c) <= feasibility)) return 'infeasible';
    const z = nullSpace(p.a, m, n);
    if (z == null) return 'degenerate';
    const k = n - m;
    const reduced = project(lagrangianHessian(p.x, p.lambda).map((v) => sign * v), z, n, k);
    if (cholesky(reduced, k) != null) return 'minimum';
    if (cholesky(reduced.map((v) => -v), k) != null) return 'maximum';
    // Indefinite or (near-)singular: a determinant test separates the two.
    const scale = Math.max(1, ...Array.from(reduced, Math.abs));
    return Math.abs(det(reduced, k)) <= 1e-10 * scale ** k ? 'degenerate' : 'saddle';
  };

  // The linearisation of each recorded state, held only as long as the state itself (the history is bounded).
  const points = new WeakMap<IterationState, Linearisation>();
  let evaluations = 0;
  const tracker = new Tracker<Omit<LagrangeResult, keyof OptimizationResult>>(name, () => evaluations, 'value', historyLimit(name, options.historyLimit, DEFAULT_HISTORY_LIMIT));
  tracker.extras = (s) => {
    const p = points.get(s)!;
    return { multipliers: p.lambda.map((v) => sign * v), constraints: Float64Array.from(p.c), kind: classify(p) };
  };
  /**
   * Ends the run. A run that gets stuck (a singular system, a failed line search, vanishing
   * steps) off the constraints reports that as its own reason, `'infeasible'` (x² + y² + 1 = 0;
   * two disjoint spheres), never a success. The one exception is a singular system from
   * linearly dependent constraints whose linearisation still leads straight back to g = 0
   * (x − 1 = 0 given twice): that is reported as `'singular'`.
   */
  const finish = (reason: StopReason, detail?: string, dependentConstraints = false): LagrangeResult => {
    const last = tracker.last;
    const p = last === undefined ? undefined : points.get(last);
    if (p !== undefined && !(norm(p.c) <= feasibility) && (reason === 'singular' || reason === 'line-search-failed' || reason === 'step-tolerance')) {
      if (!(dependentConstraints && reachable(p.a, p.c, p.x, m, n))) {
        return tracker.finish('infeasible', `‖g(x)‖ = ${norm(p.c).toPrecision(4)} (${detail ?? reason}): the constraints may have no common solution`);
      }
    }
    return tracker.finish(reason, detail);
  };
  const countEvaluations = () => {
    evaluations = objective.evaluations;
  };
  const record = (p: Linearisation, previous?: Float64Array, stepSize?: number): IterationState => {
    countEvaluations();
    const state = tracker.record(p.x, sign * p.f, kktResidual(p), previous, stepSize === undefined ? undefined : { stepSize });
    points.set(state, p);
    return state;
  };

  /** Solves the KKT system [[H, −Aᵀ], [A, 0]] [d; λ⁺] = [−∇f; −g]. */
  const kktStep = (p: Linearisation, h: Float64Array) => {
    const size = n + m;
    const k = new Float64Array(size * size);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) k[i * size + j] = h[i * n + j]!;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        k[j * size + n + i] = -p.a[i * n + j]!;
        k[(n + i) * size + j] = p.a[i * n + j]!;
      }
    const rhs = new Float64Array(size);
    for (let j = 0; j < n; j++) rhs[j] = -p.g[j]!;
    for (let i = 0; i < m; i++) rhs[n + i] = -p.c[i]!;
    const sol = solve(k, rhs, size);
    return sol == null ? null : { d: sol.slice(0, n), lambda: sol.slice(n) };
  };

  /** Adds τI until the Hessian is positive definite on the constraint tangent space (so d is a descent direction). */
  const convexified = (p: Linearisation, h: Float64Array): Float64Array | null => {
    const z = nullSpace(p.a, m, n);
    if (z == null) return null;
    const k = n - m;
    let tau = 0;
    const scale = Math.max(1e-8, ...Array.from(h, Math.abs));
    for (let attempt = 0; attempt < 60; attempt++) {
      const shifted = Float64Array.from(h);
      for (let i = 0; i < n; i++) shifted[i * n + i]! += tau;
      if (cholesky(project(shifted, z, n, k), k) != null) return shifted;
      tau = tau === 0 ? 1e-4 * scale : tau * 4;
    }
    return null;
  };

  function* iterate(): Generator<IterationState, LagrangeResult, undefined> {
    let p = linearise(start, lambda0.map((v) => sign * v));
    yield record(p);
    if (!Number.isFinite(p.f) || !allFinite(p.g) || !allFinite(p.c)) return finish('diverged', 'f or g is not finite at x₀');
    let penalty = 0;
    const merit = (q: Linearisation) => q.f + penalty * p1(q.c);
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      if (kktResidual(p) <= tolerance && norm(p.c) <= tolerance) return finish('gradient-tolerance');
      const hl = lagrangianHessian(p.x, p.lambda);
      const h = mode === 'stationary' ? hl : convexified(p, hl);
      if (h == null) return finish('singular', 'the constraint gradients are linearly dependent', true);
      const step = kktStep(p, h);
      if (step == null) return finish('singular', 'the KKT matrix is singular');
      const { d } = step;
      let next: Linearisation | undefined;
      let t = 1;
      if (mode === 'stationary') {
        // Newton on ∇L = 0, damped only to keep ‖∇L‖ from growing.
        const r0 = kktResidual(p);
        for (let trial = 0; trial < 40 && next === undefined; trial++, t /= 2) {
          const q = linearise(p.x.map((v, j) => v + t * d[j]!), p.lambda.map((v, i) => v + t * (step.lambda[i]! - v)));
          if (kktResidual(q) <= (1 - 1e-4 * t) * r0) next = q;
        }
        if (next === undefined) next = linearise(p.x.map((v, j) => v + d[j]!), step.lambda);
        else t *= 2;
      } else {
        const hd = dot(d, matVec(h, d, n, n));
        const cNorm = p1(p.c);
        if (cNorm > 0) penalty = Math.max(penalty, (dot(p.g, d) + 0.5 * Math.max(hd, 0)) / (0.9 * cNorm) + 1e-8, normInf(step.lambda) * 1.1);
        const slope = dot(p.g, d) - penalty * cNorm;
        const phi0 = merit(p);
        const accept = (q: Linearisation, tt: number) => Number.isFinite(q.f) && allFinite(q.c) && merit(q) <= phi0 + 1e-4 * tt * slope;
        const full = linearise(p.x.map((v, j) => v + d[j]!), step.lambda);
        if (accept(full, 1)) next = full;
        else {
          // Second-order correction: project the full step back towards g = 0 (avoids the Maratos effect).
          const aat = new Float64Array(m * m);
          for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) aat[i * m + k] = dot(p.a.subarray(i * n, i * n + n), p.a.subarray(k * n, k * n + n));
          const y = allFinite(full.c) ? solve(aat, full.c, m) : null;
          if (y != null) {
            const soc = matTVec(p.a, y, m, n);
            const corrected = linearise(p.x.map((v, j) => v + d[j]! - soc[j]!), step.lambda);
            if (accept(corrected, 1)) next = corrected;
          }
          for (t = 0.5; next === undefined && t > 1e-12; t /= 2) {
            const q = linearise(p.x.map((v, j) => v + t * d[j]!), p.lambda.map((v, i) => v + t * (step.lambda[i]! - v)));
            if (accept(q, t)) next = q;
          }
          if (next === undefined) {
            if (smallStep(d, p.x, 1e-10)) return finish('step-tolerance', 'the merit function cannot decrease further');
            return finish('line-search-failed', 'the ℓ1 merit function did not decrease');
          }
          t *= 2;
        }
      }
      const previous = p.x;
      p = next;
      yield record(p, previous, t);
      if (!Number.isFinite(p.f) || !allFinite(p.x) || !allFinite(p.c)) return finish('diverged', 'f or g became non-finite');
      if (kktResidual(p) <= tolerance && norm(p.c) <= tolerance) return finish('gradient-tolerance');
      if (smallStep(p.x.map((v, j) => v - previous[j]!), p.x, stepTolerance)) return finish('step-tolerance');
    }
    return finish('max-iterations');
  }
  return new OptimizationRun(iterate(), tracker as Tracker);
}

/**
 * Whether the linearised constraints g + A·d = 0 (A the m×n constraint Jacobian at x) have a
 * solution d, and a reasonable one: g lies in the range of A, and the shortest such d is not
 * a million times larger than x.
 */
function reachable(a: Float64Array, c: Float64Array, x: Float64Array, m: number, n: number): boolean {
  const basis: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from({ length: m }, (_, i) => a[i * n + j]!);
    const size = norm(v);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const t = dot(q, v);
        for (let i = 0; i < m; i++) v[i]! -= t * q[i]!;
      }
    }
    const left = norm(v);
    if (left > 1e-10 * size && left > 0) basis.push(v.map((x) => x / left));
  }
  const r = Float64Array.from(c);
  for (const q of basis) {
    const t = dot(q, r);
    for (let i = 0; i < m; i++) r[i]! -= t * q[i]!;
  }
  if (norm(r) > 1e-8 * norm(c)) return false;
  // The minimum-norm d with A·d = −(g − r) is Aᵀy, (AAᵀ)y = −(g − r), lightly regularised.
  const aat = new Float64Array(m * m);
  let trace = 0;
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) aat[i * m + k] = dot(a.subarray(i * n, i * n + n), a.subarray(k * n, k * n + n));
    trace += aat[i * m + i]!;
  }
  for (let i = 0; i < m; i++) aat[i * m + i]! += 1e-14 * trace + Number.MIN_VALUE;
  const y = solve(aat, Float64Array.from(c, (v, i) => r[i]! - v), m);
  return y != null && norm(matTVec(a, y, m, n)) <= 1e6 * (1 + norm(x));
}

function p1(c: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += Math.abs(c[i]!);
  return s;
}

function normInf(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s = Math.max(s, Math.abs(v[i]!));
  return s;
}

/** Determinant by Gaussian elimination with partial pivoting (k is tiny here). */
function det(a: Float64Array, k: number): number {
  const b = Float64Array.from(a);
  let d = 1;
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let i = col + 1; i < k; i++) if (Math.abs(b[i * k + col]!) > Math.abs(b[p * k + col]!)) p = i;
    if (b[p * k + col] === 0) return 0;
    if (p !== col) {
      for (let j = 0; j < k; j++) [b[col * k + j], b[p * k + j]] = [b[p * k + j]!, b[col * k + j]!];
      d = -d;
    }
    d *= b[col * k + col]!;
    for (let i = col + 1; i < k; i++) {
      const fct = b[i * k + col]! / b[col * k + col]!;
      for (let j = col; j < k; j++) b[i * k + j]! -= fct * b[col * k + j]!;
    }
  }
  return d;
}

/**
 * Finds a point where ∇f = Σλᵢ∇gᵢ and g(x) = 0 (Lagrange multipliers) by Newton's method
 * on the KKT system. In `'minimize'` (default) and `'maximize'` modes it is an SQP method
 * globalised by an ℓ1 merit function with backtracking and a second-order correction, with
 * the Hessian convexified on the tangent space, so it heads for a constrained minimum
 * (maximum) instead of the nearest stationary point. `'stationary'` is plain damped Newton
 * on ∇L = 0 and can land on any stationary point; `kind` says which it found.
 *
 * @example
 * ```ts
 * // Maximise x²y on the circle x² + y² = 4 (plain-number functions, derivatives by hand).
 * const r = lagrange((v) => v.data[0]! ** 2 * v.data[1]!, (v) => v.data[0]! ** 2 + v.data[1]! ** 2 - 4, [1, 1], {
 *   mode: 'maximize',
 *   gradient: (v) => [2 * v[0]! * v[1]!, v[0]! ** 2],
 *   hessian: (v) => [[2 * v[1]!, 2 * v[0]!], [2 * v[0]!, 0]],
 *   constraintJacobian: (v) => [[2 * v[0]!, 2 * v[1]!]],
 *   constraintHessians: () => [[[2, 0], [0, 2]]],
 * });
 * r.x; // [1.63299…, 1.15470…] = (2√(2/3), 2/√3); r.value = 16/(3√3); r.kind = 'maximum'
 * ```
 */
export function lagrange(
  f: Objective,
  constraints: Objective | readonly Objective[],
  x0: ArrayLike<number>,
  options: LagrangeOptions = {},
): LagrangeResult {
  return lagrangeSteps(f, constraints, x0, options).finish();
}
