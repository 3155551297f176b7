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
