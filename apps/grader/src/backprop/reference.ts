import { grad, matmul, sigmoid, square, sum, tensor, type Tensor } from '@slope/autodiff';
import type { Matrix } from '../matrix.js';
import type { BackpropCase } from './cases.js';

/** The six graded Jacobians, in the course's order. */
export const JACOBIAN_NAMES = ['J_W3', 'J_b3', 'J_W2', 'J_b2', 'J_W1', 'J_b1'] as const;

/** One of {@link JACOBIAN_NAMES}. */
export type JacobianName = (typeof JACOBIAN_NAMES)[number];

/** The six Jacobians of a network, ∂C/∂P for every parameter P, each shaped like P. */
export type Jacobians = Readonly<Record<JacobianName, Matrix>>;

/**
 * ∂C/∂P for C = ‖a3 − y‖²/N (COURSE.md §1.3) by @slope/autodiff's reverse mode: an
 * independent reference, not the chain-rule formulas the learner writes.
 */
export function referenceJacobians(c: BackpropCase): Jacobians {
  const { W1, W2, W3, b1, b2, b3 } = c.params;
  const X = tensor(c.x);
  const Y = tensor(c.y);
  const N = c.x[0]!.length;
  const cost = (w1: Tensor, w2: Tensor, w3: Tensor, c1: Tensor, c2: Tensor, c3: Tensor): Tensor => {
    const a1 = sigmoid(matmul(w1, X).add(c1));
    const a2 = sigmoid(matmul(w2, a1).add(c2));
    const a3 = sigmoid(matmul(w3, a2).add(c3));
    return sum(square(a3.sub(Y))).div(N);
  };
  const g = grad(cost, { argnums: [0, 1, 2, 3, 4, 5] })(tensor(W1), tensor(W2), tensor(W3), tensor(b1), tensor(b2), tensor(b3));
  const m = (t: Tensor | undefined): Matrix => t!.toArray() as Matrix;
  return { J_W1: m(g[0]), J_W2: m(g[1]), J_W3: m(g[2]), J_b1: m(g[3]), J_b2: m(g[4]), J_b3: m(g[5]) };
}
