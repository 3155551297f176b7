import { describe, expect, it } from 'vitest';
import { backpropJacobians, heightsStep, LearnerFunctionError, solutionSource } from './index.js';
import { backpropCases } from './backprop/cases.js';
import { referenceJacobians } from './backprop/reference.js';
import { heightsCases } from './heights/cases.js';
import { heightsReference } from './heights/reference.js';
import { importSource } from './test-load.js';

describe('adapters for training with the learner’s functions', () => {
  it('backpropJacobians returns the learner’s six Jacobians, equal to autodiff’s for the reference solution', async () => {
    const jacobians = backpropJacobians(await importSource(solutionSource('backprop', 'js')));
    const c = backpropCases(4)[1]!;
    const got = jacobians(c.params, c.x, c.y);
    const want = referenceJacobians(c);
    for (const name of ['J_W1', 'J_W2', 'J_W3', 'J_b1', 'J_b2', 'J_b3'] as const) {
      got[name].forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[name][i]![j]!, 12)));
    }
  });

  it('backpropJacobians names a missing function at once, and a wrong shape or NaN per call', async () => {
    const solution = await importSource(solutionSource('backprop', 'js'));
    expect(() => backpropJacobians({ ...solution, J_b2: undefined })).toThrow(new LearnerFunctionError('J_b2', 'is not exported by the module'));
    const c = backpropCases(0)[0]!;
    const transposedW3 = { ...solution, J_W3: (...a: unknown[]) => ((solution['J_W3'] as (...b: unknown[]) => number[][])(...a)[0]!.map((v) => [v])) };
    expect(() => backpropJacobians(transposedW3)(c.params, c.x, c.y)).toThrow(/^J_W3: returned a 7×1 matrix; expected 2×7, shaped like W3$/);
    const nan = { ...solution, J_b1: () => c.params.b1.map(() => [NaN]) };
    expect(() => backpropJacobians(nan)(c.params, c.x, c.y)).toThrow(/^J_b1: element \[0, 0\] is NaN$/);
  });

  it('heightsStep returns [dmu, dsig] of the learner and checks them', async () => {
    const step = heightsStep(await importSource(solutionSource('heights', 'js')));
    const c = heightsCases(0)[0]!;
    const [dmu, dsig] = step(c.x, c.y, c.mu, c.sig, c.aggression);
    const want = heightsReference(c).steepest_step;
    expect(dmu).toBeCloseTo(want[0]!, 10);
    expect(dsig).toBeCloseTo(want[1]!, 10);
    expect(() => heightsStep({ steepest_step: () => [1] })(c.x, c.y, 155, 6, 2000)).toThrow(/^steepest_step: returned 1 numbers; expected \[dmu, dsig\]$/);
    expect(() => heightsStep({ steepest_step: () => [1, Infinity] })(c.x, c.y, 155, 6, 2000)).toThrow(/^steepest_step: dsig is Infinity$/);
    expect(() => heightsStep({ steepest_step: () => { throw new Error('boom'); } })(c.x, c.y, 155, 6, 2000)).toThrow(/^steepest_step: threw: boom$/);
  });
});
