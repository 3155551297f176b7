import { Tensor } from '../tensor.js';
import { TracerError, escapedTracerError, type TracedInfo } from '../tracer-error.js';
import { isDifferentiatedOutsideJit } from '../trace.js';
import { formatShape } from '../shape-error.js';
import type { PrimKind } from './primitives.js';

/** One recorded primitive application; inputs are node ids (always smaller than its own). */
export interface GraphNode {
  readonly kind: PrimKind;
  readonly inputs: readonly number[];
  readonly shape: readonly number[];
  readonly params: readonly number[];
}

/**
 * What a traced tensor points at: its graph and node, and the name of the public op that
 * made it (for error messages: `sum`, where the graph holds its primitives `sumTo`, `reshape`).
 */
export class TracedRef {
  label: string;

  constructor(readonly graph: Graph, readonly id: number) {
    this.label = (graph.nodes[id] as GraphNode).kind;
  }

  info(): TracedInfo {
    const node = this.graph.nodes[this.id] as GraphNode;
    return { owner: this.graph.owner, kind: this.label, shape: node.shape };
  }
}

/** Names the public op that produced `t` when it is traced; returns `t`. */
export function labelTraced(t: Tensor, op: string): Tensor {
  if (t._ref != null) t._ref.label = op;
  return t;
}

/** The placeholder data of traced tensors (they have none). */
const EMPTY = new Float64Array(0);

function scalarKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * The primitive ops one jit trace records, in execution order. Nodes are interned
 * (hash-consed): applying the same op to the same inputs twice gives the same node, which
 * is common-subexpression elimination for free — the n forward passes of a forward-mode
 * Jacobian collapse into one. Concrete tensors met while tracing become constants, copied
 * when first seen (values captured from the enclosing scope are frozen at trace time).
 */
export class Graph {
  readonly nodes: GraphNode[] = [];
  readonly constants: Float64Array[] = [];
  active = true;
  private readonly keys = new Map<string, number>();
  private readonly constantIndex = new Map<Float64Array | string, number>();

  constructor(readonly owner: string) {}

  /** A traced tensor for argument `k` of the traced function. */
  input(k: number, shape: readonly number[]): Tensor {
    const id = this.nodes.length;
    this.nodes.push({ kind: 'input', inputs: [], shape: [...shape], params: [k] });
    return new Tensor(EMPTY, shape, new TracedRef(this, id));
  }

  /** Records `kind` applied to `inputs` and returns its traced output of `shape`. */
  apply(kind: PrimKind, inputs: readonly Tensor[], shape: readonly number[], params: readonly number[] = []): Tensor {
    const ids = inputs.map((x) => this.idOf(x));
    return new Tensor(EMPTY, shape, new TracedRef(this, this.intern(kind, ids, shape, params)));
  }

  /** A new traced tensor object for the same node as `x` (identity and detach record nothing). */
  alias(x: Tensor): Tensor {
    return new Tensor(EMPTY, x.shape, new TracedRef(this, this.idOf(x)));
  }

  /** The node id of `x`: its own node when traced here, a constant node when concrete. */
  idOf(x: Tensor): number {
    const ref = x._ref;
    if (ref == null) return this.constant(x);
    if (ref.graph !== this || !ref.graph.active) throw escapedTracerError(ref.info(), this.owner);
    return ref.id;
  }

  private constant(x: Tensor): number {
    if (isDifferentiatedOutsideJit(x)) {
      throw new TracerError(
        `${this.owner}: f uses a tensor of shape ${formatShape(x.shape)} from the enclosing scope that an enclosing grad/jvp ` +
          'is differentiating; jit would freeze it as a constant and its derivative would be lost. Pass it to the jitted function as an argument.',
        'captured',
        'const',
      );
    }
    const data = x._data;
    const key = data.length === 1 ? scalarKey(data[0] as number) : data;
    let k = this.constantIndex.get(key);
    // A buffer changed since it was captured (code that mutates a scratch tensor between
    // ops) is a new constant, not the stale copy.
    if (k !== undefined && data.length !== 1 && !sameValues(this.constants[k] as Float64Array, data)) k = undefined;
    if (k === undefined) {
      k = this.constants.length;
      this.constants.push(data.slice());
      this.constantIndex.set(key, k);
    }
    return this.intern('const', [], x.shape, [k]);
  }

  private intern(kind: PrimKind, inputs: readonly number[], shape: readonly number[], params: readonly number[]): number {
    const key = `${kind}|${inputs.join(',')}|${params.join(',')}|${shape.join(',')}`;
    const found = this.keys.get(key);
    if (found !== undefined) return found;
    const id = this.nodes.length;
    this.nodes.push({ kind, inputs: [...inputs], shape: [...shape], params: [...params] });
    this.keys.set(key, id);
    return id;
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The graph recording an op on these inputs, or null when they are all concrete (the op
 * then runs eagerly). A traced input from a finished trace is an escaped tracer: error.
 */
export function tracing(a: Tensor, b?: Tensor, c?: Tensor): Graph | null {
  const g = graphOf(a, null);
  const h = b === undefined ? g : graphOf(b, g);
  return c === undefined ? h : graphOf(c, h);
}

/** {@link tracing} for a list of inputs. */
export function tracingAll(inputs: readonly Tensor[]): Graph | null {
  let g: Graph | null = null;
  for (const x of inputs) g = graphOf(x, g);
  return g;
}

function graphOf(x: Tensor, found: Graph | null): Graph | null {
  const ref = x._ref;
  if (ref == null) return found;
  if (!ref.graph.active || (found != null && found !== ref.graph)) {
    throw escapedTracerError(ref.info(), found?.owner ?? 'an op');
  }
  return ref.graph;
}
