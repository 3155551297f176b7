import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { grade } from '../grade.js';
import type { WorkerJob, WorkerMessage } from './protocol.js';

// Runs in a worker thread: loads the learner's module and grades one function at a time,
// announcing each before it starts, so the parent can name a function that never returns.
const job = workerData as WorkerJob;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);

// The worker itself has started: from here on the time limit applies.
post({ type: 'ready' });
let impl: Record<string, unknown> | undefined;
try {
  impl = (await import(pathToFileURL(job.modulePath).href)) as Record<string, unknown>;
} catch (error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  post({ type: 'load-error', message: message.split(job.modulePath).join(job.displayPath) });
}
if (impl !== undefined) {
  post({ type: 'loaded', exports: Object.keys(impl) });
  for (const name of job.functions) {
    post({ type: 'start', name });
    const report = grade(job.id, impl, { seed: job.seed, functions: [name] });
    post({ type: 'result', result: report.results[0]! });
  }
  post({ type: 'done' });
}
