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

/**
 * Why a series or a limit could not be found.
 *
 * @example
 * ```ts
 * try {
 *   taylor('sqrt(x)', { about: 0, order: 2 });
 * } catch (e) {
 *   if (e instanceof SeriesError) {
 *     const reason: SeriesFailureReason = e.reason;
 *     console.log(reason); // 'branch point'
 *   }
 * }
 * ```
 */
export type SeriesFailureReason =
  | 'pole'
  | 'branch point'
  | 'not smooth'
  | 'undefined'
  | 'does not exist'
  | 'undecidable'
  | 'too large';

/**
 * Thrown by {@link taylor} and {@link limit} when the series or limit does not exist at the
 * point (a pole, a branch point, a kink, a jump) or cannot be decided, naming the point and why.
 *
 * @example
 * ```ts
 * try { taylor('1/x', { about: 0, order: 2 }); } catch (e) { if (e instanceof SeriesError) console.log(e.reason); } // 'pole'
 * ```
 */
export class SeriesError extends Error {
  /** The kind of obstacle. */
  readonly reason: SeriesFailureReason;
  constructor(message: string, reason: SeriesFailureReason) {
    super(message);
    this.name = 'SeriesError';
    this.reason = reason;
  }
}

/**
 * Why an integral could not be given: no antiderivative was found (`'not found'`), the
 * improper integral diverges (`'divergent'`), the integrand has no value on part of the
 * interval (`'undefined'`), or a limit or check could not be decided (`'undecidable'`).
 *
 * @example
 * ```ts
 * try {
 *   integrate('1/x', 'x', 0, 1);
 * } catch (e) {
 *   if (e instanceof IntegrationError) {
 *     const reason: IntegrationFailureReason = e.reason;
 *     console.log(reason); // 'divergent'
 *   }
 * }
 * ```
 */
export type IntegrationFailureReason = 'not found' | 'divergent' | 'undefined' | 'undecidable';

/**
 * Thrown by {@link integrate} and {@link explainIntegral} when they give no answer rather
 * than a wrong one: no rule found an antiderivative (or a candidate failed the check by
 * differentiation), a definite integral diverges, or it cannot be decided. The message says
 * which, naming the integrand.
 *
 * @example
 * ```ts
 * try { integrate('exp(x^2)', 'x'); } catch (e) { if (e instanceof IntegrationError) console.log(e.reason); } // 'not found'
 * ```
 */
export class IntegrationError extends Error {
  /** The kind of failure. */
  readonly reason: IntegrationFailureReason;
  constructor(message: string, reason: IntegrationFailureReason) {
    super(message);
    this.name = 'IntegrationError';
    this.reason = reason;
  }
}
