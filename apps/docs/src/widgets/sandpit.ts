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

function draw(ctx: CanvasRenderingContext2D, game: SandpitGame, sand: HTMLCanvasElement, contours: readonly ContourLine[]): void {
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
    if (!d.auto) ctx.fillText(`${d.n}) ${d.depth.toFixed(2)}m`, px + 6, py - 6);
  }
  if (game.revealed) phone(ctx, game.phone.x, game.phone.y);
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

  const render = (): void => {
    draw(ctx, game, sand, contours);
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
    h('details', { open: true }, h('summary', {}, 'Dips'), legend),
    info,
  );
  start();
  return { destroy() {} };
};
