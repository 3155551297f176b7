/**
 * Argument checks shared by the transformations, so a wrong argument fails at once with
 * its name and position instead of deep inside (`f is not a function`, `args.map is not
 * a function`).
 */

/** Describes a bad value for an error message: `number 3`, `string "0"`, `a Tensor`, `null`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v == null) return 'null';
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'function') return 'a function';
  const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return ctor !== undefined && ctor !== 'Object' ? `a ${ctor}` : 'an object';
}

/** Throws a TypeError unless `f` is a function. */
export function checkFunction(where: string, what: string, f: unknown): asserts f is (...args: never[]) => unknown {
  if (typeof f !== 'function') throw new TypeError(`${where}: ${what} must be a function, got ${describeValue(f)}`);
}

/** Throws a TypeError unless `v` is an array (a list of arguments, primals, tangents…). */
export function checkArray(where: string, what: string, v: unknown, hint = ''): asserts v is readonly unknown[] {
  if (!Array.isArray(v)) throw new TypeError(`${where}: ${what} must be an array${hint}, got ${describeValue(v)}`);
}

/**
 * Reads an option that is one argument position or a list of them (`argnums`,
 * `staticArgnums`): non-negative integers, no repeats. The wrong type is a TypeError, a
 * bad or repeated position a RangeError, each naming the option.
 */
export function indexList(where: string, option: string, value: unknown): number[] {
  if (typeof value !== 'number' && !Array.isArray(value)) {
    throw new TypeError(`${where}: option ${option} must be an integer or an array of integers, got ${describeValue(value)}`);
  }
  const list: unknown[] = typeof value === 'number' ? [value] : [...(value as unknown[])];
  const seen = new Set<number>();
  for (const i of list) {
    if (typeof i !== 'number') {
      throw new TypeError(`${where}: option ${option} must be an integer or an array of integers, got an array containing ${describeValue(i)}`);
    }
    if (!Number.isInteger(i) || i < 0) {
      throw new RangeError(`${where}: option ${option} contains ${i}; expected non-negative integers (argument positions)`);
    }
    if (seen.has(i)) throw new RangeError(`${where}: option ${option} lists argument ${i} twice`);
    seen.add(i);
  }
  return list as number[];
}
