/**
 * The fixed table of primitive ops jit records and compiles. Elementwise ops are given by
 * the JS expression for one element, with `$0`, `$1`, `$2` standing for the operands; the
 * code generator substitutes only generated local names and numeric literals for them, so
 * generated source is built from these strings and numbers alone. Each expression matches
 * the eager kernel of the op in `src/ops/`, so jitted and eager results agree.
 */
export const ELEMENTWISE = {
  copy: { arity: 1, expr: '$0' },
  neg: { arity: 1, expr: '-$0' },
  exp: { arity: 1, expr: 'Math.exp($0)' },
  log: { arity: 1, expr: 'Math.log($0)' },
  sqrt: { arity: 1, expr: 'Math.sqrt($0)' },
  abs: { arity: 1, expr: 'Math.abs($0)' },
  sign: { arity: 1, expr: 'Math.sign($0)' },
  sin: { arity: 1, expr: 'Math.sin($0)' },
  cos: { arity: 1, expr: 'Math.cos($0)' },
  tan: { arity: 1, expr: 'Math.tan($0)' },
  tanh: { arity: 1, expr: 'Math.tanh($0)' },
  sigmoid: { arity: 1, expr: '1 / (1 + Math.exp(-$0))' },
  relu: { arity: 1, expr: '($0 > 0 ? $0 : 0)' },
  square: { arity: 1, expr: '$0 * $0' },
  atan: { arity: 1, expr: 'Math.atan($0)' },
  asin: { arity: 1, expr: 'Math.asin($0)' },
  acos: { arity: 1, expr: 'Math.acos($0)' },
  sinh: { arity: 1, expr: 'Math.sinh($0)' },
  cosh: { arity: 1, expr: 'Math.cosh($0)' },
  log1p: { arity: 1, expr: 'Math.log1p($0)' },
  expm1: { arity: 1, expr: 'Math.expm1($0)' },
  erf: { arity: 1, expr: 'K.erf($0)' },
  add: { arity: 2, expr: '$0 + $1' },
  sub: { arity: 2, expr: '$0 - $1' },
  mul: { arity: 2, expr: '$0 * $1' },
  div: { arity: 2, expr: '$0 / $1' },
  pow: { arity: 2, expr: '$0 ** $1' },
  atan2: { arity: 2, expr: 'Math.atan2($0, $1)' },
  maximum: { arity: 2, expr: 'Math.max($0, $1)' },
  minimum: { arity: 2, expr: 'Math.min($0, $1)' },
  greater: { arity: 2, expr: '($0 > $1 ? 1 : 0)' },
  greaterEqual: { arity: 2, expr: '($0 >= $1 ? 1 : 0)' },
  less: { arity: 2, expr: '($0 < $1 ? 1 : 0)' },
  lessEqual: { arity: 2, expr: '($0 <= $1 ? 1 : 0)' },
  equal: { arity: 2, expr: '($0 === $1 ? 1 : 0)' },
  where: { arity: 3, expr: '($0 !== 0 ? $1 : $2)' },
  clip: { arity: 3, expr: 'Math.min(Math.max($0, $1), $2)' },
} as const satisfies Record<string, { arity: 1 | 2 | 3; expr: string }>;

export type ElementwiseKind = keyof typeof ELEMENTWISE;

/**
 * The other primitives, with their numeric `params`:
 * `input` [argument index], `const` [constant index], `reshape` [], `transpose` [axis
 * permutation], `flatSlice` [start], `flatPad` [start], `stack` [], `matmul` [] (batched,
 * numpy broadcasting of the leading dimensions), `sumTo` [] (sum down to the node's shape).
 */
export type StructuralKind = 'input' | 'const' | 'reshape' | 'transpose' | 'flatSlice' | 'flatPad' | 'stack' | 'matmul' | 'sumTo';

export type PrimKind = ElementwiseKind | StructuralKind;

export function isElementwise(kind: PrimKind): kind is ElementwiseKind {
  return Object.prototype.hasOwnProperty.call(ELEMENTWISE, kind);
}
