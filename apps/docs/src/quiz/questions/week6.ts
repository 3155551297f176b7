import type { Question } from '../types.js';

const r = String.raw;

const GAUSSIAN = 'exp(-(x - mu)^2/(2*sig^2))/(sig*sqrt(2*pi))';
const GAUSSIAN_VARIABLES = [
  { name: 'x', from: 150, to: 200 },
  { name: 'mu', aliases: ['μ'], from: 165, to: 185 },
  { name: 'sig', aliases: ['sigma', 'σ'], from: 4, to: 10 },
];
const TYPE_GREEK = r`type {{mu}} or {{μ}} for μ, {{sig}}, {{sigma}} or {{σ}} for σ, and {{f}} for the Gaussian itself`;

/** Week 6, "Regression": the practice quizzes and the heights assignment's graded functions. */
export const week6: readonly Question[] = [
  {
    id: 'w6-linear-fit-by-hand',
    source: 'Week 6 practice quiz "Linear regression": a 5-point fit done by hand with m = Σ(xᵢ − x̄)yᵢ / Σ(xᵢ − x̄)², c = ȳ − m x̄ (COURSE.md §3.6; the five points are ours, the quiz\'s are not public)',
    prompt: r`Fit $y = mx + c$ by least squares to the five points $(1, 2)$, $(2, 4)$, $(3, 5)$, $(4, 4)$, $(5, 5)$. Give $m$ and $c$ to 3 decimal places.`,
    fields: [
      { kind: 'number', label: '$m =$', name: 'm', answer: '0.6', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '1.2', why: r`$\sum x_iy_i/\sum x_i^2 = 66/55$ is the slope of the best line through the origin. With an intercept, subtract the means first: $m = \sum(x_i - \bar x)(y_i - \bar y)/\sum(x_i - \bar x)^2$.` }] },
      { kind: 'number', label: '$c =$', name: 'c', answer: '2.2', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '4', why: r`$4$ is $\bar y$; the intercept is $c = \bar y - m\bar x = 4 - 0.6\cdot3$.` }] },
    ],
    solution: r`$\bar x = 3$, $\bar y = 4$. $\sum(x_i - \bar x)y_i = (-2)(2) + (-1)(4) + 0 + (1)(4) + (2)(5) = 6$ and $\sum(x_i - \bar x)^2 = 4 + 1 + 0 + 1 + 4 = 10$, so
$$m = \frac{6}{10} = 0.6, \qquad c = \bar y - m\bar x = 4 - 1.8 = 2.2.$$`,
  },
  {
    id: 'w6-chi-squared',
    source: 'Week 6 lecture "Simple linear regression" and practice quiz "Linear regression": χ² = Σ rᵢ² with rᵢ = yᵢ − mxᵢ − c (COURSE.md §3.6, §4 week 6)',
    prompt: r`For the same five points and the fitted line $y = 0.6x + 2.2$, what is $\chi^2 = \sum_i (y_i - m x_i - c)^2$? Give it to 3 decimal places.`,
    fields: [{
      kind: 'number', label: r`$\chi^2 =$`, name: 'χ²', answer: '2.4', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '0', why: r`The residuals of a least-squares line sum to zero; $\chi^2$ adds their squares, which do not.` },
        { answer: '0.48', why: r`$\chi^2$ is the sum of the squared residuals, not their mean.` },
      ],
    }],
    solution: r`The line gives $2.8, 3.4, 4.0, 4.6, 5.2$ at $x = 1, \dots, 5$, so the residuals are $-0.8, 0.6, 1.0, -0.6, -0.2$ and
$$\chi^2 = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4.$$`,
  },
  {
    id: 'w6-dfdmu',
    source: 'Heights assignment, graded function dfdmu: ∂f/∂μ = f·(x − μ)/σ² (COURSE.md §2.1)',
    prompt: r`The assignment fits the Gaussian $f(x; \mu, \sigma) = \dfrac{1}{\sigma\sqrt{2\pi}}\exp\left(-\dfrac{(x - \mu)^2}{2\sigma^2}\right)$ to the heights. Write the graded function {{dfdmu}}: find $\dfrac{\partial f}{\partial\mu}$ (${TYPE_GREEK}).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{\partial f}{\partial\mu} =$`, name: '∂f/∂μ', answer: 'f*(x - mu)/sig^2',
      variables: GAUSSIAN_VARIABLES, definitions: { f: GAUSSIAN },
      wrong: [
        { answer: 'f*(mu - x)/sig^2', why: r`$\frac{\partial}{\partial\mu}\left(-\frac{(x - \mu)^2}{2\sigma^2}\right) = +\frac{x - \mu}{\sigma^2}$: differentiating $(x - \mu)^2$ in $\mu$ brings a factor $-1$ that cancels the leading minus.` },
        { answer: 'f*(x - mu)/sig', why: r`The exponent has $2\sigma^2$ in its denominator: the result divides by $\sigma^2$.` },
      ],
    }],
    solution: r`Only the exponent depends on $\mu$. Chain rule:
$$\frac{\partial f}{\partial\mu} = f\cdot\frac{\partial}{\partial\mu}\left(-\frac{(x - \mu)^2}{2\sigma^2}\right) = f\cdot\frac{x - \mu}{\sigma^2}.$$`,
    working: [{ title: r`$\frac{\partial f}{\partial\mu}$`, expr: GAUSSIAN, variable: 'mu' }],
  },
  {
    id: 'w6-dfdsig',
    source: 'Heights assignment, graded function dfdsig: ∂f/∂σ = f·((x − μ)²/σ³ − 1/σ) (COURSE.md §2.1)',
    prompt: r`Same Gaussian. Write the graded function {{dfdsig}}: find $\dfrac{\partial f}{\partial\sigma}$ (${TYPE_GREEK}).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{\partial f}{\partial\sigma} =$`, name: '∂f/∂σ', answer: 'f*((x - mu)^2/sig^3 - 1/sig)',
      variables: GAUSSIAN_VARIABLES, definitions: { f: GAUSSIAN },
      wrong: [
        { answer: 'f*(x - mu)^2/sig^3', why: r`The factor $\frac{1}{\sigma\sqrt{2\pi}}$ in front depends on $\sigma$ too: the product rule adds $-f/\sigma$.` },
        { answer: 'f*((x - mu)^2/sig^3 + 1/sig)', why: r`$\frac{d}{d\sigma}\frac1\sigma = -\frac1{\sigma^2}$: the prefactor's term is $-f/\sigma$.` },
      ],
    }],
    solution: r`$\sigma$ appears twice: in the prefactor $\frac{1}{\sigma\sqrt{2\pi}}$, whose derivative gives $-\frac{f}{\sigma}$, and in the exponent, whose derivative $\frac{(x - \mu)^2}{\sigma^3}$ multiplies $f$. Product rule:
$$\frac{\partial f}{\partial\sigma} = f\left(\frac{(x - \mu)^2}{\sigma^3} - \frac1\sigma\right).$$`,
    working: [{ title: r`$\frac{\partial f}{\partial\sigma}$`, expr: GAUSSIAN, variable: 'sig' }],
  },
  {
    id: 'w6-partials-at-start',
    source: 'Heights assignment: the start values μ = 155, σ = 6 and the first data bin centred at 161.25 cm (COURSE.md §2.3, §2.4)',
    prompt: r`The assignment's descent starts at $\mu = 155$, $\sigma = 6$. Evaluate $f$'s partial derivatives at the first bin's centre, $x = 161.25$ cm, to 3 significant figures.`,
    fields: [
      { kind: 'number', label: r`$\dfrac{\partial f}{\partial\mu} =$`, name: '∂f/∂μ at x = 161.25', answer: '0.006709906924', tolerance: { relative: 0.002 },
        wrong: [{ answer: '-0.006709906924', why: r`$x - \mu = 161.25 - 155 = +6.25$: the derivative is positive (moving the bell right raises it here).` }] },
      { kind: 'number', label: r`$\dfrac{\partial f}{\partial\sigma} =$`, name: '∂f/∂σ at x = 161.25', answer: '0.0005479757321', tolerance: { relative: 0.002 },
        wrong: [{ answer: '0.006989573', why: r`Include the prefactor's term: $f\left(\frac{(x - \mu)^2}{\sigma^3} - \frac1\sigma\right)$, with $-\frac{f}{\sigma} \approx -0.00644$.` }] },
    ],
    solution: r`$f(161.25; 155, 6) = \frac{1}{6\sqrt{2\pi}}e^{-6.25^2/72} \approx 0.038649$. Then
$$\frac{\partial f}{\partial\mu} = f\,\frac{6.25}{36} \approx 0.00671, \qquad \frac{\partial f}{\partial\sigma} = f\left(\frac{6.25^2}{216} - \frac16\right) \approx 0.000548.$$`,
  },
  {
    id: 'w6-nonlinear-partial',
    source: 'Week 6 practice quiz "Fitting a non-linear function": partial derivatives of a fit model, y = a₁(1 − e^{−a₂x²}) (COURSE.md §3.6)',
    prompt: r`To fit $y(x; a_1, a_2) = a_1\left(1 - e^{-a_2x^2}\right)$ by steepest descent on $\chi^2$ you need $\dfrac{\partial y}{\partial a_2}$. Find it (type {{a1}}, {{a2}}).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{\partial y}{\partial a_2} =$`, name: '∂y/∂a2', answer: 'a1*x^2*exp(-a2*x^2)',
      variables: [{ name: 'x', from: -2, to: 2 }, { name: 'a1', from: 0.5, to: 3 }, { name: 'a2', from: 0.1, to: 2 }],
      wrong: [
        { answer: '-a1*x^2*exp(-a2*x^2)', why: r`Two minus signs: $\frac{\partial}{\partial a_2}\left(-e^{-a_2x^2}\right) = -e^{-a_2x^2}\cdot(-x^2) = +x^2e^{-a_2x^2}$.` },
        { answer: '1 - exp(-a2*x^2)', why: r`That is $\frac{\partial y}{\partial a_1}$.` },
      ],
    }],
    solution: r`Only $e^{-a_2x^2}$ depends on $a_2$: $\frac{\partial y}{\partial a_2} = a_1\cdot\left(-e^{-a_2x^2}\right)\cdot(-x^2) = a_1x^2e^{-a_2x^2}$. The $\chi^2$ gradient then uses it as $\frac{\partial\chi^2}{\partial a_2} = -2\sum_i \frac{y_i - y(x_i)}{\sigma_i^2}\frac{\partial y}{\partial a_2}(x_i)$.`,
    working: [{ title: r`$\frac{\partial y}{\partial a_2}$`, expr: 'a1*(1 - exp(-a2*x^2))', variable: 'a2' }],
  },
  {
    id: 'w6-steepest-path',
    source: 'Heights assignment, closing note: the descent path is not the most direct, because steepest descent moves perpendicular to the contours (COURSE.md §2.3)',
    prompt: r`After 50 steps of {{steepest_step}} (aggression 2000) from $(\mu, \sigma) = (155, 6)$, the path on the $\chi^2$ contour plot bends instead of heading straight for the minimum. Why?`,
    fields: [{
      kind: 'choice', label: 'Because', name: 'why the path bends', answer: 'perpendicular',
      options: [
        { id: 'perpendicular', text: r`each step goes along $-\nabla\chi^2$, perpendicular to the contour through the current point, and that does not point at the minimum` },
        { id: 'noise', text: 'the steps are randomly perturbed, as in the backpropagation trainer' },
        { id: 'aggression', text: 'the aggression changes from step to step' },
        { id: 'local', text: r`$\chi^2$ has several local minima along the way` },
      ],
      wrong: [
        { answer: 'noise', why: r`{{steepest_step}} has no noise: it returns exactly $-\text{aggression}\cdot J$.` },
        { answer: 'aggression', why: 'The aggression is the same 2000 for every step; only the gradient changes.' },
        { answer: 'local', why: r`The path bends on smooth, elongated contours around one minimum: the gradient is perpendicular to them, not aimed at the centre.` },
      ],
    }],
    solution: r`The step $-\text{aggression}\cdot\nabla\chi^2$ is perpendicular to the contour of $\chi^2$ through the current point. On elongated contours that direction points across the valley rather than at its lowest point, so the path turns as it goes. A method that uses the curvature (the Hessian, as in Gauss–Newton or Levenberg–Marquardt) heads more directly for the minimum.`,
  },
];
