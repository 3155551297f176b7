import { compile, derivative, evaluate, explain, parse } from '@slope/symbolic';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { chainCheck } from './chain-rule.js';
import { caretLine, differentiate } from './derivative-explorer.js';
import { classify, stationaryPoints } from './hessian-classify.js';
import { jacobianField } from './jacobian-arrows.js';
import { jacobianAndDeterminant } from './jacobian-polar.js';
import { stepStudy } from './reality-is-hard.js';
import { riseOverRunLimit, secant } from './secant.js';
import { BEAST_FORMS, beastCheck } from './taming-beast.js';
import { notCost, notGradient } from './tanh-neuron.js';

describe('secant', () => {
  it('secant(expr, x, dx) has slope (f(x+dx) − f(x))/dx and an error that shrinks in proportion to dx', () => {
    expect(secant('x^2', 1, 0.1).slope).toBeCloseTo(2.1, 12);
    expect(secant('x^2', 1, 0.1).tangentSlope).toBe(2);
    // For x², the forward difference error is exactly dx.
    fc.assert(fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }), (x, dx) => {
      expect(secant('x^2', x, dx).error).toBeCloseTo(dx, 6);
    }));
  });

  it.each(['x^2', 'sin(x)', 'exp(x)', 'x^3 - 2x', '3x + 2', '5x^2', 'x*log(x)'])('riseOverRunLimit(%j) is the limit of rise over run, equal to the derivative', (f) => {
    const lim = riseOverRunLimit(f);
    expect(lim.toString()).not.toContain('dx');
    for (const x of [0.4, 1.3, 2.2]) expect(evaluate(lim, { x })).toBeCloseTo(evaluate(derivative(f, 'x'), { x }), 12);
  });
});

describe('derivative explorer', () => {
  test.each([
    ['x^3', '3*x^2'],
    ['sin(x)', 'cos(x)'],
    ['exp(x)', 'exp(x)'],
  ])('differentiate(%s) gives %s with its steps', (src, expected) => {
    const r = differentiate(src);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.df.toString()).toBe(expected);
      expect(r.steps.length).toBeGreaterThan(0);
      expect(r.steps.every((s) => s.tex.includes('='))).toBe(true);
    }
  });

  it('differentiate(source) reports a parse error at its position', () => {
    const r = differentiate('x^2 + * 3');
    expect(r).toMatchObject({ ok: false, position: 6 });
  });

  it('differentiate(source) refuses a second variable and names it', () => {
    const r = differentiate('x*y');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('y');
  });

  it('caretLine(source, position) puts a caret under the character at position', () => {
    expect(caretLine('x^2 + * 3', 6)).toBe('x^2 + * 3\n      ^');
    expect(caretLine('x +', 99)).toBe('x +\n   ^');
  });
});

describe('taming a beast', () => {
  it('beastCheck() finds the symbolic derivative equal to the lecture\'s hand result and to a central difference', () => {
    const { vsHand, vsNumeric } = beastCheck(0, 1.5);
    expect(vsHand).toBeLessThan(1e-12);
    expect(vsNumeric).toBeLessThan(1e-5);
  });

  it.each(BEAST_FORMS)('the $key route\'s working starts with the $rule rule it is labelled with, and both routes give the same f′', ({ source, rule, label }) => {
    expect(explain(parse(source), 'x')[0]?.rule).toBe(rule);
    expect(label).toContain(`${rule} rule`);
    const df = compile(derivative(parse(source), 'x'), ['x']);
    const reference = compile(derivative(parse(BEAST_FORMS[1].source), 'x'), ['x']);
    for (const x of [0, 0.3, 0.77, 1.2]) expect(df([x])).toBeCloseTo(reference([x]), 10);
  });
});

