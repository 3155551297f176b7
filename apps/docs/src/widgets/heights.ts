import { chiSquared, contourWindow, fitGaussian, gaussian, heights, histogramMoments, parseHeightsCsv, HeightsCsvError, type GaussianFit, type HeightsHistogram, type HeightsName } from '@slope/models';
import type { ChartConfiguration } from 'chart.js';
import { contourChart, courseColors, histogramChart, sampleGrid } from '@slope/plot';
import { chartView } from '../chart.js';
import { withContourLayer } from '../contour-layer.js';
import { legendFrom, pathDataset, updateChart, updateDatasets } from '../chart-update.js';
import { button, h, select, slider } from '../dom.js';
import { inSeparateTasks } from '../schedule.js';
import type { MountWidget } from '../widget.js';

/** The course's start (COURSE.md §2.3). */
export const COURSE_START: readonly [number, number] = [155, 6];

/** Both fits of the assignment: the course's steepest descent and Levenberg–Marquardt, from the same start. */
export interface HeightsFits {
  readonly steepest: GaussianFit;
  readonly lm: GaussianFit;
}

/**
 * The assignment on a histogram: 50 steps of steepest descent with the given aggression
 * from (155, 6), and Levenberg–Marquardt from the same start, via @slope/models' `fitGaussian`.
 *
 * @example
 * ```ts
 * const { steepest } = heightsFits(heights('course'), 2000);
 * [steepest.mu, steepest.sigma]; // [178.52, 7.55]
 * ```
 */
export function heightsFits(data: HeightsHistogram, aggression: number): HeightsFits {
  return {
    steepest: fitGaussian(data.x, data.y, { method: 'steepest', start: COURSE_START, aggression, steps: 50 }),
    lm: fitGaussian(data.x, data.y, { method: 'levenberg-marquardt', start: COURSE_START }),
  };
}

/**
 * χ²(μ, σ) = Σ (yᵢ − f(xᵢ; μ, σ))² (`@slope/models`' `chiSquared`) over the contour window the
 * fit-heights CLI uses too (`contourWindow`: the course's μ 150–200, σ 2–35, moved only for data
 * elsewhere), on a 61 × 45 grid.
 *
 * @example
 * ```ts
 * chiSquaredGrid(heights('course')).values.length; // 61 × 45
 * ```
 */
export function chiSquaredGrid(data: HeightsHistogram): { x: ArrayLike<number>; y: ArrayLike<number>; values: ArrayLike<number>; muRange: [number, number]; sigmaRange: [number, number] } {
  const window = contourWindow(histogramMoments(data.x, data.y));
  const muRange: [number, number] = [window.mu[0], window.mu[1]];
  const sigmaRange: [number, number] = [window.sigma[0], window.sigma[1]];
  const grid = sampleGrid((mu, sigma) => chiSquared(data.x, data.y, mu, sigma), muRange, sigmaRange, 61, 45);
  return { ...grid, muRange, sigmaRange };
}

const DATASETS: readonly (readonly [string, string])[] = [
  ['course', 'the course notebook'], ['galton-sons', 'Galton 1886: sons'], ['galton-daughters', 'Galton 1886: daughters'], ['custom', 'paste your own CSV'],
];

