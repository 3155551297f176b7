import { gaussianPartials } from '@slope/models';
import { derivative, evaluate, explain, parse, taylor, type Expr } from '@slope/symbolic';
import katex from 'katex';
import { describe, expect, it, test } from 'vitest';
import { checkField, compareByValue } from './check.js';
import { questionsForWeek, quizzes } from './questions/index.js';
import { segments } from './rich-text.js';
import type { ExpressionField, Field, NumberField, Question } from './types.js';

const all: Question[] = Object.values(quizzes).flat();
const byId = new Map(all.map((q) => [q.id, q]));
const question = (id: string): Question => {
  const q = byId.get(id);
  if (q === undefined) throw new Error(`no question ${id}`);
  return q;
};
const field = <K extends Field['kind']>(id: string, index: number, kind: K): Extract<Field, { kind: K }> => {
  const f = question(id).fields[index];
  if (f?.kind !== kind) throw new Error(`${id} field ${index} is not a ${kind} field`);
  return f as Extract<Field, { kind: K }>;
};
const fieldCases = all.flatMap((q) => q.fields.map((f, i) => [`${q.id} #${i + 1} (${f.name})`, f] as const));

describe('the practice questions', () => {
  it('each week has at least 6, most answers are typed, and ids are unique', () => {
    for (const week of ['1', '2', '3', '4', '5', '6']) {
      const qs = questionsForWeek(week);
      expect(qs.length, `week ${week}`).toBeGreaterThanOrEqual(6);
      const typed = qs.filter((q) => q.fields.every((f) => f.kind !== 'choice')).length;
      expect(typed, `week ${week} typed questions`).toBeGreaterThan(qs.length / 2);
      for (const q of qs) expect(q.id.startsWith(`w${week}-`), q.id).toBe(true);
    }
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(() => questionsForWeek('7')).toThrow(/expected one of 1, 2, 3, 4, 5, 6/);
    expect(() => questionsForWeek('constructor')).toThrow(RangeError);
  });

  it('every question names its place in the course fact sheet', () => {
    for (const q of all) expect(q.source, q.id).toMatch(/COURSE\.md §\d/);
  });

  test.each(fieldCases)('%s: the reference answer passes its own checker at several seeds', (_name, f) => {
    for (const seed of [1, 2, 3, 4, 5]) expect(checkField(f, f.answer, seed), `seed ${seed}`).toMatchObject({ status: 'right' });
  });

  test.each(fieldCases)('%s: every listed wrong answer fails, with its diagnosis', (_name, f) => {
    expect(f.wrong.length).toBeGreaterThan(0);
    for (const mistake of f.wrong) {
      for (const seed of [1, 2, 3]) {
        const v = checkField(f, mistake.answer, seed);
        expect(v.status, `${mistake.answer} (seed ${seed})`).toBe('wrong');
        if (mistake.why !== undefined && v.status === 'wrong') expect(v.hint, mistake.answer).toBe(mistake.why);
      }
    }
  });

  it('choice fields list real options and diagnose only options', () => {
    for (const [name, f] of fieldCases) {
      if (f.kind !== 'choice') continue;
      const ids = f.options.map((o) => o.id);
      expect(ids, name).toContain(f.answer);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const m of f.wrong) expect(ids, name).toContain(m.answer);
    }
  });

  it('every formula in every text typesets with KaTeX (no red source on the page)', () => {
    const texts = all.flatMap((q) => [q.prompt, q.solution, ...(q.working ?? []).map((w) => w.title), ...q.fields.flatMap((f) => [f.label, ...f.wrong.map((m) => m.why ?? ''), ...(f.kind === 'choice' ? f.options.map((o) => o.text) : [])])]);
    let formulas = 0;
    for (const text of texts) {
      expect(text.split('$').length % 2, `unbalanced $ in: ${text}`).toBe(1);
      for (const s of segments(text).flat()) {
        if (s.kind !== 'tex' && s.kind !== 'display') continue;
        formulas++;
        expect(() => katex.renderToString(s.tex, { throwOnError: true, displayMode: s.kind === 'display' }), s.tex).not.toThrow();
      }
    }
    expect(formulas).toBeGreaterThan(200);
  });

  it('every worked solution\'s derivative working is explained step by step', () => {
    for (const q of all) {
      for (const w of q.working ?? []) {
        const steps = explain(parse(w.expr), w.variable);
        expect(steps.length, `${q.id}: ${w.expr}`).toBeGreaterThan(0);
        expect(steps.every((s) => s.tex.includes('='))).toBe(true);
      }
    }
  });
});

/** Asserts that the field's reference answer and `reference` agree by value on the field's intervals. */
function agrees(f: ExpressionField, reference: Expr | string): void {
  const expr = typeof reference === 'string' ? parse(reference) : reference;
  for (const seed of [11, 12, 13]) expect(compareByValue(expr, parse(f.answer), f.variables, f.definitions, seed)).toMatchObject({ equal: true });
}

