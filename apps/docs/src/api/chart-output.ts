// A chart.js configuration left as an example's value is drawn, not printed. These helpers
// recognise one, describe it in words (the image's alternative text and caption), and
// fingerprint its data so that a page whose stored chart no longer matches the code fails
// its test. Shared by page generation (Node) and the in-page worker.

/** What an example's output panel needs to know about a chart it drew. */
export interface ChartOutput {
  /** One sentence: chart type, series with their point counts, axis titles. */
  readonly summary: string;
  /**
   * FNV-1a hash (8 hex digits) of the configuration's data, functions left out and numbers
   * rounded to 12 significant digits: JavaScript engines of different versions (Node's, a
   * reader's browser) may differ in the last bits of Math.exp and friends, never in a chart.
   */
  readonly digest: string;
  /** Pixel size it is drawn at. */
  readonly width: number;
  readonly height: number;
}

/** The minimal shape of a chart.js configuration. */
export interface ChartLike {
  readonly type: string;
  readonly data: { readonly datasets: readonly object[] };
  readonly options?: object;
}

const WIDTH = 640;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v != null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * True when `value` looks like a chart.js configuration: a `type` string and `data.datasets`.
 *
 * @example
 * ```ts
 * isChartConfig(lineChart([{ x: [0, 1], y: [0, 1] }])); // true
 * ```
 */
export function isChartConfig(value: unknown): value is ChartLike {
  return isRecord(value) && typeof value['type'] === 'string' && isRecord(value['data']) && Array.isArray(value['data']['datasets']);
}

function pointCount(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (ArrayBuffer.isView(data)) return (data as unknown as ArrayLike<number>).length;
  return 0;
}

function axisText(options: object | undefined, axis: 'x' | 'y'): string | undefined {
  const scales = isRecord(options) && isRecord(options['scales']) ? options['scales'] : undefined;
  const scale = scales !== undefined && isRecord(scales[axis]) ? scales[axis] : undefined;
  if (scale === undefined) return undefined;
  const title = isRecord(scale['title']) && typeof scale['title']['text'] === 'string' && scale['title']['text'] !== '' ? scale['title']['text'] : undefined;
  const log = scale['type'] === 'logarithmic';
  if (title === undefined && !log) return undefined;
  return `${axis} axis${title === undefined ? '' : ` “${title}”`}${log ? ' (logarithmic)' : ''}`;
}

function canonical(value: unknown): string {
  const seen = new Set<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') return '[Function]';
    if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(12)) : String(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (v != null && typeof v === 'object') {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
      if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    }
    return v;
  });
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The summary, digest and drawing size of a chart configuration. The height follows the
 * chart's own `aspectRatio` (so contour maps stay square), between 200 and 640 pixels.
 *
 * @example
 * ```ts
 * describeChart(lineChart([{ x: [0, 1, 2], y: [0, 1, 4], label: 'y = x²' }])).summary;
 * // 'scatter chart: y = x² (3 points).'
 * ```
 */
export function describeChart(config: ChartLike): ChartOutput {
  const sets = config.data.datasets as readonly Record<string, unknown>[];
  const named = sets.slice(0, 4).map((d, i) => `${typeof d['label'] === 'string' && d['label'] !== '' ? d['label'] : `series ${i + 1}`} (${pointCount(d['data'])} points)`);
  if (sets.length > 4) named.push(`${sets.length - 4} more series`);
  const axes = [axisText(config.options, 'x'), axisText(config.options, 'y')].filter((a) => a !== undefined);
  const summary = `${config.type} chart: ${named.length === 0 ? 'no data' : named.join(', ')}${axes.length > 0 ? `; ${axes.join(', ')}` : ''}.`;
  const ratio = isRecord(config.options) ? config.options['aspectRatio'] : undefined;
  const height = typeof ratio === 'number' && ratio > 0 ? Math.min(640, Math.max(200, Math.round(WIDTH / ratio))) : 400;
  return { summary, digest: fnv1a(canonical(config)), width: WIDTH, height };
}

/**
 * The file name of a chart drawn at page generation: the page, the example, its position in
 * the output and the digest, so a changed chart gets a new name.
 *
 * @example
 * ```ts
 * chartFileName('plot', 'lineChart', 0, 'a1b2c3d4'); // 'plot-lineChart-0-a1b2c3d4.png'
 * ```
 */
export function chartFileName(pkg: string, example: string, index: number, digest: string): string {
  return `${pkg}-${example}-${index}-${digest}.png`;
}