/** Week 6: the heights assignment live — steepest descent beside Levenberg–Marquardt on the χ² contours, the histogram following. */
export const mount: MountWidget = (root, params) => {
  let data = heights('course');
  let aggression = 2000;
  let fits = heightsFits(data, aggression);
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let base: ReturnType<typeof contourChart> | undefined;
  const histView = chartView('The histogram with the Gaussian at the current step');
  const contourView = chartView('χ²(μ, σ) with both descent paths', undefined, { aspect: 'equal' });
  const info = h('p', { class: 'slope-readout', 'data-role': 'result' });
  const source = h('p', { class: 'slope-readout', 'data-role': 'provenance' });
  const csv = h('textarea', { class: 'slope-expr-input', rows: 5, 'aria-label': 'CSV: one height per line, or centre,count rows', 'data-role': 'csv', hidden: true, spellcheck: 'false' },
    'centre,count\n66,35\n67,47\n68,57\n69,67\n70,70\n71,73\n72,47\n73,31\n74,10');
  const unit = select('unit', [['in', 'inches'], ['cm', 'cm']], 'in', () => undefined);
  unit.el.hidden = true;
  const useCsv = button('Fit this data', () => loadCustom(), { 'data-role': 'use-csv', hidden: '' });
  const error = h('p', { class: 'slope-error', 'data-role': 'csv-error', hidden: true });

  // While dragging, the histogram and the contour map are redrawn in separate tasks.
  const drawHistogram = (): void => {
    const s = fits.steepest.path[Math.min(frame, fits.steepest.path.length - 1)]!;
    const [xlo, xhi] = [Math.min(130, Math.floor(Math.min(...data.x.filter((_, i) => data.y[i]! > 0)) - 10)), Math.max(210, Math.ceil(Math.max(...data.x.filter((_, i) => data.y[i]! > 0)) + 10))];
    const ymax = Math.max(0.08, ...Array.from(data.y)) * 1.1;
    updateChart(histView, histogramChart({ centers: data.x, heights: data.y, model: (x) => gaussian(x, s.mu, s.sigma), xRange: [xlo, xhi], yRange: [0, ymax], xLabel: 'height / cm', yLabel: 'density / cm⁻¹' }) as unknown as ChartConfiguration);
  };
  const drawContours = (): void => {
    const s = fits.steepest.path[Math.min(frame, fits.steepest.path.length - 1)]!;
    const l = fits.lm.path[Math.min(frame, fits.lm.path.length - 1)]!;
    if (base !== undefined) {
      const lines = base.data.datasets.length;
      const sp = fits.steepest.path.slice(0, frame + 1);
      const lp = fits.lm.path.slice(0, frame + 1);
      updateDatasets(contourView, legendFrom({ ...base, data: { datasets: [
        ...base.data.datasets,
        pathDataset(`steepest descent, aggression ${aggression}`, sp.map((p) => p.mu), sp.map((p) => p.sigma), courseColors.magenta),
        pathDataset('Levenberg–Marquardt', lp.map((p) => p.mu), lp.map((p) => p.sigma), courseColors.blue),
        pathDataset('now', [s.mu], [s.sigma], courseColors.orange, { pointRadius: 6, showLine: false }),
      ] } }, lines));
    }
    const done = frame >= fits.steepest.path.length - 1;
    root.dataset['frame'] = String(frame);
    root.dataset['mu'] = s.mu.toFixed(2);
    root.dataset['sigma'] = s.sigma.toFixed(2);
    root.dataset['done'] = String(done);
    info.textContent = `Step ${s.iteration}: steepest descent μ = ${s.mu.toFixed(2)} cm, σ = ${s.sigma.toFixed(2)} cm, χ² = ${s.chiSquared.toExponential(3)}; `
      + `Levenberg–Marquardt (step ${l.iteration}) μ = ${l.mu.toFixed(2)} cm, σ = ${l.sigma.toFixed(2)} cm, χ² = ${l.chiSquared.toExponential(3)}.`
      + (done ? ` Steepest descent ${fits.steepest.reason === 'diverged' ? 'diverged: try a smaller aggression' : `ends at (${fits.steepest.mu.toFixed(2)}, ${fits.steepest.sigma.toFixed(2)})`}; LM took ${fits.lm.iterations} iterations.` : '');
    frameSlider.set(frame);
  };
  const drawFrame = (): void => {
    drawHistogram();
    drawContours();
  };
  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  };
  const start = (): void => {
    // With reduced motion asked for, Play shows the end of the descent without animating it.
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true) {
      frame = fits.steepest.path.length - 1;
      drawFrame();
      return;
    }
    if (frame >= fits.steepest.path.length - 1) frame = 0;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      frame += 1;
      drawFrame();
      if (frame >= fits.steepest.path.length - 1) stop();
    }, 60);
  };
  const play = button('Play', () => (timer === undefined ? start() : stop()), { 'data-role': 'play' });
  const drawSoon = inSeparateTasks([drawContours, drawHistogram]);
  const frameSlider = slider({ label: 'step', min: 0, max: 50, step: 1, value: 0, format: String, onInput: (v) => { stop(); frame = v; drawSoon(); } });
  const fit = (keepLm: boolean): void => {
    stop();
    // Levenberg–Marquardt does not depend on the aggression: a drag of that slider reruns steepest descent only.
    fits = keepLm ? { steepest: fitGaussian(data.x, data.y, { method: 'steepest', start: COURSE_START, aggression, steps: 50 }), lm: fits.lm } : heightsFits(data, aggression);
    frameSlider.input.max = String(fits.steepest.path.length - 1);
    frame = 0;
  };
  const refit = (keepLm = false): void => {
    fit(keepLm);
    drawFrame();
  };
  const load = (next: HeightsHistogram): void => {
    data = next;
    const grid = chiSquaredGrid(data);
    // The isolines are drawn from a cached layer; a redraw updates only the paths.
    base = withContourLayer(contourChart({ grid, levels: 20, xLabel: 'μ / cm', yLabel: 'σ / cm', xRange: grid.muRange, yRange: grid.sigmaRange })).config;
    contourView.destroy();
    histView.destroy();
    source.textContent = `${data.provenance}${data.citation ? ` Cite: ${data.citation}` : ''}`;
    refit();
  };
  const loadCustom = (): void => {
    try {
      const parsed = parseHeightsCsv(csv.value, { unit: unit.input.value as 'cm' | 'in' });
      error.hidden = true;
      load(parsed);
    } catch (e) {
      error.hidden = false;
      error.textContent = e instanceof HeightsCsvError || e instanceof RangeError ? e.message : String(e);
    }
  };
  const refitSoon = inSeparateTasks([() => fit(true), drawContours, drawHistogram]);
  const aggressionSlider = slider({ label: 'aggression', min: 250, max: 4000, step: 250, value: aggression, format: String, onInput: (v) => { aggression = v; stop(); refitSoon(); } });
  const choose = select('data', DATASETS, 'course', (v) => {
    const custom = v === 'custom';
    csv.hidden = !custom;
    unit.el.hidden = !custom;
    useCsv.hidden = !custom;
    if (custom) loadCustom();
    else load(heights(v as HeightsName));
  });
  root.append(
    h('div', { class: 'slope-controls' }, choose.el, aggressionSlider.el, play, frameSlider.el),
    csv, h('div', { class: 'slope-controls' }, unit.el, useCsv), error,
    h('div', { class: 'slope-charts' }, histView.el, contourView.el),
    info, source,
  );
  load(data);
  if (params['autoplay'] === 'true') start();
  return { destroy() { stop(); histView.destroy(); contourView.destroy(); } };
};
