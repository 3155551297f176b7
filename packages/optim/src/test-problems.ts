/** Shared test problems with hand-written derivatives (independent of autodiff). */
import type { Tensor } from '@slope/autodiff';

export const at = (x: Tensor, i: number): number => x.data[i]!;

export const rosenbrock = {
  f: (x: Tensor) => (1 - at(x, 0)) ** 2 + 100 * (at(x, 1) - at(x, 0) ** 2) ** 2,
  gradient: (x: Float64Array) => [-2 * (1 - x[0]!) - 400 * x[0]! * (x[1]! - x[0]! ** 2), 200 * (x[1]! - x[0]! ** 2)],
  hessian: (x: Float64Array) => [
    [2 - 400 * (x[1]! - 3 * x[0]! ** 2), -400 * x[0]!],
    [-400 * x[0]!, 200],
  ],
};

/** ½(x² + κ y²): condition number κ. */
export function valley(kappa: number) {
  return {
    f: (x: Tensor) => 0.5 * (at(x, 0) ** 2 + kappa * at(x, 1) ** 2),
    gradient: (x: Float64Array) => [x[0]!, kappa * x[1]!],
    hessian: () => [
      [1, 0],
      [0, kappa],
    ],
  };
}

/** The course's Newton–Raphson quiz polynomial (COURSE.md §3.3). */
export const quizPolynomial = {
  f: (x: number) => x ** 6 / 6 - 3 * x ** 4 - (2 * x ** 3) / 3 + (27 * x ** 2) / 2 + 18 * x - 30,
  derivative: (x: number) => x ** 5 - 12 * x ** 3 - 2 * x ** 2 + 27 * x + 18,
};

/** The course's heights histogram (COURSE.md §2.4): 100 bins of 2.5 cm from 50 cm, density per cm. */
export function courseHeights(): { x: Float64Array; y: Float64Array } {
  const raw = [0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.05, 0.018, 0.018, 0.018, 0.001, 0];
  const x = Float64Array.from({ length: 100 }, (_, k) => 50 + 2.5 * k + 1.25);
  const y = new Float64Array(100);
  const total = raw.reduce((a, b) => a + b, 0);
  raw.forEach((v, i) => (y[44 + i] = v / (total * 2.5)));
  return { x, y };
}

/** Residuals y − N(x; μ, σ) with their Jacobian, the course's model (COURSE.md §2.1). */
export function gaussianResiduals(x: Float64Array, y: Float64Array) {
  const model = (mu: number, sig: number, xi: number) => Math.exp(-((xi - mu) ** 2) / (2 * sig * sig)) / (sig * Math.sqrt(2 * Math.PI));
  return {
    residuals: (p: Tensor) => Float64Array.from(x, (xi, i) => y[i]! - model(at(p, 0), at(p, 1), xi)),
    jacobian: (p: Float64Array) =>
      Array.from(x, (xi) => {
        const [mu, sig] = [p[0]!, p[1]!];
        const f = model(mu, sig, xi);
        return [-f * ((xi - mu) / sig ** 2), -f * ((xi - mu) ** 2 / sig ** 3 - 1 / sig)];
      }),
  };
}

/** mulberry32 with Box–Muller normals: a small seeded Rng for tests. */
export function seededRng(seed: number): { uniform(): number; normal(): number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()) };
}
