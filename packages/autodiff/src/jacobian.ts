import type { Tensor } from './tensor.js';
import { asTensor, zeros, type TensorLike } from './create.js';
import { vjp, grad } from './grad.js';
import { jvp } from './jvp.js';
import { noGrad } from './no-grad.js';
import { reshape, stack, transpose } from './ops/layout.js';
import { rejectUnknownOptions } from './options.js';
import { argnumList, checkOutput } from './transform-args.js';
import { checkFunction, indexList } from './validate.js';
import { formatShape } from './shape-error.js';

function basis(shape: readonly number[], i: number): Tensor {
  const e = zeros(shape);
  e.data[i] = 1;
  return e;
}

/**
 * Options of {@link jacobian}, {@link jacfwd} and {@link jacrev}.
 *
 * @example
 * ```ts
 * jacobian((w, b) => w.mul(b), { argnums: [0, 1], mode: 'forward' });
 * ```
 */
export interface JacobianOptions {
  /** Which argument(s) to differentiate (default 0); a list gives one Jacobian per argument. */
  argnums?: number | readonly number[];
  /**
   * `'auto'` (default): forward mode when the differentiated inputs have fewer elements
   * than the output (n pushforwards instead of m pullbacks), reverse mode otherwise.
   * `'forward'` and `'reverse'` force one (what {@link jacfwd} and {@link jacrev} do).
   */
  mode?: 'auto' | 'forward' | 'reverse';
}

type Mode = 'forward' | 'reverse';

/** `args` with the arguments at `nums` replaced by `xs`. */
function substitute(args: readonly Tensor[], nums: readonly number[], xs: readonly Tensor[]): Tensor[] {
  const full = [...args];
  nums.forEach((a, i) => { full[a] = xs[i] as Tensor; });
  return full;
}

/** One Jacobian per listed argument, shaped [...out.shape, ...x.shape], by m pullbacks. */
function reverseMode(name: string, f: (...args: Tensor[]) => Tensor, args: readonly Tensor[], nums: readonly number[]): Tensor[] {
  const [out, pullback] = vjp((...xs: Tensor[]) => checkOutput(name, f(...substitute(args, nums, xs))), ...nums.map((a) => args[a] as Tensor));
  const rows: Tensor[][] = nums.map(() => []);
  for (let i = 0; i < out.size; i++) pullback(basis(out.shape, i)).forEach((g, k) => rows[k]?.push(g));
  return nums.map((a, k) => {
    const x = args[a] as Tensor;
    if (out.size === 0) return zeros([...out.shape, ...x.shape]);
    return reshape(stack(rows[k] as Tensor[], x.shape), [...out.shape, ...x.shape]);
  });
}

/** One Jacobian per listed argument, shaped [...out.shape, ...x.shape], by n pushforwards. */
function forwardMode(name: string, f: (...args: Tensor[]) => Tensor, args: readonly Tensor[], nums: readonly number[], outShape: readonly number[]): Tensor[] {
  return nums.map((a) => {
    const x = args[a] as Tensor;
    const g = (xa: Tensor): Tensor => checkOutput(name, f(...substitute(args, [a], [xa])));
    const columns: Tensor[] = [];
    for (let j = 0; j < x.size; j++) columns.push(jvp(g, [x], [basis(x.shape, j)])[1]);
    const m = outShape.reduce((p, d) => p * d, 1);
    if (x.size === 0 || m === 0) return zeros([...outShape, ...x.shape]);
    // Columns are J·eⱼ; stacked they form Jᵀ.
    return reshape(transpose(reshape(stack(columns, outShape), [x.size, m])), [...outShape, ...x.shape]);
  });
}

function jacobianTransform(name: string, f: (...args: Tensor[]) => Tensor, opts: JacobianOptions | undefined, fixed: Mode | null): (...args: TensorLike[]) => Tensor | Tensor[] {
  checkFunction(name, 'f', f);
  rejectUnknownOptions(name, opts, fixed == null ? ['argnums', 'mode'] : ['argnums']);
  const argnums = opts?.argnums ?? 0;
  indexList(name, 'argnums', argnums);
  const mode = opts?.mode ?? 'auto';
  if (mode !== 'auto' && mode !== 'forward' && mode !== 'reverse') {
    throw new RangeError(`${name}: option mode is ${String(mode)}, expected 'auto', 'forward' or 'reverse'`);
  }
  // The output size needed to choose a mode, remembered per input signature so the probe
  // evaluation happens once.
  const outShapes = new Map<string, readonly number[]>();
  const transformed = (...raw: TensorLike[]): Tensor | Tensor[] => {
    const nums = argnumList(name, argnums, raw.length);
    const args = raw.map(asTensor);
    const key = args.map((t) => formatShape(t.shape)).join(';');
    let outShape = outShapes.get(key);
    const n = nums.reduce((s, a) => s + (args[a] as Tensor).size, 0);
    const chosen = fixed ?? (mode === 'auto' ? null : mode);
    if (outShape === undefined && chosen !== 'reverse') {
      outShape = checkOutput(name, noGrad(() => f(...args))).shape;
      if (outShapes.size < 64) outShapes.set(key, outShape);
    }
    const m = outShape === undefined ? 0 : outShape.reduce((p, d) => p * d, 1);
    const use: Mode = chosen ?? (n < m ? 'forward' : 'reverse');
    const js = use === 'forward' ? forwardMode(name, f, args, nums, outShape as readonly number[]) : reverseMode(name, f, args, nums);
    return typeof argnums === 'number' ? (js[0] as Tensor) : js;
  };
  Object.defineProperty(transformed, 'name', { value: `${name}(${f.name || 'f'})` });
  return transformed;
}

