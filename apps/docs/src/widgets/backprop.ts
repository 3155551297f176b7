import { heartCurve } from '@slope/models';
import { courseColors, lineChart, trainingChart } from '@slope/plot';
import { drawNetwork } from '../backprop/diagram.js';
import type { FromWorker, Snapshot, Speed, ToWorker } from '../backprop/protocol.js';
import { LIMITS, parseHidden, readBackpropSettings, writeBackpropSettings, type BackpropSettings } from '../backprop/settings.js';
import { chartView, onThemeChange } from '../chart.js';
import { updateChart } from '../chart-update.js';
import { inSeparateTasks } from '../schedule.js';
import { contourLayer } from '../contour-layer.js';
import { pageIsDark } from '../chart-theme.js';
import { button, formatNumber, h, select, slider } from '../dom.js';
import type { MountWidget } from '../widget.js';

const KEEP_TRAIL = 40; // magenta drawings kept on screen
const REDRAW_MS = 250; // at full speed, charts are redrawn at most this often
const MAX_COST_POINTS = 1500; // older cost points are thinned beyond this
/** Speeds offered: updates per animation frame, 1 being step by step. */
const SPEEDS: readonly (readonly [string, string])[] = [['1', '1 per frame (step by step)'], ['10', '10 per frame'], ['100', '100 per frame'], ['1000', '1,000 per frame'], ['max', 'as fast as possible']];
const MORE = 10000; // "Train 10,000 more" adds this much to the budget
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];

