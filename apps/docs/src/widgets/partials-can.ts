import { compile, gradient, parse, toTex } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texBreaking, texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** The lecture's metal can: two ends (2πr²) and a side (2πrh), of thickness t and density ρ. */
export const CAN_MASS = '2*pi*r^2*t*rho + 2*pi*r*h*t*rho';
export const CAN_VARIABLES = ['r', 'h', 't', 'rho'] as const;
type CanVariable = (typeof CAN_VARIABLES)[number];

const RANGES: Readonly<Record<CanVariable, readonly [number, number, number, string]>> = {
  r: [0.01, 0.1, 0.001, 'radius r / m'],
  h: [0.02, 0.3, 0.001, 'height h / m'],
  t: [0.0001, 0.002, 0.00001, 'thickness t / m'],
  rho: [1000, 9000, 10, 'density ρ / kg m⁻³'],
};

/** Week 2: partial derivatives of the can's mass — hold everything else still, vary one thing. */
export const mount: MountWidget = (root) => {
  const mass = parse(CAN_MASS);
  const partials = gradient(mass, [...CAN_VARIABLES]);
  const m = compile(mass, [...CAN_VARIABLES]);
  const dm = compile(partials, [...CAN_VARIABLES]);
  const values: Record<CanVariable, number> = { r: 0.04, h: 0.12, t: 0.0005, rho: 2700 };
  let along: CanVariable = 'r';
  const view = chartView('Mass of the can against one variable, others held constant');
  const readout = h('div', { class: 'slope-readout' });

  const draw = (): void => {
    const point = CAN_VARIABLES.map((v) => values[v]);
    const grads = dm(point);
    const k = CAN_VARIABLES.indexOf(along);
    const [lo, hi, , label] = RANGES[along];
    const at = (x: number): number => m(CAN_VARIABLES.map((v) => (v === along ? x : values[v])));
    const curve = sample(at, lo, hi, 101);
    const x0 = values[along];
    const slope = grads[k] ?? 0;
    view.render(
      lineChart(
        [
          { ...curve, label: 'm', color: courseColors.blue, width: 2.5 },
          { x: [lo, hi], y: [at(x0) + slope * (lo - x0), at(x0) + slope * (hi - x0)], label: `tangent, slope ∂m/∂${along === 'rho' ? 'ρ' : along}`, color: courseColors.orange, width: 1.5 },
          { x: [x0], y: [at(x0)], color: courseColors.magenta, pointRadius: 6 },
        ],
        { xLabel: label, yLabel: 'mass m / kg', xRange: [lo, hi], yRange: [0, Math.max(...curve.y) * 1.1], aspectRatio: 1.8 },
      ),
    );
    readout.replaceChildren(
      texBreaking(`m = ${toTex(mass)} = ${formatNumber(m(point))}\\ \\text{kg}`),
      texFormulas(CAN_VARIABLES.map((v, i) =>
        `\\frac{\\partial m}{\\partial ${v === 'rho' ? '\\rho' : v}} = ${toTex(partials[i]!)} = ${formatNumber(grads[i] ?? Number.NaN)}`,
      )),
    );
  };

  const sliders = CAN_VARIABLES.map((v) => {
    const [lo, hi, step] = RANGES[v];
    return slider({ label: v === 'rho' ? 'ρ' : v, min: lo, max: hi, step, value: values[v], format: (x) => formatNumber(x, 3), onInput: (x) => { values[v] = x; draw(); } }).el;
  });
  const axis = select('Plot against', CAN_VARIABLES.map((v) => [v, v === 'rho' ? 'ρ' : v] as const), along, (v) => {
    along = v as CanVariable;
    draw();
  });
  root.append(h('div', { class: 'slope-controls' }, ...sliders, axis.el), view.el, readout);
  draw();
  return { destroy: () => view.destroy() };
};
