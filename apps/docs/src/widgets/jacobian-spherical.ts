import { compile, jacobian, parse, simplify, toTex, type Expr } from '@slope/symbolic';
import { courseColors, lineChart } from '@slope/plot';
import { chartView, markersOnly } from '../chart.js';
import { formatNumber, h, slider } from '../dom.js';
import { sample } from '../sampling.js';
import { texBreaking, texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** Spherical coordinates (r, θ, φ) → Cartesian (x, y, z), θ measured from the z axis. */
export const SPHERICAL = {
  outputs: ['r*sin(theta)*cos(phi)', 'r*sin(theta)*sin(phi)', 'r*cos(theta)'],
  inputs: ['r', 'theta', 'phi'],
} as const;

/**
 * The 3×3 determinant by cofactor expansion along the first row, as one expression.
 *
 * @example
 * ```ts
 * determinant3([[a, b, c], [d, e, f], [g, h, i]]).toString();
 * ```
 */
export function determinant3(m: readonly (readonly Expr[])[]): Expr {
  const e = (r: number, c: number): string => `(${m[r]![c]!.toString()})`;
  const minor = (r1: number, c1: number, r2: number, c2: number): string => `(${e(r1, c1)}*${e(r2, c2)} - ${e(r1, c2)}*${e(r2, c1)})`;
  return simplify(`${e(0, 0)}*${minor(1, 1, 2, 2)} - ${e(0, 1)}*${minor(1, 0, 2, 2)} + ${e(0, 2)}*${minor(1, 0, 2, 1)}`);
}

/**
 * The symbolic Jacobian of the spherical-coordinates map and its determinant, with compiled
 * versions for evaluating at a point.
 *
 * @example
 * ```ts
 * const s = sphericalJacobian();
 * s.det([2, 0.7, 1.1]); // 4 sin 0.7 = r² sin θ
 * ```
 */
export function sphericalJacobian(): { J: Expr[][]; detExpr: Expr; at: (p: readonly number[]) => Float64Array; det: (p: readonly number[]) => number } {
  const inputs = [...SPHERICAL.inputs];
  const J = jacobian(SPHERICAL.outputs.map((o) => parse(o)), inputs);
  const detExpr = determinant3(J);
  const at = compile(J.flat(), inputs);
  const detFn = compile(detExpr, inputs);
  return { J, detExpr, at: (p) => at(p), det: (p) => detFn(p) };
}

/** Week 2, the "Bigger Jacobians" quiz: spherical coordinates, a 3×3 Jacobian with |J| = r² sin θ. */
export const mount: MountWidget = (root) => {
  const s = sphericalJacobian();
  let point: [number, number, number] = [2, 0.7, 1.1];
  const view = chartView('The volume factor |J| against θ at this r');
  const readout = h('div', { class: 'slope-readout', 'data-role': 'spherical' });
  const rows = s.J.map((row) => row.map((e) => toTex(e)).join(' & ')).join(' \\\\ ');
  const symbolic = h('div', {},
    texBreaking(`J = \\frac{\\partial(x, y, z)}{\\partial(r, \\theta, \\phi)} = \\begin{bmatrix}${rows}\\end{bmatrix}`),
    texBreaking(`|J| = ${toTex(s.detExpr)}`),
    texBreaking('\\phantom{|J|} = r^2 \\sin\\theta \\quad (\\text{using } \\cos^2 + \\sin^2 = 1 \\text{ twice})'));
  const draw = (): void => {
    const [r, theta, phi] = point;
    const j = s.at(point);
    const det = s.det(point);
    root.dataset['det'] = String(det);
    root.dataset['expected'] = String(r * r * Math.sin(theta));
    const m = [0, 1, 2].map((i) => [0, 1, 2].map((k) => formatNumber(j[3 * i + k]!)).join(' & ')).join(' \\\\ ');
    readout.replaceChildren(texFormulas([
      `\\text{at } r = ${formatNumber(r, 3)},\\ \\theta = ${formatNumber(theta, 3)},\\ \\phi = ${formatNumber(phi, 3)}:`,
      `J = \\begin{bmatrix}${m}\\end{bmatrix}`,
      `|J| = ${formatNumber(det, 6)}`,
      `r^2 \\sin\\theta = ${formatNumber(r * r * Math.sin(theta), 6)}`,
    ]));
    const curve = sample((t) => r * r * Math.sin(t), 0, Math.PI, 121);
    const dots = sample((t) => s.det([r, t, phi]), 0, Math.PI, 25);
    view.render(markersOnly(lineChart(
      [
        { ...curve, label: 'r² sin θ', color: courseColors.blue, width: 2.5 },
        { ...dots, label: '|J| from the symbolic Jacobian', color: courseColors.magenta, pointRadius: 3, width: 1 },
        { x: [theta], y: [det], label: 'this point', color: courseColors.orange, pointRadius: 7, width: 1 },
      ],
      { xLabel: 'θ', yLabel: '|J|', xRange: [0, Math.PI], yRange: [0, 9.5], aspectRatio: 1.8 },
    ), 1, 2));
  };
  const rs = slider({ label: 'r', min: 0, max: 3, step: 0.05, value: point[0], onInput: (v) => { point = [v, point[1], point[2]]; draw(); } });
  const ts = slider({ label: 'θ', min: 0, max: 3.14, step: 0.01, value: point[1], onInput: (v) => { point = [point[0], v, point[2]]; draw(); } });
  const ps = slider({ label: 'φ', min: 0, max: 6.28, step: 0.01, value: point[2], onInput: (v) => { point = [point[0], point[1], v]; draw(); } });
  root.append(texFormulas(['x = r \\sin\\theta \\cos\\phi', 'y = r \\sin\\theta \\sin\\phi', 'z = r \\cos\\theta']), symbolic, h('div', { class: 'slope-controls' }, rs.el, ts.el, ps.el), readout, view.el);
  draw();
  return { destroy: () => view.destroy() };
};
