/**
 * Diagnosis by matching: the grader evaluates the formulas a learner gets when they make a
 * known mistake (a factor left out, the wrong layer, a transpose…) on the same case, and looks
 * for the one the learner's answer equals, up to a constant factor and a transpose. The hint
 * then names every mistake of the simplest match.
 */

/** Values with a shape: [rows, columns] for a matrix, [n] for a vector. Row-major. */
export interface Grid {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

/** A formula the learner may have written: its value on the case and what is wrong with it. */
export interface Candidate {
  readonly value: Grid;
  /** Hints naming each mistake; empty for the right formula. */
  readonly mistakes: readonly string[];
}

/** A constant factor a known mistake introduces (N for a missing 1/N, −1 for a flipped sign). */
export interface KnownFactor {
  readonly value: number;
  readonly hint: string;
}

/** The simplest candidate the answer equals, with every mistake named. */
export interface Diagnosis {
  readonly hints: readonly string[];
}

const FIT_TOLERANCE = 1e-6;

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function transposeGrid(g: Grid): Grid | undefined {
  if (g.shape.length !== 2) return undefined;
  const [r, c] = g.shape as [number, number];
  const data = new Array<number>(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[j * r + i] = g.data[i * c + j]!;
  return { shape: [c, r], data };
}

function maxAbs(data: readonly number[]): number {
  let m = 0;
  for (const v of data) m = Math.max(m, Math.abs(v));
  return m;
}

/** `got` = c·`want` for one constant c (same shape assumed); c, or undefined. */
export function constantFactor(got: readonly number[], want: readonly number[]): number | undefined {
  let gw = 0;
  let ww = 0;
  for (let i = 0; i < want.length; i++) {
    gw += got[i]! * want[i]!;
    ww += want[i]! * want[i]!;
  }
  if (!(ww > 0) || !Number.isFinite(gw)) return undefined;
  const c = gw / ww;
  if (c === 0) return undefined;
  const scale = Math.max(maxAbs(got), Math.abs(c) * maxAbs(want));
  for (let i = 0; i < want.length; i++) {
    if (Math.abs(got[i]! - c * want[i]!) > FIT_TOLERANCE * scale) return undefined;
  }
  return c;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

/** The hints for factor c: one known factor, a product of two, or a general sentence. */
export function factorHints(c: number, known: readonly KnownFactor[]): string[] {
  if (close(c, 1)) return [];
  for (const k of known) if (close(c, k.value)) return [k.hint];
  for (const a of known) for (const b of known) if (a !== b && close(c, a.value * b.value)) return [a.hint, b.hint];
  return [`the whole result is ${formatNumber(c)} times the expected one: a constant factor is wrong (check the factor 2 from the square, the 1/N and the sign)`];
}

/**
 * The simplest candidate `got` equals, up to a constant factor (named by `known`) and a
 * transpose (named by `transposed`); undefined when none does.
 */
export function diagnose(got: Grid, candidates: readonly Candidate[], known: readonly KnownFactor[], transposed: (want: Grid) => string): Diagnosis | undefined {
  let best: { hints: string[]; score: number } | undefined;
  for (const candidate of candidates) {
    const orientations: { value: Grid; hints: string[] }[] = [{ value: candidate.value, hints: [] }];
    const t = transposeGrid(candidate.value);
    // A 1×1 or symmetric result equals its own transpose; the plain orientation wins on score.
    if (t !== undefined) orientations.push({ value: t, hints: [transposed(candidate.value)] });
    for (const o of orientations) {
      if (!sameShape(got.shape, o.value.shape)) continue;
      const c = constantFactor(got.data, o.value.data);
      if (c === undefined) continue;
      const hints = [...candidate.mistakes, ...o.hints, ...factorHints(c, known)];
      if (hints.length === 0) continue;
      // A general "constant factor" sentence counts as two mistakes: a named one is likelier.
      const score = hints.length + (factorHints(c, known).some((h) => h.startsWith('the whole result is')) ? 1 : 0);
      if (best === undefined || score < best.score) best = { hints, score };
    }
  }
  return best === undefined ? undefined : { hints: best.hints };
}

/**
 * The element where `got` and `want` (same shape) differ most, relative to the scale of `want`;
 * undefined when every element is within tolerance.
 */
export function worstElement(got: Grid, want: Grid, rtol: number): { index: number; element: number[] } | undefined {
  const scale = maxAbs(want.data);
  let worst = -1;
  let worstError = 0;
  for (let i = 0; i < want.data.length; i++) {
    const g = got.data[i]!;
    const error = Number.isNaN(g) ? Infinity : Math.abs(g - want.data[i]!);
    if (error > rtol * scale + 1e-300 && error >= worstError) {
      worst = i;
      worstError = error;
    }
  }
  if (worst < 0) return undefined;
  return { index: worst, element: elementIndex(want.shape, worst) };
}

export function elementIndex(shape: readonly number[], flat: number): number[] {
  if (shape.length === 2) return [Math.floor(flat / shape[1]!), flat % shape[1]!];
  return [flat];
}

/** A number for a message: 6 significant digits, exponent form when tiny or huge. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(6)));
  return x.toExponential(5).replace(/\.?0+e/, 'e');
}
