import type { Series } from '@slope/plot';

/**
 * Samples `f` at `n` evenly spaced points of [a, b] (endpoints included).
 *
 * @example
 * ```ts
 * const { x, y } = sample(Math.sin, 0, Math.PI, 101);
 * ```
 */
export function sample(f: (x: number) => number, a: number, b: number, n: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = a + ((b - a) * i) / (n - 1);
    x.push(xi);
    y.push(f(xi));
  }
  return { x, y };
}

/**
 * Splits a sampled curve into series at every non-finite or out-of-window value, so
 * asymptotes (1/x at 0) and undefined stretches (log x for x ≤ 0) are gaps, not lines.
 *
 * @example
 * ```ts
 * const pieces = finiteSegments(sample((x) => 1 / x, -2, 2, 201), [-10, 10], { label: '1/x', color: '#1f77b4' });
 * ```
 */
export function finiteSegments(
  curve: { x: readonly number[]; y: readonly number[] },
  yWindow: readonly [number, number],
  style: Omit<Series, 'x' | 'y'>,
): Series[] {
  const [lo, hi] = yWindow;
  const span = hi - lo;
  const out: Series[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  const flush = (): void => {
    if (xs.length > 1) out.push({ ...style, x: xs, y: ys, ...(out.length > 0 ? { label: undefined } : {}) });
    xs = [];
    ys = [];
  };
  curve.x.forEach((xi, i) => {
    const yi = curve.y[i] ?? Number.NaN;
    // A little beyond the window still draws, so a curve leaves the plot instead of stopping short.
    if (Number.isFinite(yi) && yi >= lo - span && yi <= hi + span) {
      xs.push(xi);
      ys.push(yi);
    } else flush();
  });
  flush();
  return out;
}

/**
 * A y-window that shows the bulk of the values: the 2nd to 98th percentile of the finite
 * values, padded by 10 %, so one huge value near an asymptote does not flatten the rest.
 *
 * @example
 * ```ts
 * robustRange([0, 1, 2, 1e9]); // about [-0.2, 2.2] … not [0, 1e9]
 * ```
 */
export function robustRange(values: readonly number[], fallback: readonly [number, number] = [-1, 1]): [number, number] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [fallback[0], fallback[1]];
  const q = (p: number): number => finite[Math.min(finite.length - 1, Math.max(0, Math.round(p * (finite.length - 1))))] as number;
  let lo = q(0.02);
  let hi = q(0.98);
  // A flat curve (or one whose spread is lost in rounding) still gets a visible window.
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi)))) {
    lo -= Math.max(1, Math.abs(lo) * 0.1);
    hi += Math.max(1, Math.abs(hi) * 0.1);
  }
  const pad = 0.1 * (hi - lo);
  return [lo - pad, hi + pad];
}
