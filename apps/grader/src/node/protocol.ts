import type { FunctionResult } from '../report.js';

/** What the grading worker is asked to do. */
export interface WorkerJob {
  /** The file the learner's module was written to, as JavaScript. */
  readonly modulePath: string;
  /** The learner's own path, which messages name instead of `modulePath`. */
  readonly displayPath: string;
  /** Grade these functions (empty: only load the module). */
  readonly id: 'backprop' | 'heights';
  readonly functions: readonly string[];
  readonly seed: number;
}

/** What the grading worker reports, in order. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly exports: readonly string[] }
  | { readonly type: 'load-error'; readonly message: string }
  | { readonly type: 'start'; readonly name: string }
  | { readonly type: 'result'; readonly result: FunctionResult }
  | { readonly type: 'done' };
