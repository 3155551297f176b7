import type { HeightsHistogram } from './heights.js';

/**
 * Thrown by {@link parseHeightsCsv} for a malformed row; names the 1-based line and the bad value.
 *
 * @example
 * ```ts
 * try {
 *   parseHeightsCsv('170\n17x');
 * } catch (e) {
 *   if (e instanceof HeightsCsvError) console.log(e.line, e.value); // 2 '17x'
 * }
 * ```
 */
export class HeightsCsvError extends Error {
  override readonly name = 'HeightsCsvError';
  constructor(
    /** 1-based line number in the input text. */
    readonly line: number,
    /** The offending text. */
    readonly value: string,
    expected: string,
  ) {
    super(`parseHeightsCsv: line ${line}: ${JSON.stringify(value)} ${expected}`);
  }
}

/**
 * Options for {@link parseHeightsCsv}.
 *
 * @example
 * ```ts
 * parseHeightsCsv(text, { unit: 'in', binWidth: 1 });
 * ```
 */
export interface ParseHeightsOptions {
  /** Unit of the heights (or bin centres) in the text; the result is always in cm. Default 'cm'. */
  readonly unit?: 'cm' | 'in';
  /**
   * Bin width in the input unit. Raw heights are binned into bins centred on multiples of
   * it; for `centre,count` rows it overrides the spacing inferred from the centres.
   * Default 2.5 for cm (the course grid) and 1 for inches (whole-inch bins, as for Galton).
   */
  readonly binWidth?: number;
}

interface Row {
  readonly line: number;
  readonly fields: string[];
}

const CM_PER_INCH = 2.54;

function splitFields(text: string, delimiter: RegExp): string[] {
  return text.split(delimiter).map((f) => f.trim().replace(/^"(.*)"$/, '$1').trim());
}

function parseNumber(field: string | undefined, line: number, expected: string): number {
  const text = field ?? '';
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new HeightsCsvError(line, text, `is not a number; expected ${expected}`);
  return value;
}

function histogram(centres: Float64Array, counts: Float64Array, widthInUnit: number, unit: 'cm' | 'in'): HeightsHistogram {
  const factor = unit === 'in' ? CM_PER_INCH : 1;
  const total = counts.reduce((s, c) => s + c, 0);
  if (!(total > 0)) throw new RangeError('parseHeightsCsv: the counts sum to 0; expected at least one height');
  const width = widthInUnit * factor;
  return {
    name: 'custom',
    x: centres.map((c) => c * factor),
    y: counts.map((c) => c / (total * width)),
    binWidth: width,
    counts,
    total,
    provenance: `Parsed from text (${unit}), binned into ${width} cm bins; density = count / (N · binWidth).`,
    citation: null,
  };
}

function binRaw(rows: Row[], column: number, unit: 'cm' | 'in', width: number): HeightsHistogram {
  const values = rows.map(({ line, fields }) => {
    const h = parseNumber(fields[column], line, `a height in ${unit}`);
    if (h <= 0) throw new HeightsCsvError(line, fields[column] ?? '', `is not a positive height; expected a height in ${unit}`);
    return h;
  });
  if (values.length === 0) throw new RangeError('parseHeightsCsv: no data rows; expected heights or centre,count rows');
  const bins = values.map((h) => Math.round(h / width));
  const first = Math.min(...bins);
  const last = Math.max(...bins);
  const counts = new Float64Array(last - first + 1);
  for (const b of bins) counts[b - first]! += 1;
  const centres = Float64Array.from(counts, (_, i) => (first + i) * width);
  return histogram(centres, counts, width, unit);
}

