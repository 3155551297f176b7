import type { Question } from '../types.js';

const r = String.raw;

/** Week 3, "Multivariate chain rule and its applications": the chain-rule exercise and the neural-network practice quizzes. */
export const week3: readonly Question[] = [
  {
    id: 'w3-chain-rule-t',
    source: 'Week 3 quiz "Multivariate chain rule exercise": f(x₁, x₂) = x₁²x₂² + x₁x₂ with x₁ = 1 − t², x₂ = 1 + t² (COURSE.md §4, week 3)',
    prompt: r`Let $f(x_1, x_2) = x_1^2x_2^2 + x_1x_2$ with $x_1 = 1 - t^2$ and $x_2 = 1 + t^2$. Find $\dfrac{df}{dt} = J_f\,\dfrac{d\mathbf x}{dt}$ as an expression in $t$.`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{df}{dt} =$`, name: 'df/dt', answer: '8*t^7 - 12*t^3',
      variables: [{ name: 't', from: -1.5, to: 1.5 }],
      wrong: [
        { answer: '2*(1-t^2)*(1+t^2)^2 + (1+t^2) + 2*(1-t^2)^2*(1+t^2) + (1-t^2)', why: r`That adds the partial derivatives $\frac{\partial f}{\partial x_1} + \frac{\partial f}{\partial x_2}$; each must be multiplied by its $\frac{dx_i}{dt}$ ($-2t$ and $2t$).` },
        { answer: '-12*t^3', why: r`Check the $x_1^2x_2^2 = (1 - t^4)^2$ part: its derivative is $2(1 - t^4)(-4t^3)$, which has a $t^7$ term.` },
      ],
    }],
    solution: r`$J_f = \left[2x_1x_2^2 + x_2,\ 2x_1^2x_2 + x_1\right]$ and $\frac{d\mathbf x}{dt} = \begin{bmatrix}-2t \\ 2t\end{bmatrix}$, so $\frac{df}{dt} = -2t(2x_1x_2^2 + x_2) + 2t(2x_1^2x_2 + x_1)$.

A check by substitution: $x_1x_2 = 1 - t^4$, so $f = (1 - t^4)^2 + (1 - t^4)$ and
$$\frac{df}{dt} = 2(1 - t^4)(-4t^3) - 4t^3 = 8t^7 - 12t^3.$$`,
    working: [{ title: r`$\frac{d}{dt}f(x_1(t), x_2(t))$`, expr: '(1 - t^2)^2*(1 + t^2)^2 + (1 - t^2)*(1 + t^2)', variable: 't' }],
  },
  {
    id: 'w3-layer-tanh',
    source: 'Week 3 practice quiz "Simple Artificial Neural Networks": the layer W = [[−2, 4, −1], [6, 0, −3]], b = [0.1, −2.5], a₀ = [0.3, 0.4, 0.1] (COURSE.md §3.5)',
    prompt: r`A layer has $W = \begin{bmatrix} -2 & 4 & -1 \\ 6 & 0 & -3 \end{bmatrix}$, $\mathbf b = \begin{bmatrix} 0.1 \\ -2.5 \end{bmatrix}$ and activation $\tanh$. For the input $\mathbf a^{(0)} = [0.3, 0.4, 0.1]^T$, find $\mathbf a^{(1)} = \tanh(W\mathbf a^{(0)} + \mathbf b)$ to 3 decimal places.`,
    fields: [
      { kind: 'number', label: r`$a^{(1)}_1 =$`, name: 'a1, first neuron', answer: 'tanh(1)', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '1', why: r`$1$ is $z_1 = W_1\mathbf a^{(0)} + b_1$; the neuron's output is $\tanh(z_1)$.` }] },
      { kind: 'number', label: r`$a^{(1)}_2 =$`, name: 'a1, second neuron', answer: 'tanh(-1)', tolerance: { absolute: 0.001 },
        wrong: [{ answer: 'tanh(1.5)', why: r`Add the bias: $z_2 = 6(0.3) + 0(0.4) - 3(0.1) - 2.5 = -1$.` }] },
    ],
    solution: r`$$W\mathbf a^{(0)} + \mathbf b = \begin{bmatrix} -0.6 + 1.6 - 0.1 + 0.1 \\ 1.8 + 0 - 0.3 - 2.5 \end{bmatrix} = \begin{bmatrix} 1 \\ -1 \end{bmatrix}, \qquad \mathbf a^{(1)} = \begin{bmatrix} \tanh 1 \\ \tanh(-1) \end{bmatrix} \approx \begin{bmatrix} 0.762 \\ -0.762 \end{bmatrix}.$$`,
  },
  {
    id: 'w3-cost-one-example',
    source: 'Week 3 practice quiz "Training Neural Networks": C = (a₁ − y)² for x = 1, y = 0 with w = 1.3, b = −0.1 (COURSE.md §3.5)',
    prompt: r`The NOT neuron $a_1 = \tanh(w a_0 + b)$ starts at $w = 1.3$, $b = -0.1$. What is the cost $C = (a_1 - y)^2$ of the example $a_0 = 1$, $y = 0$? Give it to 2 decimal places.`,
    fields: [{
      kind: 'number', label: '$C =$', name: 'C', answer: 'tanh(1.2)^2', tolerance: { absolute: 0.01 },
      wrong: [
        { answer: 'tanh(1.2)', why: r`$0.834$ is the neuron's output $a_1$; the cost squares its distance from $y = 0$.` },
        { answer: '1.2^2', why: r`$1.2$ is $z = w a_0 + b$; the neuron's output is $a_1 = \tanh(1.2) \approx 0.834$.` },
      ],
    }],
    solution: r`$z = 1.3\cdot1 - 0.1 = 1.2$, $a_1 = \tanh 1.2 \approx 0.8337$, so $C = (0.8337 - 0)^2 \approx 0.695$.`,
  },
  {
    id: 'w3-cost-second-example',
    source: 'Week 3 practice quiz "Training Neural Networks": the example x = 0, y = 1, C ≈ 1.2 (COURSE.md §3.5)',
    prompt: r`Same neuron ($w = 1.3$, $b = -0.1$): what is the cost of the other training example, $a_0 = 0$, $y = 1$? Give it to 2 decimal places.`,
    fields: [{
      kind: 'number', label: '$C =$', name: 'C', answer: '(tanh(-0.1) - 1)^2', tolerance: { absolute: 0.01 },
      wrong: [
        { answer: '(tanh(0.1) - 1)^2', why: r`With $a_0 = 0$ only the bias is left: $z = b = -0.1$, so $a_1 = \tanh(-0.1) \approx -0.0997$, below zero.` },
        { answer: 'tanh(-0.1) - 1', why: r`That is the error $a_1 - y$; the cost is its square.` },
      ],
    }],
    solution: r`$z = 1.3\cdot 0 - 0.1 = -0.1$, $a_1 = \tanh(-0.1) \approx -0.0997$, so $C = (-0.0997 - 1)^2 \approx 1.209$.`,
  },
  {
    id: 'w3-not-neuron',
    source: 'Week 3 practice quiz "Simple Artificial Neural Networks": the one-neuron NOT function (COURSE.md §3.5)',
    prompt: r`A single neuron $a_1 = \tanh(w a_0 + b)$ should compute NOT: output 1 for the input 0 and 0 for the input 1. Which weight and bias do it best?`,
    fields: [{
      kind: 'choice', label: '(w, b) =', name: 'weight and bias', answer: 'minus5-plus5',
      options: [
        { id: 'start', text: r`$w = 1.3$, $b = -0.1$` },
        { id: 'minus5-plus5', text: r`$w = -5$, $b = 5$` },
        { id: 'plus5-minus5', text: r`$w = 5$, $b = -5$` },
        { id: 'minus5-minus5', text: r`$w = -5$, $b = -5$` },
      ],
      wrong: [
        { answer: 'start', why: r`That is the untrained start: input 0 gives $\tanh(-0.1) \approx -0.1$, not 1.` },
        { answer: 'plus5-minus5', why: r`Input 0 gives $\tanh(-5) \approx -1$: the sign is the wrong way round.` },
        { answer: 'minus5-minus5', why: r`Input 0 gives $\tanh(-5) \approx -1$, and input 1 gives $\tanh(-10) \approx -1$.` },
      ],
    }],
    solution: r`With $w = -5$, $b = 5$: input 0 gives $\tanh 5 \approx 0.9999$ and input 1 gives $\tanh 0 = 0$. ($w = -10$, $b = 10$ is better still: $\tanh 10$ is even closer to 1.)`,
  },
  {
    id: 'w3-count-parameters',
    source: 'Week 3 practice quiz "Simple Artificial Neural Networks" (counting weights and biases) and the assignment\'s 1-6-7-2 network (COURSE.md §1.2, §3.5)',
    prompt: r`The Backpropagation assignment's network has layers of $1 \to 6 \to 7 \to 2$ neurons, fully connected. How many weights and how many biases does it have?`,
    fields: [
      { kind: 'number', label: 'weights:', name: 'number of weights', answer: '62', tolerance: { absolute: 0 },
        wrong: [{ answer: '16', why: 'That counts neurons. Each layer has one weight per pair of connected neurons: the matrix W⁽ⁿ⁾ has (neurons in layer n) × (neurons in layer n − 1) entries.' }] },
      { kind: 'number', label: 'biases:', name: 'number of biases', answer: '15', tolerance: { absolute: 0 },
        wrong: [{ answer: '16', why: 'The input layer has no bias: only the neurons that compute something (6 + 7 + 2) have one.' }] },
    ],
    solution: r`Weights: $W^{(1)}$ is $6\times1$, $W^{(2)}$ is $7\times6$, $W^{(3)}$ is $2\times7$, so $6 + 42 + 14 = 62$. Biases: one per neuron after the input, $6 + 7 + 2 = 15$.`,
  },
  {
    id: 'w3-neuron-gradient',
    source: 'Week 3 practice quiz "Training Neural Networks": ∂C/∂w and ∂C/∂b from ∂C/∂a = 2(a − y), ∂a/∂z = tanh′(z) = 1/cosh²z (COURSE.md §3.5)',
    prompt: r`For one example, $C = (a - y)^2$ with $a = \tanh(z)$ and $z = wx + b$. Find $\dfrac{\partial C}{\partial w}$ and $\dfrac{\partial C}{\partial b}$ as expressions in $w$, $b$, $x$ and $y$ ($\tanh' = 1/\cosh^2$; type {{tanh}}, {{cosh}}).`,
    fields: [
      { kind: 'expression', label: r`$\dfrac{\partial C}{\partial w} =$`, name: '∂C/∂w', answer: '2*(tanh(w*x + b) - y)*x/cosh(w*x + b)^2',
        variables: [{ name: 'w', from: -1.5, to: 1.5 }, { name: 'b', from: -1.5, to: 1.5 }, { name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1, to: 1 }],
        wrong: [
          { answer: '2*(tanh(w*x + b) - y)*x', why: r`The chain goes through the activation too: multiply by $\frac{\partial a}{\partial z} = 1/\cosh^2 z$.` },
          { answer: '2*(tanh(w*x + b) - y)/cosh(w*x + b)^2', why: r`That is $\frac{\partial C}{\partial b}$; for $w$ the last link is $\frac{\partial z}{\partial w} = x$.` },
        ] },
      { kind: 'expression', label: r`$\dfrac{\partial C}{\partial b} =$`, name: '∂C/∂b', answer: '2*(tanh(w*x + b) - y)/cosh(w*x + b)^2',
        variables: [{ name: 'w', from: -1.5, to: 1.5 }, { name: 'b', from: -1.5, to: 1.5 }, { name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1, to: 1 }],
        wrong: [{ answer: '2*(tanh(w*x + b) - y)', why: r`Multiply by $\frac{\partial a}{\partial z} = 1/\cosh^2 z$ as well.` }] },
    ],
    solution: r`Backpropagation is the chain rule: $\frac{\partial C}{\partial w} = \frac{\partial C}{\partial a}\frac{\partial a}{\partial z}\frac{\partial z}{\partial w}$ with $\frac{\partial C}{\partial a} = 2(a - y)$, $\frac{\partial a}{\partial z} = \frac{1}{\cosh^2 z}$, $\frac{\partial z}{\partial w} = x$ and $\frac{\partial z}{\partial b} = 1$:
$$\frac{\partial C}{\partial w} = \frac{2(\tanh(wx + b) - y)\,x}{\cosh^2(wx + b)}, \qquad \frac{\partial C}{\partial b} = \frac{2(\tanh(wx + b) - y)}{\cosh^2(wx + b)}.$$`,
    working: [{ title: r`$\frac{\partial C}{\partial b}$`, expr: '(tanh(w*x + b) - y)^2', variable: 'b' }],
  },
  {
    id: 'w3-logistic-derivative',
    source: 'Backpropagation assignment: the logistic activation σ(z) = 1/(1 + e^{−z}) and σ′(z) = cosh(z/2)^{−2}/4 (COURSE.md §1.2)',
    prompt: r`The assignment's activation is the logistic function $\sigma(z) = \dfrac{1}{1 + e^{-z}}$. Differentiate it. (Any equivalent form passes: the notebook writes $\cosh(z/2)^{-2}/4$, others $\sigma(z)(1 - \sigma(z))$.)`,
    fields: [{
      kind: 'expression', label: r`$\sigma'(z) =$`, name: 'σ′(z)', answer: 'exp(-z)/(1 + exp(-z))^2',
      variables: [{ name: 'z', from: -4, to: 4 }],
      wrong: [
        { answer: '-1/(1 + exp(-z))^2', why: r`Chain rule: $\frac{d}{dz}(1 + e^{-z}) = -e^{-z}$, so the two minus signs cancel and a factor $e^{-z}$ stays.` },
        { answer: '1/(1 + exp(-z))^2', why: r`The chain rule also multiplies by the derivative of the inside, $\frac{d}{dz}e^{-z} = -e^{-z}$.` },
      ],
    }],
    solution: r`Write $\sigma = (1 + e^{-z})^{-1}$. Chain rule: $\sigma' = -(1 + e^{-z})^{-2}\cdot(-e^{-z}) = \dfrac{e^{-z}}{(1 + e^{-z})^2}$, which equals $\sigma(z)\,(1 - \sigma(z))$ and $\frac14\cosh^{-2}(z/2)$.`,
    working: [{ title: r`$\frac{d}{dz}\frac{1}{1 + e^{-z}}$`, expr: '1/(1 + exp(-z))', variable: 'z' }],
  },
];
