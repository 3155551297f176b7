import { javascript } from '@codemirror/lang-javascript';
import { assignments, starterSource, type AssignmentId, type FunctionResult, type GradeReport } from '@slope/grader';
import { gaussian, heartCurve, heights } from '@slope/models';
import { courseColors, histogramChart, lineChart } from '@slope/plot';
import type { ChartConfiguration } from 'chart.js';
import { basicSetup, EditorView } from 'codemirror';
import { chartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { button, formatNumber, h } from '../dom.js';
import type { MountWidget } from '../widget.js';
import { checkInWorker, FUNCTION_TIME_LIMIT_MS, type CheckOutcome } from './grade-client.js';
import type { TrainMessage, TrainRequest } from './grade-protocol.js';
import { joinModule, splitModule, type ModulePieces } from './learner-module.js';
import './assignment.css';
import { siteEditorTheme } from './editor-theme.js';

const MARK: Readonly<Record<FunctionResult['status'], string>> = { pass: '✓', fail: '✗', 'not-written': '…', error: '!', shape: '✗' };

/** Where the learner's module is kept between visits (one key per assignment). */
export const storageKey = (id: AssignmentId): string => `slope:assignment:${id}:v1`;

/** The file name a download gets: the one the CLI's `check` and `--engine` are shown with. */
export const fileName = (id: AssignmentId): string => `${id}-exercise.js`;

function readStored(id: AssignmentId): string | undefined {
  try {
    return localStorage.getItem(storageKey(id)) ?? undefined;
  } catch {
    return undefined; // storage blocked (private mode): work still runs, it is just not kept
  }
}

function store(id: AssignmentId, source: string): void {
  try {
    localStorage.setItem(storageKey(id), source);
  } catch {
    // Storage full or blocked: the download button still saves the work.
  }
}

/**
 * The pieces to edit: the stored module where it has every graded function, else the starter.
 * A stored module that lost a function (edited elsewhere) gets the starter's piece back for it.
 */
function initialPieces(id: AssignmentId, starter: ModulePieces): ModulePieces {
  const stored = readStored(id);
  if (stored === undefined) return starter;
  try {
    const mine = splitModule(stored);
    const functions = new Map([...Array.from(starter.functions, ([name, piece]) => [name, mine.functions.get(name) ?? piece] as const), ...Array.from(mine.functions).filter(([name]) => !starter.functions.has(name))]);
    return { header: mine.header || starter.header, functions };
  } catch {
    return starter;
  }
}

/** The line under one function's editor: its verdict, and for a wrong answer where and what to look at. */
function renderResult(el: HTMLElement, r: FunctionResult | undefined): void {
  if (r === undefined) {
    el.replaceChildren();
    delete el.dataset['status'];
    return;
  }
  el.dataset['status'] = r.status;
  const lines: HTMLElement[] = [h('p', {}, h('span', { class: 'slope-quiz-mark', 'aria-hidden': 'true' }, MARK[r.status]), ` ${r.message}`)];
  if (r.expected !== undefined && r.got !== undefined) {
    lines.push(h('p', { class: 'slope-assignment-numbers' }, `expected ${r.expected}, got ${r.got}${r.element === undefined ? '' : ` (element ${r.element.join(', ')})`}`));
  }
  if (r.hint !== undefined) lines.push(h('p', { class: 'slope-quiz-hint', 'data-role': 'hint' }, r.hint));
  el.replaceChildren(...lines);
}

/** Weeks 3 and 6: write the assignment's graded functions, check them in a worker with the course's grader, keep and download the work. */
export const mount: MountWidget = (root, params) => {
  const id = params['id'] as AssignmentId;
  const spec = assignments[id];
  if (spec === undefined) throw new Error(`assignment widget: id="${String(params['id'])}" is not one of ${Object.keys(assignments).join(', ')}`);
  const starter = splitModule(starterSource(id, 'js'));
  const pieces = initialPieces(id, starter);
  const header = { text: pieces.header };
  const editors = new Map<string, EditorView>();
  const results = new Map<string, HTMLElement>();
  // Functions of the module that are not graded (the heights starter's Gaussian f) stay as they
  // are, in their place, so the module the editors make is the whole file.
  const graded = new Set(spec.functions.map((f) => f.name));
  const support = new Map(Array.from(pieces.functions).filter(([name]) => !graded.has(name)));

  const currentModule = (): string => joinModule({
    header: header.text,
    functions: new Map(Array.from(new Set([...starter.functions.keys(), ...support.keys()]), (name) => [name, editors.get(name)?.state.doc.toString() ?? support.get(name) ?? ''] as const)),
  });
  const save = (): void => store(id, currentModule());

  const status = h('p', { class: 'slope-message', role: 'status', 'aria-live': 'polite', 'data-role': 'status' }, 'Not checked yet.');
  const sections = spec.functions.map((f) => {
    const holder = h('div', { class: 'slope-assignment-editor' });
    const result = h('div', { class: 'slope-assignment-result', 'aria-live': 'polite', 'data-role': 'result' });
    results.set(f.name, result);
    const view = new EditorView({
      doc: pieces.functions.get(f.name) ?? starter.functions.get(f.name) ?? '',
      parent: holder,
      extensions: [
        basicSetup,
        javascript(),
        siteEditorTheme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': `Your ${f.name}` }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          save();
          // Changed code must pass again before it trains.
          train.disabled = true;
        }),
      ],
    });
    editors.set(f.name, view);
    return h('section', { class: 'slope-assignment-function', 'data-function': f.name },
      h('h3', {}, f.name, f.given ? h('span', { class: 'slope-assignment-given' }, ' (worked example)') : null),
      h('p', { class: 'slope-assignment-explanation' }, f.explanation),
      holder,
      result);
  });

  const setText = (source: string): void => {
    const mine = splitModule(source);
    const missing = spec.functions.map((f) => f.name).filter((n) => !mine.functions.has(n));
    if (missing.length > 0) throw new Error(`the file has no ${missing.join(', ')} (each graded function is an \`export function\`)`);
    header.text = mine.header;
    support.clear();
    for (const [name, piece] of mine.functions) if (!graded.has(name)) support.set(name, piece);
    for (const [name, view] of editors) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: mine.functions.get(name) ?? '' } });
    save();
  };

  let report: GradeReport | undefined;
  const show = (outcome: CheckOutcome): void => {
    report = outcome.kind === 'report' ? outcome.report : undefined;
    for (const f of spec.functions) renderResult(results.get(f.name) as HTMLElement, report?.results.find((r) => r.name === f.name));
    root.dataset['checked'] = outcome.kind === 'report' ? (outcome.report.passed ? 'passed' : 'failed') : outcome.kind;
    train.disabled = report?.passed !== true;
    if (outcome.kind === 'syntax-error') {
      status.textContent = `Your file does not parse${outcome.line === undefined ? '' : ` (line ${outcome.line}${outcome.column === undefined ? '' : `, column ${outcome.column}`} of the downloaded file)`}: ${outcome.message}`;
    } else if (outcome.kind === 'load-error') {
      status.textContent = `Your file could not be loaded: ${outcome.message}`;
    } else {
      const passed = outcome.report.results.filter((r) => r.status === 'pass').length;
      status.textContent = outcome.report.passed
        ? `All ${passed} functions pass.`
        : `${passed} of ${outcome.report.results.length} functions pass. See the notes under each one.`;
    }
  };

  const check = button('Check my functions', () => {
    check.disabled = true;
    status.textContent = `Checking (each function has ${FUNCTION_TIME_LIMIT_MS / 1000} s)…`;
    root.dataset['checked'] = 'running';
    void checkInWorker(id, currentModule())
      .then(show, (e: unknown) => show({ kind: 'load-error', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        check.disabled = false;
      });
  }, { 'data-role': 'check' });

  const download = button('Download as a file', () => {
    const url = URL.createObjectURL(new Blob([currentModule()], { type: 'text/javascript' }));
    const a = h('a', { href: url, download: fileName(id) });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, { 'data-role': 'download' });

  const upload = h('input', { type: 'file', accept: '.js,.mjs,.ts,text/javascript', 'data-role': 'upload', 'aria-label': 'Load a file you worked on in the terminal' });
  upload.addEventListener('change', () => {
    const file = upload.files?.[0];
    if (file === undefined) return;
    void file.text().then((text) => {
      try {
        setText(text);
        status.textContent = `Loaded ${file.name}. Check it when you are ready.`;
      } catch (e) {
        status.textContent = `${file.name} cannot be loaded: ${e instanceof Error ? e.message : String(e)}`;
      }
      upload.value = '';
    });
  });

  const reset = button('Start again from the starter', () => {
    if (!window.confirm('Replace your work on this page with the starter code?')) return;
    setText(starterSource(id, 'js'));
    show({ kind: 'report', report: { id, passed: false, results: [] } });
    status.textContent = 'Back to the starter code.';
    delete root.dataset['checked'];
  }, { 'data-role': 'reset' });

  // Training with the learner's functions: the course's loop in a worker, drawn as it goes.
  const ITERATIONS = id === 'backprop' ? 10_000 : 50;
  const trainView = chartView(id === 'backprop' ? 'The heart and your network\'s curve' : 'The heights histogram and the Gaussian at your step');
  const trainReadout = h('p', { class: 'slope-readout', role: 'status', 'aria-live': 'polite', 'data-role': 'train-status' });
  const heart = heartCurve(100);
  const data = heights('course');
  const path: [number, number][] = [];
  let trainer: Worker | undefined;
  let pending: TrainMessage | undefined;
  let frame = 0;
  const drawTraining = (m: TrainMessage & { type: 'progress' }): void => {
    if (m.curve !== undefined) {
      updateChart(trainView, lineChart(
        [
          { x: Array.from(heart.y[0]), y: Array.from(heart.y[1]), label: 'training data', color: courseColors.green, width: 1.5 },
          { x: [...m.curve[0]], y: [...m.curve[1]], label: `your network, iteration ${m.iteration}`, color: courseColors.orange, width: 2.5 },
        ],
        { xRange: [0, 1], yRange: [0, 1], xLabel: 'x', yLabel: 'y', aspectRatio: 1 },
      ) as unknown as ChartConfiguration);
    } else if (m.point !== undefined) {
      const [mu, sig] = m.point;
      updateChart(trainView, histogramChart({ centers: data.x, heights: data.y, model: (x) => gaussian(x, mu, sig), xRange: [130, 220], xLabel: 'height / cm', yLabel: 'density / cm⁻¹' }) as unknown as ChartConfiguration);
    }
  };
  // Before any training: the data alone (the heart, or the histogram with the notebook's start μ = 155, σ = 6).
  if (id === 'backprop') {
    updateChart(trainView, lineChart([{ x: Array.from(heart.y[0]), y: Array.from(heart.y[1]), label: 'training data', color: courseColors.green, width: 1.5 }], { xRange: [0, 1], yRange: [0, 1], xLabel: 'x', yLabel: 'y', aspectRatio: 1 }) as unknown as ChartConfiguration);
  } else {
    drawTraining({ type: 'progress', iteration: 0, cost: NaN, point: [155, 6] });
  }
  const stopTraining = (): void => {
    trainer?.terminate();
    trainer = undefined;
    cancelAnimationFrame(frame);
  };
  const train = button('Train with my code', () => {
    stopTraining();
    path.length = 0;
    root.dataset['training'] = 'running';
    trainReadout.textContent = 'Starting…';
    const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    trainer = worker;
    worker.addEventListener('message', (event: MessageEvent<TrainMessage>) => {
      const m = event.data;
      if (m.type === 'progress') {
        if (m.point !== undefined) path.push([m.point[0], m.point[1]]);
        pending = m;
        trainReadout.textContent = id === 'backprop'
          ? `iteration ${m.iteration} of ${ITERATIONS}: cost ${formatNumber(m.cost, 4)}`
          : `step ${m.iteration} of ${ITERATIONS}: μ = ${formatNumber(m.point?.[0] ?? NaN, 7)}, σ = ${formatNumber(m.point?.[1] ?? NaN, 5)}, χ² = ${formatNumber(m.cost, 6)}`;
        // Draw at most once a frame, whatever the worker's pace.
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          if (pending?.type === 'progress') drawTraining(pending);
        });
        return;
      }
      stopTraining();
      if (pending?.type === 'progress') drawTraining(pending);
      root.dataset['training'] = m.type;
      trainReadout.dataset['cost'] = m.type === 'done' ? String(m.cost) : '';
      trainReadout.textContent = m.type === 'done'
        ? `Done with your functions: ${m.iteration} ${id === 'backprop' ? 'iterations' : 'steps'} in ${formatNumber(m.ms / 1000, 2)} s, final ${id === 'backprop' ? 'cost' : 'χ²'} ${formatNumber(m.cost, 6)}${path.length > 0 ? ` at μ = ${formatNumber(path.at(-1)?.[0] ?? NaN, 7)}, σ = ${formatNumber(path.at(-1)?.[1] ?? NaN, 5)}` : ''}.`
        : `Training stopped at iteration ${m.iteration}: ${m.message}`;
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stopTraining();
      root.dataset['training'] = 'failed';
      trainReadout.textContent = `Training could not start: ${event.message}`;
    });
    const request: TrainRequest = { type: 'train', id, source: currentModule(), seed: 0, iterations: ITERATIONS };
    worker.postMessage(request);
  }, { 'data-role': 'train' });
  train.disabled = true;
  const trainSection = h('section', { class: 'slope-assignment-train', 'data-role': 'train-section' },
    h('h3', {}, 'Train with your code'),
    h('p', {}, id === 'backprop'
      ? `Once every function passes, this runs the course's training loop (aggression 7, noise 1, seed 0) for ${ITERATIONS.toLocaleString('en')} iterations with your Jacobians.`
      : `Once every function passes, this runs the notebook's test cell with your steepest_step: ${ITERATIONS} steps from μ = 155, σ = 6 with aggression 2000 (the course's path ends at μ = 178.5198, σ = 7.5499).`),
    h('div', { class: 'slope-controls' }, train),
    trainView.el,
    trainReadout);

  root.append(
    h('p', { class: 'slope-assignment-intro' },
      `Write each graded function below, then check them: the grader runs them in this page on several random ${id === 'backprop' ? 'networks' : 'data sets'} and says, for a wrong answer, which element is off and what usually causes it. Your work is kept in this browser; download it to run `,
      h('code', {}, `corepack pnpm ${id === 'backprop' ? 'backprop' : 'fit-heights'} check ${fileName(id)}`), ' in the terminal.'),
    h('div', { class: 'slope-controls' }, check, download, h('label', { class: 'slope-upload' }, 'Load a file: ', upload), reset),
    status,
    ...sections,
    trainSection,
  );
  return {
    destroy() {
      stopTraining();
      trainView.destroy();
      for (const view of editors.values()) view.destroy();
    },
  };
};
