import type { HeightsHistogram } from './heights.js';
import { rejectUnknownOptions } from './options.js';

/**
 * A length unit a heights file may be written in.
 *
 * @example
 * ```ts
 * const unit: HeightUnit = 'mm';
 * ```
 */
export type HeightUnit = 'cm' | 'in' | 'mm' | 'm';

const CM_PER: Readonly<Record<HeightUnit, number>> = { cm: 1, in: 2.54, mm: 0.1, m: 100 };
const UNIT_WORDS: Readonly<Record<HeightUnit, string>> = { cm: 'centimetres', in: 'inches', mm: 'millimetres', m: 'metres' };
const UNITS = Object.keys(CM_PER) as HeightUnit[];
const DEFAULT_BIN_WIDTH: Readonly<Record<HeightUnit, number>> = { cm: 2.5, in: 1, mm: 25, m: 0.025 };

/**
 * Heights outside this range, in cm, are refused as implausible for a person: from below the
 * smallest newborn to above the tallest adult on record (272 cm). A value that lands inside it
 * when read in another unit is reported as that unit's slip.
 *
 * @example
 * ```ts
 * const [lowest, highest] = PLAUSIBLE_HEIGHT_CM; // [20, 300]
 * ```
 */
export const PLAUSIBLE_HEIGHT_CM = [20, 300] as const;

/**
 * The most bins {@link parseHeightsCsv} makes. With plausible heights only a bin width below
 * 0.03 cm reaches it; beyond it every chart and fit of the histogram would slow down for
 * nothing, so it is refused with the smallest width that fits.
 *
 * @example
 * ```ts
 * const tall = Array.from({ length: 41 }, (_, i) => 160 + i).join('\n'); // 160 … 200 cm
 * parseHeightsCsv(tall, { binWidth: 0.01 }).x.length;        // 4001 bins
 * try {
 *   parseHeightsCsv(tall, { binWidth: 40 / MAX_HEIGHT_BINS });
 * } catch (error) {
 *   console.log((error as Error).message); // '… make 10,001 bins; expected at most 10,000 (MAX_HEIGHT_BINS): use a binWidth of at least 0.0040004 cm'
 * }
 * ```
 */
export const MAX_HEIGHT_BINS = 10_000;

/**
 * Thrown by {@link parseHeightsCsv} for a malformed or implausible row; names the 1-based line,
 * the bad value and, for a value that looks like another unit, that unit.
 *
 * @example
 * ```ts
 * try {
 *   parseHeightsCsv('170\n1720\n175');
 * } catch (e) {
 *   if (e instanceof HeightsCsvError) console.log(e.line, e.value, e.likelyUnit); // 2 '1720' 'mm'
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
    /** The unit the value looks like it was written in, when it looks like a unit slip. */
    readonly likelyUnit: HeightUnit | null = null,
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
  /**
   * Unit of the heights (or bin centres) in the text; the result is always in cm. Default: the
   * unit named in the header (`height (in)`, `height_mm`, …), else 'cm'.
   */
  readonly unit?: HeightUnit;
  /**
   * Bin width in the input unit. Raw heights are binned into bins centred on multiples of
   * it; for `centre,count` rows it overrides the spacing inferred from the centres.
   * Default 2.5 cm (the course grid), 1 inch (whole-inch bins, as for Galton), 25 mm, 0.025 m.
   */
  readonly binWidth?: number;
}

const OPTION_NAMES = ['unit', 'binWidth'] as const;

// Plain decimals only. Number() also reads "0xAA" (170), "0b11" and "0o7", which are not
// heights anyone wrote down; "Infinity" and "" (0) are caught by the finiteness and empty checks.
function parseDecimal(field: string): number {
  if (field === '') return Number.NaN;
  if (field.length > 1 && field.charCodeAt(0) === 48 && /[xXbBoO]/.test(field[1]!)) return Number.NaN;
  const value = Number(field);
  return Number.isFinite(value) ? value : Number.NaN;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number a one-field line holds, reading the characters directly: the common
 * `[-]digits[.digits]` with at most 15 digits is exactly `digits / 10^k`, one correctly rounded
 * division (both operands are exact doubles), so it equals Number(text). Anything else (quotes,
 * exponents, long digit strings) goes through the general path. NaN for no number.
 */
function scanNumber(line: string): number {
  const end = line.length;
  let i = 0;
  while (i < end && line.charCodeAt(i) <= 32) i++;
  let stop = end;
  while (stop > i && line.charCodeAt(stop - 1) <= 32) stop--;
  let negative = false;
  if (i < stop && (line.charCodeAt(i) === 45 || line.charCodeAt(i) === 43)) negative = line.charCodeAt(i++) === 45;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < stop; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return parseDecimal(unquote(line));
    }
  }
  if (digits === 0 || digits > 15) return parseDecimal(unquote(line));
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
  return negative ? -value : value;
}

