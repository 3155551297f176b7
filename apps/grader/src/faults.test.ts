import { describe, expect, it } from 'vitest';
import { grade } from './index.js';
import { importTestData } from './test-load.js';

describe('a function that cannot be graded gets a clear message', () => {
  it('backprop: throwing, NaN, wrong type, a Promise, not a function, missing', async () => {
    const r = Object.fromEntries(grade('backprop', await importTestData('backprop/faults.mjs')).results.map((x) => [x.name, x]));
    expect(r['J_W3']).toMatchObject({ status: 'error', message: expect.stringMatching(/^J_W3 threw TypeError: my own bug/) });
    expect(r['J_b3']).toMatchObject({ status: 'fail', element: [0, 0], got: NaN, message: expect.stringMatching(/^J_b3: element \[0, 0\] is NaN, expected /) });
    expect(r['J_W2']).toMatchObject({ status: 'shape', message: expect.stringMatching(/^J_W2 returned an array whose first element is the number 0, not a row .*; expected a matrix 7×6 \(shaped like W2\)/) });
    expect(r['J_b2']).toMatchObject({ status: 'shape', message: expect.stringMatching(/^J_b2 returned a Promise/) });
    expect(r['J_W1']).toMatchObject({ status: 'error', message: expect.stringMatching(/^J_W1 is exported as number, not a function: write export function J_W1\(net, x, y\)/) });
    expect(r['J_b1']).toMatchObject({ status: 'not-written', message: 'J_b1 is not exported by the module: write export function J_b1(net, x, y) { … }' });
  });

  it('heights: a number for an array, an array too short, a throw inside', async () => {
    const r = Object.fromEntries(grade('heights', await importTestData('heights/faults.mjs')).results.map((x) => [x.name, x]));
    expect(r['dfdmu']).toMatchObject({ status: 'shape', message: expect.stringMatching(/^dfdmu returned a single number \(100\); expected an array of 100 numbers, one per bin of x/) });
    expect(r['dfdsig']).toMatchObject({ status: 'shape', message: expect.stringMatching(/^dfdsig returned an array of 99 numbers; expected an array of 100 numbers/) });
    expect(r['steepest_step']).toMatchObject({ status: 'error', message: expect.stringMatching(/^steepest_step threw TypeError: /), hint: expect.stringMatching(/undefined/) });
  });

  it('a function returning undefined (a forgotten return) is a shape error that says so', () => {
    const [r] = grade('heights', { dfdmu: () => undefined }, { functions: ['dfdmu'] }).results;
    expect(r).toMatchObject({ status: 'shape', message: expect.stringMatching(/^dfdmu returned undefined \(is a return missing\?\)/) });
  });

  it('a learner that changes its arguments does not change the next case or function', () => {
    const vandal = (net: { W3: number[][]; b3: number[][] }, x: number[][]) => {
      net.W3[0]![0] = 1e9;
      x[0]![0] = 1e9;
      return net.b3.map(() => [0]);
    };
    const report = grade('backprop', { J_b3: vandal, J_W3: vandal }, { functions: ['J_W3', 'J_b3'] });
    // Both fail on their own merits (a zero Jacobian), each on the first case with the same expected value.
    expect(report.results[1]!.expected).toBe(grade('backprop', { J_b3: () => [[0], [0]] }, { functions: ['J_b3'] }).results[0]!.expected);
  });

  it('a shape error from the kit names the operation and the shapes', () => {
    const bad = { J_b3: (net: { matmul: (a: number[][], b: number[][]) => number[][]; W3: number[][]; b3: number[][] }) => net.matmul(net.W3, net.b3) };
    const [r] = grade('backprop', bad, { functions: ['J_b3'] }).results;
    expect(r!.status).toBe('error');
    expect(r!.message).toMatch(/^J_b3 threw KitShapeError: matmul: A is 2×7 and B is 2×1: A's columns \(7\) must equal B's rows \(2\)/);
    expect(r!.hint).toMatch(/^matmul got A 2×7 \(shaped like W3\) and B 2×1 \(shaped like b3\)/);
  });
});
