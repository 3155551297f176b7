import { compile, gradient, hessian, parse } from '@slope/symbolic';
import { contourChart, contourLevels, courseColors, sampleGrid, type Grid, type Range } from '@slope/plot';
import { chartView, type ChartView } from '../chart.js';
import { updateDatasets } from '../chart-update.js';
import { draggablePoints, type DraggablePoints } from '../drag-points.js';
import { contourLayer, withContourLayer, type ContourLayer } from '../contour-layer.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { texFormulas } from '../tex.js';
import { inSeparateTasks } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/** f, ∇f and H at the expansion point: everything the order-0, -1 and -2 surfaces need. */
export interface LocalModel {
  readonly about: readonly [number, number];
  readonly f: number;
  readonly J: readonly [number, number];
  readonly H: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * f(a), J_f(a) and H_f(a) from @slope/symbolic's exact gradient and Hessian.
 *
 * @example
 * ```ts
 * localModel('x^2 + x*y', [1, 2]); // { f: 3, J: [4, 1], H: [[2, 1], [1, 0]] }
 * ```
 */
export function localModel(expr: string, about: readonly [number, number]): LocalModel {
  return localModelOf(expr)(about);
}

const compiledModels = new Map<string, (about: readonly [number, number]) => LocalModel>();

/**
 * `localModel` for one expression with its gradient and Hessian differentiated and compiled
 * once: moving the expansion point is then only three compiled evaluations.
 *
 * @example
 * ```ts
 * const at = localModelOf('x^2 + x*y');
 * at([1, 2]).J; // [4, 1]
 * ```
 */
export function localModelOf(expr: string): (about: readonly [number, number]) => LocalModel {
  const hit = compiledModels.get(expr);
  if (hit !== undefined) return hit;
  const e = parse(expr);
  const vars = ['x', 'y'];
  const fn = compile(e, vars);
  const grad = compile(gradient(e, vars), vars);
  const hess = compile(hessian(e, vars).flat(), vars);
  const at = (about: readonly [number, number]): LocalModel => {
    const g = grad(about);
    const m = hess(about);
    return { about, f: fn(about), J: [g[0]!, g[1]!], H: [[m[0]!, m[1]!], [m[2]!, m[3]!]] };
  };
  compiledModels.set(expr, at);
  return at;
}

/**
 * The multivariate Taylor polynomial f(a) + J Δ + ½ Δᵀ H Δ truncated at `order` (0, 1 or 2).
 *
 * @example
 * ```ts
 * taylor2d(localModel('x*y', [1, 1]), 1, 2, 2); // 1 + 1 + 1 = 3
 * ```
 */
export function taylor2d(m: LocalModel, order: 0 | 1 | 2, x: number, y: number): number {
  const dx = x - m.about[0];
  const dy = y - m.about[1];
  let v = m.f;
  if (order >= 1) v += m.J[0] * dx + m.J[1] * dy;
  if (order >= 2) v += 0.5 * (m.H[0][0] * dx * dx + (m.H[0][1] + m.H[1][0]) * dx * dy + m.H[1][1] * dy * dy);
  return v;
}

interface Preset {
  readonly expr: string;
  readonly label: string;
  readonly x: Range;
  readonly y: Range;
  readonly about: readonly [number, number];
}

const PRESETS: readonly Preset[] = [
  { expr: 'x*y^2*exp(-x^4 - y^2/2)', label: 'x y² e^(−x⁴−y²/2) (the quiz)', x: [-2, 2], y: [-4, 4], about: [-1, 2] },
  { expr: 'sin(x)*cos(y)', label: 'sin x cos y', x: [-3, 3], y: [-3, 3], about: [0.5, 0.5] },
  { expr: 'exp(-(x^2 + y^2)/2)', label: 'e^(−(x²+y²)/2)', x: [-3, 3], y: [-3, 3], about: [1, 0] },
];

const N = 41;
/** The approximations are redrawn on every slider move, so they use a coarser grid. */
const N_APPROX = 31;

/** Week 4: the 2-D Taylor surfaces of order 0, 1 and 2 as contour maps beside f itself. */
export const mount: MountWidget = (root) => {
  let preset = PRESETS[0]!;
  let about: [number, number] = [preset.about[0], preset.about[1]];
  let fGrid: Grid;
  let levels: number[];
  let under: ReturnType<typeof contourChart>['data']['datasets'] = [];
  let model = localModelOf(preset.expr);
  const views: ChartView[] = ['f itself', 'order 0', 'order 1', 'order 2'].map((t) => chartView(`Contours of ${t}`, undefined, { aspect: 'equal' }));
  // Each map's isolines are drawn from a layer under chart.js's datasets; a move of the
  // expansion point swaps the approximations' lines and updates only the marker datasets.
  const layers: ContourLayer[] = views.map(() => contourLayer());
  const titles = ['f(x, y)', 'order 0: f(a)', 'order 1: + J Δ', 'order 2: + ½ Δᵀ H Δ'];
  const readout = h('div', { class: 'slope-readout' });
  let drags: DraggablePoints[] = [];
  // Per map, the configuration with the marker datasets only (its isolines live in its layer).
  let bases: ReturnType<typeof contourChart>[] = [];
  const prepare = (): void => {
    const f = compile(preset.expr, ['x', 'y']);
    model = localModelOf(preset.expr);
    fGrid = sampleGrid((x, y) => f([x, y]), preset.x, preset.y, N, N);
    levels = contourLevels(fGrid.values, 14);
    // f's own contours faintly under the order-0 plane, which has none of its own.
    under = contourChart({ grid: fGrid, levels, lineColor: '#d9d9d9' }).data.datasets.map((d) => ({ ...d, order: 5 }));
    const marker = { x: [about[0]], y: [about[1]], label: 'a', color: courseColors.orange };
    // f's map is computed here once; the approximations' lines are replaced on every draw.
    bases = views.map((_, k) => withContourLayer(
      contourChart({ grid: fGrid, levels, paths: [marker], xLabel: 'x', yLabel: 'y', xRange: preset.x, yRange: preset.y, title: titles[k], aspectRatio: 1, lineColor: courseColors.green }),
      layers[k],
    ).config);
    for (const v of views) v.destroy();
  };
  // One step per map and one for the readout, each in its own task while dragging.
  const drawMap = (k: number): void => {
    const view = views[k]!;
    if (k > 0) {
      const m = model(about);
      const grid = sampleGrid((x, y) => taylor2d(m, (k - 1) as 0 | 1 | 2, x, y), preset.x, preset.y, N_APPROX, N_APPROX);
      const lines = contourChart({ grid, levels, lineColor: courseColors.blue }).data.datasets;
      layers[k]!.setLines(k === 1 ? [...lines, ...under] : lines);
    }
    const base = bases[k]!;
    // The marker path and its last point: both the single point a.
    for (const d of base.data.datasets) d.data = [{ x: about[0], y: about[1] }];
    updateDatasets(view, base);
    drags[k]?.sync();
  };
  const drawReadout = (): void => {
    const m = model(about);
    readout.replaceChildren(texFormulas([
      `\\mathbf a = (${formatNumber(about[0], 3)},\\ ${formatNumber(about[1], 3)})`,
      `f(\\mathbf a) = ${formatNumber(m.f)}`,
      `J_f = [${formatNumber(m.J[0])},\\ ${formatNumber(m.J[1])}]`,
      `H_f = \\begin{bmatrix}${formatNumber(m.H[0][0])} & ${formatNumber(m.H[0][1])} \\\\ ${formatNumber(m.H[1][0])} & ${formatNumber(m.H[1][1])}\\end{bmatrix}`,
    ]));
  };
  const steps = [...views.map((_, k) => () => drawMap(k)), drawReadout];
  const draw = (): void => {
    for (const step of steps) step();
  };
  const drawSoon = inSeparateTasks(steps);
  const ax = slider({ label: 'a₁', min: preset.x[0], max: preset.x[1], step: 0.05, value: about[0], onInput: (v) => { about = [v, about[1]]; drawSoon(); } });
  const ay = slider({ label: 'a₂', min: preset.y[0], max: preset.y[1], step: 0.05, value: about[1], onInput: (v) => { about = [about[0], v]; drawSoon(); } });
  const choose = select('f(x, y)', PRESETS.map((p) => [p.expr, p.label] as const), preset.expr, (v) => {
    preset = PRESETS.find((p) => p.expr === v) ?? preset;
    about = [preset.about[0], preset.about[1]];
    ax.input.min = String(preset.x[0]);
    ax.input.max = String(preset.x[1]);
    ay.input.min = String(preset.y[0]);
    ay.input.max = String(preset.y[1]);
    ax.set(about[0]);
    ay.set(about[1]);
    prepare();
    draw();
  });
  // The expansion point can be dragged on any of the four maps (or moved with the arrow keys).
  const moveAbout = (x: number, y: number): void => {
    const snap = (v: number, [lo, hi]: Range): number => Math.min(hi, Math.max(lo, Math.round(v / 0.05) * 0.05));
    about = [snap(x, preset.x), snap(y, preset.y)];
    ax.set(about[0]);
    ay.set(about[1]);
    drawSoon();
  };
  drags = views.map((v) => draggablePoints(v, {
    name: 'the expansion point a',
    points: () => [{ x: about[0], y: about[1] }],
    move: (_, x, y) => moveAbout(x, y),
    step: { x: 0.05, y: 0.05 },
    describe: () => `a = (${about[0].toFixed(2)}, ${about[1].toFixed(2)})`,
  }));
  root.append(h('div', { class: 'slope-controls' }, choose.el, ax.el, ay.el), h('div', { class: 'slope-charts' }, ...views.map((v) => v.el)), drags[0]!.hint, readout);
  prepare();
  draw();
  return { destroy() { for (const v of views) v.destroy(); } };
};
