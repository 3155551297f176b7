import { lagrange, type StationaryKind } from '@slope/optim';
import { compile, gradient, hessian, parse } from '@slope/symbolic';
import { contourChart, courseColors, sampleGrid, type Range } from '@slope/plot';
import { chartView } from '../chart.js';
import { withContourLayer } from '../contour-layer.js';
import { legendFrom, pathDataset, updateDatasets } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { texFormulas } from '../tex.js';
import { oncePerFrame } from '../schedule.js';
import { draggablePoints } from '../drag-points.js';
import type { MountWidget } from '../widget.js';

/** A constrained problem: f, the constraint g = 0, and a parametrisation of the curve g = 0. */
export interface LagrangeProblem {
  readonly f: string;
  readonly g: string;
  readonly label: string;
  readonly tex: string;
  readonly curve: (t: number) => [number, number];
  readonly x: Range;
  readonly y: Range;
}

/** The course's problems: the quiz (COURSE.md §3.4) and the video's x²y on a circle. */
export const PROBLEMS: readonly LagrangeProblem[] = [
  {
    f: 'exp(-(2*x^2 + y^2 - x*y)/2)', g: 'x^2 + 3*(y + 1)^2 - 1', label: 'the quiz: e^{−(2x²+y²−xy)/2} on x² + 3(y+1)² = 1',
    tex: 'f = e^{-(2x^2 + y^2 - xy)/2},\\quad g = x^2 + 3(y + 1)^2 - 1 = 0',
    curve: (t) => [Math.cos(t), -1 + Math.sin(t) / Math.sqrt(3)], x: [-1.6, 1.6], y: [-2, 0.3],
  },
  {
    f: 'x^2*y', g: 'x^2 + y^2 - 4', label: 'the video: x²y on x² + y² = 4',
    tex: 'f = x^2 y,\\quad g = x^2 + y^2 - 4 = 0',
    curve: (t) => [2 * Math.cos(t), 2 * Math.sin(t)], x: [-2.6, 2.6], y: [-2.6, 2.6],
  },
];

/** A stationary point of the Lagrangian. */
export interface ConstrainedPoint {
  readonly x: number;
  readonly y: number;
  readonly lambda: number;
  readonly f: number;
  readonly kind: StationaryKind;
}

/**
 * Every stationary point of f on g = 0: @slope/optim's `lagrange` (mode 'stationary',
 * Newton on ∇L = 0 with exact derivatives from @slope/symbolic) from 16 starts along the
 * curve, duplicates merged, each classified by the projected Hessian of the Lagrangian.
 *
 * @example
 * ```ts
 * const pts = constrainedStationaryPoints(PROBLEMS[0]!);
 * pts.find((p) => p.kind === 'minimum'); // (0.93094, −1.21083), f = 0.11494
 * ```
 */
export function constrainedStationaryPoints(problem: LagrangeProblem): ConstrainedPoint[] {
  const vars = ['x', 'y'];
  const fe = parse(problem.f);
  const ge = parse(problem.g);
  const f = compile(fe, vars);
  const g = compile(ge, vars);
  const df = compile(gradient(fe, vars), vars);
  const hf = compile(hessian(fe, vars).flat(), vars);
  const dg = compile(gradient(ge, vars), vars);
  const hg = compile(hessian(ge, vars).flat(), vars);
  const rows = (m: Float64Array): number[][] => [[m[0]!, m[1]!], [m[2]!, m[3]!]];
  const found: ConstrainedPoint[] = [];
  for (let k = 0; k < 16; k++) {
    const start = problem.curve((2 * Math.PI * k) / 16 + 0.1);
    const r = lagrange((p) => f(p.data), (p) => g(p.data), start, {
      mode: 'stationary',
      gradient: (p) => df(p),
      hessian: (p) => rows(hf(p)),
      constraintJacobian: (p) => [Array.from(dg(p))],
      constraintHessians: (p) => [rows(hg(p))],
      maxIterations: 60,
    });
    if (!r.converged) continue;
    const [x, y] = [r.x[0]!, r.x[1]!];
    if (found.some((q) => Math.hypot(q.x - x, q.y - y) < 1e-6)) continue;
    found.push({ x, y, lambda: r.multipliers[0]!, f: r.value, kind: r.kind });
  }
  return found.sort((a, b) => a.f - b.f);
}

const KIND_COLOR: Readonly<Record<StationaryKind, string>> = { minimum: courseColors.green, maximum: courseColors.magenta, saddle: courseColors.orange, degenerate: courseColors.ink, infeasible: courseColors.blue };