/** Week 3: the Backpropagation assignment, training live in a Web Worker, TensorFlow-Playground style. */
export const mount: MountWidget = async (root) => {
  let settings = readBackpropSettings(new URLSearchParams(window.location.search));
  const { x: inputs, y: target } = heartCurve();
  const worker = new Worker(new URL('../backprop/worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ToWorker): void => worker.postMessage(m);

  const drawingView = chartView('The network drawing the heart', undefined, { aspect: 'equal' });
  const costView = chartView('Cost against iteration');
  const diagram = h('canvas', { role: 'img', 'aria-label': 'Network diagram: line width and colour show the weights', 'data-role': 'diagram' });
  const hiddenBox = h('div', { class: 'slope-charts' });
  let hiddenViews: ReturnType<typeof chartView>[] = [];
  const status = h('p', { class: 'slope-readout', 'aria-live': 'polite', 'data-role': 'status' });
  const hiddenError = h('span', { class: 'slope-error' });

  let latest: Snapshot | undefined;
  let trail: (readonly [Float64Array, Float64Array])[] = [];
  let costs: { iteration: number; cost: number }[] = [];
  let dirty = false;
  let lastDraw = 0;
  let frame: number | undefined;
  let firstDrawn: (() => void) | undefined;
  const firstDraw = new Promise<void>((resolve) => { firstDrawn = resolve; });

  const drawDiagram = (s: Snapshot): void => {
    const width = diagram.clientWidth || 420;
    const height = 260;
    const dpr = window.devicePixelRatio || 1;
    if (diagram.width !== Math.round(width * dpr)) {
      diagram.width = Math.round(width * dpr);
      diagram.height = Math.round(height * dpr);
      diagram.style.height = `${height}px`;
    }
    const ctx = diagram.getContext('2d');
    if (ctx == null) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawNetwork(ctx, width, height, [1, ...settings.hidden, 2], s.parameters, pageIsDark());
  };

  // Each chart is redrawn in place, in a task of its own, so that no redraw holds the main
  // thread for the sum of them while the worker streams snapshots.
  // The magenta snapshots (up to 40 curves) are stroked from a cached layer under the chart,
  // as contour lines are: one chart.js dataset each would cost a controller, options and
  // elements per curve on every redraw. The first stays a dataset, for the legend.
  const trailLayer = contourLayer();
  const drawDrawing = (): void => {
    const s = latest;
    if (s === undefined) return;
    const config = trainingChart({
      target: { x: target[0], y: target[1] },
      snapshots: trail.map(([a, b]) => ({ x: a, y: b })),
      final: { x: s.output[0], y: s.output[1] },
      title: `Iteration ${s.iteration.toLocaleString('en')}`,
      aspectRatio: 1,
    });
    const isTrail = (d: { label?: string }): boolean => typeof d.label === 'string' && d.label.startsWith('snapshot ');
    trailLayer.setLines(config.data.datasets.filter(isTrail));
    updateChart(drawingView, { ...config, data: { datasets: config.data.datasets.filter((d) => !isTrail(d)) }, plugins: [...(config.plugins ?? []), trailLayer.plugin] } as unknown as Parameters<typeof updateChart>[1]);
  };
  const drawCost = (): void => {
    updateChart(costView, lineChart([{ x: costs.map((c) => Math.max(1, c.iteration)), y: costs.map((c) => c.cost), label: 'cost C', color: courseColors.magenta, width: 2 }], {
      xLabel: 'iteration', yLabel: 'cost', yScale: 'log', xScale: 'log', aspectRatio: 1.4,
    }) as unknown as Parameters<typeof updateChart>[1]);
  };
  const drawNetworkStep = (): void => {
    if (latest !== undefined) drawDiagram(latest);
  };
  // One task per hidden layer's chart (at most three layers).
  const drawHiddenLayer = (l: number) => (): void => {
    const s = latest;
    const layer = s?.hidden[l];
    const view = hiddenViews[l];
    if (layer === undefined || view === undefined) return;
    updateChart(view, lineChart(layer.map((row, k) => ({ x: inputs, y: row, color: PALETTE[k % PALETTE.length], width: 1.5 })), {
      title: `Hidden layer ${l + 1}: each neuron's output against x`, xLabel: 'x', yRange: [0, 1], xRange: [0, 1], aspectRatio: 1.6,
    }) as unknown as Parameters<typeof updateChart>[1]);
  };
  const drawAll = inSeparateTasks([drawDrawing, drawCost, drawNetworkStep, drawHiddenLayer(0), drawHiddenLayer(1), drawHiddenLayer(2), () => firstDrawn?.()]);
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

  const schedule = (): void => {
    dirty = true;
    if (frame !== undefined) return;
    // Slow speeds are drawn every frame (that is their point); full speed four times a second;
    // with reduced motion asked for, once a second.
    const interval = reducedMotion ? 1000 : speed !== 'max' && speed <= 10 ? 0 : REDRAW_MS;
    const wait = Math.max(0, interval - (performance.now() - lastDraw));
    frame = window.setTimeout(() => requestAnimationFrame(() => {
      frame = undefined;
      if (!dirty) return;
      dirty = false;
      lastDraw = performance.now();
      drawAll();
    }), wait);
  };

  let speed: Speed = 'max';
  const playButton = button('Play', () => send({ type: latest?.running === true ? 'pause' : 'play' }), { 'data-role': 'play' });
  const stepButton = button('Step one iteration', () => send({ type: 'step' }), { 'data-role': 'step' });
  const speedSelect = select('speed', SPEEDS, 'max', (v) => {
    speed = v === 'max' ? 'max' : Number(v);
    send({ type: 'speed', speed });
  });
  speedSelect.input.dataset['role'] = 'speed';
  // Continue past the budget from where training is, without a restart.
  const moreButton = button(`Train ${MORE.toLocaleString('en')} more`, () => {
    // Iterations done are the updates done less one (the notebook's loop makes iterations + 1).
    const total = Math.max(settings.iterations, (latest?.iteration ?? 0) - 1) + MORE;
    setBudget(total);
    send({ type: 'play' });
  }, { 'data-role': 'more' });

  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'error') {
      status.textContent = `Training stopped: ${m.message}`;
      return;
    }
    latest = m;
    costs.push(...m.costs);
    // A long run keeps its whole cost history at half the resolution of the recent part.
    if (costs.length > MAX_COST_POINTS) costs = costs.filter((_, i) => i % 2 === 0 || i >= costs.length - MAX_COST_POINTS / 2);
    trail.push(...m.trail);
    if (trail.length > KEEP_TRAIL) trail = trail.slice(-KEEP_TRAIL);
    root.dataset['iteration'] = String(m.iteration);
    root.dataset['cost'] = String(m.cost);
    root.dataset['initialCost'] = String(m.initialCost);
    root.dataset['running'] = String(m.running);
    root.dataset['total'] = String(m.total);
    playButton.textContent = m.running ? 'Pause' : m.done ? 'Finished' : 'Play';
    playButton.disabled = m.done && !m.running;
    playButton.setAttribute('aria-pressed', String(m.running));
    status.textContent = `Update ${m.iteration.toLocaleString('en')} of ${m.total.toLocaleString('en')} (${settings.iterations.toLocaleString('en')} iterations: the notebook's loop makes one update more) · cost ${formatNumber(m.cost, 4)} (started at ${formatNumber(m.initialCost, 4)})${m.done ? ` · ${Number.isFinite(m.cost) ? 'budget reached: train more to continue' : 'the cost diverged: try a smaller aggression'}` : ''}`;
    schedule();
  });
  worker.addEventListener('error', (e) => {
    status.textContent = `The training worker failed: ${e.message}`;
    console.error(e.message);
  });

  const reset = (): void => {
    latest = undefined;
    trail = [];
    costs = [];
    for (const v of hiddenViews) v.destroy();
    hiddenViews = settings.hidden.map((_, l) => chartView(`Hidden layer ${l + 1} outputs`));
    hiddenBox.replaceChildren(...hiddenViews.map((v) => v.el));
    const query = writeBackpropSettings(new URLSearchParams(window.location.search), settings);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query.toString()}${window.location.hash}`);
    send({ type: 'reset', settings });
  };
  const change = (next: Partial<BackpropSettings>): void => {
    settings = { ...settings, ...next };
    reset();
  };

  const hiddenInput = h('input', { class: 'slope-text', type: 'text', value: settings.hidden.join(','), size: 8, 'aria-label': 'Hidden layer sizes', 'data-role': 'hidden' });
  hiddenInput.addEventListener('change', () => {
    const parsed = parseHidden(hiddenInput.value);
    hiddenError.textContent = parsed.ok ? '' : parsed.message;
    if (parsed.ok) change({ hidden: parsed.hidden });
  });
  const seedInput = h('input', { class: 'slope-text', type: 'number', min: 0, step: 1, value: settings.seed, 'aria-label': 'Seed', style: 'width: 6rem' });
  seedInput.addEventListener('change', () => {
    const seed = Number(seedInput.value);
    if (Number.isSafeInteger(seed) && seed >= 0) change({ seed });
  });
  const aggression = slider({ label: 'aggression', min: LIMITS.aggression[0], max: 20, step: 0.1, value: settings.aggression, format: (v) => v.toFixed(1), onInput: () => {} });
  // These restart training, so they apply on release, not while dragging.
  aggression.input.dataset['apply'] = 'change';
  aggression.input.addEventListener('change', () => change({ aggression: aggression.value() }));
  const noise = slider({ label: 'noise', min: 0, max: LIMITS.noise[1], step: 0.05, value: settings.noise, onInput: () => {} });
  noise.input.dataset['apply'] = 'change';
  noise.input.addEventListener('change', () => change({ noise: noise.value() }));
  const budgets = ['1000', '10000', '50000', '100000', '200000'];
  if (!budgets.includes(String(settings.iterations))) budgets.push(String(settings.iterations));
  // Changing the budget never restarts: a larger one continues training from here.
  const setBudget = (total: number): void => {
    settings = { ...settings, iterations: total };
    if (!budgets.includes(String(total))) {
      budgets.push(String(total));
      iterations.input.append(h('option', { value: String(total) }, total.toLocaleString('en')));
    }
    iterations.input.value = String(total);
    const query = writeBackpropSettings(new URLSearchParams(window.location.search), settings);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query.toString()}${window.location.hash}`);
    send({ type: 'budget', total });
  };
  const iterations = select('iterations', budgets.map((b) => [b, Number(b).toLocaleString('en')] as const), String(settings.iterations), (v) => setBudget(Number(v)));
  iterations.input.dataset['role'] = 'budget';
  const copyLink = button('Copy link to this run', () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => { copyLink.textContent = 'Link copied'; }, () => {});
  });

  root.append(
    h('div', { class: 'slope-controls' },
      playButton,
      stepButton,
      speedSelect.el,
      moreButton,
      button('Reset', reset, { 'data-role': 'reset' }),
      button('New seed', () => { const seed = Math.floor(Math.random() * 100000); seedInput.value = String(seed); change({ seed }); }),
      copyLink),
    h('div', { class: 'slope-controls' },
      h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, 'hidden layers'), hiddenInput),
      aggression.el, noise.el, iterations.el,
      h('label', { class: 'slope-slider' }, h('span', { class: 'slope-label' }, 'seed'), seedInput),
      hiddenError),
    status,
    h('div', { class: 'slope-charts' }, drawingView.el, h('div', {}, costView.el, h('div', { class: 'slope-diagram' }, diagram))),
    hiddenBox,
  );
  reset();
  send({ type: 'speed', speed });
  const stopTheme = onThemeChange(() => { if (latest !== undefined) drawDiagram(latest); });
  // The widget counts as drawn once the worker's first snapshot is on screen.
  await firstDraw;
  return {
    destroy() {
      worker.terminate();
      stopTheme();
      if (frame !== undefined) clearTimeout(frame);
      drawingView.destroy();
      costView.destroy();
      for (const v of hiddenViews) v.destroy();
    },
  };
};