function unquote(field: string): string {
  const f = field.trim();
  return f.length >= 2 && f.charCodeAt(0) === 34 && f.charCodeAt(f.length - 1) === 34 ? f.slice(1, -1).trim() : f;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** A column header reduced to its name and the unit it names, if any: `Height (cm)` → height, cm. */
const UNIT_NAME = '(cm|mm|m|in|inch|inches|centimetres|centimeters|millimetres|millimeters|metres|meters)';
// The unit must be set off from the name: "height (cm)", "height [in]", "height_mm", "height/m",
// "height cm" — never run into it, as the "m" of "childnum".
const HEADER_UNIT = new RegExp(`^(.*?)(?:\\s*[([]\\s*${UNIT_NAME}\\s*[)\\]]|[\\s_/-]+${UNIT_NAME})$`);

/** A column header reduced to its name and the unit it names, if any: `Height (cm)` → height, cm. */
function readHeader(field: string): { name: string; unit: HeightUnit | null } {
  const lower = field.toLowerCase().trim();
  const match = HEADER_UNIT.exec(lower);
  if (match == null || match[1]!.trim() === '') return { name: lower, unit: null };
  const word = (match[2] ?? match[3])!;
  const unit: HeightUnit = word.startsWith('in') ? 'in' : word.startsWith('c') ? 'cm' : word === 'mm' || word.startsWith('mi') ? 'mm' : 'm';
  return { name: match[1]!.trim(), unit };
}

interface Table {
  readonly header: { readonly line: number; readonly names: string[]; readonly units: (HeightUnit | null)[] } | null;
  readonly lines: readonly string[];
  /** Indices into `lines` of the data rows (header, blank and comment lines left out). */
  readonly rows: Int32Array;
  /** Fields per data row: the header's, else the first data row's. */
  readonly fields: number;
  readonly split: (line: string) => string[];
}

function splitter(sample: string): (line: string) => string[] {
  if (sample.includes(',')) return (line) => line.split(',');
  if (sample.includes(';')) return (line) => line.split(';');
  if (sample.includes('\t')) return (line) => line.split('\t');
  return (line) => line.split(/\s+/);
}

/**
 * Finds the header (when the first row names columns), the delimiter and the data rows. Rows
 * are not split here: a million one-field rows would each cost an array.
 */
function readTable(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/);
  const kept = new Int32Array(lines.length);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let j = 0;
    while (j < line.length && line.charCodeAt(j) <= 32) j++;
    // Blank lines and # comments are skipped.
    if (j < line.length && line.charCodeAt(j) !== 35) kept[count++] = i;
  }
  if (count === 0) throw new RangeError('parseHeightsCsv: no data rows; expected heights or centre,count rows');
  const first = lines[kept[0]!]!.trim();
  const firstFields = splitter(first)(first).map(unquote);
  const named = firstFields.some((f) => Number.isNaN(parseDecimal(f)) && f !== '');
  // A header is only a header if it names a column we know; otherwise the row is bad data.
  const isHeader = named && /height|cent(re|er)|count|freq/i.test(first);
  const dataStart = isHeader ? 1 : 0;
  const sample = count > dataStart ? lines[kept[dataStart]!]!.trim() : first;
  const split = splitter(sample);
  const rows = kept.subarray(dataStart, count);
  const sampleFields = split(sample).length;
  if (!isHeader) return { header: null, lines, rows, fields: sampleFields, split };
  // "Height (cm)" over one value per line is one column whose name has a space in it.
  const headerFields = sampleFields === 1 && rows.length > 0 ? [unquote(first)] : split(first).map(unquote);
  const read = headerFields.map(readHeader);
  return {
    header: { line: kept[0]! + 1, names: read.map((r) => r.name), units: read.map((r) => r.unit) },
    lines,
    rows,
    fields: headerFields.length,
    split,
  };
}

