import { describe, expect, it } from 'vitest';
import { leastSquares, steepestDescent, steepestDescentSteps } from './index.js';
import { at } from './test-problems.js';

// Iteration budgets may be as large as the caller likes (1e12 is accepted); what bounds memory
// is `historyLimit`: a long run keeps an evenly thinned history instead of every state.
describe('history stays bounded however large the budget', () => {
  const slope = { f: (x: { data: Float64Array }) => at(x as never, 0), gradient: () => [1] };

  it('a run of 20 000 steps with historyLimit 64 keeps at most 64 states, evenly spaced, from the start to the latest', () => {
    const run = steepestDescentSteps(slope.f, [0], { gradient: slope.gradient, step: 0.1, maxIterations: 1e12, historyLimit: 64 });
    for (const s of run) if (s.iteration === 20_000) break;
    const r = run.result();
    expect(r.reason).toBe('stopped');
    expect(r.iterations).toBe(20_000);
    expect(r.history.length).toBeLessThanOrEqual(65);
    expect(r.history[0]!.iteration).toBe(0);
    expect(r.history.at(-1)!.iteration).toBe(20_000);
    const gaps = new Set(r.history.slice(1, -1).map((s, i) => s.iteration - r.history[i]!.iteration));
    expect(gaps.size).toBe(1);
    expect(r.x[0]).toBeCloseTo(-2000, 6);
  });

  it('the default limit is 10 000 states', () => {
    const r = steepestDescent(slope.f, [0], { gradient: slope.gradient, step: 0.1, maxIterations: 30_000 });
    expect(r.iterations).toBe(30_000);
    expect(r.history.length).toBeLessThanOrEqual(10_001);
    expect(r.history.length).toBeGreaterThan(5_000);
  });

  it('historyLimit must be an integer of at least 2', () => {
    expect(() => steepestDescent(slope.f, [0], { gradient: slope.gradient, historyLimit: 1 })).toThrow(/option "historyLimit" must be an integer of at least 2, got 1/);
    expect(() => leastSquares(() => [1], [0], { jacobian: () => [[1]], historyLimit: 2.5 })).toThrow(RangeError);
  });
});
