import { assignmentSpec, type AssignmentId, type GradedFunctionSpec } from './assignments.js';

/**
 * The language of a learner's file.
 *
 * @example
 * ```ts
 * const language: Language = 'ts';
 * ```
 */
export type Language = 'ts' | 'js';

const COMMANDS: Record<AssignmentId, { check: string; train: string }> = {
  backprop: { check: 'corepack pnpm backprop check FILE', train: 'corepack pnpm backprop --engine FILE' },
  heights: { check: 'corepack pnpm fit-heights check FILE', train: 'load FILE on the docs site\'s week 6 page and press "Train with my code"' },
};

const BACKPROP_KIT = [
  'Matrices are arrays of rows, number[][], with the N examples as columns (as in the notebook):',
  'x is 1×N, y is 2×N, W2 is n2×n1, b2 is n2×1. Every function receives `net`, which carries',
  '  net.W1, net.W2, net.W3, net.b1, net.b2, net.b3   the weights and biases',
  '  net.forward(x)      → { a0, z1, a1, z2, a2, z3, a3 }  (the notebook\'s network_function)',
  '  net.sigma(z)        σ(z) = 1/(1 + exp(−z)), elementwise',
  '  net.dSigma(z)       σ′(z) = cosh(z/2)^(−2)/4, elementwise',
  '  net.matmul(A, B)    A·B (numpy\'s A @ B)       net.transpose(A)  Aᵀ (A.T)',
  '  net.mul(A, B)       A ⊙ B (numpy\'s A * B)     net.add(A, B), net.sub(A, B)  A + B, A − B',
  '  net.scale(A, k)     k·A for a number k',
  '  net.sum(A, axis)    np.sum(A, axis, keepdims=True): axis 1 (the default) sums over the examples',
  '  net.size(x)         numpy\'s x.size: N for the input row x',
  '  net.map(A, fn)      fn applied to every element',
];

const HEIGHTS_KIT = [
  'x holds the bin centres and y the histogram\'s density per bin, as plain arrays of numbers;',
  'mu, sig and aggression are numbers. dfdmu and dfdsig return one number per bin;',
  'steepest_step returns [dmu, dsig]. f(x, mu, sig) below is the Gaussian (given, not graded).',
];

const TS_TYPES: Record<AssignmentId, string> = {
  backprop: `export type Matrix = number[][];

export interface Network {
  W1: Matrix; W2: Matrix; W3: Matrix; b1: Matrix; b2: Matrix; b3: Matrix;
  forward(x: Matrix): { a0: Matrix; z1: Matrix; a1: Matrix; z2: Matrix; a2: Matrix; z3: Matrix; a3: Matrix };
  sigma(z: Matrix): Matrix;
  dSigma(z: Matrix): Matrix;
  matmul(A: Matrix, B: Matrix): Matrix;
  transpose(A: Matrix): Matrix;
  mul(A: Matrix, B: Matrix): Matrix;
  add(A: Matrix, B: Matrix): Matrix;
  sub(A: Matrix, B: Matrix): Matrix;
  scale(A: Matrix, k: number): Matrix;
  sum(A: Matrix, axis?: 0 | 1): Matrix;
  size(A: Matrix): number;
  map(A: Matrix, fn: (a: number) => number): Matrix;
}

`,
  heights: '',
};

const TS_PARAMS: Record<string, string> = {
  net: 'net: Network',
  x: 'x: number[]',
  y: 'y: number[]',
  mu: 'mu: number',
  sig: 'sig: number',
  aggression: 'aggression: number',
};

function signature(id: AssignmentId, fn: GradedFunctionSpec, language: Language): string {
  if (language === 'js') return `(${fn.params.join(', ')})`;
  const param = (p: string): string => (id === 'backprop' && (p === 'x' || p === 'y') ? `${p}: Matrix` : TS_PARAMS[p]!);
  const returns = id === 'backprop' ? 'Matrix' : fn.name === 'steepest_step' ? '[number, number]' : 'number[]';
  return `(${fn.params.map(param).join(', ')}): ${returns}`;
}

