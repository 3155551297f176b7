/**
 * The two course assignments a learner can do.
 *
 * @example
 * ```ts
 * const id: AssignmentId = 'backprop';
 * ```
 */
export type AssignmentId = 'backprop' | 'heights';

/**
 * One graded function: its name, its parameters in order, the course's explanation (plain
 * text), and whether the notebook gives it as a worked example.
 *
 * @example
 * ```ts
 * assignments.backprop.functions[0]; // { name: 'J_W3', params: ['net', 'x', 'y'], explanation: '…', given: true }
 * ```
 */
export interface GradedFunctionSpec {
  readonly name: string;
  readonly params: readonly string[];
  readonly explanation: string;
  /** J_W3 and J_W2 are worked examples in the notebook: the starter holds their solution. */
  readonly given: boolean;
}

/**
 * An assignment: id, title and its graded functions in the course's order.
 *
 * @example
 * ```ts
 * assignments.heights.functions.map((f) => f.name); // ['dfdmu', 'dfdsig', 'steepest_step']
 * ```
 */
export interface AssignmentSpec {
  readonly id: AssignmentId;
  readonly title: string;
  readonly functions: readonly GradedFunctionSpec[];
}

const NET = ['net', 'x', 'y'] as const;

/**
 * The assignments and their graded functions (COURSE.md §1.4 and §2.1–2.2), with the course's
 * notation: examples are columns, ⊙ is elementwise multiplication, N = x.size, Σ sums over the
 * examples.
 *
 * @example
 * ```ts
 * for (const f of assignments.backprop.functions) console.log(f.name, f.given ? '(worked example)' : '');
 * ```
 */
export const assignments: Readonly<Record<AssignmentId, AssignmentSpec>> = {
  backprop: {
    id: 'backprop',
    title: 'Backpropagation (week 3): the Jacobians of the cost of a 1→6→7→2 network',
    functions: [
      {
        name: 'J_W3',
        params: NET,
        given: true,
        explanation:
          'The Jacobian of the cost C = ‖a3 − y‖²/N with respect to the weights W3. By the chain rule ∂C/∂W3 = ∂C/∂a3 · ∂a3/∂z3 · ∂z3/∂W3, with ∂C/∂a3 = 2(a3 − y), ∂a3/∂z3 = σ′(z3) and ∂z3/∂W3 = a2. With the N examples as columns: δ3 = 2(a3 − y) ⊙ σ′(z3) and J_W3 = δ3 · a2ᵀ / N, shaped like W3 (2×n2). A worked example in the notebook.',
      },
      {
        name: 'J_b3',
        params: NET,
        given: false,
        explanation:
          'The Jacobian of the cost with respect to the bias b3. The chain is the one of J_W3, but ∂z3/∂b3 = 1, so J_b3 = Σ δ3 / N with δ3 = 2(a3 − y) ⊙ σ′(z3), the sum taken over the examples (axis 1, keeping dimensions): shaped like b3 (2×1).',
      },
      {
        name: 'J_W2',
        params: NET,
        given: true,
        explanation:
          'One layer further back. ∂a3/∂a2 = σ′(z3) W3, so the error is carried back through the transposed weights: δ2 = (W3ᵀ δ3) ⊙ σ′(z2) (the notebook writes W3ᵀ δ3 as (δ3ᵀ W3)ᵀ), and J_W2 = δ2 · a1ᵀ / N, shaped like W2 (n2×n1). A worked example in the notebook.',
      },
      {
        name: 'J_b2',
        params: NET,
        given: false,
        explanation: 'The Jacobian with respect to b2: J_b2 = Σ δ2 / N, with δ2 = (W3ᵀ δ3) ⊙ σ′(z2) as in J_W2, summed over the examples: shaped like b2 (n2×1).',
      },
      {
        name: 'J_W1',
        params: NET,
        given: false,
        explanation: 'The first layer: δ1 = (W2ᵀ δ2) ⊙ σ′(z1) and J_W1 = δ1 · a0ᵀ / N, where a0 = x is the input: shaped like W1 (n1×1).',
      },
      {
        name: 'J_b1',
        params: NET,
        given: false,
        explanation: 'The Jacobian with respect to b1: J_b1 = Σ δ1 / N, with δ1 = (W2ᵀ δ2) ⊙ σ′(z1), summed over the examples: shaped like b1 (n1×1).',
      },
    ],
  },
  heights: {
    id: 'heights',
    title: 'Fitting the distribution of heights data (week 6): the Gaussian’s derivatives and a steepest-descent step',
    functions: [
      {
        name: 'dfdmu',
        params: ['x', 'mu', 'sig'],
        given: false,
        explanation:
          'The model is the Gaussian f(x; μ, σ) = exp(−(x − μ)²/(2σ²)) / (σ√(2π)). Its derivative with respect to the mean is ∂f/∂μ = f · (x − μ)/σ²; x is the vector of bin centres, so return one value per bin.',
      },
      {
        name: 'dfdsig',
        params: ['x', 'mu', 'sig'],
        given: false,
        explanation: 'The derivative of the Gaussian with respect to its width: ∂f/∂σ = f · ((x − μ)²/σ³ − 1/σ), one value per bin of x.',
      },
      {
        name: 'steepest_step',
        params: ['x', 'y', 'mu', 'sig', 'aggression'],
        given: false,
        explanation:
          'χ² = |y − f(x; μ, σ)|² = Σ over the bins of (y_i − f(x_i))². Its Jacobian is J = [∂χ²/∂μ, ∂χ²/∂σ], with ∂χ²/∂μ = −2 (y − f) · ∂f/∂μ (a dot product over the bins; the notebook gives this one) and ∂χ²/∂σ = −2 (y − f) · ∂f/∂σ, written the same way. The step goes downhill: step = −J · aggression, returned as [dmu, dsig].',
      },
    ],
  },
};

/**
 * The spec of `id`, or a RangeError naming the assignments.
 *
 * @example
 * ```ts
 * assignmentSpec('heights').title;
 * ```
 */
export function assignmentSpec(id: unknown): AssignmentSpec {
  if (id !== 'backprop' && id !== 'heights') {
    throw new RangeError(`assignment must be "backprop" or "heights", got ${typeof id === 'string' ? JSON.stringify(id) : String(id)}`);
  }
  return assignments[id];
}
