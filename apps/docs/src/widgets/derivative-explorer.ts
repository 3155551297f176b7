import { compile, derivative, DifferentiationError, explain, freeSymbols, parse, ParseError, toTex, type Expr, type Step } from '@slope/symbolic';
import { courseColors, lineChart, type Series } from '@slope/plot';
import { chartView } from '../chart.js';
import { h } from '../dom.js';
import { finiteSegments, robustRange, sample } from '../sampling.js';
import { texBreaking } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** The outcome of differentiating what the reader typed. */
export type Differentiated =
  | { ok: true; f: Expr; df: Expr; steps: Step[] }
  | { ok: false; message: string; position?: number };

/**
 * Parses `source`, differentiates it with respect to x and explains the working; a parse
 * error keeps its character position so the widget can point at it.
 *
 * @example
 * ```ts
 * const r = differentiate('x^3');
 * r.ok && r.df.toString(); // '3*x^2'
 * ```
 */
export function differentiate(source: string): Differentiated {
  let f: Expr;
  try {
    f = parse(source);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message, position: e.position };
    throw e;
  }
  const others = freeSymbols(f).filter((s) => s !== 'x');
  if (others.length > 0) {
    return { ok: false, message: `Only x may vary here; found ${others.join(', ')}. Try the partial derivatives explorer in week 2.` };
  }
  try {
    return { ok: true, f, df: derivative(f, 'x'), steps: explain(f, 'x') };
  } catch (e) {
    if (e instanceof DifferentiationError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * Source text with a caret under the character at `position`, the way a compiler points
 * at a syntax error.
 *
 * @example
 * ```ts
 * caretLine('x^2 + * 3', 6); // 'x^2 + * 3\n      ^'
 * ```
 */
export function caretLine(source: string, position: number): string {
  const at = Math.max(0, Math.min(position, source.length));
  return `${source}\n${' '.repeat(at)}^`;
}

/** Week 1: type any expression in x; see f and f′ plotted, the rules used, and parse errors where they happen. */
export const mount: MountWidget = (root, params) => {
  const input = h('input', {
    class: 'slope-expr-input', type: 'text', value: params['expr'] ?? 'x^2 * sin(x)', spellcheck: 'false',
    'aria-label': 'Expression in x', 'data-role': 'expr-input',
  });
  const result = h('div', { class: 'slope-readout', 'data-role': 'derivative', 'aria-live': 'polite' });
  const error = h('div', { class: 'slope-error', 'data-role': 'parse-error', hidden: true });
  const steps = h('ol', { class: 'slope-steps', 'data-role': 'steps' });
  const view = chartView('f and its derivative');

  const draw = (): void => {
    const source = input.value;
    const r = differentiate(source);
    if (!r.ok) {
      error.hidden = false;
      error.dataset['position'] = r.position === undefined ? '' : String(r.position);
      // The source and its caret keep their columns; the message wraps to the column width.
      error.replaceChildren(
        ...(r.position === undefined ? [] : [h('pre', { class: 'slope-scroll' }, caretLine(source, r.position))]),
        h('p', {}, r.message),
      );
      // The previous result would read as the answer to what is typed now: clear it.
      result.dataset['value'] = '';
      result.replaceChildren();
      steps.replaceChildren();
      view.destroy();
      view.el.hidden = true;
      return;
    }
    error.hidden = true;
    error.replaceChildren();
    view.el.hidden = false;
    result.dataset['value'] = r.df.toString();
    result.replaceChildren(texBreaking(`\\frac{d}{dx}\\left[${toTex(r.f)}\\right] = ${toTex(r.df)}`));
    steps.replaceChildren(
      ...r.steps.map((s) => h('li', {}, h('span', { class: 'slope-rule' }, `${s.rule} rule`), texBreaking(s.tex))),
    );
    const f = compile(r.f, ['x']);
    const df = compile(r.df, ['x']);
    const fc = sample((x) => f([x]), -5, 5, 401);
    const dc = sample((x) => df([x]), -5, 5, 401);
    const yRange = robustRange([...fc.y, ...dc.y]);
    const series: Series[] = [
      ...finiteSegments(fc, yRange, { label: 'f(x)', color: courseColors.blue, width: 2.5 }),
      ...finiteSegments(dc, yRange, { label: "f′(x)", color: courseColors.orange, width: 2 }),
    ];
    if (series.length === 0) return;
    view.render(lineChart(series, { xRange: [-5, 5], yRange, xLabel: 'x', aspectRatio: 1.8 }));
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(draw, 150);
  });
  root.append(
    h('label', { class: 'slope-label' }, 'f(x) = '),
    input,
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
