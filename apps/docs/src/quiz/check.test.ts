import { parse } from '@slope/symbolic';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { checkChoice, checkExpression, checkField, checkNumber, compareByValue, describeTolerance, formatApart, samplePoints, withinTolerance } from './check.js';
import type { ChoiceField, ExpressionField, NumberField } from './types.js';

const inX = (answer: string, from = -2, to = 2, wrong: ExpressionField['wrong'] = [{ answer: '0' }]): ExpressionField => ({
  kind: 'expression', label: '', name: 'answer', answer, variables: [{ name: 'x', from, to }], wrong,
});

const number = (answer: string, tolerance: NumberField['tolerance'], wrong: NumberField['wrong'] = [{ answer: '0' }]): NumberField => ({
  kind: 'number', label: '', name: 'answer', answer, tolerance, wrong,
});

describe('checkExpression: equivalent forms pass', () => {
  test.each([
    ['2*x', 'x+x'],
    ['x + x', '2x'],
    ['sin(x)^2', '1-cos(x)^2'],
    ['1/(x^2)', 'x^-2'],
    ['1 + tan(x)^2', 'sec(x)^2'],
    ['1 + tan(x)^2', '1/cos(x)^2'],
    ['exp(x)*(3*x^2*cos(x) - x^3*sin(x) + x^3*cos(x))', 'x^3 cos(x) e^x + 3x^2 cos(x) e^x - x^3 sin(x) e^x'],
    ['(x+1)^2', 'x^2 + 2*x + 1'],
    ['sqrt(x^2)', 'abs(x)'],
  ])('expected %s, typed %s', (expected, typed) => {
    const field = expected === '1/(x^2)' ? inX(expected, 0.2, 3) : inX(expected, -1.2, 1.2);
    expect(checkExpression(field, typed)).toMatchObject({ status: 'right' });
  });

  it('the logistic derivative in the notebook\'s form cosh(z/2)^(-2)/4 equals e^(−z)/(1 + e^(−z))²', () => {
    const field: ExpressionField = { kind: 'expression', label: '', name: 'σ′', answer: 'exp(-z)/(1 + exp(-z))^2', variables: [{ name: 'z', from: -4, to: 4 }], wrong: [{ answer: '0' }] };
    expect(checkExpression(field, 'cosh(z/2)^(-2)/4').status).toBe('right');
    expect(checkExpression(field, '1/(1+exp(-z)) * (1 - 1/(1+exp(-z)))').status).toBe('right');
  });

  it('any variable\'s alias and any definition may be used', () => {
    const field: ExpressionField = {
      kind: 'expression', label: '', name: '∂m/∂r', answer: '4*pi*r*t*rho', wrong: [{ answer: '0' }],
      variables: [{ name: 'r', from: 1, to: 2 }, { name: 't', from: 1, to: 2 }, { name: 'rho', aliases: ['ρ'], from: 1, to: 2 }],
      definitions: { area: 'pi*r^2' },
    };
    expect(checkExpression(field, '4 pi r t ρ').status).toBe('right');
    expect(checkExpression(field, '4*area*t*rho/r').status).toBe('right');
  });
});

