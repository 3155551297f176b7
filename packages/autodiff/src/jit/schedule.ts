import { contiguousStrides, sameShape, sizeOf } from '../shape.js';
import type { Graph, GraphNode } from './graph.js';
import { isElementwise, type ElementwiseKind } from './primitives.js';

/**
 * Turns a traced graph into a program of a few kinds of units, all plain data (numbers and
 * op kinds from the primitive table), which `codegen.ts` prints as JS:
 *
 * - `loop`: one loop nest over an iteration shape computing a fused group of elementwise
 *   ops in registers, storing only the values used outside the group, and accumulating
 *   reductions (`sumTo`) in the same pass;
 * - `gemm`: a (batched) matrix product through strides, so transposes are never copied;
 * - `fill`: a constant fill (the zero background of `flatPad`).
 *
 * Views (reshape, contiguous slices, transposes) cost nothing: they are offsets and strides
 * into another node's buffer. Buffers are planned once: scratch buffers are reused when
 * their values are dead, and results are written straight into the caller's output buffers.
 */

export type Space = 'in' | 'const' | 'scratch' | 'out';

/** A buffer the program reads or writes: argument, constant, scratch or output number `index`. */
export interface BufferRef {
  readonly space: Space;
  readonly index: number;
}

/** Reading or writing element (j₀, j₁, …) of a loop nest at `off + Σ jᵈ·strides[d]`. */
export interface Access {
  readonly buf: BufferRef;
  readonly off: number;
  readonly strides: readonly number[];
}

export type Operand =
  | { readonly kind: 'literal'; readonly value: number }
  | { readonly kind: 'local'; readonly id: number }
  | { readonly kind: 'read'; readonly index: number };

export interface Member {
  readonly id: number;
  readonly op: ElementwiseKind;
  readonly args: readonly Operand[];
}

export interface LoopUnit {
  readonly kind: 'loop';
  /** Merged iteration dimensions (each > 1); empty for a single element, null when there is no element. */
  readonly dims: readonly number[] | null;
  readonly reads: readonly Access[];
  readonly members: readonly Member[];
  /** Member values written out element by element. */
  readonly stores: readonly { readonly value: Operand; readonly access: Access }[];
  /** Reductions: `value` summed into `access` (strides 0 along the summed dimensions), a buffer of `size`. */
  readonly sinks: readonly { readonly value: Operand; readonly access: Access; readonly size: number }[];
}

export interface GemmUnit {
  readonly kind: 'gemm';
  /** Merged batch dimensions; the three accesses step through them. */
  readonly dims: readonly number[];
  readonly a: Access;
  readonly b: Access;
  readonly c: Access;
  /** A(i,p) = a[… + i·ai + p·ap], B(p,j) = b[… + p·bp + j·bj]. */
  readonly ai: number;
  readonly ap: number;
  readonly bp: number;
  readonly bj: number;
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

export interface FillUnit {
  readonly kind: 'fill';
  readonly buf: BufferRef;
  readonly off: number;
  readonly size: number;
  readonly value: number;
}

export type Unit = LoopUnit | GemmUnit | FillUnit;

export interface Program {
  readonly inputSizes: readonly number[];
  readonly outputSizes: readonly number[];
  readonly constants: readonly Float64Array[];
  readonly scratchSizes: readonly number[];
  readonly units: readonly Unit[];
}

/** Where a node's values live: a buffer with offset and strides (per node dimension), and a literal when uniform. */
interface Layout {
  readonly buf: BufferRef;
  readonly off: number;
  readonly strides: readonly number[];
  readonly literal: number | null;
}

interface Group {
  readonly index: number;
  readonly shape: readonly number[];
  readonly members: number[];
  readonly sinks: number[];
  readonly memberSet: Set<number>;
  /** Copies (materialised transposes, outputs): target node, source node, and the axis permutation to read it with. */
  readonly copies: [number, number, readonly number[] | null][];
}

/** Groups stop growing here, to keep generated functions small enough for the optimising compiler. */
const MAX_GROUP = 400;

const isView = (n: GraphNode): boolean => n.kind === 'reshape' || n.kind === 'flatSlice' || n.kind === 'transpose';

/**
 * Plans the program computing `outputs` (node ids) from the graph's inputs. `uniform`
 * gives the value of constants whose elements are all equal (read as literals).
 */
export function schedule(graph: Graph, outputs: readonly number[], inputCount: number, uniform: ReadonlyMap<number, number>): Program {
  const nodes = graph.nodes;
  const count = nodes.length;

  // Liveness: everything an output depends on (ids are topologically ordered).
  const live = new Uint8Array(count);
  for (const o of outputs) live[o] = 1;
  for (let id = count - 1; id >= 0; id--) {
    if (live[id] === 0) continue;
    for (const x of (nodes[id] as GraphNode).inputs) live[x] = 1;
  }

  // Transposes read through strides unless a consumer needs contiguous values.
  const materialize = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    const n = nodes[id] as GraphNode;
    if (live[id] === 0) continue;
    if (n.kind === 'reshape' || n.kind === 'flatSlice') {
      const src = n.inputs[0] as number;
      if ((nodes[src] as GraphNode).kind === 'transpose') materialize[src] = 1;
    }
  }
  const viewNode = (id: number): boolean => isView(nodes[id] as GraphNode) && materialize[id] === 0;
  const baseOf = new Int32Array(count);
  for (let id = 0; id < count; id++) baseOf[id] = viewNode(id) ? (baseOf[(nodes[id] as GraphNode).inputs[0] as number] as number) : id;

