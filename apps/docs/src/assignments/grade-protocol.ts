import type { AssignmentId, GradeReport } from '@slope/grader';

/** What the page sends the grading worker: the learner's whole module and the functions to skip (they hung before). */
export interface GradeRequest {
  readonly type: 'grade';
  readonly id: AssignmentId;
  readonly source: string;
  /** Functions replaced by one that throws `message`, because they did not return last time. */
  readonly skip: readonly { readonly name: string; readonly message: string }[];
}

/** What the worker sends back, in order: the function it is grading now (as it starts each), then the report or an error. */
export type GradeMessage =
  | { readonly type: 'function'; readonly name: string }
  | { readonly type: 'report'; readonly report: GradeReport }
  | { readonly type: 'syntax-error'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly type: 'load-error'; readonly message: string };

/** What the page sends the training worker: the learner's module (already passing the grader) and the run's settings. */
export interface TrainRequest {
  readonly type: 'train';
  readonly id: AssignmentId;
  readonly source: string;
  readonly seed: number;
  /** Backprop: training updates; heights: steepest-descent steps. */
  readonly iterations: number;
}

/** A moment of a training run: backprop sends the network's curve, heights the point (μ, σ). */
export type TrainMessage =
  | { readonly type: 'progress'; readonly iteration: number; readonly cost: number; readonly curve?: readonly [readonly number[], readonly number[]]; readonly point?: readonly [number, number] }
  | { readonly type: 'done'; readonly iteration: number; readonly cost: number; readonly ms: number }
  | { readonly type: 'failed'; readonly iteration: number; readonly message: string };
