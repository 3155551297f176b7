/** Everything that determines a training run, so a URL can replay it exactly. */
export interface BackpropSettings {
  /** Seeds `createRng`: the initial weights are its first draws and the gradient noise continues its stream (as the CLI's `--seed`). */
  readonly seed: number;
  /** Hidden layer sizes; the course uses [6, 7] for a 1-6-7-2 network. */
  readonly hidden: readonly number[];
  /** Step multiplier on each Jacobian; the notebook uses 7. */
  readonly aggression: number;
  /** Relative gradient noise; the notebook uses 1. */
  readonly noise: number;
  /** Iterations before stopping, as the CLI's `--iterations`: the loop makes iterations + 1 updates; the notebook suggests about 50 000. */
  readonly iterations: number;
}

/** The assignment's settings, as in the CLI's defaults (COURSE.md §1.6). */
export const COURSE_SETTINGS: BackpropSettings = { seed: 0, hidden: [6, 7], aggression: 7, noise: 1, iterations: 50000 };

/** Limits that keep a run trainable in a browser tab. */
export const LIMITS = { maxLayers: 3, maxNeurons: 12, aggression: [0.1, 50], noise: [0, 3], iterations: [1, 500000] } as const;

/**
 * Parses "6,7" into hidden layer sizes, or explains what is wrong with it.
 *
 * @example
 * ```ts
 * parseHidden('6, 7'); // { ok: true, hidden: [6, 7] }
 * parseHidden('6,0');  // { ok: false, message: 'layer 2 has 0 neurons; …' }
 * ```
 */
export function parseHidden(text: string): { ok: true; hidden: number[] } | { ok: false; message: string } {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) return { ok: false, message: 'give at least one hidden layer size, e.g. "6,7"' };
  if (parts.length > LIMITS.maxLayers) return { ok: false, message: `at most ${LIMITS.maxLayers} hidden layers, got ${parts.length}` };
  const hidden: number[] = [];
  for (const [i, p] of parts.entries()) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxNeurons) {
      return { ok: false, message: `layer ${i + 1} has ${JSON.stringify(p)} neurons; expected a whole number from 1 to ${LIMITS.maxNeurons}` };
    }
    hidden.push(n);
  }
  return { ok: true, hidden };
}

const within = (v: number, [lo, hi]: readonly [number, number]): boolean => Number.isFinite(v) && v >= lo && v <= hi;

/**
 * Reads settings from a URL query; anything missing or out of range keeps its default.
 *
 * @example
 * ```ts
 * readBackpropSettings(new URLSearchParams('hidden=4,4&seed=9')).hidden; // [4, 4]
 * ```
 */
export function readBackpropSettings(query: URLSearchParams, defaults: BackpropSettings = COURSE_SETTINGS): BackpropSettings {
  const num = (key: string): number => (query.has(key) ? Number(query.get(key)) : Number.NaN);
  const hidden = query.has('hidden') ? parseHidden(query.get('hidden') ?? '') : undefined;
  const seed = num('seed');
  const iterations = num('iterations');
  return {
    seed: Number.isSafeInteger(seed) && seed >= 0 ? seed : defaults.seed,
    hidden: hidden?.ok === true ? hidden.hidden : defaults.hidden,
    aggression: within(num('aggression'), LIMITS.aggression) ? num('aggression') : defaults.aggression,
    noise: within(num('noise'), LIMITS.noise) ? num('noise') : defaults.noise,
    iterations: Number.isInteger(iterations) && within(iterations, LIMITS.iterations) ? iterations : defaults.iterations,
  };
}

/**
 * Writes settings into a URL query, keeping unrelated parameters.
 *
 * @example
 * ```ts
 * writeBackpropSettings(new URLSearchParams(), COURSE_SETTINGS).toString();
 * // 'seed=0&hidden=6%2C7&aggression=7&noise=1&iterations=50000'
 * ```
 */
export function writeBackpropSettings(query: URLSearchParams, s: BackpropSettings): URLSearchParams {
  const out = new URLSearchParams(query);
  out.set('seed', String(s.seed));
  out.set('hidden', s.hidden.join(','));
  out.set('aggression', String(s.aggression));
  out.set('noise', String(s.noise));
  out.set('iterations', String(s.iterations));
  return out;
}
