import { matrixShape, formatShape, type Matrix } from './matrix.js';
import { createNetwork, type NetworkParameters } from './backprop/network.js';
import { JACOBIAN_NAMES, type Jacobians } from './backprop/reference.js';
import { numberList } from './heights/grade.js';

/**
 * A learner's function failed while a trainer ran it: names the function and what it did.
 *
 * @example
 * ```ts
 * try { step(x, y, 155, 6, 2000); } catch (e) { if (e instanceof LearnerFunctionError) console.error(e.functionName, e.message); }
 * ```
 */
export class LearnerFunctionError extends Error {
  override readonly name: string = 'LearnerFunctionError';
  constructor(
    readonly functionName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${functionName}: ${message}`, options);
  }
}

function learnerFunction(impl: Readonly<Record<string, unknown>>, name: string): (...args: unknown[]) => unknown {
  if (impl == null || typeof impl !== 'object') throw new TypeError(`the learner's module must be an object of functions, got ${String(impl == null ? impl : typeof impl)}`);
  const fn = impl[name];
  if (typeof fn !== 'function') throw new LearnerFunctionError(name, fn === undefined ? 'is not exported by the module' : `is exported as ${fn == null ? String(fn) : typeof fn}, not a function`);
  return fn as (...args: unknown[]) => unknown;
}

function call(name: string, fn: (...args: unknown[]) => unknown, args: readonly unknown[]): unknown {
  try {
    return fn(...args);
  } catch (error) {
    throw new LearnerFunctionError(name, `threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The six Jacobians computed by the learner's functions, for a trainer: each function gets a
 * fresh network over `params`; every result is checked to be a finite matrix shaped like its
 * parameter.
 *
 * @throws LearnerFunctionError (at creation) when a function is missing; (per call) naming the
 *   function that threw or returned a wrong shape, NaN or Infinity.
 * @example
 * ```ts
 * const jacobians = backpropJacobians(await import('./my-backprop.mjs'));
 * const { J_W1, J_b1 } = jacobians(params, x, y);
 * ```
 */
export function backpropJacobians(impl: Readonly<Record<string, unknown>>): (params: NetworkParameters, x: Matrix, y: Matrix) => Jacobians {
  const fns = JACOBIAN_NAMES.map((name) => [name, learnerFunction(impl, name)] as const);
  return (params, x, y) => {
    const out: Partial<Record<(typeof JACOBIAN_NAMES)[number], Matrix>> = {};
    for (const [name, fn] of fns) {
      const got = call(name, fn, [createNetwork(params), x.map((r) => [...r]), y.map((r) => [...r])]);
      const param = params[`${name[2]}${name[3]}` as keyof NetworkParameters];
      const want = [param.length, param[0]?.length ?? 0];
      const shape = matrixShape(got);
      if (typeof shape === 'string') throw new LearnerFunctionError(name, `returned ${shape}; expected a ${formatShape(want)} matrix`);
      if (shape[0] !== want[0] || shape[1] !== want[1]) throw new LearnerFunctionError(name, `returned a ${formatShape(shape)} matrix; expected ${formatShape(want)}, shaped like ${name.slice(2)}`);
      const m = got as Matrix;
      m.forEach((row, i) => row.forEach((v, j) => {
        if (!Number.isFinite(v)) throw new LearnerFunctionError(name, `element [${i}, ${j}] is ${v}`);
      }));
      out[name] = m;
    }
    return out as Jacobians;
  };
}

/**
 * The learner's steepest_step for a fitting loop: `[dmu, dsig]`, checked to be two finite numbers.
 *
 * @throws LearnerFunctionError (at creation) when steepest_step is missing; (per call) when it
 *   throws or returns anything but two finite numbers.
 * @example
 * ```ts
 * const step = heightsStep(await import('./my-heights.mjs'));
 * const [dmu, dsig] = step(x, y, 155, 6, 2000);
 * ```
 */
export function heightsStep(impl: Readonly<Record<string, unknown>>): (x: readonly number[], y: readonly number[], mu: number, sig: number, aggression: number) => [number, number] {
  const fn = learnerFunction(impl, 'steepest_step');
  return (x, y, mu, sig, aggression) => {
    const list = numberList(call('steepest_step', fn, [[...x], [...y], mu, sig, aggression]));
    if (typeof list === 'string' || list.length !== 2) {
      throw new LearnerFunctionError('steepest_step', `returned ${typeof list === 'string' ? list : `${list.length} numbers`}; expected [dmu, dsig]`);
    }
    list.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new LearnerFunctionError('steepest_step', `${i === 0 ? 'dmu' : 'dsig'} is ${v}`);
    });
    return [list[0]!, list[1]!];
  };
}
