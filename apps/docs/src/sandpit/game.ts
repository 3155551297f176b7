import { bfgs } from '@slope/optim';
import { globalExtrema, type Located } from './extrema.js';
import type { Landscape } from './landscapes.js';
import { centralGradient, centralHessian } from './numeric.js';
import { nextStep, type StrategyName } from './strategies.js';

/** Within this distance of the phone a dip wins (COURSE.md §3.1). */
export const WIN_RADIUS = 0.15;
/** From this many dips on, the game says "Hurry up!". */
export const HURRY_AFTER = 22;
/** More dips than this and the answer is revealed: "Try again". */
export const MAX_DIPS = 25;
/** Automatic steps after each click in mode 2. */
export const AUTO_STEPS = 5;
/** The longest arrow drawn, in metres. */
export const MAX_ARROW = 1;

/** 0: the −J arrow is shown; 1: depth only; 2: automatic steps after each click. */
export type GameMode = 0 | 1 | 2;

/** Where the game stands after a dip. */
export type GameStatus = 'playing' | 'hurry' | 'won' | 'stuck' | 'lost';

/** One measurement with the dip-stick. */
export interface Dip {
  /** 1-based number of the click (automatic steps share their click's number). */
  readonly n: number;
  readonly x: number;
  readonly y: number;
  /** Depth in metres, from −9 at the phone to −1 at the highest point. */
  readonly depth: number;
  /** −J scaled for display, centred on the dip; absent in mode 1. */
  readonly arrow?: { readonly dx: number; readonly dy: number };
  /** Whether the strategy took this step rather than the player. */
  readonly auto: boolean;
}

/** A game of Sandpit on one landscape. */
export interface SandpitGame {
  readonly landscape: Landscape;
  readonly mode: GameMode;
  /** The phone: the global minimum (x0). */
  readonly phone: Located;
  /** The highest point (x1). */
  readonly peak: Located;
  readonly dips: readonly Dip[];
  readonly clicks: number;
  readonly status: GameStatus;
  /** Whether the contours and phone should be shown (after a win, a local minimum or too many dips). */
  readonly revealed: boolean;
  /** The message for the player. */
  readonly message: string;
  /** Depth at any point: 8 (f − f(x1)) / (f(x1) − f(x0)) − 1. */
  depth(x: number, y: number): number;
  /** Push the dip-stick in at (x, y); returns the dips this added (one, or more in mode 2). */
  dip(x: number, y: number): Dip[];
}

/** Options for {@link createSandpit}. */
export interface SandpitOptions {
  readonly mode?: GameMode;
  /** Strategy for mode 2; default 'steepest'. */
  readonly strategy?: StrategyName;
}

const inPit = (x: number, y: number): boolean => x >= 0 && x <= 6 && y >= 0 && y <= 6;

/**
 * Starts a game: finds the phone and the peak, and returns the game state with its `dip`
 * action. Each dip reports the depth, adds the −J arrow (mode 0), and checks for a win
 * (within {@link WIN_RADIUS} of the phone) or a local minimum (a local minimiser started
 * at the dip ends within {@link WIN_RADIUS} of it), then the dip limits.
 *
 * @example
 * ```ts
 * const game = createSandpit(createLandscape('intro', createRng(0)));
 * game.dip(1.213, 4.009);
 * game.status; // 'won'
 * ```
 */
export function createSandpit(landscape: Landscape, options: SandpitOptions = {}): SandpitGame {
  const mode = options.mode ?? landscape.defaultMode;
  if (mode !== 0 && mode !== 1 && mode !== 2) throw new RangeError(`createSandpit: option mode must be 0, 1 or 2, got ${String(mode)}`);
  const strategy = options.strategy ?? 'steepest';
  const { f } = landscape;
  const { min: phone, max: peak } = globalExtrema(f);
  const range = peak.value - phone.value;
  const depth = (x: number, y: number): number => (8 * (f(x, y) - peak.value)) / range - 1;
  const dips: Dip[] = [];
  let clicks = 0;
  let status: GameStatus = 'playing';
  let message = 'Click anywhere in the pit to push in the dip-stick.';

  const isLocalMinimum = (x: number, y: number): boolean => {
    const result = bfgs((p) => f(p.data[0]!, p.data[1]!), [x, y], {
      gradient: (p) => centralGradient(f, p[0]!, p[1]!, 1e-6),
      maxIterations: 200,
    });
    const [mx, my] = result.x;
    return Math.hypot(mx! - x, my! - y) < WIN_RADIUS && inPit(mx!, my!);
  };

  const measure = (n: number, x: number, y: number, auto: boolean): Dip => {
    const d = depth(x, y);
    if (mode === 1) return { n, x, y, depth: d, auto };
    const [jx, jy] = centralGradient(depth, x, y);
    const length = Math.min(MAX_ARROW, Math.hypot(jx, jy) * landscape.gradLength);
    const norm = Math.hypot(jx, jy) || 1;
    return { n, x, y, depth: d, auto, arrow: { dx: (-jx / norm) * length, dy: (-jy / norm) * length } };
  };

  // Win first, then the local-minimum check; returns whether the game ended here.
  const judge = (x: number, y: number): boolean => {
    if (Math.hypot(x - phone.x, y - phone.y) < WIN_RADIUS) {
      status = 'won';
      message = `Well done! You found the phone in ${clicks} dip${clicks === 1 ? '' : 's'}.`;
      return true;
    }
    if (isLocalMinimum(x, y)) {
      status = 'stuck';
      message = "Oh no! You've got stuck in a local optimum. Try again.";
      return true;
    }
    return false;
  };

  const game: SandpitGame = {
    landscape,
    mode,
    phone,
    peak,
    get dips() { return dips; },
    get clicks() { return clicks; },
    get status() { return status; },
    get revealed() { return status === 'won' || status === 'stuck' || status === 'lost'; },
    get message() { return message; },
    depth,
    dip(x, y) {
      if (game.revealed) return [];
      if (!(Number.isFinite(x) && Number.isFinite(y) && inPit(x, y))) {
        throw new RangeError(`SandpitGame.dip: (${x}, ${y}) is outside the pit; expected 0 ≤ x, y ≤ 6`);
      }
      clicks += 1;
      const added = [measure(clicks, x, y, false)];
      dips.push(added[0]!);
      message = `${clicks}) ${added[0]!.depth.toFixed(2)}m`;
      if (judge(x, y)) return added;
      if (mode === 2) {
        let px = x;
        let py = y;
        for (let k = 0; k < AUTO_STEPS; k++) {
          const J = centralGradient(depth, px, py);
          const H = centralHessian(depth, px, py);
          const [sx, sy] = nextStep(strategy, J, H);
          const nx = px + sx;
          const ny = py + sy;
          if (!inPit(nx, ny)) break;
          const step = measure(clicks, nx, ny, true);
          dips.push(step);
          added.push(step);
          px = nx;
          py = ny;
          if (judge(px, py)) return added;
        }
      }
      if (clicks > MAX_DIPS) {
        status = 'lost';
        message = `That's ${clicks} dips. The phone was at (${phone.x.toFixed(2)}, ${phone.y.toFixed(2)}). Try again.`;
      } else if (clicks >= HURRY_AFTER) {
        status = 'hurry';
        message = `${message} — Hurry up! ${MAX_DIPS - clicks + 1} dip${MAX_DIPS - clicks + 1 === 1 ? '' : 's'} left.`;
      }
      return added;
    },
  };
  return game;
}
