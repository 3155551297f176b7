import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';

/** What a chart is drawn for: the page's colour scheme and whether the chart is phone-narrow. */
export interface ChartTheme {
  readonly dark: boolean;
  /** The chart's container is narrower than {@link NARROW_PX}. */
  readonly narrow: boolean;
}

/** Below this container width (CSS px) charts use smaller type, fewer ticks and a taller shape. */
export const NARROW_PX = 520;

/** Text and rule colours of the page (VitePress's palette), per scheme. */
export const PAGE_COLORS = {
  light: { text: '#3c3c43', muted: '#5c5c62', grid: 'rgba(60, 60, 67, 0.12)', background: '#ffffff' },
  dark: { text: '#dfdfd6', muted: '#b0b0b6', grid: 'rgba(235, 235, 245, 0.14)', background: '#1b1b1f' },
} as const;

interface Rgba { r: number; g: number; b: number; a: number }

function parseColor(color: string): Rgba | undefined {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,4})$/.exec(c);
  if (m) {
    const d = m[1]!;
    const v = (i: number): number => parseInt(d[i]! + d[i]!, 16);
    return { r: v(0), g: v(1), b: v(2), a: d.length === 4 ? v(3) / 255 : 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(c);
  if (m) {
    const d = m[1]!;
    return { r: parseInt(d.slice(0, 2), 16), g: parseInt(d.slice(2, 4), 16), b: parseInt(d.slice(4, 6), 16), a: m[2] === undefined ? 1 : parseInt(m[2], 16) / 255 };
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c);
  if (m) return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) };
  if (c === 'black') return { r: 0, g: 0, b: 0, a: 1 };
  if (c === 'white') return { r: 255, g: 255, b: 255, a: 1 };
  return undefined;
}

function toHsl({ r, g, b }: Rgba): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): [number, number, number] {
  if (s === 0) return [l, l, l].map((v) => Math.round(v * 255)) as [number, number, number];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)].map((v) => Math.round(v * 255)) as [number, number, number];
}

const darkCache = new Map<string, string>();

/**
 * The colour to draw on a dark background in place of `color`, chosen for a white one:
 * greys are mirrored (ink becomes light, white becomes the page's dark background, a faint
 * grey stays faint), and colours darker than mid-lightness are lightened by the same mirror,
 * so the course's green, blue and red stay recognisable and readable. Hue, saturation and
 * alpha are kept; anything that is not a hex, rgb() or rgba() colour is returned unchanged.
 *
 * @example
 * ```ts
 * darkVariant('#222222'); // '#cbcbcb' (ink becomes light)
 * darkVariant('#ffa500'); // '#ffa500' (orange is already light enough)
 * ```
 */
export function darkVariant(color: string): string {
  const hit = darkCache.get(color);
  if (hit !== undefined) return hit;
  const parsed = parseColor(color);
  let out = color;
  if (parsed !== undefined) {
    const [h, s, l] = toHsl(parsed);
    const bg = toHsl(parseColor(PAGE_COLORS.dark.background)!)[2];
    // Greys: white maps to the page background, black to near-white, linearly in between.
    const next = s < 0.12 ? bg + (1 - l) * (0.9 - bg) : l < 0.5 ? 1 - l : l;
    const [r, g, b] = fromHsl(h, s, next);
    const hex = (v: number): string => v.toString(16).padStart(2, '0');
    out = parsed.a < 1 ? `rgba(${r}, ${g}, ${b}, ${parsed.a})` : `#${hex(r)}${hex(g)}${hex(b)}`;
  }
  if (darkCache.size > 512) darkCache.clear();
  darkCache.set(color, out);
  return out;
}

/** `darkVariant` in dark mode, the colour itself in light mode; arrays map element-wise. */
export function themeColor<T>(value: T, theme: ChartTheme): T {
  if (!theme.dark) return value;
  if (typeof value === 'string') return darkVariant(value) as T;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? darkVariant(v) : v)) as T;
  return value;
}

const COLOR_KEYS = new Set(['color', 'borderColor', 'backgroundColor', 'pointBackgroundColor', 'pointBorderColor', 'pointHoverBackgroundColor', 'pointHoverBorderColor', 'hoverBackgroundColor', 'hoverBorderColor', 'tickColor']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v != null && Object.getPrototypeOf(v) === Object.prototype;
}

/** A copy of a plain-object tree with every colour-valued key mapped for the theme. */
function mapColors<T>(value: T, theme: ChartTheme): T {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = COLOR_KEYS.has(k) ? themeColor(v, theme) : isPlainObject(v) ? mapColors(v, theme) : v;
  return out as T;
}

