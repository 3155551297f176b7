/**
 * What happened to one graded function.
 * - `pass`: it matched the reference on every case;
 * - `fail`: it returned the right shape but a wrong value (or NaN/Infinity);
 * - `not-written`: it is missing or still throws "not written yet";
 * - `error`: it threw something else, or did not return in time;
 * - `shape`: it returned something that is not the expected shape or type.
 *
 * @example
 * ```ts
 * const ok: FunctionStatus = 'pass';
 * ```
 */
export type FunctionStatus = 'pass' | 'fail' | 'not-written' | 'error' | 'shape';

/**
 * The grade of one function: a one-line message, a hint diagnosed from the error pattern when
 * one fits, and for a wrong value the element (row, column; or index), expected and got.
 *
 * @example
 * ```ts
 * const r: FunctionResult = { name: 'J_b3', status: 'fail', message: 'J_b3: element [1, 0] is 0.2, expected 0.002', element: [1, 0], expected: 0.002, got: 0.2 };
 * ```
 */
export interface FunctionResult {
  readonly name: string;
  readonly status: FunctionStatus;
  readonly message: string;
  readonly hint?: string;
  readonly element?: readonly number[];
  readonly expected?: number;
  readonly got?: number;
}

/**
 * The grade of a whole assignment: one result per graded function, in the course's order;
 * `passed` when every one passes.
 *
 * @example
 * ```ts
 * if (!report.passed) console.log(formatReport(report));
 * ```
 */
export interface GradeReport {
  readonly id: 'backprop' | 'heights';
  readonly passed: boolean;
  readonly results: readonly FunctionResult[];
}
