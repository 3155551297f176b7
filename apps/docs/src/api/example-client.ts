import { h } from '../dom.js';
import { TIME_LIMIT_MS, type RunMessage, type WorkerMessage } from './example-protocol.js';
import type { OutputItem } from './example-runtime.js';

// The page side of the runnable examples: an editor and a Run button for every
// `.slope-example` on an API page, and the runs themselves, each in a fresh Web Worker with
// a time limit. The reader's code never runs on this thread.

/** How long the worker may take to load the libraries before the run is given up. */
const LOAD_LIMIT_MS = 60_000;

/** How a run ended. */
export type RunEnd =
  | { readonly kind: 'done'; readonly ok: boolean; readonly ms: number }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'stopped'; readonly ms: number }
  | { readonly kind: 'failed'; readonly message: string };

/** What a run reports as it goes. */
export interface RunListener {
  item(seq: number, item: OutputItem): void;
  chartImage(seq: number, png: Blob): void;
  chartFailed(seq: number, message: string): void;
}

/** A run in progress: `end` settles once; `stop()` terminates it early. */
export interface ExampleRunHandle {
  readonly end: Promise<RunEnd>;
  stop(): void;
}

function createWorker(): Worker {
  return new Worker(new URL('./example-worker.ts', import.meta.url), { type: 'module' });
}

/** One worker loaded ahead of time, so that pressing Run does not wait for the libraries. */
let spare: Worker | undefined;

/**
 * Loads a worker in the background for the next run (once; later calls do nothing while a
 * spare is waiting).
 *
 * @example
 * ```ts
 * el.addEventListener('focusin', prewarmExampleWorker, { once: true });
 * ```
 */
export function prewarmExampleWorker(): void {
  spare ??= createWorker();
}

/** Terminates the waiting spare worker, if any (when the page goes away). */
export function releaseExampleWorkers(): void {
  spare?.terminate();
  spare = undefined;
}

/**
 * Runs `code` in a fresh worker. The time limit starts when the code starts (not while the
 * libraries load); a run still going after `timeLimitMs` is terminated and ends as `timeout`.
 *
 * @example
 * ```ts
 * const run = runExample("console.log(1 + 1)", listener);
 * await run.end; // { kind: 'done', ok: true, ms: 3 }
 * ```
 */
export function runExample(code: string, listener: RunListener, timeLimitMs = TIME_LIMIT_MS): ExampleRunHandle {
  const worker = spare ?? createWorker();
  spare = undefined;
  let settle: (end: RunEnd) => void = () => {};
  const end = new Promise<RunEnd>((resolve) => { settle = resolve; });
  let finished = false;
  let startedAt: number | undefined;
  let timer = setTimeout(() => finish({ kind: 'failed', message: `the example runner did not load within ${LOAD_LIMIT_MS / 1000} s` }), LOAD_LIMIT_MS);

  function finish(result: RunEnd): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.terminate();
    settle(result);
  }
  const elapsed = (): number => (startedAt === undefined ? 0 : performance.now() - startedAt);

  worker.addEventListener('error', (e) => {
    e.preventDefault();
    finish({ kind: 'failed', message: e.message || 'the example runner failed to load' });
  });
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const m = event.data;
    switch (m.type) {
      case 'started':
        startedAt = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'timeout', ms: elapsed() }), timeLimitMs);
        break;
      case 'item':
        if (!finished) listener.item(m.seq, m.item);
        break;
      case 'chart-image':
        if (!finished) listener.chartImage(m.seq, m.png);
        break;
      case 'chart-failed':
        if (!finished) listener.chartFailed(m.seq, m.message);
        break;
      case 'done':
        finish({ kind: 'done', ok: m.ok, ms: m.ms });
        break;
    }
  });
  const message: RunMessage = { type: 'run', code };
  worker.postMessage(message);
  return { end, stop: () => finish({ kind: 'stopped', ms: elapsed() }) };
}

/** The words under an example after a run: what happened, and how long it took. */
export function describeEnd(end: RunEnd, limitMs = TIME_LIMIT_MS): string {
  switch (end.kind) {
    case 'done': return end.ok ? `Ran in ${Math.max(1, Math.round(end.ms))} ms.` : `Threw an error after ${Math.max(1, Math.round(end.ms))} ms.`;
    case 'timeout': return `Stopped: still running after the ${limitMs / 1000} s time limit (an endless loop?), so its worker was terminated.`;
    case 'stopped': return `Stopped by you after ${(end.ms / 1000).toFixed(1)} s; its worker was terminated.`;
    case 'failed': return `Could not run: ${end.message}.`;
  }
}

