import { isAbsolute, resolve } from 'node:path';
import { cliIo, EXIT, InputError, readChoice, readInteger, readNumber, runCommand, UsageError, type CliIo, type CommandSpec, type ExitCode } from '@slope/cli-kit';
import { assignmentSpec, type AssignmentId } from '../assignments.js';
import { formatReport } from '../format.js';
import type { Language } from '../starter.js';
import { gradeFile } from './run.js';
import { languageOf } from './source.js';
import { writeStarter } from './write-starter.js';

const PROGRAM: Record<AssignmentId, string> = { backprop: 'backprop', heights: 'fit-heights' };
/** How to train with the learner's functions once they pass: the runner's flag, or the docs page. */
const TRAIN_WITH: Record<AssignmentId, (file: string) => string> = {
  backprop: (file) => `corepack pnpm backprop --engine ${file}`,
  heights: (file) => `load ${file} on the docs site's week 6 page and press "Train with my code"`,
};

/** Splits `FILE [options]`: the first argument when it is not an option. */
function fileAndOptions(argv: readonly string[]): { file: string | undefined; rest: readonly string[] } {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  if (args.length > 0 && !args[0]!.startsWith('-')) return { file: args[0], rest: args.slice(1) };
  return { file: undefined, rest: args };
}

function exerciseSpec(id: AssignmentId): CommandSpec {
  const program = PROGRAM[id];
  return {
    name: `${program} exercise`,
    summary: [
      `${program} exercise [FILE]: writes a starter file for the ${assignmentSpec(id).title.split(':')[0]} assignment:`,
      'each graded function with its signature, the course\'s explanation and a body that throws "not written yet".',
      `FILE defaults to ${id}-exercise.ts (or .mjs with --language js); an existing file is never overwritten.`,
    ],
    options: { language: { value: 'ts|js', description: 'TypeScript or plain JavaScript (default: from FILE\'s extension, else ts)' } },
  };
}

/**
 * `<program> exercise [FILE] [--language ts|js]`: writes the starter file and says what to do
 * next. Returns 0 when written, 2 when FILE exists or the command line is wrong.
 *
 * @example
 * ```ts
 * process.exitCode = await exerciseCommand('backprop', ['my-backprop.ts']);
 * ```
 */
export async function exerciseCommand(id: AssignmentId, argv: readonly string[], partial: Partial<CliIo> = {}): Promise<ExitCode> {
  const io = cliIo(partial);
  const spec = exerciseSpec(id);
  const { file, rest } = fileAndOptions(argv);
  return runCommand(spec, rest, io, async (values) => {
    const given = values['language'] === undefined ? undefined : readChoice<Language>('language', values['language'] as string, ['ts', 'js']);
    const language: Language = given ?? (file === undefined ? 'ts' : languageOf(file));
    const name = file ?? `${id}-exercise.${language === 'ts' ? 'ts' : 'mjs'}`;
    if (file !== undefined && given !== undefined && languageOf(file) !== given) {
      throw new UsageError(`${file} is a ${languageOf(file) === 'ts' ? 'TypeScript' : 'JavaScript'} file name, but --language is ${given}`);
    }
    writeStarter(isAbsolute(name) ? name : resolve(io.cwd, name), id, language);
    const todo = assignmentSpec(id).functions.filter((f) => !f.given).map((f) => f.name);
    io.stdout.write(
      `wrote ${name} (${language === 'ts' ? 'TypeScript' : 'JavaScript'}): write ${todo.join(', ')} in it, then\n` +
        `  check them:        corepack pnpm ${PROGRAM[id]} check ${name}\n` +
        `  run with them:     ${TRAIN_WITH[id](name)}\n`,
    );
    return EXIT.ok;
  });
}

function checkSpec(id: AssignmentId): CommandSpec {
  const program = PROGRAM[id];
  return {
    name: `${program} check FILE`,
    summary: [
      `${program} check FILE: grades each graded function in FILE (.ts, .mts, .js or .mjs) on its own, on several`,
      `random ${id === 'backprop' ? 'networks (against @slope/autodiff\'s gradient)' : 'histograms (against the course formulas and finite differences)'},`,
      'with a hint for each wrong answer. Exit code 0 when all pass, 1 when some do not.',
    ],
    options: {
      seed: { value: 'N', description: 'seed of the random cases, an integer', default: '0' },
      timeout: { value: 'SECONDS', description: 'time each function may take', default: '2' },
    },
  };
}

/**
 * `<program> check FILE [--seed N] [--timeout SECONDS]`: grades the learner's file and prints
 * the report. Returns 0 when every function passes, 1 when some do not, 2 for a file that
 * cannot be read or does not parse (line and column) or a wrong command line.
 *
 * @example
 * ```ts
 * process.exitCode = await checkCommand('heights', ['heights-exercise.ts']);
 * ```
 */
export async function checkCommand(id: AssignmentId, argv: readonly string[], partial: Partial<CliIo> = {}): Promise<ExitCode> {
  const io = cliIo(partial);
  const spec = checkSpec(id);
  const { file, rest } = fileAndOptions(argv);
  return runCommand(spec, rest, io, async (values) => {
    if (file === undefined) throw new UsageError(`which file? give it first: ${PROGRAM[id]} check FILE`);
    const seed = values['seed'] === undefined ? 0 : readInteger('seed', values['seed'] as string, { min: -(2 ** 31), max: 2 ** 31 - 1 });
    const timeout = values['timeout'] === undefined ? 2 : readNumber('timeout', values['timeout'] as string, { min: 0.01, max: 600 });
    const path = isAbsolute(file) ? file : resolve(io.cwd, file);
    let report;
    try {
      report = await gradeFile(path, id, { seed, timeoutMs: timeout * 1000 });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.message.split(path).join(file));
      throw error;
    }
    io.stdout.write(formatReport(report).split(path).join(file));
    return report.passed ? EXIT.ok : EXIT.failed;
  });
}
