type Field = (x: number, y: number) => number;

/** A point of the pit and the height there. */
export interface Located {
  readonly x: number;
  readonly y: number;
  readonly value: number;
}

const clamp = (v: number): number => Math.min(6, Math.max(0, v));

/** Compass (pattern) search inside [0, 6]²: robust without derivatives and never leaves the pit. */
function refine(f: Field, start: Located, sign: 1 | -1, step0: number): Located {
  let { x, y } = start;
  let best = sign * start.value;
  let step = step0;
  while (step > 1e-9) {
    let moved = false;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
      const nx = clamp(x + dx * step);
      const ny = clamp(y + dy * step);
      const v = sign * f(nx, ny);
      if (v < best) {
        best = v;
        x = nx;
        y = ny;
        moved = true;
        break;
      }
    }
    if (!moved) step /= 2;
  }
  return { x, y, value: sign * best };
}

/**
 * The global minimum and maximum of `f` on [0, 6]²: a dense grid search (step 0.05) picks
 * the best few cells, then a compass search polishes each. It stands in for the notebook's
 * scipy differential evolution.
 *
 * @example
 * ```ts
 * const { min } = globalExtrema((x, y) => (x - 1) ** 2 + (y - 2) ** 2);
 * // min ≈ { x: 1, y: 2, value: 0 }
 * ```
 */
export function globalExtrema(f: Field, cells = 120, candidates = 4): { min: Located; max: Located } {
  const step = 6 / cells;
  const points: Located[] = [];
  for (let j = 0; j <= cells; j++) {
    for (let i = 0; i <= cells; i++) {
      const x = i * step;
      const y = j * step;
      points.push({ x, y, value: f(x, y) });
    }
  }
  const best = (sign: 1 | -1): Located => {
    const sorted = [...points].sort((a, b) => sign * (a.value - b.value));
    const picked: Located[] = [];
    // Refine the best cells of distinct basins, not four neighbours of the same one.
    for (const p of sorted) {
      if (picked.length >= candidates) break;
      if (picked.every((q) => Math.hypot(p.x - q.x, p.y - q.y) > 0.5)) picked.push(p);
    }
    return picked.map((p) => refine(f, p, sign, step)).reduce((a, b) => (sign * a.value <= sign * b.value ? a : b));
  };
  return { min: best(1), max: best(-1) };
}
