import type { ChartConfiguration } from 'chart.js';
import { compile, gradient, hessian, parse } from '@slope/symbolic';
import { contourChart, contourLevels, courseColors, sampleGrid, type Grid, type Range } from '@slope/plot';
import { chartView, type ChartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { texElement } from '../tex.js';
import { oncePerFrame } from '../schedule.js';
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
  const e = parse(expr);
  const vars = ['x', 'y'];
  const f = compile(e, vars)(about);
  const g = compile(gradient(e, vars), vars)(about);
  const m = compile(hessian(e, vars).flat(), vars)(about);
  return { about, f, J: [g[0]!, g[1]!], H: [[m[0]!, m[1]!], [m[2]!, m[3]!]] };
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
  const views: ChartView[] = ['f itself', 'order 0', 'order 1', 'order 2'].map((t) => chartView(`Contours of ${t}`));
  const titles = ['f(x, y)', 'order 0: f(a)', 'order 1: + J Δ', 'order 2: + ½ Δᵀ H Δ'];
  const readout = h('div', { class: 'slope-readout' });
  const prepare = (): void => {
    const f = compile(preset.expr, ['x', 'y']);
    fGrid = sampleGrid((x, y) => f([x, y]), preset.x, preset.y, N, N);
    levels = contourLevels(fGrid.values, 14);
    // f's own contours faintly under the order-0 plane, which has none of its own.
    under = contourChart({ grid: fGrid, levels, lineColor: '#d9d9d9' }).data.datasets.map((d) => ({ ...d, order: 5 }));
    for (const v of views) v.destroy();
  };
  const draw = (): void => {
    const m = localModel(preset.expr, about);
    const marker = { x: [about[0]], y: [about[1]], label: 'a', color: courseColors.orange };
    views.forEach((view, k) => {
      const grid = k === 0 ? fGrid : sampleGrid((x, y) => taylor2d(m, (k - 1) as 0 | 1 | 2, x, y), preset.x, preset.y, N_APPROX, N_APPROX);
      const config = contourChart({ grid, levels, paths: [marker], xLabel: 'x', yLabel: 'y', xRange: preset.x, yRange: preset.y, title: titles[k], aspectRatio: 1, lineColor: k === 0 ? courseColors.green : courseColors.blue });
      if (k === 1) config.data.datasets.push(...under);
      updateChart(view, config as unknown as ChartConfiguration);
    });
    readout.replaceChildren(texElement(
      `f(\\mathbf a) = ${formatNumber(m.f)},\\quad J_f = [${formatNumber(m.J[0])},\\ ${formatNumber(m.J[1])}],\\quad H_f = \\begin{bmatrix}${formatNumber(m.H[0][0])} & ${formatNumber(m.H[0][1])} \\\\ ${formatNumber(m.H[1][0])} & ${formatNumber(m.H[1][1])}\\end{bmatrix}`,
      true,
    ));
  };
  const drawSoon = oncePerFrame(() => draw());
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
  root.append(h('div', { class: 'slope-controls' }, choose.el, ax.el, ay.el), h('div', { class: 'slope-charts' }, ...views.map((v) => v.el)), readout);
  prepare();
  draw();
  return { destroy() { for (const v of views) v.destroy(); } };
};
