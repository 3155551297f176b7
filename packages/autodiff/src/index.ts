export { ShapeError } from './shape-error.js';
export { TracerError } from './tracer-error.js';
export { Tensor, type NestedArray } from './tensor.js';
export { tensor, scalar, zeros, ones, full, type TensorLike, type NestedNumbers } from './create.js';
export { add, sub, mul, div, pow, atan2 } from './ops/binary.js';
export {
  neg, exp, log, sqrt, abs, sign, sin, cos, tan, tanh, sigmoid, relu, square,
  atan, asin, acos, sinh, cosh, log1p, expm1, erf,
} from './ops/unary.js';
export { greater, greaterEqual, less, lessEqual, equal } from './ops/compare.js';
export { maximum, minimum, where, clip } from './ops/select.js';
export { matmul } from './ops/matmul.js';
export { dense, matmulAdd, type Activation } from './ops/dense.js';
export { sum, mean } from './ops/reduce.js';
export { reshape, transpose, at, slice } from './ops/layout.js';
export { grad, valueAndGrad, vjp, type TensorFunction } from './grad.js';
export { jvp } from './jvp.js';
export { jacobian, jacfwd, jacrev, hessian, type JacobianOptions, type HessianOptions } from './jacobian.js';
export { jit, type JitOptions, type Jitted, type JitArgs, type CompiledFunction } from './jit/jit.js';
export { noGrad } from './no-grad.js';
export {
  numericGrad, gradCheck, type NumericGradOptions, type GradCheckOptions, type GradCheckReport,
} from './numeric.js';
