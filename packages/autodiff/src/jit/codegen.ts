import { NO_BIAS, gemmInto } from '../kernels/gemm.js';
import { erf } from '../kernels/special.js';
import { ELEMENTWISE } from './primitives.js';
import type { Access, BufferRef, GemmUnit, LoopUnit, Operand, Program, Unit } from './schedule.js';

/**
 * Prints a scheduled program as straight-line JS and compiles it with the Function
 * constructor — the one place in @slope/autodiff that does.
 *
 * What reaches the source, and nothing else:
 * - fixed text written in this file (loop headers, `const`, `K.gemm(`, …);
 * - the elementwise expressions of the primitive table (`primitives.ts`), looked up by
 *   own-property only;
 * - names made of a fixed prefix letter and an integer (`i0`, `s3`, `t17`, `j1`, …);
 * - numbers: integers for sizes, offsets and strides, and float literals for uniform
 *   constants, each checked to print as a plain numeric literal.
 * Nothing from the user's function (names, strings, values) is ever interpolated: a
 * traced function contributes only op kinds from the table, shapes and constant values.
 */

/** The runtime helpers generated code may call (fixed; passed in, never looked up by name). */
const KERNELS = Object.freeze({
  gemm(a: Float64Array, ao: number, ai: number, ap: number, b: Float64Array, bo: number, bp: number, bj: number,
    c: Float64Array, co: number, m: number, k: number, n: number): void {
    gemmInto(a, ao, ai, ap, b, bo, bp, bj, NO_BIAS, 0, 0, 0, c, co, m, k, n);
  },
  erf,
});

/** A compiled program: reads the argument buffers `I`, writes every output buffer in `O`. */
export type CompiledProgram = (I: readonly Float64Array[], O: readonly Float64Array[]) => void;

const PREFIX: Record<BufferRef['space'], string> = { in: 'i', const: 'c', scratch: 's', out: 'o' };

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`jit: internal error, ${String(n)} is not an integer`);
  return String(n);
}

function name(prefix: 'i' | 'c' | 's' | 'o' | 't' | 'r' | 'j' | 'a' | 'q', ...indices: number[]): string {
  return prefix + indices.map(int).join('_');
}

/** A float as a JS literal that parses back to the same number (NaN, ±∞ and −0 included). */
export function numberLiteral(v: number): string {
  if (typeof v !== 'number') throw new Error('jit: internal error, literal is not a number');
  if (Number.isNaN(v)) return '(0 / 0)';
  if (v === Number.POSITIVE_INFINITY) return '(1 / 0)';
  if (v === Number.NEGATIVE_INFINITY) return '(-1 / 0)';
  if (Object.is(v, -0)) return '(-0)';
  const s = String(v);
  if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(s)) throw new Error(`jit: internal error, unexpected number format ${s}`);
  return v < 0 ? `(${s})` : s;
}

function bufferName(b: BufferRef): string {
  return name(PREFIX[b.space] as 'i', b.index);
}

function operandText(o: Operand): string {
  switch (o.kind) {
    case 'literal': return numberLiteral(o.value);
    case 'local': return name('t', o.id);
    case 'read': return name('r', o.index);
  }
}

/** The loop depth from which an access's address no longer changes (0: fixed before the loops). */
function levelOf(strides: readonly number[]): number {
  for (let d = strides.length - 1; d >= 0; d--) if (strides[d] !== 0) return d + 1;
  return 0;
}

function term(d: number, stride: number): string {
  return stride === 1 ? name('j', d) : `${name('j', d)} * ${int(stride)}`;
}

/**
 * Address expressions for one access at every loop depth, with the partial sums of the
 * outer loops kept in consts (`q…`) so inner loops add one term.
 */
class Addresses {
  private readonly bases: string[];

  constructor(private readonly key: number, private readonly access: Access, private readonly pre: string[][]) {
    this.bases = [int(access.off)];
    const level = levelOf(access.strides);
    for (let k = 1; k < level; k++) {
      const s = access.strides[k - 1] as number;
      const prev = this.bases[k - 1] as string;
      if (s === 0) {
        this.bases.push(prev);
      } else {
        const q = name('q', key, k);
        (pre[k] as string[]).push(`const ${q} = ${prev === '0' ? '' : `${prev} + `}${term(k - 1, s)};`);
        this.bases.push(q);
      }
    }
  }

  /** The address, valid in every region at or below the access's level. */
  at(): string {
    const level = levelOf(this.access.strides);
    if (level === 0) return int(this.access.off);
    const prev = this.bases[level - 1] as string;
    const t = term(level - 1, this.access.strides[level - 1] as number);
    return prev === '0' ? t : `${prev} + ${t}`;
  }
}

/**
 * Sets `size` elements from `off` to `value`: single stores for a few elements, a loop for
 * some, the `fill` builtin for many (a builtin call costs more than a short loop).
 */
function fillCode(buf: BufferRef, off: number, size: number, value: string): string[] {
  const b = bufferName(buf);
  if (size <= 4) return Array.from({ length: size }, (_, i) => `${b}[${int(off + i)}] = ${value};`);
  if (size <= 256) return [`for (let j = ${int(off)}; j < ${int(off + size)}; j++) ${b}[j] = ${value};`];
  return [`${b}.fill(${value}, ${int(off)}, ${int(off + size)});`];
}

