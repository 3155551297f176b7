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

/**
 * The argument types a jitted function accepts: tensors may be passed as any {@link TensorLike}.
 *
 * @example
 * ```ts
 * const args: JitArgs<[Tensor, number]> = [[1, 2], 3];
 * ```
 */
export type JitArgs<A extends readonly unknown[]> = { [K in keyof A]: A[K] extends Tensor ? TensorLike : A[K] };

/**
 * A function transformed by {@link jit}: call it like `f`, or `lower` it to a
 * {@link CompiledFunction} for fixed shapes.
 *
 * @example
 * ```ts
 * const double: Jitted<[Tensor], Tensor> = jit((x: Tensor) => x.mul(2));
 * double([1, 2]).toArray(); // [2, 4]
 * double.lower(new Float64Array(2)).run([Float64Array.of(1, 2)]); // [Float64Array [2, 4]]
 * ```
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
  readonly outputSizes: readonly number[];
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

function sameStatics(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** True when `inputs` then `outs` are exactly the buffers recorded in `seen`. */
function sameBuffers(seen: readonly Float64Array[], inputs: readonly Float64Array[], outs: readonly Float64Array[]): boolean {
  if (seen.length !== inputs.length + outs.length) return false;
  for (let i = 0; i < inputs.length; i++) if (seen[i] !== inputs[i]) return false;
  for (let k = 0; k < outs.length; k++) if (seen[inputs.length + k] !== outs[k]) return false;
  return true;
}

function remember(seen: Float64Array[], inputs: readonly Float64Array[], outs: readonly Float64Array[]): void {
  seen.length = 0;
  for (const x of inputs) seen.push(x);
  for (const o of outs) seen.push(o);
}

