/**
 * quad (adaptive G7–K15) against closed forms: accuracy, its error estimate and evaluation
 * counts; then speed against a plain composite Simpson's rule at equal accuracy: the smallest
 * power-of-two panel count n whose actual error (at n and at 2n, so no lucky coincidence
 * counts) is as small as quad's actual error (floored at 1e-13 relative, near rounding),
 * measured in the same run. And integrate() on the SymPy reference integrals: how many found,
 * refused, wrong.
 */
import { evaluate, integrate, IntegrationError, quad } from '../src/index.js';
import { SYMPY_INTEGRALS } from '../src/test-integrals.js';

type Measure = (fn: () => unknown, budgetMs: number, warmMs?: number) => number;

interface Case {
  readonly name: string;
  readonly f: (x: number) => number;
  readonly a: number;
  readonly b: number;
  readonly exact: number;
}

const CASES: readonly Case[] = [
  { name: 'exp(x) on [0, 1]', f: Math.exp, a: 0, b: 1, exact: Math.E - 1 },
  { name: '1/(1 + x) on [0, 1]', f: (x) => 1 / (1 + x), a: 0, b: 1, exact: Math.LN2 },
  { name: 'sin(50x) on [0, 1] (oscillatory)', f: (x) => Math.sin(50 * x), a: 0, b: 1, exact: (1 - Math.cos(50)) / 50 },
  { name: '1/(1 + x²) on [−10, 10]', f: (x) => 1 / (1 + x * x), a: -10, b: 10, exact: 2 * Math.atan(10) },
  { name: 'exp(−x²/2) on [−8, 8]', f: (x) => Math.exp(-x * x / 2), a: -8, b: 8, exact: 2.5066282746309976 /* sqrt(2π)·erf(8/√2) = 2.50662827463099738…, mpmath */ },
  { name: '|x − 0.3| on [0, 1] (a kink)', f: (x) => Math.abs(x - 0.3), a: 0, b: 1, exact: 0.29 },
  { name: 'sqrt(x) on [0, 1] (infinite slope at 0)', f: Math.sqrt, a: 0, b: 1, exact: 2 / 3 },
  { name: 'log(x) on [0, 1] (log singularity)', f: Math.log, a: 0, b: 1, exact: -1 },
  { name: '1/sqrt(x) on [0, 1] (integrable pole)', f: (x) => 1 / Math.sqrt(x), a: 0, b: 1, exact: 2 },
  { name: '1/(1 + x²) on ℝ', f: (x) => 1 / (1 + x * x), a: -Infinity, b: Infinity, exact: Math.PI },
  { name: 'exp(−x²/2) on ℝ (the Gaussian)', f: (x) => Math.exp(-x * x / 2), a: -Infinity, b: Infinity, exact: Math.sqrt(2 * Math.PI) },
  { name: 'x·exp(−x) on [0, ∞)', f: (x) => x * Math.exp(-x), a: 0, b: Infinity, exact: 1 },
];

/** Composite Simpson's rule with n (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

const TARGET = 1e-10;
const MAX_PANELS = 2 ** 22;

/**
 * The smallest power-of-two panel count whose error, at n and at 2n, is at most `accuracy`;
 * or why Simpson cannot (an infinite bound, f infinite at an end, beyond 2^22 panels).
 */
function simpsonPanels(c: Case, accuracy: number): { n: number; error: number } | { reason: string } {
  if (!Number.isFinite(c.a) || !Number.isFinite(c.b)) return { reason: 'n/a: infinite interval' };
  if (!Number.isFinite(c.f(c.a)) || !Number.isFinite(c.f(c.b))) return { reason: 'n/a: f is infinite at an endpoint' };
  let previous = Infinity;
  for (let n = 2; n <= MAX_PANELS; n *= 2) {
    const error = Math.abs(simpson(c.f, c.a, c.b, n) - c.exact);
    if (previous <= accuracy && error <= accuracy) return { n: n / 2, error: previous };
    previous = error;
  }
  return { reason: `not met with 2^22 panels (error ${previous.toExponential(1)})` };
}

export function runQuadBench(measure: Measure): void {
  console.log(`\n## quad: adaptive G7–K15 vs closed forms (tol = relTol = ${TARGET}), and composite Simpson at equal accuracy (as accurate as quad's actual result, floored at 1e-13)\n`);
  const rows: Record<string, string>[] = [];
  const ratios: number[] = [];
  for (const c of CASES) {
    const r = quad(c.f, c.a, c.b, { tol: TARGET, relTol: TARGET });
    const actual = Math.abs(r.value - c.exact);
    // Equal accuracy: what quad delivered, floored where rounding dominates.
    const accuracy = Math.max(actual, 1e-13 * Math.max(1, Math.abs(c.exact)));
    let s = simpsonPanels(c, accuracy);
    let note = '';
    if (!('n' in s) && s.reason.startsWith('not met')) {
      // Simpson cannot reach quad's accuracy at all: compare at the requested tolerance instead.
      note = ` — ${s.reason} at quad's accuracy; to the tolerance ${TARGET} only`;
      s = simpsonPanels(c, TARGET * Math.max(1, Math.abs(c.exact)));
    }
    let simpsonText: string;
    let speed = '';
    if ('n' in s) {
      const tQuad = measure(() => quad(c.f, c.a, c.b, { tol: TARGET, relTol: TARGET }), 150);
      const tSimpson = measure(() => simpson(c.f, c.a, c.b, s.n), 150);
      ratios.push(tSimpson / tQuad);
      simpsonText = `${s.n + 1} evaluations (error ${s.error.toExponential(1)})${note}`;
      speed = `${(tSimpson / tQuad).toFixed(1)}× (quad ${tQuad.toFixed(1)} µs, Simpson ${tSimpson.toFixed(1)} µs)`;
    } else simpsonText = s.reason;
    rows.push({
      integral: c.name,
      'actual error': actual.toExponential(1),
      'estimate': r.error.toExponential(1),
      'estimate ≥ actual': actual <= r.error ? 'yes' : 'NO',
      evaluations: String(r.evaluations),
      converged: r.converged ? 'yes' : `no: ${r.reason}`,
      'Simpson at equal accuracy': simpsonText,
      'Simpson time / quad time': speed,
    });
  }
  console.table(rows);
  const sorted = [...ratios].sort((p, q) => p - q);
  console.log(`quad is faster than Simpson at equal accuracy on ${ratios.filter((r) => r > 1).length}/${ratios.length} comparable cases; median ${(sorted[sorted.length >> 1] ?? NaN).toFixed(1)}× (range ${sorted[0]?.toFixed(1)}–${sorted[sorted.length - 1]?.toFixed(1)}×)`);

  console.log('\n## integrate: the SymPy reference integrals, compared by value (F(b) − F(a) at three pairs each)\n');
  let found = 0;
  let refused = 0;
  let wrong = 0;
  const t0 = performance.now();
  for (const ref of SYMPY_INTEGRALS) {
    try {
      const F = integrate(ref.integrand, 'x');
      const ok = ref.points.every(([a, b, v]) => Math.abs(evaluate(F, { x: b }) - evaluate(F, { x: a }) - v) <= 1e-8 * Math.max(1, Math.abs(v)));
      if (ok) found++;
      else wrong++;
    } catch (e) {
      if (!(e instanceof IntegrationError)) throw e;
      refused++;
    }
  }
  const ms = performance.now() - t0;
  console.log(`${SYMPY_INTEGRALS.length} integrals: ${found} found, ${refused} refused (IntegrationError), ${wrong} wrong; ${(ms / SYMPY_INTEGRALS.length).toFixed(1)} ms each on average`);
}
