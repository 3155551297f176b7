import { mlp, type LayerParameters } from '@slope/models';
import { drawNetwork } from '../backprop/diagram.js';
import { onThemeChange } from '../chart.js';
import { pageIsDark } from '../chart-theme.js';
import { formatNumber, h } from '../dom.js';
import { texFormulas } from '../tex.js';
import type { MountWidget } from '../widget.js';

/** The quiz's layer (COURSE.md §3.5): two tanh neurons reading three inputs. */
export const QUIZ_LAYER = {
  W: [[-2, 4, -1], [6, 0, -3]],
  b: [0.1, -2.5],
  a0: [0.3, 0.4, 0.1],
} as const;

/**
 * One layer's forward pass, a₁ = tanh(W a₀ + b), through @slope/models' `mlp` (a one-layer
 * network with the given weights), with the weighted sums z = W a₀ + b computed alongside.
 *
 * @example
 * ```ts
 * layerForward(QUIZ_LAYER.W, QUIZ_LAYER.b, QUIZ_LAYER.a0); // { z: [1, -1], a: [0.7616, -0.7616] }
 * ```
 */
export function layerForward(W: readonly (readonly number[])[], b: readonly number[], a0: readonly number[]): { z: number[]; a: number[] } {
  const z = W.map((row, i) => row.reduce((s, w, k) => s + w * (a0[k] ?? 0), b[i] ?? 0));
  const net = mlp({ layers: [a0.length, W.length], activation: 'tanh', parameters: [{ weights: W.map((r) => [...r]), biases: [...b] }] });
  const a = net.forward(a0.map((v) => [v])).map((row) => row[0]!);
  return { z, a };
}

/**
 * How many weights and biases a fully connected network with these layer sizes has: layer l
 * has an n_l × n_(l−1) weight matrix and n_l biases.
 *
 * @example
 * ```ts
 * countParameters([1, 6, 7, 2]); // { weights: 62, biases: 15, perLayer: [...] }
 * ```
 */
export function countParameters(layers: readonly number[]): { weights: number; biases: number; perLayer: { weights: number; biases: number }[] } {
  const perLayer = layers.slice(1).map((n, l) => ({ weights: n * layers[l]!, biases: n }));
  return { weights: perLayer.reduce((s, p) => s + p.weights, 0), biases: perLayer.reduce((s, p) => s + p.biases, 0), perLayer };
}

/**
 * Parses "3, 4, 2" into layer sizes (at least an input and an output layer, 1–100 each), or
 * says what is wrong.
 *
 * @example
 * ```ts
 * parseLayers('3, 4, 2'); // { ok: true, layers: [3, 4, 2] }
 * ```
 */
export function parseLayers(text: string): { ok: true; layers: number[] } | { ok: false; message: string } {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return { ok: false, message: 'give at least two layer sizes, input first, e.g. "3, 4, 2"' };
  const layers: number[] = [];
  for (const [i, p] of parts.entries()) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 100) return { ok: false, message: `layer ${i} has ${JSON.stringify(p)} neurons; expected a whole number from 1 to 100` };
    layers.push(n);
  }
  return { ok: true, layers };
}

/** A canvas with a network diagram that redraws at its own width. */
function diagram(label: string): { el: HTMLElement; draw(layers: readonly number[], parameters: readonly LayerParameters[]): void } {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const el = h('div', { class: 'slope-diagram' }, canvas);
  return {
    el,
    draw(layers, parameters) {
      const width = canvas.clientWidth || 420;
      const height = 200;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.height = `${height}px`;
      const ctx = canvas.getContext('2d');
      if (ctx == null) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawNetwork(ctx, width, height, layers, parameters, pageIsDark());
    },
  };
}

const vector = (v: readonly number[], digits = 4): string => `\\begin{bmatrix}${v.map((x) => formatNumber(x, digits)).join(' \\\\ ')}\\end{bmatrix}`;

