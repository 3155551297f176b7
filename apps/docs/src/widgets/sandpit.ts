import { createRng } from '@slope/models';
import { contourLines, sampleGrid, type ContourLine } from '@slope/plot';
import { button, h, select } from '../dom.js';
import { createSandpit, type Dip, type GameMode, type SandpitGame } from '../sandpit/game.js';
import { createLandscape, LANDSCAPE_NAMES, type LandscapeName } from '../sandpit/landscapes.js';
import { STRATEGY_NAMES, type StrategyName } from '../sandpit/strategies.js';
import { readSandpitSettings, writeSandpitSettings, type SandpitSettings } from '../sandpit/url-state.js';
import type { MountWidget } from '../widget.js';

const SIZE = 480; // CSS pixels of the square pit
const LANDSCAPE_LABELS: Readonly<Record<LandscapeName, string>> = {
  intro: 'Intro',
  'depth-only': 'Depth only',
  random: 'Random',
  'multiple-minima': 'Multiple minima',
  rocks: 'Rocks (noisy)',
  well: 'Narrow well',
};
const MODE_LABELS: readonly (readonly [string, string])[] = [['0', '0 — show −∇f arrow'], ['1', '1 — depth only'], ['2', '2 — automatic steps']];
const STRATEGY_LABELS: Readonly<Record<StrategyName, string>> = {
  steepest: 'steepest descent, −0.5 J',
  newton: 'Newton, −H⁻¹J',
  hybrid: 'hybrid Newton / steepest',
  right: 'one metre to the right',
};

/** Pit coordinates (metres, y up) → canvas pixels. */
const toPx = (x: number, y: number): [number, number] => [(x / 6) * SIZE, SIZE - (y / 6) * SIZE];

function paintSand(ctx: CanvasRenderingContext2D, seed: number): void {
  ctx.fillStyle = '#e6c88f';
  ctx.fillRect(0, 0, SIZE, SIZE);
  const rng = createRng(seed);
  const tones = ['#d9b877', '#f0d9a8', '#c9a564', '#edd29b'];
  for (let k = 0; k < 2500; k++) {
    ctx.fillStyle = tones[rng.int(tones.length)] ?? '#d9b877';
    ctx.fillRect(rng.uniform() * SIZE, rng.uniform() * SIZE, 1.5, 1.5);
  }
  ctx.strokeStyle = 'rgba(90, 60, 20, 0.15)';
  ctx.lineWidth = 1;
  for (let m = 1; m < 6; m++) {
    const p = (m / 6) * SIZE;
    ctx.beginPath();
    ctx.moveTo(p, 0);
    ctx.lineTo(p, SIZE);
    ctx.moveTo(0, p);
    ctx.lineTo(SIZE, p);
    ctx.stroke();
  }
}

