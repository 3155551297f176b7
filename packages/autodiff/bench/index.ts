/**
 * Training-step benchmarks for @slope/autodiff against references measured in the same
 * run: a hand-fused Float64Array loop (course net), a register-blocked hand GEMM loop
 * (784→128→10) and tfjs-core's CPU backend. One step = forward + backward + SGD update.
 * Run: pnpm --filter @slope/autodiff bench
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's Node bundle registers no gradients (the umbrella @tensorflow/tfjs package
// does that); register tfjs's own gradient definitions for the kernels these nets use.
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad.js';
import { divGradConfig } from '@tensorflow/tfjs-core/dist/gradients/RealDiv_grad.js';
import { sigmoidGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sigmoid_grad.js';
import { squareGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Square_grad.js';
import { subGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sub_grad.js';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad.js';
import { Tensor, exp, grad, jacobian, jit, sigmoid, sub, tensor, valueAndGrad } from '../src/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** mulberry32: a small seeded generator so every run trains on the same numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const randn = (n: number, scale: number): Float64Array => Float64Array.from({ length: n }, () => normal() * scale);

interface Runner { name: string; step: () => void; }

/** Per-round ms/step of each runner; runners interleave so machine noise hits them alike. */
function measureRounds(runners: Runner[], stepsPerRound: number, rounds: number, warmup: number): Map<string, number[]> {
  for (const r of runners) for (let i = 0; i < warmup; i++) r.step();
  const samples = new Map<string, number[]>(runners.map((r) => [r.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const r of runners) {
      const t0 = performance.now();
      for (let i = 0; i < stepsPerRound; i++) r.step();
      samples.get(r.name)?.push((performance.now() - t0) / stepsPerRound);
    }
  }
  return samples;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * The ratio a/b as the median of per-round ratios: the two were timed back to back in each
 * round, so a load change on the shared machine hits both (a ratio of two medians can pair
 * a quiet round of one with a busy round of the other).
 */
function pairedRatio(samples: Map<string, number[]>, a: string, b: string): number {
  const xs = samples.get(a) as number[];
  const ys = samples.get(b) as number[];
  return median(xs.map((x, i) => x / (ys[i] as number)));
}

/** heapUsed + arrayBuffers after two full collections (the second frees what the first finalised). */
function settledMemory(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Retained memory per step over `steps` steps, after a few warm-up steps. */
function heapGrowthPerStep(step: () => void, steps: number): number {
  for (let i = 0; i < 5; i++) step();
  const before = settledMemory();
  for (let i = 0; i < steps; i++) step();
  return (settledMemory() - before) / steps;
}

/**
 * Bytes allocated per step: memory growth over a few steps short enough that no
 * collection runs in between (a lower bound if one does).
 */
function allocationPerStep(step: () => void, steps: number): number {
  const before = settledMemory();
  for (let i = 0; i < steps; i++) step();
  const after = process.memoryUsage();
  return Math.max(0, after.heapUsed + after.arrayBuffers - before) / steps;
}

// ---------------------------------------------------------------------------------------
// Course network 1→6→7→2, logistic σ, cost Σ(a3 − y)² / N, full batch N = 1000, column
// layout as in the notebook: a(n) = σ(W(n)·a(n−1) + b(n)) with the examples as columns.
const N = 1000;
const LR = 0.05;
const xs = Float64Array.from({ length: N }, (_, i) => i / N);
const ys = new Float64Array(2 * N);
for (let i = 0; i < N; i++) {
  const t = 2 * Math.PI * (xs[i] as number);
  ys[i] = 0.5 + 0.3 * Math.sin(t);
  ys[N + i] = 0.5 + 0.3 * Math.cos(t);
}
const initCourse = (): Float64Array[] => [
  randn(6 * 1, 0.5), randn(7 * 6, 0.5), randn(2 * 7, 0.5), randn(6, 0.5), randn(7, 0.5), randn(2, 0.5),
];
const courseInit = initCourse();

function sgd(params: readonly Float64Array[], grads: readonly Float64Array[], lr: number): void {
  params.forEach((p, k) => {
    const g = grads[k] as Float64Array;
    for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) - lr * (g[i] as number);
  });
}

function autodiffCourse(): Runner {
  const shapes = [[6, 1], [7, 6], [2, 7], [6, 1], [7, 1], [2, 1]];
  const params = courseInit.map((p, k) => new Tensor(p.slice(), shapes[k] as number[]));
  const a0 = new Tensor(xs, [1, N]);
  const y = new Tensor(ys, [2, N]);
  const cost = (W1: Tensor, W2: Tensor, W3: Tensor, b1: Tensor, b2: Tensor, b3: Tensor): Tensor => {
    const a1 = W1.dense(a0, b1, 'sigmoid');
    const a2 = W2.dense(a1, b2, 'sigmoid');
    const a3 = W3.dense(a2, b3, 'sigmoid');
    return a3.sub(y).square().sum().div(N);
  };
  const step = valueAndGrad(cost, { argnums: [0, 1, 2, 3, 4, 5] });
  return {
    name: 'autodiff',
    step: () => {
      const [, grads] = step(...params);
      sgd(params.map((p) => p.data), grads.map((g) => g.data), LR);
    },
  };
}

/** The same cost written with the plain ops (no fused layer), compiled: jit(valueAndGrad(cost)). */
function jitCourse(): Runner {
  const shapes = [[6, 1], [7, 6], [2, 7], [6, 1], [7, 1], [2, 1]];
  const params = courseInit.map((p, k) => new Tensor(p.slice(), shapes[k] as number[]));
  const a0 = new Tensor(xs, [1, N]);
  const y = new Tensor(ys, [2, N]);
  const cost = (W1: Tensor, W2: Tensor, W3: Tensor, b1: Tensor, b2: Tensor, b3: Tensor): Tensor => {
    const a1 = sigmoid(W1.matmul(a0).add(b1));
    const a2 = sigmoid(W2.matmul(a1).add(b2));
    const a3 = sigmoid(W3.matmul(a2).add(b3));
    return a3.sub(y).square().sum().div(N);
  };
  const step = jit(valueAndGrad(cost, { argnums: [0, 1, 2, 3, 4, 5] }));
  return {
    name: 'jit',
    step: () => {
      const [, grads] = step(...params);
      sgd(params.map((p) => p.data), grads.map((g) => g.data), LR);
    },
  };
}

function handCourse(): Runner {
  const [W1, W2, W3, b1, b2, b3] = courseInit.map((p) => p.slice()) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const g = [W1, W2, W3, b1, b2, b3].map((p) => new Float64Array(p.length)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [gW1, gW2, gW3, gb1, gb2, gb3] = g;
  const a1 = new Float64Array(6);
  const a2 = new Float64Array(7);
  const d2 = new Float64Array(7);
  const d3 = new Float64Array(2);
  const scale = 2 / N;
  return {
    name: 'hand loop',
    step: () => {
      for (const gi of g) gi.fill(0);
      for (let s = 0; s < N; s++) {
        const x = xs[s] as number;
        for (let i = 0; i < 6; i++) a1[i] = 1 / (1 + Math.exp(-((W1[i] as number) * x + (b1[i] as number))));
        for (let i = 0; i < 7; i++) {
          let z = b2[i] as number;
          for (let j = 0; j < 6; j++) z += (W2[i * 6 + j] as number) * (a1[j] as number);
          a2[i] = 1 / (1 + Math.exp(-z));
        }
        for (let i = 0; i < 2; i++) {
          let z = b3[i] as number;
          for (let j = 0; j < 7; j++) z += (W3[i * 7 + j] as number) * (a2[j] as number);
          const a3 = 1 / (1 + Math.exp(-z));
          const d = scale * (a3 - (ys[i * N + s] as number)) * a3 * (1 - a3);
          d3[i] = d;
          gb3[i] = (gb3[i] as number) + d;
          for (let j = 0; j < 7; j++) gW3[i * 7 + j] = (gW3[i * 7 + j] as number) + d * (a2[j] as number);
        }
        for (let j = 0; j < 7; j++) {
          const s2 = a2[j] as number;
          const d = ((W3[j] as number) * (d3[0] as number) + (W3[7 + j] as number) * (d3[1] as number)) * s2 * (1 - s2);
          d2[j] = d;
          gb2[j] = (gb2[j] as number) + d;
          for (let k = 0; k < 6; k++) gW2[j * 6 + k] = (gW2[j * 6 + k] as number) + d * (a1[k] as number);
        }
        for (let k = 0; k < 6; k++) {
          let back = 0;
          for (let j = 0; j < 7; j++) back += (W2[j * 6 + k] as number) * (d2[j] as number);
          const s1 = a1[k] as number;
          const d = back * s1 * (1 - s1);
          gb1[k] = (gb1[k] as number) + d;
          gW1[k] = (gW1[k] as number) + d * x;
        }
      }
      sgd([W1, W2, W3, b1, b2, b3], g, LR);
    },
  };
}

function tfjsCourse(): Runner {
  const shapes: [number, number][] = [[6, 1], [7, 6], [2, 7], [6, 1], [7, 1], [2, 1]];
  const vars = courseInit.map((p, k) => tf.variable(tf.tensor2d(Float32Array.from(p), shapes[k] as [number, number])));
  const [W1, W2, W3, b1, b2, b3] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const a0 = tf.tensor2d(Float32Array.from(xs), [1, N]);
  const y = tf.tensor2d(Float32Array.from(ys), [2, N]);
  const cost = (): tf.Scalar => {
    const a1 = tf.sigmoid(tf.add(tf.matMul(W1, a0), b1));
    const a2 = tf.sigmoid(tf.add(tf.matMul(W2, a1), b2));
    const a3 = tf.sigmoid(tf.add(tf.matMul(W3, a2), b3));
    return tf.div(tf.sum(tf.square(tf.sub(a3, y))), N);
  };
  return {
    name: 'tfjs cpu',
    step: () => {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(cost, vars);
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name] as tf.Tensor, LR)));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// 784→128→10, σ on both layers, cost Σ(a2 − y)² / N, batch N = 256, row layout X·W + b.
const M = 256;
const IN = 784;
const HID = 128;
const OUT = 10;
const X = Float64Array.from({ length: M * IN }, () => rand());
const Y = new Float64Array(M * OUT);
for (let i = 0; i < M; i++) Y[i * OUT + Math.floor(rand() * OUT)] = 1;
const mnistInit = [randn(IN * HID, 0.05), randn(HID * OUT, 0.1), new Float64Array(HID), new Float64Array(OUT)];

/** The hand reference: C = A·B with A(i,p)=a[i·ais+p·aps], B(p,j)=b[p·bps+j·bjs], 4×4 register blocks. */
function handGemm(a: Float64Array, ais: number, aps: number, b: Float64Array, bps: number, bjs: number, m: number, k: number, n: number, c: Float64Array): void {
  for (let i = 0; i < m; i += 4) {
    for (let j = 0; j < n; j += 4) {
      if (i + 4 > m || j + 4 > n) {
        for (let ii = i; ii < Math.min(m, i + 4); ii++) {
          for (let jj = j; jj < Math.min(n, j + 4); jj++) {
            let s = 0;
            for (let p = 0; p < k; p++) s += (a[ii * ais + p * aps] as number) * (b[p * bps + jj * bjs] as number);
            c[ii * n + jj] = s;
          }
        }
        continue;
      }
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = i * ais;
      let pb = j * bjs;
      for (let p = 0; p < k; p++) {
        const a0 = a[pa] as number, a1 = a[pa + ais] as number, a2 = a[pa + 2 * ais] as number, a3 = a[pa + 3 * ais] as number;
        const b0 = b[pb] as number, b1 = b[pb + bjs] as number, b2 = b[pb + 2 * bjs] as number, b3 = b[pb + 3 * bjs] as number;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa += aps;
        pb += bps;
      }
      const o = i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
      c[o + n] = c10; c[o + n + 1] = c11; c[o + n + 2] = c12; c[o + n + 3] = c13;
      c[o + 2 * n] = c20; c[o + 2 * n + 1] = c21; c[o + 2 * n + 2] = c22; c[o + 2 * n + 3] = c23;
      c[o + 3 * n] = c30; c[o + 3 * n + 1] = c31; c[o + 3 * n + 2] = c32; c[o + 3 * n + 3] = c33;
    }
  }
}

function handMnist(): Runner {
  const [W1, W2, b1, b2] = mnistInit.map((p) => p.slice()) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const z1 = new Float64Array(M * HID);
  const z2 = new Float64Array(M * OUT);
  const d1 = new Float64Array(M * HID);
  const gW1 = new Float64Array(IN * HID);
  const gW2 = new Float64Array(HID * OUT);
  const gb1 = new Float64Array(HID);
  const gb2 = new Float64Array(OUT);
  return {
    name: 'hand GEMM',
    step: () => {
      handGemm(X, IN, 1, W1, HID, 1, M, IN, HID, z1);
      for (let i = 0; i < M; i++) for (let j = 0; j < HID; j++) z1[i * HID + j] = 1 / (1 + Math.exp(-((z1[i * HID + j] as number) + (b1[j] as number))));
      handGemm(z1, HID, 1, W2, OUT, 1, M, HID, OUT, z2);
      gb2.fill(0);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < OUT; j++) {
          const a = 1 / (1 + Math.exp(-((z2[i * OUT + j] as number) + (b2[j] as number))));
          const d = (2 / M) * (a - (Y[i * OUT + j] as number)) * a * (1 - a);
          z2[i * OUT + j] = d;
          gb2[j] = (gb2[j] as number) + d;
        }
      }
      handGemm(z1, 1, HID, z2, OUT, 1, HID, M, OUT, gW2);
      handGemm(z2, OUT, 1, W2, 1, OUT, M, OUT, HID, d1);
      gb1.fill(0);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < HID; j++) {
          const a = z1[i * HID + j] as number;
          const d = (d1[i * HID + j] as number) * a * (1 - a);
          d1[i * HID + j] = d;
          gb1[j] = (gb1[j] as number) + d;
        }
      }
      handGemm(X, 1, IN, d1, HID, 1, IN, M, HID, gW1);
      sgd([W1, W2, b1, b2], [gW1, gW2, gb1, gb2], LR);
    },
  };
}

