import { compile, derivative, parse } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { oncePerFrame } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/** Errors of the linearisation and of the forward difference at each Δx. */
export interface LinearisationStudy {
  readonly dx: number[];
  /** |f(x + Δx) − (f(x) + f′(x)Δx)|: O(Δx²). */
  readonly linear: number[];
  /** |(f(x + Δx) − f(x))/Δx − f′(x)|: O(Δx). */
  readonly forward: number[];
}

/**
 * The linearisation error and the forward-difference error of f at x for Δx = 10⁰ … 10⁻⁶
 * (above the rounding floor, so the truncation slopes show cleanly).
 *
 * @example
 * ```ts
 * const s = linearisationStudy('exp(x)', 0);
 * logSlope(s.dx, s.linear); // ≈ 2
 * ```
 */
export function linearisationStudy(expr: string, x: number): LinearisationStudy {
  const f = compile(expr, ['x']);
  const df = compile(derivative(parse(expr), 'x'), ['x']);
  const fx = f([x]);
  const slope = df([x]);
  const out: LinearisationStudy = { dx: [], linear: [], forward: [] };
  for (let k = 0; k <= 24; k++) {
    const dx = 10 ** (-k / 4);
    const fxd = f([x + dx]);
    out.dx.push(dx);
    out.linear.push(Math.abs(fxd - (fx + slope * dx)));
    out.forward.push(Math.abs((fxd - fx) / dx - slope));
  }
  return out;
}

/**
 * The least-squares slope of log10(err) against log10(Δx) over the small-Δx half (Δx ≤ 10⁻²):
 * the order of the error.
 *
 * @example
 * ```ts
 * logSlope([1e-2, 1e-3], [1e-4, 1e-6]); // 2
 * ```
 */
export function logSlope(dx: readonly number[], err: readonly number[]): number {
  const pts = dx.map((d, i) => [Math.log10(d), Math.log10(err[i] ?? Number.NaN)] as const).filter(([lx, le]) => lx <= -2 + 1e-9 && Number.isFinite(le));
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  const sxy = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const sxx = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return sxy / sxx;
}

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['exp(x)', 'eˣ'],
  ['sin(x)', 'sin x'],
  ['log(x)', 'ln x'],
  ['x^3 - 2*x', 'x³ − 2x'],
];

/** Week 4 linearisation: error against Δx on log–log axes, with slopes 1 and 2 marked. */
export const mount: MountWidget = (root) => {
  let expr = FUNCTIONS[0]![0];
  let x = 1;
  const view = chartView('Error against Δx, log–log');
  const note = h('p', { class: 'slope-readout', 'data-role': 'slopes' });
  const draw = (): void => {
    const s = linearisationStudy(expr, x);
    const floor = (v: number[]): number[] => v.map((e) => Math.max(e, 1e-17));
    const lin = floor(s.linear);
    const fwd = floor(s.forward);
    // Reference lines through the first point of each curve, so the eye compares slopes.
    const a2 = (lin[0] ?? 1) || 1;
    const a1 = (fwd[0] ?? 1) || 1;
    updateChart(view, lineChart(
      [
        { x: s.dx, y: lin, label: '|f(x+Δx) − f(x) − f′(x)Δx|', color: courseColors.magenta, width: 2, pointRadius: 2 },
        { x: s.dx, y: fwd, label: '|forward difference − f′(x)|', color: courseColors.orange, width: 2, pointRadius: 2 },
        { x: [1e-6, 1], y: [a1 * 1e-6, a1], label: 'slope 1', color: '#999999', width: 1 },
        { x: [1e-6, 1], y: [a2 * 1e-12, a2], label: 'slope 2', color: '#cccccc', width: 1 },
      ],
      { xScale: 'log', yScale: 'log', xLabel: 'Δx', yLabel: '|error|', yRange: [1e-17, 10], aspectRatio: 1.8 },
    ));
    const p2 = logSlope(s.dx, s.linear);
    const p1 = logSlope(s.dx, s.forward);
    root.dataset['linearSlope'] = p2.toFixed(2);
    root.dataset['forwardSlope'] = p1.toFixed(2);
    note.textContent = `Measured log–log slopes for Δx ≤ 0.01: linearisation ${formatNumber(p2, 3)} (O(Δx²)), forward difference ${formatNumber(p1, 3)} (O(Δx)).`;
  };
  const choose = select('f', FUNCTIONS, expr, (v) => { expr = v; draw(); });
  const drawSoon = oncePerFrame(() => draw());
  const at = slider({ label: 'x =', min: 0.2, max: 3, step: 0.05, value: x, onInput: (v) => { x = v; drawSoon(); } });
  root.append(h('div', { class: 'slope-controls' }, choose.el, at.el), view.el, note);
  draw();
  return { destroy: () => view.destroy() };
};
