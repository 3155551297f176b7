import { integrate, IntegrationError, quad, toTex, evaluate, type Expr } from '@slope/symbolic';
import { withAlpha } from '@slope/plot';
import type { ChartConfiguration } from 'chart.js';
import { h } from '../dom.js';

/**
 * Helpers shared by the integration chapter's widgets: Riemann sums, the exact area (from
 * @slope/symbolic's integrate, or quad when there is no antiderivative), shaded areas on
 * @slope/plot's line charts, and keyboard-operable number fields.
 */

/** Where each rectangle of a Riemann sum takes its height. */
export type RiemannRule = 'left' | 'right' | 'midpoint' | 'trapezoid';

/**
 * The Riemann sum of f over [a, b] with n equal pieces: Σ f(tᵢ)·Δx with tᵢ the left end, the
 * right end or the middle of piece i, or the trapezoid rule Σ (f(xᵢ) + f(xᵢ₊₁))/2·Δx.
 *
 * @example
 * ```ts
 * riemannSum((x) => x * x, 0, 1, 2, 'left'); // (0 + 1/4)·1/2 = 0.125
 * ```
 */
export function riemannSum(f: (x: number) => number, a: number, b: number, n: number, rule: RiemannRule): number {
  const dx = (b - a) / n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const left = a + i * dx;
    if (rule === 'trapezoid') s += (f(left) + f(left + dx)) / 2;
    else s += f(rule === 'left' ? left : rule === 'right' ? left + dx : left + dx / 2);
  }
  return s * dx;
}

/**
 * The outline of the sum's rectangles (or trapezoids) as one path along the x-axis, for a
 * filled line series: up, across, down for each piece.
 *
 * @example
 * ```ts
 * riemannPath((x) => x, 0, 1, 1, 'left'); // { x: [0, 0, 1, 1], y: [0, 0, 0, 0] }
 * ```
 */
export function riemannPath(f: (x: number) => number, a: number, b: number, n: number, rule: RiemannRule): { x: number[]; y: number[] } {
  const dx = (b - a) / n;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const left = a + i * dx;
    const right = left + dx;
    if (rule === 'trapezoid') {
      x.push(left, left, right, right);
      y.push(0, f(left), f(right), 0);
    } else {
      const height = f(rule === 'left' ? left : rule === 'right' ? right : left + dx / 2);
      x.push(left, left, right, right);
      y.push(0, height, height, 0);
    }
  }
  return { x, y };
}

/** The exact area, or a numerical value when the antiderivative is not elementary. */
export interface Area {
  readonly value: number;
  /** The value as LaTeX: exact (\frac{8}{3}) or a decimal. */
  readonly tex: string;
  /** 'symbolic' when integrate found it; 'numerical' when quad did (with its error estimate). */
  readonly how: 'symbolic' | 'numerical';
  readonly error: number;
}

/**
 * ∫ₐᵇ f exactly with integrate() where it can, else by quad(): a widget never shows a value
 * it cannot vouch for without saying which it is.
 *
 * @example
 * ```ts
 * area('x^2', 0, 2).tex; // '\\frac{8}{3}'
 * area('exp(-x^2)', 0, 1).how; // 'numerical'
 * ```
 */
export function area(expr: string | Expr, a: number | string, b: number | string): Area {
  try {
    const v = integrate(expr, 'x', a, b);
    return { value: evaluate(v, {}), tex: toTex(v), how: 'symbolic', error: 0 };
  } catch (e) {
    if (!(e instanceof IntegrationError)) throw e;
    const lo = typeof a === 'number' ? a : evaluate(a, {});
    const hi = typeof b === 'number' ? b : evaluate(b, {});
    const r = quad(expr, lo, hi);
    return { value: r.value, tex: r.value.toFixed(10), how: 'numerical', error: r.error };
  }
}

/**
 * Fill the dataset at `index` of a line chart down to y = 0, translucent: an area under a
 * curve, or the rectangles of a Riemann sum.
 *
 * @example
 * ```ts
 * const config = shaded(lineChart([curve, bars]), 1, courseColors.blue);
 * ```
 */
