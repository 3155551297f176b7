import { describe, expect, it } from 'vitest';
import { derivative, evaluate, gradient, hessian, jacobian, type Expr } from './index.js';
import { close } from './test-support.js';

const at = (e: Expr, scope: Record<string, number>): number => evaluate(e, scope);
const matrixAt = (m: Expr[][], scope: Record<string, number>): number[][] => m.map((row) => row.map((e) => at(e, scope)));
const det3 = (m: number[][]): number => {
  const [[a, b, c], [d, e, f], [g, h, i]] = m as [[number, number, number], [number, number, number], [number, number, number]];
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
};

/** Same value as a closed form at several points. */
function sameFunction(got: Expr, want: string, points: Record<string, number>[]): void {
  for (const p of points) expect(close(at(got, p), evaluate(want, p), 1e-9)).toBe(true);
}
const xs = [0.3, 0.9, 1.7, -0.6].map((x) => ({ x }));

describe('week 1: derivatives', () => {
  it.each([
    ['3x + 2', '3'],
    ['5x^2', '10*x'],
    ['1/x', '-1/x^2'],
    ['e^x', 'exp(x)'],
    ['tan(x)', 'sec(x)^2'],
  ])('derivative(%j, x) is %j', (f, want) => {
    expect(derivative(f, 'x').toString()).toBe(want);
  });

  it('derivative(tan(x), x) equals 1 + tan(x)^2 (the practice quiz form)', () => {
    sameFunction(derivative('tan(x)', 'x'), '1 + tan(x)^2', xs);
  });

  it('derivative(a*x^b, x) is a*b*x^(b-1) (power rule)', () => {
    expect(derivative('a*x^b', 'x').toString()).toBe('a*b*x^(b - 1)');
  });

  it('derivative(f*g, x) follows the product rule f\'g + fg\' (rectangle area)', () => {
    sameFunction(derivative('x^2*sin(x)', 'x'), '2x*sin(x) + x^2*cos(x)', xs);
  });

  it('chain rule with pizzas: dh/dm = (1/3)e^m(5 - 2e^m)', () => {
    const h = '-1/3*(e^m - 1)^2 + (e^m - 1) + 1/5';
    sameFunction(derivative(h, 'm'), '1/3*e^m*(5 - 2e^m)', [0.1, 0.5, 1.2, -1].map((m) => ({ m })));
  });

  it('taming a beast: d/dx sin(2x^5 + 3x)/e^(7x) = e^(-7x)[(10x^4 + 3)cos(2x^5 + 3x) - 7 sin(2x^5 + 3x)]', () => {
    const d = derivative('sin(2x^5 + 3x) / e^(7x)', 'x');
    sameFunction(d, 'e^(-7x)*((10x^4 + 3)*cos(2x^5 + 3x) - 7*sin(2x^5 + 3x))', xs);
    // The common factor e^(−7x) is gathered, as the lecture writes the answer.
    expect(d.toString()).toBe('((10*x^4 + 3)*cos(2*x^5 + 3*x) - 7*sin(2*x^5 + 3*x))*exp(-7*x)');
  });

  it('graded quiz "Unleashing the toolbox"', () => {
    expect(close(at(derivative('x^(3/2) + pi*x^2 + sqrt(7)', 'x'), { x: 2 }), 1.5 * Math.SQRT2 + 4 * Math.PI)).toBe(true);
    sameFunction(derivative('x^3*cos(x)*e^x', 'x'), 'e^x*(3x^2*cos(x) - x^3*sin(x) + x^3*cos(x))', xs);
    sameFunction(derivative('e^((x + 1)^2)', 'x'), '2(x + 1)*e^((x + 1)^2)', xs);
    sameFunction(derivative('x^2*cos(x^3)', 'x'), '2x*cos(x^3) - 3x^4*sin(x^3)', xs);
    expect(close(at(derivative('sin(x)*e^(cos(x))', 'x'), { x: Math.PI }), -1 / Math.E)).toBe(true);
  });
});

