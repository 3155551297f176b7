// `@slope/models/mlp`: the course network, its trainer, its data and the portable elementary
// functions, without the fitting half of the package (curveFit loads `@slope/symbolic` and with
// it mathjs, half a second at start-up that a training run never uses).
export { createRng, type Rng } from './rng.js';
export { heartCurve, type HeartCurve } from './heart-curve.js';
export { portableSigmoid, type Activation } from './activation.js';
export { portableCos, portableExp, portableLog, portableSin } from './portable-math.js';
export { portableTanh } from './portable-tanh.js';
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
export { thinnedHistory, type ThinnedHistory } from './thinned-history.js';
export type { TensorLike } from './tensor-input.js';