  // Fusion: elementwise nodes join the group of one of their operands when the loop shapes
  // agree and every other operand is complete before that group runs; sums join the group
  // of their operand as reductions. Units run in creation order.
  const unitOf = new Int32Array(count).fill(-1);
  const groups: (Group | { index: number; node: number })[] = [];
  const ready = (x: number): number => {
    const b = baseOf[x] as number;
    const kind = (nodes[b] as GraphNode).kind;
    return kind === 'input' || kind === 'const' ? -1 : (unitOf[b] as number);
  };
  const newGroup = (shape: readonly number[]): Group => {
    const g: Group = { index: groups.length, shape, members: [], sinks: [], memberSet: new Set(), copies: [] };
    groups.push(g);
    return g;
  };
  // The latest loop group of each shape: independent ops of that shape can share its loop.
  const latestOfShape = new Map<string, Group>();
  const canJoin = (g: Group, inputs: readonly number[]): boolean =>
    g.members.length < MAX_GROUP && inputs.every((y) => g.memberSet.has(y) || ready(y) < g.index);
  for (let id = 0; id < count; id++) {
    if (live[id] === 0) continue;
    const n = nodes[id] as GraphNode;
    if (n.kind === 'input' || n.kind === 'const' || viewNode(id)) continue;
    if (isElementwise(n.kind)) {
      let joined: Group | null = null;
      for (const x of n.inputs) {
        const u = unitOf[x] as number;
        if (u < 0) continue;
        const g = groups[u] as Group;
        if (!('members' in g) || !g.memberSet.has(x) || !sameShape(g.shape, n.shape)) continue;
        if (canJoin(g, n.inputs)) {
          joined = g;
          break;
        }
      }
      const sibling = latestOfShape.get(n.shape.join(','));
      if (joined == null && sibling !== undefined && canJoin(sibling, n.inputs)) joined = sibling;
      const g = joined ?? newGroup(n.shape);
      latestOfShape.set(n.shape.join(','), g);
      g.members.push(id);
      g.memberSet.add(id);
      unitOf[id] = g.index;
    } else if (n.kind === 'sumTo') {
      const x = n.inputs[0] as number;
      const u = unitOf[x] as number;
      const owner = u >= 0 ? groups[u] : undefined;
      const xShape = (nodes[x] as GraphNode).shape;
      const sibling = latestOfShape.get(xShape.join(','));
      const g = owner !== undefined && 'members' in owner && owner.memberSet.has(x)
        ? owner
        : sibling !== undefined && canJoin(sibling, [x]) ? sibling : newGroup(xShape);
      latestOfShape.set(xShape.join(','), g);
      g.sinks.push(id);
      unitOf[id] = g.index;
    } else if (n.kind === 'transpose') {
      const g = newGroup(n.shape);
      g.copies.push([id, n.inputs[0] as number, n.params]);
      unitOf[id] = g.index;
    } else {
      unitOf[id] = groups.length;
      groups.push({ index: groups.length, node: id });
    }
  }

