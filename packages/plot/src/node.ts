import { loadCanvas } from './node-canvas.js';
import { Chart, registerables, type ChartConfiguration, type ChartType, type DefaultDataPoint, type Plugin } from 'chart.js';
import { rejectUnknownOptions } from './options.js';

/**
 * Size and background of a PNG rendered by {@link renderPng}.
 *
 * @example
 * ```ts
 * const size: RenderPngOptions = { width: 640, height: 480 };
 * ```
 */
export interface RenderPngOptions {
  /** Width in pixels, an integer in [1, 8192]. */
  readonly width: number;
  /** Height in pixels, an integer in [1, 8192]. */
  readonly height: number;
  /** Any CSS colour; defaults to `'white'` (a canvas is transparent otherwise). */
  readonly background?: string;
}

const MAX_SIDE = 8192;
const OPTION_NAMES = ['width', 'height', 'background'] as const;


function pixels(option: 'width' | 'height', value: number): number {
  if (!(Number.isInteger(value) && value >= 1 && value <= MAX_SIDE)) {
    throw new RangeError(`renderPng: option ${option} must be an integer in [1, ${MAX_SIDE}], got ${value}`);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value == null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto == null;
}

/**
 * chart.js writes into the configuration it is given (option proxies, array listeners),
 * so render from a copy of its plain parts and leave the caller's object untouched.
 */
function copyConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyConfig(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = copyConfig(item);
    return out as T;
  }
  return value;
}

function backgroundPlugin(color: string): Plugin {
  return {
    id: 'slopeBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/**
 * Renders a chart.js configuration (any builder's output, or your own) to a PNG in Node,
 * on a Skia canvas from `@napi-rs/canvas` — no DOM, no cairo. Animation and responsiveness
 * are switched off and the device pixel ratio is 1, so the PNG is exactly `width` × `height`;
 * the background is filled (white by default). The caller's `config` is not modified.
 *
 * chart.js keeps its controller registry globally, so this registers chart.js's built-in
 * `registerables` on every call (idempotent); nothing else global is touched. Text uses
 * the system's fonts through Skia (DejaVu Sans on Debian); without any font, labels are blank.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { lineChart } from '@slope/plot';
 * import { renderPng } from '@slope/plot/node';
 *
 * const png = await renderPng(lineChart([{ x: [0, 1, 2], y: [0, 1, 4] }]), { width: 640, height: 400 });
 * await writeFile('parabola.png', png);
 * ```
 */
export async function renderPng<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: ChartConfiguration<TType, TData, TLabel>,
  options: RenderPngOptions,
): Promise<Buffer> {
  if (config == null || typeof config !== 'object' || typeof config.type !== 'string') {
    throw new TypeError(`renderPng: config must be a chart.js configuration with a type, got ${String(config)}`);
  }
  rejectUnknownOptions('renderPng', options, OPTION_NAMES);
  if (options == null) throw new TypeError('renderPng: options { width, height } are required');
  const width = pixels('width', options.width);
  const height = pixels('height', options.height);
  Chart.register(...registerables);
  const copy = copyConfig(config);
  const { createCanvas } = await loadCanvas();
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...copy,
    options: { ...copy.options, responsive: false, maintainAspectRatio: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(copy.plugins ?? []), backgroundPlugin(options.background ?? 'white') as Plugin<TType>],
  } as ChartConfiguration<TType, TData, TLabel>);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