/** The output panel of one example during a run: text, errors and charts in order. */
function outputView(box: HTMLElement, name: string): RunListener & { finish(end: RunEnd): void; dispose(): void } {
  const urls: string[] = [];
  const figures = new Map<number, HTMLElement>();
  let text: HTMLElement | undefined;
  let any = false;
  box.replaceChildren();
  const block = (className: string, content: string): HTMLElement => {
    const pre = h('pre', { class: className, tabindex: 0 }, h('code', {}, content));
    box.append(pre);
    return pre;
  };
  return {
    item(seq, item) {
      any = true;
      if (item.kind === 'text') {
        if (text === undefined) text = block('slope-example-text', item.text);
        else text.firstElementChild!.append(`\n${item.text}`);
        return;
      }
      text = undefined;
      if (item.kind === 'error') {
        block('slope-example-error', `${item.message}${item.line === undefined ? '' : ` (line ${item.line})`}`);
        return;
      }
      const caption = h('figcaption', {}, item.summary);
      const placeholder = h('div', { class: 'slope-example-drawing', style: `aspect-ratio: ${item.width} / ${item.height}` }, 'Drawing the chart…');
      const figure = h('figure', { class: 'slope-example-chart', 'data-seq': seq, 'data-digest': item.digest }, placeholder, caption);
      figures.set(seq, figure);
      box.append(figure);
    },
    chartImage(seq, png) {
      const figure = figures.get(seq);
      if (figure === undefined) return;
      const url = URL.createObjectURL(png);
      urls.push(url);
      const alt = figure.querySelector('figcaption')?.textContent ?? `Chart drawn by the ${name} example`;
      figure.firstElementChild?.replaceWith(h('img', { src: url, alt }));
    },
    chartFailed(seq, message) {
      figures.get(seq)?.firstElementChild?.replaceWith(h('pre', { class: 'slope-example-error', tabindex: 0 }, h('code', {}, `The chart could not be drawn: ${message}`)));
    },
    finish(end) {
      for (const f of figures.values()) {
        const waiting = f.querySelector('.slope-example-drawing');
        if (waiting != null) waiting.textContent = 'The chart was not drawn: the run ended first.';
      }
      if (!any && end.kind === 'done') {
        box.append(h('p', { class: 'slope-example-empty' }, 'No output. Print with console.log, or end with an expression: its value is shown.'));
      }
    },
    dispose() {
      for (const u of urls) URL.revokeObjectURL(u);
    },
  };
}

let ids = 0;

/** Inserts text at the caret as typing would, so the browser's undo still works. */
function typeText(area: HTMLTextAreaElement, text: string): void {
  area.focus();
  // execCommand keeps the textarea's undo history; setRangeText is the fallback where it is gone.
  if (!document.execCommand('insertText', false, text)) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
    area.dispatchEvent(new Event('input'));
  }
}

function lineStart(value: string, pos: number): number {
  return value.lastIndexOf('\n', pos - 1) + 1;
}

/** Tab and Shift+Tab indent and outdent the selected lines; Enter keeps the indentation. */
function editorKeys(area: HTMLTextAreaElement, run: () => void, escapeNotice: HTMLElement): void {
  // After Escape, Tab leaves the editor as usual (as in CodeMirror), so keyboard users are never trapped.
  let tabMovesFocus = false;
  area.addEventListener('blur', () => { tabMovesFocus = false; });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
      return;
    }
    if (e.key === 'Escape') {
      tabMovesFocus = true;
      escapeNotice.textContent = 'Tab now moves to the next control.';
      return;
    }
    if (e.key === 'Tab' && !tabMovesFocus && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const { value, selectionStart: from, selectionEnd: to } = area;
      const start = lineStart(value, from);
      if (!e.shiftKey && from === to) {
        typeText(area, '  ');
        return;
      }
      const end = to > from && value[to - 1] === '\n' ? to - 1 : to;
      const lines = value.slice(start, end).split('\n');
      const changed = lines.map((l) => (e.shiftKey ? l.replace(/^ {1,2}/, '') : `  ${l}`)).join('\n');
      area.setSelectionRange(start, end);
      typeText(area, changed);
      area.setSelectionRange(start, start + changed.length);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      const { value, selectionStart: from } = area;
      const indent = /^[ \t]*/.exec(value.slice(lineStart(value, from)))?.[0] ?? '';
      if (indent !== '') {
        e.preventDefault();
        typeText(area, `\n${indent}`);
      }
      return;
    }
    tabMovesFocus = false;
    escapeNotice.textContent = '';
  });
}

