import fc from 'fast-check';
import { createRng } from '@slope/models';
import { describe, expect, it, test } from 'vitest';
import {
  backPropagate,
  checkEngines,
  cloneNetwork,
  createAutodiffEngine,
  createBackprop,
  createCourseKernel,
  createGradients,
  createHandEngine,
  expTable,
  feedForward,
  heartData,
  initNetwork,
  J_b1,
  J_b2,
  J_b3,
  J_W1,
  J_W2,
  J_W3,
  logistic,
  logisticInPlace,
  type Backprop,
  type Network,
  type ParameterName,
} from './index.js';

const data = heartData();

function costAt(net: Network): number {
  return feedForward(createBackprop(data, net.hidden), net);
}

/** Central finite difference of the cost in one parameter entry: an independent reference. */
function finiteDifference(net: Network, name: ParameterName, index: number, h = 1e-6): number {
  const plus = cloneNetwork(net);
  const minus = cloneNetwork(net);
  plus[name][index]! += h;
  minus[name][index]! -= h;
  return (costAt(plus) - costAt(minus)) / (2 * h);
}

const jacobians: [string, ParameterName, (bp: Backprop, out: Float64Array) => Float64Array][] = [
  ['J_W3', 'W3', J_W3],
  ['J_b3', 'b3', J_b3],
  ['J_W2', 'W2', J_W2],
  ['J_b2', 'b2', J_b2],
  ['J_W1', 'W1', J_W1],
  ['J_b1', 'b1', J_b1],
];

describe('the course Jacobians', () => {
  test.each(jacobians)('%s(bp, out) matches central finite differences of the cost', (_label, name, jacobian) => {
    const net = initNetwork([6, 7], createRng(3));
    const bp = createBackprop(data, net.hidden);
    feedForward(bp, net);
    backPropagate(bp, net);
    const out = jacobian(bp, new Float64Array(net[name].length));
    out.forEach((value, i) => {
      expect(value).toBeCloseTo(finiteDifference(net, name, i), 8);
    });
  });

  it('checkEngines(data, net) finds the hand Jacobians equal to @slope/autodiff to rounding', () => {
    for (const seed of [0, 1, 2]) {
      const check = checkEngines(data, initNetwork([6, 7], createRng(seed)));
      expect(check.maxRelativeDifference).toBeLessThan(1e-10);
      expect(check.handCost).toBeCloseTo(check.autodiffCost, 14);
    }
  });

  it('checkEngines(data, net) also holds for other hidden sizes', () => {
    const check = checkEngines(data, initNetwork([3, 4], createRng(9)));
    expect(check.maxRelativeDifference).toBeLessThan(1e-10);
  });

  it('createHandEngine and createAutodiffEngine agree on cost and outputs', () => {
    const net = initNetwork([6, 7], createRng(5));
    const hand = createHandEngine(data, net.hidden);
    const auto = createAutodiffEngine(data, net.hidden);
    expect(hand.cost(net)).toBeCloseTo(auto.cost(net), 14);
    const a = hand.outputs(net);
    const b = auto.outputs(net);
    a.forEach((value, i) => expect(value).toBeCloseTo(b[i]!, 14));
  });

  it('createCourseKernel (the unrolled 1→6→7→2 path) gives exactly the general loops’ cost, outputs and J_W3 … J_b1', () => {
    for (const seed of [0, 4]) {
      const net = initNetwork([6, 7], createRng(seed));
      const bp = createBackprop(data, net.hidden);
      const cost = feedForward(bp, net);
      backPropagate(bp, net);
      const kernel = createCourseKernel(data);
      const grads = createGradients(net.hidden);
      expect(kernel.gradients(net, grads)).toBe(cost);
      expect(Array.from(kernel.a3)).toEqual(Array.from(bp.a3));
      for (const [, name, jacobian] of jacobians) {
        expect(Array.from(grads[name])).toEqual(Array.from(jacobian(bp, new Float64Array(net[name].length))));
      }
    }
  });

  it('createHandEngine(data, hidden).gradients(net, grads) returns the cost and fills finite Jacobians', () => {
    const net = initNetwork([6, 7], createRng(1));
    const grads = createGradients(net.hidden);
    const cost = createHandEngine(data, net.hidden).gradients(net, grads);
    expect(cost).toBeGreaterThan(0);
    for (const values of Object.values(grads)) expect(values.every(Number.isFinite)).toBe(true);
  });
});

describe('logistic and expTable', () => {
  it('expTable(x) is within 1e-15 (relative) of Math.exp(x) everywhere', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        const got = expTable(x);
        if (expected === 0) return got === 0;
        return Math.abs(got - expected) / expected < 1e-15;
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    [0, 0.5],
    [Math.log(3), 0.75],
    [-Math.log(3), 0.25],
    [800, 1],
    [-800, 0],
  ])('logistic(%d) = %d', (z, expected) => {
    expect(logistic(z)).toBeCloseTo(expected, 15);
  });

  it('logisticInPlace(z) is logistic on every entry to within 2 ulps, including the tail and ±∞ pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 9 }), (values) => {
        const z = Float64Array.from(values);
        logisticInPlace(z);
        return values.every((v, i) => {
          const expected = logistic(v);
          return expected === 0 ? z[i] === 0 : Math.abs(z[i]! - expected) / expected <= 4.5e-16;
        });
      }),
      { numRuns: 2000 },
    );
    const extremes = Float64Array.of(-800, 800, -800, -800, 0);
    logisticInPlace(extremes);
    expect(Array.from(extremes)).toEqual([0, 1, 0, 0, 0.5]);
  });

  it('logistic(z) equals the notebook’s σ’ identity: σ(z)(1 − σ(z)) = cosh(z/2)⁻²/4', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const s = logistic(z);
        return Math.abs(s * (1 - s) - Math.cosh(z / 2) ** -2 / 4) < 1e-15;
      }),
    );
  });
});

describe('heartData()', () => {
  test.each([
    [0, 0.5, 0.625],
    [25, 0.9, 0.6],
    [50, 0.5, 0.075],
    [75, 0.1, 0.6],
  ])('point %d is (%d, %d), as in COURSE.md §1.5', (k, h, v) => {
    expect(data.x[k]).toBeCloseTo(k / 100, 15);
    expect(data.y[k]).toBeCloseTo(h, 12);
    expect(data.y[data.n + k]).toBeCloseTo(v, 12);
  });
});
