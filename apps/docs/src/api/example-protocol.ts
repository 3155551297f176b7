import type { OutputItem } from './example-runtime.js';

/** How long an example may run in the page before its worker is terminated. */
export const TIME_LIMIT_MS = 5000;

/**
 * From the page to an example worker: run this code (once; a worker runs one example). It
 * may be sent as soon as the worker is created: messages wait until the worker has loaded.
 */
export interface RunMessage {
  readonly type: 'run';
  readonly code: string;
}

/** From an example worker to the page. */
export type WorkerMessage =
  /** The code was prepared and is about to run: the time limit starts now. */
  | { readonly type: 'started' }
  /** A piece of output, numbered in the order it happened. */
  | { readonly type: 'item'; readonly seq: number; readonly item: OutputItem }
  /** The picture of the chart item `seq`, drawn in the worker. */
  | { readonly type: 'chart-image'; readonly seq: number; readonly png: Blob }
  /** The chart item `seq` could not be drawn. */
  | { readonly type: 'chart-failed'; readonly seq: number; readonly message: string }
  /** The example finished (`ok` false: it threw) after `ms` milliseconds. */
  | { readonly type: 'done'; readonly ok: boolean; readonly ms: number };
