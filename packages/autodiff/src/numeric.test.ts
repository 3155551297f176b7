import { describe, expect, it } from 'vitest';
import { tensor, numericGrad, gradCheck, Tensor, sigmoid, relu } from './index.js';

describe('numericGrad(f, x, opts)', () => {
  it('central differences match the closed form to ~1e-9', () => {
    const g = numericGrad((x) => x.pow(3).sum(), tensor([0.5, -2]));
    expect(g.shape).toEqual([2]);
    expect(g.data[0]).toBeCloseTo(0.75, 8);
    expect(g.data[1]).toBeCloseTo(12, 8);
  });
  it('forward differences are first-order accurate and accept a number-valued f', () => {
    const g = numericGrad((x) => Math.exp(x.item()), 1, { method: 'forward', h: 1e-5 });
    // Truncation error ≈ h·f''/2 = 1.4e-5: the forward estimate sits above e by about that.
    expect(g.item() - Math.E).toBeGreaterThan(0.5e-5);
    expect(g.item() - Math.E).toBeLessThan(3e-5);
    const c = numericGrad((x) => Math.exp(x.item()), 1, { method: 'central', h: 1e-5 });
    expect(Math.abs(c.item() - Math.E)).toBeLessThan(1e-9);
  });
  it('numericGrad rejects bad options and non-scalar f', () => {
    expect(() => numericGrad((x) => x.sum(), 1, { h: 0 })).toThrow(/option h is 0/);
    expect(() => numericGrad((x) => x.sum(), 1, { method: 'backward' as 'forward' })).toThrow(RangeError);
    expect(() => numericGrad((x) => x.mul(2), tensor([1, 2]))).toThrow(/numericGrad: f must return a scalar/);
  });
  it('numericGrad leaves its input untouched', () => {
    const x = tensor([1, 2]);
    numericGrad((y) => y.square().sum(), x);
    expect(x.toArray()).toEqual([1, 2]);
  });
});

describe('gradCheck(f, args, opts)', () => {
  it('passes for the course layer sigmoid(W·a + b) with torch defaults', () => {
    const r = gradCheck((W, a, b) => sigmoid(W.matmul(a).add(b)).square().sum(), [
      tensor([[0.3, -0.2], [0.1, 0.5], [-0.4, 0.2]]), tensor([[0.5, -1, 2], [1, 0.25, -0.5]]), tensor([[0.1], [-0.1], [0.2]]),
    ]);
    expect(r.ok).toBe(true);
    expect(r.failures).toBe(0);
    expect(r.checked).toBe(6 + 6 + 3);
    expect(r.absError).toBeLessThan(1e-8);
    expect([r.eps, r.atol, r.rtol]).toEqual([1e-6, 1e-5, 1e-3]);
    expect(r.summary).toMatch(/^gradCheck passed: 0\/15/);
  });
  it('checks every entry of a non-scalar output', () => {
    const r = gradCheck((x) => x.mul(x), [tensor([1, 2, 3])]);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(9);
  });
  it('reports the worst element when the analytic gradient is wrong', () => {
    // relu's kink: at exactly 0 the analytic derivative is 0 but central differences give 0.5.
    const r = gradCheck((x: Tensor) => relu(x).sum(), [tensor([[1, -1], [0, 2]])]);
    expect(r.ok).toBe(false);
    expect(r.failures).toBe(1);
    expect(r.argnum).toBe(0);
    expect(r.index).toEqual([1, 0]);
    expect(r.analytic).toBe(0);
    expect(r.numeric).toBeCloseTo(0.5, 6);
    expect(r.absError).toBeCloseTo(0.5, 6);
    expect(r.relError).toBeCloseTo(1, 6);
    expect(r.summary).toMatch(/FAILED: 1\/4 .* index \[1,0\]/);
  });
  it('gradCheck rejects negative tolerances', () => {
    expect(() => gradCheck((x) => x, [1], { atol: -1 })).toThrow(/option atol is -1/);
  });
});
