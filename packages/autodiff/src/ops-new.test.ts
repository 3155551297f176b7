import { describe, expect, it, test } from 'vitest';
import {
  ShapeError, Tensor, tensor, zeros, grad, jvp, gradCheck, numericGrad,
  atan, asin, acos, sinh, cosh, log1p, expm1, erf, atan2, maximum, minimum, where, clip, sign,
  greater, greaterEqual, less, lessEqual, equal, matmul, transpose, at, slice,
} from './index.js';

function expectValues(got: Tensor, want: readonly number[], digits = 14): void {
  expect(got.size).toBe(want.length);
  want.forEach((w, i) => expect(got.data[i]).toBeCloseTo(w, digits));
}

// Reference values from NumPy 1.x / SciPy (np.arctan, np.arcsin, …, scipy.special.erf),
// written here as data.
const xs = tensor([-0.9, -0.3, 0, 0.2, 0.75]);
const reference: [string, (t: Tensor) => Tensor, number[]][] = [
  ['atan', atan, [-0.7328151017865066, -0.2914567944778671, 0, 0.19739555984988078, 0.6435011087932844]],
  ['asin', asin, [-1.1197695149986342, -0.3046926540153975, 0, 0.2013579207903308, 0.848062078981481]],
  ['acos', acos, [2.6905658417935308, 1.8754889808102941, 1.5707963267948966, 1.369438406004566, 0.7227342478134157]],
  ['sinh', sinh, [-1.0265167257081753, -0.3045202934471426, 0, 0.20133600254109402, 0.82231673193583]],
  ['cosh', cosh, [1.4330863854487745, 1.0453385141288605, 1, 1.020066755619076, 1.2946832846768448]],
  ['log1p', log1p, [-2.302585092994046, -0.35667494393873234, 0, 0.18232155679395462, 0.5596157879354227]],
  ['expm1', expm1, [-0.5934303402594009, -0.2591817793182821, 0, 0.22140275816016985, 1.1170000166126748]],
  ['erf', erf, [-0.7969082124228322, -0.3286267594591274, 0, 0.22270258921047845, 0.7111556336535151]],
];

describe('new elementwise ops: values against NumPy/SciPy', () => {
  test.each(reference)('%s(x) matches the reference', (_name, f, want) => expectValues(f(xs), want, 15));

  it('erf across its three approximation intervals and the tails (relative error < 1e-15)', () => {
    const x = [1e-10, 0.46875, 0.5, 1, 2, 3.9, 4, 4.5, 6, -2.5, 27, 30, -30];
    const want = [1.1283791670955126e-10, 0.492613473217938, 0.5204998778130465, 0.8427007929497148, 0.9953222650189527,
      0.9999999652077514, 0.9999999845827421, 0.9999999998033839, 1, -0.999593047982555, 1, 1, -1];
    const got = erf(tensor(x));
    want.forEach((w, i) => expect(Math.abs((got.data[i] as number) - w)).toBeLessThanOrEqual(1e-15 * Math.abs(w)));
    expect(erf(Number.NaN).item()).toBeNaN();
  });

  it('atan2(y, x) covers all four quadrants and the signed zero', () => {
    const got = atan2(tensor([1, -1, 0, 2, -0]), tensor([-1, -1, -1, 0.5, 1]));
    expectValues(got, [2.356194490192345, -2.356194490192345, 3.141592653589793, 1.3258176636680326, -0], 15);
    expect(Object.is(got.data[4], -0)).toBe(true);
  });

  it('log1p and expm1 keep tiny arguments exact where log(1 + x) and exp(x) − 1 lose them', () => {
    expect(log1p(1e-20).item()).toBe(1e-20);
    expect(expm1(1e-20).item()).toBe(1e-20);
  });

  it('asin and acos are NaN outside [−1, 1]; sign keeps NaN', () => {
    expect(asin(1.5).item()).toBeNaN();
    expect(acos(-2).item()).toBeNaN();
    expect(sign(tensor([-3, 0, 2, Number.NaN])).toArray()).toEqual([-1, 0, 1, Number.NaN]);
  });
});

