import { Tensor } from './tensor.js';
import { asTensor, type TensorLike } from './create.js';
import { vjp } from './grad.js';
import { withNoGrad } from './trace.js';
import { ShapeError, formatShape } from './shape-error.js';
import { rejectUnknownOptions } from './options.js';
import { checkArray, checkFunction } from './validate.js';

/**
 * Options of {@link numericGrad}.
 *
 * @example
 * ```ts
 * numericGrad((x) => x.exp().sum(), [0, 1], { method: 'forward', h: 1e-7 });
 * ```
 */
export interface NumericGradOptions {
  /** `'central'` (default, error O(h²)) or `'forward'` (error O(h), half the evaluations). */
  method?: 'forward' | 'central';
  /** Step size; default 1e-6 for central and 1e-8 for forward differences. */
  h?: number;
}

function scalarValue(name: string, r: Tensor | number): number {
  if (typeof r === 'number') return r;
  if (!(r instanceof Tensor)) throw new TypeError(`${name}: f must return a Tensor or a number, got ${typeof r}`);
  if (r.size !== 1) {
    throw new ShapeError(name, `f must return a scalar (one element), got shape ${formatShape(r.shape)}`, [r.shape]);
  }
  return r.data[0] as number;
}

/**
 * The gradient of a scalar-valued `f` at `x` by finite differences, one element at a
 * time: (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, or (f(x + h·eᵢ) − f(x)) / h for `'forward'`.
 * Runs `f` without recording. The reference every analytic gradient is checked against.
 *
 * @example
 * ```ts
 * numericGrad((x) => x.square().sum(), tensor([1, 2])).toArray(); // ≈ [2, 4]
 * ```
 */
export function numericGrad(f: (x: Tensor) => Tensor | number, x: TensorLike, opts?: NumericGradOptions): Tensor {
  checkFunction('numericGrad', 'f', f);
  rejectUnknownOptions('numericGrad', opts, ['method', 'h']);
  const method = opts?.method ?? 'central';
  if (method !== 'central' && method !== 'forward') {
    throw new RangeError(`numericGrad: option method is ${String(method)}, expected 'forward' or 'central'`);
  }
  const h = opts?.h ?? (method === 'central' ? 1e-6 : 1e-8);
  if (typeof h !== 'number' || !(h > 0) || !Number.isFinite(h)) throw new RangeError(`numericGrad: option h is ${h}, expected a positive finite number`);
  const x0 = asTensor(x);
  const work = x0.data.slice();
  const probe = new Tensor(work, x0.shape);
  const at = (): number => scalarValue('numericGrad', withNoGrad(() => f(probe)));
  const g = new Float64Array(work.length);
  const f0 = method === 'forward' ? at() : 0;
  for (let i = 0; i < work.length; i++) {
    const xi = work[i] as number;
    work[i] = xi + h;
    const fp = at();
    if (method === 'forward') {
      g[i] = (fp - f0) / h;
    } else {
      work[i] = xi - h;
      g[i] = (fp - at()) / (2 * h);
    }
    work[i] = xi;
  }
  return new Tensor(g, x0.shape);
}

/**
 * Options of {@link gradCheck}; defaults as torch.autograd.gradcheck.
 *
 * @example
 * ```ts
 * gradCheck((x) => x.sin().sum(), [[0.1, 0.2]], { eps: 1e-6, atol: 1e-5, rtol: 1e-3 });
 * ```
 */
export interface GradCheckOptions {
  /** Central-difference step (default 1e-6). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance (default 1e-3). */
  rtol?: number;
}

/**
 * The outcome of {@link gradCheck}, centred on the worst element.
 *
 * @example
 * ```ts
 * const r: GradCheckReport = gradCheck((x) => x.square().sum(), [[1, 2]]);
 * if (!r.ok) console.warn(r.summary);
 * ```
 */
export interface GradCheckReport {
  /** True when every element satisfies |analytic − numeric| ≤ atol + rtol·|numeric|. */
  ok: boolean;
  /** Which argument the worst element belongs to. */
  argnum: number;
  /** Index of the worst element within that argument. */
  index: number[];
  /** Index within f's output (`[]` for a scalar output). */
  outputIndex: number[];
  analytic: number;
  numeric: number;
  absError: number;
  /** absError / max(|analytic|, |numeric|), 0 when both are 0. */
  relError: number;
  /** Number of Jacobian entries compared. */
  checked: number;
  /** Number of entries outside tolerance. */
  failures: number;
  eps: number;
  atol: number;
  rtol: number;
  /** One line for logs. */
  summary: string;
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    idx[d] = flat % n;
    flat = Math.floor(flat / n);
  }
  return idx;
}

