import type { Question } from '../types.js';

const r = String.raw;

const NR = r`$f(x) = \frac{x^6}{6} - 3x^4 - \frac{2x^3}{3} + \frac{27x^2}{2} + 18x - 30$`;

/** Week 5, "Intro to optimisation": Newton–Raphson, gradient descent and Lagrange multipliers. */
export const week5: readonly Question[] = [
  {
    id: 'w5-newton-step-from-1',
    source: 'Week 5 practice quiz "Newton-Raphson in one dimension": one step from x = 1 gives 1.0625 (COURSE.md §3.3)',
    prompt: r`The practice quiz's function is ${NR}, with $f'(x) = x^5 - 12x^3 - 2x^2 + 27x + 18$. Take one Newton–Raphson step, $x_1 = x_0 - f(x_0)/f'(x_0)$, from $x_0 = 1$. Give $x_1$ to 4 decimal places.`,
    fields: [{
      kind: 'number', label: '$x_1 =$', name: 'x1', answer: '17/16', tolerance: { absolute: 0.0001 },
      wrong: [
        { answer: '15/16', why: r`Subtract $f/f'$: $x_1 = 1 - \frac{-2}{32} = 1 + 0.0625$.` },
        { answer: '1 - 32/(-2)', why: r`The step is $f(x_0)/f'(x_0)$, the value over the slope, not the other way round.` },
      ],
    }],
    solution: r`$f(1) = \tfrac16 - 3 - \tfrac23 + \tfrac{27}{2} + 18 - 30 = -2$ and $f'(1) = 1 - 12 - 2 + 27 + 18 = 32$, so
$$x_1 = 1 - \frac{-2}{32} = 1.0625.$$`,
  },
  {
    id: 'w5-newton-jump-from-1.99',
    source: 'Week 5 practice quiz "Newton-Raphson in one dimension": from x = 1.99 the first step jumps to −36.47 (COURSE.md §3.3)',
    prompt: r`Same function, ${NR}. Take one Newton–Raphson step from $x_0 = 1.99$, just below a turning point. Give $x_1$ to 2 decimal places.`,
    fields: [{
      kind: 'number', label: '$x_1 =$', name: 'x1', answer: '-36.4746128932', tolerance: { absolute: 0.01 },
      wrong: [
        { answer: '1.063071', why: r`That is the nearby root, which Newton–Raphson would like to reach. But $f'(1.99) \approx 0.45$ is tiny, so the step $f/f' \approx 38.5$ is huge.` },
        { answer: '40.46', why: r`Subtract the step: $x_1 = 1.99 - 17.331/0.4506$.` },
      ],
    }],
    solution: r`$f(1.99) \approx 17.331$ and $f'(1.99) \approx 0.4506$ (the curve is almost flat there), so
$$x_1 = 1.99 - \frac{17.331}{0.4506} \approx 1.99 - 38.46 = -36.47.$$
From there it takes about 17 more steps to converge, and to the root near $-3.76$, not the nearest one.`,
  },
  {
    id: 'w5-newton-root-from-minus-4',
    source: 'Week 5 practice quiz "Newton-Raphson in one dimension": the real roots −3.760214 and 1.063071 (COURSE.md §3.3)',
    prompt: r`Same function, ${NR}. Iterate Newton–Raphson from $x_0 = -4$ until it settles (the Newton–Raphson widget above does it for you). Which root does it reach? Give it to 4 decimal places.`,
    fields: [{
      kind: 'number', label: 'root =', name: 'the root', answer: '-3.76021397219745', tolerance: { absolute: 0.0001 },
      wrong: [
        { answer: '1.063071', why: r`That is the other real root; from $x_0 = -4$ the iteration stays on the left and converges to the root near $-3.76$.` },
        { answer: '-4', why: 'That is the starting point; iterate until x stops changing.' },
      ],
    }],
    solution: r`$f(-4) \approx 71.33$ and $f'(-4) = -378$: the slope is steep, so the steps are small and the iteration converges in a few, $-4 \to -3.8113 \to -3.76309 \to -3.760224 \to -3.7602140$. The function's real roots are $-3.760214$ and $1.063071$.`,
  },
  {
    id: 'w5-newton-cycle',
    source: 'Week 5 lecture "Newton-Raphson": x³ − 2x + 2 converges to −1.7693 from x₀ = −2, but from x₀ = 0 it cycles 0 → 1 → 0 (COURSE.md §4, week 5)',
    prompt: r`Newton–Raphson on $f(x) = x^3 - 2x + 2$ converges to $-1.7693$ from $x_0 = -2$. What happens from $x_0 = 0$?`,
    fields: [{
      kind: 'choice', label: 'From 0 the iteration', name: 'what happens from 0', answer: 'cycles',
      options: [
        { id: 'root', text: r`converges to $-1.7693$` },
        { id: 'cycles', text: r`cycles $0 \to 1 \to 0 \to 1 \dots$ for ever` },
        { id: 'diverges', text: 'runs off to infinity' },
        { id: 'zero', text: r`stays at 0, because $f'(0) = -2 \ne 0$` },
      ],
      wrong: [
        { answer: 'root', why: r`Work out two steps: $x_1 = 0 - \frac{2}{-2} = 1$, then $x_2 = 1 - \frac{1}{1} = 0$, back where it started.` },
        { answer: 'diverges', why: r`The iterates stay bounded: $x_1 = 1$, $x_2 = 0$, and round again.` },
        { answer: 'zero', why: r`A step moves by $f(x_0)/f'(x_0) = 2/(-2) = -1$, so $x_1 = 1$.` },
      ],
    }],
    solution: r`$f(0) = 2$, $f'(0) = -2$, so $x_1 = 0 - \frac{2}{-2} = 1$. Then $f(1) = 1$, $f'(1) = 1$, so $x_2 = 1 - 1 = 0$. The iterates repeat for ever and never reach the root at $-1.7693$.`,
  },
  {
    id: 'w5-steepest-direction',
    source: 'Week 5 lecture "Gradient Descent": the directional gradient ∇f·r̂ is largest, |∇f|, along ∇f (COURSE.md §4, week 5)',
    prompt: r`For $f(x, y) = x^2 y$ at the point $(1, 2)$, what is the largest directional gradient $\nabla f\cdot\hat{\mathbf r}$ over all unit vectors $\hat{\mathbf r}$? Give it to 3 decimal places or exactly.`,
    fields: [{
      kind: 'number', label: r`$\max_{\hat{\mathbf r}} \nabla f\cdot\hat{\mathbf r} =$`, name: 'the largest directional gradient', answer: 'sqrt(17)', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '5', why: r`That is $\nabla f\cdot(1, 1)$, but $(1, 1)$ is not a unit vector, nor the steepest direction. The maximum is along $\nabla f$ itself and equals $|\nabla f|$.` },
        { answer: '4', why: r`The largest is along $\hat{\mathbf r} = \nabla f/|\nabla f|$, not along the x axis: it is $|\nabla f|$.` },
      ],
    }],
    solution: r`$\nabla f = [2xy,\ x^2] = [4,\ 1]$ at $(1, 2)$. $\nabla f\cdot\hat{\mathbf r} = |\nabla f|\cos\theta$ is largest when $\hat{\mathbf r}$ points along $\nabla f$, where it equals $|\nabla f| = \sqrt{16 + 1} = \sqrt{17} \approx 4.123$.`,
  },
  {
    id: 'w5-descent-step',
    source: 'Week 5 lab "Gradient descent in a sandpit": the steepest-descent step s − γ∇f with γ = 0.5 (COURSE.md §3.2, §4 week 5)',
    prompt: r`Take one gradient-descent step $\mathbf s_1 = \mathbf s_0 - \gamma\nabla f$ on $f(x, y) = x^2 y$ from $\mathbf s_0 = (1, 2)$, with the sandpit lab's $\gamma = 0.5$.`,
    fields: [
      { kind: 'number', label: '$x_1 =$', name: 'x1', answer: '-1', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '3', why: r`Descent goes against the gradient: subtract $\gamma\nabla f$.` }] },
      { kind: 'number', label: '$y_1 =$', name: 'y1', answer: '1.5', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '2.5', why: r`Descent goes against the gradient: subtract $\gamma\nabla f$.` }] },
    ],
    solution: r`$\nabla f(1, 2) = [2xy,\ x^2] = [4,\ 1]$, so $\mathbf s_1 = (1, 2) - 0.5\,(4, 1) = (-1,\ 1.5)$.`,
    working: [{ title: r`$\frac{\partial f}{\partial x}$`, expr: 'x^2*y', variable: 'x' }],
  },
  {
    id: 'w5-lagrange-video-maximum',
    source: 'Week 5 lecture "Constrained optimisation": maximise x²y on x² + y² = a², maximum 2a³/(3√3) (COURSE.md §4, week 5)',
    prompt: r`Maximise $f(x, y) = x^2 y$ on the circle $x^2 + y^2 = 1$ with a Lagrange multiplier ($\nabla f = \lambda\nabla g$). What is the maximum value of $f$? Give it to 3 decimal places or exactly.`,
    fields: [{
      kind: 'number', label: r`$\max f =$`, name: 'the maximum', answer: '2/(3*sqrt(3))', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '1/sqrt(3)', why: r`$1/\sqrt3$ is $y$ at the maximum; $f = x^2 y = \tfrac23\cdot\tfrac1{\sqrt3}$.` },
        { answer: '2/3', why: r`$2/3$ is $x^2$ at the maximum; multiply by $y = 1/\sqrt3$.` },
      ],
    }],
    solution: r`$\nabla f = [2xy,\ x^2]$, $\nabla g = [2x,\ 2y]$. From $2xy = 2\lambda x$ (with $x \ne 0$), $\lambda = y$; then $x^2 = 2\lambda y = 2y^2$. With $x^2 + y^2 = 1$: $y^2 = \tfrac13$, $x^2 = \tfrac23$. The maximum takes $y = +\tfrac{1}{\sqrt3}$:
$$f = \frac23\cdot\frac{1}{\sqrt3} = \frac{2}{3\sqrt3} \approx 0.385.$$`,
  },
  {
    id: 'w5-lagrange-partial',
    source: 'Week 5 practice quiz "Lagrange multipliers": ∂f/∂x = ½(−4x + y)f for f = exp(−(2x² + y² − xy)/2) (COURSE.md §3.4)',
    prompt: r`The practice quiz minimises $f(x, y) = \exp\left(-\frac{2x^2 + y^2 - xy}{2}\right)$ on an ellipse. Find $\dfrac{\partial f}{\partial x}$ (you may write {{f}} for $f(x, y)$ itself).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{\partial f}{\partial x} =$`, name: '∂f/∂x', answer: '(-4*x + y)/2*f',
      variables: [{ name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1.5, to: 1.5 }],
      definitions: { f: 'exp(-(2*x^2 + y^2 - x*y)/2)' },
      wrong: [
        { answer: '(-4*x + y)*f', why: r`The exponent is divided by 2: its derivative is $-\frac{4x - y}{2}$.` },
        { answer: '(-4*x + 2*y)/2*f', why: r`In $xy$ the variable is $x$: $\frac{\partial}{\partial x}(xy) = y$, so the bracket is $-4x + y$.` },
      ],
    }],
    solution: r`Chain rule: $\frac{\partial f}{\partial x} = f\cdot\frac{\partial}{\partial x}\left(-\frac{2x^2 + y^2 - xy}{2}\right) = f\cdot\frac{-4x + y}{2} = \tfrac12(-4x + y)f$.`,
    working: [{ title: r`$\frac{\partial f}{\partial x}$`, expr: 'exp(-(2*x^2 + y^2 - x*y)/2)', variable: 'x' }],
  },
  {
    id: 'w5-lagrange-minimum',
    source: 'Week 5 practice quiz "Lagrange multipliers": the global minimum f = 0.11494 at (0.93094, −1.21083) on x² + 3(y+1)² = 1 (COURSE.md §3.4)',
    prompt: r`Minimise $f(x, y) = \exp\left(-\frac{2x^2 + y^2 - xy}{2}\right)$ on the ellipse $x^2 + 3(y + 1)^2 = 1$ by solving $\nabla\mathcal L = 0$ (the Lagrange widget above finds all four stationary points). What is the smallest value of $f$ on the ellipse? Give it to 3 decimal places.`,
    fields: [{
      kind: 'number', label: r`$\min f =$`, name: 'the minimum', answer: '0.11494', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '0.92381', why: r`That is the point the quiz's start $(1, 1, 0)$ reaches, at $(-0.096, -0.425)$: a maximum on the ellipse. $\nabla\mathcal L = 0$ has four solutions; compare $f$ at all of them.` },
        { answer: '0.35390', why: 'That is one of the other stationary points; compare f at all four.' },
      ],
    }],
    solution: r`$\nabla\mathcal L = \left[\tfrac12(-4x + y)f - 2\lambda x,\ \tfrac12(x - 2y)f - 6\lambda(y + 1),\ -g\right] = 0$ has four solutions, with $f = 0.35390,\ 0.37175,\ 0.92381$ and $0.11494$. The smallest, the global minimum on the ellipse, is $f = 0.11494$ at $(0.93094, -1.21083)$, $\lambda = -0.15232$.`,
  },
];
