import { mul, square, sub, sum, tensor, type Tensor } from '@slope/autodiff';
import { describe, expect, it } from 'vitest';
import { sgd, sgdSteps, steepestDescent } from './index.js';
import { seededRng } from './test-problems.js';

// y = 2x + 1 plus a little noise, 40 points.
const rng = seededRng(7);
const xs = Array.from({ length: 40 }, (_, i) => i / 20);
const ys = xs.map((x) => 2 * x + 1 + 0.05 * rng.normal());
const n = xs.length;
const xbar = xs.reduce((a, b) => a + b, 0) / n;
const ybar = ys.reduce((a, b) => a + b, 0) / n;
const slope = xs.reduce((a, x, i) => a + (x - xbar) * (ys[i]! - ybar), 0) / xs.reduce((a, x) => a + (x - xbar) ** 2, 0);
const intercept = ybar - slope * xbar;

/** Mean squared error of the line w·x + b over the batch, with its gradient. */
const loss = (p: Tensor, batch: Int32Array) => {
  const [w, b] = [p.data[0]!, p.data[1]!];
  let s = 0;
  for (const i of batch) s += (w * xs[i]! + b - ys[i]!) ** 2;
  return s / batch.length;
};
const gradient = (p: Float64Array, batch: Int32Array) => {
  let gw = 0;
  let gb = 0;
  for (const i of batch) {
    const r = p[0]! * xs[i]! + p[1]! - ys[i]!;
    gw += (2 * r * xs[i]!) / batch.length;
    gb += (2 * r) / batch.length;
  }
  return [gw, gb];
};

describe('sgd', () => {
  it('sgd with a full batch and no noise is steepest descent', () => {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const a = sgd(loss, [0, 0], { dataSize: n, step: 0.1, gradient, maxIterations: 25 });
    const b = steepestDescent((p) => loss(p, all), [0, 0], { step: 0.1, gradient: (p) => gradient(p, all), maxIterations: 25 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });

  it('sgd with mini-batches of 5 gets close to the least-squares line', () => {
    const r = sgd(loss, [0, 0], { dataSize: n, batchSize: 5, step: 0.05, gradient, rng: seededRng(1), maxIterations: 3000 });
    expect(r.reason).toBe('max-iterations');
    expect(r.x[0]).toBeCloseTo(slope, 1);
    expect(r.x[1]).toBeCloseTo(intercept, 1);
  });

  it('sgd scales each gradient block by (1 + N(0,1)·noise), drawing one normal per block in order', () => {
    const normals = [1, -1];
    const fixed = { uniform: () => 0.5, normal: () => normals.shift() ?? 0 };
    const r = sgd(loss, [0, 0], { dataSize: n, step: 0.1, noise: 1, blocks: [1, 1], gradient, rng: fixed, maxIterations: 1 });
    const g = gradient(Float64Array.of(0, 0), Int32Array.from({ length: n }, (_, i) => i));
    expect(r.history[1]!.x[0]).toBeCloseTo(-0.1 * 2 * g[0]!, 12);
    expect(r.history[1]!.x[1]).toBe(0);
  });

  it('sgd is reproducible for a given seed and differs across seeds', () => {
    const run = (seed: number) => sgd(loss, [0, 0], { dataSize: n, batchSize: 8, step: 0.05, noise: 0.5, gradient, rng: seededRng(seed), maxIterations: 200 });
    expect(Array.from(run(3).x)).toEqual(Array.from(run(3).x));
    expect(run(3).x[0]).not.toBe(run(4).x[0]);
  });

  it('every mini-batch of an epoch is distinct and covers the data once', () => {
    const seen: number[] = [];
    const spy = (p: Tensor, batch: Int32Array) => {
      seen.push(...batch);
      return loss(p, batch);
    };
    const run = sgdSteps(spy, [0, 0], { dataSize: n, batchSize: 10, step: 0.01, gradient, rng: seededRng(5), maxIterations: 3 });
    run.finish();
    // Four evaluations (start + 3 updates) of 10 indices each: one whole epoch.
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('sgd takes gradients from autodiff when the loss returns a Tensor', () => {
    const features = xs.map((x) => tensor([x, 1]));
    const tensorLoss = (p: Tensor, batch: Int32Array) => {
      const i = batch[0]!;
      return square(sub(sum(mul(p, features[i]!)), ys[i]!));
    };
    const r = sgd(tensorLoss, [0, 0], { dataSize: n, batchSize: 1, step: 0.05, rng: seededRng(2), maxIterations: 1500 });
    expect(r.x[0]).toBeCloseTo(slope, 0);
    expect(r.x[1]).toBeCloseTo(intercept, 0);
  });
});

describe('sgd checks its random source', () => {
  it.each([
    [1, /sgd: option "rng": uniform\(\) returned 1; expected a number in \[0, 1\)/],
    [-0.25, /uniform\(\) returned -0.25/],
    [Number.NaN, /uniform\(\) returned NaN/],
  ])('an rng whose uniform() returns %s is a RangeError', (u, message) => {
    const rng = { uniform: () => u, normal: () => 0 };
    expect(() => sgd(() => 0, [0], { dataSize: 10, batchSize: 2, rng, gradient: () => [0], maxIterations: 3 })).toThrow(message);
  });

  it('an rng whose normal() returns NaN is a RangeError when noise is on', () => {
    const rng = { uniform: () => 0.5, normal: () => Number.NaN };
    expect(() => sgd(() => 0, [0], { dataSize: 10, noise: 1, rng, gradient: () => [1], maxIterations: 3 })).toThrow(/normal\(\) returned NaN; expected a finite number/);
  });
});