function loopCode(u: LoopUnit): string[] {
  const out: string[] = [];
  if (u.dims == null) {
    for (const s of u.sinks) out.push(...fillCode(s.access.buf, s.access.off, s.size, '0'));
    return out;
  }
  const r = u.dims.length;
  const pre: string[][] = Array.from({ length: r + 1 }, () => []);
  const post: string[][] = Array.from({ length: r }, () => []);
  let key = 0;
  const levels = new Map<string, number>();
  const levelOfOperand = (o: Operand): number =>
    o.kind === 'literal' ? 0 : o.kind === 'read' ? levelOf((u.reads[o.index] as Access).strides) : (levels.get(name('t', o.id)) ?? r);

  u.reads.forEach((a, i) => {
    const addr = new Addresses(key++, a, pre).at();
    (pre[levelOf(a.strides)] as string[]).push(`const ${name('r', i)} = ${bufferName(a.buf)}[${addr}];`);
  });
  for (const m of u.members) {
    const spec = Object.prototype.hasOwnProperty.call(ELEMENTWISE, m.op) ? ELEMENTWISE[m.op] : undefined;
    if (spec === undefined || spec.arity !== m.args.length) throw new Error(`jit: internal error, no template for ${String(m.op)}`);
    const args = m.args.map(operandText);
    const expr = spec.expr.replace(/\$([0-2])/g, (_, d: string) => args[Number(d)] as string);
    const level = Math.max(0, ...m.args.map(levelOfOperand));
    const t = name('t', m.id);
    levels.set(t, level);
    (pre[level] as string[]).push(`const ${t} = ${expr};`);
  }
  for (const s of u.stores) {
    const addr = new Addresses(key++, s.access, pre).at();
    (pre[r] as string[]).push(`${bufferName(s.access.buf)}[${addr}] = ${operandText(s.value)};`);
  }
  u.sinks.forEach((s, i) => {
    const level = levelOf(s.access.strides);
    const injective = s.access.strides.slice(0, level).every((x) => x !== 0);
    const buf = bufferName(s.access.buf);
    if (!injective) out.push(...fillCode(s.access.buf, s.access.off, s.size, '0'));
    const addr = new Addresses(key++, s.access, pre).at();
    const value = operandText(s.value);
    if (level === r) {
      (pre[r] as string[]).push(`${buf}[${addr}] ${injective ? '=' : '+='} ${value};`);
    } else {
      const acc = name('a', i);
      (pre[level] as string[]).push(`let ${acc} = 0;`);
      (pre[r] as string[]).push(`${acc} += ${value};`);
      (post[level] as string[]).push(`${buf}[${addr}] ${injective ? '=' : '+='} ${acc};`);
    }
  });

  out.push(...(pre[0] as string[]));
  for (let k = 0; k < r; k++) {
    out.push(`for (let ${name('j', k)} = 0; ${name('j', k)} < ${int(u.dims[k] as number)}; ${name('j', k)}++) {`);
    out.push(...(pre[k + 1] as string[]));
  }
  for (let k = r - 1; k >= 0; k--) {
    out.push('}');
    out.push(...(post[k] as string[]));
  }
  return out;
}

function gemmCode(u: GemmUnit): string[] {
  const out: string[] = [];
  const r = u.dims.length;
  const addr = (a: Access): string => {
    const parts = [int(a.off)];
    a.strides.forEach((s, d) => { if (s !== 0) parts.push(term(d, s)); });
    return parts.join(' + ');
  };
  for (let k = 0; k < r; k++) out.push(`for (let ${name('j', k)} = 0; ${name('j', k)} < ${int(u.dims[k] as number)}; ${name('j', k)}++) {`);
  out.push(`K.gemm(${bufferName(u.a.buf)}, ${addr(u.a)}, ${int(u.ai)}, ${int(u.ap)}, ${bufferName(u.b.buf)}, ${addr(u.b)}, ${int(u.bp)}, ${int(u.bj)}, ` +
    `${bufferName(u.c.buf)}, ${addr(u.c)}, ${int(u.m)}, ${int(u.k)}, ${int(u.n)});`);
  for (let k = 0; k < r; k++) out.push('}');
  return out;
}

function unitCode(u: Unit): string[] {
  switch (u.kind) {
    case 'loop': return loopCode(u);
    case 'gemm': return gemmCode(u);
    case 'fill': return fillCode(u.buf, u.off, u.size, numberLiteral(u.value));
  }
}

/** The JS source of a program: a factory taking the kernels and constants, returning the compiled function. */
export function programSource(p: Program): string {
  const lines = ['"use strict";', 'return function factory(K, C) {'];
  p.constants.forEach((_, k) => lines.push(`const ${name('c', k)} = C[${int(k)}];`));
  p.scratchSizes.forEach((size, k) => lines.push(`const ${name('s', k)} = new Float64Array(${int(size)});`));
  lines.push('return function compiled(I, O) {');
  p.inputSizes.forEach((_, k) => lines.push(`const ${name('i', k)} = I[${int(k)}];`));
  p.outputSizes.forEach((_, k) => lines.push(`const ${name('o', k)} = O[${int(k)}];`));
  for (const u of p.units) {
    lines.push('{');
    lines.push(...unitCode(u));
    lines.push('}');
  }
  lines.push('};', '};');
  return lines.join('\n');
}

/** Compiles a program (its scratch buffers are allocated once, here). */
export function compileProgram(p: Program): { run: CompiledProgram; source: string } {
  const source = programSource(p);
  // The one use of the Function constructor in this package; see the header for why the
  // source is safe. Constants are passed in as values, never printed.
  const factory = new Function(source) as () => (k: typeof KERNELS, c: readonly Float64Array[]) => CompiledProgram;
  return { run: factory()(KERNELS, p.constants), source };
}
