import { ParseError } from '@slope/symbolic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '@slope/optim';
import { compileModel, curveFit, fitGaussian, heights, linearRegression } from './index.js';

const xs = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4];

describe('curveFit', () => {
  it("curveFit('a*exp(-b*x)', x, y, p0) recovers a and b from exact data", () => {
    const y = xs.map((t) => 3 * Math.exp(-0.5 * t));
    const fit = curveFit('a*exp(-b*x)', xs, y, { a: 1, b: 1 });
    expect(fit.names).toEqual(['a', 'b']);
    expect(fit.values.a).toBeCloseTo(3, 9);
    expect(fit.values.b).toBeCloseTo(0.5, 9);
    expect(fit.converged).toBe(true);
    expect(fit.chiSquared).toBeLessThan(1e-20);
    expect(fit.predict(10)).toBeCloseTo(3 * Math.exp(-5), 9);
    expect(fit.path[0]).toEqual(new Float64Array([1, 1]));
  });

  it('curveFit(expression) takes p0 as an array in the sorted order of the free symbols', () => {
    const y = xs.map((t) => 2 * (1 - Math.exp(-0.7 * t * t)));
    // The quiz's model y = a1(1 − e^(−a2 x²)) (COURSE.md §3.6).
    const fit = curveFit('a1*(1 - exp(-a2*x^2))', xs, y, [1, 1]);
    expect(fit.names).toEqual(['a1', 'a2']);
    expect(Array.from(fit.parameters)).toEqual([expect.closeTo(2, 9), expect.closeTo(0.7, 9)]);
  });

  it('curveFit(function) with numeric derivatives agrees with the expression model', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (a, b) => {
        const y = xs.map((t, i) => a * Math.exp(-b * t) + 0.01 * Math.sin(7 * i));
        const symbolic = curveFit('a*exp(-b*x)', xs, y, [1, 0.5]);
        const numeric = curveFit((t, p) => p[0]! * Math.exp(-p[1]! * t), xs, y, [1, 0.5]);
        expect(numeric.names).toEqual(['p0', 'p1']);
        expect(numeric.parameters[0]).toBeCloseTo(symbolic.parameters[0]!, 6);
        expect(numeric.parameters[1]).toBeCloseTo(symbolic.parameters[1]!, 6);
      }),
      { numRuns: 15 },
    );
  });

  it("curveFit('m*x + c') gives linearRegression's line and its uncertainties (covariance scaled by χ²/(n − 2))", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const line = linearRegression(x, y);
    const fit = curveFit('m*x + c', x, y, { m: 0, c: 0 });
    expect(fit.values.m).toBeCloseTo(line.slope, 7);
    expect(fit.values.c).toBeCloseTo(line.intercept, 7);
    expect(fit.chiSquared).toBeCloseTo(line.chiSquared, 9);
    const [c, m] = [fit.uncertainties![0]!, fit.uncertainties![1]!];
    expect(m).toBeCloseTo(line.slopeUncertainty!, 7);
    expect(c).toBeCloseTo(line.interceptUncertainty!, 7);
  });

  it('curveFit with per-point sigma minimises Σ r²/σ² and reports the absolute covariance (AᵀWA)⁻¹', () => {
    const x = [0, 1, 2, 3];
    const y = [1, 2.5, 2.9, 4.4];
    const sigma = [0.1, 0.5, 0.2, 1];
    const fit = curveFit('m*x + c', x, y, { m: 1, c: 1 }, { sigma });
    // Closed-form weighted line: w = 1/σ², with sums S, Sx, Sxx, Sy, Sxy.
    const w = sigma.map((s) => 1 / (s * s));
    const S = w.reduce((a, b) => a + b, 0);
    const Sx = x.reduce((a, xi, i) => a + w[i]! * xi, 0);
    const Sxx = x.reduce((a, xi, i) => a + w[i]! * xi * xi, 0);
    const Sy = y.reduce((a, yi, i) => a + w[i]! * yi, 0);
    const Sxy = x.reduce((a, xi, i) => a + w[i]! * xi * y[i]!, 0);
    const D = S * Sxx - Sx * Sx;
    expect(fit.values.m).toBeCloseTo((S * Sxy - Sx * Sy) / D, 10);
    expect(fit.values.c).toBeCloseTo((Sxx * Sy - Sx * Sxy) / D, 10);
    const chi2 = x.reduce((a, xi, i) => a + ((y[i]! - fit.values.m! * xi - fit.values.c!) / sigma[i]!) ** 2, 0);
    expect(fit.chiSquared).toBeCloseTo(chi2, 12);
    // names are [c, m]: var(c) = Sxx/D, var(m) = S/D, cov = −Sx/D.
    expect(fit.covariance![0]![0]).toBeCloseTo(Sxx / D, 12);
    expect(fit.covariance![1]![1]).toBeCloseTo(S / D, 12);
    expect(fit.covariance![0]![1]).toBeCloseTo(-Sx / D, 12);
  });

  it("curveFit(the Gaussian as an expression) on heights('course') matches fitGaussian", () => {
    const { x, y } = heights('course');
    const fit = curveFit('exp(-(x - mu)^2 / (2*s^2)) / (s*sqrt(2*pi))', x, y, { mu: 170, s: 10 });
    const reference = fitGaussian(x, y, { method: 'levenberg-marquardt', start: [170, 10] });
    expect(fit.values.mu).toBeCloseTo(reference.mu, 6);
    expect(fit.values.s).toBeCloseTo(reference.sigma, 6);
    expect(fit.chiSquared).toBeCloseTo(reference.chiSquared, 12);
  });

  it("curveFit(expression, …, { variable: 't', method: 'gauss-newton' }) fits in another variable", () => {
    const t = [0, 1, 2, 3, 4];
    const fit = curveFit('k*t^2 + x', t, t.map((v) => 0.5 * v * v + 2), { k: 1, x: 0 }, { variable: 't', method: 'gauss-newton' });
    expect(fit.names).toEqual(['k', 'x']);
    expect(fit.values.k).toBeCloseTo(0.5, 10);
    expect(fit.values.x).toBeCloseTo(2, 10);
  });

  it('curveFit throws ParseError for a malformed expression', () => {
    expect(() => curveFit('a*exp(', xs, xs, [1])).toThrow(ParseError);
  });

  it.each([
    ['a*x', [1, 2], /p0 has 2 values; expected 1/],
    ['a*x', { a: 1, q: 2 }, /"q", which is not a parameter/],
    ['a*x + b', { a: 1 }, /p0.b is undefined/],
    ['2*x', [], /no parameters besides x/],
    ['a*x', [Number.NaN], /p0\[0\] \(a\) is NaN/],
  ])('curveFit(%j, x, y, %j) throws a RangeError', (model, p0, message) => {
    expect(() => curveFit(model, xs, xs, p0)).toThrow(message);
  });

  it.each([
    [{ sigma: [1, 2] }, /sigma has 2 values; expected 9/],
    [{ sigma: 0 }, /sigma\[0\] is 0/],
    [{ method: 'steepest' }, /method/],
    [{ maxIterations: 0 }, /maxIterations/],
  ])('curveFit(…, %j) throws a RangeError naming the option', (options, message) => {
    expect(() => curveFit('a*x', xs, xs, [1], options as never)).toThrow(message);
  });
});

