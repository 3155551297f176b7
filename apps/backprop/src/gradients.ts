import { PARAMETER_NAMES, parameterShape, type ParameterName } from './network.js';

/**
 * ∂C/∂P for every parameter P, each shaped like P (row-major).
 *
 * @example
 * const grads: Gradients = createGradients([6, 7]);
 */
export type Gradients = Record<ParameterName, Float64Array>;

/**
 * Zeroed gradient buffers for a network with hidden sizes `[n1, n2]`.
 *
 * @example
 * const grads = createGradients([6, 7]);
 * grads.W2.length; // 42
 */
export function createGradients(hidden: readonly [number, number]): Gradients {
  const entries = PARAMETER_NAMES.map((name) => {
    const [rows, cols] = parameterShape(name, hidden);
    return [name, new Float64Array(rows * cols)] as const;
  });
  return Object.fromEntries(entries) as Gradients;
}

/**
 * Where two gradient sets differ most, relative to the larger of the two entries.
 *
 * @example
 * compareGradients(a, b).worst; // { jacobian: 'J_W2', index: 22 }
 */
export interface GradientComparison {
  /** max over every entry of |a − b| / max(|a|, |b|) (0 where both are 0). */
  readonly maxRelativeDifference: number;
  /** max over every entry of |a − b|. */
  readonly maxAbsoluteDifference: number;
  /** The Jacobian (`J_W1` … `J_b3`) and row-major index of the worst relative entry. */
  readonly worst: { readonly jacobian: `J_${ParameterName}`; readonly index: number };
}

/**
 * Compares two gradient sets entry by entry.
 *
 * @example
 * compareGradients(handGrads, autodiffGrads).maxRelativeDifference; // ~1e-16
 */
export function compareGradients(a: Gradients, b: Gradients): GradientComparison {
  let maxRelativeDifference = 0;
  let maxAbsoluteDifference = 0;
  let worst: GradientComparison['worst'] = { jacobian: 'J_W1', index: 0 };
  for (const name of PARAMETER_NAMES) {
    const u = a[name];
    const v = b[name];
    if (u.length !== v.length) {
      throw new RangeError(`compareGradients: J_${name} has ${u.length} entries in the first set and ${v.length} in the second; expected equal sizes`);
    }
    for (let i = 0; i < u.length; i++) {
      const p = u[i] ?? 0;
      const q = v[i] ?? 0;
      const diff = Math.abs(p - q);
      const scale = Math.max(Math.abs(p), Math.abs(q));
      const relative = diff === 0 ? 0 : Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff / scale;
      maxAbsoluteDifference = Math.max(maxAbsoluteDifference, diff);
      if (relative > maxRelativeDifference) {
        maxRelativeDifference = relative;
        worst = { jacobian: `J_${name}`, index: i };
      }
    }
  }
  return { maxRelativeDifference, maxAbsoluteDifference, worst };
}
