import { newtonRaphsonSteps, type StopReason } from '@slope/optim';
import { compile, derivative, parse } from '@slope/symbolic';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { dataAt } from '../chart-pick.js';
import { formatNumber, h, select } from '../dom.js';
import { finiteSegments, sample } from '../sampling.js';
import type { MountWidget } from '../widget.js';

/** One row of the iteration table: x, f(x), f′(x). */
export interface NewtonRow {
  readonly n: number;
  readonly x: number;
  readonly f: number;
  readonly df: number;
}

/** Every iterate from x0 and why the run stopped. */
export interface NewtonTable {
  readonly rows: NewtonRow[];
  readonly reason: StopReason;
  readonly converged: boolean;
}

/**
 * Newton–Raphson from x0 on `expr` via @slope/optim's `newtonRaphsonSteps` (f′ from
 * @slope/symbolic), up to `maxIterations` steps, as the quiz's table.
 *
 * @example
 * ```ts
 * newtonTable('x^3 - 2*x + 2', 0).reason;  // 'oscillating': 0 → 1 → 0 → …
 * newtonTable('x^3 - 2*x + 2', -2).rows.at(-1)!.x; // −1.7693
 * ```
 */
export function newtonTable(expr: string, x0: number, maxIterations = 20): NewtonTable {
  const e = parse(expr);
  const f = compile(e, ['x']);
  const df = compile(derivative(e, 'x'), ['x']);
  const run = newtonRaphsonSteps((x: number) => f([x]), x0, { derivative: (x: number) => df([x]), maxIterations });
  const rows: NewtonRow[] = [];
  for (const s of run) {
    const x = s.x[0]!;
    rows.push({ n: s.iteration, x, f: s.value, df: df([x]) });
  }
  const r = run.result();
  return { rows, reason: r.reason, converged: r.converged };
}

/** Iterates beyond this distance are not chased: the view would no longer show anything. */
const FOLLOW_LIMIT = 1e4;

/**
 * The x window that shows every drawn iterate: the preset's window, widened (with a 5 %
 * margin) to take in iterates that land outside it — Newton–Raphson from 1.99 on the quiz's
 * function jumps to −36.47, and the view must follow it there. Iterates farther out than
 * 10⁴ (a run that is diverging) are left off.
 *
 * @example
 * ```ts
 * followIterates([-5, 5], [1.99, -36.47]); // [-38.5435, 5]
 * ```
 */
export function followIterates(window: readonly [number, number], xs: readonly number[]): [number, number] {
  const shown = xs.filter((x) => Number.isFinite(x) && Math.abs(x) <= FOLLOW_LIMIT);
  const lo = Math.min(window[0], ...shown);
  const hi = Math.max(window[1], ...shown);
  if (lo === window[0] && hi === window[1]) return [lo, hi];
  const pad = 0.05 * (hi - lo);
  return [lo === window[0] ? lo : lo - pad, hi === window[1] ? hi : hi + pad];
}

interface Preset {
  readonly expr: string;
  readonly label: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly starts: readonly (readonly [number, string])[];
}

const PRESETS: readonly Preset[] = [
  {
    expr: 'x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30', label: 'the quiz: x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30', x: [-5, 5], y: [-80, 60],
    starts: [[1, 'x₀ = 1'], [-4, 'x₀ = −4'], [1.99, 'x₀ = 1.99 (jumps far)'], [3.1, 'x₀ = 3.1 (oscillates)']],
  },
  { expr: 'x^3 - 2*x + 2', label: 'x³ − 2x + 2', x: [-3, 3], y: [-10, 10], starts: [[-2, 'x₀ = −2'], [0, 'x₀ = 0 (cycles 0 → 1 → 0)']] },
  { expr: 'atan(x)', label: 'arctan x', x: [-6, 6], y: [-2, 2], starts: [[1, 'x₀ = 1'], [1.5, 'x₀ = 1.5 (diverges)']] },
];

const REASONS: Readonly<Record<StopReason, string>> = {
  'gradient-tolerance': 'converged', 'step-tolerance': 'converged (the step became tiny)', 'value-tolerance': 'converged: |f(x)| is below 1e-12',
  'max-iterations': 'did not settle within 20 steps', diverged: 'diverged: the iterates ran off to infinity', oscillating: 'oscillating: the iterates cycle without settling',
  singular: "stopped: f′(x) = 0, the tangent never meets the axis", 'line-search-failed': 'line search failed', stopped: 'stopped',
  stalled: 'stalled: the steps stopped making progress', 'rank-deficient': 'stopped: the problem is rank-deficient', infeasible: 'stopped: no feasible point',
};

