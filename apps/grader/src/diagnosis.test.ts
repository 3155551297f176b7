import { describe, expect, it } from 'vitest';
import { grade } from './index.js';
import type { AssignmentId } from './assignments.js';
import { importTestData } from './test-load.js';

interface Mistake {
  readonly file: string;
  readonly fn: string;
  readonly status: 'fail' | 'shape' | 'error';
  /** What the hint must say: the diagnosis of this mistake and no other. */
  readonly hint: RegExp;
}

const BACKPROP: readonly Mistake[] = [
  { file: 'transposed-J_W3.mjs', fn: 'J_W3', status: 'shape', hint: /^the result is transposed \(got 7×2, expected 2×7\)/ },
  { file: 'missing-1-over-N-J_W2.mjs', fn: 'J_W2', status: 'fail', hint: /^the result is N = 100 times too big: .* divide by N/ },
  { file: 'sigma-prime-omitted-J_b3.mjs', fn: 'J_b3', status: 'fail', hint: /^the σ′\(z3\) factor is missing/ },
  { file: 'sigma-instead-of-sigma-prime-J_b2.mjs', fn: 'J_b2', status: 'fail', hint: /^σ\(z2\) \(that is a2\) is used where its derivative σ′\(z2\) belongs/ },
  { file: 'dsigma-of-a-J_W3.mjs', fn: 'J_W3', status: 'fail', hint: /^σ′ is applied to a3; its argument is z3/ },
  { file: 'off-by-one-layer-J_W2.mjs', fn: 'J_W2', status: 'shape', hint: /^J_W2 uses a2, the layer's own output; ∂z2\/∂W2 = a1/ },
  { file: 'wrong-layer-J_b2.mjs', fn: 'J_b2', status: 'shape', hint: /^this equals J_b3, the Jacobian of layer 3: J_b2 belongs to layer 2; carry δ back through the weights/ },
  { file: 'not-through-W-J_W1.mjs', fn: 'J_W1', status: 'error', hint: /⊙ combines quantities of layers 2 and 1; δ2 is carried back to layer 1 through the weights first, W2ᵀ δ2/ },
  { file: 'W-not-transposed-J_b2.mjs', fn: 'J_b2', status: 'error', hint: /that is W3 · δ3; going back a layer multiplies by the transpose, W3ᵀ δ3/ },
  { file: 'sign-flip-J_b1.mjs', fn: 'J_b1', status: 'fail', hint: /^the sign is flipped: ∂C\/∂a3 = 2\(a3 − y\)/ },
  { file: 'sum-wrong-axis-J_b3.mjs', fn: 'J_b3', status: 'shape', hint: /^δ3 is summed over the wrong axis/ },
  { file: 'missing-2-J_b3.mjs', fn: 'J_b3', status: 'fail', hint: /^the result is half the expected: .*factor 2/ },
  { file: 'not-summed-J_b1.mjs', fn: 'J_b1', status: 'shape', hint: /^δ1 is not summed over the examples/ },
  { file: 'sigma-prime-omitted-deep-J_W1.mjs', fn: 'J_W1', status: 'fail', hint: /^the σ′\(z2\) factor is missing/ },
  { file: 'transposed-and-missing-1-over-N-J_W2.mjs', fn: 'J_W2', status: 'shape', hint: /^the result is transposed .*; and the result is N = 100 times too big/ },
];

const HEIGHTS: readonly Mistake[] = [
  { file: 'dfdmu-missing-f.mjs', fn: 'dfdmu', status: 'fail', hint: /^the factor f\(x; μ, σ\) is missing/ },
  { file: 'dfdmu-wrong-power.mjs', fn: 'dfdmu', status: 'fail', hint: /^wrong power of σ: σ³ in the denominator/ },
  { file: 'dfdmu-sign.mjs', fn: 'dfdmu', status: 'fail', hint: /^the sign is flipped/ },
  { file: 'dfdsig-missing-minus-one-over-sigma.mjs', fn: 'dfdsig', status: 'fail', hint: /^the −1\/σ term is missing/ },
  { file: 'dfdsig-wrong-power.mjs', fn: 'dfdsig', status: 'fail', hint: /^wrong power of σ in the first term/ },
  { file: 'dfdsig-missing-f.mjs', fn: 'dfdsig', status: 'fail', hint: /^the factor f\(x; μ, σ\) is missing/ },
  { file: 'step-wrong-sign.mjs', fn: 'steepest_step', status: 'fail', hint: /^the step goes uphill/ },
  { file: 'step-missing-aggression.mjs', fn: 'steepest_step', status: 'fail', hint: /^the step is not multiplied by the aggression/ },
  { file: 'step-sigma-minus-forgotten.mjs', fn: 'steepest_step', status: 'fail', hint: /^the σ component has the wrong sign/ },
  { file: 'step-with-wrong-dfdsig.mjs', fn: 'steepest_step', status: 'fail', hint: /^steepest_step is right for the dfdmu and dfdsig it calls, but those are wrong/ },
];

async function check(id: AssignmentId, m: Mistake, seed: number): Promise<void> {
  const impl = await importTestData(`${id}/${m.file}`);
  const [r] = grade(id, impl, { seed, functions: [m.fn] }).results;
  expect(r!.name).toBe(m.fn);
  expect(r!.status, r!.message).toBe(m.status);
  expect(r!.hint, r!.message).toMatch(m.hint);
  expect(r!.message.startsWith(m.fn)).toBe(true);
  if (m.status === 'fail') {
    expect(r!.element).toBeDefined();
    expect(r!.message).toMatch(new RegExp(`element \\[${r!.element!.join(', ')}\\] is .*, expected `));
    expect(r!.expected).not.toBe(r!.got);
  }
}

describe('the grader diagnoses each known wrong solution with the right hint', () => {
  for (const m of BACKPROP) {
    it(`backprop: ${m.file}`, async () => {
      for (const seed of [0, 1, 2]) await check('backprop', m, seed);
    });
  }
  for (const m of HEIGHTS) {
    it(`heights: ${m.file}`, async () => {
      for (const seed of [0, 1, 2]) await check('heights', m, seed);
    });
  }

  it('names the layer a wrong shape belongs to', async () => {
    const impl = await importTestData('backprop/off-by-one-layer-J_W2.mjs');
    const [r] = grade('backprop', impl, { functions: ['J_W2'] }).results;
    expect(r!.message).toMatch(/^J_W2 returned a matrix 7×7; expected 7×6 \(shaped like W2\)/);
  });

  it('falls back to the chain-rule steps when no known slip explains the answer', () => {
    const odd = { J_b3: (net: { b3: number[][] }) => net.b3.map((row, i) => [row[0]! * 0 + i + 0.25]) };
    const [r] = grade('backprop', odd, { functions: ['J_b3'] }).results;
    expect(r!.status).toBe('fail');
    expect(r!.hint).toBe('no common slip explains this pattern; check each step of the chain rule: δ3 = 2(a3 − y) ⊙ σ′(z3); J_b3 = Σ δ3 / N (summed over the examples)');
  });
});