describe('week 2: partial derivatives, Jacobians and Hessians', () => {
  it('the can m = 2πr²tρ + 2πrhtρ: partials in h, r, t and ρ', () => {
    const m = '2*pi*r^2*t*rho + 2*pi*r*h*t*rho';
    const [dh, dr, dt, drho] = gradient(m, ['h', 'r', 't', 'rho']).map(String);
    expect(dh).toBe('2*pi*r*rho*t');
    expect(dr).toBe('2*h*pi*rho*t + 4*pi*r*rho*t');
    expect(dt).toBe('2*h*pi*r*rho + 2*pi*r^2*rho');
    expect(drho).toBe('2*h*pi*r*t + 2*pi*r^2*t');
  });

  it('the car F = ma + dv^2 depends on what is held constant', () => {
    expect(gradient('m*a + d*v^2', ['v', 'm', 'd']).map(String)).toEqual(['2*d*v', 'a', 'v^2']);
  });

  it('total derivative of sin(x)e^(yz^2) with x = t - 1, y = t^2, z = 1/t is cos(t - 1)·e', () => {
    const f = 'sin(x)*e^(y*z^2)';
    const J = gradient(f, ['x', 'y', 'z']);
    const path = ['t - 1', 't^2', '1/t'];
    const dpath = path.map((p) => derivative(p, 't'));
    for (const t of [0.5, 1.3, 2.2]) {
      const scope = { x: t - 1, y: t * t, z: 1 / t, t };
      const dfdt = J.reduce<number>((s, j, i) => s + at(j, scope) * at(dpath[i] as Expr, scope), 0);
      expect(close(dfdt, Math.cos(t - 1) * Math.E)).toBe(true);
    }
  });

  it('gradient(x^2*y + 3z) is the row [2xy, x^2, 3]', () => {
    expect(gradient('x^2*y + 3*z').map(String)).toEqual(['2*x*y', 'x^2', '3']);
  });

  it('jacobian of a linear map is the map: u = x + 2y, v = 3y - 2x', () => {
    expect(jacobian(['x + 2y', '3y - 2x'], ['x', 'y']).map((r) => r.map(String))).toEqual([['1', '2'], ['-2', '3']]);
  });

  it('jacobian of polar coordinates is [[cos θ, -r sin θ], [sin θ, r cos θ]] with |J| = r', () => {
    const J = jacobian(['r*cos(theta)', 'r*sin(theta)'], ['r', 'theta']);
    expect(J.map((r) => r.map(String))).toEqual([['cos(theta)', '-r*sin(theta)'], ['sin(theta)', 'r*cos(theta)']]);
    for (const [r, theta] of [[2, 0.3], [0.5, 2.5]] as const) {
      const m = matrixAt(J, { r, theta }) as [[number, number], [number, number]];
      expect(close(m[0][0] * m[1][1] - m[0][1] * m[1][0], r)).toBe(true);
    }
  });

  it('jacobian of spherical coordinates has determinant r^2 sin θ', () => {
    const J = jacobian(['r*sin(theta)*cos(phi)', 'r*sin(theta)*sin(phi)', 'r*cos(theta)'], ['r', 'theta', 'phi']);
    for (const [r, theta, phi] of [[2, 0.3, 1.1], [0.7, 2.2, -0.4]] as const) {
      expect(close(det3(matrixAt(J, { r, theta, phi })), r * r * Math.sin(theta))).toBe(true);
    }
  });

  it('hessian(x^2*y*z) is [[2yz, 2xz, 2xy], [2xz, 0, x^2], [2xy, x^2, 0]]', () => {
    expect(hessian('x^2*y*z').map((r) => r.map(String))).toEqual([
      ['2*y*z', '2*x*z', '2*x*y'],
      ['2*x*z', '0', 'x^2'],
      ['2*x*y', 'x^2', '0'],
    ]);
  });

  it('hessian classifies x^2 + y^2 as a minimum and x^2 - y^2 as a saddle', () => {
    const classify = (f: string): string => {
      const [[a, b], [, d]] = matrixAt(hessian(f, ['x', 'y']), { x: 0, y: 0 }) as [[number, number], [number, number]];
      const det = a * d - b * b;
      return det < 0 ? 'saddle' : a > 0 ? 'minimum' : 'maximum';
    };
    expect(classify('x^2 + y^2')).toBe('minimum');
    expect(classify('x^2 - y^2')).toBe('saddle');
  });

  it('graded quiz: Jacobian of x^2 cos y + e^z sin y at (π, π, 1) is [-2π, -e, 0]', () => {
    const J = gradient('x^2*cos(y) + e^z*sin(y)', ['x', 'y', 'z']).map((e) => at(e, { x: Math.PI, y: Math.PI, z: 1 }));
    expect(J.map((v, i) => close(v, [-2 * Math.PI, -Math.E, 0][i] as number, 1e-12))).toEqual([true, true, true]);
  });

  it('graded quiz: Jacobian of u = x^2y - cos x sin y, v = e^(x+y) at (0, π)', () => {
    const J = matrixAt(jacobian(['x^2*y - cos(x)*sin(y)', 'e^(x + y)'], ['x', 'y']), { x: 0, y: Math.PI });
    const want = [[0, 1], [Math.exp(Math.PI), Math.exp(Math.PI)]];
    J.forEach((row, i) => row.forEach((v, j) => expect(close(v, want[i]?.[j] as number, 1e-12)).toBe(true)));
  });

  it('graded quiz: Hessians of x^3 cos y - x sin y and xy + sin y sin z + z^3 e^x', () => {
    const H1 = hessian('x^3*cos(y) - x*sin(y)', ['x', 'y']);
    const want1 = [['6x*cos(y)', '-3x^2*sin(y) - cos(y)'], ['-3x^2*sin(y) - cos(y)', '-x^3*cos(y) + x*sin(y)']];
    const H2 = hessian('x*y + sin(y)*sin(z) + z^3*e^x', ['x', 'y', 'z']);
    const want2 = [['z^3*e^x', '1', '3z^2*e^x'], ['1', '-sin(y)*sin(z)', 'cos(y)*cos(z)'], ['3z^2*e^x', 'cos(y)*cos(z)', '-sin(y)*sin(z) + 6z*e^x']];
    const pts = [{ x: 0.4, y: -1.1, z: 0.8 }, { x: -0.9, y: 2.1, z: 1.5 }];
    H1.forEach((row, i) => row.forEach((e, j) => sameFunction(e, want1[i]?.[j] as string, pts)));
    H2.forEach((row, i) => row.forEach((e, j) => sameFunction(e, want2[i]?.[j] as string, pts)));
  });

  it('graded quiz: Hessian of xy cos z - sin x e^y z^3 at the origin is [[0,1,0],[1,0,0],[0,0,0]]', () => {
    expect(matrixAt(hessian('x*y*cos(z) - sin(x)*e^y*z^3', ['x', 'y', 'z']), { x: 0, y: 0, z: 0 }).map((r) => r.map((v) => v + 0))).toEqual([[0, 1, 0], [1, 0, 0], [0, 0, 0]]);
  });
});

