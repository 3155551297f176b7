import type { Tensor } from './tensor.js';

/**
 * One active transformation: a reverse trace (inside `grad`/`vjp`) records a graph, a
 * forward trace (inside `jvp`) carries tangents. Ids grow with nesting, so a larger id
 * is an inner (or later) transformation; `parent` is the reverse trace that enclosed
 * this one, which is where a finished trace's tensors report their dependence to.
 */
export interface Trace {
  readonly id: number;
  readonly kind: 'reverse' | 'forward';
  readonly parent: Trace | null;
  active: boolean;
}

/**
 * The local derivative of one op application, kept beside its forward computation.
 * `vjp` maps the output cotangent to input cotangents with Tensor ops (so it can itself
 * be differentiated); `vjpRaw` is the optional first-order fast path on plain buffers
 * (it may overwrite `ct` only when `ctPrivate` says the sweep owns it exclusively);
 * `jvp` maps input tangents (null = zero) to the output tangent.
 */
export interface Rule {
  readonly op: string;
  vjp(ct: Tensor, needs: readonly boolean[]): (Tensor | null)[];
  vjpRaw?(ct: Float64Array, needs: readonly boolean[], ctPrivate: boolean): (Float64Array | null)[];
  jvp(tangents: readonly (Tensor | null)[]): Tensor;
}

export interface GraphNode {
  readonly inputs: readonly Tensor[];
  readonly rule: Rule;
}

export interface Tangent {
  readonly trace: Trace;
  readonly value: Tensor;
}

/**
 * The only module-level mutable state: the stack of active transformations, the id
 * counter that orders them, the noGrad depth, the "ceiling" that hides traces while
 * a forward rule of an outer trace computes its tangent, and how many jit traces are
 * running. Every transformation restores it in a `finally`, so an exception inside `f`
 * leaves it as it was.
 */
const state = {
  nextId: 1,
  stack: [] as Trace[],
  noGradDepth: 0,
  ceiling: Number.POSITIVE_INFINITY,
  jitDepth: 0,
  /** Transformations with smaller ids were started outside the innermost jit trace. */
  jitFloor: 0,
};

function visible(t: Trace): boolean {
  return t.active && t.id < state.ceiling;
}

/** The innermost visible reverse trace a tensor tagged `t` depends on, or null. */
export function resolveTrace(t: Trace | null): Trace | null {
  let cur = t;
  while (cur != null && !visible(cur)) cur = cur.parent;
  return cur;
}

export function pushTrace(kind: 'reverse' | 'forward'): Trace {
  let parent: Trace | null = null;
  for (let i = state.stack.length - 1; i >= 0; i--) {
    const t = state.stack[i] as Trace;
    if (t.kind === 'reverse') {
      parent = t;
      break;
    }
  }
  const trace: Trace = { id: state.nextId++, kind, parent, active: true };
  state.stack.push(trace);
  return trace;
}

export function popTrace(trace: Trace): void {
  trace.active = false;
  const i = state.stack.lastIndexOf(trace);
  if (i >= 0) state.stack.splice(i, 1);
}

/** True when no transformation (and no jit trace) is active: backward may use plain buffers. */
export function isOutermost(): boolean {
  return state.stack.length === 0 && state.jitDepth === 0;
}

/** True while jit traces a function (a jitted function called then is inlined). */
export function isJitTracing(): boolean {
  return state.jitDepth > 0;
}

/**
 * Runs `fn` as a jit trace: buffer-level fast paths are off, since traced tensors have no
 * values, and the trace starts a fresh transformation context — traced tensors carry
 * nothing of the enclosing transformations, so transformations inside `fn` (a jitted
 * derivative rule runs jvp/vjp) must not be hidden or parented by the outer ones.
 */
export function withJitTracing<T>(fn: () => T): T {
  const { stack, ceiling, jitFloor } = state;
  state.jitDepth++;
  state.stack = [];
  state.ceiling = Number.POSITIVE_INFINITY;
  state.jitFloor = state.nextId;
  try {
    return fn();
  } finally {
    state.jitDepth--;
    state.stack = stack;
    state.ceiling = ceiling;
    state.jitFloor = jitFloor;
  }
}

/**
 * True when a transformation started outside the current jit trace is differentiating `t`
 * (transformations inside the trace handle their own tensors through their rules).
 */
export function isDifferentiatedOutsideJit(t: Tensor): boolean {
  const reverse = resolveTrace(t._trace);
  if (reverse != null && reverse.id < state.jitFloor) return true;
  const forward = visibleForwardTraces([t]);
  return forward != null && forward.some((trace) => trace.id < state.jitFloor);
}

/** Runs `fn` with recording on or off, restoring the previous setting afterwards. */
export function withNoGrad<T>(fn: () => T): T {
  state.noGradDepth++;
  try {
    return fn();
  } finally {
    state.noGradDepth--;
  }
}

/** Runs `fn` with recording enabled even inside noGrad (transformations re-enable it). */
export function withRecording<T>(fn: () => T): T {
  const saved = state.noGradDepth;
  state.noGradDepth = 0;
  try {
    return fn();
  } finally {
    state.noGradDepth = saved;
  }
}

/** The tangent of `t` for forward trace `trace`, or null (a zero tangent). */
export function tangentOf(t: Tensor, trace: Trace): Tensor | null {
  const list = t._tangents;
  if (list == null) return null;
  for (const entry of list) if (entry.trace === trace) return entry.value;
  return null;
}

export function attachTangent(t: Tensor, trace: Trace, value: Tensor): void {
  if (t._tangents == null) t._tangents = [{ trace, value }];
  else t._tangents.push({ trace, value });
}

function visibleForwardTraces(inputs: readonly Tensor[]): Trace[] | null {
  let found: Trace[] | null = null;
  for (const x of inputs) {
    const list = x._tangents;
    if (list == null) continue;
    for (const { trace } of list) {
      if (!visible(trace)) continue;
      if (found == null) found = [trace];
      else if (!found.includes(trace)) found.push(trace);
    }
  }
  return found;
}

/**
 * Connects a freshly computed `out` to the active transformations: a graph node for the
 * innermost reverse trace its inputs depend on, and a tangent for every forward trace
 * present. Tangents are computed outer trace first, and while a trace's rule runs that
 * trace and every inner one are hidden, so tangent arithmetic never carries its own
 * perturbation (no perturbation confusion, no infinite regress).
 */
export function record(out: Tensor, inputs: readonly Tensor[], rule: Rule): Tensor {
  if (state.noGradDepth > 0) return out;
  let reverse: Trace | null = null;
  for (const x of inputs) {
    const t = resolveTrace(x._trace);
    if (t != null && (reverse == null || t.id > reverse.id)) reverse = t;
  }
  if (reverse != null) {
    out._origin = { inputs, rule };
    out._trace = reverse;
  }
  const forward = visibleForwardTraces(inputs);
  if (forward != null) {
    forward.sort((p, q) => p.id - q.id);
    for (const trace of forward) {
      const tangents = inputs.map((x) => tangentOf(x, trace));
      const saved = state.ceiling;
      state.ceiling = Math.min(saved, trace.id);
      let value: Tensor;
      try {
        value = rule.jvp(tangents);
      } finally {
        state.ceiling = saved;
      }
      attachTangent(out, trace, value);
    }
  }
  return out;
}
