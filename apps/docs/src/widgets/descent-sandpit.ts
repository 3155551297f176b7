import { createRng } from '@slope/models';
import { adamSteps, momentumSteps, newtonSteps, steepestDescentSteps, type OptimizationRun } from '@slope/optim';
import { compile, freeSymbols, parse, ParseError } from '@slope/symbolic';
import { contourChart, courseColors, lineChart, sampleGrid } from '@slope/plot';
import { chartView } from '../chart.js';
import { withContourLayer } from '../contour-layer.js';
import { dataAt } from '../chart-pick.js';
import { draggablePoints } from '../drag-points.js';
import { legendFrom, pathDataset, updateChart, updateDatasets } from '../chart-update.js';
import { h, select, slider } from '../dom.js';
import { globalExtrema } from '../sandpit/extrema.js';
import { createLandscape, type LandscapeName } from '../sandpit/landscapes.js';
import { centralGradient, centralHessian } from '../sandpit/numeric.js';
import { inSeparateTasks } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/** The symbols a user-written step may use, per component. */
export const STEP_SYMBOLS = ['J1', 'J2', 'H11', 'H12', 'H21', 'H22', 'detH', 'gamma'] as const;

/** A compiled user step, or the reason it cannot be used. */
export type UserStep =
  | { readonly ok: true; readonly step: (J: readonly [number, number], H: readonly [readonly [number, number], readonly [number, number]], gamma: number) => [number, number] }
  | { readonly ok: false; readonly message: string; readonly position?: number };

/**
 * Parses and compiles a user-written step, one expression per component in the symbols
 * J1, J2 (the Jacobian), H11, H12, H21, H22 (the Hessian), detH and gamma (the step-size
 * slider) — with @slope/symbolic's `parse` and `compile`, never eval.
 *
 * @example
 * ```ts
 * const s = compileUserStep('-gamma*J1', '-gamma*J2');
 * if (s.ok) s.step([2, 4], [[1, 0], [0, 1]], 0.5); // [-1, -2]
 * ```
 */
export function compileUserStep(stepX: string, stepY: string): UserStep {
  const compiled: ((v: ArrayLike<number>) => number)[] = [];
  for (const [name, src] of [['step x', stepX], ['step y', stepY]] as const) {
    let expr;
    try {
      expr = parse(src);
    } catch (e) {
      if (e instanceof ParseError) return { ok: false, message: `${name}: ${e.message}`, position: e.position };
      throw e;
    }
    const unknown = freeSymbols(expr).filter((s) => !(STEP_SYMBOLS as readonly string[]).includes(s));
    if (unknown.length > 0) return { ok: false, message: `${name}: unknown symbol ${unknown.join(', ')}; use ${STEP_SYMBOLS.join(', ')}` };
    compiled.push(compile(expr, [...STEP_SYMBOLS]) as (v: ArrayLike<number>) => number);
  }
  const [fx, fy] = compiled as [(v: ArrayLike<number>) => number, (v: ArrayLike<number>) => number];
  return {
    ok: true,
    step: (J, H, gamma) => {
      const v = [J[0], J[1], H[0][0], H[0][1], H[1][0], H[1][1], H[0][0] * H[1][1] - H[0][1] * H[1][0], gamma];
      return [fx(v), fy(v)];
    },
  };
}

/** The strategies drawn side by side. */
export const STRATEGIES = ['right', 'steepest', 'newton', 'hybrid', 'momentum', 'adam', 'yours'] as const;
/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];

const COLORS: Readonly<Record<Strategy, string>> = {
  right: '#8c564b', steepest: courseColors.magenta, newton: '#d62728', hybrid: courseColors.blue, momentum: courseColors.orange, adam: '#2ca02c', yours: '#111111',
};
const LABELS: Readonly<Record<Strategy, string>> = {
  right: 'one metre right', steepest: 'steepest −γJ', newton: 'Newton −H⁻¹J', hybrid: 'hybrid', momentum: 'momentum', adam: 'Adam', yours: 'your step',
};

