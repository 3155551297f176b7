import { formatShape } from './shape-error.js';

/**
 * Thrown while {@link jit} traces a function that needs the *value* of a traced tensor:
 * reading `.data`, `.item()` or `.toArray()`, or comparing a tensor with `<`, `>`, `+`
 * and other JS operators. While tracing, tensors carry only their shape (as in JAX), so
 * control flow that depends on values (`if (x.item() > 0)`) cannot be recorded; the
 * error says which access needed the value and which op produced the tensor.
 *
 * @example
 * ```ts
 * try {
 *   jit((x: Tensor) => (x.sum().item() > 0 ? x : x.neg()))([1, 2]);
 * } catch (e) {
 *   console.log(e instanceof TracerError, (e as TracerError).access, (e as TracerError).op); // true item sum
 * }
 * ```
 */
export class TracerError extends Error {
  /** What needed a concrete value: `'data'`, `'item'`, `'toArray'`, `'comparison'`, …, or `'escaped'`. */
  readonly access: string;
  /** The op that produced the traced tensor (`'sum'`, `'mul'`, `'input'`, …). */
  readonly op: string;

  constructor(message: string, access: string, op: string) {
    super(message);
    this.name = 'TracerError';
    this.access = access;
    this.op = op;
  }
}

/** What a traced tensor knows about itself, for error messages. */
export interface TracedInfo {
  readonly owner: string;
  readonly kind: string;
  readonly shape: readonly number[];
}

const ACCESS_TEXT: Record<string, string> = {
  data: 'reads its .data',
  item: 'calls .item()',
  toArray: 'calls .toArray()',
  comparison: 'uses it with a JS operator (<, >, <=, >=, +, -, ==, if (t > 0)…)',
};

/** The error for an access that needs a traced tensor's value. */
export function concretizationError(info: TracedInfo, access: string): TracerError {
  const what = ACCESS_TEXT[access] ?? `calls ${access}`;
  return new TracerError(
    `${info.owner}: while tracing, f ${what} on a traced tensor, the output of op "${info.kind}" with shape ` +
      `${formatShape(info.shape)}; traced tensors have a shape but no values until the compiled code runs. ` +
      'Control flow or JS arithmetic on tensor values (if (x.item() > 0), x.data[i], x < y) cannot be traced: ' +
      'use where(cond, a, b), maximum/minimum or clip for branches, pass such inputs with the staticArgnums option, ' +
      'or call f without jit.',
    access,
    info.kind,
  );
}

/** The error for a traced tensor used after its trace ended (JAX's UnexpectedTracerError). */
export function escapedTracerError(info: TracedInfo, where: string): TracerError {
  return new TracerError(
    `${where}: a traced tensor from ${info.owner} (the output of op "${info.kind}", shape ${formatShape(info.shape)}) ` +
      'was used after jit finished tracing; it escaped, e.g. through a variable outside f. Return it from f instead.',
    'escaped',
    info.kind,
  );
}