/**
 * The dataset with its colours mapped for the theme (a shallow copy in dark mode; the
 * dataset itself in light mode).
 *
 * @example
 * ```ts
 * themedDataset({ data: [], borderColor: '#222222' }, { dark: true, narrow: false }).borderColor; // '#cbcbcb'
 * ```
 */
export function themedDataset<D extends ChartDataset>(dataset: D, theme: ChartTheme): D {
  if (!theme.dark) return dataset;
  const out = { ...dataset } as Record<string, unknown>;
  for (const k of COLOR_KEYS) if (k in out) out[k] = themeColor(out[k], theme);
  return out as D;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A power of ten as it is written by hand: 10⁻¹⁸, 10⁰, 10³ (and 1, 10, 100 for the
 * smallest positive exponents, which read better in full); undefined when `value` is not a
 * power of ten.
 *
 * @example
 * ```ts
 * powerOfTenLabel(1e-18); // '10⁻¹⁸'
 * powerOfTenLabel(0.5);   // undefined
 * ```
 */
export function powerOfTenLabel(value: number): string | undefined {
  if (!(value > 0) || !Number.isFinite(value)) return undefined;
  const e = Math.round(Math.log10(value));
  if (Math.abs(Math.log10(value) - e) > 1e-9) return undefined;
  if (e >= 0 && e <= 2) return String(10 ** e);
  return `10${String(e).split('').map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
}

/**
 * A tick label for a linear axis: at most four significant digits, no floating-point
 * noise (0.30000000000000004 → 0.3), and an exponent for very large or small magnitudes.
 *
 * @example
 * ```ts
 * linearTickLabel(0.1 + 0.2); // '0.3'
 * linearTickLabel(25000000);  // '2.5e7'
 * ```
 */
export function linearTickLabel(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  if (a < 1e-12) return '0';
  if (a >= 1e6 || a < 1e-3) {
    const [m, e] = value.toExponential(3).split('e');
    return `${String(Number(m))}e${Number(e)}`;
  }
  return String(Number(value.toPrecision(4)));
}

type ScaleOptions = Record<string, unknown> & { type?: string; ticks?: Record<string, unknown>; grid?: Record<string, unknown>; border?: Record<string, unknown>; title?: Record<string, unknown> };

function decadeTicks(built: { ticks: { value: number }[] }): void {
  const decades = built.ticks.filter((t) => powerOfTenLabel(t.value) !== undefined);
  if (decades.length < 2) return;
  // Over many decades keep every 2nd or 3rd, so that labels never crowd (chart.js's auto-skip
  // would otherwise drop them unevenly).
  const stride = Math.ceil(decades.length / 8);
  const kept = decades.filter((t) => Math.round(Math.log10(t.value)) % stride === 0);
  built.ticks = kept.length >= 2 ? kept : decades;
}

function themedScale(scale: ScaleOptions, theme: ChartTheme): ScaleOptions {
  const colors = theme.dark ? PAGE_COLORS.dark : PAGE_COLORS.light;
  const mapped = mapColors(scale, theme);
  const log = mapped.type === 'logarithmic';
  const ticks = mapped.ticks ?? {};
  const size = theme.narrow ? 10 : 12;
  const out: ScaleOptions = {
    ...mapped,
    ticks: {
      color: colors.muted,
      maxRotation: 0,
      autoSkip: true,
      // A range such as [0, 0.0877] would label 0.088 right on top of 0.08: label nice steps only.
      ...(log ? {} : { includeBounds: false }),
      autoSkipPadding: theme.narrow ? 6 : 10,
      ...(theme.narrow ? { maxTicksLimit: 6 } : {}),
      ...ticks,
      font: { size, ...((ticks['font'] as Record<string, unknown> | undefined) ?? {}) },
      // A builder's own callback wins; otherwise decades on log axes, short numbers on linear ones.
      ...(typeof ticks['callback'] === 'function'
        ? {}
        : { callback: log ? (v: number | string) => powerOfTenLabel(Number(v)) ?? '' : (v: number | string) => (typeof v === 'number' ? linearTickLabel(v) : v) }),
    },
    grid: { color: colors.grid, ...(mapped.grid ?? {}) },
    border: { color: colors.grid, ...(mapped.border ?? {}) },
    title: { ...(mapped.title ?? {}), color: theme.dark ? colors.text : ((mapped.title?.['color'] as string | undefined) ?? colors.text), font: { size: theme.narrow ? 11 : 12 } },
  };
  if (log && typeof scale['afterBuildTicks'] !== 'function') out['afterBuildTicks'] = decadeTicks;
  return out;
}

/**
 * Chart options for the theme: every axis gets readable tick labels (powers of ten on log
 * axes, short numbers on linear ones, no rotation, auto-skipped), the page's text and rule
 * colours, and colours mapped for dark mode; legend and title follow, smaller when narrow.
 * Nothing the configuration sets on purpose (a tick callback, a colour) is lost: colours are
 * only mapped, and a builder's tick callback is kept.
 *
 * @example
 * ```ts
 * const options = themedOptions(lineChart(series, { yScale: 'log' }).options, { dark: false, narrow: true });
 * ```
 */
export function themedOptions<O>(options: O | undefined, theme: ChartTheme): O {
  const colors = theme.dark ? PAGE_COLORS.dark : PAGE_COLORS.light;
  const o = mapColors((options ?? {}) as Record<string, unknown>, theme) as Record<string, unknown> & {
    scales?: Record<string, ScaleOptions>;
    plugins?: Record<string, Record<string, unknown> | undefined>;
  };
  const scales: Record<string, ScaleOptions> = {};
  for (const [id, s] of Object.entries(o.scales ?? {})) scales[id] = themedScale(s, theme);
  const plugins = { ...(o.plugins ?? {}) };
  const legend = plugins['legend'] ?? {};
  const labels = (legend['labels'] as Record<string, unknown> | undefined) ?? {};
  plugins['legend'] = {
    ...legend,
    labels: {
      color: colors.text,
      ...labels,
      ...(theme.narrow ? { boxWidth: 12, padding: 6, font: { size: 11 } } : {}),
    },
  };
  const title = plugins['title'];
  if (title !== undefined) plugins['title'] = { ...title, color: theme.dark ? colors.text : (title['color'] ?? colors.text), ...(theme.narrow ? { font: { size: 12 } } : {}) };
  return { ...o, scales, plugins } as O;
}

type CanvasStyle = 'fillStyle' | 'strokeStyle' | 'shadowColor';

/**
 * A view of a 2D context whose fill, stroke and shadow colours are mapped for dark mode as
 * they are set: plugins that draw with a fixed colour (arrows, labels) then follow the theme
 * without knowing about it.
 */
function darkContext(ctx: CanvasRenderingContext2D): CanvasRenderingContext2D {
  return new Proxy(ctx, {
    get(target, key) {
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    set(target, key, value) {
      const mapped = (key === 'fillStyle' || key === 'strokeStyle' || key === 'shadowColor') && typeof value === 'string' ? darkVariant(value) : value;
      return Reflect.set(target, key as CanvasStyle, mapped, target);
    },
  });
}

const HOOKS = ['beforeDraw', 'afterDraw', 'beforeDatasetsDraw', 'afterDatasetsDraw', 'beforeDatasetDraw', 'afterDatasetDraw'] as const;

/**
 * The configuration's own plugins, wrapped in dark mode so that whatever they draw on the
 * chart's context has its colours mapped ({@link darkVariant}). Plugins marked
 * `themeAware: true` (the docs' own) are passed through.
 */
export function themedPlugins(plugins: readonly Plugin[] | undefined, theme: ChartTheme): Plugin[] {
  if (plugins === undefined) return [];
  if (!theme.dark) return [...plugins];
  return plugins.map((p) => {
    if ((p as { themeAware?: boolean }).themeAware === true) return p;
    const wrapped: Record<string, unknown> = { ...p };
    for (const hook of HOOKS) {
      const fn = (p as unknown as Record<string, unknown>)[hook];
      if (typeof fn !== 'function') continue;
      wrapped[hook] = function (this: unknown, chart: { ctx: CanvasRenderingContext2D }, ...rest: unknown[]) {
        const real = chart.ctx;
        chart.ctx = darkContext(real);
        try {
          return (fn as (...a: unknown[]) => unknown).call(p, chart, ...rest);
        } finally {
          chart.ctx = real;
        }
      };
    }
    return wrapped as unknown as Plugin;
  });
}

/**
 * The whole configuration for the theme: options ({@link themedOptions}), datasets
 * ({@link themedDataset}) and plugins ({@link themedPlugins}).
 *
 * @example
 * ```ts
 * new Chart(canvas, themedConfig(lineChart(series), { dark: isDark(), narrow: false }));
 * ```
 */
export function themedConfig<C extends ChartConfiguration>(config: C, theme: ChartTheme): C {
  return {
    ...config,
    data: { ...config.data, datasets: config.data.datasets.map((d) => themedDataset(d, theme)) },
    options: themedOptions(config.options, theme),
    plugins: themedPlugins(config.plugins as Plugin[] | undefined, theme),
  };
}

/** Whether the page is in dark mode (VitePress puts `dark` on the root element). */
export function pageIsDark(): boolean {
  return typeof document !== 'undefined' && document.documentElement.classList.contains('dark');
}