function autodiffMnist(): Runner {
  const shapes = [[IN, HID], [HID, OUT], [HID], [OUT]];
  const params = mnistInit.map((p, k) => new Tensor(p.slice(), shapes[k] as number[]));
  const x = tensor(X, [M, IN]);
  const y = tensor(Y, [M, OUT]);
  const cost = (W1: Tensor, W2: Tensor, b1: Tensor, b2: Tensor): Tensor => {
    const a1 = x.dense(W1, b1, 'sigmoid');
    const a2 = a1.dense(W2, b2, 'sigmoid');
    return a2.sub(y).square().sum().div(M);
  };
  const step = valueAndGrad(cost, { argnums: [0, 1, 2, 3] });
  return {
    name: 'autodiff',
    step: () => {
      const [, grads] = step(...params);
      sgd(params.map((p) => p.data), grads.map((g) => g.data), LR);
    },
  };
}

function jitMnist(): Runner {
  const shapes = [[IN, HID], [HID, OUT], [HID], [OUT]];
  const params = mnistInit.map((p, k) => new Tensor(p.slice(), shapes[k] as number[]));
  const x = tensor(X, [M, IN]);
  const y = tensor(Y, [M, OUT]);
  const cost = (W1: Tensor, W2: Tensor, b1: Tensor, b2: Tensor): Tensor => {
    const a1 = sigmoid(x.matmul(W1).add(b1));
    const a2 = sigmoid(a1.matmul(W2).add(b2));
    return a2.sub(y).square().sum().div(M);
  };
  const step = jit(valueAndGrad(cost, { argnums: [0, 1, 2, 3] }));
  return {
    name: 'jit',
    step: () => {
      const [, grads] = step(...params);
      sgd(params.map((p) => p.data), grads.map((g) => g.data), LR);
    },
  };
}

