import { Tensor } from '../tensor.js';
import { zeros } from '../create.js';
import { record } from '../trace.js';
import { vjp } from '../grad.js';
import { jvp } from '../jvp.js';
import { jit, type CompiledFunction } from './jit.js';

/**
 * `grad(jit(f))`, `jvp(jit(f), …)`: a jitted function called on tensors that a
 * transformation is differentiating runs its compiled forward code and records each
 * tensor output as one op whose rules are themselves jitted: the pullback of output k is
 * `jit((…xs, ct) => vjp(fₖ, …xs)[1](ct))` and its pushforward `jit((…xs, …ts) =>
 * jvp(fₖ, xs, ts)[1])`, where fₖ is f's k-th tensor output. They are created on first use
 * and, being jitted functions, compose again for higher orders.
 */

export interface OutputRules {
  pullback: ((...args: Tensor[]) => unknown) & { lower(...args: Tensor[]): CompiledFunction };
  pushforward: (...args: Tensor[]) => unknown;
}

/** The k-th tensor leaf of a result, in the order jit flattens it. */
function leaf(value: unknown, k: number): Tensor | undefined {
  let seen = 0;
  let found: Tensor | undefined;
  const visit = (v: unknown): void => {
    if (found !== undefined) return;
    if (v instanceof Tensor) {
      if (seen++ === k) found = v;
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v != null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)) {
      Object.values(v as Record<string, unknown>).forEach(visit);
    }
  };
  visit(value);
  return found;
}

function tensorsOf(value: unknown): Tensor[] {
  const out: Tensor[] = [];
  for (let k = 0; ; k++) {
    const t = leaf(value, k);
    if (t === undefined) return out;
    out.push(t);
  }
}

/**
 * Runs the compiled function (`execute`) and connects each tensor output to `tensors` (the
 * tensor arguments, in order) with jitted derivative rules, kept in `rules` (one list per
 * compiled signature, so they are traced once).
 */
export function differentiableCall(
  fname: string,
  f: (...xs: unknown[]) => unknown,
  args: readonly unknown[],
  statics: ReadonlySet<number>,
  tensors: readonly Tensor[],
  rules: (OutputRules | undefined)[],
  execute: () => unknown,
): unknown {
  const result = execute();
  const outputs = tensorsOf(result);
  const n = tensors.length;
  // f as a function of its tensor arguments only (static arguments as in this signature), returning output k.
  const staticArgs = args.map((a, i) => (statics.has(i) ? a : undefined));
  const output = (k: number) => (...xs: Tensor[]): Tensor => {
    let next = 0;
    const full = staticArgs.map((a, i) => (statics.has(i) ? a : xs[next++]));
    return leaf(f(...full), k) as Tensor;
  };
  const rulesFor = (k: number): OutputRules => {
    let r = rules[k];
    if (r === undefined) {
      const fk = output(k);
      r = {
        pullback: jit((...xs: Tensor[]) => vjp(fk, ...xs.slice(0, n))[1](xs[n] as Tensor)),
        pushforward: jit((...xs: Tensor[]) => jvp(fk, xs.slice(0, n), xs.slice(n))[1]),
      };
      rules[k] = r;
    }
    return r;
  };
  outputs.forEach((out, k) => {
    record(out, tensors, {
      op: fname,
      vjp: (ct, needs) => {
        const gs = rulesFor(k).pullback(...tensors, ct) as Tensor[];
        return gs.map((g, i) => (needs[i] ? g : null));
      },
      vjpRaw: (ct, needs) => {
        const pb = rulesFor(k).pullback;
        const ctTensor = new Tensor(ct, out.shape);
        const program = pb.lower(...tensors, ctTensor);
        const gs = program.run([...tensors.map((t) => t.data), ct]);
        return gs.map((g, i) => (needs[i] ? g : null));
      },
      jvp: (ts) => rulesFor(k).pushforward(...tensors, ...ts.map((t, i) => t ?? zeros((tensors[i] as Tensor).shape))) as Tensor,
    });
  });
  return result;
}
