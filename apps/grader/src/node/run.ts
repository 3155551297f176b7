import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '@slope/cli-kit';
import { assignmentSpec, type AssignmentId } from '../assignments.js';
import { rejectUnknownOptions } from '../options.js';
import type { FunctionResult, GradeReport } from '../report.js';
import type { WorkerJob, WorkerMessage } from './protocol.js';
import { learnerJavaScript } from './source.js';

const DEFAULT_TIMEOUT_MS = 2000;

// From the built package the worker is plain JavaScript; from source (tests, tsx) it is
// TypeScript, which a worker thread can only run through tsx's loader.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './dev-worker.mjs' : './grade-worker.js', import.meta.url);
const WORKER_ARGV = FROM_SOURCE ? ['--conditions=@slope/source'] : [];

function seconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

function checkTimeout(where: string, timeoutMs: unknown): number {
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`${where}: timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
  return timeoutMs;
}

/** The learner's module, as JavaScript in a private temporary folder; `dispose` removes it. */
function materialise(path: string): { modulePath: string; dispose: () => void } {
  const code = learnerJavaScript(path);
  const dir = mkdtempSync(join(tmpdir(), 'slope-grader-'));
  const modulePath = join(dir, 'learner.mjs');
  writeFileSync(modulePath, code);
  return { modulePath, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

interface WorkerRun {
  readonly results: FunctionResult[];
  /** Set when the run stopped early: the module would not load, or `hung` never returned. */
  readonly loadError?: string;
  readonly hung?: string;
  readonly crashed?: { name: string | undefined; message: string };
}

/** One worker: loads the module and grades `functions` until done, a time-out or a crash. */
function runWorker(job: WorkerJob, timeoutMs: number): Promise<WorkerRun> {
  return new Promise((done) => {
    const results: FunctionResult[] = [];
    let current: string | undefined;
    let settled = false;
    const worker = new Worker(WORKER_URL, { workerData: job, execArgv: WORKER_ARGV, resourceLimits: { maxOldGenerationSizeMb: 512 }, stdout: true, stderr: true });
    let timer: NodeJS.Timeout | undefined;
    const finish = (run: WorkerRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done(run);
    };
    // The limit applies to loading the module and to each function in turn; the worker's
    // start-up (before it reports anything) gets a generous fixed allowance on top.
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (current === undefined) finish({ results, loadError: `the module did not finish loading within ${seconds(timeoutMs)} (a loop at the top level of the file?)` });
        else finish({ results, hung: current });
      }, ms);
    };
    arm(timeoutMs + 15_000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready' || message.type === 'loaded') arm(timeoutMs);
      else if (message.type === 'load-error') finish({ results, loadError: message.message });
      else if (message.type === 'start') {
        current = message.name;
        arm(timeoutMs);
      } else if (message.type === 'result') {
        results.push(message.result);
        current = undefined;
        clearTimeout(timer);
      } else finish({ results });
    });
    worker.on('error', (error) => finish({ results, crashed: { name: current, message: error.message } }));
    worker.on('exit', (code) => finish({ results, crashed: { name: current, message: `the grading worker stopped (exit code ${code})` } }));
  });
}

/**
 * Options of {@link gradeFile}.
 *
 * @example
 * ```ts
 * const options: GradeFileOptions = { timeoutMs: 2000, seed: 1 };
 * ```
 */
export interface GradeFileOptions {
  /** The time each function (and loading the module) may take, in ms; default 2000. */
  readonly timeoutMs?: number;
  /** Seed of the random cases; default 0. */
  readonly seed?: number;
}

/**
 * Grades the learner's file (.ts, .mts, .js or .mjs) in a worker thread with a time limit:
 * a function that does not return in time is reported by name ("J_b2 did not return within
 * 2 s") and the others are still graded, each in a fresh worker.
 *
 * @throws InputError when the file cannot be read; LearnerSyntaxError (line and column) when it does not parse.
 * @example
 * ```ts
 * const report = await gradeFile('backprop-exercise.ts', 'backprop', { timeoutMs: 2000 });
 * console.log(formatReport(report));
 * ```
 */
export async function gradeFile(path: string, id: AssignmentId, options: GradeFileOptions = {}): Promise<GradeReport> {
  const spec = assignmentSpec(id);
  rejectUnknownOptions('gradeFile', options, ['timeoutMs', 'seed']);
  const timeoutMs = checkTimeout('gradeFile', options.timeoutMs);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`gradeFile: seed must be a safe integer, got ${String(seed)}`);
  const { modulePath, dispose } = materialise(path);
  try {
    const byName = new Map<string, FunctionResult>();
    let remaining = spec.functions.map((f) => f.name);
    while (remaining.length > 0) {
      const run = await runWorker({ modulePath, displayPath: path, id, functions: remaining, seed }, timeoutMs);
      for (const r of run.results) byName.set(r.name, r);
      if (run.loadError !== undefined) throw new InputError(`${path}: ${run.loadError}`);
      const stuck = run.hung ?? run.crashed?.name;
      if (run.hung !== undefined) {
        byName.set(run.hung, { name: run.hung, status: 'error', message: `${run.hung} did not return within ${seconds(timeoutMs)}`, hint: 'a loop that never ends? check each loop\'s condition and that its counter moves' });
      } else if (run.crashed !== undefined && stuck !== undefined) {
        byName.set(stuck, { name: stuck, status: 'error', message: `${stuck} crashed the grader's worker: ${run.crashed.message}`, hint: 'an array that grows without end, or a recursion with no base case?' });
      } else if (run.crashed !== undefined) {
        throw new Error(`gradeFile: the grading worker failed before grading: ${run.crashed.message}`);
      }
      remaining = remaining.filter((name) => !byName.has(name));
    }
    const results = spec.functions.map((f) => byName.get(f.name)!);
    return { id, passed: results.every((r) => r.status === 'pass'), results };
  } finally {
    dispose();
  }
}

/**
 * Options of {@link loadLearnerModule}.
 *
 * @example
 * ```ts
 * const options: LoadOptions = { timeoutMs: 2000 };
 * ```
 */
export interface LoadOptions {
  /** The time loading may take, in ms; default 2000. */
  readonly timeoutMs?: number;
}

/**
 * Imports the learner's file as a module, for a trainer (pass it to `backpropJacobians` or
 * `heightsStep`). It is first loaded once in a worker thread with the time limit, so a file
 * whose top level never finishes is reported instead of freezing the runner.
 *
 * @throws InputError when the file cannot be read or does not load in time; LearnerSyntaxError.
 * @example
 * ```ts
 * const impl = await loadLearnerModule('heights-exercise.mjs', { timeoutMs: 2000 });
 * const step = heightsStep(impl);
 * ```
 */
export async function loadLearnerModule(path: string, options: LoadOptions = {}): Promise<Readonly<Record<string, unknown>>> {
  rejectUnknownOptions('loadLearnerModule', options, ['timeoutMs']);
  const timeoutMs = checkTimeout('loadLearnerModule', options.timeoutMs);
  const { modulePath, dispose } = materialise(path);
  try {
    const run = await runWorker({ modulePath, displayPath: path, id: 'backprop', functions: [], seed: 0 }, timeoutMs);
    if (run.loadError !== undefined) throw new InputError(`${path}: ${run.loadError}`);
    if (run.crashed !== undefined) throw new InputError(`${path}: loading it crashed: ${run.crashed.message}`);
    // The query makes each load a fresh module instance (a learner may edit and reload).
    return (await import(`${pathToFileURL(resolve(modulePath)).href}?load=${Date.now()}`)) as Record<string, unknown>;
  } finally {
    dispose();
  }
}
