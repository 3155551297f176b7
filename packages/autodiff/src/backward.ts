import { Tensor } from './tensor.js';
import { add } from './ops/binary.js';
import { zeros } from './create.js';
import { isOutermost } from './trace.js';

/**
 * Inputs-before-outputs order of the tensors between `root` and the leaves, by an
 * explicit-stack depth-first search (a 100,000-op chain would overflow recursion).
 */
function topologicalOrder(root: Tensor, expandable: (t: Tensor) => boolean): Tensor[] {
  const order: Tensor[] = [];
  if (!expandable(root)) return order;
  const visited = new Set<Tensor>([root]);
  const stack: Tensor[] = [root];
  const next: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const t = stack[top] as Tensor;
    const inputs = (t._origin as NonNullable<Tensor['_origin']>).inputs;
    const i = next[top] as number;
    if (i < inputs.length) {
      next[top] = i + 1;
      const child = inputs[i] as Tensor;
      if (!visited.has(child) && expandable(child)) {
        visited.add(child);
        stack.push(child);
        next.push(0);
      }
    } else {
      stack.pop();
      next.pop();
      order.push(t);
    }
  }
  return order;
}

/**
 * Reverse sweep from `root` (seeded with cotangent `seed`) to `leaves`, visiting only
 * nodes recorded by trace `minId` or inner traces. Cotangents accumulate (+=), so a
 * value used twice receives both contributions; they live in a map local to this call
 * and are dropped as soon as a node is processed, so nothing outlives the sweep.
 *
 * When no transformation encloses this one the sweep is first-order only: fused
 * `vjpRaw` rules run on plain buffers and sums are done in place on buffers this sweep
 * allocated. Otherwise every rule builds Tensors through the ops, so the gradient is
 * itself differentiable (higher order, forward-over-reverse).
 */
export function backward(root: Tensor, seed: Tensor, leaves: readonly Tensor[], minId: number): Tensor[] {
  const leafSet = new Set(leaves);
  const expandable = (t: Tensor): boolean =>
    t._origin != null && !leafSet.has(t) && t._trace != null && t._trace.id >= minId;
  const order = topologicalOrder(root, expandable);
  const fast = isOutermost();
  const grads = new Map<Tensor, Tensor>();
  // Entries whose buffer this sweep allocated and nobody else references: they may be
  // summed into in place and handed to rules as scratch space.
  const owned = new Set<Tensor>();

  const accumulate = (t: Tensor, g: Tensor, fresh: boolean): void => {
    const prev = grads.get(t);
    if (prev === undefined) {
      grads.set(t, g);
      if (fresh) owned.add(t);
    } else if (!fast) {
      grads.set(t, add(prev, g));
    } else if (owned.has(t) || fresh) {
      const [into, from] = owned.has(t) ? [prev.data, g.data] : [g.data, prev.data];
      for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
      if (!owned.has(t)) {
        grads.set(t, g);
        owned.add(t);
      }
    } else {
      const p = prev.data;
      const q = g.data;
      const s = new Float64Array(p.length);
      for (let i = 0; i < p.length; i++) s[i] = (p[i] as number) + (q[i] as number);
      grads.set(t, new Tensor(s, t.shape));
      owned.add(t);
    }
  };

  accumulate(root, seed, false);
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k] as Tensor;
    const ct = grads.get(t);
    if (ct === undefined) continue;
    grads.delete(t);
    const ctPrivate = owned.delete(t);
    const { inputs, rule } = t._origin as NonNullable<Tensor['_origin']>;
    const needs = inputs.map((x) => leafSet.has(x) || expandable(x));
    if (fast && rule.vjpRaw !== undefined) {
      const raw = rule.vjpRaw(ct.data, needs, ctPrivate);
      raw.forEach((g, i) => {
        if (g == null || !needs[i]) return;
        // A buffer stays exclusive when it is new (or the exclusive cotangent, reused in
        // place) and is handed to one input only.
        const fresh = (g !== ct.data || ctPrivate) && raw.indexOf(g) === i && raw.lastIndexOf(g) === i;
        accumulate(inputs[i] as Tensor, new Tensor(g, (inputs[i] as Tensor).shape), fresh);
      });
    } else {
      const contributions = rule.vjp(ct, needs);
      contributions.forEach((g, i) => {
        if (g != null && needs[i]) accumulate(inputs[i] as Tensor, g, false);
      });
    }
  }
  return leaves.map((leaf) => {
    const g = grads.get(leaf);
    if (g === undefined) return zeros(leaf.shape);
    // Rules may pass a cotangent buffer through unchanged, so hand out private copies.
    if (fast && !owned.has(leaf)) return new Tensor(g.data.slice(), leaf.shape);
    return g;
  });
}