function positiveOption(name: string, v: number): number {
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new RangeError(`gradCheck: option ${name} is ${v}, expected a finite number ≥ 0`);
  return v;
}

/**
 * Compares the reverse-mode Jacobian of `f` at `args` with central differences, entry
 * by entry, with torch.autograd.gradcheck's defaults and criterion. Returns a report on
 * the worst entry (the one furthest outside, or closest to, its tolerance), never a bare
 * boolean.
 *
 * @example
 * ```ts
 * const r = gradCheck((w, x) => w.matmul(x).sigmoid().sum(), [tensor([[1, 2]]), tensor([[0.5], [-1]])]);
 * r.ok; // true
 * r.absError < 1e-8; // true
 * ```
 */
export function gradCheck(f: (...args: Tensor[]) => Tensor, args: readonly TensorLike[], opts?: GradCheckOptions): GradCheckReport {
  checkFunction('gradCheck', 'f', f);
  checkArray('gradCheck', 'args', args, ' of the arguments of f (e.g. [x] for one argument)');
  rejectUnknownOptions('gradCheck', opts, ['eps', 'atol', 'rtol']);
  const eps = opts?.eps ?? 1e-6;
  const atol = positiveOption('atol', opts?.atol ?? 1e-5);
  const rtol = positiveOption('rtol', opts?.rtol ?? 1e-3);
  if (typeof eps !== 'number' || !(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`gradCheck: option eps is ${eps}, expected a positive finite number`);
  const inputs = args.map(asTensor);
  const [out, pullback] = vjp(f, ...inputs);
  const analytic: Float64Array[][] = inputs.map(() => []);
  for (let o = 0; o < out.size; o++) {
    const e = new Tensor(new Float64Array(out.size), out.shape);
    e.data[o] = 1;
    pullback(e).forEach((g, a) => analytic[a]?.push(g.data));
  }
  const report: GradCheckReport = {
    ok: true, argnum: 0, index: [], outputIndex: [], analytic: 0, numeric: 0, absError: 0, relError: 0,
    checked: 0, failures: 0, eps, atol, rtol, summary: '',
  };
  let worstScore = -1;
  const probes = inputs.map((t) => new Tensor(t.data.slice(), t.shape));
  const evalAt = (): Float64Array => {
    const r = withNoGrad(() => f(...probes));
    if (r.size !== out.size) throw new ShapeError('gradCheck', `f changed its output shape from ${formatShape(out.shape)} to ${formatShape(r.shape)}`, [out.shape, r.shape]);
    return r.data.slice();
  };
  probes.forEach((p, a) => {
    const work = p.data;
    for (let j = 0; j < work.length; j++) {
      const xj = work[j] as number;
      work[j] = xj + eps;
      const plus = evalAt();
      work[j] = xj - eps;
      const minus = evalAt();
      work[j] = xj;
      for (let o = 0; o < out.size; o++) {
        const numeric = ((plus[o] as number) - (minus[o] as number)) / (2 * eps);
        const an = (analytic[a]?.[o]?.[j]) as number;
        const absError = Math.abs(an - numeric);
        const allowed = atol + rtol * Math.abs(numeric);
        const bad = !(absError <= allowed);
        const score = Number.isNaN(absError) ? Number.POSITIVE_INFINITY : absError === 0 ? 0 : absError / allowed;
        report.checked++;
        if (bad) report.failures++;
        if (score > worstScore) {
          worstScore = score;
          const scale = Math.max(Math.abs(an), Math.abs(numeric));
          Object.assign(report, {
            argnum: a, index: unravel(j, p.shape), outputIndex: unravel(o, out.shape), analytic: an, numeric, absError,
            relError: absError === 0 ? 0 : absError / scale,
          });
        }
      }
    }
  });
  report.ok = report.failures === 0;
  report.summary = `gradCheck ${report.ok ? 'passed' : 'FAILED'}: ${report.failures}/${report.checked} entries outside atol=${atol} + rtol=${rtol}·|numeric|; worst at argument ${report.argnum} index [${report.index.join(',')}]${out.ndim > 0 ? ` output [${report.outputIndex.join(',')}]` : ''}: analytic ${report.analytic}, numeric ${report.numeric}, abs error ${report.absError.toExponential(2)}, rel error ${report.relError.toExponential(2)}`;
  return report;
}
