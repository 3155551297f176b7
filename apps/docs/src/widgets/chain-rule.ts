import { add, grad, mul, square, sub, type Tensor } from '@slope/autodiff';
import { compile, derivative, gradient, parse, toTex } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import type { ChartConfiguration } from 'chart.js';
import { chartView, markersOnly } from '../chart.js';
import { formatNumber, h, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { oncePerFrame } from '../schedule.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** The week 3 quiz: f(x₁, x₂) = x₁²x₂² + x₁x₂ with x₁ = 1 − t², x₂ = 1 + t². */
const F = 'x1^2*x2^2 + x1*x2';
const X = ['1 - t^2', '1 + t^2'] as const;

/** df/dt at t four ways; they should agree to rounding (and to O(h²) for the difference). */
export interface ChainCheck {
  /** J_f(x(t)) · dx/dt, both factors from @slope/symbolic. */
  readonly chainRule: number;
  /** d/dt of f(x(t)) written out in t, from @slope/symbolic. */
  readonly direct: number;
  /** Reverse-mode autodiff of the composition, from @slope/autodiff. */
  readonly autodiff: number;
  /** Central difference with h = 1e-5. */
  readonly numeric: number;
}

const composed = `(${X[0]})^2*(${X[1]})^2 + (${X[0]})*(${X[1]})`;
const fTensor = (t: Tensor): Tensor => {
  const x1 = sub(1, square(t));
  const x2 = add(1, square(t));
  return add(mul(square(x1), square(x2)), mul(x1, x2));
};

/**
 * Evaluates the multivariate chain rule df/dt = J_f · dx/dt at t and checks it three other ways.
 *
 * @example
 * ```ts
 * const c = chainCheck(0.5);
 * Math.abs(c.chainRule - c.autodiff) < 1e-12; // true
 * ```
 */
export function chainCheck(t: number): ChainCheck {
  return chainChecker()(t);
}

/**
 * {@link chainCheck} with its derivatives taken and compiled once: a slider drag then costs
 * evaluations only, not a parse, differentiation and compile per point.
 *
 * @example
 * ```ts
 * const check = chainChecker();
 * check(0.5).chainRule === chainCheck(0.5).chainRule; // true
 * ```
 */
export function chainChecker(): (t: number) => ChainCheck {
  const Jf = compile(gradient(parse(F), ['x1', 'x2']), ['x1', 'x2']);
  const xs = compile([...X], ['t']);
  const dxs = compile(X.map((e) => derivative(parse(e), 't')), ['t']);
  const fc = compile(composed, ['t']);
  const direct = compile(derivative(parse(composed), 't'), ['t']);
  const dfdt = grad(fTensor);
  const h = 1e-5;
  return (t) => {
    const J = Jf(xs([t]));
    const dx = dxs([t]);
    return {
      chainRule: J[0]! * dx[0]! + J[1]! * dx[1]!,
      direct: direct([t]),
      autodiff: dfdt(t).item(),
      numeric: (fc([t + h]) - fc([t - h])) / (2 * h),
    };
  };
}

/** Week 3: the multivariate chain rule, checked symbolically, by autodiff and numerically. */
export const mount: MountWidget = (root) => {
  let t = 0.5;
  const view = chartView('df/dt by the chain rule and by autodiff');
  const readout = h('div', { class: 'slope-readout' });
  const J = gradient(parse(F), ['x1', 'x2']);
  const check = chainChecker();
  // The curves do not depend on t: sampled once; a drag moves the marker and the table only.
  const line = sample((s) => check(s).chainRule, -1.5, 1.5, 121);
  const dots = sample((s) => check(s).autodiff, -1.5, 1.5, 25);
  const formula = texElement(`\\frac{df}{dt} = J_f\\,\\frac{d\\mathbf{x}}{dt} = \\left[${J.map((e) => toTex(e)).join(',\\ ')}\\right] \\begin{bmatrix} -2t \\\\ 2t \\end{bmatrix}`, true);
  const table = h('tbody', {});
  readout.append(formula, h('table', {}, table));
  const draw = (): void => {
    const c = check(t);
    view.update(
      markersOnly(lineChart(
        [
          { ...line, label: 'J_f · dx/dt (symbolic chain rule)', color: courseColors.blue, width: 2.5 },
          { ...dots, label: 'reverse-mode autodiff', color: courseColors.magenta, width: 1, pointRadius: 3 },
          { x: [t], y: [c.chainRule], color: courseColors.orange, width: 1, pointRadius: 7 },
        ],
        { xLabel: 't', yLabel: 'df/dt', xRange: [-1.5, 1.5], aspectRatio: 1.8 },
      ), 1, 2) as unknown as ChartConfiguration,
      'datasets',
    );
    table.replaceChildren(
      ...([
        ['chain rule, J_f · dx/dt', c.chainRule],
        ['differentiating f(x(t)) directly', c.direct],
        ['reverse-mode autodiff', c.autodiff],
        ['central difference, h = 10⁻⁵', c.numeric],
      ] as const).map(([label, v]) => h('tr', {}, h('td', {}, label), h('td', {}, formatNumber(v, 12)), h('td', {}, `${formatNumber(Math.abs(v - c.chainRule), 2)} from the chain rule`))),
    );
  };
  const redraw = oncePerFrame(draw);
  const ts = slider({ label: 't', min: -1.5, max: 1.5, step: 0.01, value: t, onInput: (v) => { t = v; redraw(); } });
  root.append(texElement(`f(x_1, x_2) = x_1^2 x_2^2 + x_1 x_2, \\quad x_1 = 1 - t^2, \\quad x_2 = 1 + t^2`, true), h('div', { class: 'slope-controls' }, ts.el), view.el, readout);
  draw();
  return { destroy: () => view.destroy() };
};
