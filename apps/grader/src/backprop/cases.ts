import { caseRng, type CaseRng } from '../rng.js';
import type { Matrix } from '../matrix.js';
import type { NetworkParameters } from './network.js';

/** One random network with data to grade on. */
export interface BackpropCase {
  readonly label: string;
  /** Layer sizes [1, n1, n2, 2]. */
  readonly sizes: readonly [number, number, number, number];
  readonly params: NetworkParameters;
  /** 1×N inputs. */
  readonly x: Matrix;
  /** 2×N targets. */
  readonly y: Matrix;
}

function randomMatrix(rng: CaseRng, rows: number, cols: number, std: number): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * std));
}

function parameters(rng: CaseRng, sizes: readonly number[], std: number): NetworkParameters {
  const [n0, n1, n2, n3] = sizes as [number, number, number, number];
  // The course's draw order: W1, W2, W3, b1, b2, b3 (COURSE.md §1.2).
  const W1 = randomMatrix(rng, n1, n0, std), W2 = randomMatrix(rng, n2, n1, std), W3 = randomMatrix(rng, n3, n2, std);
  const b1 = randomMatrix(rng, n1, 1, std), b2 = randomMatrix(rng, n2, 1, std), b3 = randomMatrix(rng, n3, 1, std);
  return { W1, W2, W3, b1, b2, b3 };
}

/** The course's heart curve (COURSE.md §1.5) at x = 0, 1/N, …, (N−1)/N. */
function heart(n: number): { x: Matrix; y: Matrix } {
  const xs = Array.from({ length: n }, (_, i) => i / n);
  const t = xs.map((v) => 2 * Math.PI * v);
  const h = t.map((s) => (16 * Math.sin(s) ** 3 / 20 + 1) / 2);
  const v = t.map((s) => ((13 * Math.cos(s) - 5 * Math.cos(2 * s) - 2 * Math.cos(3 * s) - Math.cos(4 * s)) / 20 + 1) / 2);
  return { x: [xs], y: [h, v] };
}

/**
 * The cases one seed grades on: first the course's own set-up (1→6→7→2, weights N(0, 0.5²),
 * the 100-point heart), then random networks whose sizes 1, n1, n2, 2 and N all differ, so a
 * shape names the layer it belongs to, with larger weights so σ′ is far from constant.
 */
export function backpropCases(seed: number): BackpropCase[] {
  const rng = caseRng(seed);
  const cases: BackpropCase[] = [];
  const course = heart(100);
  cases.push({ label: 'the course network 1→6→7→2 on the 100-point heart', sizes: [1, 6, 7, 2], params: parameters(rng, [1, 6, 7, 2], 0.5), ...course });
  while (cases.length < 4) {
    const n1 = rng.int(3, 9);
    const n2 = rng.int(3, 9);
    const N = rng.int(10, 30);
    if (n1 === n2 || N === n1 || N === n2) continue;
    const sizes = [1, n1, n2, 2] as const;
    const x = [Array.from({ length: N }, () => rng.uniform())];
    const y = [0, 1].map(() => Array.from({ length: N }, () => rng.uniform()));
    cases.push({ label: `a random network 1→${n1}→${n2}→2 on ${N} random examples`, sizes, params: parameters(rng, sizes, 1.2), x, y });
  }
  return cases;
}