/** Week 5: the constraint over f's contours, ∇f and ∇g at a point you move, and the stationary points found and classified. */
export const mount: MountWidget = (root) => {
  let problem = PROBLEMS[0]!;
  let t = 0.3;
  let base: ReturnType<typeof contourChart> | undefined;
  let points: ConstrainedPoint[] = [];
  let curve: { x: number[]; y: number[] } = { x: [], y: [] };
  let grads: { f: (v: ArrayLike<number>) => Float64Array; g: (v: ArrayLike<number>) => Float64Array };
  const view = chartView('Contours of f, the constraint g = 0, ∇f and ∇g', undefined, { aspect: 'equal' });
  const formula = h('div', { class: 'slope-readout' });
  const here = h('p', { class: 'slope-readout', 'data-role': 'here' });
  const list = h('ul', { class: 'slope-readout', 'data-role': 'stationary' });

  const prepare = (): void => {
    const vars = ['x', 'y'];
    const f = compile(problem.f, vars);
    grads = { f: compile(gradient(parse(problem.f), vars), vars), g: compile(gradient(parse(problem.g), vars), vars) };
    // The isolines are drawn from a cached layer; a redraw updates only the paths.
    base = withContourLayer(contourChart({ grid: sampleGrid((x, y) => f([x, y]), problem.x, problem.y, 61, 61), levels: 14, xLabel: 'x', yLabel: 'y', xRange: problem.x, yRange: problem.y })).config;
    curve = { x: [], y: [] };
    for (let k = 0; k <= 200; k++) {
      const [x, y] = problem.curve((2 * Math.PI * k) / 200);
      curve.x.push(x);
      curve.y.push(y);
    }
    points = constrainedStationaryPoints(problem);
    formula.replaceChildren(texFormulas([...problem.tex.split(',\\quad '), '\\nabla f = \\lambda \\nabla g,\\ g = 0']));
    list.replaceChildren(...points.map((p) => h('li', { 'data-kind': p.kind },
      `${p.kind}: (x, y) = (${p.x.toFixed(5)}, ${p.y.toFixed(5)}), λ = ${p.lambda.toFixed(5)}, f = ${p.f.toFixed(5)}`)));
    root.dataset['stationary'] = String(points.length);
    view.destroy();
  };
  const draw = (): void => {
    if (base === undefined) return;
    const [x, y] = problem.curve(t);
    const gf = grads.f([x, y]);
    const gg = grads.g([x, y]);
    // Both arrows drawn at the same length so that only their directions are compared.
    const span = (problem.x[1] - problem.x[0]) / 6;
    const unit = (v: Float64Array): [number, number] => { const n = Math.hypot(v[0]!, v[1]!) || 1; return [(v[0]! / n) * span, (v[1]! / n) * span]; };
    const [fx, fy] = unit(gf);
    const [gx, gy] = unit(gg);
    const lines = base.data.datasets.length;
    const datasets = [
      ...base.data.datasets,
      pathDataset('g(x, y) = 0', curve.x, curve.y, courseColors.ink, { pointRadius: 0, borderWidth: 2 }),
      pathDataset('∇f', [x, x + fx], [y, y + fy], courseColors.magenta, { pointRadius: [0, 5], borderWidth: 3 }),
      pathDataset('∇g', [x, x + gx], [y, y + gy], courseColors.blue, { pointRadius: [0, 5], borderWidth: 3 }),
      pathDataset('the point (drag it)', [x], [y], courseColors.orange, { pointRadius: 7, showLine: false }),
      ...points.map((p) => pathDataset(`${p.kind} f = ${formatNumber(p.f)}`, [p.x], [p.y], KIND_COLOR[p.kind], { pointRadius: 7, showLine: false, borderColor: '#000' })),
    ];
    updateDatasets(view, legendFrom({ ...base, data: { datasets } }, lines));
    drag.sync();
    const cross = (gf[0]! * gg[1]! - gf[1]! * gg[0]!) / ((Math.hypot(gf[0]!, gf[1]!) * Math.hypot(gg[0]!, gg[1]!)) || 1);
    here.textContent = `At (${x.toFixed(3)}, ${y.toFixed(3)}) on the constraint: sin(angle between ∇f and ∇g) = ${cross.toFixed(3)}; it is 0 exactly where ∇f = λ∇g.`;
  };
  const drawSoon = oncePerFrame(() => draw());
  const along = slider({ label: 'point on g = 0', min: 0, max: 6.28, step: 0.01, value: t, onInput: (v) => { t = v; drawSoon(); } });
  const choose = select('problem', PROBLEMS.map((p, i) => [String(i), p.label] as const), '0', (v) => {
    problem = PROBLEMS[Number(v)] ?? problem;
    prepare();
    draw();
  });
  // The point on the constraint: dragged, it follows the curve to the nearest point; the
  // arrow keys move it along the curve.
  const TAU = 2 * Math.PI;
  const setT = (next: number): void => {
    t = Math.round((((next % TAU) + TAU) % TAU) * 100) / 100;
    along.set(t);
    drawSoon();
  };
  const drag = draggablePoints(view, {
    name: 'the point on g = 0',
    points: () => [(([x, y]) => ({ x, y }))(problem.curve(t))],
    move: (_, x, y) => {
      let best = t;
      let bestD = Infinity;
      for (let k = 0; k < 400; k++) {
        const s = (TAU * k) / 400;
        const [cx, cy] = problem.curve(s);
        const d = Math.hypot(cx - x, cy - y);
        if (d < bestD) {
          bestD = d;
          best = s;
        }
      }
      setT(best);
    },
    nudge: (_, dx, dy) => setT(t + 0.02 * Math.sign(dx || dy) * Math.max(1, Math.abs(dx || dy) / 0.05)),
    step: { x: 0.05, y: 0.05 },
    describe: () => { const [x, y] = problem.curve(t); return `(${x.toFixed(3)}, ${y.toFixed(3)}) on the constraint`; },
  });
  root.append(h('div', { class: 'slope-controls' }, choose.el, along.el), formula, view.el, drag.hint, here, list);
  prepare();
  draw();
  return { destroy: () => view.destroy() };
};
