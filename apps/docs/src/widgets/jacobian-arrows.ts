import { compile, gradient, parse, toTex } from '@slope/symbolic';
import { quiverChart, sampleGrid } from '@slope/plot';
import { chartView } from '../chart.js';
import { h, select } from '../dom.js';
import { texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['x*exp(-(x^2 + y^2))', 'x·exp(−(x² + y²))'],
  ['x^2 + 3*y^2', 'x² + 3y²'],
  ['sin(x)*cos(y)', 'sin x cos y'],
  ['x^2*y', 'x² y'],
];

/**
 * J = [∂f/∂x, ∂f/∂y] on an n × n grid over [−2, 2]², as quiver arrows.
 *
 * @example
 * ```ts
 * const field = jacobianField('x^2 + y^2', 5); // arrows pointing away from the origin
 * ```
 */
export function jacobianField(expr: string, n: number): { x: number[]; y: number[]; u: number[]; v: number[] } {
  const J = compile(gradient(parse(expr), ['x', 'y']), ['x', 'y']);
  const out = { x: [] as number[], y: [] as number[], u: [] as number[], v: [] as number[] };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = -2 + (4 * (i + 0.5)) / n;
      const y = -2 + (4 * (j + 0.5)) / n;
      const [u, v] = J([x, y]);
      out.x.push(x);
      out.y.push(y);
      out.u.push(u ?? 0);
      out.v.push(v ?? 0);
    }
  }
  return out;
}

/** Week 2: the Jacobian (gradient row vector) as arrows over a contour map; they point uphill, longest where steepest. */
export const mount: MountWidget = (root) => {
  let expr = FUNCTIONS[0]?.[0] ?? 'x^2 + y^2';
  const view = chartView('Jacobian arrows over contours', undefined, { aspect: 'equal' });
  const formula = h('div', { class: 'slope-readout' });
  const draw = (): void => {
    const f = compile(expr, ['x', 'y']);
    const grid = sampleGrid((x, y) => f([x, y]), [-2, 2], [-2, 2], 81, 81);
    const arrows = jacobianField(expr, 13);
    const longest = Math.max(...arrows.u.map((u, k) => Math.hypot(u, arrows.v[k] ?? 0))) || 1;
    view.render(quiverChart({ arrows, grid, levels: 12, scale: 0.3 / longest, pivot: 'middle', xLabel: 'x', yLabel: 'y', xRange: [-2, 2], yRange: [-2, 2], aspectRatio: 1 }));
    const J = gradient(parse(expr), ['x', 'y']);
    formula.replaceChildren(texFormulas([`f(x, y) = ${toTex(parse(expr))}`, `J = \\left[\\frac{\\partial f}{\\partial x},\\ \\frac{\\partial f}{\\partial y}\\right] = \\left[${J.map((e) => toTex(e)).join(',\\ ')}\\right]`]));
  };
  const choose = select('f(x, y)', FUNCTIONS, expr, (v) => {
    expr = v;
    draw();
  });
  root.append(h('div', { class: 'slope-controls' }, choose.el), formula, view.el);
  draw();
  return { destroy: () => view.destroy() };
};
