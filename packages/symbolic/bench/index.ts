/**
 * Benchmarks for @slope/symbolic, with every reference measured in the same run:
 * 1. derivative + simplify on bench-data's 24 expressions vs mathjs `derivative` (default simplify);
 * 2. compiled derivatives vs a hand-written closure and vs mathjs `compile().evaluate`;
 * 3. taylor by power-series arithmetic vs Taylor coefficients by repeated differentiation;
 * 4. the gzipped browser bundle of `derivative` alone (esbuild --minify), against its 60 KB budget;
 * 5. quad against closed forms (accuracy, error estimate, evaluations) and against composite Simpson at
 *    equal accuracy, and integrate() on the SymPy reference integrals (bench/quad.ts).
 * Run: pnpm --filter @slope/symbolic bench
 */
import { compile as mathCompile, derivative as mathDerivative, type MathNode, parse as mathParse } from 'mathjs';
import { compile, derivative, evaluate, type Expr, freeSymbols, parse, taylor } from '../src/index.js';
import { bundleSize } from '../src/test-bundle.js';
import fixture from './symbolic-24.json' with { type: 'json' };
import { runQuadBench } from './quad.js';

/**
 * Median time per call in µs: warm up for `warmMs` (at least one call), then time batches
 * of calls sized to ~5 ms until `budgetMs` is spent (at least 3 batches).
 */
