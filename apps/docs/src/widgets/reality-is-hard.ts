import { createRng } from '@slope/models';
import { compile, derivative, parse } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select, slider } from '../dom.js';
import type { MountWidget } from '../widget.js';

/** The smallest error drawn; a difference that happens to be exact would otherwise vanish off a log axis. */
const FLOOR = 1e-18;

/** Forward- and central-difference errors at each step size h. */
export interface StepStudy {
  readonly h: number[];
  readonly forward: number[];
  readonly central: number[];
}

/**
 * |finite difference − exact derivative| of f at x for h = 10⁰ … 10⁻¹⁵, optionally with
 * measurement noise of relative size `noise` added to every evaluation of f (drawn from a
 * seeded rng, so the plot is reproducible).
 *
 * @example
 * ```ts
 * const s = stepStudy('exp(x)', 1, 0, 0);
 * // s.forward falls like h, s.central like h², until rounding error takes over below h ≈ 1e-8
 * ```
 */
export function stepStudy(expr: string, x: number, noise: number, seed: number): StepStudy {
  const f = compile(expr, ['x']);
  const exact = compile(derivative(parse(expr), 'x'), ['x'])([x]);
  const rng = createRng(seed);
  const measured = (t: number): number => f([t]) * (1 + noise * rng.normal());
  const out: StepStudy = { h: [], forward: [], central: [] };
  for (let k = 0; k <= 60; k++) {
    const step = 10 ** (-k / 4);
    const fx = measured(x);
    out.h.push(step);
    out.forward.push(Math.max(FLOOR, Math.abs((measured(x + step) - fx) / step - exact)));
    out.central.push(Math.max(FLOOR, Math.abs((measured(x + step) - measured(x - step)) / (2 * step) - exact)));
  }
  return out;
}

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['exp(x)', 'eˣ at x = 1'],
  ['sin(x)', 'sin x at x = 1'],
  ['x^3 - 2x', 'x³ − 2x at x = 1'],
];

/** Week 2 "reality is hard": finite-difference error against h on a log–log plot — truncation falls, rounding rises. */
export const mount: MountWidget = (root) => {
  let expr = FUNCTIONS[0]?.[0] ?? 'exp(x)';
  let logNoise = -16;
  const view = chartView('Finite-difference error against step size h');
  const note = h('p', { class: 'slope-readout' });
  const draw = (): void => {
    const noise = logNoise <= -16 ? 0 : 10 ** logNoise;
    const s = stepStudy(expr, 1, noise, 7);
    const best = (errs: number[]): string => {
      const k = errs.indexOf(Math.min(...errs));
      return `${formatNumber(errs[k] ?? Number.NaN, 2)} at h = ${formatNumber(s.h[k] ?? Number.NaN, 2)}`;
    };
    view.render(
      lineChart(
        [
          { x: s.h, y: s.forward, label: 'forward difference', color: courseColors.orange, width: 2, pointRadius: 2 },
          { x: s.h, y: s.central, label: 'central difference', color: courseColors.blue, width: 2, pointRadius: 2 },
          { x: [1e-8, 1], y: [1e-8, 1], label: 'slope 1 (error ∝ h)', color: '#999999', width: 1 },
          { x: [1e-5, 1], y: [1e-10, 1], label: 'slope 2 (error ∝ h²)', color: '#cccccc', width: 1 },
        ],
        { xScale: 'log', yScale: 'log', xLabel: 'step h', yLabel: '|error|', yRange: [1e-18, 10], aspectRatio: 1.6 },
      ),
    );
    note.textContent = `Smallest error — forward: ${best(s.forward)}; central: ${best(s.central)}.`;
  };
  const choose = select('f', FUNCTIONS, expr, (v) => {
    expr = v;
    draw();
  });
  const noise = slider({ label: 'measurement noise', min: -16, max: -2, step: 1, value: logNoise, format: (v) => (v <= -16 ? 'none' : `10^${v}`), onInput: (v) => { logNoise = v; draw(); } });
  root.append(h('div', { class: 'slope-controls' }, choose.el, noise.el), view.el, note);
  draw();
  return { destroy: () => view.destroy() };
};
