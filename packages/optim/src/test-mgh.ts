/**
 * The Moré–Garbow–Hillstrom test set: problems 1–26 of J. J. Moré, B. S. Garbow and
 * K. E. Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7(1), 17–41 (1981),
 * written from the paper as sums of squares f(x) = Σ rᵢ(x)², with the paper's standard
 * starting points and its reported minima f*. Where the paper leaves n (and m) free, the sizes
 * are the usual ones: Watson n = 6, extended Rosenbrock n = 10, extended Powell n = 12,
 * penalty I and II n = 10, variably dimensioned n = 10, trigonometric n = 10, Gulf m = 99,
 * Box m = 10, Jennrich–Sampson m = 10.
 *
 * Each minimum is kept as printed in the paper (six significant digits) and refined to ten
 * digits by SciPy's `least_squares` (lm and trf agree) from the same start, because a 1e-6
 * relative test needs more digits than the paper prints; `test-mgh.test.ts` checks that each
 * refined value rounds to the printed one. Minima "at infinity" (Bard 17.4286, Kowalik–Osborne
 * 1.02734e-3) are not listed: no finite run can reach them.
 */
import { Jet } from './test-jet.js';

export interface MghMinimum {
  /** f* as printed in the paper. */
  readonly paper: number;
  /** The same minimum to ten digits (SciPy), for the 1e-6 relative test. */
  readonly value: number;
}

export interface MghProblem {
  /** The problem's number in the paper. */
  readonly id: number;
  readonly name: string;
  readonly n: number;
  readonly m: number;
  /** The paper's standard starting point. */
  readonly start: readonly number[];
  /** The local minima the paper reports (reaching any of them counts). */
  readonly minima: readonly MghMinimum[];
  /** r(x) written with Jets, so values, Jacobians and residual Hessians come from one definition. */
  readonly residuals: (x: readonly Jet[]) => Jet[];
}

const zero: MghMinimum = { paper: 0, value: 0 };
const sqrt5 = Math.sqrt(5);
const sqrt10 = Math.sqrt(10);

/** A constant with the derivative shape of `like`. */
const constant = (like: Jet, c: number): Jet => like.mul(0).add(c);

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

const bard = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];
const gaussianY = [0.0009, 0.0044, 0.0175, 0.054, 0.1295, 0.242, 0.3521, 0.3989, 0.3521, 0.242, 0.1295, 0.054, 0.0175, 0.0044, 0.0009];
const meyerY = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];
const kowalikY = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
const kowalikU = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
const osborne1Y = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.58, 0.558, 0.538, 0.522, 0.506, 0.49,
  0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.42, 0.414, 0.411, 0.406,
];
const osborne2Y = [
  1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649,
  0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.5, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653,
  0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.71, 0.729, 0.72, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054,
];

