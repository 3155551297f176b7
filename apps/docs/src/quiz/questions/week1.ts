import type { Question } from '../types.js';

const r = String.raw;

/** Week 1, "What is calculus?": the graded quiz "Unleashing the toolbox" and the lectures' worked examples. */
export const week1: readonly Question[] = [
  {
    id: 'w1-power-sum-at-2',
    source: 'Week 1 graded quiz "Unleashing the toolbox": the derivative of x^{3/2} + πx² + √7 at x = 2 (COURSE.md §4, week 1)',
    prompt: r`Let $f(x) = x^{3/2} + \pi x^2 + \sqrt7$. What is $f'(2)$? Give it to 3 decimal places, or exactly (you may type {{sqrt(2)}} and {{pi}}).`,
    fields: [{
      kind: 'number', label: r`$f'(2) =$`, name: "f′(2)", answer: '1.5*sqrt(2) + 4*pi', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '1.5*sqrt(2) + 4*pi + sqrt(7)', why: r`$\sqrt7$ is a constant: its derivative is 0, so it drops out.` },
        { answer: 'sqrt(2) + 4*pi', why: r`The power rule brings the exponent down and lowers it by one: $\frac{d}{dx}x^{3/2} = \tfrac32 x^{1/2}$.` },
      ],
    }],
    solution: r`Sum rule: differentiate term by term. Power rule on $x^{3/2}$ gives $\tfrac32 x^{1/2}$; $\pi x^2$ gives $2\pi x$; the constant $\sqrt7$ gives 0. So
$$f'(x) = \tfrac32\sqrt x + 2\pi x, \qquad f'(2) = \tfrac32\sqrt2 + 4\pi \approx 2.1213 + 12.5664 = 14.6877.$$`,
    working: [{ title: r`$\frac{d}{dx}\left(x^{3/2} + \pi x^2 + \sqrt7\right)$`, expr: 'x^(3/2) + pi*x^2 + sqrt(7)', variable: 'x' }],
  },
  {
    id: 'w1-product-of-three',
    source: 'Week 1 graded quiz "Unleashing the toolbox": the derivative of x³ cos(x) eˣ (COURSE.md §4, week 1)',
    prompt: r`Differentiate $f(x) = x^3 \cos(x)\, e^x$.`,
    fields: [{
      kind: 'expression', label: r`$f'(x) =$`, name: "f′(x)", answer: 'exp(x)*(3*x^2*cos(x) - x^3*sin(x) + x^3*cos(x))',
      variables: [{ name: 'x', from: -2, to: 2 }],
      wrong: [
        { answer: '3*x^2*(-sin(x))*exp(x)', why: r`The product rule is not the product of the derivatives: $(uvw)' = u'vw + uv'w + uvw'$.` },
        { answer: 'exp(x)*(3*x^2*cos(x) + x^3*sin(x) + x^3*cos(x))', why: r`Check the sign: $\frac{d}{dx}\cos x = -\sin x$.` },
      ],
    }],
    solution: r`Use the product rule twice (for three factors, one term per factor differentiated):
$$f' = 3x^2\cos x\,e^x + x^3(-\sin x)e^x + x^3\cos x\,e^x = e^x\left(3x^2\cos x - x^3\sin x + x^3\cos x\right).$$`,
    working: [{ title: r`$\frac{d}{dx}\left(x^3\cos(x)\,e^x\right)$`, expr: 'x^3*cos(x)*exp(x)', variable: 'x' }],
  },
  {
    id: 'w1-chain-exp-square',
    source: 'Week 1 graded quiz "Unleashing the toolbox": the derivative of e^{(x+1)²} (COURSE.md §4, week 1)',
    prompt: r`Differentiate $f(x) = e^{(x+1)^2}$.`,
    fields: [{
      kind: 'expression', label: r`$f'(x) =$`, name: "f′(x)", answer: '2*(x+1)*exp((x+1)^2)',
      variables: [{ name: 'x', from: -2, to: 1 }],
      wrong: [
        { answer: 'exp((x+1)^2)', why: r`$e^u$ is its own derivative, but the chain rule multiplies by the derivative of the inside, $u = (x+1)^2$: that is $2(x+1)$.` },
        { answer: '(x+1)^2*exp((x+1)^2 - 1)', why: r`The power rule does not apply to $e^u$: the variable is in the exponent. Use $\frac{d}{du}e^u = e^u$ and the chain rule.` },
      ],
    }],
    solution: r`Chain rule with the outer function $e^u$ and the inner $u = (x+1)^2$: $\frac{d}{du}e^u = e^u$ and $\frac{du}{dx} = 2(x+1)$, so
$$f'(x) = 2(x+1)\,e^{(x+1)^2}.$$`,
    working: [{ title: r`$\frac{d}{dx}e^{(x+1)^2}$`, expr: 'exp((x+1)^2)', variable: 'x' }],
  },
  {
    id: 'w1-chain-cos-cube',
    source: 'Week 1 graded quiz "Unleashing the toolbox": the derivative of x² cos(x³) (COURSE.md §4, week 1)',
    prompt: r`Differentiate $f(x) = x^2\cos(x^3)$.`,
    fields: [{
      kind: 'expression', label: r`$f'(x) =$`, name: "f′(x)", answer: '2*x*cos(x^3) - 3*x^4*sin(x^3)',
      variables: [{ name: 'x', from: -1.5, to: 1.5 }],
      wrong: [
        { answer: '2*x*cos(x^3) - x^2*sin(x^3)', why: r`Inside $\cos(x^3)$ the chain rule also multiplies by $\frac{d}{dx}x^3 = 3x^2$.` },
        { answer: '-6*x^3*sin(x^3)', why: r`The product rule is not the product of the derivatives: $(uv)' = u'v + uv'$.` },
      ],
    }],
    solution: r`Product rule with $u = x^2$, $v = \cos(x^3)$: $u' = 2x$, and by the chain rule $v' = -\sin(x^3)\cdot 3x^2$. So
$$f'(x) = 2x\cos(x^3) - 3x^4\sin(x^3).$$`,
    working: [{ title: r`$\frac{d}{dx}\left(x^2\cos(x^3)\right)$`, expr: 'x^2*cos(x^3)', variable: 'x' }],
  },
  {
    id: 'w1-sin-ecos-at-pi',
    source: 'Week 1 graded quiz "Unleashing the toolbox": the derivative of sin(x) e^{cos x} at x = π (COURSE.md §4, week 1)',
    prompt: r`Let $f(x) = \sin(x)\,e^{\cos x}$. What is $f'(\pi)$? Give it to 3 decimal places, or exactly ({{e}} is Euler's number).`,
    fields: [{
      kind: 'number', label: r`$f'(\pi) =$`, name: "f′(π)", answer: '-1/e', tolerance: { absolute: 0.001 },
      wrong: [
        { answer: '1/e', why: r`Check the sign: $\cos\pi = -1$, so the first term is $\cos(\pi)\,e^{\cos\pi} = -e^{-1}$.` },
        { answer: '0', why: r`$\sin\pi = 0$ kills only the second term, $-\sin^2 x\,e^{\cos x}$; the first, $\cos x\,e^{\cos x}$, is not zero at $\pi$.` },
      ],
    }],
    solution: r`Product rule, with the chain rule on $e^{\cos x}$:
$$f'(x) = \cos x\,e^{\cos x} + \sin x\cdot(-\sin x)\,e^{\cos x} = e^{\cos x}\left(\cos x - \sin^2 x\right).$$
At $x = \pi$: $\cos\pi = -1$, $\sin\pi = 0$, so $f'(\pi) = e^{-1}(-1 - 0) = -1/e \approx -0.3679$.`,
    working: [{ title: r`$\frac{d}{dx}\left(\sin(x)\,e^{\cos x}\right)$`, expr: 'sin(x)*exp(cos(x))', variable: 'x' }],
  },
  {
    id: 'w1-taming-a-beast',
    source: 'Week 1 lecture "Taming a beast": f(x) = sin(2x⁵ + 3x)/e^{7x} (COURSE.md §4, week 1)',
    prompt: r`The lecture's beast: differentiate $f(x) = \dfrac{\sin(2x^5 + 3x)}{e^{7x}}$.`,
    fields: [{
      kind: 'expression', label: r`$f'(x) =$`, name: "f′(x)", answer: 'exp(-7*x)*((10*x^4 + 3)*cos(2*x^5 + 3*x) - 7*sin(2*x^5 + 3*x))',
      variables: [{ name: 'x', from: -1, to: 1 }],
      wrong: [
        { answer: '(10*x^4 + 3)*cos(2*x^5 + 3*x)*exp(-7*x)', why: r`That is only $u'v$. Written as $\sin(2x^5+3x)\,e^{-7x}$ the product rule also needs $u v'$, with $\frac{d}{dx}e^{-7x} = -7e^{-7x}$.` },
        { answer: 'exp(-7*x)*((10*x^4 + 3)*cos(2*x^5 + 3*x) + 7*sin(2*x^5 + 3*x))', why: r`Check the sign of the second term: $\frac{d}{dx}e^{-7x} = -7e^{-7x}$.` },
      ],
    }],
    solution: r`Rewrite the quotient as a product, $f = \sin(2x^5+3x)\cdot e^{-7x}$. With $u = \sin(2x^5+3x)$, $u' = (10x^4+3)\cos(2x^5+3x)$ (chain rule) and $v = e^{-7x}$, $v' = -7e^{-7x}$:
$$f'(x) = e^{-7x}\left[(10x^4 + 3)\cos(2x^5 + 3x) - 7\sin(2x^5 + 3x)\right].$$`,
    working: [{ title: r`$\frac{d}{dx}\left(\sin(2x^5+3x)\,e^{-7x}\right)$`, expr: 'sin(2*x^5 + 3*x)*exp(-7*x)', variable: 'x' }],
  },
  {
    id: 'w1-pizza-chain',
    source: 'Week 1 lecture "Chain rule": happiness h(p) = −⅓p² + p + ⅕ of pizzas p(m) = eᵐ − 1 (COURSE.md §4, week 1)',
    prompt: r`Happiness depends on pizzas, $h(p) = -\tfrac13 p^2 + p + \tfrac15$, and pizzas on money, $p(m) = e^m - 1$. Find $\dfrac{dh}{dm}$ as an expression in $m$.`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{dh}{dm} =$`, name: 'dh/dm', answer: '(1/3)*exp(m)*(5 - 2*exp(m))',
      variables: [{ name: 'm', from: -2, to: 1.5 }],
      wrong: [
        { answer: '-(2/3)*(exp(m) - 1) + 1', why: r`That is $\frac{dh}{dp}$ with $p$ put in; the chain rule also multiplies by $\frac{dp}{dm} = e^m$.` },
        { answer: '(-(2/3)*m + 1)*exp(m)', why: r`$\frac{dh}{dp}$ must be evaluated at $p = e^m - 1$, not at $m$.` },
      ],
    }],
    solution: r`$\frac{dh}{dp} = -\tfrac23 p + 1$ and $\frac{dp}{dm} = e^m$. By the chain rule, with $p = e^m - 1$:
$$\frac{dh}{dm} = \left(-\tfrac23(e^m - 1) + 1\right)e^m = \tfrac13 e^m\left(5 - 2e^m\right).$$`,
    working: [{ title: r`$\frac{d}{dm}h(p(m))$`, expr: '-(1/3)*(exp(m) - 1)^2 + (exp(m) - 1) + 1/5', variable: 'm' }],
  },
  {
    id: 'w1-tan',
    source: 'Week 1 practice quiz (Taming a beast): d/dx tan x = 1 + tan²x (COURSE.md §4, week 1)',
    prompt: r`Write $\tan x = \dfrac{\sin x}{\cos x}$ and differentiate it. (Any equivalent form passes.)`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{d}{dx}\tan x =$`, name: 'd/dx tan x', answer: '1 + tan(x)^2',
      variables: [{ name: 'x', from: -1.2, to: 1.2 }],
      wrong: [
        { answer: 'sec(x)', why: r`Quotient rule: $\frac{\cos x\cos x - \sin x(-\sin x)}{\cos^2 x} = \frac{1}{\cos^2 x}$, which is $\sec^2 x$, squared.` },
        { answer: '(cos(x)^2 - sin(x)^2)/cos(x)^2', why: r`$\frac{d}{dx}\cos x = -\sin x$, so the quotient rule's $-u v'$ is $+\sin^2 x$.` },
      ],
    }],
    solution: r`Quotient rule with $u = \sin x$, $v = \cos x$:
$$\frac{d}{dx}\tan x = \frac{\cos x\cdot\cos x - \sin x\cdot(-\sin x)}{\cos^2 x} = \frac{\cos^2 x + \sin^2 x}{\cos^2 x} = 1 + \tan^2 x = \frac{1}{\cos^2 x}.$$`,
    working: [{ title: r`$\frac{d}{dx}\frac{\sin x}{\cos x}$`, expr: 'sin(x)/cos(x)', variable: 'x' }],
  },
];
