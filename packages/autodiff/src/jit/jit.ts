import { Tensor } from '../tensor.js';
import { asTensor, type TensorLike } from '../create.js';
import { formatShape } from '../shape-error.js';
import { isJitTracing, withJitTracing } from '../trace.js';
import { rejectUnknownOptions } from '../options.js';
import { checkFunction, describeValue, indexList } from '../validate.js';
import { Graph } from './graph.js';
import { schedule } from './schedule.js';
import { compileProgram, type CompiledProgram } from './codegen.js';
import { differentiableCall, type OutputRules } from './jit-rule.js';

/**
 * Options of {@link jit}.
 *
 * @example
 * ```ts
 * const power = jit((x: Tensor, k: number) => x.pow(k), { staticArgnums: [1] });
 * power([1, 2], 3).toArray(); // [1, 8]
 * ```
 */
export interface JitOptions {
  /**
   * Positions of arguments that are not tensors (numbers used in control flow, strings,
   * options objects): passed to `f` as they are, and part of the cache key, so a new value
   * (compared with `Object.is`) traces again.
   */
  staticArgnums?: number | readonly number[];
}

/**
 * One compiled program of a jitted function, for fixed argument shapes: the buffer-level
 * entry point for callers that evaluate many times (an optimizer's inner loop).
 *
 * @example
 * ```ts
 * const vg = jit(valueAndGrad((x: Tensor) => x.square().sum())).lower(new Float64Array(3));
 * const value = new Float64Array(1);
 * const gradient = new Float64Array(3);
 * vg.run([Float64Array.of(1, 2, 3)], [value, gradient]); // value [14], gradient [2, 4, 6]
 * ```
 */
export interface CompiledFunction {
  /** Shapes of the tensor arguments, in order (static arguments are left out). */
  readonly inputShapes: readonly (readonly number[])[];
  /** Shapes of the tensor outputs, in depth-first order of `f`'s result (e.g. `[value, grad]`). */
  readonly outputShapes: readonly (readonly number[])[];
  /** The generated JS, for inspection. */
  readonly source: string;
  /**
   * Runs the compiled code on row-major buffers: `inputs[i]` holds the values of tensor
   * argument i; the results are written into `outputs` (allocated when omitted) and
   * returned. With caller-owned `outputs` a call allocates nothing. Output buffers must
   * not overlap each other or the inputs.
   */
  run(inputs: readonly Float64Array[], outputs?: Float64Array[]): Float64Array[];
}

/** The argument types a jitted function accepts: tensors may be passed as any {@link TensorLike}. */
export type JitArgs<A extends readonly unknown[]> = { [K in keyof A]: A[K] extends Tensor ? TensorLike : A[K] };

/**
 * A function transformed by {@link jit}: call it like `f`, or `lower` it to a
 * {@link CompiledFunction} for fixed shapes.
 */
export type Jitted<A extends readonly unknown[], R> = ((...args: JitArgs<A>) => R) & {
  /** Traces (or reuses) the program for these arguments' shapes and returns it. */
  lower(...args: JitArgs<A>): CompiledFunction;
};

/** How `f`'s result is rebuilt around the output tensors. */
type Tree =
  | { readonly t: 'tensor'; readonly k: number }
  | { readonly t: 'static'; readonly v: unknown }
  | { readonly t: 'array'; readonly items: readonly Tree[] }
  | { readonly t: 'object'; readonly keys: readonly string[]; readonly items: readonly Tree[] };

interface Entry {
  readonly shapeKey: string;
  readonly statics: readonly unknown[];
  readonly compiled: CompiledFunction;
  readonly run: CompiledProgram;
  readonly tree: Tree;
  /** Derivative rules for calls under grad/jvp, made on first need. */
  readonly rules: (OutputRules | undefined)[];
}

/** Programs kept per jitted function; the least recently used is dropped beyond this. */
const MAX_SIGNATURES = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v == null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto == null;
}

/** Flattens `f`'s result into output node ids and the structure to rebuild it. */
function flatten(value: unknown, graph: Graph, outputs: number[], shapes: (readonly number[])[]): Tree {
  if (value instanceof Tensor) {
    outputs.push(graph.idOf(value));
    shapes.push(value.shape);
    return { t: 'tensor', k: outputs.length - 1 };
  }
  if (Array.isArray(value)) return { t: 'array', items: value.map((v) => flatten(v, graph, outputs, shapes)) };
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return { t: 'object', keys, items: keys.map((k) => flatten(value[k], graph, outputs, shapes)) };
  }
  return { t: 'static', v: value };
}