  // Which computed values need a buffer: those read outside their own group.
  const stored = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    if (live[id] === 0) continue;
    const n = nodes[id] as GraphNode;
    const u = unitOf[id] as number;
    for (const x of n.inputs) {
      if (viewNode(x)) {
        stored[baseOf[x] as number] = 1;
        continue;
      }
      const ux = unitOf[x] as number;
      if (ux < 0) continue;
      const gx = groups[ux] as Group;
      const inside = 'members' in gx && ux === u && isElementwise(n.kind) && gx.memberSet.has(x);
      const sunk = 'members' in gx && ux === u && n.kind === 'sumTo' && gx.memberSet.has(x);
      if (!inside && !sunk) stored[x] = 1;
    }
    if (u >= 0 && !('members' in (groups[u] as Group))) stored[id] = 1;
    if (n.kind === 'sumTo' || (n.kind === 'transpose' && materialize[id] === 1)) stored[id] = 1;
  }

  // Outputs: a computed value (or a whole reshape of one) is written straight into its output
  // buffer; anything else (arguments, constants, slices, duplicates) is copied at the end.
  const storage = new Map<number, BufferRef>();
  const outputCopies: [number, number][] = [];
  outputs.forEach((o, k) => {
    const b = baseOf[o] as number;
    const bn = nodes[b] as GraphNode;
    const whole = !viewNode(o) || (isWholeReshape(nodes, o, b) && sizeOf(bn.shape) === sizeOf((nodes[o] as GraphNode).shape));
    if (whole && bn.kind !== 'input' && bn.kind !== 'const' && !storage.has(b)) {
      storage.set(b, { space: 'out', index: k });
      stored[b] = 1;
    } else {
      outputCopies.push([k, o]);
      stored[b] = 1;
    }
  });

  // Scratch buffers, reused once every reader of a value has run.
  const lastUse = new Int32Array(count).fill(-1);
  for (let id = 0; id < count; id++) {
    if (live[id] === 0) continue;
    const u = unitOf[id] as number;
    for (const x of (nodes[id] as GraphNode).inputs) {
      const b = baseOf[x] as number;
      const at = u >= 0 ? u : (lastUse[id] as number);
      if (at > (lastUse[b] as number)) lastUse[b] = at;
    }
  }
  for (const [, o] of outputCopies) lastUse[baseOf[o] as number] = groups.length;
  const scratchSizes: number[] = [];
  const free = new Map<number, number[]>();
  const definedBy: number[][] = groups.map(() => []);
  const diesAfter: number[][] = groups.map(() => []);
  for (let id = 0; id < count; id++) {
    if (live[id] === 0 || stored[id] === 0 || storage.has(id)) continue;
    const u = unitOf[id] as number;
    if (u < 0) continue;
    definedBy[u]?.push(id);
    const last = Math.max(u, lastUse[id] as number);
    if (last < groups.length) diesAfter[last]?.push(id);
  }
  for (let u = 0; u < groups.length; u++) {
    for (const id of definedBy[u] as number[]) {
      const size = sizeOf((nodes[id] as GraphNode).shape);
      const pool = free.get(size);
      const index = pool !== undefined && pool.length > 0 ? (pool.pop() as number) : scratchSizes.push(size) - 1;
      storage.set(id, { space: 'scratch', index });
    }
    for (const id of diesAfter[u] as number[]) {
      const ref = storage.get(id) as BufferRef;
      if (ref.space !== 'scratch') continue;
      const size = sizeOf((nodes[id] as GraphNode).shape);
      const pool = free.get(size) ?? [];
      pool.push(ref.index);
      free.set(size, pool);
    }
  }

  // Layouts.
  const layouts: (Layout | null)[] = new Array<Layout | null>(count).fill(null);
  const layoutOf = (id: number): Layout => {
    const l = layouts[id];
    if (l == null) throw new Error(`jit: internal error, node ${id} (${(nodes[id] as GraphNode).kind}) has no buffer`);
    return l;
  };
  for (let id = 0; id < count; id++) {
    if (live[id] === 0) continue;
    const n = nodes[id] as GraphNode;
    const own = contiguousStrides(n.shape);
    if (n.kind === 'input') {
      layouts[id] = { buf: { space: 'in', index: n.params[0] as number }, off: 0, strides: own, literal: null };
    } else if (n.kind === 'const') {
      const k = n.params[0] as number;
      layouts[id] = { buf: { space: 'const', index: k }, off: 0, strides: own, literal: uniform.get(k) ?? null };
    } else if (viewNode(id)) {
      const src = layouts[n.inputs[0] as number];
      if (src == null) continue;
      if (n.kind === 'transpose') {
        layouts[id] = { buf: src.buf, off: src.off, strides: n.params.map((p) => src.strides[p] as number), literal: src.literal };
      } else {
        const start = n.kind === 'flatSlice' ? (n.params[0] as number) : 0;
        layouts[id] = { buf: src.buf, off: src.off + start, strides: own, literal: src.literal };
      }
    } else if (stored[id] === 1) {
      layouts[id] = { buf: storage.get(id) as BufferRef, off: 0, strides: own, literal: null };
    }
  }

  // Units.
  const units: Unit[] = [];
  for (const g of groups) {
    if (!('members' in g)) {
      units.push(...opaqueUnits(nodes[g.node] as GraphNode, nodes, layoutOf(g.node), layoutOf));
      continue;
    }
    units.push(loopUnit(g, nodes, stored, layoutOf));
  }
  for (const [k, o] of outputCopies) {
    const shape = (nodes[o] as GraphNode).shape;
    const g: Group = { index: -1, shape, members: [], sinks: [], memberSet: new Set(), copies: [[-1 - k, o, null]] };
    units.push(loopUnit(g, nodes, stored, (id) => (id < 0
      ? { buf: { space: 'out', index: -1 - id }, off: 0, strides: contiguousStrides(shape), literal: null }
      : layoutOf(id))));
  }

  return {
    inputSizes: Array.from({ length: inputCount }, (_, k) => {
      const n = nodes.find((x) => x.kind === 'input' && x.params[0] === k);
      return n === undefined ? 0 : sizeOf(n.shape);
    }),
    outputSizes: outputs.map((o) => sizeOf((nodes[o] as GraphNode).shape)),
    constants: graph.constants,
    scratchSizes,
    units,
  };
}

