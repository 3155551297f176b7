export { EXIT, EXIT_CODES_HELP, type ExitCode } from './exit-codes.js';
export { UsageError, InputError, OutputError } from './errors.js';
export { readNumber, readInteger, readList, readChoice, type NumberRange } from './numbers.js';
export { parseCommandLine, usageLine, helpText, type CommandSpec, type OptionSpec, type ParsedCommandLine } from './command-line.js';
export { runCommand, runMain, type OptionValues } from './run-command.js';
export { cliIo, processSink, type CliIo, type TextSink } from './io.js';
export { nodeOutputFs, type OutputFs } from './output-fs.js';
export {
  prepareOutputFolder,
  OUTPUT_FOLDER_HELP,
  type OutputFile,
  type OutputFolder,
  type OutputFolderOptions,
  type SavedOutput,
} from './output-folder.js';
export { progressReporter, barReporter, lineReporter, type Progress, type ProgressPlan, type ProgressReporter } from './progress.js';
export { formatCount, formatDuration } from './format.js';
