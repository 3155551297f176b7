import { createRng } from '@slope/models';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { globalExtrema } from './extrema.js';
import { createSandpit, HURRY_AFTER, MAX_DIPS, WIN_RADIUS } from './game.js';
import { createLandscape, LANDSCAPE_NAMES, type LandscapeName } from './landscapes.js';
import { centralGradient, centralHessian } from './numeric.js';
import { nextStep } from './strategies.js';
import { readSandpitSettings, writeSandpitSettings } from './url-state.js';

const intro = () => createLandscape('intro', createRng(0));

describe('globalExtrema', () => {
  it('globalExtrema(f) finds the phone of the intro landscape at about (1.213, 4.009) (COURSE.md §3.1)', () => {
    const { min } = globalExtrema(intro().f);
    expect(min.x).toBeCloseTo(1.213, 2);
    expect(min.y).toBeCloseTo(4.009, 2);
  });

  it('globalExtrema(f) locates the minimum and maximum of any shifted bowl in the pit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5.5, noNaN: true }), fc.double({ min: 0.5, max: 5.5, noNaN: true }), (a, b) => {
        const { min, max } = globalExtrema((x, y) => (x - a) ** 2 + (y - b) ** 2);
        expect(Math.hypot(min.x - a, min.y - b)).toBeLessThan(1e-6);
        // The farthest corner is the maximum.
        expect(Math.hypot(max.x - (a < 3 ? 6 : 0), max.y - (b < 3 ? 6 : 0))).toBeLessThan(1e-6);
      }),
      { numRuns: 15 },
    );
  });
});

describe('central differences', () => {
  it('centralGradient and centralHessian match the closed forms of x²y + sin y', () => {
    const f = (x: number, y: number) => x * x * y + Math.sin(y);
    const [gx, gy] = centralGradient(f, 1.3, 0.7);
    expect(gx).toBeCloseTo(2 * 1.3 * 0.7, 6);
    expect(gy).toBeCloseTo(1.3 ** 2 + Math.cos(0.7), 4);
    const H = centralHessian(f, 1.3, 0.7);
    expect(H[0][0]).toBeCloseTo(2 * 0.7, 4);
    expect(H[0][1]).toBeCloseTo(2 * 1.3, 4);
    expect(H[1][0]).toBe(H[0][1]);
    expect(H[1][1]).toBeCloseTo(-Math.sin(0.7), 3);
  });
});

describe('createLandscape', () => {
  test.each(LANDSCAPE_NAMES.map((n) => [n]))('createLandscape(%s, rng) gives a finite landscape whose depths span −9 to −1', (name: LandscapeName) => {
    const game = createSandpit(createLandscape(name, createRng(11)));
    expect(game.depth(game.phone.x, game.phone.y)).toBeCloseTo(-9, 9);
    expect(game.depth(game.peak.x, game.peak.y)).toBeCloseTo(-1, 9);
    for (let i = 0; i <= 12; i++) {
      for (let j = 0; j <= 12; j++) {
        const d = game.depth(i / 2, j / 2);
        expect(d).toBeGreaterThanOrEqual(-9 - 1e-9);
        expect(d).toBeLessThanOrEqual(-1 + 1e-9);
      }
    }
  });

  test.each([['random'], ['multiple-minima'], ['rocks'], ['well']] as const)('createLandscape(%s) is replayable by its seed and differs between seeds', (name) => {
    const a = createLandscape(name, createRng(5)).f;
    const b = createLandscape(name, createRng(5)).f;
    const c = createLandscape(name, createRng(6)).f;
    expect(a(1.7, 2.9)).toBe(b(1.7, 2.9));
    expect(a(1.7, 2.9)).not.toBe(c(1.7, 2.9));
  });

  it('the arrow scale is the notebook\'s 1/5, ×1.5 on random landscapes and ×½ for multiple minima', () => {
    const rng = createRng(1);
    expect(createLandscape('intro', rng).gradLength).toBeCloseTo(0.2, 12);
    expect(createLandscape('random', rng).gradLength).toBeCloseTo(0.3, 12);
    expect(createLandscape('multiple-minima', rng).gradLength).toBeCloseTo(0.1, 12);
    expect(createLandscape('depth-only', rng).defaultMode).toBe(1);
  });
});

