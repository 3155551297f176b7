/** Option validation shared by every method; messages name the method, the option and the value. */

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value == null || value === undefined) return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `an array of length ${(value as ArrayLike<unknown>).length}`;
  return typeof value;
}

export function positiveNumber(method: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${method}: option "${name}" must be a positive finite number, got ${show(value)}`);
  }
  return value;
}

export function nonNegativeNumber(method: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${method}: option "${name}" must be a non-negative finite number, got ${show(value)}`);
  }
  return value;
}

export function unitInterval(method: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${method}: option "${name}" must be a number in [0, 1), got ${show(value)}`);
  }
  return value;
}

export function positiveInteger(method: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${method}: option "${name}" must be a positive integer, got ${show(value)}`);
  }
  return value;
}

/** The `historyLimit` option: an integer of at least 2 (the start and the latest state). */
export function historyLimit(method: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 2) {
    throw new RangeError(`${method}: option "historyLimit" must be an integer of at least 2, got ${show(value)}`);
  }
  return value;
}

export function nonNegativeInteger(method: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${method}: option "${name}" must be a non-negative integer, got ${show(value)}`);
  }
  return value;
}

export function oneOf<T extends string>(method: string, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${method}: option "${name}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(value)}`,
    );
  }
  return value as T;
}

export function booleanOption(method: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${method}: option "${name}" must be true or false, got ${show(value)}`);
  return value;
}

export function optionalFunction<F>(method: string, name: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new TypeError(`${method}: option "${name}" must be a function, got ${show(value)}`);
  return value as F;
}

export function requireFunction(method: string, name: string, value: unknown): void {
  if (typeof value !== 'function') throw new TypeError(`${method}: argument "${name}" must be a function, got ${show(value)}`);
}

/** A finite starting vector, copied so the caller's array is never mutated. */
export function startVector(method: string, name: string, value: unknown): Float64Array {
  const isArrayLike = Array.isArray(value) || value instanceof Float64Array || value instanceof Float32Array;
  if (!isArrayLike) {
    throw new TypeError(`${method}: argument "${name}" must be an array of numbers, got ${show(value)}`);
  }
  const arr = value as ArrayLike<unknown>;
  if (arr.length === 0) throw new RangeError(`${method}: argument "${name}" must not be empty`);
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${method}: argument "${name}" must be finite, got ${show(v)} at index ${i}`);
    }
    out[i] = v;
  }
  return out;
}

export function finiteScalar(method: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${method}: argument "${name}" must be a finite number, got ${show(value)}`);
  }
  return value;
}

/** Throws when a supplied vector (gradient, residuals, sigma…) has the wrong length. */
export function checkLength(method: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new RangeError(`${method}: ${what} has length ${actual}, expected ${expected} (dimension mismatch)`);
  }
}
