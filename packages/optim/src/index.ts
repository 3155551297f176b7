export type {
  DescentOptions,
  GradientFunction,
  IterationDetail,
  IterationState,
  MatrixFunction,
  Objective,
  OptimizationResult,
  Rng,
  StopReason,
  VectorFunction,
} from './types.js';
export { OptimizationRun } from './run.js';
export { steepestDescent, steepestDescentSteps, type SteepestDescentOptions } from './steepest-descent.js';
export { gradientDescent, gradientDescentSteps, type GradientDescentOptions } from './gradient-descent.js';
export { momentum, momentumSteps, type MomentumOptions } from './momentum.js';
export { adam, adamSteps, type AdamOptions } from './adam.js';
export { sgd, sgdSteps, type BatchObjective, type SgdOptions } from './sgd.js';
export {
  newtonRaphson,
  newtonRaphsonSteps,
  type NewtonRaphsonOptions,
  type NewtonRaphsonResult,
  type ScalarFunction,
} from './newton-raphson.js';
export { findRoot, findRootSteps, type FindRootOptions, type FindRootResult } from './find-root.js';
export { newton, newtonSteps, type NewtonOptions, type NewtonStrategy } from './newton.js';
export { bfgs, bfgsSteps, type BfgsOptions } from './bfgs.js';
export {
  leastSquares,
  leastSquaresSteps,
  type LeastSquaresMethod,
  type LeastSquaresOptions,
  type LeastSquaresResult,
} from './least-squares.js';
export {
  lagrange,
  lagrangeSteps,
  type LagrangeMode,
  type LagrangeOptions,
  type LagrangeResult,
  type StationaryKind,
} from './lagrange.js';
export { pathLength, stepCosines } from './diagnostics.js';