function tfjsMnist(): Runner {
  const vars = [
    tf.variable(tf.tensor2d(Float32Array.from(mnistInit[0] as Float64Array), [IN, HID])),
    tf.variable(tf.tensor2d(Float32Array.from(mnistInit[1] as Float64Array), [HID, OUT])),
    tf.variable(tf.tensor1d(Float32Array.from(mnistInit[2] as Float64Array))),
    tf.variable(tf.tensor1d(Float32Array.from(mnistInit[3] as Float64Array))),
  ];
  const [W1, W2, b1, b2] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const x = tf.tensor2d(Float32Array.from(X), [M, IN]);
  const y = tf.tensor2d(Float32Array.from(Y), [M, OUT]);
  const cost = (): tf.Scalar => {
    const a1 = tf.sigmoid(tf.add(tf.matMul(x, W1), b1));
    const a2 = tf.sigmoid(tf.add(tf.matMul(a1, W2), b2));
    return tf.div(tf.sum(tf.square(tf.sub(a2, y))), M);
  };
  return {
    name: 'tfjs cpu',
    step: () => {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(cost, vars);
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name] as tf.Tensor, LR)));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// What @slope/optim needs when the user supplies no derivatives: the Jacobian of the
// course's 20-bin Gaussian residuals (2 parameters μ, σ; COURSE.md §2.1) for
// Levenberg–Marquardt, and the gradient of Rosenbrock's function for BFGS, each against
// the hand-written derivative. One step = EVALS evaluations.
const EVALS = 1000;
const bins = Float64Array.from({ length: 20 }, (_, i) => 155 + 2.5 * i + 1.25);
const density = Float64Array.from(bins, (x) => Math.exp(-((x - 178.5) ** 2) / (2 * 7.55 ** 2)) / (7.55 * Math.sqrt(2 * Math.PI)) * (1 + 0.1 * Math.sin(x)));
const binsT = tensor(bins);
const densityT = tensor(density);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Residuals y − N(x; μ, σ), written with tensor ops as a user would. */
const gaussianResiduals = (p: Tensor): Tensor => {
  const mu = p.at(0);
  const sig = p.at(1);
  return densityT.sub(exp(binsT.sub(mu).square().div(sig.square().mul(-2))).div(sig.mul(SQRT_2PI)));
};
const rosenbrock = (x: Tensor): Tensor => {
  const a = x.at(0);
  const b = x.at(1);
  return sub(1, a).square().add(b.sub(a.square()).square().mul(100));
};
const p0 = Float64Array.of(170, 10);
const r0 = Float64Array.of(-1.2, 1);
/** Every runner evaluates at a slightly different point each time, as an optimizer does. */
const nudge = (x: Float64Array, e: number): void => { x[0] = (x[0] as number) + (e & 1 ? 1e-9 : -1e-9); };

