import { assignmentSpec, type AssignmentId } from './assignments.js';
import { gradeBackprop } from './backprop/grade.js';
import { gradeHeights } from './heights/grade.js';
import { rejectUnknownOptions } from './options.js';
import type { GradeReport } from './report.js';

/**
 * Options of {@link grade}.
 *
 * @example
 * ```ts
 * const options: GradeOptions = { seed: 7, onFunction: (name) => console.log('grading', name) };
 * ```
 */
export interface GradeOptions {
  /** Seed of the random cases (default 0); every seed includes the course's own case first. */
  readonly seed?: number;
  /** Called with each function's name just before it is graded (the Node runner uses it to name a function that hangs). */
  readonly onFunction?: (name: string) => void;
  /** Grade only these functions (default: all of the assignment's, in the course's order). */
  readonly functions?: readonly string[];
}

/**
 * Grades each graded function of `impl` (the learner's module namespace) on its own, on
 * several seeded random cases: backprop against @slope/autodiff's gradient of the cost,
 * heights against the course's formulas and central finite differences. A wrong answer names
 * the element, the expected and the got value, and a hint diagnosed from the error pattern.
 * Pure and synchronous: the caller adds the time limit.
 *
 * @throws RangeError for an unknown assignment, seed or function name; TypeError for an unknown option.
 * @example
 * ```ts
 * const report = grade('heights', await import('./my-heights.mjs'), { seed: 1 });
 * report.results.map((r) => `${r.name}: ${r.status}`); // ['dfdmu: pass', 'dfdsig: fail', 'steepest_step: not-written']
 * ```
 */
export function grade(id: AssignmentId, impl: Readonly<Record<string, unknown>>, options: GradeOptions = {}): GradeReport {
  const spec = assignmentSpec(id);
  rejectUnknownOptions('grade', options, ['seed', 'onFunction', 'functions']);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`grade: seed must be a safe integer, got ${String(seed)}`);
  if (impl == null || (typeof impl !== 'object' && typeof impl !== 'function')) {
    throw new TypeError(`grade: impl must be the learner's module (an object of functions), got ${String(impl == null ? impl : typeof impl)}`);
  }
  const all = spec.functions.map((f) => f.name);
  const names = options.functions ?? all;
  for (const name of names) {
    if (!all.includes(name)) throw new RangeError(`grade: ${JSON.stringify(name)} is not a graded function of ${id}; they are ${all.join(', ')}`);
  }
  const onFunction = options.onFunction ?? (() => undefined);
  const results = id === 'backprop' ? gradeBackprop(impl, seed, names, onFunction) : gradeHeights(impl, seed, names, onFunction);
  return { id, passed: results.length > 0 && results.every((r) => r.status === 'pass'), results };
}
