import { grad, matmul, sigmoid, tanh, tensor, type Tensor } from '@slope/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, heartCurve, mlp, MLP_COST_HISTORY_LIMIT, MLP_MAX_TRAIN_ITERATIONS, type LayerParameters } from './index.js';

const heart = heartCurve();

// The same cost, C = ‖a_L − y‖²_F / N, written with @slope/autodiff ops as an independent oracle.
function autodiffCost(layers: number, activation: (t: Tensor) => Tensor, x: number[][], y: number[][]) {
  return (...params: Tensor[]) => {
    let a = tensor(x);
    for (let l = 0; l < layers; l++) a = activation(matmul(params[l]!, a).add(params[layers + l]!));
    return a.sub(tensor(y)).square().sum().div(x[0]!.length);
  };
}

function flatten(params: LayerParameters[]): number[] {
  return params.flatMap((p) => p.weights.flat()).concat(params.flatMap((p) => p.biases));
}

describe('mlp', () => {
  it("mlp({ layers: [1, 6, 7, 2], init: 'course' }) draws N(0, 0.5²) in the order W1, W2, W3, b1, b2, b3", () => {
    const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(3) });
    const rng = createRng(3);
    const expected = Array.from({ length: 6 + 42 + 14 + 6 + 7 + 2 }, () => rng.normal() / 2);
    expect(flatten(net.parameters())).toEqual(expected);
    const shapes = net.parameters().map((p) => [p.weights.length, p.weights[0]!.length, p.biases.length]);
    expect(shapes).toEqual([[6, 1, 6], [7, 6, 7], [2, 7, 2]]);
  });

  it("mlp({ init: 'xavier' }) draws weights with variance 2/(fanIn + fanOut) and zero biases", () => {
    const net = mlp({ layers: [200, 300, 1], rng: createRng(9), init: 'xavier' });
    const w = net.parameters()[0]!.weights.flat();
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeCloseTo(2 / 500, 4);
    expect(net.parameters().every((p) => p.biases.every((b) => b === 0))).toBe(true);
  });

  it('mlp.forward(x) computes σ(W a + b) layer by layer, examples as columns', () => {
    const parameters = [
      { weights: [[1], [-2]], biases: [0.5, 0] },
      { weights: [[0.3, -0.7]], biases: [0.1] },
    ];
    const net = mlp({ layers: [1, 2, 1], activation: 'tanh', parameters });
    const out = net.forward([0.2, -1]);
    for (const [k, x] of [0.2, -1].entries()) {
      const h = [Math.tanh(x + 0.5), Math.tanh(-2 * x)];
      expect(out[0]![k]).toBeCloseTo(Math.tanh(0.3 * h[0]! - 0.7 * h[1]! + 0.1), 15);
    }
  });

  it.each([
    ['sigmoid' as const, sigmoid],
    ['tanh' as const, tanh],
  ])('mlp.gradients(x, y) (%s) equal @slope/autodiff grad of the same cost on the heart curve', (activation, act) => {
    const net = mlp({ layers: [1, 6, 7, 2], activation, rng: createRng(21) });
    const x = [Array.from(heart.x)];
    const y = heart.y.map((row) => Array.from(row));
    const params = net.parameters();
    const f = autodiffCost(3, act, x, y);
    expect(f(...params.map((p) => tensor(p.weights)), ...params.map((p) => tensor(p.biases.map((b) => [b])))).item()).toBeCloseTo(
      net.cost(heart.x, heart.y),
      13,
    );
    const reference = grad(f, { argnums: [0, 1, 2, 3, 4, 5] })(
      ...params.map((p) => p.weights),
      ...params.map((p) => p.biases.map((b) => [b])),
    );
    const ours = net.gradients(heart.x, heart.y);
    ours.forEach((layer, l) => {
      const dw = reference[l]!.toArray() as number[][];
      const db = (reference[3 + l]!.toArray() as number[][]).map((row) => row[0]!);
      layer.weights.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(dw[i]![j]!, 13)));
      layer.biases.forEach((v, i) => expect(v).toBeCloseTo(db[i]!, 13));
    });
  });

  it('mlp.gradients(x, y) match central differences of mlp.cost for every activation (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('sigmoid' as const, 'tanh' as const, 'linear' as const, 'relu' as const), fc.integer({ min: 0, max: 1000 }), (activation, seed) => {
        const net = mlp({ layers: [2, 3, 2], activation, rng: createRng(seed) });
        const rng = createRng(seed + 1);
        const x = [0, 1].map(() => Array.from({ length: 5 }, () => rng.normal()));
        const y = [0, 1].map(() => Array.from({ length: 5 }, () => rng.uniform()));
        const params = net.parameters();
        const g = net.gradients(x, y);
        const h = 1e-6;
        const probe = (edit: (p: LayerParameters[], d: number) => void) => {
          const plus = structuredClone(params);
          const minus = structuredClone(params);
          edit(plus, h);
          edit(minus, -h);
          net.setParameters(plus);
          const cp = net.cost(x, y);
          net.setParameters(minus);
          const cm = net.cost(x, y);
          net.setParameters(params);
          return (cp - cm) / (2 * h);
        };
        // relu has a kink at 0, but random data put no pre-activation within h of it.
        expect(g[0]!.weights[1]![0]).toBeCloseTo(probe((p, d) => (p[0]!.weights[1]![0]! += d)), 6);
        expect(g[1]!.weights[0]![2]).toBeCloseTo(probe((p, d) => (p[1]!.weights[0]![2]! += d)), 6);
        expect(g[0]!.biases[2]).toBeCloseTo(probe((p, d) => (p[0]!.biases[2]! += d)), 6);
        expect(g[1]!.biases[1]).toBeCloseTo(probe((p, d) => (p[1]!.biases[1]! += d)), 6);
      }),
      { numRuns: 40 },
    );
  });

  it('mlp.train on heartCurve() with the course settings (aggression 7, noise 1) lowers the cost from ≈ 0.2 a hundredfold', () => {
    const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
    const result = net.train(heart.x, heart.y, { iterations: 20000, aggression: 7, noise: 1, progressEvery: 1000 });
    expect(result.initialCost).toBeGreaterThan(0.15);
    expect(result.initialCost).toBeLessThan(0.3);
    expect(result.finalCost).toBeLessThan(result.initialCost / 100);
    expect(result.finalCost).toBe(net.cost(heart.x, heart.y));
    expect(result.updates).toBe(20001);
    expect(result.reason).toBe('completed');
    expect(result.costs[0]).toEqual({ iteration: 0, cost: result.initialCost });
    expect(result.costs.at(-1)).toEqual({ iteration: 20001, cost: result.finalCost });
    // About 1.5 s on an idle core; the generous limit keeps a busy machine from failing it.
  }, 60_000);

  it("mlp.train gives the backprop CLI's run: seed 0, 2,000 iterations ends at its report.json cost, bit for bit", () => {
    // From `node apps/backprop/dist/main.js --iterations 2000 --seed 0` (report.json finalCost;
    // aggression 7, noise 1, layers 1-6-7-2); the docs site checks the same number in Chromium.
    const CLI_FINAL_COST = 0.0060314128444671974;
    const net = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
    const result = net.train(heart.x, heart.y, { iterations: 2000, aggression: 7, noise: 1 });
    expect(result.updates).toBe(2001);
    expect(Object.is(result.finalCost, CLI_FINAL_COST)).toBe(true);
    // Continuing in pieces (the notebook's re-run cell, the site's budget) is the same run.
    const pieces = mlp({ layers: [1, 6, 7, 2], activation: 'sigmoid', rng: createRng(0) });
    pieces.train(heart.x, heart.y, { iterations: 999 });
    expect(Object.is(pieces.train(heart.x, heart.y, { iterations: 1000 }).finalCost, CLI_FINAL_COST)).toBe(true);
  });

  it('mlp.train is reproducible: same seeds, same weights', () => {
    const run = () => {
      const net = mlp({ layers: [1, 4, 2], rng: createRng(5) });
      net.train(heart.x, heart.y, { iterations: 50, rng: createRng(6) });
      return net.parameters();
    };
    expect(run()).toEqual(run());
  });

  it('mlp.train with noise 0 is plain gradient descent: one update is P − aggression·∂C/∂P', () => {
    const net = mlp({ layers: [1, 3, 2], rng: createRng(8) });
    const before = net.parameters();
    const g = net.gradients(heart.x, heart.y);
    const result = net.train(heart.x, heart.y, { iterations: 0, aggression: 2, noise: 0 });
    expect(result.updates).toBe(1);
    const after = net.parameters();
    after.forEach((layer, l) => {
      layer.weights.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(before[l]!.weights[i]![j]! - 2 * g[l]!.weights[i]![j]!, 14)));
      layer.biases.forEach((v, i) => expect(v).toBeCloseTo(before[l]!.biases[i]! - 2 * g[l]!.biases[i]!, 14));
    });
  });

  it('mlp.train draws one noise factor per Jacobian per update, in the order J_W1 … J_W3, J_b1 … J_b3', () => {
    const net = mlp({ layers: [1, 3, 4, 2], rng: createRng(2) });
    const before = net.parameters();
    const g = net.gradients(heart.x, heart.y);
    net.train(heart.x, heart.y, { iterations: 0, aggression: 1, noise: 0.5, rng: createRng(77) });
    const rng = createRng(77);
    const factors = Array.from({ length: 6 }, () => 1 + 0.5 * rng.normal());
    const after = net.parameters();
    for (let l = 0; l < 3; l++) {
      expect(after[l]!.weights[0]![0]).toBeCloseTo(before[l]!.weights[0]![0]! - factors[l]! * g[l]!.weights[0]![0]!, 14);
      expect(after[l]!.biases[1]).toBeCloseTo(before[l]!.biases[1]! - factors[3 + l]! * g[l]!.biases[1]!, 14);
    }
  });

  it('mlp.train reports progress every progressEvery updates and stops when asked', () => {
    const net = mlp({ layers: [1, 4, 2], rng: createRng(1) });
    const seen: number[] = [];
    const result = net.train(heart.x, heart.y, {
      iterations: 1000,
      rng: createRng(2),
      progressEvery: 10,
      onProgress: (p) => {
        seen.push(p.iteration);
        expect(p.total).toBe(1001);
        if (p.iteration === 31) p.stop();
      },
    });
    // The notebook's rule: after the updates where the countdown 1000, 999, … is a multiple of 10.
    expect(seen).toEqual([0, 1, 11, 21, 31]);
    expect(result.reason).toBe('stopped');
    expect(result.updates).toBe(31);
  });

  it('mlp.train stops at the next update once its AbortSignal is aborted', () => {
    const net = mlp({ layers: [1, 4, 2], rng: createRng(1) });
    const controller = new AbortController();
    const result = net.train(heart.x, heart.y, {
      iterations: 1000,
      rng: createRng(2),
      progressEvery: 25,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.iteration === 51) controller.abort();
      },
    });
    expect(result.reason).toBe('aborted');
    expect(result.updates).toBe(51);
  });

  it('mlp.trainSteps yields the same progress as train and can be abandoned', () => {
    const net = mlp({ layers: [1, 4, 2], rng: createRng(4) });
    const twin = mlp({ layers: [1, 4, 2], rng: createRng(4) });
    const costs: number[] = [];
    for (const p of net.trainSteps(heart.x, heart.y, { iterations: 99, rng: createRng(5), progressEvery: 20 })) costs.push(p.cost);
    const result = twin.train(heart.x, heart.y, { iterations: 99, rng: createRng(5), progressEvery: 20 });
    expect(costs).toEqual(result.costs.map((c) => c.cost));
    expect(net.parameters()).toEqual(twin.parameters());
  });

  it('mlp.cost(x, y) is ‖a − y‖²_F / N', () => {
    const net = mlp({ layers: [1, 2], activation: 'linear', parameters: [{ weights: [[1], [0]], biases: [0, 1] }] });
    // a = [[x], [1]] for x = [0, 1]; y = 0 → C = (0 + 1 + 1 + 1) / 2.
    expect(net.cost([0, 1], [[0, 0], [0, 0]])).toBe(1.5);
    expect(String(net)).toBe('MLP [1, 2] (linear)');
  });

  it.each([
    [{ layers: [3] }, RangeError, /layers/],
    [{ layers: [1, 0, 2], rng: createRng(1) }, RangeError, /layers\[1\]/],
    [{ layers: [1, 2] }, TypeError, /rng/],
    [{ layers: [1, 2], rng: createRng(1), activation: 'softmax' }, RangeError, /activation/],
    [{ layers: [1, 2], rng: createRng(1), init: 'he' }, RangeError, /init/],
    [{ layers: [1, 2], parameters: [{ weights: [[1, 2]], biases: [0] }] }, RangeError, /2×1/],
  ])('mlp(%j) throws', (options, type, message) => {
    expect(() => mlp(options as never)).toThrow(type);
    expect(() => mlp(options as never)).toThrow(message);
  });

  it('mlp.forward, cost and train reject badly shaped data and options', () => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    expect(() => net.forward([[1], [2]])).toThrow(/expected 1/);
    expect(() => net.cost([1, 2], [[1, 2]])).toThrow(/expected 2/);
    expect(() => net.cost([1, 2], [[1, 2], [1]])).toThrow(/row 1 has 1 values/);
    expect(() => net.cost([1, Number.NaN], [[1, 2], [1, 2]])).toThrow(/NaN/);
    // Built from given weights, the network has no stream to continue for its noise.
    const given = mlp({ layers: [1, 2], parameters: net.parameters() });
    expect(() => given.train([1], [[1], [1]], { noise: 1 })).toThrow(/option rng is required when noise is not 0/);
    expect(given.train([1], [[1], [1]], { noise: 0, iterations: 1 }).updates).toBe(2);
    expect(() => net.train([1], [[1], [1]], { aggression: 0 })).toThrow(/aggression/);
    expect(() => net.train([1], [[1], [1]], { iterations: -1 })).toThrow(/iterations/);
  });

  it.each([
    [{ layers: [1, 2], rng: createRng(1), activaton: 'tanh' }, /mlp: unknown option "activaton"; did you mean "activation"\?/],
    [{ layer: [1, 2], rng: createRng(1) }, /unknown option "layer"; did you mean "layers"\?/],
    [{ layers: [1, 2], seed: 1 }, /unknown option "seed"/],
  ])('mlp(%j) rejects the unknown option by name, with the closest one', (options, message) => {
    expect(() => mlp(options as never)).toThrow(TypeError);
    expect(() => mlp(options as never)).toThrow(message);
  });

  it.each([
    [{ iteration: 3 }, /train: unknown option "iteration"; did you mean "iterations"\?/],
    [{ iterations: 3, agression: 2 }, /did you mean "aggression"/],
    [{ iterations: 3, progress_every: 1 }, /did you mean "progressEvery"/],
    [{ iterations: 3, onprogress: () => {} }, /did you mean "onProgress"/],
  ])('mlp(...).train(x, y, %j) rejects the misspelt option instead of running the default 10,001 updates', (options, message) => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    const before = net.parameters();
    expect(() => net.train([0, 1], [[0, 1], [1, 0]], { rng: createRng(2), ...options } as never)).toThrow(message);
    expect(net.parameters()).toEqual(before);
  });

  it('mlp(...).trainSteps rejects unknown options at the call, before the first next()', () => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    expect(() => net.trainSteps([0, 1], [[0, 1], [1, 0]], { iteration: 3 } as never)).toThrow(/trainSteps: unknown option "iteration"; did you mean "iterations"\?/);
    expect(() => net.trainSteps([0, 1], [[0, 1], [1, 0]], { signal: new AbortController().signal } as never)).toThrow(/unknown option "signal"/);
  });

  it('mlp(...).train has a documented maximum budget: MLP_MAX_TRAIN_ITERATIONS', () => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    expect(() => net.train([0], [[0], [0]], { iterations: 1e12 + 1, noise: 0 })).toThrow(/iterations must be an integer from 0 to 1000000000000 \(MLP_MAX_TRAIN_ITERATIONS\), got 1000000000001/);
    expect(() => net.train([0], [[0], [0]], { iterations: MLP_MAX_TRAIN_ITERATIONS + 1, noise: 0 })).toThrow(RangeError);
    expect(() => net.train([0], [[0], [0]], { iterations: 2.5, noise: 0 })).toThrow(RangeError);
  });

  it('mlp(...).train keeps at most MLP_COST_HISTORY_LIMIT + 1 costs, evenly spaced, first and last included', () => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    const iterations = 9_999;
    const result = net.train([0, 1], [[0.2, 0.8], [0.5, 0.5]], { iterations, progressEvery: 1, noise: 0, aggression: 0.1 });
    expect(result.updates).toBe(10_000);
    expect(result.costs.length).toBeLessThanOrEqual(MLP_COST_HISTORY_LIMIT + 1);
    expect(result.costs.length).toBeGreaterThan(MLP_COST_HISTORY_LIMIT / 2);
    expect(result.costs[0]!.iteration).toBe(0);
    expect(result.costs.at(-1)!.iteration).toBe(10_000);
    const gaps = new Set(result.costs.slice(0, -1).map((c, i, all) => (i === 0 ? null : c.iteration - all[i - 1]!.iteration)).slice(1));
    expect(gaps.size).toBe(1);
  });

  it('mlp(...) with more than MLP_MAX_PARAMETERS weights is refused before allocating', () => {
    expect(() => mlp({ layers: [1, 1e6, 1e6, 1], rng: createRng(1) })).toThrow(/layers \[1, 1000000, 1000000, 1\] need 1,000,004,000,001 weights and biases; expected at most 10,000,000/);
    expect(() => mlp({ layers: [1, 3000, 3000, 1], rng: createRng(1) })).not.toThrow();
  });

  it('mlp(...).forward takes a tensor of @slope/autodiff, shape [features, examples] or [examples]', () => {
    const net = mlp({ layers: [1, 3, 2], rng: createRng(4) });
    const x = [0, 0.25, 0.5, 0.75, 1];
    const expected = net.forward(x);
    expect(net.forward(tensor(x, [1, 5]))).toEqual(expected);
    expect(net.forward(tensor(x))).toEqual(expected);
    expect(net.forward([tensor(x)])).toEqual(expected);
    const y = tensor([...expected[0]!, ...expected[1]!], [2, 5]);
    expect(net.cost(tensor(x, [1, 5]), y)).toBe(0);
    const wide = mlp({ layers: [2, 2], rng: createRng(4) });
    expect(wide.forward(tensor([1, 2, 3, 4, 5, 6], [2, 3]))).toEqual(wide.forward([[1, 2, 3], [4, 5, 6]]));
  });

  it.each([
    [tensor([1, 2, 3, 4, 5], [5, 1]), RangeError, /forward\(x\): x has 5 row\(s\); expected 1/],
    [tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), TypeError, /x is a tensor of shape \[2, 2, 2\]; expected a number\[\] \(one row\).*or a tensor of shape \[features, examples\]/],
    [{ values: [1, 2] }, TypeError, /x is an object; expected a number\[\]/],
    [null, TypeError, /x is null/],
    [7, TypeError, /x is number 7/],
    [[[1, 2], 'ab'], TypeError, /x\[1\] is the string "ab"; expected a row of numbers/],
  ])('mlp(...).forward(%s) throws, never an empty result', (x, type, message) => {
    const net = mlp({ layers: [1, 2], rng: createRng(1) });
    expect(() => net.forward(x as never)).toThrow(type);
    expect(() => net.forward(x as never)).toThrow(message);
  });
});