// The worked solutions, written as a learner would: a few numpy-like lines each.
const SOLUTIONS: Record<string, readonly string[]> = {
  J_W3: [
    'const { a2, z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2); // ∂C/∂a3 = 2(a3 − y)',
    'J = net.mul(J, net.dSigma(z3)); // ⊙ σ′(z3): this is δ3',
    'J = net.scale(net.matmul(J, net.transpose(a2)), 1 / net.size(x)); // δ3 · a2ᵀ / N',
    'return J;',
  ],
  J_b3: [
    'const { z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2);',
    'J = net.mul(J, net.dSigma(z3)); // δ3',
    'J = net.scale(net.sum(J, 1), 1 / net.size(x)); // Σ δ3 / N',
    'return J;',
  ],
  J_W2: [
    'const { a1, z2, z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2);',
    'J = net.mul(J, net.dSigma(z3)); // δ3',
    'J = net.mul(net.matmul(net.transpose(net.W3), J), net.dSigma(z2)); // δ2 = (W3ᵀ δ3) ⊙ σ′(z2)',
    'J = net.scale(net.matmul(J, net.transpose(a1)), 1 / net.size(x)); // δ2 · a1ᵀ / N',
    'return J;',
  ],
  J_b2: [
    'const { z2, z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2);',
    'J = net.mul(J, net.dSigma(z3)); // δ3',
    'J = net.mul(net.matmul(net.transpose(net.W3), J), net.dSigma(z2)); // δ2',
    'J = net.scale(net.sum(J, 1), 1 / net.size(x)); // Σ δ2 / N',
    'return J;',
  ],
  J_W1: [
    'const { a0, z1, z2, z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2);',
    'J = net.mul(J, net.dSigma(z3)); // δ3',
    'J = net.mul(net.matmul(net.transpose(net.W3), J), net.dSigma(z2)); // δ2',
    'J = net.mul(net.matmul(net.transpose(net.W2), J), net.dSigma(z1)); // δ1 = (W2ᵀ δ2) ⊙ σ′(z1)',
    'J = net.scale(net.matmul(J, net.transpose(a0)), 1 / net.size(x)); // δ1 · a0ᵀ / N',
    'return J;',
  ],
  J_b1: [
    'const { z1, z2, z3, a3 } = net.forward(x);',
    'let J = net.scale(net.sub(a3, y), 2);',
    'J = net.mul(J, net.dSigma(z3)); // δ3',
    'J = net.mul(net.matmul(net.transpose(net.W3), J), net.dSigma(z2)); // δ2',
    'J = net.mul(net.matmul(net.transpose(net.W2), J), net.dSigma(z1)); // δ1',
    'J = net.scale(net.sum(J, 1), 1 / net.size(x)); // Σ δ1 / N',
    'return J;',
  ],
  dfdmu: ['const fx = f(x, mu, sig);', 'return x.map((xi, i) => (fx[i] * (xi - mu)) / sig ** 2);'],
  dfdsig: ['const fx = f(x, mu, sig);', 'return x.map((xi, i) => fx[i] * ((xi - mu) ** 2 / sig ** 3 - 1 / sig));'],
  steepest_step: [
    'const fx = f(x, mu, sig);',
    'const r = y.map((yi, i) => yi - fx[i]); // y − f',
    'const dot = (a, b) => a.reduce((s, ai, i) => s + ai * b[i], 0);',
    'const J = [',
    '  -2 * dot(r, dfdmu(x, mu, sig)), // ∂χ²/∂μ (given in the notebook)',
    '  -2 * dot(r, dfdsig(x, mu, sig)), // ∂χ²/∂σ',
    '];',
    'return [-J[0] * aggression, -J[1] * aggression]; // step = −J · aggression',
  ],
};

const TS_LINES: Record<string, string> = {
  'const dot = (a, b) => a.reduce((s, ai, i) => s + ai * b[i], 0);': 'const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0);',
};

