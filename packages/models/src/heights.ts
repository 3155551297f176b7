/**
 * A height histogram as a probability density per cm, ready for `fitGaussian`.
 *
 * @example
 * ```ts
 * const { x, y, citation }: HeightsHistogram = heights('galton-sons');
 * fitGaussian(x, y);
 * ```
 */
export interface HeightsHistogram {
  /** Which data set this is (`'custom'` for parsed files). */
  readonly name: string;
  /** Bin centres in cm. */
  readonly x: Float64Array;
  /** Density per cm in each bin; Σ y · binWidth = 1. */
  readonly y: Float64Array;
  /** Bin width in cm. */
  readonly binWidth: number;
  /** Counts per bin when the source gives counts (Galton, parsed files); null for the course data. */
  readonly counts: Float64Array | null;
  /** Total count behind `counts`, or null. */
  readonly total: number | null;
  /** Where the numbers come from, in plain words. */
  readonly provenance: string;
  /** The references to cite, or null when there is nothing to cite. */
  readonly citation: string | null;
  /** The unit the source wrote the heights in (x is always in cm): 'in' for Galton's tables. */
  readonly sourceUnit: 'cm' | 'in' | 'mm' | 'm';
}

/**
 * Names accepted by {@link heights}.
 *
 * @example
 * ```ts
 * const name: HeightsName = 'galton-daughters';
 * ```
 */
export type HeightsName = 'course' | 'galton-sons' | 'galton-daughters';

const INCH = 2.54;

// The 17 literals of the course helper (bins starting at 160.0, 162.5, …, 200.0 cm).
const COURSE_VALUES = [
  0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.05, 0.018, 0.018, 0.018, 0.001, 0,
];

const GALTON_CITATION =
  'F. Galton, "Regression towards mediocrity in hereditary stature", J. Anthropological Institute 15 (1886) 246–263; ' +
  'J. A. Hanley, "\'Transmuting\' women into men: Galton\'s family data on human stature", The American Statistician 58 (2004) 237–243; ' +
  'M. Friendly, HistData R package, data set GaltonFamilies (via Rdatasets, csv/HistData/GaltonFamilies.csv).';

const GALTON: Record<'galton-sons' | 'galton-daughters', { firstInch: number; counts: number[]; who: string }> = {
  'galton-sons': {
    firstInch: 60,
    counts: [1, 0, 0, 6, 8, 21, 35, 47, 57, 67, 70, 73, 47, 31, 10, 4, 1, 1, 1, 1],
    who: 'sons (481 adult male children)',
  },
  'galton-daughters': {
    firstInch: 56,
    counts: [1, 2, 2, 1, 19, 25, 54, 71, 67, 77, 60, 34, 21, 13, 3, 3],
    who: 'daughters (453 adult female children)',
  },
};

function courseHistogram(): HeightsHistogram {
  // The helper's grid: 100 bins of 2.5 cm from 50 cm, zero outside 160–202.5 cm. The zero
  // bins matter: each adds f(x)² to χ², and the notebook's numbers include them.
  const width = 2.5;
  const x = new Float64Array(100);
  const y = new Float64Array(100);
  const first = (160 - 50) / width;
  for (let i = 0; i < 100; i++) x[i] = 50 + i * width + width / 2;
  COURSE_VALUES.forEach((v, i) => (y[first + i] = v));
  const sum = COURSE_VALUES.reduce((s, v) => s + v, 0);
  for (let i = 0; i < 100; i++) y[i]! /= sum * width;
  return {
    name: 'course',
    x,
    y,
    binWidth: width,
    counts: null,
    total: null,
    provenance:
      "The course notebook's histogram (HeightsModule.py): 17 hard-coded proportions for 2.5 cm bins from 160 to 202.5 cm, " +
      'padded with zero bins to the 50–300 cm grid and normalised to a density per cm. Their origin is not stated in the course; ' +
      'they are not known to be survey data.',
    citation: null,
    sourceUnit: 'cm',
  };
}

function galtonHistogram(name: 'galton-sons' | 'galton-daughters'): HeightsHistogram {
  const { firstInch, counts, who } = GALTON[name];
  const total = counts.reduce((s, c) => s + c, 0);
  // Bins [n − ½, n + ½) inches, centred on whole inches, because most heights were recorded
  // to the whole or half inch (COURSE.md §5).
  const x = Float64Array.from(counts, (_, i) => (firstInch + i) * INCH);
  const y = Float64Array.from(counts, (c) => c / (total * INCH));
  return {
    name,
    x,
    y,
    binWidth: INCH,
    counts: Float64Array.from(counts),
    total,
    provenance:
      `Galton's family data (1886), ${who}, counted in 1-inch bins centred on whole inches and converted to cm ` +
      '(1 in = 2.54 cm); density = count / (N · 2.54 cm).',
    citation: GALTON_CITATION,
    sourceUnit: 'in',
  };
}

/**
 * A height histogram, as a density per cm over bin centres in cm.
 *
 * - `'course'`: the course notebook's histogram (COURSE.md §2.4), of unstated origin, on the
 *   notebook's 100-bin grid (50–300 cm, zero outside 160–202.5 cm).
 * - `'galton-sons'`, `'galton-daughters'`: Galton's 1886 family data (HistData
 *   GaltonFamilies), counts per whole-inch bin (COURSE.md §5), with the citation.
 *
 * @throws RangeError for an unknown name.
 * @example
 * ```ts
 * const sons = heights('galton-sons');
 * sons.total;    // 481
 * sons.citation; // 'F. Galton, "Regression towards mediocrity …'
 * ```
 */
export function heights(name: HeightsName): HeightsHistogram {
  if (name === 'course') return courseHistogram();
  if (name === 'galton-sons' || name === 'galton-daughters') return galtonHistogram(name);
  throw new RangeError(
    `heights(name): unknown data set ${JSON.stringify(name)}; expected 'course', 'galton-sons' or 'galton-daughters'`,
  );
}