interface Column {
  readonly values: Float64Array;
  /** 1-based line of each value. */
  readonly lines: Int32Array;
  /** The text of value i as written, for messages. */
  readonly texts: (i: number) => string;
}

function fieldsOf(table: Table, k: number): string[] {
  return table.split(table.lines[table.rows[k]!]!.trim()).map(unquote);
}

function fieldCountError(table: Table, k: number): HeightsCsvError {
  const fields = fieldsOf(table, k);
  return new HeightsCsvError(table.rows[k]! + 1, fields.join(','), `has ${fields.length} fields; expected ${table.fields}`);
}

function readColumn(table: Table, column: number, expected: string): Column {
  const { rows, lines: text } = table;
  const n = rows.length;
  const values = new Float64Array(n);
  const lines = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let v: number;
    if (table.fields === 1) {
      v = scanNumber(text[rows[k]!]!);
    } else {
      const parts = table.split(text[rows[k]!]!.trim());
      if (parts.length !== table.fields) throw fieldCountError(table, k);
      v = parseDecimal(unquote(parts[column]!));
    }
    if (Number.isNaN(v)) {
      const field = table.fields === 1 ? unquote(text[rows[k]!]!) : unquote(table.split(text[rows[k]!]!.trim())[column]!);
      // "170 3" under a one-column layout is a row with too many fields, not a bad number.
      if (table.fields === 1 && fieldsOf(table, k).length !== 1) throw fieldCountError(table, k);
      throw new HeightsCsvError(rows[k]! + 1, field, `is not a number; expected ${expected}`);
    }
    values[k] = v;
    lines[k] = rows[k]! + 1;
  }
  return { values, lines, texts: (i) => (table.fields === 1 ? unquote(text[rows[i]!]!.trim()) : fieldsOf(table, i)[column] ?? '') };
}

/** The other units in which `value` would be a plausible height, the one nearest `typicalCm` first. */
function slipUnits(value: number, unit: HeightUnit, typicalCm: number): HeightUnit[] {
  const [low, high] = PLAUSIBLE_HEIGHT_CM;
  return UNITS.filter((u) => u !== unit && value * CM_PER[u] >= low && value * CM_PER[u] <= high).sort(
    (a, b) => Math.abs(Math.log(value * CM_PER[a]) - Math.log(typicalCm)) - Math.abs(Math.log(value * CM_PER[b]) - Math.log(typicalCm)),
  );
}

function slipAdvice(value: number, unit: HeightUnit, slip: HeightUnit): string {
  return `it looks like ${UNIT_WORDS[slip]} (${formatNumber(value)} ${slip} = ${formatNumber(value * CM_PER[slip])} cm): correct that line, or pass unit '${slip}' if the whole file is in ${UNIT_WORDS[slip]}`;
}

/**
 * Every value must be a positive height a person can have, in `unit`; a value that would be
 * one in another unit is named as that unit's slip.
 */
function checkPlausible(column: Column, unit: HeightUnit, what: string, skip?: (i: number) => boolean): void {
  const [low, high] = PLAUSIBLE_HEIGHT_CM;
  const { values, lines } = column;
  const lowIn = low / CM_PER[unit];
  const highIn = high / CM_PER[unit];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= lowIn && v <= highIn) continue;
    if (skip?.(i) === true) continue;
    if (!(v > 0)) throw new HeightsCsvError(lines[i]!, column.texts(i), `is not a positive height; expected ${what} in ${unit}`);
    const [slip] = slipUnits(v, unit, 170);
    const range = `expected ${formatNumber(lowIn)}–${formatNumber(highIn)} ${unit}${unit === 'cm' ? '' : ` (${low}–${high} cm)`}`;
    throw new HeightsCsvError(
      lines[i]!,
      column.texts(i),
      `is not a plausible height in ${UNIT_WORDS[unit]}; ${range}${slip === undefined ? '' : `; ${slipAdvice(v, unit, slip)}`}`,
      slip ?? null,
    );
  }
}

