export { createRng, type Rng } from './rng.js';
export { datasets } from './datasets.js';
export { heartCurve, type HeartCurve } from './heart-curve.js';
export { heights, type HeightsHistogram, type HeightsName } from './heights.js';
export { parseHeightsCsv, HeightsCsvError, MAX_HEIGHT_BINS, PLAUSIBLE_HEIGHT_CM, type HeightUnit, type ParseHeightsOptions } from './parse-heights-csv.js';
export { gaussian, gaussianPartials, type GaussianPartials } from './gaussian.js';
export {
  fitGaussian,
  FIT_GAUSSIAN_MAX_STEPS,
  type FitGaussianOptions,
  type GaussianFit,
  type GaussianFitMethod,
  type GaussianFitStep,
} from './fit-gaussian.js';
export type { FitReason } from './least-squares.js';
// One meaning across packages: `@slope/optim`'s three least-squares methods.
export type { LeastSquaresMethod } from '@slope/optim';
export {
  chiSquared,
  contourWindow,
  dataRegion,
  fitRunaway,
  histogramMoments,
  type ContourWindow,
  type DataRegion,
  type HistogramMoments,
} from './heights-fit.js';
export { linearRegression, type LinearFit } from './linear-regression.js';
export { polynomialFit, type PolynomialFit } from './polynomial-fit.js';
export { portableSigmoid, type Activation } from './activation.js';
export { portableCos, portableExp, portableLog, portableSin } from './portable-math.js';
export { portableTanh } from './portable-tanh.js';
export { neuron, layer } from './neuron.js';
export {
  mlp,
  MLP_MAX_TRAIN_ITERATIONS,
  MLP_COST_HISTORY_LIMIT,
  MLP_MAX_PARAMETERS,
  snapshotDue,
  type GradientFunction,
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
  type CurveFitMethod,
  type CurveFitOptions,
  type FitInputs,
  type ModelFunction,
  type MultiModelFunction,
} from './curve-fit.js';
export { thinnedHistory, type ThinnedHistory } from './thinned-history.js';
export type { TensorLike } from './tensor-input.js';
