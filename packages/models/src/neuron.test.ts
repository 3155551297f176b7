import { describe, expect, it } from 'vitest';
import { layer, mlp, neuron } from './index.js';

const cost = (a: number, y: number) => (a - y) ** 2;

describe('neuron and layer (the week-3 quizzes, COURSE.md §3.5)', () => {
  it('neuron(1.3, -0.1) on x = 1, y = 0 gives a₁ = 0.834 and C = 0.696', () => {
    const a1 = neuron(1.3, -0.1)(1);
    expect(a1).toBeCloseTo(0.834, 3);
    // The quiz squares the rounded 0.834 (0.6956); the unrounded cost is 0.69498.
    expect(cost(Math.round(a1 * 1000) / 1000, 0)).toBeCloseTo(0.696, 3);
    expect(cost(a1, 0)).toBeCloseTo(0.695, 3);
  });

  it('neuron(1.3, -0.1) on x = 0, y = 1 gives C ≈ 1.2', () => {
    expect(cost(neuron(1.3, -0.1)(0), 1)).toBeCloseTo(1.2, 1);
  });

  it('the NOT neuron improves from (1.3, −0.1) to (−5, 5) to (−10, 10)', () => {
    const total = (w: number, b: number) => {
      const not = neuron(w, b);
      return (cost(not(1), 0) + cost(not(0), 1)) / 2;
    };
    expect(total(-5, 5)).toBeLessThan(total(1.3, -0.1));
    expect(total(-10, 10)).toBeLessThan(total(-5, 5));
    expect(total(-10, 10)).toBeLessThan(1e-8);
  });

  it('layer(W, b) with W = [[−2, 4, −1], [6, 0, −3]], b = [0.1, −2.5] maps a₀ = [0.3, 0.4, 0.1] to tanh([1, −1])', () => {
    const a1 = layer([[-2, 4, -1], [6, 0, -3]], [0.1, -2.5])([0.3, 0.4, 0.1]);
    expect(a1[0]).toBeCloseTo(Math.tanh(1), 14);
    expect(a1[1]).toBeCloseTo(Math.tanh(-1), 14);
    expect(a1[0]).toBeCloseTo(0.76, 2);
  });

  it('mlp with the quiz layer as its parameters gives the same activations', () => {
    const net = mlp({ layers: [3, 2], activation: 'tanh', parameters: [{ weights: [[-2, 4, -1], [6, 0, -3]], biases: [0.1, -2.5] }] });
    const out = net.forward([[0.3], [0.4], [0.1]]);
    expect(out[0]![0]).toBeCloseTo(Math.tanh(1), 14);
    expect(out[1]![0]).toBeCloseTo(Math.tanh(-1), 14);
  });

  it.each([
    ['sigmoid', 1 / (1 + Math.exp(-0.5))],
    ['tanh', Math.tanh(0.5)],
    ['relu', 0.5],
    ['linear', 0.5],
  ] as const)('neuron(w, b, %s) applies that activation', (activation, expected) => {
    expect(neuron([1, 2], -0.5, activation)([0, 0.5])).toBeCloseTo(expected, 15);
  });

  it('neuron and layer throw RangeErrors naming bad shapes and values', () => {
    expect(() => neuron([1, 2], 0)([1])).toThrow(/expected 2/);
    expect(() => neuron(Number.NaN, 0)).toThrow(/weights\[0\]/);
    expect(() => neuron(1, 0, 'softmax' as never)).toThrow(/activation/);
    expect(() => layer([[1, 2], [3]], [0, 0])).toThrow(/weights\[1\]/);
    expect(() => layer([[1, 2]], [0, 0])).toThrow(/one bias per row/);
  });
});
