import { createRng, linearRegression, type LinearFit } from '@slope/models';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { draggablePoints } from '../drag-points.js';
import { updateChart, updateDatasets } from '../chart-update.js';
import { button, formatNumber, h } from '../dom.js';
import { texFormulas } from '../tex.js';
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
  const residualView = chartView('Residuals against x');
  const readout = h('div', { class: 'slope-readout', 'data-role': 'fit' });
  // The points and line first, then (in a task of its own while dragging) residuals and readout.
  const drawPoints = (): void => {
    const fit = linearRegression(x, y);
    const config = lineChart(
      [...fitSeries(x, y, fit), { x, y, label: 'data (drag me)', color: courseColors.blue, pointRadius: 6, width: 1 }],
      { xLabel: 'x', yLabel: 'y', xRange: X_RANGE, yRange: Y_RANGE, aspectRatio: 1.6 },
    );
    const points = config.data.datasets.at(-1);
    if (points !== undefined) {
      points.showLine = false;
      // The point the arrow keys move is drawn larger while the chart has focus.
      const chosen = drag.highlighted();
      points.pointRadius = x.map((_, i) => (i === chosen ? 10 : 6));
    }
    updateDatasets(view, config);
    // Where each draggable point sits on the canvas (CSS pixels), for scripted drags and tests.
    drag.sync();
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
    // One formula per quantity, wrapping as the column narrows: nothing hides off the side.
    readout.replaceChildren(texFormulas([
      `m = ${formatNumber(fit.slope)} \\pm ${orNotAvailable(fit.slopeUncertainty)}`,
      `c = ${formatNumber(fit.intercept)} \\pm ${orNotAvailable(fit.interceptUncertainty)}`,
      `\\chi^2 = \\sum_i r_i^2 = ${formatNumber(fit.chiSquared)}`,
      `R^2 = ${formatNumber(fit.rSquared)}`,
    ]));
  };
  const draw = (): void => {
    drawPoints();
    drawResiduals();
  };
  const drawSoon = inSeparateTasks([drawPoints, drawResiduals]);
  const drag = draggablePoints(view, {
    name: 'a data point',
    points: () => x.map((xi, i) => ({ x: xi, y: y[i]! })),
    move: (i, px, py) => {
      x = x.map((v, k) => (k === i ? Math.min(10.8, Math.max(0.2, px)) : v));
      y = y.map((v, k) => (k === i ? Math.min(Y_RANGE[1], Math.max(Y_RANGE[0], py)) : v));
      drawSoon();
    },
    step: { x: 0.1, y: 0.1 },
    describe: (i) => `point ${i + 1} of ${x.length} at (${x[i]!.toFixed(2)}, ${y[i]!.toFixed(2)})`,
    onSelect: () => drawSoon(),
  });
  root.append(
    h('div', { class: 'slope-controls' }, button('New points', () => { seed += 1; ({ x, y } = startingPoints(seed)); draw(); })),
    h('div', { class: 'slope-charts' }, h('div', {}, view.el, drag.hint), residualView.el),
    readout,
  );
  draw();
  return { destroy() { view.destroy(); residualView.destroy(); } };
};