/** Problems 1–26, in the paper's order. */
export const mghProblems: readonly MghProblem[] = [
  {
    id: 1,
    name: 'Rosenbrock',
    n: 2,
    m: 2,
    start: [-1.2, 1],
    minima: [zero],
    residuals: ([x1, x2]) => [x2!.sub(x1!.square()).mul(10), x1!.neg().add(1)],
  },
  {
    id: 2,
    name: 'Freudenstein and Roth',
    n: 2,
    m: 2,
    start: [0.5, -2],
    minima: [zero, { paper: 48.9842, value: 48.98425367924 }],
    residuals: ([x1, x2]) => [
      x1!.add(x2!.neg().add(5).mul(x2!).sub(2).mul(x2!)).sub(13),
      x1!.add(x2!.add(1).mul(x2!).sub(14).mul(x2!)).sub(29),
    ],
  },
  {
    id: 3,
    name: 'Powell badly scaled',
    n: 2,
    m: 2,
    start: [0, 1],
    minima: [zero],
    residuals: ([x1, x2]) => [x1!.mul(x2!).mul(1e4).sub(1), x1!.neg().exp().add(x2!.neg().exp()).sub(1.0001)],
  },
  {
    id: 4,
    name: 'Brown badly scaled',
    n: 2,
    m: 3,
    start: [1, 1],
    minima: [zero],
    residuals: ([x1, x2]) => [x1!.sub(1e6), x2!.sub(2e-6), x1!.mul(x2!).sub(2)],
  },
  {
    id: 5,
    name: 'Beale',
    n: 2,
    m: 3,
    start: [1, 1],
    minima: [zero],
    residuals: ([x1, x2]) => [1.5, 2.25, 2.625].map((y, k) => x2!.pow(k + 1).neg().add(1).mul(x1!).neg().add(y)),
  },
  {
    id: 6,
    name: 'Jennrich and Sampson',
    n: 2,
    m: 10,
    start: [0.3, 0.4],
    minima: [{ paper: 124.362, value: 124.3621823556 }],
    residuals: ([x1, x2]) => range(1, 10).map((i) => x1!.mul(i).exp().add(x2!.mul(i).exp()).neg().add(2 + 2 * i)),
  },
  {
    id: 7,
    name: 'Helical valley',
    n: 3,
    m: 3,
    start: [-1, 0, 0],
    minima: [zero],
    residuals: ([x1, x2, x3]) => {
      // θ = arctan(x2/x1)/2π, plus ½ when x1 < 0 (the paper's branch); ±¼ on x1 = 0 as MINPACK does.
      let theta: Jet;
      if (x1!.value === 0) theta = constant(x1!, x2!.value >= 0 ? 0.25 : -0.25);
      else {
        theta = x2!.div(x1!).atan().div(2 * Math.PI);
        if (x1!.value < 0) theta = theta.add(0.5);
      }
      return [x3!.sub(theta.mul(10)).mul(10), x1!.square().add(x2!.square()).sqrt().sub(1).mul(10), x3!];
    },
  },
  {
    id: 8,
    name: 'Bard',
    n: 3,
    m: 15,
    start: [1, 1, 1],
    minima: [{ paper: 8.21487e-3, value: 8.214877306579e-3 }],
    residuals: ([x1, x2, x3]) =>
      range(1, 15).map((i) => {
        const u = i;
        const v = 16 - i;
        const w = Math.min(u, v);
        return x1!.add(x2!.mul(v).add(x3!.mul(w)).reciprocal().mul(u)).neg().add(bard[i - 1]!);
      }),
  },
  {
    id: 9,
    name: 'Gaussian',
    n: 3,
    m: 15,
    start: [0.4, 1, 0],
    minima: [{ paper: 1.12793e-8, value: 1.127932769619e-8 }],
    residuals: ([x1, x2, x3]) =>
      range(1, 15).map((i) => {
        const t = (8 - i) / 2;
        return x1!.mul(x2!.mul(x3!.neg().add(t).square()).mul(-0.5).exp()).sub(gaussianY[i - 1]!);
      }),
  },
  {
    id: 10,
    name: 'Meyer',
    n: 3,
    m: 16,
    start: [0.02, 4000, 250],
    minima: [{ paper: 87.9458, value: 87.94585517 }],
    residuals: ([x1, x2, x3]) => range(1, 16).map((i) => x1!.mul(x2!.div(x3!.add(45 + 5 * i)).exp()).sub(meyerY[i - 1]!)),
  },
  {
    id: 11,
    name: 'Gulf research and development',
    n: 3,
    m: 99,
    start: [5, 2.5, 0.15],
    minima: [zero],
    residuals: ([x1, x2, x3]) =>
      range(1, 99).map((i) => {
        const t = i / 100;
        const y = 25 + (-50 * Math.log(t)) ** (2 / 3);
        return x2!.neg().add(y).abs().powJet(x3!).div(x1!).neg().exp().sub(t);
      }),
  },
  {
    id: 12,
    name: 'Box three-dimensional',
    n: 3,
    m: 10,
    start: [0, 10, 20],
    minima: [zero],
    residuals: ([x1, x2, x3]) =>
      range(1, 10).map((i) => {
        const t = 0.1 * i;
        return x1!.mul(-t).exp().sub(x2!.mul(-t).exp()).sub(x3!.mul(Math.exp(-t) - Math.exp(-10 * t)));
      }),
  },
  {
    id: 13,
    name: 'Powell singular',
    n: 4,
    m: 4,
    start: [3, -1, 0, 1],
    minima: [zero],
    residuals: (x) => powellBlock(x[0]!, x[1]!, x[2]!, x[3]!),
  },
  {
    id: 14,
    name: 'Wood',
    n: 4,
    m: 6,
    start: [-3, -1, -3, -1],
    minima: [zero],
    residuals: ([x1, x2, x3, x4]) => [
      x2!.sub(x1!.square()).mul(10),
      x1!.neg().add(1),
      x4!.sub(x3!.square()).mul(Math.sqrt(90)),
      x3!.neg().add(1),
      x2!.add(x4!).sub(2).mul(sqrt10),
      x2!.sub(x4!).div(sqrt10),
    ],
  },
  {
    id: 15,
    name: 'Kowalik and Osborne',
    n: 4,
    m: 11,
    start: [0.25, 0.39, 0.415, 0.39],
    minima: [{ paper: 3.07505e-4, value: 3.075056038492e-4 }],
    residuals: ([x1, x2, x3, x4]) =>
      kowalikU.map((u, i) => x1!.mul(x2!.mul(u).add(u * u)).div(x3!.mul(u).add(x4!).add(u * u)).neg().add(kowalikY[i]!)),
  },
  {
    id: 16,
    name: 'Brown and Dennis',
    n: 4,
    m: 20,
    start: [25, 5, -5, -1],
    minima: [{ paper: 85822.2, value: 85822.20162636 }],
    residuals: ([x1, x2, x3, x4]) =>
      range(1, 20).map((i) => {
        const t = i / 5;
        return x1!.add(x2!.mul(t)).sub(Math.exp(t)).square().add(x3!.add(x4!.mul(Math.sin(t))).sub(Math.cos(t)).square());
      }),
  },
  {
    id: 17,
    name: 'Osborne 1',
    n: 5,
    m: 33,
    start: [0.5, 1.5, -1, 0.01, 0.02],
    minima: [{ paper: 5.46489e-5, value: 5.464894697482e-5 }],
    residuals: ([x1, x2, x3, x4, x5]) =>
      range(1, 33).map((i) => {
        const t = 10 * (i - 1);
        return x1!.add(x2!.mul(x4!.mul(-t).exp())).add(x3!.mul(x5!.mul(-t).exp())).neg().add(osborne1Y[i - 1]!);
      }),
  },
  {
    id: 18,
    name: 'Biggs EXP6',
    n: 6,
    m: 13,
    start: [1, 2, 1, 1, 1, 1],
    minima: [zero, { paper: 5.65565e-3, value: 5.655649925e-3 }],
    residuals: ([x1, x2, x3, x4, x5, x6]) =>
      range(1, 13).map((i) => {
        const t = 0.1 * i;
        const y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
        return x3!.mul(x1!.mul(-t).exp()).sub(x4!.mul(x2!.mul(-t).exp())).add(x6!.mul(x5!.mul(-t).exp())).sub(y);
      }),
  },
  {
    id: 19,
    name: 'Osborne 2',
    n: 11,
    m: 65,
    start: [1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5],
    minima: [{ paper: 4.01377e-2, value: 4.013773629355e-2 }],
    residuals: (x) =>
      range(1, 65).map((i) => {
        const t = (i - 1) / 10;
        const bump = (a: Jet, width: Jet, centre: Jet) => a.mul(centre.neg().add(t).square().mul(width).neg().exp());
        return x[0]!
          .mul(x[4]!.mul(-t).exp())
          .add(bump(x[1]!, x[5]!, x[8]!))
          .add(bump(x[2]!, x[6]!, x[9]!))
          .add(bump(x[3]!, x[7]!, x[10]!))
          .neg()
          .add(osborne2Y[i - 1]!);
      }),
  },
  {
    id: 20,
    name: 'Watson (n = 6)',
    n: 6,
    m: 31,
    start: [0, 0, 0, 0, 0, 0],
    minima: [{ paper: 2.28767e-3, value: 2.287670053553e-3 }],
    residuals: (x) => {
      const out = range(1, 29).map((i) => {
        const t = i / 29;
        let s1 = constant(x[0]!, 0);
        let s2 = constant(x[0]!, 0);
        for (let j = 2; j <= x.length; j++) s1 = s1.add(x[j - 1]!.mul((j - 1) * t ** (j - 2)));
        for (let j = 1; j <= x.length; j++) s2 = s2.add(x[j - 1]!.mul(t ** (j - 1)));
        return s1.sub(s2.square()).sub(1);
      });
      out.push(x[0]!, x[1]!.sub(x[0]!.square()).sub(1));
      return out;
    },
  },
  {
    id: 21,
    name: 'Extended Rosenbrock (n = 10)',
    n: 10,
    m: 10,
    start: [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1],
    minima: [zero],
    residuals: (x) => range(0, 4).flatMap((k) => [x[2 * k + 1]!.sub(x[2 * k]!.square()).mul(10), x[2 * k]!.neg().add(1)]),
  },
  {
    id: 22,
    name: 'Extended Powell singular (n = 12)',
    n: 12,
    m: 12,
    start: [3, -1, 0, 1, 3, -1, 0, 1, 3, -1, 0, 1],
    minima: [zero],
    residuals: (x) => range(0, 2).flatMap((k) => powellBlock(x[4 * k]!, x[4 * k + 1]!, x[4 * k + 2]!, x[4 * k + 3]!)),
  },
  {
    id: 23,
    name: 'Penalty I (n = 10)',
    n: 10,
    m: 11,
    start: range(1, 10),
    minima: [{ paper: 7.08765e-5, value: 7.08765146709e-5 }],
    residuals: (x) => {
      const a = Math.sqrt(1e-5);
      let s = constant(x[0]!, 0);
      for (const xj of x) s = s.add(xj.square());
      return [...x.map((xj) => xj.sub(1).mul(a)), s.sub(0.25)];
    },
  },
  {
    id: 24,
    name: 'Penalty II (n = 10)',
    n: 10,
    m: 20,
    start: Array<number>(10).fill(0.5),
    minima: [{ paper: 2.9366e-4, value: 2.936605374567e-4 }],
    residuals: (x) => {
      const n = x.length;
      const a = Math.sqrt(1e-5);
      const out = [x[0]!.sub(0.2)];
      for (let i = 2; i <= n; i++) {
        const y = Math.exp(i / 10) + Math.exp((i - 1) / 10);
        out.push(x[i - 1]!.div(10).exp().add(x[i - 2]!.div(10).exp()).sub(y).mul(a));
      }
      for (let i = n + 1; i < 2 * n; i++) out.push(x[i - n]!.div(10).exp().sub(Math.exp(-0.1)).mul(a));
      let s = constant(x[0]!, 0);
      for (let j = 1; j <= n; j++) s = s.add(x[j - 1]!.square().mul(n - j + 1));
      out.push(s.sub(1));
      return out;
    },
  },
  {
    id: 25,
    name: 'Variably dimensioned (n = 10)',
    n: 10,
    m: 12,
    start: range(1, 10).map((j) => 1 - j / 10),
    minima: [zero],
    residuals: (x) => {
      let s = constant(x[0]!, 0);
      x.forEach((xj, j) => (s = s.add(xj.sub(1).mul(j + 1))));
      return [...x.map((xj) => xj.sub(1)), s, s.square()];
    },
  },
  {
    id: 26,
    name: 'Trigonometric (n = 10)',
    n: 10,
    m: 10,
    start: Array<number>(10).fill(0.1),
    // 2.79506e-5 is the local minimum the standard start leads to for n = 10 (MINPACK's own
    // test driver reports the same ‖r‖ = 5.28683e-3).
    minima: [zero, { paper: 2.79506e-5, value: 2.79505612188e-5 }],
    residuals: (x) => {
      const n = x.length;
      let c = constant(x[0]!, 0);
      for (const xj of x) c = c.add(xj.cos());
      return x.map((xi, k) => c.neg().add(n).add(xi.cos().neg().add(1).mul(k + 1)).sub(xi.sin()));
    },
  },
];

