import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activation } from './activation.js';
import { toBatch } from './batch.js';
import { createCourseKernel, isCourseNetwork } from './course-kernel.js';
import { heartCurve } from './heart-curve.js';
import { generalEngine, networkEngine, type NetworkShape } from './network-engine.js';
import { createRng } from './rng.js';

const COURSE = [1, 6, 7, 2] as const;
const SIGMOIDS: Activation[] = ['sigmoid', 'sigmoid', 'sigmoid'];

/** A course-shaped network with every parameter from N(0, scale²) of the given seed. */
function courseShape(seed: number, scale: number): NetworkShape {
  const rng = createRng(seed);
  const draw = (n: number) => Float64Array.from({ length: n }, () => rng.normal() * scale);
  return { layers: COURSE, activations: SIGMOIDS, weights: [draw(6), draw(42), draw(14)], biases: [draw(6), draw(7), draw(2)] };
}

const copyOf = (shape: NetworkShape): NetworkShape => ({ ...shape, weights: shape.weights.map((w) => w.slice()), biases: shape.biases.map((b) => b.slice()) });
const zeros = (arrays: readonly Float64Array[]) => arrays.map((a) => new Float64Array(a.length));
const bitsOf = (arrays: readonly Float64Array[]) => arrays.map((a) => Array.from(new BigUint64Array(a.slice().buffer)));

function batches(n: number, seed: number) {
  const rng = createRng(seed);
  const x = toBatch('test', 'x', Array.from({ length: n }, () => rng.uniform() * 4 - 2), 1);
  const y = toBatch('test', 'y', [Array.from({ length: n }, () => rng.uniform()), Array.from({ length: n }, () => rng.uniform())], 2, n);
  return { x, y };
}

describe('the fused course kernel', () => {
  it('is chosen for [1, 6, 7, 2] sigmoid networks only', () => {
    expect(isCourseNetwork([1, 6, 7, 2], SIGMOIDS)).toBe(true);
    expect(isCourseNetwork([1, 6, 7, 2], ['sigmoid', 'tanh', 'sigmoid'])).toBe(false);
    expect(isCourseNetwork([1, 7, 6, 2], SIGMOIDS)).toBe(false);
    expect(isCourseNetwork([1, 6, 7, 2, 1], [...SIGMOIDS, 'sigmoid'])).toBe(false);
  });

  it('gives the general loops\' cost, outputs and six Jacobians bit for bit, for any parameters and data (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(0.1, 0.5, 3, 20), fc.integer({ min: 1, max: 130 }), (seed, scale, n) => {
        const shape = courseShape(seed, scale);
        const { x, y } = batches(n, seed + 1);
        const fused = createCourseKernel(shape, x, y);
        const general = generalEngine(shape, x, y);
        expect(Object.is(fused.forward(), general.forward())).toBe(true);
        expect(bitsOf([fused.output])).toEqual(bitsOf([general.output]));
        const fw = zeros(shape.weights);
        const fb = zeros(shape.biases);
        const gw = zeros(shape.weights);
        const gb = zeros(shape.biases);
        fused.backward(fw, fb);
        general.backward(gw, gb);
        expect(bitsOf(fw)).toEqual(bitsOf(gw));
        expect(bitsOf(fb)).toEqual(bitsOf(gb));
      }),
      { numRuns: 60 },
    );
  });

  it('trains the heart curve to the same bits as the general loops: 2,000 noisy course updates', () => {
    const heart = heartCurve();
    const x = toBatch('test', 'x', heart.x, 1);
    const y = toBatch('test', 'y', heart.y, 2, 100);
    const runs = [createCourseKernel, generalEngine].map((make) => {
      const shape = courseShape(0, 0.5);
      const net = copyOf(shape);
      const engine = make(net, x, y);
      const rng = createRng(5);
      const dw = zeros(net.weights);
      const db = zeros(net.biases);
      const costs: number[] = [];
      for (let update = 0; update < 2000; update++) {
        costs.push(engine.forward());
        engine.backward(dw, db);
        const factors = Array.from({ length: 6 }, () => 1 + rng.normal());
        net.weights.forEach((w, l) => w.forEach((v, i) => (w[i] = v - 7 * factors[l]! * dw[l]![i]!)));
        net.biases.forEach((b, l) => b.forEach((v, i) => (b[i] = v - 7 * factors[3 + l]! * db[l]![i]!)));
      }
      costs.push(engine.forward());
      return { costs, parameters: bitsOf([...net.weights, ...net.biases]) };
    });
    expect(runs[0]!.costs).toEqual(runs[1]!.costs);
    expect(runs[0]!.parameters).toEqual(runs[1]!.parameters);
    expect(runs[0]!.costs.at(-1)!).toBeLessThan(runs[0]!.costs[0]! / 10);
  });

  it('networkEngine picks the kernel for the course shape and the general loops otherwise, with the same cost', () => {
    const shape = courseShape(3, 0.5);
    const { x, y } = batches(50, 4);
    expect(networkEngine(shape, x, y).forward()).toBe(generalEngine(shape, x, y).forward());
    const other: NetworkShape = { ...shape, activations: ['tanh', 'sigmoid', 'sigmoid'] };
    expect(networkEngine(other, x, y).forward()).toBe(generalEngine(other, x, y).forward());
  });

  it('feeds forward without targets (cost NaN) and refuses backward then', () => {
    const shape = courseShape(1, 0.5);
    const { x } = batches(10, 2);
    for (const engine of [createCourseKernel(shape, x, null), generalEngine(shape, x, null)]) {
      expect(engine.forward()).toBeNaN();
      expect(engine.output.every((v) => v > 0 && v < 1)).toBe(true);
      expect(() => engine.backward(zeros(shape.weights), zeros(shape.biases))).toThrow(/no targets/);
    }
  });
});

describe('the training path is portable', () => {
  it('calls no engine-approximated Math function (exp, log, tanh, sin, cos, pow, …): the same bits in every JavaScript engine', async () => {
    const { readFileSync } = await import('node:fs');
    const path = ['mlp.ts', 'network-engine.ts', 'course-kernel.ts', 'activation.ts', 'rng.ts', 'heart-curve.ts', 'batch.ts', 'portable-math.ts', 'portable-tanh.ts'];
    for (const file of path) {
      const code = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      // Math.sqrt, abs, trunc, max and min are exact (correctly rounded) in every engine.
      expect(code.match(/Math\.(exp|expm1|log|log1p|log2|log10|tanh|sinh|cosh|sin|cos|tan|atan|atan2|asin|acos|pow|cbrt|hypot)\b/g), file).toBeNull();
    }
  });
});