describe('curveFit with several independent variables', () => {
  const u = [0, 1, 0, 1, 2, 2, 0.5];
  const v = [0, 0, 1, 1, 0, 2, 3];
  const plane = u.map((ui, i) => 2 * ui + 3 * v[i]! + 1);

  it("curveFit('a*x + b*y + c', { x, y }, z, p0) fits a plane exactly", () => {
    const fit = curveFit('a*x + b*y + c', { x: u, y: v }, plane, [0, 0, 0]);
    expect(fit.names).toEqual(['a', 'b', 'c']);
    expect(fit.values.a).toBeCloseTo(2, 10);
    expect(fit.values.b).toBeCloseTo(3, 10);
    expect(fit.values.c).toBeCloseTo(1, 10);
    expect(fit.converged).toBe(true);
    expect(fit.predict({ x: 10, y: -1 })).toBeCloseTo(18, 9);
    expect(Array.from(fit.predict({ x: [1, 2], y: [1, 2] }))).toEqual([expect.closeTo(6, 9), expect.closeTo(11, 9)]);
  });

  it('a function model receives each point by name and agrees with the expression', () => {
    const z = u.map((ui, i) => 1.5 * Math.exp(-0.4 * ui) * Math.cos(0.3 * v[i]!));
    const expression = curveFit('a*exp(-k*s)*cos(w*t)', { s: u, t: v }, z, { a: 1, k: 0.5, w: 0.2 });
    const code = curveFit((p, q) => q[0]! * Math.exp(-q[1]! * p.s!) * Math.cos(q[2]! * p.t!), { s: u, t: v }, z, [1, 0.5, 0.2]);
    expect(expression.values.a).toBeCloseTo(1.5, 8);
    expect(expression.values.k).toBeCloseTo(0.4, 8);
    expect(Math.abs(expression.values.w!)).toBeCloseTo(0.3, 8);
    expect(code.parameters[0]).toBeCloseTo(expression.values.a!, 6);
    expect(code.parameters[1]).toBeCloseTo(expression.values.k!, 6);
  });

  it('names a column the compiled model does not read, one it lacks, and columns of unequal length', () => {
    expect(() => curveFit(compileModel('a*x + b*y', { variables: ['x', 'y'] }), { x: u, y: v, w: v }, plane, [1, 1])).toThrow(/x has column w, which the model "a\*x \+ b\*y" does not use/);
    expect(() => curveFit(compileModel('a*x + b*y', { variables: ['x', 'y'] }), { x: u }, plane, [1, 1])).toThrow(/variable y has no column in x/);
    expect(() => curveFit('a*x + b*y', { x: u, y: v.slice(1) }, plane, [1, 1])).toThrow(/column x.y has 6 values but x.x has 7/);
  });
});

