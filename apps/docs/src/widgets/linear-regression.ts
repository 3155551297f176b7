import { createRng, linearRegression, type LinearFit } from '@slope/models';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { dataAt, pixelOf } from '../chart-pick.js';
import { updateChart, updateDatasets } from '../chart-update.js';
import { button, formatNumber, h } from '../dom.js';
import { texElement } from '../tex.js';
import { inSeparateTasks } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/**
 * Ten points scattered about y = 0.8x + 1 with seeded noise: the widget's starting data.
 *
 * @example
 * ```ts
 * startingPoints(1).x; // [1, 2, …, 10]
 * ```
 */
export function startingPoints(seed: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: 10 }, (_, i) => i + 1);
  return { x, y: x.map((t) => 0.8 * t + 1 + 0.8 * rng.normal()) };
}

/**
 * The series drawn for a fit: the points, the line, and a vertical residual segment per point.
 *
 * @example
 * ```ts
 * fitSeries([1, 2, 3], [2, 4, 7], linearRegression([1, 2, 3], [2, 4, 7])).length; // 2 + 3 residuals
 * ```
 */
export function fitSeries(x: readonly number[], y: readonly number[], fit: LinearFit): Series[] {
  const residuals: Series[] = x.map((xi, i) => ({ x: [xi, xi], y: [y[i]!, fit.predict(xi)], color: courseColors.orange, width: 1.5, ...(i === 0 ? { label: 'residuals rᵢ' } : {}) }));
  return [
    { x: [0, 11], y: [fit.predict(0), fit.predict(11)], label: `fit y = ${formatNumber(fit.slope)}x ${fit.intercept < 0 ? '−' : '+'} ${formatNumber(Math.abs(fit.intercept))}`, color: courseColors.magenta, width: 2.5 },
    ...residuals,
  ];
}

const X_RANGE: [number, number] = [0, 11];
// linearRegression reports no uncertainty (null) when two points leave no degrees of freedom.
const orNotAvailable = (v: number | null): string => (v == null ? '\\text{n/a}' : formatNumber(v));
const Y_RANGE: [number, number] = [-2, 14];

/** Week 6: drag the points; the least-squares line, residuals, χ² and uncertainties follow. */
export const mount: MountWidget = (root) => {
  let seed = 6;
  let { x, y } = startingPoints(seed);
  const view = chartView('Data points (drag them), the fitted line and the residuals');
  view.canvas.style.touchAction = 'none';
  const residualView = chartView('Residuals against x');
  const readout = h('div', { class: 'slope-readout', 'data-role': 'fit' });
  let dragging = -1;
  // The points and line first, then (in a task of its own while dragging) residuals and readout.
  const drawPoints = (): void => {
    const fit = linearRegression(x, y);
    const config = lineChart(
      [...fitSeries(x, y, fit), { x, y, label: 'data (drag me)', color: courseColors.blue, pointRadius: 6, width: 1 }],
      { xLabel: 'x', yLabel: 'y', xRange: X_RANGE, yRange: Y_RANGE, aspectRatio: 1.6 },
    );
    const points = config.data.datasets.at(-1);
    if (points !== undefined) points.showLine = false;
    updateDatasets(view, config);
    const chart = view.chart();
    // Where each draggable point sits on the canvas (CSS pixels), for scripted drags and tests.
    if (chart !== undefined) view.canvas.dataset['handles'] = JSON.stringify(x.map((xi, i) => pixelOf(chart, xi, y[i]!)));
  };
  const drawResiduals = (): void => {
    const fit = linearRegression(x, y);
    const lim = Math.max(1, ...Array.from(fit.residuals, Math.abs)) * 1.2;
    const resConfig = lineChart(
      [{ x: [0, 11], y: [0, 0], color: '#888888', width: 1 }, { x, y: Array.from(fit.residuals), label: 'rᵢ = yᵢ − (m xᵢ + c)', color: courseColors.orange, pointRadius: 5, width: 1 }],
      { xLabel: 'x', yLabel: 'residual', xRange: X_RANGE, yRange: [-lim, lim], aspectRatio: 1.6 },
    );
    const r = resConfig.data.datasets[1];
    if (r !== undefined) r.showLine = false;
    updateChart(residualView, resConfig);
    root.dataset['slope'] = fit.slope.toFixed(4);
    root.dataset['intercept'] = fit.intercept.toFixed(4);
    readout.replaceChildren(texElement(
      `m = ${formatNumber(fit.slope)} \\pm ${orNotAvailable(fit.slopeUncertainty)},\\quad c = ${formatNumber(fit.intercept)} \\pm ${orNotAvailable(fit.interceptUncertainty)},\\quad \\chi^2 = \\sum_i r_i^2 = ${formatNumber(fit.chiSquared)},\\quad R^2 = ${formatNumber(fit.rSquared)}`,
      true,
    ));
  };
  const draw = (): void => {
    drawPoints();
    drawResiduals();
  };
  const drawSoon = inSeparateTasks([drawPoints, drawResiduals]);
  const nearest = (e: PointerEvent): number => {
    const chart = view.chart();
    if (chart === undefined) return -1;
    const rect = chart.canvas.getBoundingClientRect();
    let best = -1;
    let bestD = 14;
    x.forEach((xi, i) => {
      const p = pixelOf(chart, xi, y[i]!);
      const d = Math.hypot(p.left - (e.clientX - rect.left), p.top - (e.clientY - rect.top));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  view.canvas.addEventListener('pointerdown', (e) => {
    dragging = nearest(e);
    if (dragging >= 0) view.canvas.setPointerCapture(e.pointerId);
  });
  view.canvas.addEventListener('pointermove', (e) => {
    const chart = view.chart();
    if (chart === undefined) return;
    if (dragging < 0) {
      view.canvas.style.cursor = nearest(e) >= 0 ? 'grab' : 'default';
      return;
    }
    const p = dataAt(chart, e);
    if (p === undefined) return;
    x = x.map((v, i) => (i === dragging ? Math.min(10.8, Math.max(0.2, p.x)) : v));
    y = y.map((v, i) => (i === dragging ? Math.min(Y_RANGE[1], Math.max(Y_RANGE[0], p.y)) : v));
    drawSoon();
  });
  const release = (): void => { dragging = -1; };
  view.canvas.addEventListener('pointerup', release);
  view.canvas.addEventListener('pointercancel', release);
  root.append(
    h('div', { class: 'slope-controls' }, button('New points', () => { seed += 1; ({ x, y } = startingPoints(seed)); draw(); })),
    h('div', { class: 'slope-charts' }, view.el, residualView.el),
    readout,
  );
  draw();
  return { destroy() { view.destroy(); residualView.destroy(); } };
};
