/**
 * Thrown by {@link parse} when the source text is not a supported expression.
 *
 * @example
 * ```ts
 * try { parse('x +'); } catch (e) { if (e instanceof ParseError) console.log(e.position); } // 3
 * ```
 */
export class ParseError extends Error {
  /** 0-based character index in the source where the problem was found. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'ParseError';
    this.position = position;
  }
}

/**
 * Thrown by {@link derivative} (and everything built on it) when an expression contains a
 * function or construct with no differentiation rule.
 *
 * @example
 * ```ts
 * try { derivative('gamma(x)', 'x'); } catch (e) { console.log(e instanceof DifferentiationError); } // true
 * ```
 */
export class DifferentiationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DifferentiationError';
  }
}