describe('compileModel(expression) compiles once for many fits', () => {
  it('a compiled model fits like its expression, data set after data set', () => {
    const model = compileModel('a*exp(-b*x) + c');
    expect(model.names).toEqual(['a', 'b', 'c']);
    expect(model.variables).toEqual(['x']);
    for (const [a, b, c] of [
      [3, 0.5, 1],
      [1, 1.2, -2],
      [10, 0.1, 0],
    ]) {
      const y = xs.map((t) => a! * Math.exp(-b! * t) + c!);
      const viaModel = curveFit(model, xs, y, { a: 1, b: 1, c: 0 });
      const viaText = curveFit('a*exp(-b*x) + c', xs, y, { a: 1, b: 1, c: 0 });
      expect(Array.from(viaModel.parameters)).toEqual(Array.from(viaText.parameters));
      expect(viaModel.values.a).toBeCloseTo(a!, 8);
    }
  });

  it('its evaluate gives f and every ∂f/∂p at a point', () => {
    const model = compileModel('a*x^2 + b*y', { variables: ['x', 'y'] });
    expect(Array.from(model.evaluate([3, 2], [5, 7]))).toEqual([5 * 9 + 7 * 2, 9, 2]);
  });

  it('parameters with any name the parser accepts: Greek letters and JavaScript words', () => {
    const y = xs.map((t) => 2 * t + 1);
    const greek = curveFit('α*x + β', xs, y, { α: 0, β: 0 });
    expect(greek.values['α']).toBeCloseTo(2, 10);
    expect(greek.values['β']).toBeCloseTo(1, 10);
    const words = curveFit('constructor*x + toString', xs, y, [0, 0]);
    expect(words.names).toEqual(['constructor', 'toString']);
    expect(words.values.constructor).toBeCloseTo(2, 10);
    expect(Object.hasOwn(words.values, 'toString')).toBe(true);
  });

  it('rejects unknown options', () => {
    expect(() => compileModel('a*x', { variable: ['x'] } as never)).toThrow(/compileModel: unknown option "variable"; did you mean "variables"\?/);
    expect(() => curveFit('a*x', xs, xs, [1], { maxIter: 3 } as never)).toThrow(/curveFit: unknown option "maxIter"/);
  });
});

describe('curveFit does not call an undetermined fit converged (adversarial report D15)', () => {
  it.each([
    ['a*exp(-b*x) through one point', 'a*exp(-b*x)', [1], [2]],
    ['a + b*x with every x equal', 'a + b*x', [2, 2, 2, 2], [1, 2, 3, 4]],
    ['a*b*x, where only the product counts', 'a*b*x', [1, 2, 3], [2, 4, 6]],
  ])('%s: converged false, reason "rank-deficient", no uncertainties', (_label, model, x, y) => {
    const fit = curveFit(model, x, y, { a: 1, b: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('rank-deficient');
    expect(fit.uncertainties).toBeNull();
    expect(fit.covariance).toBeNull();
    expect(fit.message).toMatch(/^curveFit: .*(cannot determine|do not determine)/);
  });
});

describe('curveFit budget and messages', () => {
  // Meyer's thermistor model and data (Moré, Garbow & Hillstrom 1981, problem 10): χ²min = 87.9458.
  const t = Array.from({ length: 16 }, (_, i) => 50 + 5 * i);
  const meyer = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

  it('uses leastSquares’ default iteration budget: Meyer’s model needs more than 100 steps and gets them', () => {
    const fit = curveFit('a*exp(b/(x + c))', t, meyer, { a: 0.02, b: 4000, c: 250 });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.chiSquared - 87.94585517) / 87.94585517).toBeLessThan(1e-6);
    expect(fit.iterations).toBeGreaterThan(100);
    const direct = leastSquares(
      (p) => t.map((ti, i) => meyer[i]! - p.data[0]! * Math.exp(p.data[1]! / (ti + p.data[2]!))),
      [0.02, 4000, 250],
      {
        jacobian: (p) =>
          t.map((ti) => {
            const e = Math.exp(p[1]! / (ti + p[2]!));
            return [-e, (-p[0]! * e) / (ti + p[2]!), (p[0]! * e * p[1]!) / (ti + p[2]!) ** 2];
          }),
      },
    );
    expect(Math.abs(fit.iterations - direct.iterations)).toBeLessThanOrEqual(1);
  });

  it.each([
    [{ a: '1', b: 1 }, /p0.a is "1" \(a string\); expected a finite starting value/],
    [null, /curveFit: p0 must be an array of starting values or an object of them by name, got null/],
  ])('a bad p0 %j is named with its type', (p0, message) => {
    expect(() => curveFit('a*x + b', xs, xs, p0 as never)).toThrow(message);
  });

  it('null data is a TypeError naming the argument', () => {
    expect(() => curveFit('a*x', null as never, xs, [1])).toThrow(/curveFit\(model, x, y, p0\): x must be an array of numbers or an object of columns/);
    expect(() => curveFit('a*x', xs, null as never, [1])).toThrow(/y must be an array of numbers, got null/);
  });
});