describe('checkExpression: wrong answers say where the values differ', () => {
  it('2*x typed as x^2 is wrong, naming a point and both values there', () => {
    const v = checkExpression(inX('2*x'), 'x^2');
    expect(v.status).toBe('wrong');
    if (v.status !== 'wrong' || v.at === undefined) throw new Error('expected a mismatch');
    const x = v.at.point['x'] as number;
    expect(v.at.expected).toBeCloseTo(2 * x, 12);
    expect(v.at.yours).toBeCloseTo(x * x, 12);
    expect(v.message).toMatch(/^Not right: at x = -?[\d.]+ your answer gives -?[\d.]+, the expected -?[\d.]+\.$/);
    expect(v.message).toContain(`x = ${x}`);
  });

  it('values that agree to 4 digits are printed with as many digits as it takes to tell them apart', () => {
    const v = checkExpression(inX('x', 1, 2), 'x + 1e-5');
    expect(v.status).toBe('wrong');
    if (v.status !== 'wrong' || v.at === undefined) throw new Error('expected a mismatch');
    const [yours, expected] = formatApart(v.at.yours, v.at.expected);
    expect(yours).not.toBe(expected);
    expect(v.message).toContain(`gives ${yours}, the expected ${expected}`);
  });

  it('an answer undefined where the expected one has a value is wrong, and says so', () => {
    const v = checkExpression(inX('x', -2, 2), 'sqrt(x)^2');
    expect(v.status).toBe('wrong');
    expect(v.message).toMatch(/your answer has no real value/);
  });

  it('points where the expected answer is undefined are skipped, not held against the answer', () => {
    // log(x^2) and 2*log(abs(x)) agree wherever defined; x = 0 (if drawn) has no value for either.
    expect(checkExpression(inX('2*log(abs(x))', -1, 1), 'log(x^2)').status).toBe('right');
  });

  it('a known mistake earns its diagnosis; a rounded constant is called out', () => {
    const field = inX('2*(x+1)*exp((x+1)^2)', -2, 1, [{ answer: 'exp((x+1)^2)', why: 'chain rule' }]);
    expect(checkExpression(field, 'e^((x+1)^2)')).toMatchObject({ status: 'wrong', hint: 'chain rule' });
    expect(checkExpression(inX('x/3'), '0.333*x')).toMatchObject({ status: 'wrong', hint: expect.stringContaining('round a constant') });
    expect(checkExpression(inX('x/3'), 'x^2')).not.toHaveProperty('hint');
  });

  it('a difference of one part in 10⁴ is caught; rounding noise of one part in 10¹⁰ is not', () => {
    expect(checkExpression(inX('exp(x)'), 'exp(x)*(1 + 1e-4)').status).toBe('wrong');
    expect(checkExpression(inX('exp(x)'), 'exp(x)*(1 + 1e-10)').status).toBe('right');
  });

  it('a question whose answer is undefined on most of its interval is refused as a fault in the question', () => {
    expect(() => checkExpression(inX('log(x)', -3, 0.1), 'log(x)')).toThrow(/has a value at only/);
  });
});

describe('checkExpression and checkNumber: input that cannot be read', () => {
  it('a parse error keeps its position for the caret', () => {
    expect(checkExpression(inX('2*x'), 'x^2 + * 3')).toMatchObject({ status: 'invalid', position: 6 });
    expect(checkNumber(number('1', { absolute: 0.1 }), '2 +')).toMatchObject({ status: 'invalid', position: 3 });
  });

  it('an empty answer asks for one', () => {
    expect(checkExpression(inX('2*x'), '   ')).toEqual({ status: 'invalid', message: 'Type an answer first.' });
  });

  it('an unknown variable is named, with the variables that may be used', () => {
    const v = checkExpression(inX('2*x'), '2*y');
    expect(v).toMatchObject({ status: 'invalid' });
    expect(v.message).toBe('Your answer uses y, which is not defined here: use x.');
  });

  it('letters run together are read as a product that needs a *', () => {
    const field: ExpressionField = { kind: 'expression', label: '', name: 'H', answer: 'x*y', variables: [{ name: 'x', from: 1, to: 2 }, { name: 'y', from: 1, to: 2 }], wrong: [{ answer: '0' }] };
    expect(checkExpression(field, 'xy').message).toContain('x*y rather than xy');
  });

  it('a number field refuses a variable and names it', () => {
    expect(checkNumber(number('1', { absolute: 0.1 }), 'x + 1')).toMatchObject({ status: 'invalid', message: expect.stringContaining('uses x, but this answer is a number') });
  });

  it('a number with no finite value is refused, not compared', () => {
    expect(checkNumber(number('1', { absolute: 0.1 }), '1/0')).toMatchObject({ status: 'invalid', message: expect.stringContaining('finite number') });
    expect(checkNumber(number('1', { absolute: 0.1 }), 'sqrt(-1)')).toMatchObject({ status: 'invalid' });
  });
});

