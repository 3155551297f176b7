import type { FunctionResult } from './report.js';

/** What calling a learner's function gave: its value, or the result that ends its grading. */
export type CallOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly result: FunctionResult };

const NOT_WRITTEN = /not written yet/i;

/**
 * Calls the learner's `name` from `impl` with `args`, turning every way it can go wrong before
 * returning a value into a clear result: missing, not a function, still the starter's
 * "not written yet", any other throw (with `hintFor` diagnosing it when it can), a Promise.
 */
export function callLearner(
  name: string,
  signature: string,
  impl: Readonly<Record<string, unknown>>,
  args: readonly unknown[],
  hintFor: (error: unknown) => string | undefined,
): CallOutcome {
  const fn = impl[name];
  if (fn === undefined) {
    return { ok: false, result: { name, status: 'not-written', message: `${name} is not exported by the module: write export function ${name}${signature} { … }` } };
  }
  if (typeof fn !== 'function') {
    return { ok: false, result: { name, status: 'error', message: `${name} is exported as ${fn == null ? String(fn) : typeof fn}, not a function: write export function ${name}${signature} { … }` } };
  }
  let value: unknown;
  try {
    value = (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NOT_WRITTEN.test(message)) {
      return { ok: false, result: { name, status: 'not-written', message: `${name} is not written yet (it still throws "${message}")` } };
    }
    const kind = error instanceof Error ? error.name : 'a value';
    const hint = hintFor(error) ?? genericThrowHint(message);
    return { ok: false, result: { name, status: 'error', message: `${name} threw ${kind}: ${message}`, ...(hint === undefined ? {} : { hint }) } };
  }
  if (value != null && typeof (value as { then?: unknown }).then === 'function') {
    return { ok: false, result: { name, status: 'shape', message: `${name} returned a Promise: a graded function returns its value directly (no async, no await)` } };
  }
  return { ok: true, value };
}

function genericThrowHint(message: string): string | undefined {
  if (/undefined|null|not a function|not iterable/i.test(message)) {
    return 'something used here is undefined: check every name against the starter file\'s header comment, and that every function returns its value';
  }
  return undefined;
}