function overlaps(a: Float64Array, b: Float64Array): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/** A non-Tensor argument as a tensor, or a TypeError naming its position. */
function toTensor(fname: string, i: number, a: unknown): Tensor {
  try {
    return asTensor(a as TensorLike);
  } catch (e) {
    throw new TypeError(`${fname}: argument ${i} must be a Tensor, number, array of numbers or Float64Array (got ${describeValue(a)}); mark non-tensor arguments with the staticArgnums option${e instanceof Error ? ` (${e.message})` : ''}`, { cause: e });
  }
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
  const staticCount = statics.size;
  const fname = `jit(${f.name || 'f'})`;
  const cache: Entry[] = [];

  // The per-call path avoids closures and builds the cache key from shapes directly.
  const prepare = (args: readonly unknown[]): { tensors: Tensor[]; staticValues: unknown[]; shapeKey: string } => {
    const tensors: Tensor[] = [];
    const staticValues: unknown[] = [];
    let shapeKey = String(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (statics.has(i)) {
        staticValues.push(a);
        shapeKey += ';s';
        continue;
      }
      const t = a instanceof Tensor ? a : toTensor(fname, i, a);
      tensors.push(t);
      shapeKey += ';';
      const shape = t.shape;
      for (let d = 0; d < shape.length; d++) shapeKey += d === 0 ? String(shape[d]) : `,${shape[d]}`;
    }
    if (staticCount > 0) {
      for (const i of statics) {
        if (i >= args.length) throw new RangeError(`${fname}: option staticArgnums contains ${i}, but the call has ${args.length} argument(s)`);
      }
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
    const inputSizes = program.inputSizes;
    const outputSizes = program.outputSizes;
    const checked: Float64Array[] = [];
    const compiled: CompiledFunction = {
      inputShapes,
      outputShapes: shapes,
      source,
      run(inputs, outs) {
        // Plain loops, no closures: this is the per-evaluation path of optimizers.
        if (!Array.isArray(inputs) || inputs.length !== inputSizes.length) {
          throw new TypeError(`${fname}: run expects an array of ${inputSizes.length} input buffer(s), got ${Array.isArray(inputs) ? `${inputs.length}` : describeValue(inputs)}`);
        }
        for (let i = 0; i < inputSizes.length; i++) {
          const x: unknown = inputs[i];
          if (!(x instanceof Float64Array) || x.length !== inputSizes[i]) {
            throw new TypeError(`${fname}: input ${i} must be a Float64Array of length ${inputSizes[i]} (shape ${formatShape(inputShapes[i] as number[])}), got ${x instanceof Float64Array ? `length ${x.length}` : describeValue(x)}`);
          }
        }
        let o: Float64Array[];
        if (outs === undefined) {
          o = new Array<Float64Array>(outputSizes.length);
          for (let k = 0; k < outputSizes.length; k++) o[k] = new Float64Array(outputSizes[k] as number);
        } else {
          if (!Array.isArray(outs) || outs.length !== outputSizes.length) {
            throw new TypeError(`${fname}: run expects an array of ${outputSizes.length} output buffer(s), got ${Array.isArray(outs) ? `${outs.length}` : describeValue(outs)}`);
          }
          for (let k = 0; k < outputSizes.length; k++) {
            const b: unknown = outs[k];
            if (!(b instanceof Float64Array) || b.length !== outputSizes[k]) {
              throw new TypeError(`${fname}: output ${k} must be a Float64Array of length ${outputSizes[k]} (shape ${formatShape(shapes[k] as number[])}), got ${b instanceof Float64Array ? `length ${b.length}` : describeValue(b)}`);
            }
          }
          // Reading .buffer/.byteOffset is slow, so the overlap verdict is kept for the
          // buffers last seen (an optimizer passes the same ones every iteration).
          if (!sameBuffers(checked, inputs, outs)) {
            for (let k = 0; k < outs.length; k++) {
              const b = outs[k] as Float64Array;
              for (let j = 0; j < k; j++) if (overlaps(b, outs[j] as Float64Array)) throw new RangeError(`${fname}: output buffers ${j} and ${k} overlap`);
              for (let j = 0; j < inputs.length; j++) if (overlaps(b, inputs[j] as Float64Array)) throw new RangeError(`${fname}: output buffer ${k} overlaps input ${j}`);
            }
            remember(checked, inputs, outs);
          }
          o = outs;
        }
        run(inputs, o);
        return o;
      },
    };
    return { shapeKey, statics: staticValues, compiled, run, tree, outputSizes, rules: [] };
  };

  const lookup = (args: readonly unknown[]): { entry: Entry; tensors: Tensor[] } => {
    const { tensors, staticValues, shapeKey } = prepare(args);
    const last = cache[cache.length - 1];
    if (last !== undefined && last.shapeKey === shapeKey && sameStatics(last.statics, staticValues)) return { entry: last, tensors };
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
    const shapes = entry.compiled.outputShapes;
    const sizes = entry.outputSizes;
    const ins = new Array<Float64Array>(tensors.length);
    for (let i = 0; i < tensors.length; i++) ins[i] = (tensors[i] as Tensor).data;
    const outs = new Array<Float64Array>(sizes.length);
    for (let k = 0; k < sizes.length; k++) outs[k] = new Float64Array(sizes[k] as number);
    entry.run(ins, outs);
    const results = new Array<Tensor>(sizes.length);
    for (let k = 0; k < sizes.length; k++) results[k] = new Tensor(outs[k] as Float64Array, shapes[k] as number[]);
    // A lone tensor result needs no rebuilding.
    return entry.tree.t === 'tensor' ? results[0] : rebuild(entry.tree, results);
  };

  const jitted = (...args: unknown[]): unknown => {
    // Inside another trace, f is simply traced into the enclosing graph.
    if (isJitTracing()) return f(...(args as unknown as A));
    const { entry, tensors } = lookup(args);
    let differentiated = false;
    for (const t of tensors) if (t._trace != null || t._tangents != null) differentiated = true;
    if (differentiated) {
      return differentiableCall(fname, f as unknown as (...xs: unknown[]) => unknown, args, statics, tensors, entry.rules, () => execute(entry, tensors));
    }
    return execute(entry, tensors);
  };
  Object.defineProperty(jitted, 'name', { value: fname });
  const lower = (...args: unknown[]): CompiledFunction => lookup(args).entry.compiled;
  return Object.assign(jitted, { lower }) as unknown as Jitted<A, R>;
}
