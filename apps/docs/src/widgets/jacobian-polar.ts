import { compile, jacobian, parse, simplify, toTex, type Expr } from '@slope/symbolic';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select, slider } from '../dom.js';
import { texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

interface VectorMap {
  readonly label: string;
  readonly outputs: readonly [string, string];
  readonly inputs: readonly [string, string];
  readonly inputTex: readonly [string, string];
  readonly ranges: readonly [readonly [number, number], readonly [number, number]];
  readonly start: readonly [number, number];
  /** The determinant after an identity the simplifier does not apply (cos²θ + sin²θ = 1), checked numerically in the tests. */
  readonly detIdentity?: string;
}

const MAPS: Readonly<Record<string, VectorMap>> = {
  polar: {
    label: 'polar → Cartesian: x = r cos θ, y = r sin θ',
    outputs: ['r*cos(theta)', 'r*sin(theta)'],
    inputs: ['r', 'theta'],
    inputTex: ['r', '\\theta'],
    ranges: [[0, 2], [0, 2 * Math.PI]],
    start: [1.2, 0.8],
    detIdentity: 'r \\quad (\\cos^2\\theta + \\sin^2\\theta = 1)',
  },
  linear: {
    label: 'linear: u = x + 2y, v = 3y − 2x',
    outputs: ['x + 2*y', '3*y - 2*x'],
    inputs: ['x', 'y'],
    inputTex: ['x', 'y'],
    ranges: [[-1, 1], [-1, 1]],
    start: [0.3, 0.4],
  },
};

/**
 * The symbolic Jacobian matrix of a 2-D vector map and its determinant, simplified.
 *
 * @example
 * ```ts
 * jacobianAndDeterminant(['r*cos(theta)', 'r*sin(theta)'], ['r', 'theta']).det.toString(); // 'r'
 * ```
 */
export function jacobianAndDeterminant(outputs: readonly string[], inputs: readonly string[]): { J: Expr[][]; det: Expr } {
  const J = jacobian(outputs.map((o) => parse(o)), [...inputs]);
  const [[a, b], [c, d]] = J as [[Expr, Expr], [Expr, Expr]];
  const det = simplify(`(${a.toString()})*(${d.toString()}) - (${b.toString()})*(${c.toString()})`);
  return { J, det };
}

const matrixTex = (rows: readonly (readonly string[])[]): string => `\\begin{bmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;

/** Week 2: Jacobian matrices of vector functions — how a small square of inputs is stretched and turned. */
export const mount: MountWidget = (root) => {
  let key = 'polar';
  let point: [number, number] = [1.2, 0.8];
  const view = chartView('The map of a grid of inputs, with the Jacobian columns at a point', undefined, { aspect: 'equal' });
  const readout = h('div', { class: 'slope-readout' });
  const controls = h('div', { class: 'slope-controls' });

  const draw = (): void => {
    const map = MAPS[key]!;
    const F = compile([...map.outputs], [...map.inputs]);
    const { J, det } = jacobianAndDeterminant(map.outputs, map.inputs);
    const Jn = compile(J.flat(), [...map.inputs]);
    const detn = compile(det, [...map.inputs]);
    const [[a0, a1], [b0, b1]] = map.ranges;
    const lines: Series[] = [];
    const grey = '#b0b0b0';
    for (let k = 0; k <= 8; k++) {
      const fixed0 = a0 + ((a1 - a0) * k) / 8;
      const fixed1 = b0 + ((b1 - b0) * k) / 8;
      const l1 = { x: [] as number[], y: [] as number[] };
      const l2 = { x: [] as number[], y: [] as number[] };
      for (let s = 0; s <= 60; s++) {
        const p = F([fixed0, b0 + ((b1 - b0) * s) / 60]);
        l1.x.push(p[0]!);
        l1.y.push(p[1]!);
        const q = F([a0 + ((a1 - a0) * s) / 60, fixed1]);
        l2.x.push(q[0]!);
        l2.y.push(q[1]!);
      }
      lines.push({ ...l1, color: grey, width: 1 }, { ...l2, color: grey, width: 1 });
    }
    const [px, py] = F(point);
    const [j00, j01, j10, j11] = Jn(point);
    const scale = 0.4;
    lines.push(
      { x: [px!, px! + scale * j00!], y: [py!, py! + scale * j10!], label: `column 1: ∂/∂${map.inputs[0] === 'theta' ? 'θ' : map.inputs[0]}`, color: courseColors.orange, width: 3 },
      { x: [px!, px! + scale * j01!], y: [py!, py! + scale * j11!], label: `column 2: ∂/∂${map.inputs[1] === 'theta' ? 'θ' : map.inputs[1]}`, color: courseColors.magenta, width: 3 },
    );
    view.render(lineChart(lines, { xLabel: 'first output', yLabel: 'second output', aspectRatio: 1.2 }));
    const [t0, t1] = map.inputTex;
    readout.replaceChildren(
      texFormulas([`J = ${matrixTex(J.map((row) => row.map((e) => toTex(e))))}`, `|J| = ${toTex(det)}${map.detIdentity === undefined ? '' : ` = ${map.detIdentity}`}`]),
      texFormulas([
        `\\text{at } ${t0} = ${formatNumber(point[0], 3)},\\ ${t1} = ${formatNumber(point[1], 3)}:`,
        `J = ${matrixTex([[formatNumber(j00!), formatNumber(j01!)], [formatNumber(j10!), formatNumber(j11!)]])}`,
        `|J| = ${formatNumber(detn(point))}`,
      ]),
    );
  };

  const build = (): void => {
    const map = MAPS[key]!;
    point = [map.start[0], map.start[1]];
    const s0 = slider({ label: map.inputs[0] === 'theta' ? 'θ' : map.inputs[0], min: map.ranges[0][0], max: map.ranges[0][1], step: 0.01, value: point[0], onInput: (v) => { point = [v, point[1]]; draw(); } });
    const s1 = slider({ label: map.inputs[1] === 'theta' ? 'θ' : map.inputs[1], min: map.ranges[1][0], max: map.ranges[1][1], step: 0.01, value: point[1], onInput: (v) => { point = [point[0], v]; draw(); } });
    controls.replaceChildren(chooser.el, s0.el, s1.el);
    draw();
  };
  const chooser = select('Map', Object.entries(MAPS).map(([k, m]) => [k, m.label] as const), key, (v) => {
    key = v;
    build();
  });
  root.append(controls, view.el, readout);
  build();
  return { destroy: () => view.destroy() };
};
