import { contourWindow, heights, histogramMoments } from '@slope/models';
import { taylor } from '@slope/symbolic';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { compileUserStep, descentPaths } from './descent-sandpit.js';
import { COURSE_START, chiSquaredGrid, heightsFits } from './heights.js';
import { constrainedStationaryPoints, PROBLEMS } from './lagrange.js';
import { fitSeries, startingPoints } from './linear-regression.js';
import { linearisationStudy, logSlope } from './linearisation.js';
import { newtonTable } from './newton-raphson.js';
import { FIT_PRESETS, fitTyped, parseStart, presetData } from './nonlinear-fit.js';
import { localModel, taylor2d } from './taylor-2d.js';
import { evaluateSeries, prepareSeries, TAYLOR_PRESETS, validInterval } from './taylor-series.js';
import { linearRegression } from '@slope/models';

describe('week 4: Taylor series', () => {
  test.each([
    ['1/x', 1, [1, -1, 1, -1, 1]],
    ['2/(x^2 - x)', 0.5, [-8, 0, -32, 0, -128]],
    ['exp(x)', 0, [1, 1, 1 / 2, 1 / 6, 1 / 24]],
    ['cos(x)', 0, [1, 0, -1 / 2, 0, 1 / 24]],
  ] as const)('prepareSeries(%s, %s) has the coefficients f⁽ᵏ⁾(a)/k! of the course', (expr, a, expected) => {
    const c = prepareSeries(expr, a).coefficients;
    expected.forEach((v, k) => expect(c[k]).toBeCloseTo(v, 12));
  });

  it('evaluateSeries(series, n, x) converges inside the radius and diverges outside (1/x about 1)', () => {
    const s = prepareSeries('1/x', 1);
    expect(Math.abs(evaluateSeries(s, 12, 1.5) - 1 / 1.5)).toBeLessThan(1e-3);
    expect(Math.abs(evaluateSeries(s, 12, 2.5) - 1 / 2.5)).toBeGreaterThan(10);
    expect(validInterval(TAYLOR_PRESETS.find((p) => p.expr === '1/x')!, 1)).toEqual([0, 2]);
    expect(validInterval(TAYLOR_PRESETS.find((p) => p.expr === '2/(x^2 - x)')!, 0.5)).toEqual([0, 1]);
  });

  it('evaluateSeries(series, n, a) equals f(a) for every order (the series matches f at its centre)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (n, a) => {
      expect(evaluateSeries(prepareSeries('exp(x)', a, n), n, a)).toBeCloseTo(Math.exp(a), 10);
    }), { numRuns: 20 });
  });

  it('linearisationStudy(expr, x) shows an O(Δx²) linearisation and an O(Δx) forward difference', () => {
    for (const expr of ['exp(x)', 'sin(x)', 'log(x)']) {
      const s = linearisationStudy(expr, 1);
      expect(logSlope(s.dx, s.linear)).toBeCloseTo(2, 1);
      expect(logSlope(s.dx, s.forward)).toBeCloseTo(1, 1);
    }
  });

  it('taylor2d(localModel(f, a), 2, …) agrees with @slope/symbolic taylor of order 2 (the quiz function about (−1, 2))', () => {
    const f = 'x*y^2*exp(-x^4 - y^2/2)';
    const m = localModel(f, [-1, 2]);
    const t = taylor(f, { about: { x: -1, y: 2 }, order: 2 });
    fc.assert(fc.property(fc.double({ min: -2, max: 0, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (x, y) => {
      expect(taylor2d(m, 2, x, y)).toBeCloseTo(t.evaluate({ x, y }), 10);
    }), { numRuns: 30 });
    expect(taylor2d(m, 0, 5, 5)).toBe(m.f);
  });
});

