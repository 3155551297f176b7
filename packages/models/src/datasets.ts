import { heartCurve } from './heart-curve.js';
import { heights } from './heights.js';
import { parseHeightsCsv } from './parse-heights-csv.js';

/**
 * The course data sets in one namespace: `heartCurve(n)`, `heights(name)` and
 * `parseHeightsCsv(text, options)` (each is also exported on its own).
 *
 * @example
 * ```ts
 * const { x, y } = datasets.heartCurve();
 * const course = datasets.heights('course');
 * ```
 */
export const datasets = Object.freeze({ heartCurve, heights, parseHeightsCsv });