function arrow(ctx: CanvasRenderingContext2D, d: Dip): void {
  if (d.arrow === undefined) return;
  const [x0, y0] = toPx(d.x - d.arrow.dx / 2, d.y - d.arrow.dy / 2);
  const [x1, y1] = toPx(d.x + d.arrow.dx / 2, d.y + d.arrow.dy / 2);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 9 * Math.cos(angle - 0.4), y1 - 9 * Math.sin(angle - 0.4));
  ctx.lineTo(x1 - 9 * Math.cos(angle + 0.4), y1 - 9 * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

function phone(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  const [px, py] = toPx(x, y);
  ctx.fillStyle = '#222';
  ctx.beginPath();
  ctx.roundRect(px - 8, py - 13, 16, 26, 3);
  ctx.fill();
  ctx.fillStyle = '#7fd1ff';
  ctx.fillRect(px - 6, py - 10, 12, 17);
}

function draw(ctx: CanvasRenderingContext2D, game: SandpitGame, sand: HTMLCanvasElement, contours: readonly ContourLine[], probe?: { x: number; y: number }): void {
  ctx.drawImage(sand, 0, 0, SIZE, SIZE);
  if (game.revealed) {
    ctx.strokeStyle = '#006400';
    ctx.lineWidth = 1.2;
    for (const line of contours) {
      ctx.beginPath();
      line.points.forEach((p, i) => {
        const [px, py] = toPx(p.x, p.y);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.stroke();
    }
  }
  // Automatic steps: red lines from each click through its steps.
  ctx.strokeStyle = '#d00000';
  ctx.lineWidth = 2;
  game.dips.forEach((d, i) => {
    const prev = game.dips[i - 1];
    if (!d.auto || prev === undefined) return;
    ctx.beginPath();
    ctx.moveTo(...toPx(prev.x, prev.y));
    ctx.lineTo(...toPx(d.x, d.y));
    ctx.stroke();
  });
  ctx.font = '12px sans-serif';
  for (const d of game.dips) {
    const [px, py] = toPx(d.x, d.y);
    arrow(ctx, d);
    ctx.fillStyle = d.auto ? '#d00000' : '#000';
    ctx.beginPath();
    ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  const labelled = game.dips.filter((d) => !d.auto);
  const boxes = placeLabels(labelled.map((d) => ({ point: toPx(d.x, d.y), text: `${d.n}) ${d.depth.toFixed(2)}m`, width: ctx.measureText(`${d.n}) ${d.depth.toFixed(2)}m`).width })), SIZE);
  ctx.textBaseline = 'top';
  for (const b of boxes) {
    // A pale backing keeps the label readable over arrows, sand and contour lines.
    ctx.fillStyle = 'rgba(255, 248, 230, 0.85)';
    ctx.fillRect(b.left - 2, b.top - 1, b.width + 4, LABEL_HEIGHT + 2);
    ctx.fillStyle = '#000';
    ctx.fillText(b.text, b.left, b.top);
  }
  ctx.textBaseline = 'alphabetic';
  if (game.revealed) phone(ctx, game.phone.x, game.phone.y);
  if (probe !== undefined) {
    // The keyboard's probe: a crosshair where Enter will dip.
    const [px, py] = toPx(probe.x, probe.y);
    ctx.strokeStyle = '#0033cc';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px, py, 9, 0, 2 * Math.PI);
    ctx.moveTo(px - 14, py);
    ctx.lineTo(px + 14, py);
    ctx.moveTo(px, py - 14);
    ctx.lineTo(px, py + 14);
    ctx.stroke();
  }
}

const LABEL_HEIGHT = 13;

/** A dip's label, placed: its text and top-left corner in canvas pixels. */
export interface PlacedLabel {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
}

/**
 * Places each label next to its point, inside a `size`×`size` canvas and clear of the labels
 * already placed and of every point: the first of eight positions around the point (right,
 * left, above, below and the diagonals) that fits, else the one that overlaps least. Later
 * dips never hide earlier ones' depths, and a dip at the edge keeps its label on the canvas.
 *
 * @example
 * ```ts
 * placeLabels([{ point: [470, 5], text: '1) -3.20m', width: 50 }], 480)[0]; // { left: 414, top: 2, … }: to the left, on the canvas
 * ```
 */
export function placeLabels(labels: readonly { point: readonly [number, number]; text: string; width: number }[], size: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const overlap = (a: { left: number; top: number; width: number }, b: { left: number; top: number; width: number }): number => {
    const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
    const hgt = Math.min(a.top + LABEL_HEIGHT, b.top + LABEL_HEIGHT) - Math.max(a.top, b.top);
    return w > 0 && hgt > 0 ? w * hgt : 0;
  };
  const points = labels.map((l) => ({ left: l.point[0] - 4, top: l.point[1] - LABEL_HEIGHT / 2, width: 8 }));
  for (const l of labels) {
    const [px, py] = l.point;
    const gap = 6;
    const candidates = [
      [px + gap, py - LABEL_HEIGHT / 2], [px - gap - l.width, py - LABEL_HEIGHT / 2], [px - l.width / 2, py - gap - LABEL_HEIGHT], [px - l.width / 2, py + gap],
      [px + gap, py - gap - LABEL_HEIGHT], [px - gap - l.width, py - gap - LABEL_HEIGHT], [px + gap, py + gap], [px - gap - l.width, py + gap],
    ].map(([left, top]) => ({ left: Math.min(size - l.width - 2, Math.max(2, left!)), top: Math.min(size - LABEL_HEIGHT - 2, Math.max(2, top!)), width: l.width }));
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const c of candidates) {
      const cost = placed.reduce((s, p) => s + overlap(c, p), 0) + points.reduce((s, p) => s + overlap(c, p), 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
      if (cost === 0) break;
    }
    placed.push({ text: l.text, ...best });
  }
  return placed;
}

/** The Sandpit game (COURSE.md §3.1): click to dip, find the phone. Settings and seed live in the URL. */
export const mount: MountWidget = (root, params) => {
  const defaults: SandpitSettings = {
    landscape: (LANDSCAPE_NAMES as readonly string[]).includes(params['landscape'] ?? '') ? (params['landscape'] as LandscapeName) : 'intro',
    seed: 1,
    mode: 0,
    strategy: 'steepest',
  };
  let settings = readSandpitSettings(new URLSearchParams(window.location.search), defaults);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'The sandpit: click to dip', 'data-role': 'pit' });
  canvas.style.width = `${SIZE}px`;
  canvas.style.maxWidth = '100%';
  canvas.style.aspectRatio = '1';
  const dpr = window.devicePixelRatio || 1;
  canvas.width = SIZE * dpr;
  canvas.height = SIZE * dpr;
  const ctx = canvas.getContext('2d');
  if (ctx == null) throw new Error('Sandpit: this browser gave no 2D canvas context');
  ctx.scale(dpr, dpr);
  const sand = h('canvas');
  sand.width = SIZE;
  sand.height = SIZE;
  const message = h('p', { class: 'slope-message', 'aria-live': 'polite', 'data-role': 'message' });
  const legend = h('ol', { class: 'slope-steps', 'data-role': 'legend' });
  const info = h('p', { class: 'slope-readout' });
  let game: SandpitGame;
  let contours: ContourLine[] = [];

  // The keyboard's probe: arrow keys move it, Enter (or Space) dips there.
  let probe = { x: 3, y: 3 };
  let probeShown = false;
  const render = (): void => {
    draw(ctx, game, sand, contours, probeShown ? probe : undefined);
    message.textContent = game.message;
    message.dataset['kind'] = game.status;
    root.dataset['status'] = game.status;
    root.dataset['dips'] = String(game.clicks);
    legend.replaceChildren(...game.dips.filter((d) => !d.auto).map((d) => h('li', {}, `${d.depth.toFixed(2)}m at (${d.x.toFixed(2)}, ${d.y.toFixed(2)})`)));
  };

  const start = (): void => {
    const landscape = createLandscape(settings.landscape, createRng(settings.seed));
    game = createSandpit(landscape, { mode: settings.mode as GameMode, strategy: settings.strategy });
    // The notebook reveals 10 contour levels on a 0.05 m grid.
    contours = contourLines(sampleGrid(landscape.f, [0, 6], [0, 6], 121, 121), 10);
    paintSand(sand.getContext('2d') as CanvasRenderingContext2D, settings.seed);
    const query = writeSandpitSettings(new URLSearchParams(window.location.search), settings);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query.toString()}${window.location.hash}`);
    info.textContent = landscape.random
      ? `Landscape "${LANDSCAPE_LABELS[settings.landscape]}", seed ${settings.seed}: share this page's address to replay the same pit.`
      : `Landscape "${LANDSCAPE_LABELS[settings.landscape]}" (fixed).`;
    strategy.el.hidden = settings.mode !== 2;
    render();
  };

  const landscapeSelect = select('Landscape', LANDSCAPE_NAMES.map((n) => [n, LANDSCAPE_LABELS[n]] as const), settings.landscape, (v) => {
    const landscape = createLandscape(v as LandscapeName, createRng(settings.seed));
    settings = { ...settings, landscape: v as LandscapeName, mode: landscape.defaultMode };
    modeSelect.input.value = String(settings.mode);
    start();
  });
  const modeSelect = select('Mode', MODE_LABELS, String(settings.mode), (v) => {
    settings = { ...settings, mode: Number(v) as GameMode };
    start();
  });
  const strategy = select('Strategy', STRATEGY_NAMES.map((n) => [n, STRATEGY_LABELS[n]] as const), settings.strategy, (v) => {
    settings = { ...settings, strategy: v as StrategyName };
    start();
  });
  const newPit = button('New pit', () => {
    settings = { ...settings, seed: Math.floor(Math.random() * 1_000_000) };
    start();
  });
  const again = button('Play again', start);

  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'sandpit');
  canvas.setAttribute('aria-label', 'The sandpit, 6 by 6 metres. Click to dip, or move the probe with the arrow keys (Shift: further) and press Enter to dip.');
  canvas.setAttribute('aria-describedby', 'sandpit-keys');
  const probeStatus = h('span', { 'aria-live': 'polite', 'data-role': 'probe' });
  const keys = h('p', { class: 'slope-keys', id: 'sandpit-keys' }, 'Keyboard: focus the pit (Tab), move the probe with the arrow keys (Shift moves 0.5 m), press Enter to dip. ', probeStatus);
  canvas.addEventListener('focus', () => {
    probeShown = true;
    render();
  });
  canvas.addEventListener('blur', () => {
    probeShown = false;
    render();
  });
  canvas.addEventListener('keydown', (e) => {
    const moves: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const m = moves[e.key];
    if (m !== undefined) {
      const step = e.shiftKey ? 0.5 : 0.1;
      const clamp = (v: number): number => Math.round(Math.min(6, Math.max(0, v)) * 100) / 100;
      probe = { x: clamp(probe.x + m[0] * step), y: clamp(probe.y + m[1] * step) };
      probeStatus.textContent = `probe at (${probe.x.toFixed(2)}, ${probe.y.toFixed(2)})`;
      root.dataset['probe'] = `${probe.x.toFixed(2)},${probe.y.toFixed(2)}`;
      e.preventDefault();
      render();
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      game.dip(probe.x, probe.y);
      render();
    }
  });
  canvas.addEventListener('click', (e) => {
    const rect = canvas.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * 6;
    const y = 6 - ((e.clientY - rect.top) / rect.height) * 6;
    if (x < 0 || x > 6 || y < 0 || y > 6) return;
    game.dip(x, y);
    render();
  });

  root.classList.add('slope-sandpit');
  root.append(
    h('div', { class: 'slope-controls' }, landscapeSelect.el, modeSelect.el, strategy.el, newPit, again),
    message,
    canvas,
    keys,
    h('details', { open: true }, h('summary', {}, 'Dips'), legend),
    info,
  );
  start();
  return { destroy() {} };
};
