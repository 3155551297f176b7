export { ShapeError } from './shape-error.js';
export { Tensor, type NestedArray } from './tensor.js';
export { tensor, scalar, zeros, ones, full, type TensorLike } from './create.js';
export { add, sub, mul, div, pow } from './ops/binary.js';
export { neg, exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, relu, square } from './ops/unary.js';
export { matmul } from './ops/matmul.js';
export { dense, matmulAdd, type Activation } from './ops/dense.js';
export { sum, mean } from './ops/reduce.js';
export { reshape, transpose } from './ops/layout.js';
export { grad, valueAndGrad, vjp, type TensorFunction } from './grad.js';
export { jvp } from './jvp.js';
export { jacobian, hessian, type HessianOptions } from './jacobian.js';
export { noGrad } from './no-grad.js';
export {
  numericGrad, gradCheck, type NumericGradOptions, type GradCheckOptions, type GradCheckReport,
} from './numeric.js';
