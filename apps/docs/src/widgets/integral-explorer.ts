import { compile, explainIntegral, freeSymbols, integrate, IntegrationError, parse, ParseError, quad, toTex, type Expr, type IntegralStep } from '@slope/symbolic';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { formatNumber, h } from '../dom.js';
import { finiteSegments, robustRange, sample } from '../sampling.js';
import { texElement } from '../tex.js';
import type { MountWidget } from '../widget.js';
import { caretLine } from './derivative-explorer.js';
import { aspectFor, field, integrationWidget, parseBound, shaded } from './integration-shared.js';

/** The outcome of integrating what the reader typed. */
export type Integrated =
  | {
      ok: true;
      f: Expr;
      /** The antiderivative, when one was found. */
      F?: Expr;
      /** The definite integral, when bounds were given. */
      value?: Expr;
      /** quad's value of the definite integral, as an independent check. */
      numeric?: { value: number; error: number; converged: boolean };
      steps: IntegralStep[];
    }
  | { ok: false; message: string; position?: number; kind: 'parse' | 'refused' | 'input' };

/**
 * Parses `source`, integrates it with respect to x (from a to b when both bounds are given)
 * and explains the working; a parse error keeps its character position, a refusal its reason.
 *
 * @example
 * ```ts
 * const r = integrateSource('x*exp(x)');
 * r.ok && r.F?.toString(); // '(x - 1)*exp(x)'
 * ```
 */
export function integrateSource(source: string, lower = '', upper = ''): Integrated {
  let f: Expr;
  try {
    f = parse(source);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, kind: 'parse', message: e.message, position: e.position };
    throw e;
  }
  const others = freeSymbols(f).filter((s) => s !== 'x');
  if (others.length > 0) return { ok: false, kind: 'input', message: `Only x may vary here; found ${others.join(', ')}.` };
  const a = parseBound(lower);
  const b = parseBound(upper);
  if ((a === undefined) !== (b === undefined)) return { ok: false, kind: 'input', message: 'Give both bounds a and b for a definite integral, or neither for the antiderivative.' };
  try {
    if (a === undefined || b === undefined) {
      const steps = explainIntegral(f, 'x');
      return { ok: true, f, F: steps[0]?.result as Expr, steps };
    }
    const steps = explainIntegral(f, 'x', a, b);
    const value = integrate(f, 'x', a, b);
    const antiderivative = steps.length > 1 ? (steps[0]?.result as Expr) : undefined;
    const numeric = quad(f, numberOf(a), numberOf(b));
    return { ok: true, f, value, steps, numeric: { value: numeric.value, error: numeric.error, converged: numeric.converged }, ...(antiderivative === undefined ? {} : { F: antiderivative }) };
  } catch (e) {
    if (e instanceof IntegrationError) return { ok: false, kind: 'refused', message: e.message.replace(/^(integrate|explainIntegral): /, '') };
    if (e instanceof ParseError) return { ok: false, kind: 'input', message: `A bound: ${e.message}` };
    if (e instanceof TypeError || e instanceof RangeError) return { ok: false, kind: 'input', message: e.message.replace(/^(integrate|explainIntegral): /, '') };
    throw e;
  }
}

function numberOf(v: number | string): number {
  if (typeof v === 'number') return v;
  return compile(v, [])([]);
}

const RULE_NAMES: Readonly<Record<string, string>> = {
  constant: 'constant', linearity: 'linearity', 'constant multiple': 'constant multiple', power: 'power rule', exponential: 'exponential',
  table: 'table form', substitution: 'substitution', parts: 'by parts', 'cyclic parts': 'by parts, cyclic', 'partial fractions': 'partial fractions',
  rewrite: 'identity', 'fundamental theorem': 'fundamental theorem', 'gaussian integral': 'Gaussian integral',
};

/** One step of the working as a list item: the rule, the equation in KaTeX, and the why in words. */
function stepItem(s: IntegralStep): HTMLElement {
  // Indent by depth, but not so far that a phone has no room left for the formula.
  const indent = Math.min(s.depth, 4) * 0.6;
  return h('li', { style: `margin-left:${indent}rem`, 'data-rule': s.rule },
    h('span', { class: 'slope-rule' }, RULE_NAMES[s.rule] ?? s.rule),
    h('div', { class: 'slope-int-tex' }, texElement(s.tex, true)),
    s.detailTex === '' ? null : h('div', { class: 'slope-int-tex slope-int-parts' }, texElement(s.detailTex)),
    s.detail === '' ? null : h('div', { class: 'slope-int-why' }, s.detail),
  );
}