describe('week 5: optimisation', () => {
  it('newtonTable reproduces the quiz: one step from 1 gives 1.0625, roots −3.760214 and 1.063071, 1.99 jumps to −36.47', () => {
    const quiz = 'x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30';
    expect(newtonTable(quiz, 1).rows[1]!.x).toBeCloseTo(1.0625, 10);
    expect(newtonTable(quiz, 1).rows.at(-1)!.x).toBeCloseTo(1.063071, 6);
    expect(newtonTable(quiz, -4).rows.at(-1)!.x).toBeCloseTo(-3.760214, 6);
    expect(newtonTable(quiz, 1.99).rows[1]!.x).toBeCloseTo(-36.47, 2);
    expect(newtonTable(quiz, 3.1).converged).toBe(false);
  });

  it('newtonTable finds −1.7693 for x³ − 2x + 2 from −2, cycles from 0 and diverges on arctan from 1.5', () => {
    expect(newtonTable('x^3 - 2*x + 2', -2).rows.at(-1)!.x).toBeCloseTo(-1.7693, 4);
    expect(newtonTable('x^3 - 2*x + 2', 0).reason).toBe('oscillating');
    expect(newtonTable('atan(x)', 1.5).reason).toBe('diverged');
  });

  it('compileUserStep parses the J/H grammar and names bad input', () => {
    const s = compileUserStep('-(H22*J1 - H12*J2)/detH', '-(H11*J2 - H21*J1)/detH');
    expect(s.ok).toBe(true);
    // On a quadratic with H = [[2, 0], [0, 8]], the Newton step from J = [2, 8] is [−1, −1].
    if (s.ok) expect(s.step([2, 8], [[2, 0], [0, 8]], 0.5)).toEqual([-1, -1]);
    expect(compileUserStep('-gamma*', 'J2')).toMatchObject({ ok: false, position: 7 });
    const unknown = compileUserStep('alert*J1', 'J2');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('alert');
  });

  it('descentPaths on a bowl: steepest, Newton, hybrid, momentum, Adam and your step all reach the bottom; "right" walks out', () => {
    const bowl = (x: number, y: number): number => (x - 3) ** 2 + 2 * (y - 3) ** 2;
    const paths = descentPaths(bowl, [1, 1.5], { gamma: 0.2, beta: 0.5, adamStep: 0.2, steps: 50 }, compileUserStep('-gamma*J1', '-gamma*J2'));
    for (const k of ['steepest', 'newton', 'hybrid', 'momentum', 'adam', 'yours'] as const) {
      const p = paths[k]!;
      expect(Math.hypot(p.x.at(-1)! - 3, p.y.at(-1)! - 3), k).toBeLessThan(0.05);
    }
    expect(paths.right!.x.at(-1)).toBeGreaterThan(6);
    expect(paths.newton!.x.length).toBeLessThanOrEqual(3);
  });

  it('constrainedStationaryPoints finds the quiz\'s four points (COURSE.md §3.4) and the video\'s maximum 2a³/(3√3)', () => {
    const quiz = constrainedStationaryPoints(PROBLEMS[0]!);
    const expected = [[0.93094, -1.21083, -0.15232, 0.11494], [-0.95896, -1.1637, -0.24654, 0.3539], [-0.62614, -1.45017, -0.1565, 0.37175], [-0.09584, -0.42531, 0.10111, 0.92381]];
    expect(quiz).toHaveLength(4);
    quiz.forEach((p, k) => {
      const [x, y, lambda, f] = expected[k]!;
      expect(p.x).toBeCloseTo(x!, 4);
      expect(p.y).toBeCloseTo(y!, 4);
      expect(p.lambda).toBeCloseTo(lambda!, 4);
      expect(p.f).toBeCloseTo(f!, 4);
    });
    expect(quiz[0]!.kind).toBe('minimum');
    expect(quiz[3]!.kind).toBe('maximum');
    const video = constrainedStationaryPoints(PROBLEMS[1]!);
    const top = video.at(-1)!;
    expect(top.f).toBeCloseTo((2 * 8) / (3 * Math.sqrt(3)), 10);
    expect(Math.abs(top.x)).toBeCloseTo(2 * Math.sqrt(2 / 3), 10);
    expect(top.kind).toBe('maximum');
  });
});

