import { Tensor } from './tensor.js';
import { asTensor, type TensorLike } from './create.js';
import { identity } from './ops/layout.js';
import type { Trace } from './trace.js';
import { ShapeError, formatShape } from './shape-error.js';
import { indexList } from './validate.js';

/** Validates `argnums` (type, repeats) and against the call's argument count; returns a list. */
export function argnumList(name: string, argnums: number | readonly number[], count: number): number[] {
  const list = indexList(name, 'argnums', argnums);
  for (const i of list) {
    if (i >= count) {
      throw new RangeError(`${name}: option argnums contains ${i}, but the call has ${count} argument(s) (expected an integer in [0, ${count - 1}])`);
    }
  }
  return list;
}

/**
 * The inputs `f` sees: the differentiated arguments become fresh leaf tensors of
 * `trace` (linked to the caller's tensor by an identity node, so an enclosing
 * transformation still sees through them); the rest pass through unchanged.
 */
export function makeLeaves(args: readonly TensorLike[], argnums: readonly number[], trace: Trace): { inputs: Tensor[]; leaves: Tensor[] } {
  const inputs = args.map(asTensor);
  const leaves = argnums.map((i) => {
    const leaf = identity(inputs[i] as Tensor);
    leaf._trace = trace;
    inputs[i] = leaf;
    return leaf;
  });
  return { inputs, leaves };
}

/** Checks that `f` returned a Tensor (a number is accepted as a scalar). */
export function checkOutput(name: string, out: unknown): Tensor {
  if (out instanceof Tensor) return out;
  if (typeof out === 'number') return new Tensor(Float64Array.of(out), []);
  throw new TypeError(`${name}: f must return a Tensor, got ${out == null ? 'null' : typeof out}`);
}

export function requireScalar(name: string, out: Tensor): void {
  if (out.size !== 1) {
    throw new ShapeError(name, `f must return a scalar (one element), got shape ${formatShape(out.shape)}; use vjp or jacobian for non-scalar outputs`, [out.shape]);
  }
}

/** Drops graph links from values handed back to top-level callers (so the tape is freed). */
export function release<T>(value: T): T {
  if (value instanceof Tensor) return value.detach() as T;
  if (Array.isArray(value)) return value.map((v: unknown) => (v instanceof Tensor ? v.detach() : v)) as T;
  return value;
}
