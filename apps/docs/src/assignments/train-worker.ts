import { backpropJacobians, createNetwork, heightsStep, type Matrix, type NetworkParameters } from '@slope/grader';
import { createRng, heartCurve, heights } from '@slope/models';
import type { TrainMessage, TrainRequest } from './grade-protocol.js';
import { importLearnerModule } from './learner-source.js';

// Trains with the learner's own functions, in a Web Worker: the course's loop (COURSE.md §1.6:
// aggression 7, noise 1, a fresh factor (1 + ξ) per Jacobian per update, drawn in the order
// J_W1, J_W2, J_W3, J_b1, J_b2, J_b3) or the notebook's test cell (§2.3: 50 steps of
// steepest_step from μ = 155, σ = 6 with aggression 2000).

interface WorkerScope {
  postMessage(message: TrainMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TrainRequest>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (m: TrainMessage): void => scope.postMessage(m);

scope.addEventListener('message', (event) => {
  if (event.data.type === 'train') void run(event.data);
});

const PARAMETERS = ['W1', 'W2', 'W3', 'b1', 'b2', 'b3'] as const;
const AGGRESSION = 7;
const NOISE = 1;
/** How often the page gets the network's curve: the course plots one every 100 iterations. */
const EVERY = 100;

function costOf(a3: Matrix, y: Matrix): number {
  let s = 0;
  for (let r = 0; r < y.length; r++) for (let c = 0; c < (y[r] as number[]).length; c++) s += ((a3[r] as number[])[c]! - (y[r] as number[])[c]!) ** 2;
  return s / (y[0] as number[]).length;
}

function trainBackprop(impl: Record<string, unknown>, seed: number, iterations: number): void {
  const heart = heartCurve(100);
  const x: Matrix = [Array.from(heart.x)];
  const y: Matrix = [Array.from(heart.y[0]), Array.from(heart.y[1])];
  const rng = createRng(seed);
  // N(0, 0.5²) in the course's draw order W1, W2, W3, b1, b2, b3.
  const draw = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() / 2));
  const params: Record<(typeof PARAMETERS)[number], number[][]> = { W1: draw(6, 1), W2: draw(7, 6), W3: draw(2, 7), b1: draw(6, 1), b2: draw(7, 1), b3: draw(2, 1) };
  const jacobians = backpropJacobians(impl);
  const report = (iteration: number): number => {
    const a3 = createNetwork(params as NetworkParameters).forward(x).a3;
    const cost = costOf(a3, y);
    post({ type: 'progress', iteration, cost, curve: [[...(a3[0] as number[])], [...(a3[1] as number[])]] });
    return cost;
  };
  const started = performance.now();
  let cost = report(0);
  for (let it = 1; it <= iterations; it++) {
    const J = jacobians(params as NetworkParameters, x, y);
    for (const name of PARAMETERS) {
      const factor = 1 + rng.normal() * NOISE;
      const P = params[name];
      const JP = J[`J_${name}`];
      for (let r = 0; r < P.length; r++) for (let c = 0; c < (P[r] as number[]).length; c++) (P[r] as number[])[c]! -= AGGRESSION * (JP[r] as number[])[c]! * factor;
    }
    if (it % EVERY === 0 || it === iterations) {
      cost = report(it);
      if (!Number.isFinite(cost)) {
        post({ type: 'failed', iteration: it, message: `the cost became ${cost} at iteration ${it}: a Jacobian that passes the grader should not do this; check for a factor that grows` });
        return;
      }
    }
  }
  post({ type: 'done', iteration: iterations, cost, ms: performance.now() - started });
}

function trainHeights(impl: Record<string, unknown>, iterations: number): void {
  const data = heights('course');
  const x = Array.from(data.x);
  const y = Array.from(data.y);
  const chi2 = (mu: number, sig: number): number =>
    x.reduce((s, xi, i) => s + (y[i]! - Math.exp(-((xi - mu) ** 2) / (2 * sig * sig)) / (sig * Math.sqrt(2 * Math.PI))) ** 2, 0);
  const step = heightsStep(impl);
  const started = performance.now();
  let [mu, sig] = [155, 6];
  post({ type: 'progress', iteration: 0, cost: chi2(mu, sig), point: [mu, sig] });
  for (let it = 1; it <= iterations; it++) {
    const [dmu, dsig] = step(x, y, mu, sig, 2000);
    mu += dmu;
    sig += dsig;
    const cost = chi2(mu, sig);
    post({ type: 'progress', iteration: it, cost, point: [mu, sig] });
    if (!Number.isFinite(cost) || sig <= 0) {
      post({ type: 'failed', iteration: it, message: `the fit left the region where χ² is defined at step ${it} (μ = ${mu}, σ = ${sig})` });
      return;
    }
  }
  post({ type: 'done', iteration: iterations, cost: chi2(mu, sig), ms: performance.now() - started });
}

async function run(request: TrainRequest): Promise<void> {
  try {
    const impl = await importLearnerModule(request.source);
    if (request.id === 'backprop') trainBackprop(impl, request.seed, request.iterations);
    else trainHeights(impl, request.iterations);
  } catch (e) {
    post({ type: 'failed', iteration: 0, message: e instanceof Error ? e.message : String(e) });
  }
}