/** True when `o` is `b` seen through reshapes only (same values, same order). */
function isWholeReshape(nodes: readonly GraphNode[], o: number, b: number): boolean {
  let cur = o;
  while (cur !== b) {
    const n = nodes[cur] as GraphNode;
    if (n.kind !== 'reshape') return false;
    cur = n.inputs[0] as number;
  }
  return true;
}

/** Strides reading a value of `shape` (with per-dimension `strides`) broadcast to the loop shape `loop`. */
function broadcastRead(shape: readonly number[], strides: readonly number[], loop: readonly number[]): number[] {
  const out = new Array<number>(loop.length).fill(0);
  const offset = loop.length - shape.length;
  for (let j = 0; j < shape.length; j++) {
    const i = j + offset;
    out[i] = shape[j] === 1 && loop[i] !== 1 ? 0 : (strides[j] as number);
  }
  return out;
}

/**
 * Drops size-1 dimensions and merges neighbours that every access steps through
 * contiguously (like `forEachRun`), so most loops are one or two levels deep.
 */
function mergeDims(shape: readonly number[], accesses: readonly (readonly number[])[]): { dims: number[] | null; strides: number[][] } {
  if (shape.some((d) => d === 0)) return { dims: null, strides: accesses.map(() => []) };
  const dims: number[] = [];
  const strides: number[][] = accesses.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i] as number;
    if (n === 1) continue;
    const last = dims.length - 1;
    const mergeable = last >= 0 && accesses.every((s, a) => (strides[a] as number[])[last] === (s[i] as number) * n);
    if (mergeable) {
      dims[last] = (dims[last] as number) * n;
      accesses.forEach((s, a) => { (strides[a] as number[])[last] = s[i] as number; });
    } else {
      dims.push(n);
      accesses.forEach((s, a) => (strides[a] as number[]).push(s[i] as number));
    }
  }
  return { dims, strides };
}

