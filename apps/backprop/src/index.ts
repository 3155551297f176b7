export { run, EXIT, OUTPUT_FILES, type RunIo } from './cli.js';
export {
  parseCommandLine,
  readSettings,
  helpText,
  COMMAND,
  DEFAULT_SETTINGS,
  MAX_ITERATIONS,
  MAX_DRAWN_SNAPSHOTS,
  MAX_COST_POINTS,
  MAX_HIDDEN_PRODUCT,
  USAGE,
  type Settings,
  type ParsedArgs,
} from './args.js';
export { UsageError } from '@slope/cli-kit';
export { heartData, type CurveData } from './data.js';
export { initNetwork, cloneNetwork, parameterShape, PARAMETER_NAMES, type Network, type NormalSource, type ParameterName } from './network.js';
export { createBackprop, feedForward, backPropagate, J_W3, J_b3, J_W2, J_b2, J_W1, J_b1, createHandEngine, type Backprop } from './hand-engine.js';
export { createAutodiffEngine } from './autodiff-engine.js';
export { createEngine, type EngineName, type GradientEngine } from './engine.js';
export { checkEngines, engineCheckTolerance, type EngineCheck } from './engine-check.js';
export { jacobianScales } from './jacobian-scale.js';
export { createGradients, compareGradients, type Gradients, type GradientComparison } from './gradients.js';
export { logistic, logisticInPlace, expTable } from './logistic.js';
export { createCourseKernel, COURSE_HIDDEN, type CourseKernel } from './course-kernel.js';
export { train, type TrainOptions, type TrainProgress, type TrainResult, type Snapshot } from './train.js';
export { drawingChart, costChart } from './charts.js';
export { buildReport, outcomeOf, parametersJson, type Outcome, type Report, type Timings } from './report.js';
export { formatCost, formatCount, formatDuration } from './format.js';
