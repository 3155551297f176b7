import { grad, mean, mul, square, sub, tanh, tensor, type Tensor } from '@slope/autodiff';
import { contourChart, courseColors, lineChart, sampleGrid } from '@slope/plot';
import type { ChartConfiguration } from 'chart.js';
import { chartView, markersOnly } from '../chart.js';
import { button, formatNumber, h, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { inSeparateTasks } from '../schedule.js';
import { texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

// The cost is flat over most of the plane and steep in a narrow valley, so the levels are spaced unevenly.
const COST_LEVELS = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.4];

/** The NOT function: input 0 → 1, input 1 → 0. */
const A0 = [0, 1];
const Y = [1, 0];

/**
 * The cost C(w, b) = (1/N) Σ (tanh(w a₀ + b) − y)² of one tanh neuron on the NOT data.
 *
 * @example
 * ```ts
 * notCost(1.3, -0.1); // ≈ 0.95: the quiz's starting guess is poor
 * ```
 */
export function notCost(w: number, b: number): number {
  return A0.reduce((s, a0, k) => s + (Math.tanh(w * a0 + b) - Y[k]!) ** 2, 0) / A0.length;
}

const costTensor = (w: Tensor, b: Tensor): Tensor => mean(square(sub(tanh(mul(w, tensor(A0)).add(b)), tensor(Y))));
const dCost = grad(costTensor, { argnums: [0, 1] });

/**
 * [∂C/∂w, ∂C/∂b] by reverse-mode autodiff.
 *
 * @example
 * ```ts
 * notGradient(1.3, -0.1); // both partials positive: decrease w and b
 * ```
 */
export function notGradient(w: number, b: number): [number, number] {
  const [gw, gb] = dCost(w, b);
  return [gw!.item(), gb!.item()];
}

/** Week 3: one tanh neuron learning NOT; sliders for w and b, the cost surface, and gradient descent by autodiff. */
export const mount: MountWidget = (root) => {
  let w = 1.3;
  let b = -0.1;
  let path: { x: number[]; y: number[] } = { x: [w], y: [b] };
  const neuronView = chartView('The neuron output against its input');
  const costView = chartView('Cost over (w, b)', undefined, { aspect: 'equal' });
  const readout = h('div', { class: 'slope-readout' });
  const grid = sampleGrid(notCost, [-12, 12], [-12, 12], 97, 97);

  // Each chart redraws in place (datasets only) and in its own task, so a drag never holds the
  // main thread for both charts and the formulas at once.
  const drawNeuron = (): void => {
    const out = sample((a0) => Math.tanh(w * a0 + b), -0.5, 1.5, 101);
    neuronView.update(
      markersOnly(lineChart(
        [
          { ...out, label: `a₁ = tanh(${formatNumber(w, 3)} a₀ ${b < 0 ? '−' : '+'} ${formatNumber(Math.abs(b), 3)})`, color: courseColors.blue, width: 2.5 },
          { x: A0, y: Y, label: 'NOT: the targets', color: courseColors.green, width: 1, pointRadius: 7 },
        ],
        { xLabel: 'input a₀', yLabel: 'output a₁', xRange: [-0.5, 1.5], yRange: [-1.1, 1.1], aspectRatio: 1.3 },
      ), 1) as unknown as ChartConfiguration,
      'datasets',
    );
  };
  const drawCost = (): void => {
    costView.update(contourChart({ grid, levels: COST_LEVELS, paths: [{ ...path, label: 'your (w, b)' }], xLabel: 'w', yLabel: 'b', xRange: [-12, 12], yRange: [-12, 12], aspectRatio: 1.1 }) as unknown as ChartConfiguration, 'datasets');
  };
  const drawReadout = (): void => {
    const [gw, gb] = notGradient(w, b);
    const a = A0.map((a0) => Math.tanh(w * a0 + b));
    readout.replaceChildren(
      texFormulas([`a_1(0) = ${formatNumber(a[0]!)}`, `a_1(1) = ${formatNumber(a[1]!)}`, `C = \\tfrac12\\sum_k (a_1^{(k)} - y^{(k)})^2 = ${formatNumber(notCost(w, b))}`]),
      texFormulas([`\\frac{\\partial C}{\\partial w} = ${formatNumber(gw)}`, `\\frac{\\partial C}{\\partial b} = ${formatNumber(gb)}`, `\\text{(reverse-mode autodiff)}`]),
    );
  };
  const draw = inSeparateTasks([drawNeuron, drawCost, drawReadout]);

  const ws = slider({ label: 'w', min: -12, max: 12, step: 0.1, value: w, onInput: (v) => { w = v; path = { x: [w], y: [b] }; draw(); } });
  const bs = slider({ label: 'b', min: -12, max: 12, step: 0.1, value: b, onInput: (v) => { b = v; path = { x: [w], y: [b] }; draw(); } });
  const setTo = (nw: number, nb: number) => (): void => {
    w = nw;
    b = nb;
    ws.set(w);
    bs.set(b);
    path = { x: [w], y: [b] };
    draw();
  };
  const descend = (): void => {
    // 50 steps of steepest descent with the cost's own gradient; the path is drawn on the contours.
    for (let k = 0; k < 50; k++) {
      const [gw, gb] = notGradient(w, b);
      w = Math.max(-12, Math.min(12, w - 2 * gw));
      b = Math.max(-12, Math.min(12, b - 2 * gb));
      path.x.push(w);
      path.y.push(b);
    }
    ws.set(w);
    bs.set(b);
    draw();
  };
  root.append(
    h('div', { class: 'slope-controls' }, ws.el, bs.el),
    h('div', { class: 'slope-controls' },
      button('Quiz start (1.3, −0.1)', setTo(1.3, -0.1)),
      button('Best option offered (−5, 5)', setTo(-5, 5)),
      button('Better still (−10, 10)', setTo(-10, 10)),
      button('50 steps of gradient descent', descend)),
    h('div', { class: 'slope-charts' }, neuronView.el, costView.el),
    readout,
  );
  drawNeuron();
  drawCost();
  drawReadout();
  return { destroy() { neuronView.destroy(); costView.destroy(); } };
};
