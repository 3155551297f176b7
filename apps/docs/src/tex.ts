import katex from 'katex';

// Widgets retypeset their readouts on every slider move, often with a formula they showed a
// moment ago (dragging back and forth); KaTeX takes milliseconds per formula, a lookup none.
const CACHE_SIZE = 256;
const typeset = new Map<string, string>();

/**
 * Renders LaTeX to KaTeX HTML; a formula KaTeX cannot typeset is shown as its source in red
 * rather than breaking the widget. The last 256 formulas are cached.
 *
 * @example
 * ```ts
 * el.innerHTML = texToHtml('\\frac{d}{dx} x^2 = 2x');
 * ```
 */
export function texToHtml(tex: string, displayMode = false): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const hit = typeset.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest entry is the one dropped.
    typeset.delete(key);
    typeset.set(key, hit);
    return hit;
  }
  const html = katex.renderToString(tex, { throwOnError: false, displayMode, output: 'htmlAndMathml' });
  typeset.set(key, html);
  if (typeset.size > CACHE_SIZE) typeset.delete(typeset.keys().next().value as string);
  return html;
}

/**
 * A `<span>` holding the typeset formula.
 *
 * @example
 * ```ts
 * panel.append(texElement('f\'(x) = 2x'));
 * ```
 */
export function texElement(tex: string, displayMode = false): HTMLElement {
  const el = document.createElement(displayMode ? 'div' : 'span');
  el.innerHTML = texToHtml(tex, displayMode);
  return el;
}

/**
 * A formula set in display style that breaks across lines at its top-level operators (+, −,
 * =, ·) when the column is too narrow, the way a long line of working is written by hand,
 * instead of running off the side.
 *
 * @example
 * ```ts
 * panel.append(texBreaking('f(x) \\approx 1 - (x - 1) + (x - 1)^{2} - \\dots'));
 * ```
 */
export function texBreaking(tex: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'slope-wrap';
  el.innerHTML = texToHtml(`\\displaystyle ${tex}`);
  return el;
}

/**
 * Several formulas side by side that wrap onto new lines as the column narrows, each in
 * display style and each allowed to break at its own top-level operators: a readout such as
 * "m = …, c = …, χ² = …, R² = …" on a phone.
 *
 * @example
 * ```ts
 * readout.replaceChildren(texFormulas(['m = 0.8', 'c = 1.2', '\\chi^2 = 3.1']));
 * ```
 */
export function texFormulas(parts: readonly string[]): HTMLElement {
  const el = document.createElement('div');
  el.className = 'slope-formulas';
  for (const part of parts) {
    const span = document.createElement('span');
    span.className = 'slope-wrap';
    span.innerHTML = texToHtml(`\\displaystyle ${part}`);
    el.append(span);
  }
  return el;
}