describe('week 6: regression', () => {
  it('fitSeries draws the line and one residual segment per point', () => {
    const { x, y } = startingPoints(1);
    const fit = linearRegression(x, y);
    const series = fitSeries(x, y, fit);
    expect(series).toHaveLength(1 + x.length);
    series.slice(1).forEach((s, i) => expect(s.y[1]).toBeCloseTo(fit.predict(x[i]!), 12));
  });

  it('fitTyped recovers each preset\'s parameters from noisy data', () => {
    const truths = [{ a: 3, b: 0.5 }, { a: 2.5, m: 4.5, s: 1.2 }, { a1: 2, a2: 0.3 }];
    FIT_PRESETS.forEach((p, k) => {
      const { x, y } = presetData(p, 3);
      const r = fitTyped(p.model, p.start, x, y);
      expect(r.ok).toBe(true);
      if (r.ok) for (const [name, v] of Object.entries(truths[k]!)) expect(Math.abs(r.fit.values[name]! - v), name).toBeLessThan(0.1 * Math.abs(v));
    });
  });

  it('fitTyped reports a parse error with its position and a start value for no parameter', () => {
    expect(fitTyped('a*exp(-b*', '', [1, 2, 3], [1, 2, 3])).toMatchObject({ ok: false });
    const r = fitTyped('a*x', 'z=1', [1, 2, 3], [1, 2, 3]);
    expect(r.ok === false && r.message).toContain('z');
    expect(parseStart('a=1, b = -0.5')).toEqual({ a: 1, b: -0.5 });
    expect(() => parseStart('a=one')).toThrow(RangeError);
  });

  it('heightsFits reaches μ = 178.52, σ = 7.55 on the course data (COURSE.md §2.5) and 176.538, 6.712 on Galton\'s sons (§5.1)', () => {
    const course = heightsFits(heights('course'), 2000);
    expect(course.steepest.path[0]).toMatchObject({ mu: COURSE_START[0], sigma: COURSE_START[1] });
    expect(course.steepest.path[1]!.mu).toBeCloseTo(155.926, 3);
    expect(course.steepest.path[1]!.sigma).toBeCloseTo(13.319, 3);
    expect(course.steepest.path).toHaveLength(51);
    expect(course.steepest.mu.toFixed(2)).toBe('178.52');
    expect(course.steepest.sigma.toFixed(2)).toBe('7.55');
    expect(course.lm.mu).toBeCloseTo(178.51982, 4);
    expect(course.lm.sigma).toBeCloseTo(7.54991, 4);
    const sons = heightsFits(heights('galton-sons'), 2000);
    expect(sons.steepest.mu).toBeCloseTo(176.538, 3);
    expect(sons.steepest.sigma).toBeCloseTo(6.712, 3);
  });

  it('chiSquaredGrid covers the course window μ 150–200, σ 2–35, and its smallest value is near the fit', () => {
    const g = chiSquaredGrid(heights('course'));
    expect(g.muRange).toEqual([150, 200]);
    const values = Array.from(g.values);
    const k = values.indexOf(Math.min(...values));
    const mu = g.x[k % g.x.length]!;
    const sigma = g.y[Math.floor(k / g.x.length)]!;
    expect(Math.abs(mu - 178.52)).toBeLessThan(1);
    expect(Math.abs(sigma - 7.55)).toBeLessThan(1);
  });

  it("chiSquaredGrid frames any histogram with the fit-heights CLI's rule (@slope/models' contourWindow)", () => {
    const shifted = { ...heights('course'), x: heights('course').x.map((v) => v - 60) };
    const g = chiSquaredGrid(shifted);
    const window = contourWindow(histogramMoments(shifted.x, shifted.y));
    expect([g.muRange, g.sigmaRange]).toEqual([window.mu, window.sigma]);
    expect(g.muRange[0]).toBeLessThan(150 - 60 + 25);
  });
});
