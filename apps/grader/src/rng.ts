/**
 * The grader's own seeded generator for its test cases. It lives here rather than coming from
 * @slope/models because the grader must stay free of mathjs (it runs in a Web Worker on the
 * docs site); the cases only need reproducible uniform and normal draws.
 */
export interface CaseRng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** A uniform integer from low to high inclusive. */
  int(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/**
 * mulberry32 seeded through a splitmix step, so neighbouring seeds start far apart.
 *
 * @example
 * ```ts
 * const rng = caseRng(1);
 * rng.between(150, 200); // the same number on every run
 * ```
 */
export function caseRng(seed: number): CaseRng {
  let state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const uniform = next;
  return {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    int: (low, high) => low + Math.floor(uniform() * (high - low + 1)),
    normal: () => {
      const u = 1 - uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
  };
}