/** The q-quantile of a histogram (counts on an evenly spaced grid), interpolated inside a bin. */
function binnedQuantile(origin: number, width: number, counts: Float64Array, total: number, q: number): number {
  const target = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (below + c >= target && c > 0) return origin + (i - 0.5 + (target - below) / c) * width;
    below += c;
  }
  return origin + (counts.length - 0.5) * width;
}

/**
 * Heights far outside the rest (beyond Tukey's outer fences, 3 interquartile ranges past the
 * quartiles) that land among the rest when read in another unit, are that unit's slip: an inch
 * value among centimetres is a plausible height on its own, so only the data can tell.
 */
function checkUnitSlips(column: Column, weights: ((i: number) => number) | null, unit: HeightUnit, grid: { origin: number; width: number; counts: Float64Array; total: number }): void {
  const { origin, width, counts, total } = grid;
  if (total < 4) return;
  const q1 = binnedQuantile(origin, width, counts, total, 0.25);
  const q3 = binnedQuantile(origin, width, counts, total, 0.75);
  // A histogram whose middle half sits in one bin still has a spread of about a bin.
  const iqr = Math.max(q3 - q1, width);
  const [outerLow, outerHigh] = [q1 - 3 * iqr, q3 + 3 * iqr];
  const [innerLow, innerHigh] = [q1 - 1.5 * iqr, q3 + 1.5 * iqr];
  const { values, lines } = column;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= outerLow && v <= outerHigh) continue;
    if (weights != null && !(weights(i) > 0)) continue;
    for (const slip of slipUnits(v, unit, ((q1 + q3) / 2) * CM_PER[unit])) {
      const asUnit = (v * CM_PER[slip]) / CM_PER[unit];
      if (asUnit >= innerLow && asUnit <= innerHigh) {
        const middle = `${formatNumber(q1)}–${formatNumber(q3)} ${unit}`;
        throw new HeightsCsvError(
          lines[i]!,
          column.texts(i),
          `lies far outside the other heights (middle half ${middle}) but among them in ${UNIT_WORDS[slip]}; ${slipAdvice(v, unit, slip)}`,
          slip,
        );
      }
    }
  }
}

function tooManyBins(bins: number, width: number, unit: HeightUnit, low: number, high: number): string {
  return (
    `bins of ${formatNumber(width)} ${unit} over ${formatNumber(low)}–${formatNumber(high)} ${unit} make ${bins.toLocaleString('en-US')} bins; ` +
    `expected at most ${MAX_HEIGHT_BINS.toLocaleString('en-US')} (MAX_HEIGHT_BINS)`
  );
}

function smallestWidth(unit: HeightUnit, low: number, high: number): string {
  return `use a binWidth of at least ${formatNumber((high - low) / (MAX_HEIGHT_BINS - 1))} ${unit}`;
}

/** A value in `unit` in cm; millimetres by division, which is exact where × 0.1 is not. */
function toCm(value: number, unit: HeightUnit): number {
  return unit === 'mm' ? value / 10 : value * CM_PER[unit];
}

/**
 * The density histogram in cm. `firstBin` is the index of the first bin on the grid of
 * multiples of the width (raw heights), or null for a grid that starts at `origin` (centre,count
 * rows); multiples are converted as index × width-in-cm, so 1700 mm is 170 cm to the last digit.
 */
function histogram(origin: number, firstBin: number | null, counts: Float64Array, width: number, unit: HeightUnit, total: number): HeightsHistogram {
  const binWidth = toCm(width, unit);
  const x = new Float64Array(counts.length);
  const y = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    x[i] = firstBin == null ? toCm(origin + i * width, unit) : (firstBin + i) * binWidth;
    y[i] = counts[i]! / (total * binWidth);
  }
  return {
    name: 'custom',
    x,
    y,
    binWidth,
    counts,
    total,
    provenance: `Parsed from text (${unit}), binned into ${binWidth} cm bins; density = count / (N · binWidth).`,
    citation: null,
    sourceUnit: unit,
  };
}