/** Type an integrand (and, for a definite integral, bounds): see the working rule by rule in KaTeX, f and F plotted, and errors where they are. */
export const mount: MountWidget = (root, params) => {
  integrationWidget(root);
  const input = h('input', {
    class: 'slope-expr-input', type: 'text', value: params['expr'] ?? 'x^2*exp(x)', spellcheck: 'false',
    'aria-label': 'Integrand in x', 'data-role': 'integrand-input',
  });
  const lower = field('a', params['a'] ?? '', 'lower-bound');
  const upper = field('b', params['b'] ?? '', 'upper-bound');
  const result = h('div', { class: 'slope-readout slope-int-readout', 'data-role': 'antiderivative', 'aria-live': 'polite' });
  const error = h('div', { class: 'slope-error', 'data-role': 'parse-error', hidden: true, role: 'alert' });
  const steps = h('ol', { class: 'slope-int-steps', 'data-role': 'steps', 'aria-label': 'The working, step by step' });
  const view = chartView('The integrand f and its antiderivative F');

  const draw = (): void => {
    const source = input.value;
    const r = integrateSource(source, lower.input.value, upper.input.value);
    if (!r.ok) {
      error.hidden = false;
      error.dataset['position'] = r.position === undefined ? '' : String(r.position);
      error.dataset['kind'] = r.kind;
      error.textContent = r.position === undefined ? r.message : `${caretLine(source, r.position)}\n${r.message}`;
      result.dataset['value'] = '';
      result.dataset['definite'] = '';
      steps.replaceChildren();
      return;
    }
    error.hidden = true;
    error.textContent = '';
    result.dataset['value'] = r.F?.toString() ?? '';
    result.dataset['definite'] = r.value?.toString() ?? '';
    const parts: Node[] = [];
    if (r.F !== undefined) parts.push(texElement(`\\int ${toTex(r.f)}\\,dx = ${toTex(r.F)} + C`, true));
    if (r.value !== undefined && r.numeric !== undefined) {
      const last = r.steps[r.steps.length - 1];
      parts.push(texElement(last?.tex ?? toTex(r.value), true));
      parts.push(h('div', { class: 'slope-int-note', 'data-role': 'quad-check' },
        `Numerical check with quad: ${formatNumber(r.numeric.value, 12)} ± ${formatNumber(r.numeric.error, 2)}${r.numeric.converged ? '' : ' (quad did not reach its tolerance)'}`));
    }
    result.replaceChildren(...parts);
    steps.replaceChildren(...r.steps.map(stepItem));
    plot(r);
  };

  const plot = (r: Extract<Integrated, { ok: true }>): void => {
    const f = compile(r.f, ['x']);
    const fc = sample((x) => f([x]), -5, 5, 401);
    const series: Series[] = [];
    const all = [...fc.y];
    let Fc: { x: number[]; y: number[] } | undefined;
    if (r.F !== undefined) {
      const F = compile(r.F, ['x']);
      Fc = sample((x) => F([x]), -5, 5, 401);
      all.push(...Fc.y);
    }
    const yRange = robustRange(all);
    series.push(...finiteSegments(fc, yRange, { label: 'f(x)', color: courseColors.blue, width: 2.5 }));
    if (Fc !== undefined) series.push(...finiteSegments(Fc, yRange, { label: 'F(x)', color: courseColors.orange, width: 2 }));
    const a = parseBound(lower.input.value);
    const b = parseBound(upper.input.value);
    let band: number | undefined;
    if (r.value !== undefined && a !== undefined && b !== undefined) {
      const lo = Math.max(-5, Math.min(numberOf(a), numberOf(b)));
      const hi = Math.min(5, Math.max(numberOf(a), numberOf(b)));
      if (hi > lo) {
        const s = sample((x) => f([x]), lo, hi, 200);
        const clipped = { x: s.x, y: s.y.map((v) => (Number.isFinite(v) ? Math.max(yRange[0], Math.min(yRange[1], v)) : 0)) };
        band = series.length;
        series.push({ ...clipped, label: 'the area', color: courseColors.green, width: 1 });
      }
    }
    if (series.length === 0) return;
    const config = lineChart(series, { xRange: [-5, 5], yRange, xLabel: 'x', aspectRatio: aspectFor(root, 1.8) });
    view.render(band === undefined ? config : shaded(config, band, courseColors.green, 0.3));
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(pending);
    pending = setTimeout(draw, 200);
  };
  for (const el of [input, lower.input, upper.input]) el.addEventListener('input', later);
  root.append(
    h('span', { class: 'slope-label' }, '∫ f(x) dx with f(x) = '),
    input,
    h('div', { class: 'slope-controls' }, lower.el, upper.el, h('span', { class: 'slope-int-note' }, 'bounds: numbers, pi/2, inf, -inf; empty for the antiderivative')),
    error,
    result,
    view.el,
    h('details', { open: true }, h('summary', {}, 'The working, rule by rule'), steps),
  );
  draw();
  return {
    destroy() {
      clearTimeout(pending);
      view.destroy();
    },
  };
};