const NOT_WRITTEN_HELP: Record<string, string> = {
  steepest_step: 'The notebook gives the first element: -2 * dot(y − f, dfdmu(x, mu, sig)). Write the second the same way.',
};

const HEIGHTS_PRELUDE = (language: Language): string => `// The Gaussian f(x; μ, σ) = exp(−(x − μ)²/(2σ²)) / (σ√(2π)) at every bin (given, not graded).
export function f${language === 'ts' ? '(x: number[], mu: number, sig: number): number[]' : '(x, mu, sig)'} {
  return x.map((xi) => Math.exp(-((xi - mu) ** 2) / (2 * sig ** 2)) / (sig * Math.sqrt(2 * Math.PI)));
}

`;

function wrap(text: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function comment(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '//' : `// ${l}`)).join('\n');
}

function functionSource(id: AssignmentId, fn: GradedFunctionSpec, language: Language, solved: boolean): string {
  const help = !solved && NOT_WRITTEN_HELP[fn.name] !== undefined ? ['', ...wrap(NOT_WRITTEN_HELP[fn.name]!)] : [];
  const banner = [`GRADED FUNCTION ${fn.name}${fn.given ? ' (a worked example in the notebook)' : ''}`, ...wrap(fn.explanation), ...help];
  const body = solved ? SOLUTIONS[fn.name]!.map((l) => (language === 'ts' ? (TS_LINES[l] ?? l) : l)) : [`throw new Error('${fn.name}: not written yet');`];
  return `${comment(banner)}\nexport function ${fn.name}${signature(id, fn, language)} {\n${body.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

function moduleSource(id: AssignmentId, language: Language, solvedAll: boolean): string {
  const spec = assignmentSpec(id);
  if (language !== 'ts' && language !== 'js') throw new RangeError(`language must be "ts" or "js", got ${JSON.stringify(language)}`);
  const commands = COMMANDS[id];
  const header = [
    `Slope — ${spec.title}.`,
    '',
    solvedAll
      ? 'The reference solution: every graded function written out.'
      : 'Write each graded function below where it throws "not written yet"; the worked examples of the notebook are filled in.',
    `Check them (each is graded on its own, with hints):  ${commands.check}`,
    `Then run the assignment with your own functions:     ${commands.train}`,
    'On the course site, the Assignments editor accepts this file as it is.',
    '',
    ...(id === 'backprop' ? BACKPROP_KIT : HEIGHTS_KIT),
  ];
  const functions = spec.functions.map((fn) => functionSource(id, fn, language, solvedAll || fn.given));
  const types = language === 'ts' ? TS_TYPES[id] : '';
  const prelude = id === 'heights' ? HEIGHTS_PRELUDE(language) : '';
  return `${comment(header)}\n\n${types}${prelude}${functions.join('\n')}`;
}

/**
 * The file a learner edits: a header saying how to check and train with it, then every graded
 * function with its signature and the course's explanation; its body throws
 * `new Error('<name>: not written yet')`, except the notebook's worked examples (J_W3, J_W2),
 * which hold their solution. A whole ES module with no imports.
 *
 * @throws RangeError for an unknown assignment or language.
 * @example
 * ```ts
 * starterSource('backprop', 'js'); // '// Slope — Backpropagation (week 3)…\nexport function J_W3(net, x, y) {…'
 * ```
 */
export function starterSource(id: AssignmentId, language: Language): string {
  return moduleSource(id, language, false);
}

/**
 * The reference solution as the same kind of module: what a learner's file looks like when
 * every function is written.
 *
 * @throws RangeError for an unknown assignment or language.
 * @example
 * ```ts
 * solutionSource('heights', 'ts'); // 'export function dfdmu(x: number[], mu: number, sig: number): number[] {…'
 * ```
 */
export function solutionSource(id: AssignmentId, language: Language): string {
  return moduleSource(id, language, true);
}
