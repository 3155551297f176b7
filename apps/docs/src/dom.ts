type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children; the one DOM helper every widget uses.
 *
 * @example
 * ```ts
 * const label = h('label', { class: 'slope-row' }, 'Δx ', input);
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null && c !== false) el.append(c);
  return el;
}

/** A labelled range input and the text that shows its value. */
export interface Slider {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  value(): number;
  set(v: number): void;
}

/** Options for {@link slider}. */
export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  format?: (v: number) => string;
  onInput: (v: number) => void;
  name?: string;
}

/**
 * A range slider with its label and live value.
 *
 * @example
 * ```ts
 * const w = slider({ label: 'w', min: -10, max: 10, step: 0.1, value: 1.3, onInput: redraw });
 * ```
 */
export function slider(o: SliderOptions): Slider {
  const format = o.format ?? ((v: number) => v.toFixed(2));
  const input = h('input', { type: 'range', min: o.min, max: o.max, step: o.step, value: o.value, name: o.name ?? o.label, 'aria-label': o.label });
  const out = h('output', { class: 'slope-value' }, format(o.value));
  input.addEventListener('input', () => {
    const v = Number(input.value);
    out.textContent = format(v);
    o.onInput(v);
  });
  return {
    el: h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, o.label), input, out),
    input,
    value: () => Number(input.value),
    set(v) {
      input.value = String(v);
      out.textContent = format(Number(input.value));
    },
  };
}

/**
 * A button with a click handler.
 *
 * @example
 * ```ts
 * panel.append(button('Reset', reset));
 * ```
 */
export function button(text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'slope-button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A `<select>` over labelled options.
 *
 * @example
 * ```ts
 * const mode = select('Mode', [['0', 'Arrow'], ['1', 'Depth only']], '0', (v) => setMode(v));
 * ```
 */
export function select(label: string, options: readonly (readonly [string, string])[], value: string, onChange: (v: string) => void): { el: HTMLElement; input: HTMLSelectElement } {
  const input = h('select', { 'aria-label': label, name: label });
  for (const [v, text] of options) input.append(h('option', { value: v, selected: v === value }, text));
  input.addEventListener('change', () => onChange(input.value));
  return { el: h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, label), input), input };
}

/**
 * Formats a number for display with a fixed number of significant digits, switching to
 * exponent notation for very small or large magnitudes.
 *
 * @example
 * ```ts
 * formatNumber(0.000123456); // '1.235e-4'
 * ```
 */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${m}e${Number(e)}`;
  }
  return Number(v.toPrecision(digits)).toString();
}
