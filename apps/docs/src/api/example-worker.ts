import * as autodiff from '@slope/autodiff';
import * as models from '@slope/models';
import * as optim from '@slope/optim';
import * as plot from '@slope/plot';
import * as symbolic from '@slope/symbolic';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartLike } from './chart-output.js';
import type { RunMessage, WorkerMessage } from './example-protocol.js';
import { createExampleRuntime, describeError } from './example-runtime.js';
import { prepareExample } from './prepare-example.js';

// A reader's example runs here, never on the page's main thread. The page gives each run a
// fresh worker and terminates it when the run ends or overruns its time limit, so nothing
// one run leaves behind (globals, timers, a loop that never ends) reaches the next.

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RunMessage>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope & { __slope?: unknown };
const modules = { '@slope/symbolic': symbolic, '@slope/autodiff': autodiff, '@slope/optim': optim, '@slope/models': models, '@slope/plot': plot };
const post = (m: WorkerMessage): void => scope.postMessage(m);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value == null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto == null;
}

/** chart.js writes into the configuration it draws; draw a copy and leave the reader's object alone. */
function copyConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyConfig(item)) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyConfig(v)])) as T;
  return value;
}

const whiteBackground: Plugin = {
  id: 'slopeExampleBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws a configuration as @slope/plot/node's renderPng does at page generation: fixed size, no animation, white. */
async function drawChart(config: ChartLike, width: number, height: number): Promise<Blob> {
  Chart.register(...registerables);
  const canvas = new OffscreenCanvas(width, height);
  const copy = copyConfig(config) as unknown as ChartConfiguration;
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...copy,
    options: { ...copy.options, responsive: false, maintainAspectRatio: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(copy.plugins ?? []), whiteBackground],
  });
  try {
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    chart.destroy();
  }
}

let ran = false;
scope.addEventListener('message', (event) => {
  if (event.data.type !== 'run' || ran) return;
  ran = true;
  void run(event.data.code);
});

async function run(code: string): Promise<void> {
  let seq = 0;
  let url = 'blob:';
  let ok = true;
  const fail = (e: unknown): void => {
    ok = false;
    post({ type: 'item', seq: seq++, item: describeError(e, url) });
  };
  const charts: Promise<void>[] = [];
  const runtime = createExampleRuntime(modules, (item, chart) => {
    const n = seq++;
    post({ type: 'item', seq: n, item });
    if (item.kind === 'chart' && chart !== undefined) {
      charts.push(drawChart(chart, item.width, item.height).then(
        (png) => post({ type: 'chart-image', seq: n, png }),
        (e: unknown) => post({ type: 'chart-failed', seq: n, message: e instanceof Error ? e.message : String(e) }),
      ));
    }
  }, fail);
  const started = performance.now();
  try {
    const js = prepareExample(code);
    url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
    scope.__slope = runtime.global;
    scope.addEventListener('unhandledrejection', (e) => fail(e.reason));
    post({ type: 'started' });
    await import(/* @vite-ignore */ url);
    await runtime.timers.idle();
  } catch (e) {
    fail(e);
  }
  await Promise.all(charts);
  post({ type: 'done', ok, ms: performance.now() - started });
}