/** The hand-written derivatives, as functions an optimizer would be given. */
function analyticJacobian(p: Float64Array, J: Float64Array): void {
  const mu = p[0] as number;
  const sig = p[1] as number;
  for (let i = 0; i < 20; i++) {
    const d = (bins[i] as number) - mu;
    const f = Math.exp(-(d * d) / (2 * sig * sig)) / (sig * SQRT_2PI);
    J[2 * i] = (-f * d) / (sig * sig);
    J[2 * i + 1] = -f * ((d * d) / (sig * sig * sig) - 1 / sig);
  }
}
function handGradient(x: Float64Array, g: Float64Array): void {
  const a = x[0] as number;
  const b = x[1] as number;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
}

function gaussianRunners(): Runner[] {
  const J = new Float64Array(40);
  const analytic: Runner = { name: 'analytic', step: () => { for (let e = 0; e < EVALS; e++) { nudge(p0, e); analyticJacobian(p0, J); } } };
  const program = jit(jacobian(gaussianResiduals)).lower(p0);
  const ins = [p0];
  const outs = [J];
  const compiled: Runner = { name: 'jit run', step: () => { for (let e = 0; e < EVALS; e++) { nudge(p0, e); program.run(ins, outs); } } };
  const jitted = jit(jacobian(gaussianResiduals));
  const called: Runner = { name: 'jit call', step: () => { for (let e = 0; e < EVALS; e++) { nudge(p0, e); jitted(p0); } } };
  const eagerJ = jacobian(gaussianResiduals);
  const eager: Runner = { name: 'eager', step: () => { for (let e = 0; e < EVALS / 20; e++) { nudge(p0, e); eagerJ(p0); } } };
  return [analytic, compiled, called, eager];
}

