import { isLandscapeName, type LandscapeName } from './landscapes.js';
import type { GameMode } from './game.js';
import { STRATEGY_NAMES, type StrategyName } from './strategies.js';

/** Everything needed to replay a Sandpit game: landscape, seed, mode and strategy. */
export interface SandpitSettings {
  readonly landscape: LandscapeName;
  readonly seed: number;
  readonly mode: GameMode;
  readonly strategy: StrategyName;
}

/**
 * Reads settings from a URL query, falling back to `defaults` for anything missing or
 * invalid, so a shared link like `?landscape=random&seed=42` replays the same pit.
 *
 * @example
 * ```ts
 * readSandpitSettings(new URLSearchParams('landscape=rocks&seed=7'), defaults).seed; // 7
 * ```
 */
export function readSandpitSettings(query: URLSearchParams, defaults: SandpitSettings): SandpitSettings {
  const landscape = query.get('landscape') ?? '';
  const seed = Number(query.get('seed'));
  const mode = Number(query.get('mode'));
  const strategy = query.get('strategy') ?? '';
  return {
    landscape: isLandscapeName(landscape) ? landscape : defaults.landscape,
    seed: query.has('seed') && Number.isSafeInteger(seed) && seed >= 0 ? seed : defaults.seed,
    mode: query.has('mode') && (mode === 0 || mode === 1 || mode === 2) ? mode : defaults.mode,
    strategy: (STRATEGY_NAMES as readonly string[]).includes(strategy) ? (strategy as StrategyName) : defaults.strategy,
  };
}

/**
 * Writes settings into a URL query (keeping other parameters).
 *
 * @example
 * ```ts
 * writeSandpitSettings(new URLSearchParams(), { landscape: 'well', seed: 3, mode: 0, strategy: 'steepest' }).toString();
 * // 'landscape=well&seed=3&mode=0&strategy=steepest'
 * ```
 */
export function writeSandpitSettings(query: URLSearchParams, s: SandpitSettings): URLSearchParams {
  const out = new URLSearchParams(query);
  out.set('landscape', s.landscape);
  out.set('seed', String(s.seed));
  out.set('mode', String(s.mode));
  out.set('strategy', s.strategy);
  return out;
}
