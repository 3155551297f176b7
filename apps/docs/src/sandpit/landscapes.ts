import type { Rng } from '@slope/models';

/** The Sandpit's landscapes (COURSE.md §3.1), in the order the labs use them. */
export const LANDSCAPE_NAMES = ['intro', 'depth-only', 'random', 'multiple-minima', 'rocks', 'well'] as const;

/** One of {@link LANDSCAPE_NAMES}. */
export type LandscapeName = (typeof LANDSCAPE_NAMES)[number];

/** A height function over the pit [0, 6]² and how it is shown. */
export interface Landscape {
  readonly name: LandscapeName;
  /** The sand's height; the phone lies at its global minimum. */
  readonly f: (x: number, y: number) => number;
  /** Arrow length per unit of |∇depth|: the notebook's 1/5, ×1.5 for random landscapes, ×½ for multiple minima. */
  readonly gradLength: number;
  /** The game mode the lab uses with this landscape (0 arrow, 1 depth only, 2 automatic). */
  readonly defaultMode: 0 | 1 | 2;
  /** Whether the landscape depends on the seed. */
  readonly random: boolean;
}

const GRAD_LENGTH = 1 / 5;
const TAU = 2 * Math.PI;

/** The lab's only fixed landscape: a bowl tilted towards (4.1, 0.9) with a deep well near (1.2, 4.0). */
function introHeight(x: number, y: number): number {
  return -((x - 4.1) ** 2 + (y - 0.9) ** 2) - 30 * Math.exp(-((x - 1.5) ** 2 + (y - 3.7) ** 2) / (2 * 1.4));
}

/** Random Fourier coefficients a[n][m] = U(0,1)·((n+1)(m+1))⁻² with phases φx, φy ~ U(0, 2π), n, m = 0…3. */
interface Fourier {
  readonly a: Float64Array;
  readonly px: Float64Array;
  readonly py: Float64Array;
}

function drawFourier(rng: Rng): Fourier {
  const a = new Float64Array(16);
  const px = new Float64Array(16);
  const py = new Float64Array(16);
  for (let n = 0; n < 4; n++) {
    for (let m = 0; m < 4; m++) {
      const k = 4 * n + m;
      a[k] = rng.uniform() * ((n + 1) * (m + 1)) ** -2;
      px[k] = rng.uniform() * TAU;
      py[k] = rng.uniform() * TAU;
    }
  }
  return { a, px, py };
}

function fourierSum(c: Fourier, x: number, y: number, frequency: number): number {
  let s = 0;
  for (let n = 0; n < 4; n++) {
    for (let m = 0; m < 4; m++) {
      const k = 4 * n + m;
      s += c.a[k]! * Math.cos((frequency * Math.PI * n * x) / 6 + c.px[k]!) * Math.cos((frequency * Math.PI * m * y) / 6 + c.py[k]!);
    }
  }
  return s;
}

/** The random landscape: a Fourier sum plus walls that rise towards the edges of the pit. */
function randomHeight(c: Fourier): (x: number, y: number) => number {
  return (x, y) => fourierSum(c, x, y, 1) + (1 - (x * (x - 6) * y * (y - 6)) / 81) ** 7 / 9;
}

function sinc(r: number): number {
  return r === 0 ? 1 : Math.sin(Math.PI * r) / (Math.PI * r);
}

const WELLS: readonly (readonly [number, number])[] = [[1, 1], [3, 1], [1, 3], [3, 3], [1, 5], [3, 5]];

/**
 * Part 2's "multiple minima": sinc bumps on the even lattice points and sinc wells at six odd
 * ones, one well doubled so it is the deepest, all in a frame rotated by a random θ and
 * shifted by up to ⅓.
 */
function multipleMinimaHeight(rng: Rng): (x: number, y: number) => number {
  const theta = rng.uniform() * TAU;
  const du = (rng.uniform() * 2 - 1) / 3;
  const dv = (rng.uniform() * 2 - 1) / 3;
  const u0 = rng.uniform() < 0.5 ? 1 : 3;
  const v0 = rng.uniform() < 0.5 ? 1 : 3;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return (x, y) => {
    const u = c * (x - 3) + s * (y - 3) + 3 + du;
    const v = -s * (x - 3) + c * (y - 3) + 3 + dv;
    let h = 0;
    // The rotation can bring lattice points from outside the pit into view, so sum a wider lattice.
    for (let i = -4; i <= 10; i += 2) for (let j = -4; j <= 10; j += 2) h += sinc(Math.hypot(u - i, v - j));
    for (const [wu, wv] of WELLS) h -= sinc(Math.hypot(u - wu, v - wv));
    return h - sinc(Math.hypot(u - u0, v - v0));
  };
}

/**
 * Builds a landscape by name. Random landscapes draw all their parameters from `rng`, so
 * the same seed always gives the same pit.
 *
 * @example
 * ```ts
 * const pit = createLandscape('random', createRng(42));
 * pit.f(3, 3);
 * ```
 */
export function createLandscape(name: LandscapeName, rng: Rng): Landscape {
  switch (name) {
    case 'intro':
      return { name, f: introHeight, gradLength: GRAD_LENGTH, defaultMode: 0, random: false };
    case 'depth-only':
      return { name, f: introHeight, gradLength: GRAD_LENGTH, defaultMode: 1, random: false };
    case 'random':
      return { name, f: randomHeight(drawFourier(rng)), gradLength: GRAD_LENGTH * 1.5, defaultMode: 0, random: true };
    case 'multiple-minima':
      return { name, f: multipleMinimaHeight(rng), gradLength: GRAD_LENGTH / 2, defaultMode: 0, random: true };
    case 'rocks': {
      const base = randomHeight(drawFourier(rng));
      const ripples = drawFourier(rng);
      // "Noisy functions": the same kind of sum at ten times the frequency and 1/25 of the size.
      return { name, f: (x, y) => base(x, y) + fourierSum(ripples, x, y, 10) / 25, gradLength: GRAD_LENGTH * 1.5, defaultMode: 0, random: true };
    }
    case 'well': {
      const base = randomHeight(drawFourier(rng));
      const cx = 0.5 + 5 * rng.uniform();
      const cy = 0.5 + 5 * rng.uniform();
      // "Narrow wells": a Gaussian pit of width 0.2 that the arrows barely feel from afar.
      return { name, f: (x, y) => base(x, y) - 0.6 * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * 0.2 ** 2)), gradLength: GRAD_LENGTH * 1.5, defaultMode: 0, random: true };
    }
    default:
      throw new RangeError(`createLandscape: unknown landscape ${JSON.stringify(name)}; expected one of ${LANDSCAPE_NAMES.join(', ')}`);
  }
}

/**
 * Whether `value` names a landscape.
 *
 * @example
 * ```ts
 * isLandscapeName('rocks'); // true
 * ```
 */
export function isLandscapeName(value: string): value is LandscapeName {
  return (LANDSCAPE_NAMES as readonly string[]).includes(value);
}
