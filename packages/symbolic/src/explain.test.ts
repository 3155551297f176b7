import { describe, expect, it } from 'vitest';
import { derivative, explain } from './index.js';

describe('explain(expr, x)', () => {
  it('explain(taming a beast) reads like the lecture: quotient, then the chain rule for sin(2x^5 + 3x)', () => {
    const steps = explain('sin(2x^5 + 3x) / e^(7x)', 'x');
    expect(steps.map((s) => s.rule)).toEqual(['quotient', 'chain', 'sum', 'constant multiple', 'power', 'constant multiple', 'exp', 'constant multiple']);
    expect(steps[0]?.text).toContain('u = sin(2*x^5 + 3*x), v = e^(7*x)');
    expect(steps[1]?.text).toBe("Chain rule: d/dx[sin(2*x^5 + 3*x)] = (10*x^4 + 3)*cos(2*x^5 + 3*x) (sin'(u) = cos(u), times the derivative of the inside: u = 2*x^5 + 3*x)");
    expect(steps[0]?.result.toString()).toBe(derivative('sin(2x^5 + 3x) / e^(7x)', 'x').toString());
  });

  it('explain(expr, x) gives every step its sub-expression, result, text and LaTeX', () => {
    for (const s of explain('x^2*sin(x)', 'x')) {
      expect(s.expr.toString().length).toBeGreaterThan(0);
      expect(s.result.toString()).toBe(derivative(s.expr, 'x').toString());
      expect(s.tex).toMatch(/^\\frac\{d\}\{dx\}\\left\[.*\\right\] = /);
    }
    expect(explain('x^2*sin(x)', 'x').map((s) => s.rule)).toEqual(['product', 'power', 'trig']);
  });

  it.each([
    ['e^x', ['exp']],
    ['2^x', ['exponential']],
    ['x^x', ['general power']],
    ['log(x)', ['log']],
    ['(x^2 + 1)^3', ['chain', 'sum', 'power']],
    ['x - sin(x)', ['sum', 'trig']],
    ['7', ['constant']],
    ['x', ['variable']],
  ])('explain(%j, x) uses the rules %j', (src, rules) => {
    expect(explain(src, 'x').map((s) => s.rule)).toEqual(rules);
  });

  it('explain(expr, v) writes partial derivatives with ∂ when other symbols are constants', () => {
    const [first] = explain('m*a + d*v^2', 'v');
    expect(first?.text).toMatch(/^Sum rule: ∂\/∂v\[/);
    expect(first?.tex).toMatch(/\\partial v/);
  });

  it('explain says when a step\'s simplification assumed more than the expression itself needs', () => {
    const [step] = explain('x^x', 'x');
    expect(step?.conditions).toEqual(['x ≠ 0']);
    expect(step?.text).toMatch(/; valid for x ≠ 0$/);
    // x·log(x) needs x > 0 already, so cancelling x/x in its derivative assumes nothing new.
    expect(explain('x*log(x)', 'x').every((s) => s.conditions.length === 0)).toBe(true);
  });
});

