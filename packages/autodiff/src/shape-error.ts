/**
 * Thrown when tensor shapes do not fit an operation. The message names the op and every
 * shape involved, e.g. `add: cannot broadcast shapes [2,3] and [4]`.
 *
 * @example
 * ```ts
 * try { add(zeros([2, 3]), zeros([4])); } catch (e) { e instanceof ShapeError; // true }
 * ```
 */
export class ShapeError extends Error {
  /** The operation that rejected the shapes. */
  readonly op: string;
  /** The shapes involved, in argument order. */
  readonly shapes: readonly (readonly number[])[];

  constructor(op: string, message: string, shapes: readonly (readonly number[])[] = []) {
    super(`${op}: ${message}`);
    this.name = 'ShapeError';
    this.op = op;
    this.shapes = shapes;
  }
}

/** Formats a shape the way error messages print it: `[2,3]`, `[]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
