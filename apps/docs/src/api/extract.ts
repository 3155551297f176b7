import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The kinds of export a reference page distinguishes. */
export type ExportKind = 'function' | 'class' | 'interface' | 'type' | 'const';

/** One public export of a package, as the reference page shows it. */
export interface ApiExport {
  readonly name: string;
  readonly kind: ExportKind;
  /** The declaration without bodies: overloads, members, type text. */
  readonly signature: string;
  /** The TSDoc summary and remarks. */
  readonly doc: string;
  /** `@param`, `@returns`, `@throws` lines, rendered. */
  readonly tags: readonly string[];
  /** The code of the first `@example` block, if any. */
  readonly example: string | undefined;
  /** True when the export exists only at the type level (import it with `import type`). */
  readonly typeOnly: boolean;
}

/** The packages with a reference page, in the site's order. */
export const API_PACKAGES = ['symbolic', 'autodiff', 'optim', 'models', 'plot'] as const;
/** One of {@link API_PACKAGES}. */
export type ApiPackage = (typeof API_PACKAGES)[number];

const packagesDir = fileURLToPath(new URL('../../../../packages/', import.meta.url));

/** The entry file of a package's public API. */
export function entryOf(pkg: ApiPackage): string {
  return `${packagesDir}${pkg}/src/index.ts`;
}

function stripExport(text: string): string {
  return text.replace(/^export\s+(declare\s+)?/, '').replace(/^default\s+/, '');
}

/** Source text of a node without its leading TSDoc comment. */
function textOf(node: ts.Node, sf: ts.SourceFile): string {
  return sf.text.slice(node.getStart(sf), node.getEnd());
}

function functionSignature(decl: ts.FunctionDeclaration, sf: ts.SourceFile): string {
  const head = decl.body === undefined ? textOf(decl, sf) : sf.text.slice(decl.getStart(sf), decl.body.getStart(sf));
  return stripExport(head.trim().replace(/;$/, '')) + ';';
}

function classSignature(decl: ts.ClassDeclaration, sf: ts.SourceFile): string {
  const header = sf.text.slice(decl.getStart(sf), decl.members.pos).trim().replace(/\{$/, '').trim();
  const members: string[] = [];
  for (const m of decl.members) {
    const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
    if (mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
    if (m.name !== undefined && ts.isPrivateIdentifier(m.name)) continue;
    if (ts.getJSDocTags(m).some((t) => t.tagName.text === 'internal')) continue;
    if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m)) {
      const end = m.body === undefined ? m.getEnd() : m.body.getStart(sf);
      members.push(`  ${sf.text.slice(m.getStart(sf), end).trim().replace(/;$/, '')};`);
    } else if (ts.isPropertyDeclaration(m)) {
      const withoutInit = m.initializer === undefined ? textOf(m, sf) : sf.text.slice(m.getStart(sf), m.initializer.pos).replace(/=\s*$/, '');
      members.push(`  ${withoutInit.trim().replace(/;$/, '')};`);
    }
  }
  return `${stripExport(header)} {\n${members.join('\n')}\n}`;
}

function tagText(tag: ts.JSDocTagInfo): string {
  return ts.displayPartsToString(tag.text).trim();
}

function exampleCode(tags: readonly ts.JSDocTagInfo[]): string | undefined {
  const ex = tags.find((t) => t.name === 'example');
  if (ex === undefined) return undefined;
  const text = tagText(ex);
  const fenced = /```[a-z]*\n([\s\S]*?)```/.exec(text);
  return (fenced?.[1] ?? text).replace(/\s+$/, '');
}

/**
 * Reads every export of each package's `src/index.ts` with the TypeScript compiler API:
 * its kind, declaration text (bodies removed), TSDoc and first `@example`.
 *
 * @example
 * ```ts
 * const api = extractApi(['symbolic']);
 * api.symbolic.find((e) => e.name === 'parse')?.signature; // 'function parse(src: string): Expr;'
 * ```
 */
export function extractApi<P extends ApiPackage>(packages: readonly P[]): Record<P, ApiExport[]> {
  const program = ts.createProgram(packages.map(entryOf), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@slope/source'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out = {} as Record<P, ApiExport[]>;
  for (const pkg of packages) {
    const sf = program.getSourceFile(entryOf(pkg));
    const moduleSymbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
    if (moduleSymbol === undefined) throw new Error(`extractApi: cannot read the exports of ${entryOf(pkg)}`);
    out[pkg] = checker.getExportsOfModule(moduleSymbol).map((exported) => describe(exported, checker));
  }
  return out;
}

function describe(exported: ts.Symbol, checker: ts.TypeChecker): ApiExport {
  const name = exported.getName();
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const decls = symbol.getDeclarations() ?? [];
  const first = decls[0];
  if (first === undefined) throw new Error(`extractApi: export ${name} has no declaration`);
  const sf = first.getSourceFile();
  const tags = symbol.getJsDocTags(checker);
  const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const rendered = tags
    .filter((t) => t.name === 'param' || t.name === 'returns' || t.name === 'throws')
    .map((t) => `**@${t.name}** ${tagText(t)}`);
  let kind: ExportKind;
  let signature: string;
  if (ts.isFunctionDeclaration(first)) {
    kind = 'function';
    const fns = decls.filter(ts.isFunctionDeclaration);
    // With overloads, the implementation signature is not callable: show the overloads only.
    const shown = fns.length > 1 ? fns.filter((d) => d.body === undefined) : fns;
    signature = shown.map((d) => functionSignature(d, sf)).join('\n');
  } else if (ts.isClassDeclaration(first)) {
    kind = 'class';
    signature = classSignature(first, sf);
  } else if (ts.isInterfaceDeclaration(first)) {
    kind = 'interface';
    signature = decls.filter(ts.isInterfaceDeclaration).map((d) => stripExport(textOf(d, sf))).join('\n');
  } else if (ts.isTypeAliasDeclaration(first)) {
    kind = 'type';
    signature = stripExport(textOf(first, sf));
  } else if (ts.isVariableDeclaration(first)) {
    kind = 'const';
    signature = `const ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, first), undefined, ts.TypeFormatFlags.NoTruncation)};`;
  } else {
    throw new Error(`extractApi: export ${name} has an unsupported declaration kind ${ts.SyntaxKind[first.kind]}`);
  }
  const typeOnly = kind === 'interface' || kind === 'type';
  return { name, kind, signature, doc, tags: rendered, example: exampleCode(tags), typeOnly };
}
