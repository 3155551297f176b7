import { compile, integrate, IntegrationError, quad, toTex, type Expr } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';
import { aspectFor, integrationWidget, shaded } from './integration-shared.js';

/** Integrands f(t), the lower limit a and the window for the upper limit x. */
export const FTC_PRESETS: readonly { expr: string; label: string; a: number; window: readonly [number, number] }[] = [
  { expr: 'cos(t)', label: 'f(t) = cos t', a: 0, window: [0, 7] },
  { expr: 't^2 - 1', label: 'f(t) = t² − 1', a: -2, window: [-2, 2.5] },
  { expr: '1/(1 + t^2)', label: 'f(t) = 1/(1 + t²)', a: 0, window: [-4, 4] },
  { expr: 'exp(-t/2)*sin(3*t)', label: 'f(t) = e^(−t/2) sin 3t', a: 0, window: [0, 6] },
];

/** The accumulated area A(x) = ∫ₐˣ f(t) dt as a function, with its formula when integrate finds one. */
export interface AreaFunction {
  /** A(x), exact through F(x) − F(a) when there is an antiderivative, else by quad. */
  readonly at: (x: number) => number;
  /** F, when integrate found it. */
  readonly antiderivative?: Expr;
}

/**
 * A(x) = ∫ₐˣ f(t) dt, from integrate()'s antiderivative (A(x) = F(x) − F(a)), or quad() when
 * there is none: the function the fundamental theorem is about.
 *
 * @example
 * ```ts
 * areaFunction('cos(t)', 0).at(Math.PI / 2); // 1
 * ```
 */
export function areaFunction(expr: string, a: number): AreaFunction {
  try {
    const F = integrate(expr, 't');
    const g = compile(F, ['t']);
    const Fa = g([a]);
    return { at: (x) => g([x]) - Fa, antiderivative: F };
  } catch (e) {
    if (!(e instanceof IntegrationError)) throw e;
    return { at: (x) => quad(expr, a, x, { variable: 't' }).value };
  }
}