function rosenbrockRunners(): Runner[] {
  const g = new Float64Array(2);
  const hand: Runner = { name: 'hand', step: () => { for (let e = 0; e < EVALS; e++) { nudge(r0, e); handGradient(r0, g); } } };
  const program = jit(grad(rosenbrock)).lower(r0);
  const ins = [r0];
  const outs = [g];
  const compiled: Runner = { name: 'jit run', step: () => { for (let e = 0; e < EVALS; e++) { nudge(r0, e); program.run(ins, outs); } } };
  const jitted = jit(grad(rosenbrock));
  const called: Runner = { name: 'jit call', step: () => { for (let e = 0; e < EVALS; e++) { nudge(r0, e); jitted(r0); } } };
  const eagerG = grad(rosenbrock);
  const eager: Runner = { name: 'eager', step: () => { for (let e = 0; e < EVALS / 20; e++) { nudge(r0, e); eagerG(r0); } } };
  return [hand, compiled, called, eager];
}

/** µs per evaluation: `step` ran EVALS evaluations (eager runners EVALS / 20). */
function perEval(ms: number, name: string): number {
  return (ms * 1000) / (name === 'eager' ? EVALS / 20 : EVALS);
}

// ---------------------------------------------------------------------------------------
function fmt(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms.toFixed(1);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  for (const config of [addGradConfig, batchMatMulGradConfig, divGradConfig, sigmoidGradConfig, squareGradConfig, subGradConfig, sumGradConfig]) {
    tf.registerGradient(config);
  }
  await tf.setBackend('cpu');
  await tf.ready();
  const rows: string[][] = [];
  const quick = process.argv.includes('--quick');

  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  let courseStep: (() => void) | null = null;
  let mnistStep: (() => void) | null = null;
  let courseJitStep: (() => void) | null = null;
  let mnistJitStep: (() => void) | null = null;
  if (only === undefined || only === 'course') {
    const course = [autodiffCourse(), jitCourse(), handCourse(), tfjsCourse()];
    courseStep = (course[0] as Runner).step;
    courseJitStep = (course[1] as Runner).step;
    const cs = measureRounds(course, quick ? 20 : 100, quick ? 3 : 11, quick ? 50 : 300);
    const c = (name: string): number => median(cs.get(name) as number[]);
    rows.push(['1→6→7→2 σ, N=1000', 'hand fused loop', fmt(c('hand loop')), fmt(c('autodiff')), `${pairedRatio(cs, 'autodiff', 'hand loop').toFixed(2)}× (eager, fused dense)`]);
    rows.push(['1→6→7→2 σ, N=1000', 'hand fused loop', fmt(c('hand loop')), `${fmt(c('jit'))} (jit)`, `${pairedRatio(cs, 'jit', 'hand loop').toFixed(2)}× (goal ≤ 1.15×)`]);
    rows.push(['1→6→7→2 σ, N=1000', 'tfjs cpu', fmt(c('tfjs cpu')), fmt(c('autodiff')), `${pairedRatio(cs, 'tfjs cpu', 'autodiff').toFixed(1)}× faster (goal ≥ 5×)`]);
  }
  if (only === undefined || only === 'mnist') {
    const mnist = [autodiffMnist(), jitMnist(), handMnist(), tfjsMnist()];
    mnistStep = (mnist[0] as Runner).step;
    mnistJitStep = (mnist[1] as Runner).step;
    const ms = measureRounds(mnist, quick ? 1 : 2, quick ? 3 : 15, quick ? 2 : 5);
    const mm = (name: string): number => median(ms.get(name) as number[]);
    rows.push(['784→128→10 σ, N=256', 'hand GEMM loop', fmt(mm('hand GEMM')), fmt(mm('autodiff')), `${pairedRatio(ms, 'autodiff', 'hand GEMM').toFixed(2)}× (eager, fused dense)`]);
    rows.push(['784→128→10 σ, N=256', 'hand GEMM loop', fmt(mm('hand GEMM')), `${fmt(mm('jit'))} (jit)`, `${pairedRatio(ms, 'jit', 'hand GEMM').toFixed(2)}× (goal ≤ 1.5×)`]);
    rows.push(['784→128→10 σ, N=256', 'tfjs cpu', fmt(mm('tfjs cpu')), fmt(mm('autodiff')), `${pairedRatio(ms, 'tfjs cpu', 'autodiff').toFixed(1)}× faster (goal > 1×)`]);
  }

  if (only === undefined || only === 'optim') {
    for (const [label, reference, runners] of [
      ['Gaussian 20 bins: J (20×2)', 'analytic J', gaussianRunners()],
      ['Rosenbrock: ∇f (2)', 'hand gradient', rosenbrockRunners()],
    ] as const) {
      const t = measureRounds(runners, 1, quick ? 5 : 15, quick ? 20 : 200);
      const refName = runners[0]?.name as string;
      const ref = perEval(median(t.get(refName) as number[]), 'ref');
      for (const r of runners.slice(1)) {
        const us = perEval(median(t.get(r.name) as number[]), r.name);
        const ratio = pairedRatio(t, r.name, refName) * (r.name === 'eager' ? 20 : 1);
        const what = r.name === 'jit run' ? 'jit, lower().run (caller buffers)' : r.name === 'jit call' ? 'jit, called with tensors' : 'eager (no jit)';
        rows.push([label, reference, `${ref.toFixed(3)} µs`, `${us < 10 ? us.toFixed(3) : us.toFixed(1)} µs ${what}`, `${ratio.toFixed(1)}×`]);
      }
    }
  }

  const header = ['network', 'reference', 'reference ms/step', 'autodiff ms/step', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => `| ${r.map((v, i) => v.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));

  console.log();
  console.log('memory (autodiff, heapUsed + arrayBuffers):');
  if (courseStep != null) {
    console.log(`  course net: allocated ≈ ${kb(allocationPerStep(courseStep, 10))}/step, retained after gc ${kb(heapGrowthPerStep(courseStep, quick ? 500 : 2000))}/step`);
  }
  if (mnistStep != null) {
    console.log(`  784-128-10: allocated ≈ ${kb(allocationPerStep(mnistStep, 2))}/step, retained after gc ${kb(heapGrowthPerStep(mnistStep, quick ? 10 : 30))}/step`);
  }
  if (courseJitStep != null) {
    console.log(`  course net, jit: allocated ≈ ${kb(allocationPerStep(courseJitStep, 10))}/step, retained after gc ${kb(heapGrowthPerStep(courseJitStep, quick ? 500 : 2000))}/step`);
  }
  if (mnistJitStep != null) {
    console.log(`  784-128-10, jit: allocated ≈ ${kb(allocationPerStep(mnistJitStep, 2))}/step, retained after gc ${kb(heapGrowthPerStep(mnistJitStep, quick ? 10 : 30))}/step`);
  }
}

await main();