function rebuild(tree: Tree, tensors: readonly Tensor[]): unknown {
  switch (tree.t) {
    case 'tensor': return tensors[tree.k];
    case 'static': return tree.v;
    case 'array': return tree.items.map((item) => rebuild(item, tensors));
    case 'object': {
      const out: Record<string, unknown> = {};
      tree.keys.forEach((key, i) => { out[key] = rebuild(tree.items[i] as Tree, tensors); });
      return out;
    }
  }
}

/** Constants whose elements are all equal, by index: jit reads them as literals. */
function uniformConstants(constants: readonly Float64Array[]): Map<number, number> {
  const out = new Map<number, number>();
  constants.forEach((c, k) => {
    if (c.length === 0) return;
    const v = c[0] as number;
    for (let i = 1; i < c.length; i++) if (!Object.is(c[i], v)) return;
    out.set(k, v);
  });
  return out;
}

function overlaps(a: Float64Array, b: Float64Array): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * Just-in-time compilation, as in JAX: `jit(f)` traces `f` once per signature (the shapes
 * of its tensor arguments, plus the values of static arguments) into a graph of primitive
 * ops, fuses elementwise chains and reductions into single loops, and runs it from then on
 * as generated straight-line code over Float64Array buffers — no tensors, tapes or
 * closures per op. It composes with the transformations: `jit(grad(f))`,
 * `jit(valueAndGrad(f))`, `jit(jacobian(f))` compile the derivative, and `grad(jit(f))`
 * differentiates the compiled function.
 *
 * While tracing, tensors have a shape but no values, so `f` must not branch on tensor
 * values: reading `.data`, `.item()`, `.toArray()` or comparing tensors with JS operators
 * throws a {@link TracerError} naming the access and the op. Write branches with
 * `where`, `maximum`/`minimum` or `clip`, or mark the deciding argument static. Tensors
 * captured from the enclosing scope are constants frozen at trace time; pass anything
 * that changes as an argument. Side effects in `f` happen only when it is traced.
 *
 * @example
 * ```ts
 * const loss = (w: Tensor, x: Tensor) => w.matmul(x).sigmoid().sum();
 * const step = jit(valueAndGrad(loss));
 * const [value, g] = step(tensor([[0.5, -1]]), tensor([[1], [2]])); // compiled on the first call
 * ```
 */
