import { compile, type Expr, limit, parse, toTex } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['x^2', 'f(x) = x²'],
  ['sin(x)', 'f(x) = sin x'],
  ['exp(x)', 'f(x) = eˣ'],
  ['x^3 - 2x', 'f(x) = x³ − 2x'],
];

/** The secant through (x, f(x)) and (x + Δx, f(x + Δx)) and how far its slope is from f′(x). */
export interface Secant {
  slope: number;
  tangentSlope: number;
  error: number;
}

/**
 * The derivative as the course defines it, taken symbolically by `limit` from @slope/symbolic:
 * f′(x) = lim_{Δx→0} (f(x + Δx) − f(x))/Δx, with x left free.
 *
 * @example
 * ```ts
 * riseOverRunLimit('x^3 - 2*x').toString(); // '3*x^2 - 2'
 * ```
 */
export function riseOverRunLimit(expr: string): Expr {
  // The canonical form writes every product with '*', so x stands alone wherever it occurs.
  const f = parse(expr).toString();
  const shifted = f.replace(/\bx\b/g, '(x + dx)');
  return limit(`((${shifted}) - (${f}))/dx`, 'dx', 0);
}

/**
 * Rise over run for one Δx, against the limit of rise over run (the exact derivative).
 *
 * @example
 * ```ts
 * secant('x^2', 1, 0.1).slope; // 2.1
 * ```
 */
export function secant(expr: string, x: number, dx: number, derivativeOfF: Expr = riseOverRunLimit(expr)): Secant {
  const f = compile(expr, ['x']);
  const df = compile(derivativeOfF, ['x']);
  const slope = (f([x + dx]) - f([x])) / dx;
  const tangentSlope = df([x]);
  return { slope, tangentSlope, error: Math.abs(slope - tangentSlope) };
}

/** Week 1: drag the second point (or the Δx slider) towards the first and watch the secant become the tangent. */
export const mount: MountWidget = (root) => {
  let expr = FUNCTIONS[0]?.[0] ?? 'x^2';
  let x0 = 1;
  let logDx = 0; // log10 Δx, so the slider reaches Δx = 0.0001 smoothly
  let limitOfF = riseOverRunLimit(expr);
  const view = chartView('Secant and tangent of f');
  const readout = h('div', { class: 'slope-readout', 'data-role': 'secant-readout' });

  const draw = (): void => {
    const dx = 10 ** logDx;
    const f = compile(expr, ['x']);
    const s = secant(expr, x0, dx, limitOfF);
    const curve = sample((x) => f([x]), -3, 3, 241);
    const y0 = f([x0]);
    const y1 = f([x0 + dx]);
    const line = (m: number) => ({ x: [-3, 3], y: [y0 + m * (-3 - x0), y0 + m * (3 - x0)] });
    const ys = curve.y.filter(Number.isFinite);
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    const pad = 0.1 * (hi - lo || 1);
    view.render(
      lineChart(
        [
          { ...curve, label: 'f(x)', color: courseColors.blue, width: 2.5 },
          { ...line(s.slope), label: `secant, slope ${formatNumber(s.slope)}`, color: courseColors.orange, width: 2 },
          { ...line(s.tangentSlope), label: `tangent, slope ${formatNumber(s.tangentSlope)}`, color: courseColors.green, width: 1.5 },
          { x: [x0, x0 + dx], y: [y0, y1], label: 'the two points', color: courseColors.magenta, width: 1, pointRadius: 6 },
        ],
        { xRange: [-3, 3], yRange: [lo - pad, hi + pad], xLabel: 'x', yLabel: 'f(x)', aspectRatio: 1.6 },
      ),
    );
    readout.replaceChildren(
      texFormulas([
        `f'(x) = \\lim_{\\Delta x \\to 0} \\frac{f(x+\\Delta x)-f(x)}{\\Delta x} = ${toTex(limitOfF)}`,
        `\\frac{f(x+\\Delta x)-f(x)}{\\Delta x}\\Big|_{x=${formatNumber(x0, 3)},\\ \\Delta x=${formatNumber(dx, 3)}} = ${formatNumber(s.slope, 6)}`,
        `f'(${formatNumber(x0, 3)}) = ${formatNumber(s.tangentSlope, 6)}`,
      ]),
      h('span', { 'data-role': 'fd-error' }, `finite-difference error |secant − f′| = ${formatNumber(s.error, 3)} (it shrinks in proportion to Δx)`),
    );
  };

  const fn = select('Function', FUNCTIONS, expr, (v) => {
    expr = v;
    limitOfF = riseOverRunLimit(expr);
    draw();
  });
  const xSlider = slider({ label: 'x', min: -2.5, max: 2.5, step: 0.05, value: x0, onInput: (v) => { x0 = v; draw(); } });
  const dxSlider = slider({
    label: 'Δx', min: -4, max: Math.log10(2), step: 0.01, value: logDx, format: (v) => formatNumber(10 ** v, 3),
    onInput: (v) => { logDx = v; draw(); },
  });

  // Dragging on the chart moves the second point: Δx follows the pointer.
  let dragging = false;
  const dragTo = (event: PointerEvent): void => {
    const chart = view.chart();
    const xs = chart?.scales['x'];
    if (xs === undefined) return;
    const px = xs.getValueForPixel(event.offsetX);
    if (px === undefined) return;
    const dx = Math.min(2, Math.max(1e-4, px - x0));
    logDx = Math.log10(dx);
    dxSlider.set(logDx);
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
  view.canvas.style.touchAction = 'none';

  root.append(h('div', { class: 'slope-controls' }, fn.el, xSlider.el, dxSlider.el), view.el, readout);
  draw();
  return { destroy: () => view.destroy() };
};
