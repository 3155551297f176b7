import { describe, expect, it, test } from 'vitest';
import {
  Tensor, tensor, gradCheck, grad, jvp, add, sub, mul, div, pow, neg, exp, log, sqrt, abs, sin, cos, tan, tanh,
  sigmoid, relu, square, matmul, matmulAdd, dense, transpose, sum, mean, reshape,
} from './index.js';

const A = tensor([[0.5, -1.2, 0.3], [1.1, 0.7, -0.4]]);
const B = tensor([[0.2, 0.9], [-0.6, 0.4], [1.3, -0.8]]);
const row = tensor([0.3, -0.5, 0.8]);
const col = tensor([[0.6], [-0.2]]);
const pos = tensor([[0.5, 1.2, 0.3], [1.1, 0.7, 2.4]]);

// Every op, including broadcasting, reductions over axes and 1-D matmul, against central
// differences of the whole Jacobian (torch.autograd.gradcheck's criterion).
const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
  ['add (row broadcast)', (a, b) => add(a, b), [A, row]],
  ['sub (column broadcast)', (a, b) => sub(a, b), [A, col]],
  ['mul (both broadcast)', (a, b) => mul(a, b), [col, row]],
  ['div', (a, b) => div(a, b), [A, pos]],
  ['pow (tensor exponent)', (a, b) => pow(a, b), [pos, A]],
  ['pow (constant exponent)', (a) => pow(a, 3), [A]],
  ['neg', (a) => neg(a), [A]],
  ['exp', (a) => exp(a), [A]],
  ['log', (a) => log(a), [pos]],
  ['sqrt', (a) => sqrt(a), [pos]],
  ['abs', (a) => abs(a), [A]],
  ['sin', (a) => sin(a), [A]],
  ['cos', (a) => cos(a), [A]],
  ['tan', (a) => tan(a), [A]],
  ['tanh', (a) => tanh(a), [A]],
  ['sigmoid', (a) => sigmoid(a), [A]],
  ['relu (away from 0)', (a) => relu(a), [A]],
  ['square', (a) => square(a), [A]],
  ['matmul', (a, b) => matmul(a, b), [A, B]],
  ['matmul (matrix·vector)', (a, v) => matmul(a, v), [A, row]],
  ['matmul (vector·vector)', (u, v) => matmul(u, v), [row, tensor([1, 2, 3])]],
  ['matmulAdd', (a, b, c) => matmulAdd(a, b, c), [A, B, tensor([0.1, -0.1])]],
  ['dense sigmoid', (a, b, c) => dense(a, b, c, 'sigmoid'), [A, B, col]],
  ['dense tanh', (a, b, c) => dense(a, b, c, 'tanh'), [A, B, col]],
  ['transpose', (a) => transpose(a).mul(tensor([1, 2])), [A]],
  ['sum over axis 0', (a) => sum(a, 0), [A]],
  ['sum over axis -1 keepDims', (a) => sum(a, -1, true).mul(col), [A]],
  ['mean', (a) => mean(a), [A]],
  ['mean over axis 1', (a) => mean(a, 1), [A]],
  ['reshape', (a) => reshape(a, [3, 2]).matmul(tensor([1, -1])), [A]],
];

describe('every op passes gradCheck', () => {
  test.each(cases)('%s', (_name, f, args) => {
    const report = gradCheck(f, args);
    expect(report.ok, report.summary).toBe(true);
  });
});

describe('every op: forward mode agrees with reverse mode', () => {
  test.each(cases)('%s', (_name, f, args) => {
    // jvp along a fixed direction vs the vjp of the all-ones cotangent: ⟨1, J·v⟩ = ⟨Jᵀ·1, v⟩.
    const dirs = args.map((a) => tensor(Array.from(a.data, (_, i) => Math.cos(i + 1)), a.shape));
    const [, tangent] = jvp(f, args, dirs);
    const g = grad((...xs: Tensor[]) => f(...xs).sum(), { argnums: args.map((_, i) => i) })(...args);
    const lhs = tangent.sum().item();
    const rhs = g.reduce((s, gi, i) => s + gi.mul(dirs[i] as Tensor).sum().item(), 0);
    expect(lhs).toBeCloseTo(rhs, 12);
  });
});

it('grad(x ** y) with respect to both x and y', () => {
  const [dx, dy] = grad((x, y) => x.pow(y), { argnums: [0, 1] })(2, 3);
  expect(dx?.item()).toBe(12);
  expect(dy?.item()).toBeCloseTo(8 * Math.log(2), 14);
});