/** The settings every path depends on. */
export interface DescentSettings {
  readonly gamma: number;
  readonly beta: number;
  readonly adamStep: number;
  readonly steps: number;
}

type Field = (x: number, y: number) => number;
const inPit = (x: number, y: number): boolean => x >= 0 && x <= 6 && y >= 0 && y <= 6;

function collect(run: OptimizationRun, steps: number): { x: number[]; y: number[] } {
  const out = { x: [] as number[], y: [] as number[] };
  for (const s of run) {
    const [x, y] = [s.x[0]!, s.x[1]!];
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    out.x.push(x);
    out.y.push(y);
    // The lab stops a path that leaves the pit.
    if (!inPit(x, y) || s.iteration >= steps) break;
  }
  return out;
}

function manual(depth: Field, start: readonly [number, number], steps: number, next: (J: [number, number], H: [[number, number], [number, number]]) => [number, number]): { x: number[]; y: number[] } {
  const out = { x: [start[0]], y: [start[1]] };
  let [x, y] = start;
  for (let k = 0; k < steps; k++) {
    const [dx, dy] = next(centralGradient(depth, x, y), centralHessian(depth, x, y));
    x += dx;
    y += dy;
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    out.x.push(x);
    out.y.push(y);
    if (!inPit(x, y)) break;
  }
  return out;
}

/**
 * The path of each strategy from `start` on `depth` (the lab's central differences, h = 0.01):
 * steepest descent, Newton (pure and the course's hybrid), momentum and Adam from @slope/optim,
 * "one metre right", and the user's own step when given.
 *
 * @example
 * ```ts
 * const paths = descentPaths((x, y) => (x - 3) ** 2 + (y - 3) ** 2, [1, 1], { gamma: 0.25, beta: 0.5, adamStep: 0.3, steps: 20 });
 * paths.steepest.x.at(-1); // ≈ 3
 * ```
 */
export function descentPaths(depth: Field, start: readonly [number, number], s: DescentSettings, user?: UserStep): Partial<Record<Strategy, { x: number[]; y: number[] }>> {
  const f = (p: { data: Float64Array }): number => depth(p.data[0]!, p.data[1]!);
  const gradient = (p: Float64Array): [number, number] => centralGradient(depth, p[0]!, p[1]!);
  const hessian = (p: Float64Array): [number, number][] => centralHessian(depth, p[0]!, p[1]!);
  const common = { gradient, maxIterations: s.steps, gradientTolerance: 1e-9, valueTolerance: 0, divergenceLimit: 1e9 } as const;
  const out: Partial<Record<Strategy, { x: number[]; y: number[] }>> = {
    right: manual(depth, start, s.steps, () => [1, 0]),
    steepest: collect(steepestDescentSteps(f, start, { ...common, step: s.gamma }), s.steps),
    newton: collect(newtonSteps(f, start, { ...common, hessian, strategy: 'course-hybrid', fallback: 'none' }), s.steps),
    hybrid: collect(newtonSteps(f, start, { ...common, hessian, strategy: 'course-hybrid', fallback: 'steepest', fallbackStep: s.gamma, maxNewtonStep: 2 }), s.steps),
    momentum: collect(momentumSteps(f, start, { ...common, step: s.gamma, beta: s.beta }), s.steps),
    adam: collect(adamSteps(f, start, { ...common, step: s.adamStep, beta1: s.beta }), s.steps),
  };
  if (user?.ok === true) out.yours = manual(depth, start, s.steps, (J, H) => user.step(J, H, s.gamma));
  return out;
}

/**
 * Depth against iteration for each path: the cost curve of every strategy, up to the last
 * iterate inside the pit (a path that leaves it has no depth to show beyond that).
 *
 * @example
 * ```ts
 * depthCurves({ steepest: { x: [1, 2], y: [1, 2] } }, (x, y) => x + y).steepest; // { x: [0, 1], y: [2, 4] }
 * ```
 */
