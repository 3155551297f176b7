import type { AssignmentId, GradeReport } from '@slope/grader';
import type { GradeMessage, GradeRequest } from './grade-protocol.js';

/** How long one graded function may run before it counts as hanging. */
export const FUNCTION_TIME_LIMIT_MS = 5000;

/** The outcome of a check: the grader's report, or why the module could not be graded at all. */
export type CheckOutcome =
  | { readonly kind: 'report'; readonly report: GradeReport }
  | { readonly kind: 'syntax-error'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly kind: 'load-error'; readonly message: string };

type Run = { readonly kind: 'done'; readonly message: GradeMessage } | { readonly kind: 'hung'; readonly name: string | undefined };

function gradeOnce(request: GradeRequest, limitMs: number): Promise<Run> {
  const worker = new Worker(new URL('./grade-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    let current: string | undefined;
    // The clock restarts as each function starts: the limit is per function, so a slow machine
    // grading six functions is not mistaken for one that hangs.
    let timer = setTimeout(() => finish({ kind: 'hung', name: current }), limitMs * 2);
    const finish = (run: Run): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(run);
    };
    worker.addEventListener('message', (event: MessageEvent<GradeMessage>) => {
      const m = event.data;
      if (m.type === 'function') {
        current = m.name;
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'hung', name: current }), limitMs);
      } else {
        finish({ kind: 'done', message: m });
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish({ kind: 'done', message: { type: 'load-error', message: event.message || 'the grading worker failed to start' } });
    });
    worker.postMessage(request);
  });
}

/**
 * Grades the learner's module in a Web Worker with a time limit per function. A function
 * that hangs is reported by name ("did not return within 5 s") and the others are still
 * graded: the worker is stopped and started again with that one replaced.
 *
 * @example
 * ```ts
 * const outcome = await checkInWorker('heights', source);
 * if (outcome.kind === 'report') console.log(outcome.report.passed);
 * ```
 */
export async function checkInWorker(id: AssignmentId, source: string, limitMs = FUNCTION_TIME_LIMIT_MS): Promise<CheckOutcome> {
  const skip: { name: string; message: string }[] = [];
  for (;;) {
    const run = await gradeOnce({ type: 'grade', id, source, skip }, limitMs);
    if (run.kind === 'hung') {
      if (run.name === undefined || skip.some((s) => s.name === run.name)) {
        return { kind: 'load-error', message: `the module did not finish loading within ${limitMs / 1000} s (a loop at its top level?)` };
      }
      skip.push({ name: run.name, message: `${run.name} did not return within ${limitMs / 1000} s: is there a loop that never ends?` });
      continue;
    }
    const m = run.message;
    if (m.type === 'report') return { kind: 'report', report: m.report };
    if (m.type === 'syntax-error') return { kind: 'syntax-error', message: m.message, ...(m.line === undefined ? {} : { line: m.line }), ...(m.column === undefined ? {} : { column: m.column }) };
    if (m.type === 'load-error') return { kind: 'load-error', message: m.message };
  }
}
