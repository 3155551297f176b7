import type { ApiExport, ApiPackage } from './extract.js';

/** Everything exported by every package, to resolve the names an example uses. */
export type ApiIndex = Readonly<Record<ApiPackage, readonly ApiExport[]>>;

const IDENT = /[A-Za-z_$][\w$]*/g;

/** Names the snippet declares itself (so they are not imported over). */
function declaredNames(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/g)) out.add(m[1]!);
  for (const m of code.matchAll(/\b(?:const|let|var)\s*[{[]([^=]*?)[}\]]\s*(?::[^=]*)?=/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(':').at(-1)?.replace(/=.*$/, '').replace(/\.\.\./, '').trim();
      if (name !== undefined && /^[A-Za-z_$][\w$]*$/.test(name)) out.add(name);
    }
  }
  return out;
}

/**
 * Identifiers the code refers to: strings and comments removed, and neither property
 * accesses (`x.square()`) nor object keys (`{ gradient: g }`) counted.
 */
function usedNames(code: string): Set<string> {
  const bare = code
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\.\.\./g, ' ');
  return new Set(Array.from(bare.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)(?!\s*:(?!:))/g), (m) => m[1]!));
}

/** Names imported explicitly by the snippet's own import lines. */
function importedNames(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) for (const m of (/\{([^}]*)\}/.exec(l)?.[1] ?? '').matchAll(IDENT)) if (m[0] !== 'type') out.add(m[0]);
  return out;
}

/**
 * Turns an example into a self-contained module as the reference page shows it: the
 * snippet's own import lines, plus an import of every package export it mentions (its own
 * package first on a name clash; `import type` for type-only exports).
 *
 * @example
 * ```ts
 * exampleModule('symbolic', "parse('x^2').toString();", index);
 * // "import { parse } from '@slope/symbolic';\n\nparse('x^2').toString();"
 * ```
 */
export function exampleModule(pkg: ApiPackage, code: string, index: ApiIndex): string {
  const lines = code.split('\n');
  const own = lines.filter((l) => /^\s*import\s/.test(l));
  const body = lines.filter((l) => !/^\s*import\s/.test(l)).join('\n').trim();
  const skip = new Set([...declaredNames(body), ...importedNames(own)]);
  const used = usedNames(body);
  const order: ApiPackage[] = [pkg, ...(Object.keys(index) as ApiPackage[]).filter((p) => p !== pkg)];
  const taken = new Set<string>();
  const imports: string[] = [];
  for (const p of order) {
    const values: string[] = [];
    const types: string[] = [];
    for (const e of index[p]) {
      if (!used.has(e.name) || skip.has(e.name) || taken.has(e.name)) continue;
      // A name exported by two other packages is ambiguous: leave it to the snippet.
      if (p !== pkg && order.filter((q) => q !== pkg && index[q].some((x) => x.name === e.name)).length > 1) continue;
      taken.add(e.name);
      (e.typeOnly ? types : values).push(e.name);
    }
    if (values.length > 0) imports.push(`import { ${values.sort().join(', ')} } from '@slope/${p}';`);
    if (types.length > 0) imports.push(`import type { ${types.sort().join(', ')} } from '@slope/${p}';`);
  }
  return `${[...own.map((l) => l.trim()), ...imports].join('\n')}\n\n${body}\n`;
}
