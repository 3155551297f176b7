import { describe, expect, it } from 'vitest';
import {
  Tensor, ShapeError, tensor, zeros, ones, full, sum, grad, valueAndGrad, vjp, jvp, jacobian, jacfwd, jacrev, hessian,
  numericGrad, gradCheck, noGrad, jit,
} from './index.js';

const f = (x: Tensor, y: Tensor = x): Tensor => x.mul(y).sum();
const t = tensor([1, 2]);

describe('every function with options rejects unknown keys, naming the closest valid one', () => {
  it.each([
    ['grad', () => grad(f, { argnum: 1 } as never), /grad: unknown option "argnum"; did you mean "argnums"\?/],
    ['valueAndGrad', () => valueAndGrad(f, { has_aux: true } as never), /valueAndGrad: unknown option "has_aux"; did you mean "hasAux"\?/],
    ['jacobian', () => jacobian(f, { mdoe: 'forward' } as never), /jacobian: unknown option "mdoe"; did you mean "mode"\?/],
    ['jacfwd', () => jacfwd(f, { argnum: 0 } as never), /jacfwd: unknown option "argnum"; did you mean "argnums"\?/],
    ['jacrev', () => jacrev(f, { mode: 'forward' } as never), /jacrev: unknown option "mode" \(known options: "argnums"\)/],
    ['hessian', () => hessian(f, { modes: 'reverse-over-reverse' } as never), /hessian: unknown option "modes"; did you mean "mode"\?/],
    ['numericGrad', () => numericGrad(f, t, { step: 1e-3 } as never), /numericGrad: unknown option "step"/],
    ['gradCheck', () => gradCheck(f, [t], { tol: 1e-3 } as never), /gradCheck: unknown option "tol"/],
    ['jit', () => jit(f, { static_argnums: [1] } as never), /jit: unknown option "static_argnums"; did you mean "staticArgnums"\?/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('grad(f, { argnum: 1 }) no longer silently differentiates argument 0', () => {
    expect(() => grad((x: Tensor, y: Tensor) => x.mul(y).sum(), { argnum: 1 } as never)(2, 5)).toThrow(/argnums/);
  });
});

describe('argnums: repeats, range and type are errors (D9, D17)', () => {
  it('a repeated argument is a RangeError (it used to return [0, 6])', () => {
    expect(() => grad((x: Tensor) => x.square().sum(), { argnums: [0, 0] })).toThrow('grad: option argnums lists argument 0 twice');
    expect(() => valueAndGrad(f, { argnums: [1, 0, 1] })).toThrow(/lists argument 1 twice/);
    expect(() => jacobian(f, { argnums: [0, 0] })).toThrow(RangeError);
    expect(() => jit(f, { staticArgnums: [1, 1] })).toThrow(/staticArgnums lists argument 1 twice/);
  });
  it('an argument that the call does not have, or a negative one, is a RangeError', () => {
    expect(() => grad(f, { argnums: 2 })(t)).toThrow('grad: option argnums contains 2, but the call has 1 argument(s) (expected an integer in [0, 0])');
    expect(() => grad(f, { argnums: -1 })).toThrow(/argnums contains -1; expected non-negative integers/);
    expect(() => jacrev(f, { argnums: [0, 3] })(t, t)).toThrow(/argnums contains 3, but the call has 2/);
  });
  it('the wrong type says so (not "contains 0")', () => {
    expect(() => grad(f, { argnums: '0' as never })).toThrow('grad: option argnums must be an integer or an array of integers, got string "0"');
    expect(() => grad(f, { argnums: ['0'] as never })).toThrow(/got an array containing string "0"/);
    expect(() => valueAndGrad(f, { hasAux: 'yes' as never })).toThrow(/hasAux must be true or false/);
  });
});

describe('raw JavaScript errors became named errors (D18)', () => {
  it.each([
    ['zeros([-1])', () => zeros([-1]), ShapeError, /zeros: dimension 0 of shape \[-1\] is -1; expected a non-negative integer/],
    ['zeros(3)', () => zeros(3 as never), TypeError, /zeros: shape must be an array of non-negative integers, got 3/],
    ['zeros([2**31])', () => zeros([2 ** 31]), ShapeError, /zeros: shape \[2147483648\] has 2147483648 elements; at most 268435456/],
    ['ones([1.5])', () => ones([1.5]), ShapeError, /ones: dimension 0 of shape \[1.5\] is 1.5/],
    ['full([2], "1")', () => full([2], '1' as never), TypeError, /full: value must be a number, got string "1"/],
    ['tensor(new Array(3))', () => tensor(new Array(3) as never), TypeError, /tensor: values\[0\] is undefined \(a hole or missing entry\); expected a number/],
    ['tensor([[1, 2], [3]])', () => tensor([[1, 2], [3]]), ShapeError, /ragged nested array: values\[1\] has length 1, expected 2/],
    ['tensor([1, "2"])', () => tensor([1, '2'] as never), TypeError, /values\[1\] is string "2"; expected a number/],
    ['tensor("abc")', () => tensor('abc' as never), TypeError, /tensor: values must be a number, an array of numbers or a Float64Array, got string "abc"/],
    ['grad(3)', () => grad(3 as never), TypeError, /grad: f must be a function, got number 3/],
    ['valueAndGrad(null)', () => valueAndGrad(null as never), TypeError, /valueAndGrad: f must be a function, got null/],
    ['vjp("f", t)', () => vjp('f' as never, t), TypeError, /vjp: f must be a function/],
    ['jvp(f, t, t)', () => jvp(f, t as never, t as never), TypeError, /jvp: primals must be an array with one value per argument of f \(e\.g\. \[x\]\), got a Tensor/],
    ['gradCheck(f, t)', () => gradCheck(f, t as never), TypeError, /gradCheck: args must be an array of the arguments of f \(e\.g\. \[x\] for one argument\), got a Tensor/],
    ['noGrad(5)', () => noGrad(5 as never), TypeError, /noGrad: fn must be a function, got number 5/],
    ['sum(t, "0")', () => sum(tensor([[1, 2], [3, 4]]), '0' as never), TypeError, /sum: axis must be an integer or an array of integers, got string "0"/],
    ['jit(3)', () => jit(3 as never), TypeError, /jit: f must be a function/],
    ['jacobian({})', () => jacobian({} as never), TypeError, /jacobian: f must be a function, got an object/],
    ['new Tensor([1], [1])', () => new Tensor([1] as never, [1]), TypeError, /Tensor: data must be a Float64Array/],
  ])('%s', (_name, call, kind, message) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });

  it('a 10,000-deep nested array is refused with its depth, without overflowing the stack', () => {
    let deep: unknown = [1];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => tensor(deep as never)).toThrow('tensor: values are nested more than 64 deep; at most 64 dimensions are supported');
    let ok: unknown = [1];
    for (let i = 0; i < 63; i++) ok = [ok];
    expect(tensor(ok as never).ndim).toBe(64);
  });

  it('a jitted function names a bad argument and suggests staticArgnums', () => {
    expect(() => jit((x: Tensor) => x.mul(2))('x' as never)).toThrow(/jit\(f\): argument 0 must be a Tensor.*got string "x".*staticArgnums/s);
  });
});