export function jit<A extends readonly unknown[], R>(f: (...args: A) => R, opts?: JitOptions): Jitted<A, R> {
  checkFunction('jit', 'f', f);
  rejectUnknownOptions('jit', opts, ['staticArgnums']);
  const statics = new Set(indexList('jit', 'staticArgnums', opts?.staticArgnums ?? []));
  const fname = `jit(${f.name || 'f'})`;
  const cache: Entry[] = [];

  const prepare = (args: readonly unknown[]): { tensors: Tensor[]; staticValues: unknown[]; shapeKey: string } => {
    const tensors: Tensor[] = [];
    const staticValues: unknown[] = [];
    let shapeKey = `${args.length}`;
    args.forEach((a, i) => {
      if (statics.has(i)) {
        staticValues.push(a);
        shapeKey += ';s';
        return;
      }
      let t: Tensor;
      try {
        t = asTensor(a as TensorLike);
      } catch (e) {
        throw new TypeError(`${fname}: argument ${i} must be a Tensor, number, array of numbers or Float64Array (got ${describeValue(a)}); mark non-tensor arguments with the staticArgnums option${e instanceof Error ? ` (${e.message})` : ''}`, { cause: e });
      }
      tensors.push(t);
      shapeKey += `;${formatShape(t.shape)}`;
    });
    for (const i of statics) {
      if (i >= args.length) throw new RangeError(`${fname}: option staticArgnums contains ${i}, but the call has ${args.length} argument(s)`);
    }
    return { tensors, staticValues, shapeKey };
  };

  const trace = (args: readonly unknown[], tensors: readonly Tensor[], shapeKey: string, staticValues: readonly unknown[]): Entry => {
    const graph = new Graph(fname);
    let next = 0;
    const callArgs = args.map((a, i) => (statics.has(i) ? a : graph.input(next, (tensors[next++] as Tensor).shape)));
    const outputs: number[] = [];
    const shapes: (readonly number[])[] = [];
    let tree: Tree;
    try {
      const result = withJitTracing(() => f(...(callArgs as unknown as A)));
      tree = flatten(result, graph, outputs, shapes);
    } finally {
      graph.active = false;
    }
    const program = schedule(graph, outputs, tensors.length, uniformConstants(graph.constants));
    const { run, source } = compileProgram(program);
    const inputShapes = tensors.map((t) => t.shape);
    const compiled: CompiledFunction = {
      inputShapes,
      outputShapes: shapes,
      source,
      run(inputs, outs) {
        if (!Array.isArray(inputs) || inputs.length !== inputShapes.length) {
          throw new TypeError(`${fname}: run expects an array of ${inputShapes.length} input buffer(s), got ${Array.isArray(inputs) ? `${inputs.length}` : describeValue(inputs)}`);
        }
        inputs.forEach((x, i) => {
          const size = program.inputSizes[i] as number;
          if (!(x instanceof Float64Array) || x.length !== size) {
            throw new TypeError(`${fname}: input ${i} must be a Float64Array of length ${size} (shape ${formatShape(inputShapes[i] as number[])}), got ${x instanceof Float64Array ? `length ${x.length}` : describeValue(x)}`);
          }
        });
        const o = outs ?? program.outputSizes.map((n: number) => new Float64Array(n));
        if (outs !== undefined) {
          if (!Array.isArray(outs) || outs.length !== program.outputSizes.length) {
            throw new TypeError(`${fname}: run expects an array of ${program.outputSizes.length} output buffer(s), got ${Array.isArray(outs) ? `${outs.length}` : describeValue(outs)}`);
          }
          outs.forEach((b, k) => {
            const size = program.outputSizes[k] as number;
            if (!(b instanceof Float64Array) || b.length !== size) {
              throw new TypeError(`${fname}: output ${k} must be a Float64Array of length ${size} (shape ${formatShape(shapes[k] as number[])}), got ${b instanceof Float64Array ? `length ${b.length}` : describeValue(b)}`);
            }
            for (let j = 0; j < k; j++) if (overlaps(b, outs[j] as Float64Array)) throw new RangeError(`${fname}: output buffers ${j} and ${k} overlap`);
            for (let j = 0; j < inputs.length; j++) if (overlaps(b, inputs[j] as Float64Array)) throw new RangeError(`${fname}: output buffer ${k} overlaps input ${j}`);
          });
        }
        run(inputs, o);
        return o;
      },
    };
    return { shapeKey, statics: staticValues, compiled, run, tree, rules: [] };
  };

  const lookup = (args: readonly unknown[]): { entry: Entry; tensors: Tensor[] } => {
    const { tensors, staticValues, shapeKey } = prepare(args);
    for (let i = cache.length - 1; i >= 0; i--) {
      const e = cache[i] as Entry;
      if (e.shapeKey === shapeKey && e.statics.every((v, j) => Object.is(v, staticValues[j]))) {
        if (i !== cache.length - 1) {
          cache.splice(i, 1);
          cache.push(e);
        }
        return { entry: e, tensors };
      }
    }
    const entry = trace(args, tensors, shapeKey, staticValues);
    cache.push(entry);
    if (cache.length > MAX_SIGNATURES) cache.shift();
    return { entry, tensors };
  };

  const execute = (entry: Entry, tensors: readonly Tensor[]): unknown => {
    const sizes = entry.compiled.outputShapes;
    const outs = sizes.map((s) => new Float64Array(s.reduce((p, d) => p * d, 1)));
    entry.run(tensors.map((t) => t.data), outs);
    return rebuild(entry.tree, outs.map((o, k) => new Tensor(o, sizes[k] as number[])));
  };

  const jitted = (...args: unknown[]): unknown => {
    // Inside another trace, f is simply traced into the enclosing graph.
    if (isJitTracing()) return f(...(args as unknown as A));
    const { entry, tensors } = lookup(args);
    if (tensors.some((t) => t._trace != null || t._tangents != null)) {
      return differentiableCall(fname, f as unknown as (...xs: unknown[]) => unknown, args, statics, tensors, entry.rules, () => execute(entry, tensors));
    }
    return execute(entry, tensors);
  };
  Object.defineProperty(jitted, 'name', { value: fname });
  const lower = (...args: unknown[]): CompiledFunction => lookup(args).entry.compiled;
  return Object.assign(jitted, { lower }) as unknown as Jitted<A, R>;
}