describe('weeks 3 and 6: chain rule, networks and the Gaussian fit', () => {
  it('multivariate chain rule: f = x1^2 x2^2 + x1 x2 with x1 = 1 - t^2, x2 = 1 + t^2', () => {
    const J = gradient('x1^2*x2^2 + x1*x2', ['x1', 'x2']);
    const direct = derivative('(1 - t^2)^2*(1 + t^2)^2 + (1 - t^2)*(1 + t^2)', 't');
    for (const t of [0.3, 1.2, -0.8]) {
      const scope = { x1: 1 - t * t, x2: 1 + t * t, t };
      const viaJacobian = at(J[0] as Expr, scope) * (-2 * t) + at(J[1] as Expr, scope) * (2 * t);
      expect(close(viaJacobian, at(direct, { t }))).toBe(true);
    }
  });

  it("sigmoid'(z) equals cosh(z/2)^(-2)/4 and σ(1 - σ)", () => {
    const d = derivative('1/(1 + exp(-z))', 'z');
    for (const z of [-2, 0.1, 3]) {
      const s = 1 / (1 + Math.exp(-z));
      expect(close(at(d, { z }), Math.cosh(z / 2) ** -2 / 4, 1e-12)).toBe(true);
      expect(close(at(d, { z }), s * (1 - s), 1e-12)).toBe(true);
    }
  });

  it("tanh'(z) = 1/cosh(z)^2 and ∂C/∂a = 2(a - y)", () => {
    sameFunction(derivative('tanh(z)', 'z'), '1/cosh(z)^2', [-1, 0.5, 2].map((z) => ({ z })));
    expect(derivative('(a - y)^2', 'a').toString()).toBe('2*(a - y)');
  });

  it('Gaussian: ∂f/∂μ = f(x - μ)/σ² and ∂f/∂σ = f((x - μ)²/σ³ - 1/σ)', () => {
    const f = 'exp(-(x - mu)^2/(2*sig^2))/(sig*sqrt(2*pi))';
    const pts = [{ x: 170, mu: 178.5, sig: 7.5 }, { x: 181, mu: 155, sig: 6 }];
    sameFunction(derivative(f, 'mu'), `(${f})*(x - mu)/sig^2`, pts);
    sameFunction(derivative(f, 'sig'), `(${f})*((x - mu)^2/sig^3 - 1/sig)`, pts);
  });
});
