import type { ChartView } from './chart.js';
import { h } from './dom.js';

/** A point in data coordinates. */
export interface DataPoint {
  readonly x: number;
  readonly y: number;
}

/** Options for {@link draggablePoints}. */
export interface DraggablePointsOptions {
  /** What the points are, for the chart's accessible name: "the expansion point". */
  readonly name: string;
  /** Where the draggable points are now, in data coordinates. */
  points(): readonly DataPoint[];
  /** Moves point `index` towards (x, y), already clamped to the axes' ranges; the widget redraws. */
  move(index: number, x: number, y: number): void;
  /**
   * One arrow-key press: moves point `index` by (dx, dy) data units (Shift: five times as
   * far). Defaults to `move(index, x + dx, y + dy)`; a point tied to a curve overrides it.
   */
  nudge?(index: number, dx: number, dy: number): void;
  /** Data units per arrow-key press on each axis; 0 on an axis the point cannot move along. */
  readonly step: { readonly x: number; readonly y: number };
  /** Text announced after a move, e.g. `a = 1.50`. */
  describe(index: number): string;
  /** Called when the selected point changes, or the chart gains or loses focus, so the widget can highlight it. */
  onSelect?(index: number): void;
}

/** What {@link draggablePoints} hands back. */
export interface DraggablePoints {
  /** The keyboard hint and live announcement, to place under the chart. */
  readonly hint: HTMLElement;
  /** The point the keyboard moves. */
  selected(): number;
  /** The point to highlight: the selected one while the chart has focus, else -1. */
  highlighted(): number;
  /** Call after each redraw: republishes where the points are (`data-handles`, for tests and scripted drags). */
  sync(): void;
}

const GRAB_PX = 16;

/**
 * Makes points on a chart draggable with the mouse, pen or finger, and movable from the
 * keyboard: the canvas takes focus (Tab), the arrow keys move the selected point, `[` and
 * `]` select the previous or next one, and each move is announced politely. The canvas gets
 * `role="application"` so that screen readers hand it the arrow keys.
 *
 * @example
 * ```ts
 * const drag = draggablePoints(view, { name: 'the data points', points: () => pts, move: (i, x, y) => { pts[i] = { x, y }; redraw(); }, step: { x: 0.1, y: 0.1 }, describe: (i) => `point ${i + 1}` });
 * root.append(view.el, drag.hint);
 * ```
 */
export function draggablePoints(view: ChartView, o: DraggablePointsOptions): DraggablePoints {
  const { canvas } = view;
  let selected = 0;
  let dragging = -1;
  const keys = [
    o.step.x !== 0 && o.step.y !== 0 ? 'arrow keys move it' : o.step.x !== 0 ? '← and → move it' : '↑ and ↓ move it',
    'Shift moves further',
    ...(o.points().length > 1 ? ['[ and ] pick another point'] : []),
  ].join(', ');
  const status = h('span', { 'aria-live': 'polite', 'data-role': 'drag-status' });
  const hint = h('p', { class: 'slope-keys', id: `keys-${Math.random().toString(36).slice(2)}` }, `Drag ${o.name} on the chart, or focus the chart (Tab): ${keys}. `, status);
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'interactive chart');
  canvas.setAttribute('aria-label', `${canvas.getAttribute('aria-label') ?? 'Chart'}. Drag ${o.name}, or use the ${keys}.`);
  canvas.setAttribute('aria-describedby', hint.id);
  canvas.style.touchAction = 'none';

  const pixels = (): { left: number; top: number }[] => {
    const chart = view.chart();
    const xs = chart?.scales['x'];
    const ys = chart?.scales['y'];
    if (chart === undefined || xs === undefined || ys === undefined) return [];
    const rect = canvas.getBoundingClientRect();
    const sx = rect.width / (chart.width || 1);
    const sy = rect.height / (chart.height || 1);
    return o.points().map((p) => ({ left: xs.getPixelForValue(p.x) * sx, top: ys.getPixelForValue(p.y) * sy }));
  };
  const nearest = (e: PointerEvent): number => {
    const rect = canvas.getBoundingClientRect();
    const grab = e.pointerType === 'touch' ? 1.75 * GRAB_PX : GRAB_PX;
    let best = -1;
    let bestD = grab;
    pixels().forEach((p, i) => {
      const d = Math.hypot(p.left - (e.clientX - rect.left), p.top - (e.clientY - rect.top));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const dataAt = (e: PointerEvent): DataPoint | undefined => {
    const chart = view.chart();
    const xs = chart?.scales['x'];
    const ys = chart?.scales['y'];
    if (chart === undefined || xs === undefined || ys === undefined) return undefined;
    const rect = canvas.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * chart.width;
    const py = ((e.clientY - rect.top) / rect.height) * chart.height;
    const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
    return { x: clamp(xs.getValueForPixel(px) ?? Number.NaN, xs.min, xs.max), y: clamp(ys.getValueForPixel(py) ?? Number.NaN, ys.min, ys.max) };
  };
  const announce = (): void => {
    status.textContent = o.describe(selected);
  };

  canvas.addEventListener('pointerdown', (e) => {
    const i = nearest(e);
    if (i < 0) return;
    dragging = i;
    if (selected !== i) {
      selected = i;
      o.onSelect?.(i);
    }
    canvas.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (dragging < 0) {
      canvas.style.cursor = nearest(e) >= 0 ? 'grab' : '';
      return;
    }
    const p = dataAt(e);
    if (p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y)) o.move(dragging, p.x, p.y);
  });
  const release = (): void => {
    if (dragging >= 0) announce();
    dragging = -1;
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  canvas.addEventListener('keydown', (e) => {
    const count = o.points().length;
    if (e.key === '[' || e.key === ']') {
      if (count > 1) selected = (selected + (e.key === ']' ? 1 : count - 1)) % count;
      o.onSelect?.(selected);
      announce();
      e.preventDefault();
      return;
    }
    const dirs: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const d = dirs[e.key];
    if (d === undefined) return;
    let dx = d[0] * o.step.x;
    let dy = d[1] * o.step.y;
    // A point that only moves along x (or y) takes the other pair of arrows too.
    if (o.step.y === 0 && dx === 0) dx = d[1] * o.step.x;
    if (o.step.x === 0 && dy === 0) dy = -d[0] * o.step.y;
    if (dx === 0 && dy === 0) return;
    e.preventDefault();
    const scale = e.shiftKey ? 5 : 1;
    const p = o.points()[selected];
    if (p === undefined) return;
    if (o.nudge !== undefined) o.nudge(selected, dx * scale, dy * scale);
    else o.move(selected, p.x + dx * scale, p.y + dy * scale);
    announce();
  });
  canvas.addEventListener('focus', () => o.onSelect?.(selected));
  canvas.addEventListener('blur', () => o.onSelect?.(selected));
  return {
    hint,
    selected: () => selected,
    highlighted: () => (document.activeElement === canvas ? selected : -1),
    sync() {
      canvas.dataset['handles'] = JSON.stringify(pixels());
    },
  };
}
