import { caseRng } from '../rng.js';

/** One set of bins, a point (μ, σ) and an aggression to grade on. */
export interface HeightsCase {
  readonly label: string;
  /** Bin centres, cm. */
  readonly x: readonly number[];
  /** Density per bin, 1/cm. */
  readonly y: readonly number[];
  readonly mu: number;
  readonly sig: number;
  readonly aggression: number;
}

// The read-only HeightsModule's 17 raw values for the bins starting at 160.0, 162.5, …, 200.0
// (COURSE.md §2.4); every other bin of the 50…297.5 grid is zero.
const COURSE_RAW = [0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.05, 0.018, 0.018, 0.018, 0.001, 0];

function courseHistogram(): { x: number[]; y: number[] } {
  const width = 2.5;
  const x = Array.from({ length: 100 }, (_, i) => 50 + width * i + width / 2);
  const raw = x.map((_, i) => COURSE_RAW[i - 44] ?? 0);
  const total = raw.reduce((s, v) => s + v, 0);
  return { x, y: raw.map((v) => v / (total * width)) };
}

/**
 * The cases one seed grades on: the notebook's test cell (its histogram, μ = 155, σ = 6,
 * aggression 2000; COURSE.md §2.3), then random histograms near random (μ, σ).
 */
export function heightsCases(seed: number): HeightsCase[] {
  const rng = caseRng(seed);
  const cases: HeightsCase[] = [{ label: 'the course histogram at μ = 155, σ = 6, aggression 2000', ...courseHistogram(), mu: 155, sig: 6, aggression: 2000 }];
  while (cases.length < 4) {
    const mu = rng.between(150, 200);
    const sig = rng.between(3, 30);
    const n = rng.int(12, 40);
    const width = rng.between(1, 3);
    const start = mu - rng.between(1.5, 3) * sig;
    const x = Array.from({ length: n }, (_, i) => start + width * (i + 0.5));
    const dataMu = mu + rng.between(-2, 2) * sig;
    const dataSig = sig * rng.between(0.5, 1.5);
    const y = x.map((v) => Math.abs(Math.exp(-((v - dataMu) ** 2) / (2 * dataSig ** 2)) / (dataSig * Math.sqrt(2 * Math.PI)) + rng.normal() * 0.002));
    const aggression = rng.between(100, 3000);
    cases.push({ label: `${n} random bins at μ = ${mu.toFixed(2)}, σ = ${sig.toFixed(2)}, aggression ${aggression.toFixed(1)}`, x, y, mu, sig, aggression });
  }
  return cases;
}
