import { describe, expect, it } from 'vitest';
import { mghProblems, reachedMinimum, residualJacobian, residualValues, sumOfSquares } from './test-mgh.js';

// f(x₀) at the standard starts, computed independently with NumPy from the paper's formulas.
const valueAtStart: Record<number, number> = {
  1: 24.2, 2: 400.5, 3: 1.135262, 4: 9.99998e11, 5: 14.203125, 6: 4171.306, 7: 2500, 8: 41.6817, 9: 3.888107e-6,
  10: 1.693608e9, 11: 12.11071, 12: 1031.154, 13: 215, 14: 19192, 15: 5.313172e-3, 16: 7.926693e6, 17: 0.8790263,
  18: 0.7790701, 19: 2.09342, 20: 30, 21: 121, 22: 645, 23: 148032.6, 24: 162.6528, 25: 2198551, 26: 7.075759e-3,
};

/**
 * Central differences of a vector function, for checking the Jets, with the rounding noise
 * each entry can carry (ε·|F|/h: large where F itself is large, as in Brown's badly scaled problem).
 */
function centralDifferences(f: (x: number[]) => ArrayLike<number>, x: readonly number[], m: number): { values: Float64Array; noise: Float64Array } {
  const n = x.length;
  const values = new Float64Array(m * n);
  const noise = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[j]!));
    const up = f(x.map((v, k) => (k === j ? v + h : v)));
    const down = f(x.map((v, k) => (k === j ? v - h : v)));
    for (let i = 0; i < m; i++) {
      values[i * n + j] = (up[i]! - down[i]!) / (2 * h);
      noise[i * n + j] = (16 * Number.EPSILON * Math.max(Math.abs(up[i]!), Math.abs(down[i]!))) / h;
    }
  }
  return { values, noise };
}

function expectClose(actual: ArrayLike<number>, expected: { values: Float64Array; noise: Float64Array }, relative: number): void {
  const scale = Math.max(1, ...Array.from(expected.values, Math.abs));
  for (let i = 0; i < expected.values.length; i++) {
    expect(Math.abs(actual[i]! - expected.values[i]!)).toBeLessThanOrEqual(relative * scale + expected.noise[i]!);
  }
}

describe('the Moré–Garbow–Hillstrom problems (test data)', () => {
  it('there are 26, numbered as in the paper, with r(x₀) of length m', () => {
    expect(mghProblems.map((p) => p.id)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    for (const p of mghProblems) {
      expect(p.start).toHaveLength(p.n);
      expect(residualValues(p, p.start)).toHaveLength(p.m);
    }
  });

  it.each(mghProblems.map((p) => [p.id, p.name, p] as const))('%i %s: f(x₀) matches the NumPy value', (id, _name, p) => {
    const f0 = sumOfSquares(p).value(p.start);
    expect(Math.abs(f0 - valueAtStart[id]!) / valueAtStart[id]!).toBeLessThan(1e-6);
  });

  it.each(mghProblems.map((p) => [p.id, p.name, p] as const))('%i %s: the Jacobian and the Hessian of f agree with central differences', (_id, _name, p) => {
    // A point near the start, off any symmetry, where every problem is smooth.
    const x = p.start.map((v, j) => v + 0.01 * (j + 1) * (1 + Math.abs(v)) * (j % 2 === 0 ? 1 : -1));
    expectClose(residualJacobian(p, x), centralDifferences((y) => residualValues(p, y), x, p.m), 1e-6);
    const { gradient, hessian } = sumOfSquares(p);
    expectClose(hessian(x), centralDifferences((y) => gradient(y), x, p.n), 1e-6);
    expectClose(gradient(x), centralDifferences((y) => [sumOfSquares(p).value(y)], x, 1), 1e-6);
  });

  it('each refined minimum agrees with the value printed in the paper to its six digits', () => {
    for (const p of mghProblems) {
      // The paper truncates or rounds ("48.9842" for 48.984253…): within one unit of the sixth digit.
      for (const m of p.minima) expect(Math.abs(m.value - m.paper), `${p.name} ${m.paper}`).toBeLessThanOrEqual(m.paper === 0 ? 0 : 10 ** (Math.floor(Math.log10(m.paper)) - 5));
    }
  });

  it('reachedMinimum(p, f) holds within 1e-6 relative of an f* (1e-8 absolute when f* = 0) and nowhere else', () => {
    const jennrich = mghProblems[5]!;
    expect(reachedMinimum(jennrich, 124.3621823556 * (1 + 9e-7))).toBe(true);
    expect(reachedMinimum(jennrich, 124.3621823556 * (1 + 2e-6))).toBe(false);
    expect(reachedMinimum(jennrich, 2020)).toBe(false);
    const freudenstein = mghProblems[1]!;
    expect(reachedMinimum(freudenstein, 5e-9)).toBe(true);
    expect(reachedMinimum(freudenstein, 48.98425367924)).toBe(true);
    expect(reachedMinimum(freudenstein, 20)).toBe(false);
    expect(reachedMinimum(freudenstein, Number.NaN)).toBe(false);
  });
});
