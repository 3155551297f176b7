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
  type EngineName,
  type Settings,
  type ParsedArgs,
} from './args.js';
export { UsageError } from '@slope/cli-kit';
export {
  courseData,
  courseNetwork,
  courseJacobians,
  cost,
  networkFunction,
  J_W3,
  J_b3,
  J_W2,
  J_b2,
  J_W1,
  J_b1,
  PARAMETER_NAMES,
  type CourseData,
  type CourseNetwork,
  type Matrix,
  type ParameterName,
} from './jacobians.js';
export { autodiffGradients, checkJacobians, jacobianCheckTolerance, jacobianScales, type JacobianCheck, type JacobianDifference } from './jacobian-check.js';
export { trainRun, progressSpacing, PROGRESS_MS, type TrainRun, type TrainRunOptions, type Snapshot } from './train-run.js';
export { drawingChart, costChart } from './charts.js';
export { buildReport, outcomeOf, parametersJson, type Outcome, type Report, type Timings } from './report.js';
export { formatCost, formatCount, formatDuration } from './format.js';