function binRaw(column: Column, unit: HeightUnit, width: number): HeightsHistogram {
  checkPlausible(column, unit, 'a height');
  const { values } = column;
  // Loops, not Math.min(...bins): a spread of a million arguments overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const b = Math.round(values[i]! / width);
    if (b < first) first = b;
    if (b > last) last = b;
  }
  const bins = last - first + 1;
  if (bins > MAX_HEIGHT_BINS) {
    throw new RangeError(`parseHeightsCsv: ${tooManyBins(bins, width, unit, first * width, last * width)}: ${smallestWidth(unit, first * width, last * width)}`);
  }
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) counts[Math.round(values[i]! / width) - first]! += 1;
  const origin = first * width;
  checkUnitSlips(column, null, unit, { origin, width, counts, total: values.length });
  return histogram(origin, first, counts, width, unit, values.length);
}

function binCounts(table: Table, centreCol: number, countCol: number, unit: HeightUnit, widthOption?: number): HeightsHistogram {
  const centres = readColumn(table, centreCol, `a bin centre in ${unit}`);
  const counts = readColumn(table, countCol, 'a count');
  const n = centres.values.length;
  for (let i = 0; i < n; i++) {
    if (counts.values[i]! < 0) throw new HeightsCsvError(counts.lines[i]!, counts.texts(i), 'is a negative count; expected a count ≥ 0');
  }
  // Empty bins may pad the grid anywhere (the course's own grid runs to 298.75 cm); occupied ones must be heights.
  checkPlausible(centres, unit, 'a bin centre', (i) => counts.values[i] === 0 && centres.values[i]! >= 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => centres.values[p]! - centres.values[q]!);
  const at = (k: number) => centres.values[order[k]!]!;
  let width = widthOption;
  if (width === undefined) {
    width = Infinity;
    for (let k = 1; k < n; k++) {
      const gap = at(k) - at(k - 1);
      if (gap === 0) throw new HeightsCsvError(centres.lines[order[k]!]!, centres.texts(order[k]!), 'repeats a bin centre; expected each centre once');
      width = Math.min(width, gap);
    }
    if (width === Infinity) throw new RangeError('parseHeightsCsv: a single centre,count row needs the binWidth option');
  }
  const origin = at(0);
  const bins = Math.round((at(n - 1) - origin) / width) + 1;
  if (bins > MAX_HEIGHT_BINS) {
    const problem = tooManyBins(bins, width, unit, origin, at(n - 1));
    // Usually one far-off (empty) centre stretches the grid: name its line.
    const [low, high] = PLAUSIBLE_HEIGHT_CM.map((cm) => cm / CM_PER[unit]) as [number, number];
    const far = at(n - 1) > high ? order[n - 1]! : origin < low ? order[0]! : -1;
    if (far >= 0) throw new HeightsCsvError(centres.lines[far]!, centres.texts(far), `stretches the grid of bins: ${problem}`);
    throw new RangeError(`parseHeightsCsv: ${problem}: ${smallestWidth(unit, origin, at(n - 1))}`);
  }
  const grid = new Float64Array(bins);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const position = (centres.values[i]! - origin) / width;
    if (Math.abs(position - Math.round(position)) > 1e-6) {
      throw new HeightsCsvError(centres.lines[i]!, centres.texts(i), `is off the grid of ${width}-${unit} bins starting at ${origin}; expected equally spaced centres`);
    }
    grid[Math.round(position)]! += counts.values[i]!;
    total += counts.values[i]!;
  }
  if (!(total > 0)) throw new RangeError('parseHeightsCsv: the counts sum to 0; expected at least one height');
  checkUnitSlips(centres, (i) => counts.values[i]!, unit, { origin, width, counts: grid, total });
  return histogram(origin, null, grid, width, unit, total);
}

function pickUnit(table: Table, columns: readonly number[], option: HeightUnit | undefined): HeightUnit {
  const named = table.header == null ? [] : columns.map((c) => table.header!.units[c]).filter((u): u is HeightUnit => u != null);
  const fromHeader = named[0];
  if (fromHeader !== undefined && option !== undefined && fromHeader !== option) {
    const header = table.header!;
    throw new HeightsCsvError(header.line, header.names.join(','), `names the unit ${fromHeader}, but option unit is '${option}'; expected them to agree`, fromHeader);
  }
  return option ?? fromHeader ?? 'cm';
}

