export { createRng, type Rng } from './rng.js';
export { datasets } from './datasets.js';
export { heartCurve, type HeartCurve } from './heart-curve.js';
export { heights, type HeightsHistogram, type HeightsName } from './heights.js';
export { parseHeightsCsv, HeightsCsvError, type ParseHeightsOptions } from './parse-heights-csv.js';
export { gaussian, gaussianPartials, type GaussianPartials } from './gaussian.js';
export {
  fitGaussian,
  type FitGaussianOptions,
  type GaussianFit,
  type GaussianFitMethod,
  type GaussianFitStep,
} from './fit-gaussian.js';
export type { FitReason, LeastSquaresMethod } from './least-squares.js';
export { linearRegression, type LinearFit } from './linear-regression.js';
export { polynomialFit, type PolynomialFit } from './polynomial-fit.js';
export type { Activation } from './activation.js';
export { neuron, layer } from './neuron.js';
export {
  mlp,
  type Mlp,
  type MlpInit,
  type MlpOptions,
  type LayerParameters,
  type MatrixInput,
  type TrainOptions,
  type TrainProgress,
  type TrainResult,
} from './mlp.js';
export {
  compileModel,
  curveFit,
  type CompiledModel,
  type CompileModelOptions,
  type CurveFit,
  type CurveFitOptions,
  type FitInputs,
  type ModelFunction,
  type MultiModelFunction,
} from './curve-fit.js';
