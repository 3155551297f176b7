import { compile, gradient, hessian, parse, toTex } from '@slope/symbolic';
import { findRoot } from '@slope/optim';
import { contourChart, courseColors, sampleGrid } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h, select } from '../dom.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['x^2 + y^2', 'x² + y²'],
  ['x^2 - y^2', 'x² − y²'],
  ['x^3 - 3*x + y^2', 'x³ − 3x + y²'],
  ['x^4 + y^4 - 4*x*y', 'x⁴ + y⁴ − 4xy'],
  ['-(x^2 + y^2) + x^4/4', '−(x² + y²) + x⁴/4'],
];

/** What the Hessian says about a stationary point. */
export type StationaryKind = 'minimum' | 'maximum' | 'saddle' | 'inconclusive';

/**
 * The course's 2-D test: det H > 0 and H₁₁ > 0 is a minimum, det H > 0 and H₁₁ < 0 a
 * maximum, det H < 0 a saddle; det H = 0 says nothing.
 *
 * @example
 * ```ts
 * classify([[2, 0], [0, -2]]); // 'saddle'
 * ```
 */
export function classify(H: readonly (readonly number[])[], tolerance = 1e-9): StationaryKind {
  const a = H[0]?.[0] ?? Number.NaN;
  const det = a * (H[1]?.[1] ?? Number.NaN) - (H[0]?.[1] ?? Number.NaN) * (H[1]?.[0] ?? Number.NaN);
  if (det > tolerance) return a > 0 ? 'minimum' : 'maximum';
  if (det < -tolerance) return 'saddle';
  return 'inconclusive';
}

/**
 * Stationary points of f in [−2.5, 2.5]²: Newton's method on ∇f = 0 (with the symbolic
 * Hessian as its Jacobian) from a grid of starts, duplicates merged, each classified.
 *
 * @example
 * ```ts
 * stationaryPoints('x^2 - y^2'); // [{ x: 0, y: 0, kind: 'saddle', … }]
 * ```
 */
export function stationaryPoints(expr: string): { x: number; y: number; kind: StationaryKind; H: number[][] }[] {
  const f = parse(expr);
  const g = compile(gradient(f, ['x', 'y']), ['x', 'y']);
  const H = compile(hessian(f, ['x', 'y']).flat(), ['x', 'y']);
  const found: { x: number; y: number; kind: StationaryKind; H: number[][] }[] = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      const start = [-2.3 + i * 0.92, -2.3 + j * 0.92];
      const r = findRoot((p) => g(p.data), start, { jacobian: (p) => { const m = H(p); return [[m[0]!, m[1]!], [m[2]!, m[3]!]]; }, maxIterations: 60 });
      const [x, y] = r.x;
      if (!r.converged || x === undefined || y === undefined || Math.abs(x) > 2.5 || Math.abs(y) > 2.5) continue;
      const [gx, gy] = g([x, y]);
      if (Math.hypot(gx!, gy!) > 1e-8) continue;
      if (found.some((p) => Math.hypot(p.x - x, p.y - y) < 1e-4)) continue;
      const m = H([x, y]);
      const Hm = [[m[0]!, m[1]!], [m[2]!, m[3]!]];
      found.push({ x: Math.abs(x) < 1e-12 ? 0 : x, y: Math.abs(y) < 1e-12 ? 0 : y, kind: classify(Hm), H: Hm });
    }
  }
  return found.sort((p, q) => p.x - q.x || p.y - q.y);
}

const KIND_COLORS: Readonly<Record<StationaryKind, string>> = { minimum: courseColors.green, maximum: courseColors.magenta, saddle: courseColors.orange, inconclusive: courseColors.ink };

/** Week 2: the Hessian classifies stationary points (minimum, maximum, saddle) from det H and H₁₁. */
export const mount: MountWidget = (root) => {
  let expr = FUNCTIONS[2]?.[0] ?? 'x^2 + y^2';
  const view = chartView('Contours with stationary points classified by the Hessian', undefined, { aspect: 'equal' });
  const readout = h('div', { class: 'slope-readout' });
  const draw = (): void => {
    const f = parse(expr);
    const fc = compile(f, ['x', 'y']);
    const grid = sampleGrid((x, y) => fc([x, y]), [-2.5, 2.5], [-2.5, 2.5], 81, 81);
    const points = stationaryPoints(expr);
    const config = contourChart({ grid, levels: 14, xLabel: 'x', yLabel: 'y', xRange: [-2.5, 2.5], yRange: [-2.5, 2.5], aspectRatio: 1 });
    for (const p of points) {
      config.data.datasets.push({ label: `${p.kind} (${formatNumber(p.x, 3)}, ${formatNumber(p.y, 3)})`, data: [{ x: p.x, y: p.y }], pointRadius: 7, backgroundColor: KIND_COLORS[p.kind], borderColor: '#000', showLine: false });
    }
    const legend = config.options?.plugins?.legend;
    if (legend !== undefined) {
      legend.display = true;
      legend.labels = { filter: (item) => /^(minimum|maximum|saddle|inconclusive) /.test(item.text ?? '') };
    }
    view.render(config);
    const Hs = hessian(f, ['x', 'y']);
    readout.replaceChildren(
      texElement(`H = \\begin{bmatrix}${Hs.map((r) => r.map((e) => toTex(e)).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`, true),
      h('ul', {}, ...points.map((p) => h('li', { 'data-kind': p.kind },
        texElement(`(${formatNumber(p.x, 4)}, ${formatNumber(p.y, 4)}):\\ |H| = ${formatNumber(p.H[0]![0]! * p.H[1]![1]! - p.H[0]![1]! * p.H[1]![0]!)},\\ H_{11} = ${formatNumber(p.H[0]![0]!)} \\Rightarrow \\text{${p.kind}}`)))),
    );
  };
  const choose = select('f(x, y)', FUNCTIONS, expr, (v) => {
    expr = v;
    draw();
  });
  root.append(h('div', { class: 'slope-controls' }, choose.el), view.el, readout);
  draw();
  return { destroy: () => view.destroy() };
};