function binCounts(rows: Row[], centreCol: number, countCol: number, unit: 'cm' | 'in', widthOption?: number): HeightsHistogram {
  const parsed = rows.map(({ line, fields }) => {
    const centre = parseNumber(fields[centreCol], line, `a bin centre in ${unit}`);
    const count = parseNumber(fields[countCol], line, 'a count');
    if (count < 0) throw new HeightsCsvError(line, fields[countCol] ?? '', 'is a negative count; expected a count ≥ 0');
    return { line, centre, count, text: fields[centreCol] ?? '' };
  });
  if (parsed.length === 0) throw new RangeError('parseHeightsCsv: no data rows; expected heights or centre,count rows');
  parsed.sort((p, q) => p.centre - q.centre);
  let width = widthOption;
  if (width === undefined) {
    width = Infinity;
    for (let i = 1; i < parsed.length; i++) {
      const gap = parsed[i]!.centre - parsed[i - 1]!.centre;
      if (gap === 0) throw new HeightsCsvError(parsed[i]!.line, parsed[i]!.text, 'repeats a bin centre; expected each centre once');
      width = Math.min(width, gap);
    }
    if (width === Infinity) {
      throw new RangeError('parseHeightsCsv: a single centre,count row needs the binWidth option');
    }
  }
  const origin = parsed[0]!.centre;
  const span = Math.round((parsed[parsed.length - 1]!.centre - origin) / width);
  const counts = new Float64Array(span + 1);
  for (const p of parsed) {
    const k = (p.centre - origin) / width;
    if (Math.abs(k - Math.round(k)) > 1e-6) {
      throw new HeightsCsvError(p.line, p.text, `is off the grid of ${width}-${unit} bins starting at ${origin}; expected equally spaced centres`);
    }
    counts[Math.round(k)]! += p.count;
  }
  const centres = Float64Array.from(counts, (_, i) => origin + i * width);
  return histogram(centres, counts, width, unit);
}

/**
 * Read a height histogram from text: either raw heights (one per line, or a `height`
 * column of a CSV with a header), which are binned, or `centre,count` rows. Blank lines and
 * lines starting with `#` are ignored; comma, semicolon and tab delimiters are accepted.
 * The result is in cm, as a density per cm like {@link heights}.
 *
 * @throws HeightsCsvError naming the line and value of a malformed row.
 * @throws RangeError for an empty input or a bad option.
 * @example
 * ```ts
 * const h = parseHeightsCsv('centre,count\n68,3\n69,5\n70,2', { unit: 'in' });
 * h.x;     // Float64Array [172.72, 175.26, 177.8]
 * h.total; // 10
 * ```
 */
export function parseHeightsCsv(text: string, options: ParseHeightsOptions = {}): HeightsHistogram {
  const unit = options.unit ?? 'cm';
  if (unit !== 'cm' && unit !== 'in') {
    throw new RangeError(`parseHeightsCsv: option unit must be 'cm' or 'in', got ${JSON.stringify(unit)}`);
  }
  const width = options.binWidth;
  if (width !== undefined && !(Number.isFinite(width) && width > 0)) {
    throw new RangeError(`parseHeightsCsv: option binWidth must be a positive number, got ${String(width)}`);
  }
  const lines = text.split(/\r?\n/);
  const firstData = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const delimiter = firstData.includes(',') ? /,/ : firstData.includes(';') ? /;/ : firstData.includes('\t') ? /\t/ : /\s+/;

  const rows: Row[] = [];
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    rows.push({ line: i + 1, fields: splitFields(trimmed, delimiter) });
  });
  if (rows.length === 0) throw new RangeError('parseHeightsCsv: no data rows; expected heights or centre,count rows');

  const head = rows[0]!;
  const isHeader = head.fields.some((f) => f !== '' && !Number.isFinite(Number(f)));
  let header: string[] | null = null;
  if (isHeader) {
    const names = head.fields.map((f) => f.toLowerCase());
    // A header is only a header if it names a column we know; otherwise the row is bad data.
    const known = names.some((n) => /^(cent(re|er)|count|.*height)$/.test(n));
    if (known) {
      header = names;
      rows.shift();
    }
  }
  const expectedFields = header?.length ?? rows[0]?.fields.length ?? 1;
  for (const row of rows) {
    if (row.fields.length !== expectedFields) {
      throw new HeightsCsvError(row.line, row.fields.join(','), `has ${row.fields.length} fields; expected ${expectedFields}`);
    }
  }

  if (header) {
    const centre = header.findIndex((n) => n === 'centre' || n === 'center');
    const count = header.indexOf('count');
    if (centre >= 0 && count >= 0) return binCounts(rows, centre, count, unit, width);
    const height = header.findIndex((n) => n.endsWith('height'));
    if (height >= 0) return binRaw(rows, height, unit, width ?? (unit === 'cm' ? 2.5 : 1));
    throw new HeightsCsvError(head.line, head.fields.join(','), "names no usable column; expected 'height' or 'centre,count'");
  }
  if (expectedFields === 1) return binRaw(rows, 0, unit, width ?? (unit === 'cm' ? 2.5 : 1));
  if (expectedFields === 2) return binCounts(rows, 0, 1, unit, width);
  throw new HeightsCsvError(rows[0]!.line, rows[0]!.fields.join(','), `has ${expectedFields} fields; expected a height, or centre,count`);
}