/** Week 5: click a start point, see the iteration table and the tangents, including divergence and cycles. */
export const mount: MountWidget = (root) => {
  let preset = PRESETS[0]!;
  let x0 = preset.starts[0]![0];
  const view = chartView('f(x) with the Newton–Raphson tangents; click to choose x₀');
  view.canvas.style.cursor = 'crosshair';
  const status = h('p', { class: 'slope-message', 'data-role': 'status' });
  const table = h('table', { class: 'slope-table', 'data-role': 'iterations' });
  const startButtons = h('div', { class: 'slope-controls' });
  const x0Input = h('input', { type: 'number', step: 'any', value: x0, class: 'slope-text', 'aria-label': 'x₀', 'data-role': 'x0' });

  const draw = (): void => {
    const f = compile(preset.expr, ['x']);
    const t = newtonTable(preset.expr, x0);
    const tangents: Series[] = [];
    for (let k = 0; k + 1 < t.rows.length && k < 12; k++) {
      const a = t.rows[k]!;
      const b = t.rows[k + 1]!;
      // The tangent at x_k drawn from (x_k, f(x_k)) down to where it crosses the axis, x_{k+1}.
      tangents.push({ x: [a.x, b.x], y: [a.f, 0], color: courseColors.magenta, width: 1.5, ...(k === 0 ? { label: 'tangents' } : {}) });
      tangents.push({ x: [b.x, b.x], y: [0, b.f], color: '#bbbbbb', width: 1 });
    }
    const xRange = followIterates(preset.x, t.rows.slice(0, 13).map((r) => r.x));
    root.dataset['xMin'] = String(xRange[0]);
    root.dataset['xMax'] = String(xRange[1]);
    const curve = sample((x) => f([x]), xRange[0], xRange[1], 1201);
    view.render(lineChart(
      [
        ...finiteSegments(curve, preset.y, { label: 'f(x)', color: courseColors.blue, width: 2.5 }),
        { x: [xRange[0], xRange[1]], y: [0, 0], color: '#888888', width: 1 },
        ...tangents,
        { x: t.rows.slice(0, 13).map((r) => r.x), y: t.rows.slice(0, 13).map((r) => r.f), label: 'iterates', color: courseColors.orange, pointRadius: 4, width: 0.001 },
      ],
      { xLabel: 'x', yLabel: 'f(x)', xRange, yRange: preset.y, aspectRatio: 1.7 },
    ));
    const last = t.rows.at(-1);
    root.dataset['reason'] = t.reason;
    root.dataset['root'] = last === undefined ? '' : String(last.x);
    status.dataset['kind'] = t.converged ? 'won' : 'stuck';
    status.textContent = `From x₀ = ${formatNumber(x0, 6)}: ${REASONS[t.reason]}${t.converged && last ? ` at x = ${last.x.toFixed(6)}` : ''} after ${t.rows.length - 1} steps.${xRange[0] < preset.x[0] || xRange[1] > preset.x[1] ? ` The view widened to x from ${formatNumber(xRange[0], 4)} to ${formatNumber(xRange[1], 4)} to follow the iterates.` : ''}`;
    table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', {}, 'n'), h('th', {}, 'x'), h('th', {}, 'f(x)'), h('th', {}, "f′(x)"))),
      h('tbody', {}, ...t.rows.map((r) => h('tr', {}, h('td', {}, String(r.n)), h('td', {}, r.x.toFixed(6)), h('td', {}, formatNumber(r.f, 6)), h('td', {}, formatNumber(r.df, 6))))),
    );
    x0Input.value = String(x0);
  };
  const setStart = (v: number): void => {
    if (!Number.isFinite(v)) return;
    x0 = v;
    draw();
  };
  const renderStarts = (): void => {
    startButtons.replaceChildren(...preset.starts.map(([v, text]) => {
      const b = h('button', { type: 'button', class: 'slope-button' }, text);
      b.addEventListener('click', () => setStart(v));
      return b;
    }));
  };
  view.canvas.addEventListener('click', (e) => {
    const chart = view.chart();
    const p = chart === undefined ? undefined : dataAt(chart, e);
    if (p !== undefined) setStart(Math.round(p.x * 1000) / 1000);
  });
  x0Input.addEventListener('change', () => setStart(Number(x0Input.value)));
  const choose = select('f(x)', PRESETS.map((p) => [p.expr, p.label] as const), preset.expr, (v) => {
    preset = PRESETS.find((p) => p.expr === v) ?? preset;
    x0 = preset.starts[0]![0];
    renderStarts();
    draw();
  });
  renderStarts();
  root.append(
    h('div', { class: 'slope-controls' }, choose.el, h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, 'x₀'), x0Input)),
    startButtons, view.el, status, h('div', { class: 'slope-matrix' }, table),
  );
  draw();
  return { destroy: () => view.destroy() };
};