export function shaded<C extends ChartConfiguration<'scatter', { x: number; y: number }[]>>(config: C, index: number, color: string, alpha = 0.25): C {
  const d = config.data.datasets[index] as (C['data']['datasets'][number] & { fill?: unknown }) | undefined;
  if (d !== undefined) {
    d.fill = 'origin';
    d.backgroundColor = withAlpha(color, alpha);
  }
  return config;
}

/**
 * A bound typed by the reader: empty (none), a number, ∞ / inf / Infinity (with a sign), or
 * a constant expression such as pi/2, which integrate() reads itself.
 *
 * @example
 * ```ts
 * parseBound('-inf'); // -Infinity
 * parseBound('pi/2'); // 'pi/2'
 * ```
 */
export function parseBound(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const inf = /^([+-]?)\s*(∞|inf|infinity)$/i.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * A chart's width-to-height ratio for the room it has: wide on a desktop column, taller on a
 * phone so that the curve keeps some height.
 *
 * @example
 * ```ts
 * lineChart(series, { aspectRatio: aspectFor(root, 1.8) });
 * ```
 */
export function aspectFor(root: HTMLElement, wide: number): number {
  const width = root.clientWidth;
  return width > 0 && width < 520 ? Math.min(wide, 1.25) : wide;
}

/** A labelled text field (keyboard-first: it is a plain input). */
export function field(label: string, value: string, role: string, width = '6rem'): { el: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'text', value, spellcheck: 'false', 'aria-label': label, 'data-role': role, class: 'slope-int-field', style: `width:${width}` });
  return { el: h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, label), input), input };
}

/*
 * The chapter's own styles, added once when its first widget mounts (in the browser only),
 * so that nothing outside these widgets changes. Everything fits a 390 px screen: long
 * formulas scroll inside their own box, never the page.
 */
const STYLES = `
.slope-int-field { font-family: var(--vp-font-family-mono); font-size: 0.9rem; padding: 0.2rem 0.4rem;
  border: 1px solid var(--vp-c-divider); border-radius: 4px; background: var(--vp-c-bg); max-width: 100%; }
.slope-int-steps { list-style: none; margin: 0.5rem 0; padding: 0; }
.slope-int-steps li { margin: 0.35rem 0; padding: 0.3rem 0.5rem; border-left: 3px solid var(--vp-c-brand-soft); max-width: 100%; }
.slope-int-steps .slope-int-tex { overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 0.1rem 0; }
.slope-int-steps .slope-int-tex .katex-display { margin: 0.25rem 0; text-align: left; }
.slope-int-steps .slope-int-tex .katex-display > .katex { text-align: left; }
.slope-int-steps .slope-int-parts { font-size: 0.9rem; }
.slope-int-steps .slope-int-why { font-size: 0.82rem; color: var(--vp-c-text-2); overflow-wrap: anywhere; }
.slope-int-readout { overflow-x: auto; max-width: 100%; }
.slope-int-table { font-size: 0.85rem; font-variant-numeric: tabular-nums; border-collapse: collapse; margin: 0.5rem 0; display: block; overflow-x: auto; max-width: 100%; }
.slope-int-table th, .slope-int-table td { padding: 0.2rem 0.5rem; text-align: left; border-bottom: 1px solid var(--vp-c-divider); }
.slope-int-note { font-size: 0.85rem; color: var(--vp-c-text-2); margin: 0.3rem 0; }
@media (max-width: 480px) {
  .slope-int-steps li { padding: 0.25rem 0.3rem; }
  .slope-int .slope-slider input[type='range'] { width: 7rem; }
}
`;

/**
 * Marks `root` as one of this chapter's widgets and adds the chapter's styles to the page
 * once.
 *
 * @example
 * ```ts
 * export const mount: MountWidget = (root) => { integrationWidget(root); … };
 * ```
 */
export function integrationWidget(root: HTMLElement): void {
  root.classList.add('slope-int');
  if (document.getElementById('slope-int-styles') != null) return;
  document.head.append(h('style', { id: 'slope-int-styles' }, STYLES));
}
