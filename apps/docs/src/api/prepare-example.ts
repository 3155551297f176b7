import { parse, type Expression, type ImportDeclaration, type ExpressionStatement, type Node, type Program } from 'acorn';
import { transform } from 'sucrase';
import { SCOPED_NAMES } from './example-runtime.js';

// An example as written (TypeScript, ES imports of @slope/*) becomes a plain ES module that
// runs with the runtime of `example-runtime.ts` installed as `globalThis.__slope`:
// - types are stripped by sucrase, which keeps every line where it was;
// - import declarations become bindings read from the runtime (placed on line 1, so they
//   are hoisted as imports are), and `import(...)` asks the runtime too, so only the
//   libraries the runtime offers can be imported, in Node and in the browser alike;
// - every top-level expression statement shows its value, as a notebook cell does
//   (`parse('x^2').toString();` shows `'x^2'`), except assignments and console calls;
// - `console` and the timer functions are the runtime's, bound in the module's own scope
//   (unless the example declares its own), so the host's globals are left alone.
// No line moves, so an error's line in the prepared module is its line in the example.

/** A syntax error in an example, with its 1-based line. */
export class ExampleSyntaxError extends SyntaxError {
  override readonly name = 'SyntaxError';
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

interface Located {
  readonly loc?: { readonly line: number } | null;
}

function lineFromMessage(message: string): number | undefined {
  const m = /\((\d+):(\d+)\)\s*$/.exec(message);
  return m == null ? undefined : Number(m[1]);
}

function stripTypes(code: string): string {
  try {
    return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ExampleSyntaxError(message.replace(/\s*\(\d+:\d+\)\s*$/, ''), lineFromMessage(message));
  }
}

function parseModule(js: string): Program {
  try {
    return parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (e) {
    const located = e as Located;
    const message = e instanceof Error ? e.message : String(e);
    throw new ExampleSyntaxError(message.replace(/\s*\(\d+:\d+\)\s*$/, ''), located.loc?.line ?? lineFromMessage(message));
  }
}

function importBinding(decl: ImportDeclaration, line: number): string {
  const source = JSON.stringify(String(decl.source.value));
  const named: string[] = [];
  const names: string[] = [];
  const out: string[] = [];
  for (const s of decl.specifiers) {
    if (s.type === 'ImportNamespaceSpecifier') out.push(`const ${s.local.name} = __slope.imports(${source}, [], ${line});`);
    else if (s.type === 'ImportDefaultSpecifier') out.push(`const ${s.local.name} = __slope.defaultImport(${source}, ${line});`);
    else {
      const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
      names.push(imported);
      named.push(`${JSON.stringify(imported)}: ${s.local.name}`);
    }
  }
  if (named.length > 0) out.push(`const { ${named.join(', ')} } = __slope.imports(${source}, ${JSON.stringify(names)}, ${line});`);
  if (decl.specifiers.length === 0) out.push(`__slope.imports(${source}, [], ${line});`);
  return out.join(' ');
}

/** Names the module declares at its top level (a binding of the same name would clash). */
function topLevelNames(program: Program): Set<string> {
  const out = new Set<string>();
  const pattern = (node: Node | null | undefined): void => {
    if (node == null) return;
    if (node.type === 'Identifier') out.add((node as unknown as { name: string }).name);
    else if (node.type === 'ObjectPattern') for (const p of (node as unknown as { properties: Node[] }).properties) pattern(p.type === 'Property' ? (p as unknown as { value: Node }).value : p);
    else if (node.type === 'ArrayPattern') for (const e of (node as unknown as { elements: (Node | null)[] }).elements) pattern(e);
    else if (node.type === 'RestElement') pattern((node as unknown as { argument: Node }).argument);
    else if (node.type === 'AssignmentPattern') pattern((node as unknown as { left: Node }).left);
  };
  for (const s of program.body) {
    const d = s.type === 'ExportNamedDeclaration' && s.declaration != null ? s.declaration : s;
    if (d.type === 'VariableDeclaration') for (const v of d.declarations) pattern(v.id);
    else if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id != null) out.add(d.id.name);
    else if (d.type === 'ImportDeclaration') for (const sp of d.specifiers) out.add(sp.local.name);
  }
  return out;
}

/** Keeps the newlines of the text it replaces, so that no later line moves. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Functions whose result is a handle, not something to look at. */
const NOT_SHOWN_CALLS = new Set(['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval']);

/** Console calls print by themselves; assignments are statements, not results; timer handles mean nothing. */
function showsValue(statement: Program['body'][number]): statement is ExpressionStatement {
  if (statement.type !== 'ExpressionStatement' || statement.directive !== undefined) return false;
  const e: Expression = statement.expression;
  if (e.type === 'AssignmentExpression' || e.type === 'UpdateExpression') return false;
  if (e.type === 'UnaryExpression' && (e.operator === 'void' || e.operator === 'delete')) return false;
  if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && e.callee.object.type === 'Identifier' && e.callee.object.name === 'console') return false;
  if (e.type === 'CallExpression' && e.callee.type === 'Identifier' && NOT_SHOWN_CALLS.has(e.callee.name)) return false;
  return true;
}

/** Every `import(...)` expression anywhere in the tree. */
function dynamicImports(node: Node, out: Node[] = []): Node[] {
  if (node.type === 'ImportExpression') out.push(node);
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const c of children) if (c != null && typeof c === 'object' && typeof (c as Node).type === 'string') dynamicImports(c as Node, out);
  }
  return out;
}

/**
 * Turns an example's TypeScript into the ES module that runs it (see the top of this file).
 *
 * @throws {ExampleSyntaxError} with the line, when the code does not parse.
 *
 * @example
 * ```ts
 * prepareExample("import { parse } from '@slope/symbolic';\nparse('x^2').toString();");
 * // const { console, setTimeout, … } = __slope.scope; const { "parse": parse } = __slope.imports("@slope/symbolic", ["parse"], 1);
 * // __slope.show((parse('x^2').toString()));
 * ```
 */
export function prepareExample(code: string): string {
  const js = stripTypes(code);
  const program = parseModule(js);
  const edits: Edit[] = [];
  const bindings: string[] = [];
  for (const statement of program.body) {
    const line = statement.loc?.start.line ?? 1;
    if (statement.type === 'ImportDeclaration') {
      bindings.push(importBinding(statement, line));
      edits.push({ at: statement.start, remove: statement.end - statement.start, insert: blank(js.slice(statement.start, statement.end)) });
    } else if (showsValue(statement)) {
      edits.push({ at: statement.expression.start, remove: 0, insert: '__slope.show((' });
      edits.push({ at: statement.expression.end, remove: 0, insert: '))' });
    }
  }
  for (const node of dynamicImports(program)) edits.push({ at: node.start, remove: 'import'.length, insert: '__slope.dynamicImport' });
  // Apply from the end; at one position a replacement goes before an insertion, so that an
  // insertion lands in front of the text replaced there.
  edits.sort((a, b) => b.at - a.at || b.remove - a.remove);
  let out = js;
  for (const e of edits) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  const declared = topLevelNames(program);
  const scoped = SCOPED_NAMES.filter((n) => !declared.has(n));
  if (scoped.length > 0) bindings.unshift(`const { ${scoped.join(', ')} } = __slope.scope;`);
  return `${bindings.join(' ')} ${out}`;
}