/** Makes one `.slope-example` editable and runnable. */
function enhanceExample(example: HTMLElement): { destroy(): void } {
  const name = example.dataset['example'] ?? 'this';
  const codeView = example.querySelector<HTMLElement>('div[class*="language-"]');
  const output = example.querySelector<HTMLElement>('[data-role="output"]');
  if (codeView == null || output == null) return { destroy() {} };
  const original = (codeView.querySelector('pre code')?.textContent ?? '').replace(/\n$/, '');
  const staticOutput = Array.from(output.childNodes, (n) => n.cloneNode(true));
  const id = `slope-example-${++ids}`;

  const escapeNotice = h('span', { class: 'slope-example-sr', 'aria-live': 'polite' });
  const hint = h('span', { class: 'slope-example-hint', id: `${id}-hint` }, 'Ctrl+Enter runs. Tab indents; press Esc, then Tab, to leave the editor.');
  const editor = h('textarea', {
    class: 'slope-example-editor', id: `${id}-code`, 'aria-label': `Code of the ${name} example`, 'aria-describedby': `${id}-hint`,
    spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', autocorrect: 'off', wrap: 'off', 'data-role': 'editor', hidden: true,
  });
  editor.value = original;
  const fit = (): void => { editor.rows = Math.max(3, editor.value.split('\n').length + 1); };
  fit();
  const editButton = h('button', { type: 'button', class: 'slope-example-button', 'data-role': 'edit', 'aria-controls': `${id}-code` }, 'Edit');
  const runButton = h('button', { type: 'button', class: 'slope-example-button slope-example-run', 'data-role': 'run', 'aria-describedby': `${id}-status` }, 'Run');
  const resetButton = h('button', { type: 'button', class: 'slope-example-button', 'data-role': 'reset', hidden: true }, 'Reset');
  const status = h('span', { class: 'slope-example-status', id: `${id}-status`, 'data-role': 'status', role: 'status' });
  const bar = h('div', { class: 'slope-example-bar', role: 'group', 'aria-label': `The ${name} example` }, editButton, runButton, resetButton, status);
  codeView.after(editor, bar);
  editor.after(hint);
  hint.hidden = true;
  hint.append(escapeNotice);

  let current: ExampleRunHandle | undefined;
  let view: ReturnType<typeof outputView> | undefined;
  const editing = (on: boolean): void => {
    codeView.hidden = on;
    editor.hidden = !on;
    hint.hidden = !on;
    editButton.hidden = on;
    resetButton.hidden = !on;
    example.dataset['edited'] = String(on);
  };

  const run = (): void => {
    if (current !== undefined) {
      current.stop();
      return;
    }
    const code = editor.hidden ? original : editor.value;
    view?.dispose();
    view = outputView(output, name);
    const thisView = view;
    example.dataset['state'] = 'running';
    status.textContent = 'Running…';
    runButton.textContent = 'Stop';
    const handle = runExample(code, thisView);
    current = handle;
    void handle.end.then((end) => {
      current = undefined;
      thisView.finish(end);
      example.dataset['state'] = end.kind === 'done' ? (end.ok ? 'done' : 'error') : end.kind;
      status.textContent = describeEnd(end);
      runButton.textContent = 'Run';
      prewarmExampleWorker();
    });
  };

  const onEdit = (): void => {
    editing(true);
    editor.focus();
  };
  const onReset = (): void => {
    current?.stop();
    editor.value = original;
    fit();
    editing(false);
    view?.dispose();
    view = undefined;
    output.replaceChildren(...staticOutput.map((n) => n.cloneNode(true)));
    status.textContent = '';
    delete example.dataset['state'];
    editButton.focus();
  };
  editButton.addEventListener('click', onEdit);
  runButton.addEventListener('click', run);
  resetButton.addEventListener('click', onReset);
  editor.addEventListener('input', fit);
  editorKeys(editor, run, escapeNotice);
  example.addEventListener('focusin', prewarmExampleWorker, { once: true });
  example.addEventListener('pointerenter', prewarmExampleWorker, { once: true });
  example.dataset['ready'] = 'true';

  return {
    destroy() {
      current?.stop();
      view?.dispose();
    },
  };
}

/**
 * Makes every `.slope-example` under `root` editable and runnable: an Edit button that
 * turns the code into a text area, Run (Ctrl+Enter) to run it in a worker with a time
 * limit, and Reset to go back to the example and its stored output.
 *
 * @example
 * ```ts
 * const handle = enhanceExamples(document.querySelector('.vp-doc')!);
 * handle.destroy();
 * ```
 */
export function enhanceExamples(root: ParentNode): { destroy(): void } {
  const handles = Array.from(root.querySelectorAll<HTMLElement>('.slope-example'), enhanceExample);
  return {
    destroy() {
      for (const handle of handles) handle.destroy();
      releaseExampleWorkers();
    },
  };
}
