import { mlp } from '@slope/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSCOMBE, summarise } from './anscombe.js';
import { depthCurves } from './descent-sandpit.js';
import { derivativeExercise, DERIVATIVE_PAIRS, markAnswers, STORIES } from './function-matching.js';
import { sphericalJacobian } from './jacobian-spherical.js';
import { countParameters, layerForward, parseLayers, QUIZ_LAYER } from './neural-layer.js';
import { followIterates, newtonTable } from './newton-raphson.js';
import { placeLabels } from './sandpit.js';

describe("Anscombe's quartet", () => {
  // Reference values from numpy.polyfit / numpy.var(ddof=1) on Anscombe's Table 1.
  it.each([
    ['I', 0.50009, 3.00009, 0.66654, 13.76269, 4.12727],
    ['II', 0.5, 3.00091, 0.66624, 13.77629, 4.12763],
    ['III', 0.49973, 3.00245, 0.66632, 13.75619, 4.12262],
    ['IV', 0.49991, 3.00173, 0.66671, 13.74249, 4.12325],
  ])('summarise(set %s) gives slope %d, intercept %d, R² %d, χ² %d, var y %d', (name, m, c, r2, chi2, varY) => {
    const s = summarise(ANSCOMBE.find((a) => a.name === name)!);
    expect(s.fit.slope).toBeCloseTo(m, 5);
    expect(s.fit.intercept).toBeCloseTo(c, 5);
    expect(s.fit.rSquared).toBeCloseTo(r2, 5);
    expect(s.fit.chiSquared).toBeCloseTo(chi2, 4);
    expect(s.meanX).toBe(9);
    expect(s.varX).toBe(11);
    expect(s.varY).toBeCloseTo(varY, 5);
  });

  it('every set has eleven (x, y) pairs', () => {
    for (const set of ANSCOMBE) {
      expect(set.x.length).toBe(11);
      expect(set.y.length).toBe(11);
    }
  });
});

describe('function matching', () => {
  const graph = (letter: string) => STORIES.graphs.find((g) => g.letter === letter)!;
  const samples = (letter: string, n = 41) => {
    const g = graph(letter);
    return Array.from({ length: n }, (_, i) => g.f(g.x[0] + ((g.x[1] - g.x[0]) * i) / (n - 1)));
  };

  it("the pool's graph is a straight line rising steadily (constant differences)", () => {
    const y = samples(STORIES.prompts.find((p) => p.id === 'pool')!.answer);
    const d = y.slice(1).map((v, i) => v - y[i]!);
    for (const di of d) expect(di).toBeCloseTo(d[0]!, 9);
    expect(d[0]).toBeGreaterThan(0);
  });

  it("the tea's graph decays towards a floor (falling, with shrinking steps in a constant ratio)", () => {
    const y = samples(STORIES.prompts.find((p) => p.id === 'tea')!.answer);
    const d = y.slice(1).map((v, i) => v - y[i]!);
    expect(d.every((v) => v < 0)).toBe(true);
    for (let i = 1; i < d.length; i++) expect(d[i]! / d[i - 1]!).toBeCloseTo(d[1]! / d[0]!, 9);
  });

  it("the ball's graph falls ever faster, then stays put (piecewise)", () => {
    const y = samples(STORIES.prompts.find((p) => p.id === 'ball')!.answer, 141);
    expect(y[0]).toBe(3);
    expect(y.at(-1)).toBeCloseTo(y.at(-20)!, 12);
    expect(y[10]! - y[20]!).toBeGreaterThan(y[0]! - y[10]!);
  });

  it("the flour bags' graph is a symmetric bell with one peak in the middle", () => {
    const y = samples(STORIES.prompts.find((p) => p.id === 'flour')!.answer);
    const peak = y.indexOf(Math.max(...y));
    expect(peak).toBe(20);
    for (let i = 0; i < 20; i++) expect(y[i]).toBeCloseTo(y[40 - i]!, 9);
  });

  it('each function is matched to the graph of its own derivative (central differences agree)', () => {
    const exercise = derivativeExercise();
    for (const pair of DERIVATIVE_PAIRS) {
      const f = (x: number) => {
        switch (pair.id) {
          case 'f1': return x * x - 1;
          case 'f2': return Math.sin(x);
          case 'f3': return x ** 3 - 3 * x;
          default: return 1 / (1 + x * x);
        }
      };
      const g = exercise.graphs.find((gr) => gr.letter === pair.answer)!;
      for (const x of [-2.5, -1, 0.3, 1.7]) expect(g.f(x)).toBeCloseTo((f(x + 1e-5) - f(x - 1e-5)) / 2e-5, 6);
    }
  });

  it('markAnswers counts the right answers and marks each prompt', () => {
    const all = Object.fromEntries(STORIES.prompts.map((p) => [p.id, p.answer]));
    expect(markAnswers(STORIES, all).right).toBe(4);
    expect(markAnswers(STORIES, { ...all, pool: 'A', tea: 'C' })).toEqual({ right: 2, results: { pool: false, tea: false, ball: true, flour: true } });
    expect(markAnswers(STORIES, {}).right).toBe(0);
  });
});

