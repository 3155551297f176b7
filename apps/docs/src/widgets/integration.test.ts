import { describe, expect, it } from 'vitest';
import { areaFunction } from './fundamental-theorem.js';
import { gaussianByQuad, gaussianSymbolic, HEIGHTS_START, polarCheck } from './gaussian-normalisation.js';
import { integrateSource } from './integral-explorer.js';
import { area, parseBound, riemannPath, riemannSum } from './integration-shared.js';
import { convergence, RIEMANN_PRESETS } from './riemann-sums.js';

describe('Riemann sums', () => {
  it('riemannSum(f, a, b, n, rule) for x² on [0, 1]: the four rules by hand', () => {
    const f = (x: number) => x * x;
    expect(riemannSum(f, 0, 1, 2, 'left')).toBeCloseTo(0.125, 15);
    expect(riemannSum(f, 0, 1, 2, 'right')).toBeCloseTo(0.625, 15);
    expect(riemannSum(f, 0, 1, 2, 'midpoint')).toBeCloseTo((1 / 16 + 9 / 16) / 2, 15);
    expect(riemannSum(f, 0, 1, 2, 'trapezoid')).toBeCloseTo(0.375, 15);
  });

  it('the sums converge to the integral: like 1/n from the ends, like 1/n² from midpoints and trapezoids', () => {
    const f = (x: number) => x * x;
    const left = convergence(f, 0, 2, 8 / 3, 'left', 100).errors;
    const mid = convergence(f, 0, 2, 8 / 3, 'midpoint', 100).errors;
    // Ten times the rectangles: a tenth of the error, or a hundredth.
    expect((left[9] as number) / (left[99] as number)).toBeCloseTo(10, 0);
    expect((mid[9] as number) / (mid[99] as number)).toBeCloseTo(100, 0);
  });

  it('riemannPath outlines one rectangle per piece, up, across and down', () => {
    const p = riemannPath((x) => x + 1, 0, 2, 2, 'left');
    expect(p.x).toEqual([0, 0, 1, 1, 1, 1, 2, 2]);
    expect(p.y).toEqual([0, 1, 1, 0, 0, 2, 2, 0]);
  });

  it('the exact areas of the presets come from integrate, or from quad where there is no antiderivative', () => {
    const areas = RIEMANN_PRESETS.map((p) => area(p.expr, p.a, p.b));
    expect(areas.map((a) => a.tex)).toEqual(['\\frac{8}{3}', '\\pi + 2', '\\ln\\left(3\\right)', '\\frac{16}{3}', '2.3925760266']);
    expect(areas.map((a) => a.how)).toEqual(['symbolic', 'symbolic', 'symbolic', 'symbolic', 'numerical']);
    expect(areas[4]?.value).toBeCloseTo(2.392576026645216, 12); // sqrt(2π)·erf(√2), SciPy
  });
});

describe('the fundamental theorem', () => {
  it('areaFunction(f, a).at(x) = ∫ₐˣ f from the antiderivative, and its slope is f', () => {
    const A = areaFunction('cos(t)', 0);
    expect(A.antiderivative?.toString()).toBe('sin(t)');
    expect(A.at(Math.PI / 2)).toBeCloseTo(1, 14);
    const B = areaFunction('exp(-t/2)*sin(3*t)', 0);
    for (const x of [0.4, 1.3, 2.9]) {
      const h = 1e-5;
      expect((B.at(x + h) - B.at(x - h)) / (2 * h)).toBeCloseTo(Math.exp(-x / 2) * Math.sin(3 * x), 8);
    }
  });

  it('without an antiderivative it falls back to quad, still an area function', () => {
    const A = areaFunction('exp(-t^2)', 0);
    expect(A.antiderivative).toBeUndefined();
    expect(A.at(1)).toBeCloseTo(0.746824132812427, 12); // sqrt(π)/2·erf(1)
  });
});

describe('the integral explorer', () => {
  it('integrateSource(text) gives the antiderivative and the working', () => {
    const r = integrateSource('x*exp(x)');
    expect(r.ok && r.F?.toString()).toBe('(x - 1)*exp(x)');
    expect(r.ok && r.steps.map((s) => s.rule)).toEqual(['parts', 'table', 'table']);
  });

  it('with bounds it gives the definite integral and quad\'s value beside it', () => {
    const r = integrateSource('1/(x^2 + 1)', '0', 'inf');
    expect(r.ok && r.value?.toString()).toBe('pi/2');
    expect(r.ok && r.numeric?.converged).toBe(true);
    expect(r.ok && Math.abs((r.numeric?.value ?? 0) - Math.PI / 2)).toBeLessThan(1e-10);
    expect(parseBound('-inf')).toBe(-Infinity);
    expect(parseBound(' 2.5 ')).toBe(2.5);
    expect(parseBound('pi/2')).toBe('pi/2');
    expect(parseBound('')).toBeUndefined();
  });

  it('reports a parse error at its position, a refusal with its reason, and bad input', () => {
    expect(integrateSource('x^2 + * 3')).toMatchObject({ ok: false, kind: 'parse', position: 6 });
    const refused = integrateSource('exp(-x^2)');
    expect(refused).toMatchObject({ ok: false, kind: 'refused' });
    expect(!refused.ok && refused.message).toMatch(/no antiderivative of "exp\(-x\^2\)"/);
    expect(integrateSource('1/x^2', '-1', '1')).toMatchObject({ ok: false, kind: 'refused' });
    expect(integrateSource('x', '0', '')).toMatchObject({ ok: false, kind: 'input' });
    expect(integrateSource('x*y')).toMatchObject({ ok: false, kind: 'input' });
    expect(integrateSource('x', '0', 'y')).toMatchObject({ ok: false, kind: 'input' });
  });
});

describe('the Gaussian normalisation', () => {
  it('quad over ℝ gives sqrt(2π)·σ for the heights model at the course\'s start (155, 6)', () => {
    const r = gaussianByQuad(HEIGHTS_START.mu, HEIGHTS_START.sigma);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.value - Math.sqrt(2 * Math.PI) * 6)).toBeLessThan(1e-8);
    expect(r.nodes.length).toBeGreaterThan(15);
  });

  it('symbolically: the value over ℝ by the Gaussian rule, the antiderivative refused, the radial integral 1/2', () => {
    const s = gaussianSymbolic();
    expect(s.overR).toBe('sqrt(2)*sqrt(pi)*abs(sigma)');
    expect(s.antiderivative).toMatch(/no antiderivative of "exp\(-x\^2\/2\)"/);
    expect(s.radial).toBe('1/2');
  });

  it('the polar argument checked by quad2d: both double integrals are π', () => {
    const { cartesian, polar } = polarCheck();
    expect(cartesian.converged && polar.converged).toBe(true);
    expect(Math.abs(cartesian.value - Math.PI)).toBeLessThan(1e-8);
    expect(Math.abs(polar.value - Math.PI)).toBeLessThan(1e-10);
  });
});