describe('week 2', () => {
  it('jacobianField(x² + y², n) gives arrows J = [2x, 2y]', () => {
    const field = jacobianField('x^2 + y^2', 4);
    field.x.forEach((x, k) => {
      expect(field.u[k]).toBeCloseTo(2 * x, 12);
      expect(field.v[k]).toBeCloseTo(2 * field.y[k]!, 12);
    });
  });

  it('jacobianAndDeterminant(polar) gives [[cos θ, −r sin θ], [sin θ, r cos θ]] with |J| = r', () => {
    const { J, det } = jacobianAndDeterminant(['r*cos(theta)', 'r*sin(theta)'], ['r', 'theta']);
    expect(J.map((row) => row.map((e) => e.toString()))).toEqual([['cos(theta)', '-r*sin(theta)'], ['sin(theta)', 'r*cos(theta)']]);
    fc.assert(fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: -7, max: 7, noNaN: true }), (r, theta) => {
      expect(evaluate(det, { r, theta })).toBeCloseTo(r, 12);
    }));
  });

  it('jacobianAndDeterminant(linear map) is the map itself, determinant 7', () => {
    const { J, det } = jacobianAndDeterminant(['x + 2*y', '3*y - 2*x'], ['x', 'y']);
    expect(J.map((row) => row.map((e) => e.toString()))).toEqual([['1', '2'], ['-2', '3']]);
    expect(det.toString()).toBe('7');
  });

  test.each([
    [[[2, 0], [0, 2]], 'minimum'],
    [[[-2, 0], [0, -2]], 'maximum'],
    [[[2, 0], [0, -2]], 'saddle'],
    [[[0, 0], [0, 2]], 'inconclusive'],
  ] as const)('classify(%j) is %s', (H, kind) => {
    expect(classify(H)).toBe(kind);
  });

  it('stationaryPoints(x³ − 3x + y²) finds the saddle at (−1, 0) and the minimum at (1, 0)', () => {
    const points = stationaryPoints('x^3 - 3*x + y^2');
    expect(points.map((p) => [Number(p.x.toFixed(6)), Number(p.y.toFixed(6)), p.kind])).toEqual([[-1, 0, 'saddle'], [1, 0, 'minimum']]);
  });

  it('stepStudy(exp(x), 1) shows slope-1 and slope-2 truncation error at large h and rounding error at tiny h', () => {
    const s = stepStudy('exp(x)', 1, 0, 0);
    const at = (h: number) => s.h.findIndex((v) => Math.abs(Math.log10(v) - Math.log10(h)) < 1e-9);
    // Truncation: ten times smaller h → ten (forward) or a hundred (central) times smaller error.
    expect(s.forward[at(1e-2)]! / s.forward[at(1e-3)]!).toBeCloseTo(10, 0);
    expect(s.central[at(1e-2)]! / s.central[at(1e-3)]!).toBeCloseTo(100, -1);
    // Rounding: at h = 1e-13 the forward difference is far worse than at its best step.
    expect(s.forward[at(1e-13)]!).toBeGreaterThan(100 * Math.min(...s.forward));
  });

  it('stepStudy with noise raises the smallest achievable error', () => {
    const clean = Math.min(...stepStudy('sin(x)', 1, 0, 1).central);
    const noisy = Math.min(...stepStudy('sin(x)', 1, 1e-6, 1).central);
    expect(noisy).toBeGreaterThan(100 * clean);
  });
});

describe('week 3', () => {
  it('chainCheck(t): the chain rule, direct differentiation and autodiff agree; the central difference to O(h²)', () => {
    fc.assert(fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), (t) => {
      const c = chainCheck(t);
      const scale = Math.max(1, Math.abs(c.chainRule));
      expect(Math.abs(c.direct - c.chainRule)).toBeLessThan(1e-10 * scale);
      expect(Math.abs(c.autodiff - c.chainRule)).toBeLessThan(1e-10 * scale);
      expect(Math.abs(c.numeric - c.chainRule)).toBeLessThan(1e-6 * scale);
    }), { numRuns: 30 });
  });

  it('notCost(1.3, −0.1) matches the quiz: one example costs 0.696 (x = 1, y = 0), the other about 1.2', () => {
    const c1 = (Math.tanh(1.3 - 0.1) - 0) ** 2;
    expect(c1).toBeCloseTo(0.696, 2);
    expect((Math.tanh(-0.1) - 1) ** 2).toBeCloseTo(1.2, 1);
    expect(notCost(1.3, -0.1)).toBeCloseTo((c1 + (Math.tanh(-0.1) - 1) ** 2) / 2, 12);
    expect(notCost(-10, 10)).toBeLessThan(notCost(-5, 5));
    expect(notCost(-5, 5)).toBeLessThan(notCost(1.3, -0.1));
  });

  it('notGradient(w, b) from autodiff matches central differences of notCost', () => {
    fc.assert(fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (w, b) => {
      const [gw, gb] = notGradient(w, b);
      const h = 1e-6;
      expect(gw).toBeCloseTo((notCost(w + h, b) - notCost(w - h, b)) / (2 * h), 5);
      expect(gb).toBeCloseTo((notCost(w, b + h) - notCost(w, b - h)) / (2 * h), 5);
    }), { numRuns: 30 });
  });
});
