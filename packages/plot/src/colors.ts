/**
 * The course's plotting colours (matplotlib's named colours, as the course notebooks use
 * them), plus the neutral ink and a blue for secondary series.
 *
 * - `green`: data, target curves, contour lines and the data/model overlap in histograms.
 * - `magenta`: where a model exceeds the data, descent paths, intermediate training outputs.
 * - `orange`: where the data exceed the model, final results, the last point of a path.
 *
 * @example
 * ```ts
 * import { courseColors } from '@slope/plot';
 * courseColors.magenta; // '#ff00ff'
 * ```
 */
export const courseColors = Object.freeze({
  green: '#008000',
  magenta: '#ff00ff',
  orange: '#ffa500',
  blue: '#1f77b4',
  ink: '#222222',
} as const);

/**
 * Names of {@link courseColors}.
 *
 * @example
 * ```ts
 * const name: CourseColor = 'orange';
 * ```
 */
export type CourseColor = keyof typeof courseColors;

/**
 * The same colour with an alpha channel, as an `rgba(…)` string chart.js understands.
 * Accepts `#rgb` and `#rrggbb` hex colours (every entry of {@link courseColors}).
 *
 * @example
 * ```ts
 * withAlpha(courseColors.magenta, 0.1); // 'rgba(255, 0, 255, 0.1)'
 * ```
 */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (match == null) {
    throw new TypeError(`withAlpha: colour must be a #rgb or #rrggbb hex string, got ${JSON.stringify(hex)}`);
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new RangeError(`withAlpha: alpha must be in [0, 1], got ${alpha}`);
  }
  const digits = match[1] ?? '';
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const r = Number.parseInt(full.slice(0, 2), 16);
  const g = Number.parseInt(full.slice(2, 4), 16);
  const b = Number.parseInt(full.slice(4, 6), 16);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
