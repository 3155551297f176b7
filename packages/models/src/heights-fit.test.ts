import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquared, contourWindow, dataRegion, fitRunaway, gaussian, heights, histogramMoments } from './index.js';

const course = heights('course');

describe('the heights module', () => {
  it('chiSquared(x, y, μ, σ) is the course χ²: 0.0125075 at (160, 15), 0.0323333 at (155, 6), 4.392454e-4 at the minimum (COURSE.md §2.5)', () => {
    expect(chiSquared(course.x, course.y, 160, 15)).toBeCloseTo(0.0125075, 7);
    expect(chiSquared(course.x, course.y, 155, 6)).toBeCloseTo(0.0323333, 7);
    expect(chiSquared(course.x, course.y, 178.51982, 7.54991) / 4.392454e-4).toBeCloseTo(1, 6);
  });

  it('chiSquared is Σ (y − f)² for any data (property, against gaussian())', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 100, max: 250, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: 150, max: 200, noNaN: true }), fc.double({ min: 1, max: 30, noNaN: true }), (x, mu, sigma) => {
        const y = x.map((v, i) => (i % 3) * 0.01 + v * 1e-5);
        const f = gaussian(x, mu, sigma);
        const expected = y.reduce((s, yi, i) => s + (yi - f[i]!) ** 2, 0);
        expect(chiSquared(x, y, mu, sigma)).toBeCloseTo(expected, 14);
      }),
    );
  });

  it('histogramMoments of the course data: mean 178.49 cm, sd 7.545 cm (COURSE.md §2.4); of [1, 2, 3] / [1, 2, 1]: 2, √½', () => {
    const { mean, sd } = histogramMoments(course.x, course.y);
    expect(mean).toBeCloseTo(178.49, 2);
    expect(sd).toBeCloseTo(7.545, 3);
    expect(histogramMoments([1, 2, 3], [1, 2, 1])).toEqual({ mean: 2, sd: Math.SQRT1_2 });
    expect(() => histogramMoments([1, 2], [1])).toThrow(/2 centres but 1 heights/);
    expect(() => histogramMoments([1, 2], [1, -1])).toThrow(/heights\[1\] is -1/);
    expect(() => histogramMoments([1, 2], [0, 0])).toThrow(/every height is 0/);
  });

  it('contourWindow keeps the course window (μ 150–200, σ 2–35) for data inside it and moves or widens it otherwise', () => {
    expect(contourWindow(histogramMoments(course.x, course.y))).toEqual({ mu: [150, 200], sigma: [2, 35] });
    const daughters = heights('galton-daughters');
    expect(contourWindow(histogramMoments(daughters.x, daughters.y))).toEqual({ mu: [150, 200], sigma: [2, 35] });
    expect(contourWindow({ mean: 120, sd: 5 })).toEqual({ mu: [95, 145], sigma: [2, 35] });
    expect(contourWindow({ mean: 175, sd: 20 })).toEqual({ mu: [115, 235], sigma: [2, 60] });
  });

  it('dataRegion spans the occupied bins, edges included: the course data 160–200 cm', () => {
    expect(dataRegion(course.x, course.y)).toMatchObject({ low: 160, high: 200, span: 40 });
    expect(() => dataRegion([1, 2], [0, 0])).toThrow(/no bin has a positive height/);
  });

  it('fitRunaway judges a fit inside the data (null) and each way of leaving it, by name', () => {
    const region = dataRegion(course.x, course.y);
    const at = (mu: number, sigma: number) => ({ mu, sigma, chiSquared: chiSquared(course.x, course.y, mu, sigma) });
    expect(fitRunaway(course.x, region, at(178.5, 7.5))).toBeNull();
    expect(fitRunaway(course.x, region, at(155, 6))).toBeNull();
    expect(fitRunaway(course.x, region, { mu: Number.NaN, sigma: 3, chiSquared: 1 })).toMatch(/stopped being finite/);
    expect(fitRunaway(course.x, region, at(178, -2))).toMatch(/σ = -2.0000 cm is not positive/);
    expect(fitRunaway(course.x, region, at(4785, 36600))).toMatch(/larger than the whole span of the data \(40.0000 cm\)/);
    expect(fitRunaway(course.x, region, at(300, 7))).toMatch(/μ = 300.0000 cm is more than one data span/);
    // Far from the data the curve vanishes over every bin although μ and σ look tame.
    expect(fitRunaway([160, 170, 180], dataRegion([160, 170, 180], [1, 1, 1]), { mu: 205, sigma: 1, chiSquared: 3 })).toMatch(/practically zero over every bin/);
  });
});
