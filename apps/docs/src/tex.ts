import katex from 'katex';

/**
 * Renders LaTeX to KaTeX HTML; a formula KaTeX cannot typeset is shown as its source in red
 * rather than breaking the widget.
 *
 * @example
 * ```ts
 * el.innerHTML = texToHtml('\\frac{d}{dx} x^2 = 2x');
 * ```
 */
export function texToHtml(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { throwOnError: false, displayMode, output: 'htmlAndMathml' });
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