/**
 * Read a height histogram from text: either raw heights (one per line, or a `height` column of
 * a CSV with a header), which are binned, or `centre,count` rows. Blank lines and lines starting
 * with `#` are ignored; comma, semicolon, tab and space delimiters and LF, CRLF or CR line ends
 * are accepted. The result is in cm, as a density per cm like {@link heights}.
 *
 * Every height (and every occupied bin centre) must be a plausible height for a person
 * ({@link PLAUSIBLE_HEIGHT_CM}); a value that is one only in another unit (1720 among
 * centimetres: millimetres; 1.72: metres) is reported with that unit, and so is a height far
 * outside the rest that lands among them in another unit (68 among centimetres: inches). At most
 * {@link MAX_HEIGHT_BINS} bins are made. A million raw heights take well under a second.
 *
 * @throws HeightsCsvError naming the line and value of a malformed or implausible row.
 * @throws RangeError for an empty input, a bad option value or too many bins.
 * @throws TypeError for text that is not a string or an unknown option name (naming the closest one).
 * @example
 * ```ts
 * const h = parseHeightsCsv('centre,count\n68,3\n69,5\n70,2', { unit: 'in' });
 * h.x;     // Float64Array [172.72, 175.26, 177.8]
 * h.total; // 10
 * ```
 */
export function parseHeightsCsv(text: string, options: ParseHeightsOptions = {}): HeightsHistogram {
  if (typeof text !== 'string') {
    throw new TypeError(`parseHeightsCsv(text): text must be a string (the file's contents), got ${text == null ? 'null' : typeof text}`);
  }
  rejectUnknownOptions('parseHeightsCsv', options, OPTION_NAMES);
  const unitOption = options.unit;
  if (unitOption !== undefined && !UNITS.includes(unitOption)) {
    throw new RangeError(`parseHeightsCsv: option unit must be one of ${UNITS.map((u) => `'${u}'`).join(', ')}, got ${JSON.stringify(unitOption)}`);
  }
  const widthOption = options.binWidth;
  if (widthOption !== undefined && !(typeof widthOption === 'number' && Number.isFinite(widthOption) && widthOption > 0)) {
    throw new RangeError(`parseHeightsCsv: option binWidth must be a positive number, got ${String(widthOption)}`);
  }

  const table = readTable(text);
  const { header, rows } = table;
  if (rows.length === 0) throw new RangeError('parseHeightsCsv: no data rows; expected heights or centre,count rows');
  const expectedFields = table.fields;

  const raw = (column: number) => {
    const unit = pickUnit(table, [column], unitOption);
    return binRaw(readColumn(table, column, `a height in ${unit}`), unit, widthOption ?? DEFAULT_BIN_WIDTH[unit]);
  };
  if (header != null) {
    const { names } = header;
    const centre = names.findIndex((n) => n === 'centre' || n === 'center');
    const count = names.findIndex((n) => n === 'count' || n === 'frequency');
    if (centre >= 0 && count >= 0) return binCounts(table, centre, count, pickUnit(table, [centre], unitOption), widthOption);
    const exact = names.indexOf('height');
    const heightColumns = names.flatMap((n, i) => (n.includes('height') ? [i] : []));
    if (exact >= 0) return raw(exact);
    if (heightColumns.length === 1) return raw(heightColumns[0]!);
    const what =
      heightColumns.length > 1
        ? `names ${heightColumns.length} height columns (${heightColumns.map((i) => names[i]).join(', ')}); expected one, or one called 'height'`
        : "names no usable column; expected 'height' or 'centre,count'";
    throw new HeightsCsvError(header.line, names.join(','), what);
  }
  if (expectedFields === 1) return raw(0);
  if (expectedFields === 2) return binCounts(table, 0, 1, unitOption ?? 'cm', widthOption);
  throw new HeightsCsvError(rows[0]! + 1, fieldsOf(table, 0).join(','), `has ${expectedFields} fields; expected a height, or centre,count`);
}
