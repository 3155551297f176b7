import { createRng } from '@slope/models';
import { describe, expect, it } from 'vitest';
import {
  createHandEngine,
  createGradients,
  heartData,
  initNetwork,
  PARAMETER_NAMES,
  train,
  type GradientEngine,
  type Network,
} from './index.js';

const data = heartData();

/** An engine whose Jacobian entries are all 1, so each update is exactly −aggression·factor. */
function unitEngine(): GradientEngine {
  return {
    name: 'hand',
    gradients(_net, grads) {
      for (const name of PARAMETER_NAMES) grads[name].fill(1);
      return 1;
    },
    cost: () => 1,
    outputs: () => new Float64Array(2 * data.n),
  };
}

const zeros = (): Network => {
  const net = initNetwork([2, 3], { normal: () => 0 });
  return net;
};

describe('train(net, options)', () => {
  it('makes iterations + 1 updates and snapshots where the countdown is a multiple of snapshotEvery', async () => {
    const result = await train(zeros(), { iterations: 300, aggression: 1, noise: 0, snapshotEvery: 100, rng: createRng(0), engine: unitEngine() });
    expect(result.updates).toBe(301);
    expect(result.totalUpdates).toBe(301);
    expect(result.interrupted).toBe(false);
    expect(result.snapshots.map((s) => s.updates)).toEqual([1, 101, 201, 301]);
    expect(result.costHistory.map((p) => p.updates)).toEqual([0, 1, 101, 201, 301]);
    expect(result.network.W1[0]).toBe(-301);
  });

  it('scales each Jacobian by its own 1 + ξ·noise, drawn in the order J_W1, J_W2, J_W3, J_b1, J_b2, J_b3', async () => {
    const draws = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    let next = 0;
    const rng = { normal: () => draws[next++ % draws.length]! };
    const result = await train(zeros(), { iterations: 0, aggression: 2, noise: 3, snapshotEvery: 1, rng, engine: unitEngine() });
    const expected = draws.map((xi) => -2 * (1 + xi * 3));
    expect(PARAMETER_NAMES.map((name) => result.network[name][0])).toEqual(expected);
    expect(next).toBe(6);
  });

  it('leaves the starting network untouched and reduces the cost of the heart network', async () => {
    const rng = createRng(0);
    const start = initNetwork([6, 7], rng);
    const before = Array.from(start.W2);
    const result = await train(start, { iterations: 1000, aggression: 7, noise: 1, snapshotEvery: 100, rng, engine: createHandEngine(data, [6, 7]) });
    expect(Array.from(start.W2)).toEqual(before);
    expect(result.finalCost).toBeLessThan(result.initialCost / 4);
    expect(result.snapshots).toHaveLength(11);
    expect(result.finalOutputs).toHaveLength(200);
  });

  it('is reproducible: the same seed gives the same final network', async () => {
    const once = async () => {
      const rng = createRng(7);
      return train(initNetwork([6, 7], rng), { iterations: 200, aggression: 7, noise: 1, snapshotEvery: 100, rng, engine: createHandEngine(data, [6, 7]) });
    };
    const [a, b] = [await once(), await once()];
    expect(Array.from(a.network.W3)).toEqual(Array.from(b.network.W3));
    expect(a.finalCost).toBe(b.finalCost);
  });

  it('stops at the next yield once its signal is aborted and reports the updates done', async () => {
    const controller = new AbortController();
    const result = await train(zeros(), {
      iterations: 10_000,
      aggression: 1,
      noise: 0,
      snapshotEvery: 100,
      rng: createRng(0),
      engine: unitEngine(),
      signal: controller.signal,
      yieldEvery: 50,
      onProgress: (p) => {
        if (p.updates >= 100) controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.updates).toBe(100);
    expect(result.costHistory.at(-1)?.updates).toBe(100);
  });

  it('reports progress at every yield', async () => {
    const seen: number[] = [];
    await train(zeros(), { iterations: 99, aggression: 1, noise: 0, snapshotEvery: 100, rng: createRng(0), engine: unitEngine(), yieldEvery: 40, onProgress: (p) => seen.push(p.updates) });
    expect(seen).toEqual([40, 80, 100]);
  });

  it('rejects a negative iteration count, naming the option', async () => {
    await expect(train(zeros(), { iterations: -1, aggression: 1, noise: 0, snapshotEvery: 1, rng: createRng(0), engine: unitEngine() })).rejects.toThrow(/iterations/);
  });

  it('createGradients(hidden) matches the parameter shapes', () => {
    const grads = createGradients([6, 7]);
    expect(PARAMETER_NAMES.map((name) => grads[name].length)).toEqual([6, 42, 14, 6, 7, 2]);
  });

  it('keeps at most maxSnapshots snapshots, evenly thinned over the whole run, and computes only those it keeps', async () => {
    let outputs = 0;
    const engine = { ...unitEngine(), outputs: () => (outputs++, new Float64Array(2 * data.n)) };
    const result = await train(zeros(), { iterations: 50_000, aggression: 1e-9, noise: 0, snapshotEvery: 1, maxSnapshots: 1000, rng: createRng(0), engine });
    expect(result.scheduledSnapshots).toBe(50_001);
    expect(result.snapshots.length).toBeLessThanOrEqual(1000);
    expect(result.snapshots.length).toBeGreaterThan(500);
    expect(result.snapshotStride).toBe(64);
    const gaps = new Set(result.snapshots.slice(1).map((snap, i) => snap.updates - result.snapshots[i]!.updates));
    expect([...gaps]).toEqual([64]);
    expect(result.snapshots[0]!.updates).toBe(1);
    expect(50_001 - result.snapshots.at(-1)!.updates).toBeLessThan(64);
    // Each halving costs about 500 outputs: a handful of rounds, not 50,001 forward passes.
    expect(outputs).toBeLessThan(5000);
    expect(result.costHistory.length).toBeLessThanOrEqual(2002);
    expect(result.costHistory.at(-1)!.updates).toBe(50_001);
  });

  it('stops at the first cost that is not finite and says the run diverged', async () => {
    let calls = 0;
    const engine = { ...unitEngine(), gradients: (net: Network, grads: ReturnType<typeof createGradients>) => (calls++, unitEngine().gradients(net, grads), calls > 7 ? Number.NaN : 1) };
    const result = await train(zeros(), { iterations: 1000, aggression: 1, noise: 0, snapshotEvery: 1, rng: createRng(0), engine });
    expect(result.diverged).toBe(true);
    expect(result.updates).toBe(7);
    expect(result.interrupted).toBe(false);
  });
});
