import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Tensor, tensor, jit, grad, valueAndGrad, jacobian, sigmoid, exp, where, greater } from '../index.js';
import { ELEMENTWISE } from './primitives.js';

// Every source jit compiles, captured by wrapping the global Function constructor.
let sources: string[] = [];
const OriginalFunction = globalThis.Function;
beforeEach(() => {
  sources = [];
  globalThis.Function = new Proxy(OriginalFunction, {
    construct(target, args: unknown[]) {
      sources.push(String(args[args.length - 1]));
      return Reflect.construct(target, args) as object;
    },
  });
});
afterEach(() => {
  globalThis.Function = OriginalFunction;
});

const HOSTILE = [
  '"); process.exit(1); ("',
  '`${process.exit(1)}`',
  '\u2028return globalThis',
  '*/ process.exit(1) /*',
  'constructor',
  '__proto__',
  'toString',
  'eval',
  'Function',
  'require("child_process")',
  'K.gemm = null',
  'i0',
  's0[0] = 1',
];

/** Identifiers a generated source may contain: fixed words, the template table's, and generated names. */
const FIXED = new Set([
  'use', 'strict', 'return', 'function', 'factory', 'compiled', 'const', 'let', 'for', 'new', 'Float64Array', 'fill',
  'K', 'C', 'I', 'O', 'j', 'gemm',
]);
for (const spec of Object.values(ELEMENTWISE)) for (const word of spec.expr.match(/[A-Za-z_]\w*/g) ?? []) FIXED.add(word);
const GENERATED = /^[icsotrjaq]\d+(?:_\d+)?$/;

/** Identifier tokens of a source, numeric literals (1e308, 5e-324) removed first. */
function identifiers(source: string): string[] {
  return source.replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/g, '#').match(/[A-Za-z_$][\w$]*/g) ?? [];
}

/** A source with every number replaced, so programs differing only in constants compare equal. */
function shapeOf(source: string): string {
  return source.replace(/\d+(\.\d+)?(e[+-]?\d+)?/g, '#');
}

describe('jit code generation: only the op table, generated names and numbers reach the source', () => {
  it('every identifier in generated sources is a fixed word, a template word or a generated name', () => {
    const loss = (w: Tensor, x: Tensor) => sigmoid(w.matmul(x)).sum();
    jit(valueAndGrad(loss, { argnums: [0, 1] }))(tensor([[0.5, -1]]), tensor([[1, 3], [2, 4]]));
    jit(jacobian((p: Tensor) => exp(p.at(0).mul(tensor([1, 2, 3]))).erf()))([0.5]);
    jit((x: Tensor) => where(greater(x, 0), x.transpose(), x.clip(-1, 1).transpose()).sum(0))([[1, -2], [3, -4]]);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of sources) {
      const bad = identifiers(src).filter((id) => !FIXED.has(id) && !GENERATED.test(id));
      expect(bad, src).toEqual([]);
    }
  });

  it.each(HOSTILE)('a hostile function name, static argument and output key %j never reach the source', (hostile) => {
    const named = { [hostile]: (x: Tensor, label: string) => ({ [hostile]: x.mul(2).add(1), label }) }[hostile] as (x: Tensor, label: string) => Record<string, unknown>;
    const benign = (x: Tensor, label: string) => ({ out: x.mul(2).add(1), label });
    const a = jit(named, { staticArgnums: [1] });
    const out = a([1, 2], hostile);
    expect((out[hostile] as Tensor).toArray()).toEqual([3, 5]);
    expect(out.label).toBe(hostile);
    jit(benign, { staticArgnums: [1] })([1, 2], 'plain');
    expect(sources).toHaveLength(2);
    const [hostileSource, benignSource] = sources as [string, string];
    expect(hostileSource).toBe(benignSource);
    // (A hostile string that is itself a generated name, like i0, is covered by the equality.)
    if (!GENERATED.test(hostile)) expect(hostileSource.includes(hostile)).toBe(false);
  });

  it.each([
    ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['-Infinity', Number.NEGATIVE_INFINITY], ['-0', -0],
    ['1e308', 1e308], ['5e-324', 5e-324], ['-1.5e-7', -1.5e-7], ['0.1 + 0.2', 0.1 + 0.2], ['2^53 + 2', 2 ** 53 + 2],
  ])('the constant %s is printed as a literal that round-trips', (_name, v) => {
    const f = jit((x: Tensor) => x.mul(0).add(v).add(x.mul(0)).sub(x.mul(0)));
    const out = f([1]).data[0] as number;
    if (Number.isNaN(v)) expect(out).toBeNaN();
    else expect(Object.is(out, v) || (Object.is(v, -0) && out === 0)).toBe(true);
    const literalOnly = jit((x: Tensor) => x.mul(v))([1]).data[0] as number;
    expect(Object.is(literalOnly, 1 * v)).toBe(true);
    for (const src of sources) expect(identifiers(src).filter((id) => !FIXED.has(id) && !GENERATED.test(id))).toEqual([]);
  });

  it('programs that differ only in constant values have the same source shape', () => {
    jit((x: Tensor) => x.mul(3).add(4))([1, 2]);
    jit((x: Tensor) => x.mul(7.25e-300).add(1e300))([1, 2]);
    expect(sources).toHaveLength(2);
    expect(shapeOf(sources[0] as string)).toBe(shapeOf(sources[1] as string));
  });

  it('tensor constants are passed in as data, never printed', () => {
    const secret = tensor([1234.5678, 8765.4321, 1111.2222]);
    expect(jit((x: Tensor) => x.mul(secret))([1, 1, 1]).toArray()).toEqual([1234.5678, 8765.4321, 1111.2222]);
    expect(sources.some((s) => s.includes('1234.5678'))).toBe(false);
  });

  it('grad(jit(f)) compiles its derivative rules the same way', () => {
    grad(jit((x: Tensor) => x.sin().sum()))([0.5, 1]);
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const src of sources) expect(identifiers(src).filter((id) => !FIXED.has(id) && !GENERATED.test(id))).toEqual([]);
  });
});
