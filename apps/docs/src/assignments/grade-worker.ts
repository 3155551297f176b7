import { grade } from '@slope/grader';
import { transform } from 'sucrase';
import type { GradeMessage, GradeRequest } from './grade-protocol.js';

// Grades the learner's module in a Web Worker, so a function that loops forever cannot freeze
// the page: the page terminates the worker at its time limit. The learner's code is their own
// module, run in their own browser, as the CLI imports their file from their own disk.

interface WorkerScope {
  postMessage(message: GradeMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GradeRequest>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (m: GradeMessage): void => scope.postMessage(m);

function located(message: string): { line?: number; column?: number } {
  const m = /\((\d+):(\d+)\)\s*$/.exec(message);
  return m === null ? {} : { line: Number(m[1]), column: Number(m[2]) + 1 };
}

scope.addEventListener('message', (event) => {
  if (event.data.type === 'grade') void run(event.data);
});

async function run(request: GradeRequest): Promise<void> {
  let js: string;
  try {
    // Types are stripped and nothing else moves, so a line in an error is the learner's line.
    js = transform(request.source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'syntax-error', message: message.replace(/\s*\(\d+:\d+\)\s*$/, ''), ...located(message) });
    return;
  }
  let module: Record<string, unknown>;
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (e) {
    post(e instanceof SyntaxError ? { type: 'syntax-error', message: e.message } : { type: 'load-error', message: e instanceof Error ? e.message : String(e) });
    return;
  } finally {
    URL.revokeObjectURL(url);
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
