// The learner's work is one ES module (the file the CLI's `check` and `--engine` accept), but
// the page edits it one graded function at a time. These functions cut a module into its
// header and one piece per exported function, and put the pieces back together, so that a
// downloaded file is exactly what the editors hold and an uploaded one fills them.

/** A module cut at its exported functions: the text before the first one, and each function's piece. */
export interface ModulePieces {
  readonly header: string;
  /** Each function's text, its leading comment included, in file order. */
  readonly functions: ReadonlyMap<string, string>;
}

const EXPORTED_FUNCTION = /^export\s+(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*[(<]/;
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

/**
 * Cuts a module at each top-level `export function NAME(` (a line that starts with it); the
 * comment lines right above a function belong to it.
 *
 * @example
 * ```ts
 * splitModule('// header\n\n// J_b3\nexport function J_b3(net, x, y) {\n  return 1;\n}\n').functions.get('J_b3');
 * // '// J_b3\nexport function J_b3(net, x, y) {\n  return 1;\n}\n'
 * ```
 */
export function splitModule(source: string): ModulePieces {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const starts: { name: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const m = EXPORTED_FUNCTION.exec(line);
    if (m != null) {
      let start = i;
      while (start > 0 && COMMENT_LINE.test(lines[start - 1] ?? '')) start--;
      starts.push({ name: m[1] as string, line: start });
    }
  });
  const functions = new Map<string, string>();
  starts.forEach((s, k) => {
    const end = starts[k + 1]?.line ?? lines.length;
    if (functions.has(s.name)) throw new SyntaxError(`the module exports ${s.name} twice (line ${s.line + 1})`);
    functions.set(s.name, `${lines.slice(s.line, end).join('\n').replace(/\n+$/, '')}\n`);
  });
  const header = lines.slice(0, starts[0]?.line ?? lines.length).join('\n').replace(/\n+$/, '');
  return { header: header === '' ? '' : `${header}\n`, functions };
}

/**
 * The module the editors hold: the header, then each function's piece in the given order,
 * separated by a blank line.
 *
 * @example
 * ```ts
 * joinModule({ header: '// mine\n', functions: new Map([['f', 'export function f() {}\n']]) });
 * // '// mine\n\nexport function f() {}\n'
 * ```
 */
export function joinModule(pieces: ModulePieces): string {
  return [pieces.header.replace(/\n+$/, ''), ...Array.from(pieces.functions.values(), (f) => f.replace(/\n+$/, ''))].filter((p) => p !== '').join('\n\n') + '\n';
}
