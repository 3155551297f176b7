import { createRng } from '@slope/models';
import { describe, expect, it, test } from 'vitest';
import { cloneNetwork, initNetwork, PARAMETER_NAMES, parameterShape } from './index.js';

describe('initNetwork(hidden, rng)', () => {
  it('draws every entry as normal() / 2 in the order W1, W2, W3, b1, b2, b3', () => {
    let count = 0;
    const counting = { normal: () => ++count };
    const net = initNetwork([6, 7], counting);
    const drawn = PARAMETER_NAMES.flatMap((name) => Array.from(net[name]));
    expect(drawn).toEqual(Array.from({ length: 77 }, (_, i) => (i + 1) / 2));
  });

  test.each([
    ['W1', [6, 1]],
    ['W2', [7, 6]],
    ['W3', [2, 7]],
    ['b1', [6, 1]],
    ['b2', [7, 1]],
    ['b3', [2, 1]],
  ] as const)('parameterShape(%s, [6, 7]) is %j', (name, shape) => {
    expect(parameterShape(name, [6, 7])).toEqual(shape);
    expect(initNetwork([6, 7], createRng(0))[name]).toHaveLength(shape[0] * shape[1]);
  });

  it('is N(0, 0.5²) in distribution: sample standard deviation near 0.5', () => {
    const values = PARAMETER_NAMES.flatMap((name) => Array.from(initNetwork([60, 70], createRng(1))[name]));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(0.47);
    expect(sd).toBeLessThan(0.53);
  });

  it('cloneNetwork(net) is a deep copy', () => {
    const net = initNetwork([6, 7], createRng(2));
    const copy = cloneNetwork(net);
    copy.W2[0] = 99;
    expect(net.W2[0]).not.toBe(99);
    expect(Array.from(copy.b3)).toEqual(Array.from(net.b3));
  });
});
