import { compile, evaluate, toTex } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';
import { type Area, area, aspectFor, integrationWidget, riemannPath, type RiemannRule, riemannSum, shaded } from './integration-shared.js';

/** The functions offered, with their interval (bounds as integrate() reads them). */
export const RIEMANN_PRESETS: readonly { expr: string; label: string; a: number | string; b: number | string }[] = [
  { expr: 'x^2', label: 'x² on [0, 2]', a: 0, b: 2 },
  { expr: 'sin(x) + 1', label: 'sin x + 1 on [0, π]', a: 0, b: 'pi' },
  { expr: '1/x', label: '1/x on [1, 3]', a: 1, b: 3 },
  { expr: 'sqrt(x)', label: '√x on [0, 4]', a: 0, b: 4 },
  { expr: 'exp(-x^2/2)', label: 'e^(−x²/2) on [−2, 2]', a: -2, b: 2 },
];

const RULES: readonly (readonly [RiemannRule, string])[] = [
  ['left', 'left ends'],
  ['right', 'right ends'],
  ['midpoint', 'midpoints'],
  ['trapezoid', 'trapezoids'],
];

const MAX_N = 200;

/**
 * |Sₙ − I| for n = 1 … maxN: how fast each rule converges (like 1/n for the end points, like
 * 1/n² for midpoints and trapezoids, on a smooth function).
 *
 * @example
 * ```ts
 * const e = convergence((x) => x * x, 0, 2, 8 / 3, 'left', 4);
 * e.errors[3]! < e.errors[0]!; // true
 * ```
 */
export function convergence(f: (x: number) => number, a: number, b: number, exact: number, rule: RiemannRule, maxN = MAX_N): { n: number[]; errors: number[] } {
  const n: number[] = [];
  const errors: number[] = [];
  for (let k = 1; k <= maxN; k++) {
    const e = Math.abs(riemannSum(f, a, b, k, rule) - exact);
    // A log axis cannot show 0 (a sum that happens to be exact): floor at rounding level.
    n.push(k);
    errors.push(Math.max(e, 1e-16 * Math.max(1, Math.abs(exact))));
  }
  return { n, errors };
}

/** The area under a curve as the limit of Riemann sums: more, thinner rectangles, and the sum closes on the integral. */
export const mount: MountWidget = (root) => {
  integrationWidget(root);
  let preset = RIEMANN_PRESETS[0] as (typeof RIEMANN_PRESETS)[number];
  let rule: RiemannRule = 'left';
  let n = 4;
  const view = chartView('The curve and the rectangles of the Riemann sum');
  const errorView = chartView('Error of the Riemann sum against the number of rectangles, log-log');
  const readout = h('div', { class: 'slope-readout slope-int-readout', 'data-role': 'riemann-readout', 'aria-live': 'polite' });
  let exact: Area = area(preset.expr, preset.a, preset.b);
  let f = compile(preset.expr, ['x']);
  let cache: { key: string; errors: { n: number[]; errors: number[] } } | undefined;

  const bounds = (): [number, number] => [numeric(preset.a), numeric(preset.b)];
  const fx = (x: number): number => f([x]);

  const draw = (): void => {
    const [a, b] = bounds();
    const s = riemannSum(fx, a, b, n, rule);
    const curve = sample(fx, a, b, 241);
    const bars = riemannPath(fx, a, b, n, rule);
    const ys = curve.y.filter(Number.isFinite);
    const top = Math.max(...ys, 0);
    const config = shaded(
      lineChart(
        [
          { ...curve, label: 'f(x)', color: courseColors.blue, width: 2.5 },
          { ...bars, label: `${n} ${rule === 'trapezoid' ? 'trapezoids' : 'rectangles'}`, color: courseColors.orange, width: 1 },
        ],
        { xRange: [a, b], yRange: [Math.min(0, ...ys), top * 1.08 || 1], xLabel: 'x', aspectRatio: aspectFor(root, 1.7) },
      ),
      1,
      courseColors.orange,
    );
    updateChart(view, config);
    const key = `${preset.expr}|${rule}`;
    if (cache?.key !== key) cache = { key, errors: convergence(fx, a, b, exact.value, rule) };
    const e = cache.errors;
    updateChart(
      errorView,
      lineChart(
        [
          { x: e.n, y: e.errors, label: `|Sₙ − I| (${rule})`, color: courseColors.magenta, width: 2 },
          { x: [n], y: [e.errors[n - 1] as number], label: `n = ${n}`, color: courseColors.orange, width: 1, pointRadius: 6 },
        ],
        { xScale: 'log', yScale: 'log', xLabel: 'n (rectangles)', yLabel: 'error', aspectRatio: aspectFor(root, 1.7) },
      ),
    );
    readout.dataset['sum'] = String(s);
    readout.dataset['exact'] = String(exact.value);
    readout.replaceChildren(
      texElement(`S_{${n}} = ${formatNumber(s, 8)}`),
      h('br'),
      texElement(`\\int_{${texBound(preset.a)}}^{${texBound(preset.b)}} f(x)\\,dx = ${exact.tex}${exact.how === 'symbolic' ? `\\approx ${formatNumber(exact.value, 10)}` : ''}`),
      h('span', { class: 'slope-int-note' }, exact.how === 'symbolic' ? ' (exact, from integrate)' : ` (numerical, from quad ± ${formatNumber(exact.error, 2)}: this antiderivative is not elementary)`),
      h('br'),
      h('span', { 'data-role': 'riemann-error' }, `error |Sₙ − I| = ${formatNumber(Math.abs(s - exact.value), 3)}`),
    );
  };

  const fn = select('Function', RIEMANN_PRESETS.map((p, i) => [String(i), p.label] as const), '0', (v) => {
    preset = RIEMANN_PRESETS[Number(v)] ?? preset;
    f = compile(preset.expr, ['x']);
    exact = area(preset.expr, preset.a, preset.b);
    draw();
  });
  const ruleSelect = select('Heights from', RULES, rule, (v) => {
    rule = v as RiemannRule;
    draw();
  });
  const nSlider = slider({ label: 'n', min: 1, max: MAX_N, step: 1, value: n, format: (v) => String(v), name: 'rectangles', onInput: (v) => { n = v; draw(); } });
  nSlider.input.setAttribute('aria-label', 'Number of rectangles n');
  root.append(h('div', { class: 'slope-controls' }, fn.el, ruleSelect.el, nSlider.el), readout, h('div', { class: 'slope-charts' }, view.el, errorView.el));
  draw();
  return {
    destroy() {
      view.destroy();
      errorView.destroy();
    },
  };
};

function numeric(v: number | string): number {
  return typeof v === 'number' ? v : evaluate(v, {});
}

function texBound(v: number | string): string {
  return typeof v === 'number' ? String(v) : toTex(v);
}
