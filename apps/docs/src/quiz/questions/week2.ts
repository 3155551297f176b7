import type { Question } from '../types.js';

const r = String.raw;

/** Week 2, "Multivariate calculus": the graded "Assessment: Jacobians and Hessians" and the lectures' worked examples. */
export const week2: readonly Question[] = [
  {
    id: 'w2-jacobian-at-point',
    source: 'Week 2 graded "Assessment: Jacobians and Hessians": the Jacobian of x² cos y + eᶻ sin y at (π, π, 1) (COURSE.md §4, week 2)',
    prompt: r`Find the Jacobian $J = \left[\frac{\partial f}{\partial x},\ \frac{\partial f}{\partial y},\ \frac{\partial f}{\partial z}\right]$ of $f(x, y, z) = x^2\cos y + e^z\sin y$ at $(x, y, z) = (\pi, \pi, 1)$. Give each entry to 3 decimal places, or exactly with {{pi}} and {{e}}.`,
    fields: [
      { kind: 'number', label: r`$J_1 = \frac{\partial f}{\partial x} =$`, name: 'J1, ∂f/∂x', answer: '-2*pi', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '2*pi', why: r`$\frac{\partial f}{\partial x} = 2x\cos y$ and $\cos\pi = -1$.` }] },
      { kind: 'number', label: r`$J_2 = \frac{\partial f}{\partial y} =$`, name: 'J2, ∂f/∂y', answer: '-e', tolerance: { absolute: 0.001 },
        wrong: [{ answer: '-pi^2', why: r`$\frac{\partial f}{\partial y} = -x^2\sin y + e^z\cos y$: the first term vanishes at $y = \pi$ ($\sin\pi = 0$), the second does not.` }] },
      { kind: 'number', label: r`$J_3 = \frac{\partial f}{\partial z} =$`, name: 'J3, ∂f/∂z', answer: '0', tolerance: { absolute: 0.001 },
        wrong: [{ answer: 'e', why: r`$\frac{\partial f}{\partial z} = e^z\sin y$, and $\sin\pi = 0$.` }] },
    ],
    solution: r`Differentiate with respect to each variable, holding the others constant:
$$J = \left[2x\cos y,\ -x^2\sin y + e^z\cos y,\ e^z\sin y\right].$$
At $(\pi, \pi, 1)$, with $\cos\pi = -1$ and $\sin\pi = 0$: $J = [-2\pi,\ -e,\ 0] \approx [-6.2832,\ -2.7183,\ 0]$.`,
    working: [
      { title: r`$\frac{\partial f}{\partial x}$`, expr: 'x^2*cos(y) + exp(z)*sin(y)', variable: 'x' },
      { title: r`$\frac{\partial f}{\partial y}$`, expr: 'x^2*cos(y) + exp(z)*sin(y)', variable: 'y' },
    ],
  },
  {
    id: 'w2-jacobian-2x2',
    source: 'Week 2 graded "Assessment: Jacobians and Hessians": the 2×2 Jacobian of u = x²y − cos x sin y, v = e^{x+y} at (0, π) (COURSE.md §4, week 2)',
    prompt: r`For $u(x, y) = x^2 y - \cos x\sin y$ and $v(x, y) = e^{x+y}$, find the Jacobian $J = \begin{bmatrix} \partial u/\partial x & \partial u/\partial y \\ \partial v/\partial x & \partial v/\partial y \end{bmatrix}$ at $(x, y) = (0, \pi)$, each entry to 2 decimal places or exactly.`,
    fields: [
      { kind: 'number', label: r`$J_{11} = \partial u/\partial x =$`, name: 'J11, ∂u/∂x', answer: '0', tolerance: { absolute: 0.01 },
        wrong: [{ answer: '2*pi', why: r`$\frac{\partial u}{\partial x} = 2xy + \sin x\sin y$, which is 0 at $x = 0$.` }] },
      { kind: 'number', label: r`$J_{12} = \partial u/\partial y =$`, name: 'J12, ∂u/∂y', answer: '1', tolerance: { absolute: 0.01 },
        wrong: [{ answer: '-1', why: r`$\frac{\partial u}{\partial y} = x^2 - \cos x\cos y$, and $-\cos 0\cos\pi = -(1)(-1) = +1$.` }] },
      { kind: 'number', label: r`$J_{21} = \partial v/\partial x =$`, name: 'J21, ∂v/∂x', answer: 'exp(pi)', tolerance: { absolute: 0.01 },
        wrong: [{ answer: '1', why: r`$\frac{\partial}{\partial x}e^{x+y} = e^{x+y}$, which at $(0, \pi)$ is $e^\pi \approx 23.14$.` }] },
      { kind: 'number', label: r`$J_{22} = \partial v/\partial y =$`, name: 'J22, ∂v/∂y', answer: 'exp(pi)', tolerance: { absolute: 0.01 },
        wrong: [{ answer: '0' }] },
    ],
    solution: r`$$J = \begin{bmatrix} 2xy + \sin x\sin y & x^2 - \cos x\cos y \\ e^{x+y} & e^{x+y} \end{bmatrix} \;\Rightarrow\; J(0, \pi) = \begin{bmatrix} 0 & 1 \\ e^\pi & e^\pi \end{bmatrix} \approx \begin{bmatrix} 0 & 1 \\ 23.14 & 23.14 \end{bmatrix}.$$`,
    working: [
      { title: r`$\frac{\partial u}{\partial x}$`, expr: 'x^2*y - cos(x)*sin(y)', variable: 'x' },
      { title: r`$\frac{\partial u}{\partial y}$`, expr: 'x^2*y - cos(x)*sin(y)', variable: 'y' },
    ],
  },
  {
    id: 'w2-hessian-2d',
    source: 'Week 2 graded "Assessment: Jacobians and Hessians": the Hessian of x³ cos y − x sin y (COURSE.md §4, week 2)',
    prompt: r`Find the Hessian of $f(x, y) = x^3\cos y - x\sin y$. It is symmetric ($H_{21} = H_{12}$), so give $H_{11}$, $H_{12}$ and $H_{22}$ as expressions in $x$ and $y$.`,
    fields: [
      { kind: 'expression', label: r`$H_{11} = \frac{\partial^2 f}{\partial x^2} =$`, name: 'H11', answer: '6*x*cos(y)',
        variables: [{ name: 'x', from: -2, to: 2 }, { name: 'y', from: -2, to: 2 }],
        wrong: [{ answer: '3*x^2*cos(y) - sin(y)', why: 'That is the first derivative ∂f/∂x; differentiate it once more with respect to x.' }] },
      { kind: 'expression', label: r`$H_{12} = \frac{\partial^2 f}{\partial x\,\partial y} =$`, name: 'H12', answer: '-3*x^2*sin(y) - cos(y)',
        variables: [{ name: 'x', from: -2, to: 2 }, { name: 'y', from: -2, to: 2 }],
        wrong: [{ answer: '-3*x^2*sin(y) + cos(y)', why: r`$\frac{\partial}{\partial y}(-\sin y) = -\cos y$.` }] },
      { kind: 'expression', label: r`$H_{22} = \frac{\partial^2 f}{\partial y^2} =$`, name: 'H22', answer: '-x^3*cos(y) + x*sin(y)',
        variables: [{ name: 'x', from: -2, to: 2 }, { name: 'y', from: -2, to: 2 }],
        wrong: [{ answer: '-x^3*sin(y) - x*cos(y)', why: 'That is the first derivative ∂f/∂y; differentiate it once more with respect to y.' }] },
    ],
    solution: r`First the Jacobian: $\frac{\partial f}{\partial x} = 3x^2\cos y - \sin y$, $\frac{\partial f}{\partial y} = -x^3\sin y - x\cos y$. Differentiate each again:
$$H = \begin{bmatrix} 6x\cos y & -3x^2\sin y - \cos y \\ -3x^2\sin y - \cos y & -x^3\cos y + x\sin y \end{bmatrix}.$$`,
    working: [
      { title: r`$\frac{\partial}{\partial x}\frac{\partial f}{\partial x}$`, expr: '3*x^2*cos(y) - sin(y)', variable: 'x' },
      { title: r`$\frac{\partial}{\partial y}\frac{\partial f}{\partial x}$`, expr: '3*x^2*cos(y) - sin(y)', variable: 'y' },
      { title: r`$\frac{\partial}{\partial y}\frac{\partial f}{\partial y}$`, expr: '-x^3*sin(y) - x*cos(y)', variable: 'y' },
    ],
  },
  {
    id: 'w2-hessian-3d',
    source: 'Week 2 graded "Assessment: Jacobians and Hessians": the 3×3 Hessian of xy + sin y sin z + z³eˣ (COURSE.md §4, week 2)',
    prompt: r`For $f(x, y, z) = xy + \sin y\sin z + z^3 e^x$, give the three Hessian entries that involve $z$: $H_{13}$, $H_{23}$ and $H_{33}$.`,
    fields: [
      { kind: 'expression', label: r`$H_{13} = \frac{\partial^2 f}{\partial x\,\partial z} =$`, name: 'H13', answer: '3*z^2*exp(x)',
        variables: [{ name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1.5, to: 1.5 }, { name: 'z', from: -1.5, to: 1.5 }],
        wrong: [{ answer: 'z^3*exp(x)', why: r`That is $H_{11}$; $H_{13}$ differentiates $\frac{\partial f}{\partial x} = y + z^3e^x$ with respect to $z$.` }] },
      { kind: 'expression', label: r`$H_{23} = \frac{\partial^2 f}{\partial y\,\partial z} =$`, name: 'H23', answer: 'cos(y)*cos(z)',
        variables: [{ name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1.5, to: 1.5 }, { name: 'z', from: -1.5, to: 1.5 }],
        wrong: [{ answer: '-sin(y)*sin(z)', why: r`Differentiate $\sin y\sin z$ once in $y$ and once in $z$: each sine becomes a cosine.` }] },
      { kind: 'expression', label: r`$H_{33} = \frac{\partial^2 f}{\partial z^2} =$`, name: 'H33', answer: '-sin(y)*sin(z) + 6*z*exp(x)',
        variables: [{ name: 'x', from: -1.5, to: 1.5 }, { name: 'y', from: -1.5, to: 1.5 }, { name: 'z', from: -1.5, to: 1.5 }],
        wrong: [{ answer: '6*z*exp(x)', why: r`The term $\sin y\sin z$ also depends on $z$: twice differentiated it gives $-\sin y\sin z$.` }] },
    ],
    solution: r`$\frac{\partial f}{\partial x} = y + z^3e^x$, $\frac{\partial f}{\partial y} = x + \cos y\sin z$, $\frac{\partial f}{\partial z} = \sin y\cos z + 3z^2e^x$. Then
$$H = \begin{bmatrix} z^3e^x & 1 & 3z^2e^x \\ 1 & -\sin y\sin z & \cos y\cos z \\ 3z^2e^x & \cos y\cos z & -\sin y\sin z + 6ze^x \end{bmatrix}.$$`,
    working: [{ title: r`$\frac{\partial}{\partial z}\frac{\partial f}{\partial z}$`, expr: 'sin(y)*cos(z) + 3*z^2*exp(x)', variable: 'z' }],
  },
  {
    id: 'w2-hessian-at-origin',
    source: 'Week 2 graded "Assessment: Jacobians and Hessians": the Hessian of xy cos z − sin x e^y z³ at the origin (COURSE.md §4, week 2)',
    prompt: r`For $f(x, y, z) = xy\cos z - \sin x\,e^y z^3$, evaluate three entries of the Hessian at the origin $(0, 0, 0)$.`,
    fields: [
      { kind: 'number', label: r`$H_{11}(0,0,0) =$`, name: 'H11 at the origin', answer: '0', tolerance: { absolute: 1e-6 },
        wrong: [{ answer: '-1' }] },
      { kind: 'number', label: r`$H_{12}(0,0,0) =$`, name: 'H12 at the origin', answer: '1', tolerance: { absolute: 1e-6 },
        wrong: [{ answer: '0', why: r`$\frac{\partial^2 f}{\partial x\,\partial y} = \cos z - \cos x\,e^y z^3$, which is $\cos 0 = 1$ at the origin.` }] },
      { kind: 'number', label: r`$H_{33}(0,0,0) =$`, name: 'H33 at the origin', answer: '0', tolerance: { absolute: 1e-6 },
        wrong: [{ answer: '-6', why: r`$\frac{\partial^2 f}{\partial z^2} = -xy\cos z - 6z\sin x\,e^y$: every term has a factor that is 0 at the origin.` }] },
    ],
    solution: r`$H_{11} = \sin x\,e^y z^3$, $H_{12} = \cos z - \cos x\,e^y z^3$, $H_{33} = -xy\cos z - 6z\sin x\,e^y$. At the origin only $H_{12} = H_{21} = 1$ survives:
$$H(0,0,0) = \begin{bmatrix} 0 & 1 & 0 \\ 1 & 0 & 0 \\ 0 & 0 & 0 \end{bmatrix}.$$`,
  },
  {
    id: 'w2-can-partial',
    source: 'Week 2 lecture "Variables, constants & context": the mass of a can, m = 2πr²tρ + 2πrhtρ (COURSE.md §4, week 2)',
    prompt: r`A metal can of radius $r$, height $h$, wall thickness $t$ and density $\rho$ has mass $m = 2\pi r^2 t\rho + 2\pi r h t\rho$. Find $\dfrac{\partial m}{\partial r}$ (type {{rho}} or {{ρ}} for ρ).`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{\partial m}{\partial r} =$`, name: '∂m/∂r', answer: '4*pi*r*t*rho + 2*pi*h*t*rho',
      variables: [{ name: 'r', from: 0.02, to: 0.1 }, { name: 'h', from: 0.05, to: 0.3 }, { name: 't', from: 0.0002, to: 0.001 }, { name: 'rho', aliases: ['ρ'], from: 2000, to: 9000 }],
      wrong: [
        { answer: '4*pi*r*t*rho', why: r`The side wall $2\pi r h t\rho$ also depends on $r$: it adds $2\pi h t\rho$.` },
        { answer: '4*pi*r*t*rho + 2*pi*r*t*rho', why: r`In $2\pi r h t\rho$ the variable is $r$; $h$ is held constant, so the derivative is $2\pi h t\rho$.` },
      ],
    }],
    solution: r`Hold $h$, $t$ and $\rho$ constant and differentiate term by term:
$$\frac{\partial m}{\partial r} = 4\pi r t\rho + 2\pi h t\rho.$$`,
    working: [{ title: r`$\frac{\partial m}{\partial r}$`, expr: '2*pi*r^2*t*rho + 2*pi*r*h*t*rho', variable: 'r' }],
  },
  {
    id: 'w2-total-derivative',
    source: 'Week 2 lecture "Differentiate with respect to anything": f = sin(x) e^{yz²} with x = t − 1, y = t², z = 1/t (COURSE.md §4, week 2)',
    prompt: r`Let $f(x, y, z) = \sin(x)\,e^{yz^2}$ with $x = t - 1$, $y = t^2$, $z = 1/t$. Find the total derivative $\dfrac{df}{dt}$ as an expression in $t$.`,
    fields: [{
      kind: 'expression', label: r`$\dfrac{df}{dt} =$`, name: 'df/dt', answer: 'e*cos(t - 1)',
      variables: [{ name: 't', from: 0.5, to: 3 }],
      wrong: [
        { answer: 'cos(t - 1)', why: r`$e^{yz^2}$ does not vanish: $yz^2 = t^2/t^2 = 1$, so it is the constant factor $e$.` },
        { answer: 'e*cos(t - 1) + 4*e*sin(t - 1)/t', why: r`$\frac{dz}{dt} = -1/t^2$ is negative: the $y$ term, $+2e\sin(t-1)/t$, and the $z$ term, $-2e\sin(t-1)/t$, cancel rather than add.` },
      ],
    }],
    solution: r`$\frac{df}{dt} = \frac{\partial f}{\partial x}\frac{dx}{dt} + \frac{\partial f}{\partial y}\frac{dy}{dt} + \frac{\partial f}{\partial z}\frac{dz}{dt} = \cos x\,e^{yz^2}\cdot 1 + \sin x\,z^2e^{yz^2}\cdot 2t + 2yz\sin x\,e^{yz^2}\cdot\left(-\tfrac{1}{t^2}\right)$.

With $yz^2 = 1$ the last two terms are $+2\sin(t-1)\,e/t$ and $-2\sin(t-1)\,e/t$: they cancel, leaving
$$\frac{df}{dt} = e\cos(t - 1).$$`,
  },
  {
    id: 'w2-classify-saddle',
    source: 'Week 2 lecture "The Hessian": classifying a stationary point with |H| and H₁₁ (COURSE.md §4, week 2)',
    prompt: r`$f(x, y) = x^2 + 3xy + y^2$ has a stationary point at the origin. Use its Hessian to say what kind.`,
    fields: [{
      kind: 'choice', label: 'The origin is', name: 'kind of stationary point', answer: 'saddle',
      options: [
        { id: 'minimum', text: 'a minimum' },
        { id: 'maximum', text: 'a maximum' },
        { id: 'saddle', text: 'a saddle point' },
        { id: 'unknown', text: 'impossible to tell from the Hessian' },
      ],
      wrong: [
        { answer: 'minimum', why: r`$H_{11} = 2 > 0$, but that decides only when $|H| > 0$. Here $|H| = 2\cdot2 - 3\cdot3 = -5 < 0$.` },
        { answer: 'maximum', why: r`A maximum needs $|H| > 0$ and $H_{11} < 0$; here $|H| = -5$.` },
        { answer: 'unknown', why: r`The test fails only when $|H| = 0$; here $|H| = -5 \ne 0$.` },
      ],
    }],
    solution: r`$$H = \begin{bmatrix} 2 & 3 \\ 3 & 2 \end{bmatrix}, \qquad |H| = 4 - 9 = -5 < 0,$$
so the origin is a saddle point, although both squared terms are positive: along $y = -x$, $f = -x^2$ falls.`,
  },
];