export function depthCurves(paths: Partial<Record<Strategy, { x: number[]; y: number[] }>>, depth: Field): Partial<Record<Strategy, { x: number[]; y: number[] }>> {
  const out: Partial<Record<Strategy, { x: number[]; y: number[] }>> = {};
  for (const k of STRATEGIES) {
    const p = paths[k];
    if (p === undefined) continue;
    const curve = { x: [] as number[], y: [] as number[] };
    for (let i = 0; i < p.x.length; i++) {
      if (!inPit(p.x[i]!, p.y[i]!)) break;
      curve.x.push(i);
      curve.y.push(depth(p.x[i]!, p.y[i]!));
    }
    out[k] = curve;
  }
  return out;
}

const LANDSCAPES: readonly (readonly [LandscapeName, string])[] = [
  ['random', 'random (the lab)'], ['intro', 'intro'], ['multiple-minima', 'multiple minima'], ['rocks', 'rocks'], ['well', 'narrow well'],
];

/** Week 5 "gradient descent in a sandpit": the four course strategies, momentum and Adam, and your own step. */
export const mount: MountWidget = (root, params) => {
  let name: LandscapeName = 'random';
  const seed = Number(params['seed'] ?? 5);
  let depth: Field = () => 0;
  let start: [number, number] = [1.5, 4.5];
  let settings: DescentSettings = { gamma: 0.5, beta: 0.8, adamStep: 0.3, steps: 15 };
  let user: UserStep = compileUserStep('-gamma*J1', '-gamma*J2');
  let base: ReturnType<typeof contourChart> | undefined;
  const view = chartView('Depth contours with each strategy\'s path; click to choose the start', 'slope-chart slope-sandpit', { aspect: 'equal' });
  const costView = chartView('Depth against iteration for each strategy');
  const error = h('p', { class: 'slope-error', 'data-role': 'step-error', hidden: true });
  const ends = h('ul', { class: 'slope-readout', 'data-role': 'ends' });

  const prepare = (): void => {
    const land = createLandscape(name, createRng(seed));
    const { min, max } = globalExtrema(land.f);
    // The lab's depth scale: −9 m at the phone, −1 m at the highest point.
    depth = (x, y) => (8 * (land.f(x, y) - max.value)) / (max.value - min.value) - 1;
    // The isolines are drawn from a cached layer; a redraw updates only the paths.
    base = withContourLayer(contourChart({ grid: sampleGrid(depth, [0, 6], [0, 6], 61, 61), levels: 12, xLabel: 'x / m', yLabel: 'y / m', xRange: [0, 6], yRange: [0, 6], aspectRatio: 1 })).config;
    view.destroy();
  };
  let latest: ReturnType<typeof descentPaths> = {};
  // Three steps, each its own task while dragging: the paths, the chart, the list of ends.
  const computePaths = (): void => {
    latest = descentPaths(depth, start, settings, user);
  };
  const drawChart = (): void => {
    if (base === undefined) return;
    const paths = latest;
    const lines = base.data.datasets.length;
    const datasets = [...base.data.datasets];
    for (const k of STRATEGIES) {
      const p = paths[k];
      if (p !== undefined) datasets.push(pathDataset(LABELS[k], p.x, p.y, COLORS[k]));
    }
    datasets.push(pathDataset('start', [start[0]], [start[1]], courseColors.ink, { pointRadius: 6, showLine: false }));
    updateDatasets(view, legendFrom({ ...base, data: { datasets } }, lines));
    drag.sync();
    root.dataset['paths'] = String(Object.keys(paths).length);
  };
  // Depth against iteration, one curve per strategy: which one gets deepest, and how fast.
  const drawCosts = (): void => {
    const curves = depthCurves(latest, depth);
    const series = STRATEGIES.flatMap((k) => {
      const c = curves[k];
      return c === undefined || c.x.length === 0 ? [] : [{ ...c, label: LABELS[k], color: COLORS[k], width: 2, pointRadius: 2.5 }];
    });
    if (series.length === 0) return;
    updateChart(costView, lineChart(series, { xLabel: 'iteration', yLabel: 'depth / m', xRange: [0, Math.max(1, settings.steps)], yRange: [-9.2, -0.8], aspectRatio: 1.8 }));
    root.dataset['costCurves'] = String(series.length);
  };
  // The list of where each path ends, in a task of its own while dragging.
  const drawEnds = (): void => {
    const paths = latest;
    ends.replaceChildren(...STRATEGIES.flatMap((k) => {
      const p = paths[k];
      if (p === undefined) return [];
      const [x, y] = [p.x.at(-1)!, p.y.at(-1)!];
      return [h('li', { 'data-strategy': k }, `${LABELS[k]}: ends at (${x.toFixed(2)}, ${y.toFixed(2)}), depth ${inPit(x, y) ? `${depth(x, y).toFixed(2)} m` : 'outside the pit'}`)];
    }));
  };
  const redrawSteps = [computePaths, drawChart, drawCosts, drawEnds];
  const draw = (): void => {
    for (const step of redrawSteps) step();
  };
  const drawSoon = inSeparateTasks(redrawSteps);
  const change = (patch: Partial<DescentSettings>): void => {
    settings = { ...settings, ...patch };
    drawSoon();
  };
  const gamma = slider({ label: 'step γ', min: 0.02, max: 1.5, step: 0.02, value: settings.gamma, onInput: (v) => change({ gamma: v }) });
  const beta = slider({ label: 'momentum β', min: 0, max: 0.98, step: 0.02, value: settings.beta, onInput: (v) => change({ beta: v }) });
  const adam = slider({ label: 'Adam α', min: 0.02, max: 1, step: 0.02, value: settings.adamStep, onInput: (v) => change({ adamStep: v }) });
  const steps = slider({ label: 'steps', min: 1, max: 50, step: 1, value: settings.steps, format: String, onInput: (v) => change({ steps: v }) });
  const stepX = h('input', { class: 'slope-expr-input', value: '-gamma*J1', 'aria-label': 'your step, x component', 'data-role': 'step-x', spellcheck: 'false' });
  const stepY = h('input', { class: 'slope-expr-input', value: '-gamma*J2', 'aria-label': 'your step, y component', 'data-role': 'step-y', spellcheck: 'false' });
  const onStep = (): void => {
    user = compileUserStep(stepX.value, stepY.value);
    error.hidden = user.ok;
    error.textContent = user.ok ? '' : user.message;
    draw();
  };
  stepX.addEventListener('input', onStep);
  stepY.addEventListener('input', onStep);
  const choose = select('landscape', LANDSCAPES, name, (v) => {
    name = v as LandscapeName;
    prepare();
    draw();
  });
  const drag = draggablePoints(view, {
    name: 'the start point',
    points: () => [{ x: start[0], y: start[1] }],
    move: (_, x, y) => {
      start = [Math.min(6, Math.max(0, x)), Math.min(6, Math.max(0, y))];
      drawSoon();
    },
    step: { x: 0.1, y: 0.1 },
    describe: () => `start at (${start[0].toFixed(2)}, ${start[1].toFixed(2)})`,
  });
  view.canvas.addEventListener('click', (e) => {
    const chart = view.chart();
    const p = chart === undefined ? undefined : dataAt(chart, e);
    if (p === undefined || !inPit(p.x, p.y)) return;
    start = [p.x, p.y];
    draw();
  });
  root.append(
    h('div', { class: 'slope-controls' }, choose.el, gamma.el, beta.el, adam.el, steps.el),
    view.el,
    drag.hint,
    costView.el,
    h('div', { class: 'slope-controls' }, h('span', { class: 'slope-label' }, 'your step: Δx ='), stepX),
    h('div', { class: 'slope-controls' }, h('span', { class: 'slope-label' }, 'Δy ='), stepY),
    error,
    ends,
  );
  prepare();
  draw();
  return { destroy() { view.destroy(); costView.destroy(); } };
};