/** Week 3: the quiz's 2×3 layer worked through with editable numbers, and counting a network's weights and biases. */
export const mount: MountWidget = (root) => {
  const W: number[][] = QUIZ_LAYER.W.map((r) => [...r]);
  const b: number[] = [...QUIZ_LAYER.b];
  const a0: number[] = [...QUIZ_LAYER.a0];
  const layerDiagram = diagram('The layer: line width and colour show each weight (blue positive, orange negative)');
  const countDiagram = diagram('The network: one line per weight');
  let countLayers: number[] = [1, 6, 7, 2];
  const redrawDiagrams = (): void => {
    layerDiagram.draw([3, 2], [{ weights: W, biases: b }]);
    // Every weight drawn alike: the picture is about how many there are.
    countDiagram.draw(countLayers, countLayers.slice(1).map((n, l) => ({ weights: Array.from({ length: n }, () => Array<number>(countLayers[l]!).fill(1)), biases: Array<number>(n).fill(1) })));
  };
  const stopTheme = onThemeChange(redrawDiagrams);
  const cell = (value: number, label: string, set: (v: number) => void): HTMLInputElement => {
    const input = h('input', { type: 'number', step: 'any', value, class: 'slope-text slope-cell', 'aria-label': label });
    input.addEventListener('input', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) return;
      set(v);
      drawLayer();
    });
    return input;
  };
  const grid = (cells: HTMLInputElement[], columns: number, caption: string): HTMLElement =>
    h('fieldset', { class: 'slope-grid' }, h('legend', {}, caption), h('div', { class: 'slope-cells', style: `grid-template-columns: repeat(${columns}, 4.5rem)` }, ...cells));
  const wCells = W.flatMap((row, i) => row.map((w, k) => cell(w, `W row ${i + 1}, column ${k + 1}`, (v) => { W[i]![k] = v; })));
  const bCells = b.map((v, i) => cell(v, `b ${i + 1}`, (x) => { b[i] = x; }));
  const aCells = a0.map((v, k) => cell(v, `a0 ${k + 1}`, (x) => { a0[k] = x; }));
  const layerOut = h('div', { class: 'slope-readout', 'data-role': 'layer' });
  const drawLayer = (): void => {
    const { z, a } = layerForward(W, b, a0);
    root.dataset['z'] = z.map((v) => v.toFixed(4)).join(',');
    root.dataset['a'] = a.map((v) => v.toFixed(4)).join(',');
    const Wt = `\\begin{bmatrix}${W.map((r) => r.map((x) => formatNumber(x)).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
    redrawDiagrams();
    layerOut.replaceChildren(texFormulas([
      `\\mathbf z = W\\mathbf a^{(0)} + \\mathbf b = ${Wt}${vector(a0)} + ${vector(b)} = ${vector(z)}`,
      `\\mathbf a^{(1)} = \\tanh(\\mathbf z) = ${vector(a, 3)}`,
    ]));
  };

  const sizes = h('input', { type: 'text', class: 'slope-text', value: '1, 6, 7, 2', size: 14, 'aria-label': 'Layer sizes, input first', 'data-role': 'layers', spellcheck: 'false' });
  const countError = h('p', { class: 'slope-error', 'data-role': 'layers-error', hidden: true });
  const countOut = h('div', { class: 'slope-readout', 'data-role': 'count' });
  const drawCount = (): void => {
    const parsed = parseLayers(sizes.value);
    countError.hidden = parsed.ok;
    if (!parsed.ok) {
      countError.textContent = parsed.message;
      countOut.replaceChildren();
      return;
    }
    const { layers } = parsed;
    countLayers = layers;
    redrawDiagrams();
    const c = countParameters(layers);
    root.dataset['weights'] = String(c.weights);
    root.dataset['biases'] = String(c.biases);
    countOut.replaceChildren(
      h('div', { class: 'slope-matrix' }, h('table', { class: 'slope-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'layer'), h('th', {}, 'W shape'), h('th', {}, 'weights'), h('th', {}, 'biases'))),
        h('tbody', {}, ...c.perLayer.map((p, l) => h('tr', {}, h('td', {}, `${l} → ${l + 1}`), h('td', {}, `${layers[l + 1]} × ${layers[l]}`), h('td', {}, String(p.weights)), h('td', {}, String(p.biases))))),
        h('tfoot', {}, h('tr', {}, h('th', {}, 'total'), h('td', {}), h('td', {}, String(c.weights)), h('td', {}, String(c.biases)))))),
      texFormulas([
        `\\text{weights} = \\sum_l n_l\\, n_{l-1} = ${c.perLayer.map((p) => p.weights).join(' + ')} = ${c.weights}`,
        `\\text{biases} = \\sum_l n_l = ${c.biases}`,
        `\\text{parameters} = ${c.weights + c.biases}`,
      ]),
    );
  };
  sizes.addEventListener('input', drawCount);

  root.append(
    h('h3', {}, 'One layer: two neurons, three inputs'),
    h('div', { class: 'slope-controls' }, grid(wCells, 3, 'weights W'), grid(bCells, 1, 'biases b'), grid(aCells, 1, 'inputs a⁽⁰⁾')),
    layerDiagram.el,
    layerOut,
    h('h3', {}, 'How many weights and biases?'),
    h('div', { class: 'slope-controls' }, h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, 'layer sizes'), sizes)),
    countError,
    countDiagram.el,
    countOut,
  );
  drawLayer();
  drawCount();
  return { destroy: stopTheme };
};
