// How an example's values read on the reference pages. One formatter serves both places an
// example runs (Node at page generation, a Web Worker in the page), so the text a reader gets
// from pressing Run is the text the page was generated with. It never prints constructor or
// function names of library code: the site's bundle minifies them, Node does not.

const WIDTH = 76;
const MAX_DEPTH = 4;
const MAX_ITEMS = 24;
const MAX_STRING = 2000;

/**
 * A value as the output panel shows it, close to Node's `util.inspect`: strings quoted,
 * arrays and objects on one line while they fit in 76 columns, typed arrays with their
 * length, objects with a custom `toString` (expressions, tensors) by that string, long
 * arrays and deep nesting elided.
 *
 * @example
 * ```ts
 * formatValue({ x: new Float64Array([1, 2]), ok: true }); // '{ x: Float64Array(2) [1, 2], ok: true }'
 * ```
 */
export function formatValue(value: unknown): string {
  return format(value, 0, 0, new Set());
}

/**
 * The line `console.log(...args)` prints: strings as they are, other values formatted,
 * separated by spaces.
 *
 * @example
 * ```ts
 * formatLogArgs(['x =', 2, 'y']); // 'x = 2 y'
 * ```
 */
export function formatLogArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ');
}

function quote(s: string): string {
  const shown = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s;
  let escaped = '';
  for (const c of shown) {
    const code = c.charCodeAt(0);
    if (c === '\\') escaped += '\\\\';
    else if (c === "'") escaped += "\\'";
    else if (c === '\n') escaped += '\\n';
    else if (c === '\r') escaped += '\\r';
    else if (c === '\t') escaped += '\\t';
    else if (code < 0x20) escaped += `\\x${code.toString(16).padStart(2, '0')}`;
    else escaped += c;
  }
  return `'${escaped}'`;
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function tagOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** A `toString` that some class (not Object itself) defines, as expressions and tensors do. */
function customToString(value: object): (() => string) | undefined {
  for (let p: unknown = Object.getPrototypeOf(value); p != null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const own = Object.getOwnPropertyDescriptor(p, 'toString');
    if (own !== undefined && typeof own.value === 'function') return own.value as () => string;
  }
  return undefined;
}

/** Items on one line when they fit, one per line (indented) when they do not. */
function group(open: string, items: readonly string[], close: string, indent: number, column: number): string {
  if (items.length === 0) return `${open}${close}`.replace(/\s+/g, '');
  const line = `${open}${items.join(', ')}${close}`;
  if (!line.includes('\n') && column + indent + line.length <= WIDTH) return line;
  const pad = '  '.repeat(indent + 1);
  return `${open.trimEnd()}\n${items.map((i) => pad + i).join(',\n')}\n${'  '.repeat(indent)}${close.trimStart()}`;
}

function format(value: unknown, depth: number, indent: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string': return quote(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'boolean': return String(value);
    case 'undefined': return 'undefined';
    case 'symbol': return value.toString();
    case 'function': return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? '[class]' : '[Function]';
  }
  if (value == null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Promise) return 'Promise { … }';
  const tag = tagOf(obj);
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const typed = obj as unknown as ArrayLike<number | bigint>;
    return `${tag}(${typed.length}) ${list(obj, Array.from(typed), depth, indent, seen, '[', ']')}`;
  }
  if (Array.isArray(obj)) return list(obj, obj, depth, indent, seen, '[', ']');
  if (obj instanceof Map) {
    if (depth >= MAX_DEPTH) return '[Map]';
    seen.add(obj);
    const items = Array.from(obj.entries()).slice(0, MAX_ITEMS).map(([k, v]) => `${format(k, depth + 1, indent + 1, seen)} => ${format(v, depth + 1, indent + 1, seen)}`);
    if (obj.size > MAX_ITEMS) items.push(`… ${obj.size - MAX_ITEMS} more`);
    seen.delete(obj);
    return `Map(${obj.size}) ${group('{ ', items, ' }', indent, 0)}`;
  }
  if (obj instanceof Set) return `Set(${obj.size}) ${list(obj, Array.from(obj), depth, indent, seen, '{ ', ' }')}`;
  const own = customToString(obj);
  if (own !== undefined) return String(own.call(obj));
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(obj);
  const entries = Object.entries(obj);
  const items = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${key(k)}: ${format(v, depth + 1, indent + 1, seen)}`);
  if (entries.length > MAX_ITEMS) items.push(`… ${entries.length - MAX_ITEMS} more`);
  seen.delete(obj);
  return group('{ ', items, ' }', indent, 0);
}

function list(owner: object, values: readonly unknown[], depth: number, indent: number, seen: Set<object>, open: string, close: string): string {
  if (depth >= MAX_DEPTH) return open.trim() === '[' ? '[Array]' : '[Set]';
  seen.add(owner);
  const items = values.slice(0, MAX_ITEMS).map((v) => format(v, depth + 1, indent + 1, seen));
  if (values.length > MAX_ITEMS) items.push(`… ${values.length - MAX_ITEMS} more`);
  seen.delete(owner);
  return group(open, items, close, indent, 0);
}