describe('checkNumber', () => {
  const fPrime2 = number('1.5*sqrt(2) + 4*pi', { absolute: 0.001 }, [{ answer: '1.5*sqrt(2) + 4*pi + sqrt(7)', why: 'the constant drops out' }]);

  it('accepts the value typed as a decimal, a rounded decimal or an exact expression', () => {
    for (const typed of ['14.6877', '14.688', '14.687', '3/2*sqrt(2) + 4 pi']) expect(checkNumber(fPrime2, typed).status, typed).toBe('right');
  });

  it('a wrong number is told the exact value and the tolerance; a known mistake gets its diagnosis', () => {
    expect(checkNumber(fPrime2, '14.7')).toEqual({ status: 'wrong', message: 'Not right: you gave 14.7, the answer is 14.69 (answers within ±0.001 pass).' });
    expect(checkNumber(fPrime2, '17.333')).toMatchObject({ status: 'wrong', hint: 'the constant drops out' });
  });

  it('tolerance edges: on the edge passes, just beyond fails, absolute and relative', () => {
    const abs = number('1.0625', { absolute: 0.0005 });
    expect(checkNumber(abs, '1.063').status).toBe('right');
    expect(checkNumber(abs, '1.062').status).toBe('right');
    expect(checkNumber(abs, '1.0631').status).toBe('wrong');
    expect(checkNumber(abs, '1.0619').status).toBe('wrong');
    const rel = number('200', { relative: 0.01 });
    expect(checkNumber(rel, '202').status).toBe('right');
    expect(checkNumber(rel, '198').status).toBe('right');
    expect(checkNumber(rel, '202.01').status).toBe('wrong');
    const exact = number('62', { absolute: 0 });
    expect(checkNumber(exact, '62').status).toBe('right');
    expect(checkNumber(exact, '62.001').status).toBe('wrong');
  });

  it('withinTolerance(yours, exact, tol) is symmetric around the exact value and monotone in the distance', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (exact, tol, k) => {
      const d = k * tol;
      const up = withinTolerance(exact + d, exact, { absolute: tol });
      const down = withinTolerance(exact - d, exact, { absolute: tol });
      expect(up).toBe(down);
      if (k < 0.999) expect(up).toBe(true);
      if (k > 1.001) expect(up).toBe(false);
    }));
  });

  it('describeTolerance(tol) says what passes', () => {
    expect(describeTolerance({ absolute: 0.001 })).toBe('answers within ±0.001 pass');
    expect(describeTolerance({ relative: 0.002 })).toBe('answers within 0.2% pass');
    expect(describeTolerance({ absolute: 0 })).toBe('answers exactly pass');
  });
});

describe('checkChoice', () => {
  const field: ChoiceField = {
    kind: 'choice', label: '', name: 'kind', answer: 'saddle',
    options: [{ id: 'minimum', text: 'a minimum' }, { id: 'saddle', text: 'a saddle' }],
    wrong: [{ answer: 'minimum', why: '|H| < 0' }],
  };
  it('the right option passes, a wrong one gets its diagnosis, none chosen asks for one', () => {
    expect(checkChoice(field, 'saddle').status).toBe('right');
    expect(checkChoice(field, 'minimum')).toEqual({ status: 'wrong', message: 'Not right.', hint: '|H| < 0' });
    expect(checkChoice(field, '')).toMatchObject({ status: 'invalid' });
    expect(checkField(field, 'nonsense')).toMatchObject({ status: 'invalid' });
  });
});

describe('compareByValue and samplePoints', () => {
  it('samplePoints is reproducible from its seed, stays inside the intervals and rounds to 3 significant digits', () => {
    const vars = [{ name: 'x', from: -2, to: 2 }, { name: 't', from: 0.0002, to: 0.001 }];
    expect(samplePoints(vars, 5, 7)).toEqual(samplePoints(vars, 5, 7));
    expect(samplePoints(vars, 5, 7)).not.toEqual(samplePoints(vars, 5, 8));
    for (const p of samplePoints(vars, 200, 3)) {
      expect(p['x']).toBeGreaterThanOrEqual(-2);
      expect(p['x']).toBeLessThanOrEqual(2);
      expect(p['t']).toBeGreaterThanOrEqual(0.0002);
      expect(p['t']).toBeLessThanOrEqual(0.001);
      expect(Number((p['t'] as number).toPrecision(3))).toBe(p['t']);
    }
  });

  it('any polynomial equals its own expansion, whatever the seed', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }), (roots, seed) => {
      const factored = roots.map((r) => `(x - (${r}))`).join('*');
      // Expand by multiplying coefficients out.
      let coeffs = [1];
      for (const r of roots) coeffs = [...coeffs.map((c, i) => c * -r + (coeffs[i - 1] ?? 0)), coeffs.at(-1) as number];
      const expanded = coeffs.map((c, i) => `(${c})*x^${i}`).join(' + ');
      expect(compareByValue(parse(factored), parse(expanded), [{ name: 'x', from: -3, to: 3 }], {}, seed).equal).toBe(true);
    }));
  });

  it('two different polynomials of low degree are told apart, whatever the seed', () => {
    fc.assert(fc.property(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 1000 }), (k, seed) => {
      const c = compareByValue(parse(`x^3 - ${k}*x`), parse(`x^3 - ${k}*x + 0.01*x^2`), [{ name: 'x', from: -2, to: 2 }], {}, seed);
      expect(c.equal).toBe(false);
    }));
  });
});