function powellBlock(a: Jet, b: Jet, c: Jet, d: Jet): Jet[] {
  return [a.add(b.mul(10)), c.sub(d).mul(sqrt5), b.sub(c.mul(2)).square(), a.sub(d).square().mul(sqrt10)];
}

/** r(x) as plain numbers. */
export function residualValues(p: MghProblem, x: ArrayLike<number>): Float64Array {
  return Float64Array.from(p.residuals(Jet.variables(x, 0)), (r) => r.value);
}

/** The m×n Jacobian ∂rᵢ/∂xⱼ, row-major. */
export function residualJacobian(p: MghProblem, x: ArrayLike<number>): Float64Array {
  const rows = p.residuals(Jet.variables(x, 1));
  const out = new Float64Array(p.m * p.n);
  rows.forEach((r, i) => out.set(r.gradient!, i * p.n));
  return out;
}

/** f(x) = Σ rᵢ², its gradient 2Jᵀr and Hessian 2(JᵀJ + Σ rᵢ∇²rᵢ). */
export function sumOfSquares(p: MghProblem) {
  const n = p.n;
  const value = (x: ArrayLike<number>): number => residualValues(p, x).reduce((s, r) => s + r * r, 0);
  const gradient = (x: ArrayLike<number>): Float64Array => {
    const g = new Float64Array(n);
    for (const r of p.residuals(Jet.variables(x, 1))) for (let j = 0; j < n; j++) g[j]! += 2 * r.value * r.gradient![j]!;
    return g;
  };
  const hessian = (x: ArrayLike<number>): Float64Array => {
    const h = new Float64Array(n * n);
    for (const r of p.residuals(Jet.variables(x, 2))) {
      const g = r.gradient!;
      const rh = r.hessian!;
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) h[j * n + k]! += 2 * (g[j]! * g[k]! + r.value * rh[j * n + k]!);
    }
    return h;
  };
  return { value, gradient, hessian };
}

/** Relative tolerance for a nonzero f*, and the absolute bound when f* = 0 (the rule). */
export const MGH_RELATIVE_TOLERANCE = 1e-6;
export const MGH_ZERO_TOLERANCE = 1e-8;

/** Whether f is one of the problem's minima to the stated tolerance (or below all of them). */
export function reachedMinimum(p: MghProblem, f: number): boolean {
  if (!Number.isFinite(f)) return false;
  const lowest = Math.min(...p.minima.map((m) => m.value));
  if (f <= lowest + tolerance(lowest)) return true;
  return p.minima.some((m) => Math.abs(f - m.value) <= tolerance(m.value));
}

function tolerance(fStar: number): number {
  return fStar === 0 ? MGH_ZERO_TOLERANCE : MGH_RELATIVE_TOLERANCE * fStar;
}