describe('new ops: derivatives against central differences (gradCheck)', () => {
  const A = tensor([[0.5, -1.2, 0.3], [1.1, 0.7, -0.4]]);
  const U = tensor([[0.1, -0.5, 0.3], [0.6, -0.7, 0.2]]);
  const P = tensor([[0.5, 1.2, 0.3], [1.1, 0.7, 2.4]]);
  const row = tensor([0.3, -0.5, 0.8]);
  const col = tensor([[0.6], [-0.2]]);
  const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
    ['atan', (a) => atan(a), [A]],
    ['asin', (a) => asin(a), [U]],
    ['acos', (a) => acos(a), [U]],
    ['sinh', (a) => sinh(a), [A]],
    ['cosh', (a) => cosh(a), [A]],
    ['log1p', (a) => log1p(a), [P]],
    ['expm1', (a) => expm1(a), [A]],
    ['erf', (a) => erf(a), [A]],
    ['atan2 (both broadcast)', (y, x) => atan2(y, x), [col, row]],
    ['maximum (row broadcast, no ties)', (a, b) => maximum(a, b), [A, row]],
    ['minimum (column broadcast, no ties)', (a, b) => minimum(a, b), [A, col]],
    ['where (mask from a comparison)', (a, b) => where(greater(a, 0), a.mul(a), b), [A, row]],
    ['clip with number bounds', (a) => clip(a, -0.5, 0.6), [A]],
    ['clip with tensor bounds', (a, lo, hi) => clip(a, lo, hi), [A, col, tensor([0.4, 0.9, 1.5])]],
    ['batched matmul with broadcast batch', (a, b) => matmul(a, b),
      [tensor(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [2, 1, 2, 3]), tensor(Array.from({ length: 18 }, (_, i) => Math.cos(i)), [3, 3, 2])]],
    ['batched matmul · vector', (a, v) => matmul(a, v), [tensor(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [2, 2, 3]), row]],
    ['transpose with axes', (a) => transpose(a.reshape([1, 2, 3]), [2, 0, 1]).mul(tensor([[[1, 2]], [[3, 4]], [[5, 6]]])), [A]],
    ['at and slice', (a) => at(a, -1).add(slice(a, 0, 1).sum(0)), [A]],
  ];

  test.each(cases)('%s passes gradCheck', (_name, f, args) => {
    const report = gradCheck(f, args);
    expect(report.ok, report.summary).toBe(true);
  });

  test.each(cases)('%s: forward mode agrees with reverse mode', (_name, f, args) => {
    const dirs = args.map((a) => tensor(Array.from(a.data, (_, i) => Math.cos(i + 1)), a.shape));
    const [, tangent] = jvp(f, args, dirs);
    const g = grad((...ys: Tensor[]) => f(...ys).sum(), { argnums: args.map((_, i) => i) })(...args);
    const rhs = g.reduce((s, gi, i) => s + gi.mul(dirs[i] as Tensor).sum().item(), 0);
    expect(tangent.sum().item()).toBeCloseTo(rhs, 12);
  });
});

