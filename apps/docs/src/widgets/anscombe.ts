import { linearRegression, type LinearFit } from '@slope/models';
import { courseColors, lineChart } from '@slope/plot';
import { chartView, markersOnly, type ChartView } from '../chart.js';
import { formatNumber, h, select } from '../dom.js';
import type { MountWidget } from '../widget.js';

/** One of Anscombe's four data sets. */
export interface AnscombeSet {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

const X123 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];

/**
 * Anscombe's quartet: F. J. Anscombe, "Graphs in Statistical Analysis", The American
 * Statistician 27(1), 17–21 (1973), Table 1. Four sets of eleven (x, y) pairs with the same
 * means, variances, correlation and least-squares line (y ≈ 3.00 + 0.500x), and four very
 * different pictures.
 */
export const ANSCOMBE: readonly AnscombeSet[] = [
  { name: 'I', x: X123, y: [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68] },
  { name: 'II', x: X123, y: [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74] },
  { name: 'III', x: X123, y: [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73] },
  { name: 'IV', x: [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8], y: [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.5, 5.56, 7.91, 6.89] },
];

/** The summary a table of numbers would give of one set. */
export interface AnscombeSummary {
  readonly meanX: number;
  readonly meanY: number;
  /** Sample variances (divided by n − 1). */
  readonly varX: number;
  readonly varY: number;
  readonly fit: LinearFit;
}

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: readonly number[]): number => {
  const m = mean(v);
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
};

/**
 * Means, sample variances and the least-squares line (@slope/models' `linearRegression`)
 * of one of the quartet's sets.
 *
 * @example
 * ```ts
 * summarise(ANSCOMBE[0]!).fit.slope; // 0.50009
 * ```
 */
export function summarise(set: AnscombeSet): AnscombeSummary {
  return { meanX: mean(set.x), meanY: mean(set.y), varX: variance(set.x), varY: variance(set.y), fit: linearRegression(set.x, set.y) };
}

/** Week 6: Anscombe's quartet — the same fitted line and statistics, four different data sets. Plot the data. */
export const mount: MountWidget = (root) => {
  const summaries = ANSCOMBE.map(summarise);
  const views: ChartView[] = ANSCOMBE.map((s) => chartView(`Anscombe's set ${s.name} with its least-squares line`));
  const draw = (show: string): void => {
    root.dataset['show'] = show;
    ANSCOMBE.forEach((set, k) => {
      const fit = summaries[k]!.fit;
      const config = show === 'residuals'
        ? markersOnly(lineChart(
          [{ x: [2, 20], y: [0, 0], color: '#888888', width: 1 }, { x: set.x, y: Array.from(fit.residuals), label: 'residual', color: courseColors.orange, pointRadius: 4, width: 1 }],
          { title: `Set ${set.name}`, xLabel: 'x', yLabel: 'y − (mx + c)', xRange: [2, 20], yRange: [-4, 4], aspectRatio: 1.2 },
        ), 1)
        : markersOnly(lineChart(
          [
            { x: [2, 20], y: [fit.predict(2), fit.predict(20)], label: `y = ${formatNumber(fit.intercept, 3)} + ${formatNumber(fit.slope, 3)}x`, color: courseColors.magenta, width: 2 },
            { x: set.x, y: set.y, label: 'data', color: courseColors.blue, pointRadius: 4, width: 1 },
          ],
          { title: `Set ${set.name}`, xLabel: 'x', yLabel: 'y', xRange: [2, 20], yRange: [2, 14], aspectRatio: 1.2 },
        ), 1);
      views[k]!.render(config);
    });
  };
  const cell = (v: number, digits = 3): HTMLElement => h('td', {}, formatNumber(v, digits));
  const table = h('table', { class: 'slope-table', 'data-role': 'summary' },
    h('thead', {}, h('tr', {}, h('th', {}, 'set'), h('th', {}, 'mean x'), h('th', {}, 'mean y'), h('th', {}, 'var x'), h('th', {}, 'var y'), h('th', {}, 'slope m'), h('th', {}, 'intercept c'), h('th', {}, 'R²'), h('th', {}, 'χ²'))),
    h('tbody', {}, ...summaries.map((s, k) => h('tr', { 'data-set': ANSCOMBE[k]!.name },
      h('th', {}, ANSCOMBE[k]!.name), cell(s.meanX), cell(s.meanY), cell(s.varX), cell(s.varY), cell(s.fit.slope), cell(s.fit.intercept), cell(s.fit.rSquared), cell(s.fit.chiSquared)))),
  );
  const show = select('show', [['data', 'data and fitted line'], ['residuals', 'residuals']], 'data', draw);
  root.append(h('div', { class: 'slope-controls' }, show.el), h('div', { class: 'slope-charts' }, ...views.map((v) => v.el)), h('div', { class: 'slope-matrix' }, table));
  draw('data');
  return { destroy() { for (const v of views) v.destroy(); } };
};
