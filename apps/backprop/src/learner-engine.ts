import { InputError } from '@slope/cli-kit';
import { backpropJacobians, createNetwork, formatReport, LearnerFunctionError, type Matrix, type NetworkParameters } from '@slope/grader';
import { gradeFile, loadLearnerModule } from '@slope/grader/node';
import type { GradientFunction, LayerParameters } from '@slope/models/mlp';
import type { CourseData } from './jacobians.js';

/** How long one of the learner's functions may take while it is graded or loaded. */
const TIME_LIMIT_MS = 2000;

const rowsOf = (m: { readonly rows: number; readonly cols: number; readonly data: Float64Array }): Matrix =>
  Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

/**
 * The trainer's gradients from the learner's own J_W1 … J_b3 (their `backprop exercise` file).
 * The file is graded first, in a worker with a time limit per function, so that training only
 * ever calls functions that returned the right values on the grader's networks; a file that
 * does not pass is an InputError carrying the grader's report.
 *
 * @example
 * const gradients = await learnerGradients('backprop-exercise.mjs', data);
 */
export async function learnerGradients(path: string, data: CourseData): Promise<GradientFunction> {
  const report = await gradeFile(path, 'backprop', { timeoutMs: TIME_LIMIT_MS });
  if (!report.passed) {
    throw new InputError(`${path}: not every graded function passes yet, so it cannot train; the grader says:\n\n${formatReport(report)}`);
  }
  const jacobians = backpropJacobians(await loadLearnerModule(path, { timeoutMs: TIME_LIMIT_MS }));
  const x = rowsOf(data.x);
  const y = rowsOf(data.y);
  const n = data.x.cols;
  return (parameters: readonly LayerParameters[]) => {
    const [l1, l2, l3] = parameters as [LayerParameters, LayerParameters, LayerParameters];
    const column = (b: readonly number[]): Matrix => b.map((v) => [v]);
    const net: NetworkParameters = { W1: l1.weights, W2: l2.weights, W3: l3.weights, b1: column(l1.biases), b2: column(l2.biases), b3: column(l3.biases) };
    let J;
    try {
      J = jacobians(net, x, y);
    } catch (error) {
      // A function that passed the grader can still fail on a network it never saw (a NaN far out).
      if (error instanceof LearnerFunctionError) throw new InputError(`${path}: ${error.message}`);
      throw error;
    }
    const a3 = createNetwork(net).forward(x).a3;
    let cost = 0;
    for (let r = 0; r < 2; r++) for (let c = 0; c < n; c++) cost += (a3[r]![c]! - y[r]![c]!) ** 2;
    const flat = (b: Matrix): number[] => b.map((row) => row[0]!);
    return {
      cost: cost / n,
      gradients: [
        { weights: J.J_W1, biases: flat(J.J_b1) },
        { weights: J.J_W2, biases: flat(J.J_b2) },
        { weights: J.J_W3, biases: flat(J.J_b3) },
      ],
    };
  };
}
