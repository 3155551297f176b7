/**
 * Real-valued implementations of every function the package knows, shared by constant
 * folding, `evaluate` and the tests. Conventions follow mathjs on the reals (acot(x) =
 * atan(1/x), nthRoot of a negative number with an odd degree is real).
 */
export const REAL_FUNCTIONS: Readonly<Record<string, (...args: number[]) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x),
  cot: (x) => 1 / Math.tan(x),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  asec: (x) => Math.acos(1 / x),
  acsc: (x) => Math.asin(1 / x),
  acot: (x) => Math.atan(1 / x),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sech: (x) => 1 / Math.cosh(x),
  csch: (x) => 1 / Math.sinh(x),
  coth: (x) => 1 / Math.tanh(x),
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  asech: (x) => Math.acosh(1 / x),
  acsch: (x) => Math.asinh(1 / x),
  acoth: (x) => Math.atanh(1 / x),
  exp: Math.exp,
  expm1: Math.expm1,
  log: (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)),
  log10: Math.log10,
  log2: Math.log2,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  nthRoot: (x, n = 2) => {
    if (x < 0 && Number.isInteger(n) && Math.abs(n % 2) === 1) return -Math.pow(-x, 1 / n);
    return Math.pow(x, 1 / n);
  },
  abs: Math.abs,
  sign: Math.sign,
  atan2: Math.atan2,
};

/** How many arguments each function accepts: [min, max]. */
export const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  log: [1, 2],
  nthRoot: [1, 2],
  atan2: [2, 2],
};

export function arityOf(name: string): readonly [number, number] {
  return lookup(ARITY, name) ?? [1, 1];
}

/** Own-property lookup, so names like "toString" or "constructor" never hit Object.prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
