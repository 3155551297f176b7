import type { Tensor } from './tensor.js';
import { asTensor, zeros, type TensorLike } from './create.js';
import { identity } from './ops/layout.js';
import { attachTangent, isOutermost, popTrace, pushTrace, tangentOf, withRecording } from './trace.js';
import { checkOutput, release } from './transform-args.js';
import { ShapeError, formatShape } from './shape-error.js';
import { sameShape } from './shape.js';
import { checkArray, checkFunction } from './validate.js';

/**
 * Forward mode: evaluates `f` at `primals` while pushing `tangents` through every op
 * (dual numbers), returning the output and the directional derivative J·v. Costs one
 * extra evaluation per call, independent of the output size.
 *
 * @example
 * ```ts
 * const [y, dy] = jvp((x) => x.sin(), [0], [1]);
 * y.item(); dy.item(); // 0, 1
 * ```
 */
export function jvp(f: (...args: Tensor[]) => Tensor, primals: readonly TensorLike[], tangents: readonly TensorLike[]): [out: Tensor, tangentOut: Tensor] {
  checkFunction('jvp', 'f', f);
  checkArray('jvp', 'primals', primals, ' with one value per argument of f (e.g. [x])');
  checkArray('jvp', 'tangents', tangents, ' with one tangent per primal (e.g. [v])');
  if (primals.length !== tangents.length) {
    throw new RangeError(`jvp: got ${primals.length} primal(s) but ${tangents.length} tangent(s); expected one tangent per primal`);
  }
  const trace = pushTrace('forward');
  let out: Tensor;
  try {
    const inputs = primals.map((p, i) => {
      const x = asTensor(p);
      const t = asTensor(tangents[i] as TensorLike);
      if (!sameShape(x.shape, t.shape)) {
        throw new ShapeError('jvp', `tangent ${i} has shape ${formatShape(t.shape)} but primal ${i} has shape ${formatShape(x.shape)}`, [x.shape, t.shape]);
      }
      const dual = identity(x);
      attachTangent(dual, trace, t);
      return dual;
    });
    out = checkOutput('jvp', withRecording(() => f(...inputs)));
  } finally {
    popTrace(trace);
  }
  const tangentOut = tangentOf(out, trace) ?? zeros(out.shape);
  return isOutermost() ? [release(out), release(tangentOut)] : [out, tangentOut];
}