function loopUnit(g: Group, nodes: readonly GraphNode[], stored: Uint8Array, layoutOf: (id: number) => Layout): LoopUnit {
  const loop = g.shape;
  const readKeys = new Map<string, number>();
  const reads: { buf: BufferRef; off: number; strides: number[] }[] = [];
  const operand = (x: number, perm: readonly number[] | null = null): Operand => {
    if (g.memberSet.has(x)) return { kind: 'local', id: x };
    const l = layoutOf(x);
    if (l.literal != null) return { kind: 'literal', value: l.literal };
    const shape = (nodes[x] as GraphNode).shape;
    const strides = perm == null
      ? broadcastRead(shape, l.strides, loop)
      : broadcastRead(perm.map((p) => shape[p] as number), perm.map((p) => l.strides[p] as number), loop);
    const key = `${l.buf.space}${l.buf.index}|${l.off}|${strides.join(',')}`;
    let index = readKeys.get(key);
    if (index === undefined) {
      index = reads.push({ buf: l.buf, off: l.off, strides }) - 1;
      readKeys.set(key, index);
    }
    return { kind: 'read', index };
  };
  const members: Member[] = [];
  const stores: { value: Operand; access: { buf: BufferRef; off: number; strides: number[] } }[] = [];
  const sinks: { value: Operand; access: { buf: BufferRef; off: number; strides: number[] }; size: number }[] = [];
  const own = contiguousStrides(loop);
  for (const id of g.members) {
    const n = nodes[id] as GraphNode;
    members.push({ id, op: n.kind as ElementwiseKind, args: n.inputs.map((x) => operand(x)) });
    if (stored[id] === 1) {
      const l = layoutOf(id);
      stores.push({ value: { kind: 'local', id }, access: { buf: l.buf, off: l.off, strides: own } });
    }
  }
  for (const [target, source, perm] of g.copies) {
    const l = layoutOf(target);
    stores.push({ value: operand(source, perm), access: { buf: l.buf, off: l.off, strides: own } });
  }
  for (const id of g.sinks) {
    const n = nodes[id] as GraphNode;
    const l = layoutOf(id);
    sinks.push({
      value: operand(n.inputs[0] as number),
      access: { buf: l.buf, off: l.off, strides: broadcastRead(n.shape, l.strides, loop) },
      size: sizeOf(n.shape),
    });
  }
  const all = [...reads, ...stores.map((s) => s.access), ...sinks.map((s) => s.access)];
  const merged = mergeDims(loop, all.map((a) => a.strides));
  let i = 0;
  const remap = <T extends { strides: number[] }>(a: T): T => ({ ...a, strides: merged.strides[i++] as number[] });
  const mergedReads = reads.map(remap);
  const mergedStores = stores.map((s) => ({ value: s.value, access: remap(s.access) }));
  const mergedSinks = sinks.map((s) => ({ value: s.value, size: s.size, access: remap(s.access) }));
  return { kind: 'loop', dims: merged.dims, reads: mergedReads, members, stores: mergedStores, sinks: mergedSinks };
}

function opaqueUnits(n: GraphNode, nodes: readonly GraphNode[], out: Layout, layoutOf: (id: number) => Layout): Unit[] {
  if (n.kind === 'matmul') {
    const [xa, xb] = n.inputs as [number, number];
    const la = layoutOf(xa);
    const lb = layoutOf(xb);
    const sa = nodes[xa] as GraphNode;
    const sb = nodes[xb] as GraphNode;
    const r = n.shape.length;
    const batch = n.shape.slice(0, r - 2);
    const m = n.shape[r - 2] as number;
    const nn = n.shape[r - 1] as number;
    const k = sa.shape[sa.shape.length - 1] as number;
    const aStr = broadcastRead(sa.shape.slice(0, -2), la.strides.slice(0, -2), batch);
    const bStr = broadcastRead(sb.shape.slice(0, -2), lb.strides.slice(0, -2), batch);
    const cStr = contiguousStrides(n.shape).slice(0, -2);
    const merged = mergeDims(batch, [aStr, bStr, cStr]);
    if (merged.dims == null) return [];
    return [{
      kind: 'gemm',
      dims: merged.dims,
      a: { buf: la.buf, off: la.off, strides: merged.strides[0] as number[] },
      b: { buf: lb.buf, off: lb.off, strides: merged.strides[1] as number[] },
      c: { buf: out.buf, off: out.off, strides: merged.strides[2] as number[] },
      ai: la.strides[la.strides.length - 2] as number,
      ap: la.strides[la.strides.length - 1] as number,
      bp: lb.strides[lb.strides.length - 2] as number,
      bj: lb.strides[lb.strides.length - 1] as number,
      m, k, n: nn,
    }];
  }
  if (n.kind === 'flatPad' || n.kind === 'stack') {
    const units: Unit[] = [];
    const size = sizeOf(n.shape);
    if (n.kind === 'flatPad') units.push({ kind: 'fill', buf: out.buf, off: out.off, size, value: 0 });
    const partSize = n.kind === 'stack' ? size / Math.max(1, n.inputs.length) : 0;
    n.inputs.forEach((x, i) => {
      const l = layoutOf(x);
      const shape = (nodes[x] as GraphNode).shape;
      const start = n.kind === 'flatPad' ? (n.params[0] as number) : i * partSize;
      const own = contiguousStrides(shape);
      const merged = mergeDims(shape, [l.strides as number[], own]);
      const value: Operand = l.literal != null ? { kind: 'literal', value: l.literal } : { kind: 'read', index: 0 };
      units.push({
        kind: 'loop',
        dims: merged.dims,
        reads: l.literal != null ? [] : [{ buf: l.buf, off: l.off, strides: merged.strides[0] as number[] }],
        members: [],
        stores: [{ value, access: { buf: out.buf, off: out.off + start, strides: merged.strides[1] as number[] } }],
        sinks: [],
      });
    });
    return units;
  }
  throw new Error(`jit: internal error, no schedule for op ${n.kind}`);
}
