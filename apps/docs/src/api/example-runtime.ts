import { describeChart, isChartConfig, type ChartLike, type ChartOutput } from './chart-output.js';
import { trackTimers, type ExampleTimers } from './example-timers.js';
import { formatLogArgs, formatValue } from './format-value.js';

// What a prepared example (see prepare-example.ts) calls while it runs: `__slope.imports`,
// `__slope.show` and a console that records instead of printing. The same runtime runs an
// example at page generation (Node) and when a reader presses Run (a Web Worker), which is
// why both produce the same output.

/** One piece of an example's output, in the order it happened. */
export type OutputItem =
  | { readonly kind: 'text'; readonly text: string }
  | ({ readonly kind: 'chart' } & ChartOutput)
  | { readonly kind: 'error'; readonly message: string; readonly line: number | undefined };

/** The modules an example may import, by specifier. */
export type ExampleModules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** What the host is told as output happens. A chart comes with its configuration to draw. */
export type OutputSink = (item: OutputItem, chart?: ChartLike) => void;

/**
 * The names a prepared example binds from `__slope.scope` in its own module scope, so that its
 * printing and timers are recorded without touching the host's globals (which other code in
 * the worker, such as a dev server's client, also uses).
 */
export const SCOPED_NAMES = ['console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

/** The object a prepared example sees as `globalThis.__slope`. */
export interface ExampleGlobal {
  readonly scope: Readonly<Record<(typeof SCOPED_NAMES)[number], unknown>>;
  imports(specifier: string, names: readonly string[], line: number): Readonly<Record<string, unknown>>;
  defaultImport(specifier: string, line: number): never;
  dynamicImport(specifier: unknown): Promise<Readonly<Record<string, unknown>>>;
  show<T>(value: T): T;
}

/** A console's printing methods, recording into the output. */
export type ExampleConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'dir' | 'table' | 'assert' | 'group' | 'groupEnd' | 'count'>;

/** An error raised by the runtime at a known line of the example (an import that fails). */
export class ExampleImportError extends SyntaxError {
  override readonly name = 'SyntaxError';
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Output stops after this many lines, so a loop that prints forever cannot flood the page. */
export const MAX_OUTPUT_LINES = 500;

/** What a host needs for one run: the `__slope` global, the console, and the run's timers. */
export interface ExampleRuntime {
  readonly global: ExampleGlobal;
  readonly console: ExampleConsole;
  /** `timers.idle()` resolves once the example has no timeout or interval pending. */
  readonly timers: ExampleTimers;
}

/**
 * A runtime for one run of one example, reporting to `sink`; an error thrown later, in a timer
 * callback, goes to `onLateError`.
 *
 * @example
 * ```ts
 * const items: OutputItem[] = [];
 * const rt = createExampleRuntime({ '@slope/symbolic': symbolic }, (item) => items.push(item), (e) => items.push(describeError(e, url)));
 * rt.console.log('x =', 2); // items: [{ kind: 'text', text: 'x = 2' }]
 * ```
 */
export function createExampleRuntime(modules: ExampleModules, sink: OutputSink, onLateError: (error: unknown) => void = () => {}): ExampleRuntime {
  let lines = 0;
  let indent = '';
  const counts = new Map<string, number>();
  const available = Object.keys(modules).join(', ');

  const emit = (item: OutputItem, chart?: ChartLike): void => {
    if (lines > MAX_OUTPUT_LINES) return;
    lines += item.kind === 'text' ? item.text.split('\n').length : 1;
    if (lines > MAX_OUTPUT_LINES) {
      sink({ kind: 'text', text: `… output stopped after ${MAX_OUTPUT_LINES} lines` });
      return;
    }
    sink(item, chart);
  };
  const print = (text: string): void => emit({ kind: 'text', text: indent === '' ? text : text.replace(/^/gm, indent) });
  const display = (value: unknown): void => {
    if (isChartConfig(value)) emit({ kind: 'chart', ...describeChart(value) }, value);
    else print(formatValue(value));
  };

  const moduleOf = (specifier: string, line: number): Readonly<Record<string, unknown>> => {
    const m = modules[specifier];
    if (m === undefined) {
      const hint = specifier.startsWith('@slope/') && specifier.includes('/node') ? ' (it writes files, so it runs in Node only; leave a chart configuration as a value to see it drawn here)' : '';
      throw new ExampleImportError(`cannot import '${specifier}' here${hint}; the examples can import ${available}`, line);
    }
    return m;
  };

  const timers = trackTimers(onLateError);
  const global: ExampleGlobal = {
    get scope() {
      return { console, ...timers };
    },
    imports(specifier, names, line) {
      const m = moduleOf(specifier, line);
      const missing = names.filter((n) => !Object.prototype.hasOwnProperty.call(m, n));
      if (missing.length > 0) throw new ExampleImportError(`${specifier} has no export named ${missing.map((n) => `'${n}'`).join(', ')}`, line);
      return m;
    },
    defaultImport(specifier, line) {
      moduleOf(specifier, line);
      throw new ExampleImportError(`${specifier} has no default export; import names from it: import { … } from '${specifier}'`, line);
    },
    dynamicImport(specifier) {
      return new Promise((resolve) => resolve(moduleOf(String(specifier), 0)));
    },
    show(value) {
      if (value !== undefined) display(value);
      return value;
    },
  };

  const console: ExampleConsole = {
    log: (...args: unknown[]) => {
      if (args.length === 1 && isChartConfig(args[0])) display(args[0]);
      else print(formatLogArgs(args));
    },
    info: (...args: unknown[]) => print(formatLogArgs(args)),
    debug: (...args: unknown[]) => print(formatLogArgs(args)),
    warn: (...args: unknown[]) => print(formatLogArgs(args)),
    error: (...args: unknown[]) => print(formatLogArgs(args)),
    dir: (value: unknown) => print(formatValue(value)),
    table: (value: unknown) => print(formatValue(value)),
    assert: (condition?: boolean, ...args: unknown[]) => {
      if (!condition) print(`Assertion failed${args.length > 0 ? `: ${formatLogArgs(args)}` : ''}`);
    },
    group: (...args: unknown[]) => {
      if (args.length > 0) print(formatLogArgs(args));
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print(`${label}: ${n}`);
    },
  };
  return { global, console, timers };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The error item for something an example threw: `Name: message`, and the line of the
 * example where it happened (from the stack frame in the module at `moduleUrl`), if known.
 *
 * @example
 * ```ts
 * describeError(new TypeError('f is not a function'), 'blob:…'); // { kind: 'error', message: 'TypeError: f is not a function', line: 3 }
 * ```
 */
export function describeError(error: unknown, moduleUrl: string): OutputItem {
  if (!(error instanceof Error)) return { kind: 'error', message: `Uncaught ${formatValue(error)}`, line: undefined };
  const known = (error as { line?: unknown }).line;
  let line = typeof known === 'number' && known > 0 ? known : undefined;
  if (line === undefined && typeof error.stack === 'string') {
    const m = new RegExp(`${escapeRegExp(moduleUrl)}:(\\d+):\\d+`).exec(error.stack);
    if (m != null) line = Number(m[1]);
  }
  return { kind: 'error', message: `${error.name}: ${error.message}`, line };
}
