import type { Question } from '../types.js';

const r = String.raw;

/** Week 4, "Taylor series and linearisation": the "Taylor Series Assessment" and the practice quizzes. */
export const week4: readonly Question[] = [
  {
    id: 'w4-maclaurin-exp-x2',
    source: 'Week 4 Taylor quizzes: the Maclaurin series of e^{x²} (COURSE.md §4, week 4)',
    prompt: r`Write the Maclaurin series of $e^{x^2}$ up to and including the $x^4$ term.`,
    fields: [{
      kind: 'expression', label: r`$e^{x^2} \approx$`, name: 'the series up to x⁴', answer: '1 + x^2 + x^4/2',
      variables: [{ name: 'x', from: -1, to: 1 }],
      wrong: [
        { answer: '1 + x + x^2/2', why: r`That is the series of $e^x$. Put $u = x^2$ into $e^u = 1 + u + u^2/2 + \dots$` },
        { answer: '1 + x^2 + x^4/4', why: r`The $u^2$ term of $e^u$ is $u^2/2!$: with $u = x^2$ it is $x^4/2$.` },
      ],
    }],
    solution: r`$e^u = 1 + u + \frac{u^2}{2!} + \dots$; with $u = x^2$:
$$e^{x^2} \approx 1 + x^2 + \frac{x^4}{2}.$$
(Only even powers appear: $e^{x^2}$ is an even function.)`,
  },
  {
    id: 'w4-taylor-1-over-x-about-4',
    source: 'Week 4 Taylor quizzes: the Taylor series of 1/x about x = 4 (COURSE.md §4, week 4)',
    prompt: r`Expand $f(x) = \dfrac1x$ about $x = 4$ to second order (terms up to $(x - 4)^2$).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac1x \approx$`, name: 'the second-order expansion about 4', answer: '1/4 - (x - 4)/16 + (x - 4)^2/64',
      variables: [{ name: 'x', from: 2, to: 6 }],
      wrong: [
        { answer: '1/4 - (x - 4)/16 + (x - 4)^2/32', why: r`$f''(4) = 2/4^3 = 1/32$ is divided by $2! = 2$ in the series: the coefficient is $1/64$.` },
        { answer: '1/4 + (x - 4)/16 + (x - 4)^2/64', why: r`$f'(x) = -1/x^2$ is negative: the linear term is $-(x - 4)/16$.` },
      ],
    }],
    solution: r`$f(4) = \tfrac14$, $f'(x) = -x^{-2}$ so $f'(4) = -\tfrac1{16}$, $f''(x) = 2x^{-3}$ so $f''(4) = \tfrac{2}{64}$. Then
$$\frac1x \approx \frac14 - \frac{x - 4}{16} + \frac{2}{64}\cdot\frac{(x - 4)^2}{2!} = \frac14 - \frac{x - 4}{16} + \frac{(x - 4)^2}{64}.$$`,
    working: [
      { title: r`$f'(x)$`, expr: '1/x', variable: 'x' },
      { title: r`$f''(x)$`, expr: '-1/x^2', variable: 'x' },
    ],
  },
  {
    id: 'w4-ln-orders-difference',
    source: 'Week 4 Taylor quizzes: ln x about 10, the difference between the first- and second-order approximations at x = 2 (Δ = 0.32) (COURSE.md §4, week 4)',
    prompt: r`Approximate $\ln x$ about $x = 10$. At $x = 2$, what is the second-order approximation minus the first-order one? Give it to 2 decimal places.`,
    fields: [{
      kind: 'number', label: 'second order − first order =', name: 'second-order minus first-order approximation', answer: '-(2 - 10)^2/(2*10^2)', tolerance: { absolute: 0.005 },
      wrong: [
        { answer: '0.32', why: r`The second-order term is $\frac{f''(10)}{2}(x - 10)^2$ with $f''(x) = -1/x^2 < 0$: it is negative.` },
        { answer: '-0.64', why: r`Divide by $2!$: the term is $\frac{f''(10)}{2!}(x - 10)^2 = -\frac{64}{200}$.` },
      ],
    }],
    solution: r`The two approximations differ by the second-order term alone: $f''(x) = -1/x^2$, so $f''(10) = -\tfrac1{100}$ and at $x = 2$
$$\frac{f''(10)}{2!}(2 - 10)^2 = -\frac{64}{200} = -0.32.$$`,
    working: [{ title: r`$f''(x)$`, expr: '1/x', variable: 'x' }],
  },
  {
    id: 'w4-discontinuous-about-half',
    source: 'Week 4 Taylor quizzes: 2/(x² − x) about x = 0.5 (valid only on 0 < x < 1): −8 − 32(x − 0.5)² (COURSE.md §4, week 4)',
    prompt: r`Expand $f(x) = \dfrac{2}{x^2 - x}$ about $x = 0.5$ to second order. (The function has poles at 0 and 1, so the series can only hold between them.)`,
    fields: [{
      kind: 'expression', label: r`$f(x) \approx$`, name: 'the second-order expansion about 0.5', answer: '-8 - 32*(x - 0.5)^2',
      variables: [{ name: 'x', from: 0.2, to: 0.8 }],
      wrong: [
        { answer: '-8 - 64*(x - 0.5)^2', why: r`$f''(0.5) = -64$ is divided by $2!$: the coefficient is $-32$.` },
        { answer: '-8', why: r`$f'(0.5) = 0$, but $f''(0.5) = -64$ is not: the second-order term stays.` },
      ],
    }],
    solution: r`$f(0.5) = 2/(0.25 - 0.5) = -8$. $f'(x) = -\frac{2(2x - 1)}{(x^2 - x)^2}$ is 0 at $x = 0.5$, and $f''(0.5) = -64$, so
$$f(x) \approx -8 + 0\cdot(x - 0.5) - \frac{64}{2!}(x - 0.5)^2 = -8 - 32(x - 0.5)^2.$$`,
    working: [{ title: r`$f'(x)$`, expr: '2/(x^2 - x)', variable: 'x' }],
  },
  {
    id: 'w4-x-sin-x',
    source: 'Week 4 Taylor quizzes: the series of x sin x (odd and even functions) (COURSE.md §4, week 4)',
    prompt: r`Write the Maclaurin series of $x\sin x$ up to and including the $x^4$ term.`,
    fields: [{
      kind: 'expression', label: r`$x\sin x \approx$`, name: 'the series up to x⁴', answer: 'x^2 - x^4/6',
      variables: [{ name: 'x', from: -1, to: 1 }],
      wrong: [
        { answer: 'x - x^3/6', why: r`That is the series of $\sin x$; multiply every term by $x$.` },
        { answer: 'x^2 - x^4/3', why: r`$\sin x = x - \frac{x^3}{3!} + \dots$ and $3! = 6$.` },
      ],
    }],
    solution: r`$\sin x = x - \frac{x^3}{6} + \frac{x^5}{120} - \dots$, so $x\sin x = x^2 - \frac{x^4}{6} + \dots$ Only even powers: $x\sin x$ is an even function (odd × odd).`,
  },
  {
    id: 'w4-exp-plus-x-plus-sin',
    source: 'Week 4 Taylor quizzes: the series of eˣ + x + sin x (COURSE.md §4, week 4)',
    prompt: r`Write the Maclaurin series of $e^x + x + \sin x$ up to and including the $x^3$ term.`,
    fields: [{
      kind: 'expression', label: r`$e^x + x + \sin x \approx$`, name: 'the series up to x³', answer: '1 + 3*x + x^2/2',
      variables: [{ name: 'x', from: -1, to: 1 }],
      wrong: [
        { answer: '1 + 3*x + x^2/2 + x^3/3', why: r`The cubic terms cancel: $e^x$ has $+\frac{x^3}{6}$ and $\sin x$ has $-\frac{x^3}{6}$.` },
        { answer: '1 + 2*x + x^2/2', why: r`Three terms contribute an $x$: $e^x$, $x$ itself and $\sin x$.` },
      ],
    }],
    solution: r`Add the series term by term: $\left(1 + x + \frac{x^2}{2} + \frac{x^3}{6}\right) + x + \left(x - \frac{x^3}{6}\right) = 1 + 3x + \frac{x^2}{2}$; the $x^3$ terms cancel.`,
  },
  {
    id: 'w4-2d-first-order',
    source: 'Week 4 quiz "2D Taylor series": the first-order expansion of x y² e^{−x⁴−y²/2} about (−1, 2) (COURSE.md §4, week 4)',
    prompt: r`Find the first-order (linear) Taylor approximation of $f(x, y) = x y^2 e^{-x^4 - y^2/2}$ about $(x, y) = (-1, 2)$, as an expression in $x$ and $y$.`,
    fields: [{
      kind: 'expression', label: r`$f(x, y) \approx$`, name: 'the first-order approximation', answer: 'exp(-3)*(-4 - 12*(x + 1) + 4*(y - 2))',
      variables: [{ name: 'x', from: -1.5, to: -0.5 }, { name: 'y', from: 1.5, to: 2.5 }],
      wrong: [
        { answer: 'exp(-3)*(-4 + 4*(x + 1) - 4*(y - 2))', why: r`Those are the derivatives of $xy^2$ alone: the exponential depends on $x$ and $y$ too, so use the product rule.` },
        { answer: '-4*exp(-3) - 12*(x + 1) + 4*(y - 2)', why: r`Both partial derivatives carry the factor $e^{-3}$ as well.` },
      ],
    }],
    solution: r`$f(-1, 2) = -4e^{-3}$. $\frac{\partial f}{\partial x} = y^2e^{-x^4 - y^2/2}(1 - 4x^4) = -12e^{-3}$ and $\frac{\partial f}{\partial y} = x e^{-x^4 - y^2/2}(2y - y^3) = 4e^{-3}$ at $(-1, 2)$. So
$$f(x, y) \approx e^{-3}\left(-4 - 12(x + 1) + 4(y - 2)\right).$$`,
    working: [{ title: r`$\frac{\partial f}{\partial x}$`, expr: 'x*y^2*exp(-x^4 - y^2/2)', variable: 'x' }],
  },
  {
    id: 'w4-forward-difference-order',
    source: 'Week 4 lecture "Linearisation": the forward difference is first-order accurate, error O(Δx) (COURSE.md §4, week 4)',
    prompt: r`The forward difference $\dfrac{f(x + \Delta x) - f(x)}{\Delta x}$ estimates $f'(x)$. For small $\Delta x$, what happens to its error when $\Delta x$ is halved?`,
    fields: [{
      kind: 'choice', label: 'The error', name: 'the error when Δx is halved', answer: 'halves',
      options: [
        { id: 'halves', text: 'roughly halves' },
        { id: 'quarters', text: 'falls to roughly a quarter' },
        { id: 'same', text: 'stays the same' },
        { id: 'doubles', text: 'roughly doubles' },
      ],
      wrong: [
        { answer: 'quarters', why: r`That is the linear approximation's own error, $O(\Delta x^2)$. Dividing by $\Delta x$ to get the slope leaves $O(\Delta x)$.` },
        { answer: 'same', why: r`Taylor: $\frac{f(x + \Delta x) - f(x)}{\Delta x} = f'(x) + \frac{f''(x)}{2}\Delta x + \dots$: the error shrinks with $\Delta x$.` },
        { answer: 'doubles', why: r`Until rounding takes over (near $\Delta x \approx 10^{-8}$), a smaller step is more accurate.` },
      ],
    }],
    solution: r`From the Taylor series $f(x + \Delta x) = f(x) + f'(x)\Delta x + \frac{f''(x)}{2}\Delta x^2 + \dots$:
$$\frac{f(x + \Delta x) - f(x)}{\Delta x} = f'(x) + \frac{f''(x)}{2}\Delta x + O(\Delta x^2),$$
so the error is proportional to $\Delta x$ (first-order accurate): halving $\Delta x$ halves it.`,
  },
];