describe('maximum, minimum, where, clip: values and the derivative at the seams', () => {
  it('maximum and minimum broadcast and propagate NaN', () => {
    expect(maximum(tensor([1, 5, Number.NaN]), 3).toArray()).toEqual([3, 5, Number.NaN]);
    expect(minimum(tensor([[1], [5]]), tensor([2, 4])).toArray()).toEqual([[1, 1], [2, 4]]);
  });

  it('at a tie the derivative of maximum is split evenly (as in JAX)', () => {
    const [da, db] = grad((a, b) => maximum(a, b).sum(), { argnums: [0, 1] })(tensor([2, 3]), tensor([2, 1]));
    expect(da?.toArray()).toEqual([0.5, 1]);
    expect(db?.toArray()).toEqual([0.5, 0]);
  });

  it('where routes the gradient by the condition and gives none to it', () => {
    const [dc, da, db] = grad((c, a, b) => where(c, a, b).mul(tensor([1, 2, 3])).sum(), { argnums: [0, 1, 2] })(tensor([1, 0, 1]), tensor([5, 6, 7]), 9);
    expect(dc?.toArray()).toEqual([0, 0, 0]);
    expect(da?.toArray()).toEqual([1, 0, 3]);
    expect(db?.item()).toBe(2);
  });

  it('clip limits values, lets the gradient through inside the bounds and to the bound outside', () => {
    expect(clip(tensor([-2, 0.5, 7]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(clip(tensor([0.5]), 2, 1).toArray()).toEqual([1]);
    const [dx, dlo, dhi] = grad((x, lo, hi) => clip(x, lo, hi).sum(), { argnums: [0, 1, 2] })(tensor([-2, 0.5, 7]), 0, 1);
    expect(dx?.toArray()).toEqual([0, 1, 0]);
    expect(dlo?.item()).toBe(1);
    expect(dhi?.item()).toBe(1);
  });

  it('comparisons give 1/0 masks with broadcasting and no gradient', () => {
    const x = tensor([1, 2, 3]);
    expect(greater(x, 2).toArray()).toEqual([0, 0, 1]);
    expect(greaterEqual(x, 2).toArray()).toEqual([0, 1, 1]);
    expect(less(x, 2).toArray()).toEqual([1, 0, 0]);
    expect(lessEqual(x, 2).toArray()).toEqual([1, 1, 0]);
    expect(equal(x, tensor([[2], [3]])).toArray()).toEqual([[0, 1, 0], [0, 0, 1]]);
    expect(greater(Number.NaN, 0).item()).toBe(0);
    expect(grad((t) => greater(t, 0).mul(t).sum())(x).toArray()).toEqual([1, 1, 1]);
  });
});

describe('batched matmul', () => {
  it('matches NumPy on [2,1,2,3] · [3,3,2] (batch dimensions broadcast to [2,3])', () => {
    const a = tensor(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [2, 1, 2, 3]);
    const b = tensor(Array.from({ length: 18 }, (_, i) => Math.cos(i)), [3, 3, 2]);
    const c = matmul(a, b);
    expect(c.shape).toEqual([2, 3, 2, 2]);
    // numpy: (a @ b).round(15)
    const want = [[[[-0.944531950886318, -0.575116665737344], [1.082855707398072, 0.553465702077535]], [[-0.885399639050425, -0.762665402963934], [1.050220084654819, 0.791692438721099]], [[-0.755736899568035, -0.88946065142705], [0.933924532059907, 0.966853409573996]]], [[[-1.199506099563798, -0.52073711862757], [1.292148368991183, 0.477585978207725]], [[-1.194020368124286, -0.804873744934459], [1.313922325807471, 0.801945497670531]], [[-1.093419658692744, -1.024894590154576], [1.231029983422567, 1.062422498544842]]]];
    expectValues(c, want.flat(3), 14);
  });

  it('1-D operands keep numpy rules with a batch: [2,2,3] · [3] → [2,2] and [3] · [2,3,4] → [2,4]', () => {
    expect(matmul(zeros([2, 2, 3]), zeros([3])).shape).toEqual([2, 2]);
    expect(matmul(zeros([3]), zeros([2, 3, 4])).shape).toEqual([2, 4]);
    expect(matmul(zeros([5, 1, 2, 3]), zeros([4, 3, 6])).shape).toEqual([5, 4, 2, 6]);
  });

  it('the gradient of a broadcast batch operand is summed over the batch', () => {
    const a = tensor(Array.from({ length: 6 }, (_, i) => i / 6), [1, 2, 3]);
    const b = tensor(Array.from({ length: 24 }, (_, i) => Math.sin(i)), [4, 3, 2]);
    const ga = grad((x) => matmul(x, b).square().sum())(a);
    const num = numericGrad((x) => matmul(x, b).square().sum(), a);
    expect(ga.shape).toEqual([1, 2, 3]);
    ga.data.forEach((v, i) => expect(v).toBeCloseTo(num.data[i] as number, 6));
  });

  it('mismatched inner or batch dimensions name both shapes', () => {
    expect(() => matmul(zeros([2, 2, 3]), zeros([2, 4, 2]))).toThrow('matmul: cannot multiply shapes [2,2,3] and [2,4,2] (inner dimensions 3 and 4 differ)');
    expect(() => matmul(zeros([2, 2, 2]), zeros([3, 2, 2]))).toThrow(ShapeError);
  });
});

describe('at, slice and transpose(axes)', () => {
  const m = tensor([[1, 2], [3, 4], [5, 6]]);
  it('at(i) reads along the first axis, negative from the end, as Array.prototype.at', () => {
    expect(at(m, 0).toArray()).toEqual([1, 2]);
    expect(m.at(-1).toArray()).toEqual([5, 6]);
    expect(tensor([7, 8]).at(1).shape).toEqual([]);
    expect(() => at(m, 3)).toThrow('at: index 3 is out of range for the first axis of shape [3,2] (expected an integer in [-3, 2])');
    expect(() => at(m, 0.5)).toThrow(RangeError);
    expect(() => at(5, 0)).toThrow(ShapeError);
  });
  it('slice(start, end) follows Array.prototype.slice (negative positions, clamping)', () => {
    expect(slice(m, 1).toArray()).toEqual([[3, 4], [5, 6]]);
    expect(m.slice(0, -1).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(m.slice(5).shape).toEqual([0, 2]);
    expect(m.slice(-10, 10)).toBe(m);
    expect(() => m.slice(0.5)).toThrow(TypeError);
  });
  it('transpose(a, axes) permutes axes; a bad permutation names itself', () => {
    const t = tensor(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    const p = transpose(t, [1, 2, 0]);
    expect(p.shape).toEqual([3, 4, 2]);
    expect(p.toArray()).toEqual([[[0, 12], [1, 13], [2, 14], [3, 15]], [[4, 16], [5, 17], [6, 18], [7, 19]], [[8, 20], [9, 21], [10, 22], [11, 23]]]);
    expect(() => transpose(t, [0, 0, 1])).toThrow('transpose: axes [0,0,1] are not a permutation of the 3 axes of shape [2,3,4]');
  });
});
