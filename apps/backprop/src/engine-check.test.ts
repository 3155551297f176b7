import { createRng } from '@slope/models';
import { describe, expect, it, test } from 'vitest';
import {
  backPropagate,
  checkEngines,
  createBackprop,
  createHandEngine,
  engineCheckTolerance,
  feedForward,
  heartData,
  initNetwork,
  J_b1,
  J_b2,
  J_b3,
  J_W1,
  J_W2,
  J_W3,
  jacobianScales,
  PARAMETER_NAMES,
  type GradientEngine,
} from './index.js';

const data = heartData();

/** The hand engine with one deliberate mistake applied to its Jacobians. */
function wrongEngine(hidden: readonly [number, number], mistake: (grads: Record<string, Float64Array>) => void): GradientEngine {
  const right = createHandEngine(data, hidden);
  return {
    ...right,
    gradients(net, grads) {
      const cost = right.gradients(net, grads);
      mistake(grads);
      return cost;
    },
  };
}

/** A hand engine that forgets σ'(z3) in δ3 = 2(a3 − y) ⊙ σ'(z3): a formula bug, not a typo in one entry. */
function missingSlopeEngine(hidden: readonly [number, number]): GradientEngine {
  const bp = createBackprop(data, hidden);
  return {
    ...createHandEngine(data, hidden),
    gradients(net, grads) {
      const cost = feedForward(bp, net);
      backPropagate(bp, net);
      for (let k = 0; k < bp.delta3.length; k++) bp.delta3[k] = 2 * (bp.a3[k]! - bp.y[k]!);
      J_W3(bp, grads.W3);
      J_b3(bp, grads.b3);
      return cost;
    },
  };
}

describe('checkEngines(data, net)', () => {
  it('passes the course network for several seeds, far inside the tolerance', () => {
    for (const seed of [0, 1, 2]) {
      const check = checkEngines(data, initNetwork([6, 7], createRng(seed)));
      expect(check.passed).toBe(true);
      expect(check.scaledDifference).toBeLessThan(check.tolerance / 10);
      expect(check.maxRelativeDifference).toBeLessThan(1e-10);
    }
  });

  it('passes --hidden 1000,1000, which a fixed 1e-8 relative tolerance refused (entries differing by 1.1e-8 relative)', () => {
    const check = checkEngines(data, initNetwork([1000, 1000], createRng(0)));
    expect(check.maxRelativeDifference).toBeGreaterThan(1e-9);
    expect(check.passed).toBe(true);
    expect(check.scaledDifference).toBeLessThan(check.tolerance / 10);
  });

  it('engineCheckTolerance grows with the number of examples and the layer widths', () => {
    expect(engineCheckTolerance(100, [6, 7])).toBeCloseTo(8 * 2 ** -53 * 115, 30);
    expect(engineCheckTolerance(100, [1000, 1000])).toBeGreaterThan(15 * engineCheckTolerance(100, [6, 7]));
  });

  it('jacobianScales bounds every Jacobian entry from above', () => {
    for (const hidden of [[6, 7], [40, 3]] as const) {
      const net = initNetwork(hidden, createRng(3));
      const bp = createBackprop(data, hidden);
      feedForward(bp, net);
      backPropagate(bp, net);
      const scales = jacobianScales(data, net);
      const jacobians = { W1: J_W1, W2: J_W2, W3: J_W3, b1: J_b1, b2: J_b2, b3: J_b3 };
      for (const name of PARAMETER_NAMES) {
        const values = jacobians[name](bp, new Float64Array(net[name].length));
        for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(scales[name]);
      }
    }
  });

  test.each([
    ['one entry of J_W2 off by a millionth of the largest', [6, 7] as const, (g: Record<string, Float64Array>) => (g['W2']![3]! += 1e-6 * Math.max(...g['W2']!.map(Math.abs)))],
    ['J_b2 scaled by 1 + 1e-7', [6, 7] as const, (g: Record<string, Float64Array>) => g['b2']!.forEach((v, i, a) => (a[i] = v * (1 + 1e-7)))],
    ['J_W1 with its sign flipped', [200, 150] as const, (g: Record<string, Float64Array>) => g['W1']!.forEach((v, i, a) => (a[i] = -v))],
    ['J_W3 with its entries in reverse order', [50, 50] as const, (g: Record<string, Float64Array>) => g['W3']!.reverse()],
  ])('catches a wrong Jacobian: %s', (_label, hidden, mistake) => {
    const net = initNetwork(hidden, createRng(0));
    const check = checkEngines(data, net, wrongEngine(hidden, mistake));
    expect(check.passed).toBe(false);
    expect(check.scaledDifference).toBeGreaterThan(100 * check.tolerance);
  });

  test.each([[[6, 7] as const], [[300, 300] as const]])('catches δ3 without σ\'(z3) at hidden sizes %j', (hidden) => {
    const check = checkEngines(data, initNetwork(hidden, createRng(0)), missingSlopeEngine(hidden));
    expect(check.passed).toBe(false);
    expect(check.worstScaled.jacobian === 'J_W3' || check.worstScaled.jacobian === 'J_b3').toBe(true);
  });
});
