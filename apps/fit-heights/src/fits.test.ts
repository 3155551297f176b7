import { chiSquared, contourWindow, dataRegion, heights } from '@slope/models';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { runMethod, runawayReason } from './index.js';

const course = heights('course');
const region = dataRegion(course.x, course.y);

describe('chiSquared(x, y, mu, sigma)', () => {
  // COURSE.md §2.5, re-computed with numpy from the course formulas.
  test.each([
    [160, 15, 0.0125075],
    [155, 6, 0.0323333],
    [178.51982, 7.54991, 4.392454e-4],
  ])('chiSquared(course, %d, %d) is %d', (mu, sigma, expected) => {
    expect(chiSquared(course.x, course.y, mu, sigma) / expected).toBeCloseTo(1, 5);
  });
});

describe('dataRegion(x, y) and runawayReason(x, region, point), the one judge of @slope/models', () => {
  it('dataRegion(course) spans the occupied bins 160–200 cm', () => {
    expect(region).toMatchObject({ low: 160, high: 200, span: 40 });
  });

  it('dataRegion(x, all-zero y) throws a RangeError', () => {
    expect(() => dataRegion([1, 2], [0, 0])).toThrow(RangeError);
  });

  test.each([
    [{ step: 1, mu: 4785, sigma: 36600, chi2: 0.015 }, /σ = 36600\.0000 cm is larger than the whole span/],
    [{ step: 1, mu: 290, sigma: 5, chi2: 0.015 }, /μ = 290\.0000 cm is more than one data span/],
    [{ step: 1, mu: 170, sigma: -1, chi2: 0.015 }, /σ = -1\.0000 cm is not positive/],
    [{ step: 1, mu: Number.NaN, sigma: 5, chi2: 0.015 }, /stopped being finite/],
  ])('runawayReason(%j, course) explains why the point is outside', (point, message) => {
    expect(runawayReason(course.x, region, point)).toMatch(message);
  });

  it('runawayReason(x, region, point) is null for every Gaussian centred on the data and as wide as a bin or more', () => {
    fc.assert(
      fc.property(fc.double({ min: 160, max: 200, noNaN: true }), fc.double({ min: 1.25, max: 40, noNaN: true }), (mu, sigma) => {
        expect(runawayReason(course.x, region, { step: 0, mu, sigma, chi2: 0 })).toBeNull();
      }),
    );
  });
});

describe('runMethod(x, y, region, method, settings)', () => {
  const settings = { start: [155, 6] as const, aggression: 2000, steps: 50 };

  it('runMethod(course, steepest) keeps the whole path and ends at the notebook point', () => {
    const run = runMethod(course.x, course.y, region, 'steepest', settings);
    expect(run.path).toHaveLength(51);
    expect(run.final.mu).toBeCloseTo(178.5198, 4);
    expect(run.final.sigma).toBeCloseTo(7.5499, 4);
    expect(run).toMatchObject({ iterations: 50, diverged: false, reason: 'max-iterations', fitReason: 'max-iterations' });
    expect(run.best).toBe(run.final);
  });

  it('runMethod(course, steepest, aggression 1e7) is judged diverged; its best point is the lowest χ² inside the region', () => {
    const run = runMethod(course.x, course.y, region, 'steepest', { ...settings, aggression: 1e7 });
    expect(run).toMatchObject({ diverged: true, converged: false, reason: 'diverged' });
    expect(run.message).toMatch(/^diverged: left the data's region at step 1; at step 50 σ = .* is larger than the whole span/);
    expect(run.best).toEqual(run.path[0]);
    // The runaway χ² (the model flattened to zero) is lower than the start's, yet not a fit.
    expect(run.final.chi2).toBeLessThan(run.best.chi2);
  });

  test.each(['gauss-newton', 'levenberg-marquardt'] as const)('runMethod(course, %s) converges to the χ² minimum', (method) => {
    const run = runMethod(course.x, course.y, region, method, settings);
    expect(run).toMatchObject({ converged: true, diverged: false });
    expect(run.final.mu).toBeCloseTo(178.51982, 4);
    expect(run.path[0]).toMatchObject({ step: 0, mu: 155, sigma: 6 });
  });
});

describe('contourWindow(moments)', () => {
  test.each([
    [{ mean: 178.49, sd: 7.545 }, { mu: [150, 200], sigma: [2, 35] }],
    [{ mean: 163.1, sd: 6.1 }, { mu: [150, 200], sigma: [2, 35] }],
    [{ mean: 120, sd: 5 }, { mu: [95, 145], sigma: [2, 35] }],
    [{ mean: 170, sd: 20 }, { mu: [110, 230], sigma: [2, 60] }],
  ])('contourWindow(%j) is %j', (moments, expected) => {
    expect(contourWindow(moments)).toEqual(expected);
  });
});