/**
 * Transforms `f` into a function returning its Jacobian with respect to argument
 * `argnums` (default 0), shaped `[...out.shape, ...x.shape]`; with a list of argnums, one
 * Jacobian per argument. Chooses the mode by shape (option `mode: 'auto'`): forward mode
 * (one pushforward per input element) when the inputs have fewer elements than the
 * output — a model's 20 residuals in 2 parameters take 2 jvps instead of 20 vjps —
 * and reverse mode otherwise. Wrap it in {@link jit} to compile it.
 *
 * @example
 * ```ts
 * jacobian((x) => x.square())(tensor([1, 2])).toArray(); // [[2, 0], [0, 4]]
 * jacobian((x, y) => x.mul(y), { argnums: [0, 1] })(tensor([1, 2]), 3); // [diag(3, 3), [1, 2]]
 * ```
 */
export function jacobian(f: (...args: Tensor[]) => Tensor, opts?: JacobianOptions & { argnums?: number }): (...args: TensorLike[]) => Tensor;
export function jacobian(f: (...args: Tensor[]) => Tensor, opts: JacobianOptions & { argnums: readonly number[] }): (...args: TensorLike[]) => Tensor[];
export function jacobian(f: (...args: Tensor[]) => Tensor, opts?: JacobianOptions): (...args: TensorLike[]) => Tensor | Tensor[] {
  return jacobianTransform('jacobian', f, opts, null);
}

/**
 * The Jacobian by forward mode: one jvp per element of the differentiated argument(s),
 * best when inputs are fewer than outputs. Same result shapes as {@link jacobian}.
 *
 * @example
 * ```ts
 * jacfwd((x) => x.sin())(tensor([0, 0])).toArray(); // [[1, 0], [0, 1]]
 * ```
 */
export function jacfwd(f: (...args: Tensor[]) => Tensor, opts?: { argnums?: number }): (...args: TensorLike[]) => Tensor;
export function jacfwd(f: (...args: Tensor[]) => Tensor, opts: { argnums: readonly number[] }): (...args: TensorLike[]) => Tensor[];
export function jacfwd(f: (...args: Tensor[]) => Tensor, opts?: { argnums?: number | readonly number[] }): (...args: TensorLike[]) => Tensor | Tensor[] {
  return jacobianTransform('jacfwd', f, opts, 'forward');
}

/**
 * The Jacobian by reverse mode: one vjp per output element, best when outputs are fewer
 * than inputs. Same result shapes as {@link jacobian}.
 *
 * @example
 * ```ts
 * jacrev((x) => x.square().sum().reshape([1]))(tensor([1, 2])).toArray(); // [[2, 4]]
 * ```
 */
export function jacrev(f: (...args: Tensor[]) => Tensor, opts?: { argnums?: number }): (...args: TensorLike[]) => Tensor;
export function jacrev(f: (...args: Tensor[]) => Tensor, opts: { argnums: readonly number[] }): (...args: TensorLike[]) => Tensor[];
export function jacrev(f: (...args: Tensor[]) => Tensor, opts?: { argnums?: number | readonly number[] }): (...args: TensorLike[]) => Tensor | Tensor[] {
  return jacobianTransform('jacrev', f, opts, 'reverse');
}

/**
 * How {@link hessian} composes the two modes.
 *
 * @example
 * ```ts
 * hessian((x) => x.pow(3).sum(), { mode: 'reverse-over-reverse' });
 * ```
 */
export interface HessianOptions {
  /** `'forward-over-reverse'` (default: one jvp of the gradient per input element) or `'reverse-over-reverse'`. */
  mode?: 'forward-over-reverse' | 'reverse-over-reverse';
}

/**
 * Transforms a scalar-valued `f` into a function returning its Hessian at `x`, shaped
 * `[...x.shape, ...x.shape]`. By default forward-over-reverse (jvp of grad), which agrees
 * with reverse-over-reverse (jacobian of grad).
 *
 * @example
 * ```ts
 * hessian((x) => x.pow(3).sum())(tensor([1, 2])).toArray(); // [[6, 0], [0, 12]]
 * ```
 */
export function hessian(f: (x: Tensor) => Tensor, opts?: HessianOptions): (x: TensorLike) => Tensor {
  checkFunction('hessian', 'f', f);
  rejectUnknownOptions('hessian', opts, ['mode']);
  const mode = opts?.mode ?? 'forward-over-reverse';
  if (mode !== 'forward-over-reverse' && mode !== 'reverse-over-reverse') {
    throw new RangeError(`hessian: option mode is ${String(mode)}, expected 'forward-over-reverse' or 'reverse-over-reverse'`);
  }
  const g = grad(f);
  const h = jacobianTransform('hessian', g, {}, mode === 'forward-over-reverse' ? 'forward' : 'reverse') as (x: TensorLike) => Tensor;
  const named = (x: TensorLike): Tensor => h(x);
  Object.defineProperty(named, 'name', { value: `hessian(${f.name || 'f'})` });
  return named;
}