function measure(fn: () => unknown, budgetMs: number, warmMs = budgetMs / 2): number {
  let calls = 0;
  const w0 = performance.now();
  do {
    fn();
    calls++;
  } while (performance.now() - w0 < warmMs && calls < 10_000);
  const perCall = (performance.now() - w0) / calls;
  const perBatch = Math.max(1, Math.floor(5 / perCall));
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 3 || (performance.now() - start < budgetMs && samples.length < 200)) {
    const b0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push(((performance.now() - b0) / perBatch) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

function nodeCount(text: string): number {
  let n = 0;
  mathParse(text).traverse((node) => {
    if (node.type !== 'ParenthesisNode') n++;
  });
  return n;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(1)} µs`);

console.log('## derivative + simplify: @slope/symbolic vs mathjs derivative (default simplify), inputs pre-parsed\n');
const rows: Record<string, string | number>[] = [];
const ratios: number[] = [];
// Warm both engines on every case first, so no row pays for the JIT of the ones before it.
for (const c of fixture.cases) {
  derivative(parse(c.expr), c.var);
  mathDerivative(mathParse(c.expr), c.var);
}
for (const c of fixture.cases) {
  const ours = parse(c.expr);
  const theirs: MathNode = mathParse(c.expr);
  const oursTime = measure(() => derivative(ours, c.var), 150);
  const mathTime = measure(() => mathDerivative(theirs, c.var), 300, 200);
  const ratio = mathTime / oursTime;
  ratios.push(ratio);
  rows.push({
    id: c.id,
    slope: fmt(oursTime),
    mathjs: fmt(mathTime),
    'speed-up': `${ratio.toFixed(0)}×`,
    'nodes slope': nodeCount(derivative(ours, c.var).toString()),
    'nodes mathjs': nodeCount(mathDerivative(theirs, c.var).toString()),
    'nodes SymPy': c.reference_output_nodes.sympy_diff_nodes,
  });
}
console.table(rows);
const worst = Math.min(...ratios);
const sizeOk = rows.every((r) => (r['nodes slope'] as number) <= (r['nodes SymPy'] as number));
console.log(`median speed-up ${median(ratios).toFixed(1)}× (goal ≥ 120×), slowest case ${worst.toFixed(1)}× (goal > 1×)`);
console.log(`derivative size ≤ SymPy diff on ${rows.filter((r) => (r['nodes slope'] as number) <= (r['nodes SymPy'] as number)).length}/${rows.length} expressions${sizeOk ? '' : ' (NOT all)'}\n`);

console.log('## compile: compiled derivatives vs a hand-written closure and vs mathjs compile().evaluate\n');

type Handwritten = (v: ArrayLike<number>) => number;
const cases: { id: string; variable: string; hand: Handwritten }[] = [
  {
    id: 'sigmoid',
    variable: 'x',
    hand: (v) => {
      const t = Math.exp(-(v[0] as number));
      const d = t + 1;
      return t / (d * d);
    },
  },
  {
    id: 'gauss_s',
    variable: 's',
    // vars: mu, s, x (sorted). What one would write by hand: f·((x − μ)²/s³ − 1/s), one exp, one sqrt.
    hand: (v) => {
      const mu = v[0] as number, s = v[1] as number, x = v[2] as number;
      const d = x - mu;
      const d2 = d * d;
      const s2 = s * s;
      const f = Math.exp(-d2 / (2 * s2)) / Math.sqrt(2 * Math.PI * s2);
      return (f * (d2 - s2)) / (s2 * s);
    },
  },
  {
    id: 'net121_sqerr_w1',
    variable: 'w1',
    // vars: b1, b2, b3, w1, w2, w5, w6, x, y (sorted)
    hand: (v) => {
      const b1 = v[0] as number, b2 = v[1] as number, b3 = v[2] as number, w1 = v[3] as number, w2 = v[4] as number;
      const w5 = v[5] as number, w6 = v[6] as number, x = v[7] as number, y = v[8] as number;
      const e1 = Math.exp(-(w1 * x + b1));
      const e2 = Math.exp(-(w2 * x + b2));
      const p = e1 + 1;
      const E = Math.exp(-(b3 + w5 / p + w6 / (e2 + 1)));
      const q = E + 1;
      return (-2 * w5 * x * (y - 1 / q) * e1 * E) / (p * p * q * q);
    },
  },
];

const POINTS = 1024;
const compileRows: Record<string, string>[] = [];
for (const { id, variable, hand } of cases) {
  const c = fixture.cases.find((k) => k.id === id);
  if (c === undefined) throw new Error(`bench: no case ${id}`);
  const d = derivative(c.expr, variable);
  const vars = freeSymbols(d);
  const compiled = compile(d, vars);
  const viaMathjs = mathCompile(d.toString());
  // Points: every variable in (0.2, 1.2), different per point.
  const inputs = Array.from({ length: POINTS }, (_, i) => Float64Array.from(vars, (_v, j) => 0.2 + (((i * 7 + j * 13) % 101) / 101)));
  const scopes = inputs.map((p) => Object.fromEntries(vars.map((v, j) => [v, p[j] as number])));
  for (const p of inputs.slice(0, 8)) {
    const a = compiled(p);
    const b = hand(p);
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) throw new Error(`bench: ${id} compiled ${a} ≠ hand-written ${b}`);
  }
  let sink = 0;
  // Five interleaved rounds: the machine is shared, so report the spread, not one draw.
  const ratios: number[] = [];
  let tCompiled = Infinity;
  let tHand = Infinity;
  for (let round = 0; round < 5; round++) {
    const c = measure(() => {
      for (const p of inputs) sink += compiled(p);
    }, 150) / POINTS;
    const h = measure(() => {
      for (const p of inputs) sink += hand(p);
    }, 150) / POINTS;
    ratios.push(c / h);
    tCompiled = Math.min(tCompiled, c);
    tHand = Math.min(tHand, h);
  }
  const tMathjs = measure(() => {
    for (const s of scopes) sink += viaMathjs.evaluate(s) as number;
  }, 300) / POINTS;
  if (Number.isNaN(sink)) console.log('(NaN in sums)');
  ratios.sort((a, b) => a - b);
  compileRows.push({
    id: `${id} d/d${variable}`,
    compiled: `${(tCompiled * 1000).toFixed(0)} ns`,
    'hand-written': `${(tHand * 1000).toFixed(0)} ns`,
    'compiled / hand, median (min–max of 5)': `${median(ratios).toFixed(2)}× (${(ratios[0] as number).toFixed(2)}–${(ratios[4] as number).toFixed(2)}) (goal ≤ 1.2×)`,
    'mathjs evaluate': `${(tMathjs * 1000).toFixed(0)} ns`,
    'speed-up vs mathjs': `${(tMathjs / tCompiled).toFixed(0)}× (goal ≥ 20×)`,
  });
}
console.table(compileRows);

console.log('\n## taylor: power-series arithmetic vs coefficients by repeated differentiation (float values at the point)\n');

/** The reference: differentiate `order` times and evaluate each derivative at the point, divided by k!. */
function byDifferentiation(src: string, about: number, order: number): number[] {
  let d: Expr = parse(src);
  const out: number[] = [];
  let factorial = 1;
  for (let k = 0; k <= order; k++) {
    if (k > 0) {
      d = derivative(d, 'x');
      factorial *= k;
    }
    out.push(evaluate(d, { x: about }) / factorial);
  }
  return out;
}

const taylorRows: Record<string, string>[] = [];
for (const [src, about, order] of [['tan(x)', 0, 20], ['exp(sin(x))', 0, 12], ['atan(x)', 0.5, 12], ['x/(exp(x) - 1)', 0, 12], ['sin(x)/x', 0, 12]] as const) {
  const series = measure(() => taylor(src, { about, order }), 600, 200);
  let reference = 'fails (0/0 at the point)';
  const values = byDifferentiation(src, about === 0 && src.includes('/') ? 0.5 : about, order);
  if (!(about === 0 && src.includes('/'))) {
    const t = taylor(src, { about, order }).terms.map((term) => term.value);
    const worstDiff = Math.max(...t.map((v, k) => Math.abs(v - (values[k] as number)) / Math.max(1, Math.abs(v))));
    const viaDerivatives = measure(() => byDifferentiation(src, about, order), 600, 200);
    reference = `${fmt(viaDerivatives)} (${(viaDerivatives / series).toFixed(1)}× slower; values agree to ${worstDiff.toExponential(0)})`;
  }
  taylorRows.push({ series: `${src} about ${about}, order ${order}`, 'power series': fmt(series), 'repeated differentiation': reference });
}
console.table(taylorRows);

console.log('\n## bundle size: `derivative` alone, esbuild --bundle --minify --format=esm --platform=browser, gzipped\n');
const size = await bundleSize("import { derivative } from '@slope/symbolic';\nconsole.log(derivative('x^2', 'x').toString());\n");
console.log(`${(size.gzipped / 1024).toFixed(1)} KB gzipped (${(size.minified / 1024).toFixed(0)} KB minified); budget 60 KB ${size.gzipped <= 60 * 1024 ? 'met' : 'EXCEEDED'}`);


runQuadBench(measure);