/** Drag the upper limit x: the shaded area A(x) grows at the rate f(x), so the slope of A is the curve. */
export const mount: MountWidget = (root) => {
  integrationWidget(root);
  let preset = FTC_PRESETS[0] as (typeof FTC_PRESETS)[number];
  let f = compile(preset.expr, ['t']);
  let A = areaFunction(preset.expr, preset.a);
  let x = 2;
  const top = chartView('f(t) with the area from a to x shaded; drag to move x');
  const bottom = chartView('The area function A(x) and its tangent at x, whose slope is f(x)');
  const readout = h('div', { class: 'slope-readout slope-int-readout', 'data-role': 'ftc-readout', 'aria-live': 'polite' });
  let curve = { t: [] as number[], f: [] as number[], A: [] as number[] };

  const prepare = (): void => {
    const [lo, hi] = preset.window;
    const s = sample((t) => f([t]), lo, hi, 301);
    curve = { t: s.x, f: s.y, A: s.x.map((t) => A.at(t)) };
  };

  const draw = (): void => {
    const [lo, hi] = preset.window;
    const fx = f([x]);
    const Ax = A.at(x);
    // Slope of A at x, measured on A itself (a central difference), to set beside f(x).
    const h0 = 1e-4 * Math.max(1, Math.abs(x));
    const slope = (A.at(x + h0) - A.at(x - h0)) / (2 * h0);
    const from = Math.min(preset.a, x);
    const to = Math.max(preset.a, x);
    const band = sample((t) => f([t]), from, to, Math.max(2, Math.round(120 * (to - from) / (hi - lo)) + 2));
    const fmin = Math.min(0, ...curve.f);
    const fmax = Math.max(0, ...curve.f);
    updateChart(top, shaded(lineChart(
      [
        { x: curve.t, y: curve.f, label: 'f(t)', color: courseColors.blue, width: 2.5 },
        { ...band, label: `A(x) = ∫ f from ${preset.a} to x`, color: courseColors.green, width: 1 },
        { x: [x, x], y: [fmin, fmax], label: 'x', color: courseColors.orange, width: 2 },
      ],
      { xRange: [lo, hi], yRange: [fmin - 0.05 * (fmax - fmin), fmax + 0.05 * (fmax - fmin)], xLabel: 't', aspectRatio: aspectFor(root, 1.8) },
    ), 1, courseColors.green, 0.3));
    const Amin = Math.min(...curve.A);
    const Amax = Math.max(...curve.A);
    const span = hi - lo;
    const tangent = { x: [x - 0.15 * span, x + 0.15 * span], y: [Ax - 0.15 * span * fx, Ax + 0.15 * span * fx] };
    updateChart(bottom, lineChart(
      [
        { x: curve.t, y: curve.A, label: 'A(x)', color: courseColors.green, width: 2.5 },
        { ...tangent, label: `tangent, slope f(x) = ${formatNumber(fx, 3)}`, color: courseColors.orange, width: 2 },
        { x: [x], y: [Ax], label: 'A at x', color: courseColors.magenta, width: 1, pointRadius: 6 },
      ],
      { xRange: [lo, hi], yRange: [Amin - 0.1 * (Amax - Amin || 1), Amax + 0.1 * (Amax - Amin || 1)], xLabel: 'x', aspectRatio: aspectFor(root, 1.8) },
    ));
    readout.dataset['x'] = String(x);
    readout.dataset['area'] = String(Ax);
    readout.dataset['slope'] = String(slope);
    readout.dataset['f'] = String(fx);
    readout.replaceChildren(
      texElement(`A(x) = \\int_{${preset.a}}^{x} f(t)\\,dt${A.antiderivative === undefined ? '' : ` = \\Big[${toTex(A.antiderivative)}\\Big]_{${preset.a}}^{x}`}`),
      h('br'),
      texElement(`x = ${formatNumber(x, 4)}:\\quad A(x) = ${formatNumber(Ax, 6)},\\quad \\frac{A(x + h) - A(x - h)}{2h} = ${formatNumber(slope, 6)},\\quad f(x) = ${formatNumber(fx, 6)}`),
    );
  };

  const xSlider = slider({
    label: 'upper limit x', min: preset.window[0], max: preset.window[1], step: 0.01, value: x, format: (v) => formatNumber(v, 3), name: 'upper limit',
    onInput: (v) => { x = v; draw(); },
  });
  const fn = select('Integrand', FTC_PRESETS.map((p, i) => [String(i), p.label] as const), '0', (v) => {
    preset = FTC_PRESETS[Number(v)] ?? preset;
    f = compile(preset.expr, ['t']);
    A = areaFunction(preset.expr, preset.a);
    xSlider.input.min = String(preset.window[0]);
    xSlider.input.max = String(preset.window[1]);
    x = Math.min(preset.window[1], Math.max(preset.window[0], (preset.a + preset.window[1]) / 2));
    xSlider.set(x);
    prepare();
    draw();
  });

  // Dragging on either chart moves x (the slider stays the keyboard control).
  for (const view of [top, bottom]) {
    let dragging = false;
    const dragTo = (event: PointerEvent): void => {
      const scale = view.chart()?.scales['x'];
      const v = scale?.getValueForPixel(event.offsetX);
      if (v === undefined) return;
      x = Math.min(preset.window[1], Math.max(preset.window[0], v));
      xSlider.set(x);
      draw();
    };
    view.canvas.addEventListener('pointerdown', (e) => {
      dragging = true;
      view.canvas.setPointerCapture(e.pointerId);
      dragTo(e);
    });
    view.canvas.addEventListener('pointermove', (e) => {
      if (dragging) dragTo(e);
    });
    view.canvas.addEventListener('pointerup', () => {
      dragging = false;
    });
    view.canvas.style.touchAction = 'pan-y';
  }

  root.append(h('div', { class: 'slope-controls' }, fn.el, xSlider.el), readout, top.el, bottom.el);
  prepare();
  draw();
  return {
    destroy() {
      top.destroy();
      bottom.destroy();
    },
  };
};
