import { createRng, curveFit, type CurveFit } from '@slope/models';
import { freeSymbols, parse, ParseError } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select } from '../dom.js';
import { sample } from '../sampling.js';
import type { MountWidget } from '../widget.js';

/** A data set to fit and a model that suits it. */
export interface FitPreset {
  readonly name: string;
  readonly label: string;
  readonly model: string;
  readonly start: string;
  readonly truth: (x: number) => number;
  readonly x: readonly [number, number];
}

/** Data shapes from the week 6 quiz: exponential decay, a Gaussian peak, a saturating curve. */
export const FIT_PRESETS: readonly FitPreset[] = [
  { name: 'decay', label: 'exponential decay', model: 'a*exp(-b*x)', start: 'a=1, b=1', truth: (x) => 3 * Math.exp(-0.5 * x), x: [0, 8] },
  { name: 'peak', label: 'a Gaussian peak', model: 'a*exp(-(x - m)^2/(2*s^2))', start: 'a=1, m=4, s=1', truth: (x) => 2.5 * Math.exp(-((x - 4.5) ** 2) / (2 * 1.2 ** 2)), x: [0, 9] },
  { name: 'saturating', label: 'saturating: a₁(1 − e^{−a₂x²})', model: 'a1*(1 - exp(-a2*x^2))', start: 'a1=1, a2=1', truth: (x) => 2 * (1 - Math.exp(-0.3 * x * x)), x: [0, 5] },
];

/**
 * 30 points of the preset's curve with seeded Gaussian noise of size 0.08.
 *
 * @example
 * ```ts
 * presetData(FIT_PRESETS[0]!, 1).x.length; // 30
 * ```
 */
export function presetData(preset: FitPreset, seed: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: 30 }, (_, i) => preset.x[0] + ((preset.x[1] - preset.x[0]) * (i + 0.5)) / 30);
  return { x, y: x.map((t) => preset.truth(t) + 0.08 * rng.normal()) };
}

/**
 * Reads "a=1, b=0.5" into a record of starting values.
 *
 * @example
 * ```ts
 * parseStart('a=1, b=0.5'); // { a: 1, b: 0.5 }
 * ```
 */
export function parseStart(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*$/.exec(part);
    const value = m == null ? Number.NaN : Number(m[2]);
    if (m == null || !Number.isFinite(value)) throw new RangeError(`start values: "${part.trim()}" should look like name=number`);
    out[m[1]!] = value;
  }
  return out;
}

/** The outcome of fitting a typed model: the fit, or a message (with a position for parse errors). */
export type FitOutcome = { readonly ok: true; readonly fit: CurveFit } | { readonly ok: false; readonly message: string };

/**
 * Fits a user-typed model with @slope/models' `curveFit` (Levenberg–Marquardt, exact
 * partials from @slope/symbolic); parameters missing from `start` begin at 1.
 *
 * @example
 * ```ts
 * const { x, y } = presetData(FIT_PRESETS[0]!, 1);
 * const r = fitTyped('a*exp(-b*x)', 'a=1, b=1', x, y);
 * if (r.ok) r.fit.values; // { a: ≈3, b: ≈0.5 }
 * ```
 */
export function fitTyped(model: string, start: string, x: readonly number[], y: readonly number[]): FitOutcome {
  try {
    const p0 = parseStart(start);
    // curveFit's parameters are the model's free symbols other than x.
    const names = freeSymbols(parse(model)).filter((n) => n !== 'x');
    const unknown = Object.keys(p0).filter((n) => !names.includes(n));
    if (unknown.length > 0) return { ok: false, message: `start values: ${unknown.join(', ')} is not a parameter of the model (its parameters: ${names.join(', ')})` };
    const record = Object.fromEntries(names.map((n) => [n, p0[n] ?? 1]));
    const fit = curveFit(model, x, y, record);
    return { ok: true, fit };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: `${e.message}` };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Week 6: non-linear least squares with a model you type. */
export const mount: MountWidget = (root) => {
  let preset = FIT_PRESETS[0]!;
  let data = presetData(preset, 3);
  const view = chartView('Data and the fitted model');
  const resView = chartView('Residuals');
  const modelInput = h('input', { class: 'slope-expr-input', value: preset.model, 'aria-label': 'model y(x; a)', 'data-role': 'model', spellcheck: 'false' });
  const startInput = h('input', { class: 'slope-expr-input', value: preset.start, 'aria-label': 'start values', 'data-role': 'start', spellcheck: 'false' });
  const error = h('p', { class: 'slope-error', 'data-role': 'fit-error', hidden: true });
  const readout = h('div', { class: 'slope-readout', 'data-role': 'parameters' });

  const draw = (): void => {
    const r = fitTyped(modelInput.value, startInput.value, data.x, data.y);
    error.hidden = r.ok;
    root.dataset['fit'] = r.ok ? 'ok' : 'error';
    const series = [{ ...data, label: 'data', color: courseColors.blue, pointRadius: 4, width: 1 }];
    if (!r.ok) {
      error.textContent = r.message;
      const c = lineChart(series, { xLabel: 'x', yLabel: 'y', xRange: preset.x, aspectRatio: 1.6 });
      c.data.datasets[0]!.showLine = false;
      view.render(c);
      return;
    }
    const { fit } = r;
    const curve = sample((t) => fit.predict(t), preset.x[0], preset.x[1], 200);
    const config = lineChart([...series, { ...curve, label: `fit: ${modelInput.value}`, color: courseColors.magenta, width: 2.5 }], { xLabel: 'x', yLabel: 'y', xRange: preset.x, aspectRatio: 1.6 });
    config.data.datasets[0]!.showLine = false;
    view.render(config);
    const res = lineChart([{ x: [preset.x[0], preset.x[1]], y: [0, 0], color: '#888888', width: 1 }, { x: data.x, y: Array.from(fit.residuals), label: 'residuals', color: courseColors.orange, pointRadius: 4, width: 1 }], { xLabel: 'x', yLabel: 'y − y(x; a)', xRange: preset.x, aspectRatio: 1.6 });
    res.data.datasets[1]!.showLine = false;
    resView.render(res);
    readout.replaceChildren(
      h('ul', {}, ...fit.names.map((n, i) => h('li', { 'data-parameter': n }, `${n} = ${formatNumber(fit.parameters[i]!, 5)}${fit.uncertainties ? ` ± ${formatNumber(fit.uncertainties[i]!, 2)}` : ''}`))),
      h('p', {}, `χ² = ${formatNumber(fit.chiSquared)} after ${fit.iterations} Levenberg–Marquardt iterations (${fit.converged ? 'converged' : fit.reason}).`),
    );
  };
  const choose = select('data', FIT_PRESETS.map((p) => [p.name, p.label] as const), preset.name, (v) => {
    preset = FIT_PRESETS.find((p) => p.name === v) ?? preset;
    data = presetData(preset, 3);
    modelInput.value = preset.model;
    startInput.value = preset.start;
    draw();
  });
  modelInput.addEventListener('change', draw);
  startInput.addEventListener('change', draw);
  root.append(
    h('div', { class: 'slope-controls' }, choose.el),
    h('div', { class: 'slope-controls' }, h('span', { class: 'slope-label' }, 'y(x; a) ='), modelInput),
    h('div', { class: 'slope-controls' }, h('span', { class: 'slope-label' }, 'start'), startInput),
    error,
    h('div', { class: 'slope-charts' }, view.el, resView.el),
    readout,
  );
  draw();
  return { destroy() { view.destroy(); resView.destroy(); } };
};
