import { grade } from '@slope/grader';
import type { GradeMessage, GradeRequest } from './grade-protocol.js';
import { importLearnerModule, LearnerSourceError } from './learner-source.js';

// Grades the learner's module in a Web Worker, so a function that loops forever cannot freeze
// the page: the page terminates the worker at its time limit. The learner's code is their own
// module, run in their own browser, as the CLI imports their file from their own disk.

interface WorkerScope {
  postMessage(message: GradeMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GradeRequest>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (m: GradeMessage): void => scope.postMessage(m);

scope.addEventListener('message', (event) => {
  if (event.data.type === 'grade') void run(event.data);
});

async function run(request: GradeRequest): Promise<void> {
  let module: Record<string, unknown>;
  try {
    module = await importLearnerModule(request.source);
  } catch (e) {
    if (e instanceof LearnerSourceError) post({ type: 'syntax-error', message: e.message, ...(e.line === undefined ? {} : { line: e.line }), ...(e.column === undefined ? {} : { column: e.column }) });
    else post(e instanceof SyntaxError ? { type: 'syntax-error', message: e.message } : { type: 'load-error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const impl: Record<string, unknown> = { ...module };
  for (const s of request.skip) {
    impl[s.name] = () => {
      throw new Error(s.message);
    };
  }
  const report = grade(request.id, impl, { onFunction: (name) => post({ type: 'function', name }) });
  post({ type: 'report', report });
}
