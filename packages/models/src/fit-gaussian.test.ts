import { describe, expect, it } from 'vitest';
import { tensor } from '@slope/autodiff';
import { FIT_GAUSSIAN_MAX_STEPS, fitGaussian, gaussian, heights } from './index.js';

const course = heights('course');
const courseFit = () => fitGaussian(course.x, course.y, { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 });

function chiSquared(x: Float64Array, y: Float64Array, mu: number, sigma: number): number {
  const f = gaussian(x, mu, sigma);
  return y.reduce((s, yi, i) => s + (yi - f[i]!) ** 2, 0);
}

describe('fitGaussian', () => {
  it("χ² on heights('course') is 0.0125075 at (160, 15) and 0.0323333 at (155, 6) (COURSE.md §2.5)", () => {
    expect(chiSquared(course.x, course.y, 160, 15)).toBeCloseTo(0.0125075, 7);
    expect(chiSquared(course.x, course.y, 155, 6)).toBeCloseTo(0.0323333, 7);
    expect(fitGaussian(course.x, course.y, { method: 'steepest', start: [155, 6], steps: 0 }).chiSquared).toBeCloseTo(0.0323333, 7);
  });

  it.each([
    [1, 155.926, 13.319],
    [2, 157.277, 15.521],
    [3, 158.512, 16.918],
    [4, 159.632, 17.86],
    [5, 160.659, 18.516],
  ])("fitGaussian(heights('course'), steepest from (155, 6), aggression 2000) is at step %i at (%f, %f)", (step, mu, sigma) => {
    const p = courseFit().path[step]!;
    expect(p.iteration).toBe(step);
    expect(p.mu).toBeCloseTo(mu, 3);
    expect(p.sigma).toBeCloseTo(sigma, 3);
  });

  it("fitGaussian(heights('course'), steepest) ends after 50 steps at (178.5198, 7.5499) with χ² 4.39245e-4", () => {
    const fit = courseFit();
    expect(fit.path.length).toBe(51);
    expect(fit.iterations).toBe(50);
    expect(fit.mu).toBeCloseTo(178.5198, 4);
    expect(fit.sigma).toBeCloseTo(7.5499, 4);
    expect(fit.chiSquared * 1e4).toBeCloseTo(4.39245, 5);
    expect(fit.reason).toBe('max-iterations');
  });

  it("fitGaussian(heights('galton-sons'), steepest from (155, 6)) gives μ = 176.538, σ = 6.712 (COURSE.md §5)", () => {
    const sons = heights('galton-sons');
    const fit = fitGaussian(sons.x, sons.y, { method: 'steepest', start: [155, 6], aggression: 2000, steps: 50 });
    expect(fit.mu).toBeCloseTo(176.538, 3);
    expect(fit.sigma).toBeCloseTo(6.712, 3);
    expect(fit.chiSquared).toBeCloseTo(1.966e-4, 7);
  });

  it.each(['gauss-newton', 'levenberg-marquardt'] as const)(
    "fitGaussian(heights('course'), { method: %s }) reaches the χ² minimum (178.51982, 7.54991)",
    (method) => {
      const fit = fitGaussian(course.x, course.y, { method, start: [155, 6] });
      expect(fit.converged).toBe(true);
      expect(fit.mu).toBeCloseTo(178.51982, 5);
      expect(fit.sigma).toBeCloseTo(7.54991, 5);
      expect(fit.chiSquared).toBeCloseTo(4.392454e-4, 9);
      expect(fit.path[0]).toMatchObject({ iteration: 0, mu: 155, sigma: 6 });
      expect(fit.path.length).toBe(fit.iterations + 1);
    },
  );

  it('fitGaussian(x, y) defaults to Levenberg–Marquardt from the histogram moments', () => {
    const daughters = heights('galton-daughters');
    const fit = fitGaussian(daughters.x, daughters.y);
    expect(fit.method).toBe('levenberg-marquardt');
    expect(fit.converged).toBe(true);
    const steep = fitGaussian(daughters.x, daughters.y, { method: 'steepest', start: [155, 6], steps: 200 });
    expect(fit.mu).toBeCloseTo(steep.mu, 5);
    expect(fit.sigma).toBeCloseTo(steep.sigma, 5);
  });

  it('fitGaussian recovers μ and σ from noise-free samples of a Gaussian, with a small covariance', () => {
    const x = Float64Array.from({ length: 41 }, (_, i) => 150 + i);
    const y = gaussian(x, 171.3, 6.2);
    const fit = fitGaussian(x, y, { start: [165, 9] });
    expect(fit.mu).toBeCloseTo(171.3, 8);
    expect(fit.sigma).toBeCloseTo(6.2, 8);
    expect(Math.abs(fit.covariance![0]![0]!)).toBeLessThan(1e-12);
  });

  it('fitGaussian reports the covariance of (μ, σ) at the result', () => {
    const fit = courseFit();
    const cov = fit.covariance!;
    expect(cov[0]![1]).toBeCloseTo(cov[1]![0]!, 15);
    expect(cov[0]![0]).toBeGreaterThan(0);
    expect(cov[1]![1]).toBeGreaterThan(0);
  });

  it('fitGaussian(steepest) stops with reason diverged when a step drives σ below 0, keeping the last good point', () => {
    // A tall narrow peak: ∂χ²/∂σ > 0 at the start, and aggression 10 overshoots σ past zero.
    const fit = fitGaussian([-1, 0, 1], [0, 10, 0], { method: 'steepest', start: [0, 1], aggression: 10, steps: 50 });
    expect(fit.reason).toBe('diverged');
    expect(fit.iterations).toBe(0);
    expect([fit.mu, fit.sigma]).toEqual([0, 1]);
    expect(fit.covariance).toBeNull();
  });

  it("fitGaussian(heights('galton-sons'), gauss-newton from (155, 6)) runs off the data and says so", () => {
    const sons = heights('galton-sons');
    // Undamped Gauss–Newton overshoots into the flat far field, where χ² ≈ Σ y² stops changing.
    const gn = fitGaussian(sons.x, sons.y, { method: 'gauss-newton', start: [155, 6] });
    expect(gn.reason).toBe('diverged');
    expect(gn.converged).toBe(false);
    expect(gn.covariance).toBeNull();
    const lm = fitGaussian(sons.x, sons.y, { method: 'levenberg-marquardt', start: [155, 6] });
    expect(lm.converged).toBe(true);
    expect(lm.mu).toBeCloseTo(176.538, 3);
  });

  it('fitGaussian(steepest) with a huge aggression jumps off the data and reports diverged', () => {
    const fit = fitGaussian(course.x, course.y, { method: 'steepest', start: [155, 6], aggression: 1e7, steps: 50 });
    expect(fit.reason).toBe('diverged');
    expect(fit.sigma).toBeGreaterThan(1000);
  });

  it.each([
    [[1, 2, 3], [1, 2], {}, /x has 3 values but y has 2/],
    [[1, 2], [1, 2], {}, /at least 3/],
    [[1, 2, 3], [1, 2, 1], { method: 'newton' }, /method/],
    [[1, 2, 3], [1, 2, 1], { start: [2, -1] }, /start/],
    [[1, 2, 3], [1, 2, 1], { aggression: -1 }, /aggression/],
    [[1, 2, 3], [1, 2, 1], { steps: 1.5 }, /steps/],
    [[1, 2, 3], [1, 2, 1], { steps: 1e12 }, /steps must be an integer from 0 to 100000, got 1000000000000/],
    [[1, 2, 3], [1, 2, 1], { steps: FIT_GAUSSIAN_MAX_STEPS + 1 }, /steps/],
    [[1, 2, 3], [0, 0, 0], {}, /every y is 0; expected a histogram with at least one non-empty bin/],
    [[1, 2, 3], [0, 1, 0], {}, /all the weight is in one bin \(x = 2\).*pass option start/],
    [[1, 2, 3], [1, -2, 1], {}, /y\[1\] is -2/],
  ])('fitGaussian(%j, %j, %j) throws a RangeError naming the problem', (x, y, options, message) => {
    expect(() => fitGaussian(x, y, options as never)).toThrow(RangeError);
    expect(() => fitGaussian(x, y, options as never)).toThrow(message);
  });

  it('fitGaussian accepts the largest budget, FIT_GAUSSIAN_MAX_STEPS, keeps the whole path and stops when leastSquares converges', () => {
    const x = [1, 2, 3, 4, 5];
    const y = x.map((v) => gaussian(v, 3, 1));
    const fit = fitGaussian(x, y, { method: 'steepest', start: [2.5, 1.5], aggression: 1, steps: FIT_GAUSSIAN_MAX_STEPS });
    expect(fit.path.length).toBe(fit.iterations + 1);
    expect(fit.converged).toBe(true);
    expect(fit.mu).toBeCloseTo(3, 6);
    expect(fit.sigma).toBeCloseTo(1, 6);
    // A run that does not converge keeps every one of its steps.
    const slow = fitGaussian(course.x, course.y, { method: 'steepest', start: [155, 6], aggression: 20, steps: 3000 });
    expect(slow.path.length).toBe(3001);
    expect(slow.reason).toBe('max-iterations');
  });

  it.each([
    [{ step: 10 }, /fitGaussian: unknown option "step"; did you mean "steps"\?/],
    [{ Method: 'steepest' }, /unknown option "Method"; did you mean "method"\?/],
    [{ aggresion: 2000 }, /did you mean "aggression"/],
    [{ start: [155, 6], p0: [1, 2] }, /unknown option "p0"/],
  ])('fitGaussian(x, y, %j) rejects the unknown option by name', (options, message) => {
    expect(() => fitGaussian(course.x, course.y, options as never)).toThrow(TypeError);
    expect(() => fitGaussian(course.x, course.y, options as never)).toThrow(message);
  });

  it('fitGaussian accepts 1-D tensors of @slope/autodiff and gives the same fit as arrays', () => {
    const fromTensors = fitGaussian(tensor(Array.from(course.x)), tensor(Array.from(course.y)), { method: 'steepest', start: [155, 6], steps: 50 });
    expect(fromTensors.mu).toBe(courseFit().mu);
    expect(() => fitGaussian(tensor([1, 2, 3, 4], [2, 2]), [1, 2, 3, 4])).toThrow(/x is a tensor of shape \[2, 2\]/);
  });
});