describe('createSandpit', () => {
  it('dip(x, y) within 0.15 of the phone wins and reveals the contours', () => {
    const game = createSandpit(intro());
    game.dip(3, 3);
    expect(game.status).toBe('playing');
    game.dip(game.phone.x + 0.1, game.phone.y - 0.1);
    expect(game.status).toBe('won');
    expect(game.revealed).toBe(true);
    expect(game.message).toContain('2 dips');
    expect(game.dip(1, 1)).toEqual([]);
  });

  it('dip(x, y) just outside the win radius does not win', () => {
    const game = createSandpit(intro());
    game.dip(game.phone.x + WIN_RADIUS + 0.01, game.phone.y);
    expect(game.status).not.toBe('won');
  });

  it('dip(x, y) reports the depth 8(f − f(x1))/(f(x1) − f(x0)) − 1 and, in mode 0, the −J arrow capped at 1 m', () => {
    const land = intro();
    const game = createSandpit(land);
    const [dip] = game.dip(4, 2);
    const { f } = land;
    expect(dip!.depth).toBeCloseTo((8 * (f(4, 2) - game.peak.value)) / (game.peak.value - game.phone.value) - 1, 12);
    const [jx, jy] = centralGradient(game.depth, 4, 2);
    const arrow = dip!.arrow!;
    expect(Math.hypot(arrow.dx, arrow.dy)).toBeCloseTo(Math.min(1, Math.hypot(jx, jy) / 5), 12);
    // −J points downhill: against the gradient.
    expect(arrow.dx * jx + arrow.dy * jy).toBeLessThan(0);
  });

  it('mode 1 shows depth only, with no arrow', () => {
    const game = createSandpit(createLandscape('depth-only', createRng(0)));
    expect(game.mode).toBe(1);
    expect(game.dip(4, 2)[0]!.arrow).toBeUndefined();
  });

  it('mode 2 takes up to five automatic steps after a click, each going downhill with steepest descent', () => {
    const game = createSandpit(createLandscape('random', createRng(3)), { mode: 2 });
    const added = game.dip(3, 3);
    expect(added.length).toBeGreaterThan(1);
    expect(added.length).toBeLessThanOrEqual(6);
    expect(added.slice(1).every((d) => d.auto && d.n === 1)).toBe(true);
    expect(game.clicks).toBe(1);
  });

  it('a dip at a local (not global) minimum says the player is stuck', () => {
    // Find a well of the multiple-minima landscape that is not the phone.
    for (let seed = 0; seed < 20; seed++) {
      const land = createLandscape('multiple-minima', createRng(seed));
      const game = createSandpit(land);
      const other = [[1, 1], [3, 1], [1, 3], [3, 3], [1, 5], [3, 5]]
        .map(([u, v]) => {
          // Descend from a grid point near each well with a crude local search.
          let best = { x: 3, y: 3, v: Infinity };
          for (let i = 0; i <= 60; i++) for (let j = 0; j <= 60; j++) {
            const x = i / 10;
            const y = j / 10;
            const val = land.f(x, y);
            if (Math.hypot(x - u!, y - v!) < 0.9 && val < best.v) best = { x, y, v: val };
          }
          return best;
        })
        .find((p) => Math.hypot(p.x - game.phone.x, p.y - game.phone.y) > 1 && p.x > 0.3 && p.x < 5.7 && p.y > 0.3 && p.y < 5.7);
      if (other === undefined) continue;
      game.dip(other.x, other.y);
      if (game.status === 'stuck') {
        expect(game.message).toContain('local optimum');
        expect(game.revealed).toBe(true);
        return;
      }
    }
    throw new Error('no seed in 0…19 produced a local-minimum dip');
  });

  it(`after ${HURRY_AFTER} dips the game hurries the player, and after more than ${MAX_DIPS} it reveals the answer`, () => {
    const game = createSandpit(intro());
    // Dips along the far edge near the maximum never win and never sit in a local minimum.
    for (let k = 1; k < HURRY_AFTER; k++) {
      game.dip(4 + k * 0.05, 0.5);
      expect(game.status).toBe('playing');
    }
    game.dip(4, 0.6);
    expect(game.status).toBe('hurry');
    expect(game.message).toContain('Hurry up!');
    for (let k = HURRY_AFTER + 1; k <= MAX_DIPS; k++) game.dip(4, 0.6 + k * 0.01);
    expect(game.status).toBe('hurry');
    game.dip(4.2, 1);
    expect(game.status).toBe('lost');
    expect(game.revealed).toBe(true);
    expect(game.message).toContain('Try again');
  });

  it('dip(x, y) outside the pit throws a RangeError naming the point', () => {
    expect(() => createSandpit(intro()).dip(7, 1)).toThrow(/\(7, 1\) is outside the pit/);
  });
});

describe('nextStep', () => {
  test.each([
    ['right', [3, 4], [[1, 0], [0, 1]], [1, 0]],
    ['steepest', [2, -4], [[1, 0], [0, 1]], [-1, 2]],
    ['newton', [2, 4], [[2, 0], [0, 4]], [-1, -1]],
    ['hybrid', [2, 4], [[2, 0], [0, 4]], [-1, -1]],
    // Newton would climb here (H negative definite), so the hybrid falls back to −½J.
    ['hybrid', [2, 4], [[-2, 0], [0, -4]], [-1, -2]],
  ] as const)('nextStep(%s, J=%j, H=%j) is %j', (strategy, J, H, expected) => {
    const s = nextStep(strategy, J, H);
    expect(s[0]).toBeCloseTo(expected[0], 12);
    expect(s[1]).toBeCloseTo(expected[1], 12);
  });
});

describe('URL state', () => {
  it('writeSandpitSettings then readSandpitSettings gives the same settings back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANDSCAPE_NAMES),
        fc.nat({ max: 2 ** 31 }),
        fc.constantFrom(0 as const, 1 as const, 2 as const),
        fc.constantFrom('steepest' as const, 'newton' as const, 'hybrid' as const, 'right' as const),
        (landscape, seed, mode, strategy) => {
          const s = { landscape, seed, mode, strategy };
          expect(readSandpitSettings(writeSandpitSettings(new URLSearchParams('x=1'), s), { landscape: 'intro', seed: 0, mode: 0, strategy: 'steepest' })).toEqual(s);
        },
      ),
    );
  });

  it('readSandpitSettings ignores invalid values', () => {
    const d = { landscape: 'intro', seed: 1, mode: 0, strategy: 'steepest' } as const;
    expect(readSandpitSettings(new URLSearchParams('landscape=moon&seed=-3&mode=7&strategy=fly'), d)).toEqual(d);
  });
});