describe('spherical coordinates', () => {
  it('the determinant of the symbolic 3×3 Jacobian is r² sin θ everywhere', () => {
    const s = sphericalJacobian();
    expect(s.J.length).toBe(3);
    expect(s.J.every((row) => row.length === 3)).toBe(true);
    fc.assert(fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (r, theta, phi) => {
      expect(s.det([r, theta, phi])).toBeCloseTo(r * r * Math.sin(theta), 9);
    }));
  });

  it('the Jacobian matches central differences of the map', () => {
    const s = sphericalJacobian();
    const map = ([r, t, p]: number[]) => [r! * Math.sin(t!) * Math.cos(p!), r! * Math.sin(t!) * Math.sin(p!), r! * Math.cos(t!)];
    const at = [2, 0.7, 1.1];
    const J = s.at(at);
    for (let k = 0; k < 3; k++) {
      const hi = [...at];
      const lo = [...at];
      hi[k]! += 1e-6;
      lo[k]! -= 1e-6;
      const d = map(hi).map((v, i) => (v - map(lo)[i]!) / 2e-6);
      for (let i = 0; i < 3; i++) expect(J[3 * i + k]).toBeCloseTo(d[i]!, 7);
    }
  });
});

describe('a layer of neurons', () => {
  it("layerForward(the quiz's layer) gives z = [1, −1] and a = tanh(z) ≈ [0.76, −0.76]", () => {
    const { z, a } = layerForward(QUIZ_LAYER.W, QUIZ_LAYER.b, QUIZ_LAYER.a0);
    expect(z[0]).toBeCloseTo(1, 12);
    expect(z[1]).toBeCloseTo(-1, 12);
    expect(a[0]).toBeCloseTo(Math.tanh(1), 12);
    expect(a[1]).toBeCloseTo(-Math.tanh(1), 12);
  });

  it('countParameters(layers) equals the number of parameters @slope/models allocates', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 5 }), (layers) => {
      const net = mlp({ layers, parameters: layers.slice(1).map((n, l) => ({ weights: Array.from({ length: n }, () => Array<number>(layers[l]!).fill(0)), biases: Array<number>(n).fill(0) })) });
      const params = net.parameters();
      const c = countParameters(layers);
      expect(c.weights).toBe(params.reduce((s, p) => s + p.weights.flat().length, 0));
      expect(c.biases).toBe(params.reduce((s, p) => s + p.biases.length, 0));
    }));
    expect(countParameters([1, 6, 7, 2])).toMatchObject({ weights: 62, biases: 15 });
    expect(countParameters([3, 2])).toMatchObject({ weights: 6, biases: 2 });
  });

  it('parseLayers explains what is wrong with a layer list', () => {
    expect(parseLayers(' 3, 4 ,2')).toEqual({ ok: true, layers: [3, 4, 2] });
    expect(parseLayers('3')).toMatchObject({ ok: false, message: expect.stringContaining('at least two') });
    expect(parseLayers('3, 0')).toMatchObject({ ok: false, message: expect.stringContaining('layer 1 has "0"') });
    expect(parseLayers('3, x')).toMatchObject({ ok: false });
  });
});

describe('Newton–Raphson view', () => {
  it('followIterates widens the window to the quiz\'s jump from 1.99 to −36.47', () => {
    const t = newtonTable('x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30', 1.99);
    expect(t.rows[1]!.x).toBeCloseTo(-36.474613, 5);
    const [lo, hi] = followIterates([-5, 5], t.rows.slice(0, 13).map((r) => r.x));
    expect(lo).toBeLessThan(-36.47);
    expect(hi).toBe(5);
  });

  it('followIterates keeps the window when every iterate is inside, and ignores runaway iterates', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true })), (xs) => {
      expect(followIterates([-5, 5], xs)).toEqual([-5, 5]);
    }));
    // arctan from 1.5: the iterates run away; 3.9e6 is past the limit and left out.
    const [lo, hi] = followIterates([-6, 6], [1.5, -1.7, 2.3, -5.1, 32.3, -1575.6, 3.9e6]);
    expect(lo).toBeCloseTo(-1575.6 - 0.05 * (1575.6 + 32.3), 9);
    expect(hi).toBeCloseTo(32.3 + 0.05 * (1575.6 + 32.3), 9);
  });
});

describe('descent sandpit costs', () => {
  it('depthCurves gives depth against iteration, up to a path\'s last point inside the pit', () => {
    const curves = depthCurves({ steepest: { x: [1, 2, 7, 3], y: [1, 2, 3, 3] }, newton: { x: [5], y: [5] } }, (x, y) => -(x + y));
    expect(curves.steepest).toEqual({ x: [0, 1], y: [-2, -4] });
    expect(curves.newton).toEqual({ x: [0], y: [-10] });
    expect(curves.adam).toBeUndefined();
  });
});

describe('Sandpit labels', () => {
  it('placeLabels keeps every label on the canvas, and apart when there is room', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 480, noNaN: true }), fc.double({ min: 0, max: 480, noNaN: true })), { maxLength: 25 }), (points) => {
      const placed = placeLabels(points.map((p, i) => ({ point: p, text: `${i + 1}) -4.00m`, width: 55 })), 480);
      for (const b of placed) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.left + b.width).toBeLessThanOrEqual(480);
        expect(b.top).toBeGreaterThanOrEqual(0);
        expect(b.top + 13).toBeLessThanOrEqual(480);
      }
    }));
    // Two dips side by side, as in the screenshot: their labels do not overlap.
    const [a, b] = placeLabels([{ point: [200, 200], text: '1) -3.95m', width: 55 }, { point: [212, 204], text: '2) -4.10m', width: 55 }], 480);
    const overlapX = Math.min(a!.left + a!.width, b!.left + b!.width) - Math.max(a!.left, b!.left);
    const overlapY = Math.min(a!.top + 13, b!.top + 13) - Math.max(a!.top, b!.top);
    expect(overlapX <= 0 || overlapY <= 0).toBe(true);
  });
});
