import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'acorn';
import { transform } from 'sucrase';
import { InputError } from '@slope/cli-kit';

/**
 * The learner's file does not parse: names the file, the line and the column (both from 1).
 *
 * @example
 * ```ts
 * try { learnerJavaScript('mine.ts'); } catch (e) { if (e instanceof LearnerSyntaxError) console.log(e.line, e.column); }
 * ```
 */
export class LearnerSyntaxError extends InputError {
  override readonly name: string = 'LearnerSyntaxError';
  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`${path}:${line}:${column}: syntax error: ${detail}`);
  }
}

/** The language of a learner's file by its extension, or an InputError naming the ones accepted. */
export function languageOf(path: string): 'ts' | 'js' {
  const ext = extname(path).toLowerCase();
  if (ext === '.ts' || ext === '.mts') return 'ts';
  if (ext === '.js' || ext === '.mjs') return 'js';
  throw new InputError(`${path}: the file must end in .ts, .mts, .js or .mjs (an ES module), got ${ext === '' ? 'no extension' : JSON.stringify(ext)}`);
}

// "Unexpected token (2:13)": sucrase and acorn both end their messages with the position.
function stripPosition(message: string): string {
  return message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
}

/**
 * The learner's module as JavaScript: a .ts file is stripped of its types by sucrase (line
 * numbers are kept); the result is parsed by acorn as an ES module, so a syntax error is
 * reported with its line and column before anything runs.
 *
 * @throws InputError when the file cannot be read or has the wrong extension; LearnerSyntaxError.
 * @example
 * ```ts
 * const code = learnerJavaScript('backprop-exercise.ts');
 * ```
 */
export function learnerJavaScript(path: string): string {
  const language = languageOf(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${path}: cannot read the file (${code})`);
  }
  let code = text;
  if (language === 'ts') {
    try {
      code = transform(text, { transforms: ['typescript'], filePath: path, disableESTransforms: true }).code;
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc;
      const message = error instanceof Error ? error.message : String(error);
      // sucrase's columns count from 1 already.
      if (loc !== undefined) throw new LearnerSyntaxError(path, loc.line, loc.column, stripPosition(message));
      throw new InputError(`${path}: cannot read it as TypeScript: ${message}`);
    }
  }
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message : String(error);
    // acorn's columns count from 0.
    if (loc !== undefined) throw new LearnerSyntaxError(path, loc.line, loc.column + 1, stripPosition(message));
    throw new InputError(`${path}: ${message}`);
  }
  return code;
}