describe('the reference answers agree with independent computations', () => {
  // Values computed with SymPy (exact derivatives, then N(…, 12)) while writing the questions.
  const sympy: Readonly<Record<string, readonly number[]>> = {
    'w1-power-sum-at-2': [14.6876909579],
    'w1-sin-ecos-at-pi': [-0.367879441171],
    'w2-jacobian-at-point': [-6.283185307, -2.718281828, 0],
    'w2-jacobian-2x2': [0, 1, 23.14069263, 23.14069263],
    'w2-hessian-at-origin': [0, 1, 0],
    'w3-layer-tanh': [0.761594156, -0.761594156],
    'w3-cost-one-example': [0.6949800038],
    'w3-cost-second-example': [1.209269698],
    'w3-count-parameters': [62, 15],
    'w4-ln-orders-difference': [-0.32],
    'w5-newton-step-from-1': [1.0625],
    'w5-newton-jump-from-1.99': [-36.4746128932],
    'w5-newton-root-from-minus-4': [-3.760213972],
    'w5-steepest-direction': [4.123105626],
    'w5-descent-step': [-1, 1.5],
    'w5-lagrange-video-maximum': [0.3849001795],
    'w5-lagrange-minimum': [0.11494],
    'w6-linear-fit-by-hand': [0.6, 2.2],
    'w6-chi-squared': [2.4],
    'w6-partials-at-start': [0.006709906924, 0.0005479757321],
  };

  it('every number answer matches SymPy\'s value to 1e-9 (relative)', () => {
    const numberFields = all.flatMap((q) => q.fields.map((f, i) => ({ q, f, i }))).filter((x) => x.f.kind === 'number');
    expect(numberFields.length).toBe(Object.values(sympy).flat().length);
    for (const { q, f, i } of numberFields) {
      const expected = sympy[q.id]?.[i];
      expect(expected, `${q.id} #${i + 1} has a SymPy value`).toBeDefined();
      const value = evaluate(parse((f as NumberField).answer), {});
      expect(Math.abs(value - (expected as number)), `${q.id} #${i + 1}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
    }
  });

  it('derivative answers equal @slope/symbolic\'s derivative of the function asked about', () => {
    const cases: [id: string, fieldIndex: number, expr: string, variable: string][] = [
      ['w1-product-of-three', 0, 'x^3*cos(x)*exp(x)', 'x'],
      ['w1-chain-exp-square', 0, 'exp((x+1)^2)', 'x'],
      ['w1-chain-cos-cube', 0, 'x^2*cos(x^3)', 'x'],
      ['w1-taming-a-beast', 0, 'sin(2*x^5 + 3*x)/e^(7*x)', 'x'],
      ['w1-pizza-chain', 0, '-(1/3)*(exp(m) - 1)^2 + (exp(m) - 1) + 1/5', 'm'],
      ['w1-tan', 0, 'tan(x)', 'x'],
      ['w2-can-partial', 0, '2*pi*r^2*t*rho + 2*pi*r*h*t*rho', 'r'],
      ['w2-total-derivative', 0, 'sin(t - 1)*exp(t^2*(1/t)^2)', 't'],
      ['w3-chain-rule-t', 0, '(1 - t^2)^2*(1 + t^2)^2 + (1 - t^2)*(1 + t^2)', 't'],
      ['w3-neuron-gradient', 0, '(tanh(w*x + b) - y)^2', 'w'],
      ['w3-neuron-gradient', 1, '(tanh(w*x + b) - y)^2', 'b'],
      ['w3-logistic-derivative', 0, '1/(1 + exp(-z))', 'z'],
      ['w5-lagrange-partial', 0, 'exp(-(2*x^2 + y^2 - x*y)/2)', 'x'],
      ['w6-dfdmu', 0, 'exp(-(x - mu)^2/(2*sig^2))/(sig*sqrt(2*pi))', 'mu'],
      ['w6-dfdsig', 0, 'exp(-(x - mu)^2/(2*sig^2))/(sig*sqrt(2*pi))', 'sig'],
      ['w6-nonlinear-partial', 0, 'a1*(1 - exp(-a2*x^2))', 'a2'],
    ];
    for (const [id, i, expr, variable] of cases) agrees(field(id, i, 'expression'), derivative(parse(expr), variable));
  });

  it('Hessian answers equal second derivatives taken one variable at a time', () => {
    const second = (expr: string, a: string, b: string): Expr => derivative(derivative(parse(expr), a), b);
    const f2 = 'x^3*cos(y) - x*sin(y)';
    agrees(field('w2-hessian-2d', 0, 'expression'), second(f2, 'x', 'x'));
    agrees(field('w2-hessian-2d', 1, 'expression'), second(f2, 'x', 'y'));
    agrees(field('w2-hessian-2d', 2, 'expression'), second(f2, 'y', 'y'));
    const f3 = 'x*y + sin(y)*sin(z) + z^3*exp(x)';
    agrees(field('w2-hessian-3d', 0, 'expression'), second(f3, 'x', 'z'));
    agrees(field('w2-hessian-3d', 1, 'expression'), second(f3, 'y', 'z'));
    agrees(field('w2-hessian-3d', 2, 'expression'), second(f3, 'z', 'z'));
    const origin = { x: 0, y: 0, z: 0 };
    const f0 = 'x*y*cos(z) - sin(x)*exp(y)*z^3';
    const at = (a: string, b: string): number => evaluate(second(f0, a, b), origin);
    expect([at('x', 'x'), at('x', 'y'), at('z', 'z')]).toEqual([0, 1, 0]);
  });

  it('series answers equal @slope/symbolic\'s taylor (power-series arithmetic, no derivatives)', () => {
    agrees(field('w4-maclaurin-exp-x2', 0, 'expression'), taylor('exp(x^2)', { about: 0, order: 4 }).polynomial);
    agrees(field('w4-taylor-1-over-x-about-4', 0, 'expression'), taylor('1/x', { about: 4, order: 2 }).polynomial);
    agrees(field('w4-discontinuous-about-half', 0, 'expression'), taylor('2/(x^2 - x)', { about: 0.5, order: 2 }).polynomial);
    agrees(field('w4-x-sin-x', 0, 'expression'), taylor('x*sin(x)', { about: 0, order: 4 }).polynomial);
    agrees(field('w4-exp-plus-x-plus-sin', 0, 'expression'), taylor('exp(x) + x + sin(x)', { about: 0, order: 3 }).polynomial);
    agrees(field('w4-2d-first-order', 0, 'expression'), taylor('x*y^2*exp(-x^4 - y^2/2)', { about: { x: -1, y: 2 }, order: 1 }).polynomial);
    const ln = taylor('log(x)', { about: 10, order: 2 });
    const first = taylor('log(x)', { about: 10, order: 1 });
    expect(ln.evaluate({ x: 2 }) - first.evaluate({ x: 2 })).toBeCloseTo(evaluate(parse(field('w4-ln-orders-difference', 0, 'number').answer), {}), 12);
  });

  it('the Newton–Raphson answers follow from iterating the quiz\'s function', () => {
    const f = (x: number): number => x ** 6 / 6 - 3 * x ** 4 - (2 * x ** 3) / 3 + (27 * x ** 2) / 2 + 18 * x - 30;
    const df = (x: number): number => x ** 5 - 12 * x ** 3 - 2 * x ** 2 + 27 * x + 18;
    const step = (x: number): number => x - f(x) / df(x);
    const value = (id: string): number => evaluate(parse(field(id, 0, 'number').answer), {});
    expect(step(1)).toBe(value('w5-newton-step-from-1'));
    expect(step(1.99)).toBeCloseTo(value('w5-newton-jump-from-1.99'), 9);
    let x = -4;
    for (let i = 0; i < 20; i++) x = step(x);
    expect(x).toBeCloseTo(value('w5-newton-root-from-minus-4'), 12);
    const cubic = (x0: number): number => x0 - (x0 ** 3 - 2 * x0 + 2) / (3 * x0 ** 2 - 2);
    expect([cubic(0), cubic(cubic(0))]).toEqual([1, 0]);
  });

  it('the heights partials at the start values equal @slope/models\' gaussianPartials', () => {
    const p = gaussianPartials(161.25, 155, 6);
    expect(p.dmu).toBeCloseTo(evaluate(parse(field('w6-partials-at-start', 0, 'number').answer), {}), 12);
    expect(p.dsigma).toBeCloseTo(evaluate(parse(field('w6-partials-at-start', 1, 'number').answer), {}), 12);
  });

  it('the linear fit and its χ² follow from the closed form', () => {
    const xs = [1, 2, 3, 4, 5];
    const ys = [2, 4, 5, 4, 5];
    const xbar = xs.reduce((a, b) => a + b) / 5;
    const ybar = ys.reduce((a, b) => a + b) / 5;
    const m = xs.reduce((s, x, i) => s + (x - xbar) * (ys[i] as number), 0) / xs.reduce((s, x) => s + (x - xbar) ** 2, 0);
    const c = ybar - m * xbar;
    expect(m).toBeCloseTo(0.6, 12);
    expect(c).toBeCloseTo(2.2, 12);
    expect(xs.reduce((s, x, i) => s + ((ys[i] as number) - m * x - c) ** 2, 0)).toBeCloseTo(2.4, 12);
  });
});
