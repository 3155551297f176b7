import type { LayerParameters } from '@slope/models';
import { darkVariant } from '../chart-theme.js';

/** Where a neuron is drawn, in CSS pixels. */
export interface NodePosition {
  readonly layer: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Positions for every neuron: one column per layer, each column centred vertically.
 *
 * @example
 * ```ts
 * layoutNetwork([1, 6, 7, 2], 400, 240)[0]; // the input neuron, at the left, halfway down
 * ```
 */
export function layoutNetwork(layers: readonly number[], width: number, height: number): NodePosition[] {
  const pad = 24;
  const out: NodePosition[] = [];
  const widest = Math.max(...layers);
  const gap = (height - 2 * pad) / Math.max(1, widest - 1);
  layers.forEach((n, layer) => {
    const x = pad + ((width - 2 * pad) * layer) / Math.max(1, layers.length - 1);
    for (let index = 0; index < n; index++) out.push({ layer, index, x, y: height / 2 + (index - (n - 1) / 2) * gap });
  });
  return out;
}

/** TensorFlow Playground's palette: blue for positive, orange for negative. */
export const POSITIVE = '#1f77b4';
export const NEGATIVE = '#ff7f0e';

/**
 * The line width for a weight: proportional to |w| relative to the largest weight, from a
 * hairline up to 7 px, so the strongest connections stand out whatever the scale.
 *
 * @example
 * ```ts
 * weightWidth(2, 4); // 4
 * ```
 */
export function weightWidth(w: number, largest: number): number {
  return 0.5 + (6.5 * Math.abs(w)) / (largest || 1);
}

/**
 * Draws the network: an edge per weight (width ∝ |w|, blue positive, orange negative) and a
 * node per neuron filled by the sign and size of its bias. With `dark`, the background and
 * ink follow the page's dark theme.
 *
 * @example
 * ```ts
 * drawNetwork(ctx, 400, 240, [1, 6, 7, 2], net.parameters());
 * ```
 */
export function drawNetwork(ctx: CanvasRenderingContext2D, width: number, height: number, layers: readonly number[], parameters: readonly LayerParameters[], dark = false): void {
  const ink = (c: string): string => (dark ? darkVariant(c) : c);
  const nodes = layoutNetwork(layers, width, height);
  const at = (layer: number, index: number): NodePosition | undefined => nodes.find((n) => n.layer === layer && n.index === index);
  let largest = 0;
  let largestBias = 0;
  for (const p of parameters) {
    for (const row of p.weights) for (const w of row) largest = Math.max(largest, Math.abs(w));
    for (const b of p.biases) largestBias = Math.max(largestBias, Math.abs(b));
  }
  ctx.fillStyle = ink('#ffffff');
  ctx.fillRect(0, 0, width, height);
  parameters.forEach((p, l) => {
    p.weights.forEach((row, i) => {
      row.forEach((w, j) => {
        const from = at(l, j);
        const to = at(l + 1, i);
        if (from === undefined || to === undefined) return;
        ctx.strokeStyle = w >= 0 ? POSITIVE : NEGATIVE;
        ctx.globalAlpha = 0.35 + (0.65 * Math.abs(w)) / (largest || 1);
        ctx.lineWidth = weightWidth(w, largest);
        ctx.beginPath();
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(to.x, to.y);
        ctx.stroke();
      });
    });
  });
  ctx.globalAlpha = 1;
  for (const n of nodes) {
    const bias = n.layer === 0 ? 0 : (parameters[n.layer - 1]?.biases[n.index] ?? 0);
    const strength = Math.abs(bias) / (largestBias || 1);
    ctx.fillStyle = n.layer === 0 ? ink('#dddddd') : bias >= 0 ? `rgba(31, 119, 180, ${0.15 + 0.85 * strength})` : `rgba(255, 127, 14, ${0.15 + 0.85 * strength})`;
    ctx.strokeStyle = ink('#333333');
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(n.x, n.y, 9, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.fillStyle = ink('#333333');
  ctx.font = '11px sans-serif';
  ctx.textAlign = 'center';
  layers.forEach((size, l) => {
    const x = nodes.find((n) => n.layer === l)?.x ?? 0;
    const label = l === 0 ? 'x' : l === layers.length - 1 ? 'output' : `hidden ${l} (${size})`;
    ctx.fillText(label, x, height - 4);
  });
}
