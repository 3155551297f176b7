import { transform } from 'sucrase';

/** A module that does not parse, with the place sucrase names (1-based line and column). */
export class LearnerSourceError extends SyntaxError {
  override readonly name = 'SyntaxError';
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

/**
 * Imports the learner's module (TypeScript or JavaScript) inside a Web Worker: types are
 * stripped without moving a line, so an error's line is the learner's line.
 *
 * @example
 * ```ts
 * const mine = await importLearnerModule('export function dfdmu(x, mu, sig) { return x; }');
 * ```
 */
export async function importLearnerModule(source: string): Promise<Record<string, unknown>> {
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /\((\d+):(\d+)\)\s*$/.exec(message);
    throw new LearnerSourceError(message.replace(/\s*\(\d+:\d+\)\s*$/, ''), at == null ? undefined : Number(at[1]), at == null ? undefined : Number(at[2]) + 1);
  }
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } finally {
    URL.revokeObjectURL(url);
  }
}
