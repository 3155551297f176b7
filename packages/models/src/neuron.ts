import { activate, checkActivation, type Activation } from './activation.js';

function checkFinite(where: string, what: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${where}: ${what} is ${String(v)}; expected a finite number`);
}

/**
 * One neuron, `a₁ = σ(w · a₀ + b)`, as in the course's week-3 quizzes (tanh by default).
 *
 * @param weights - one weight, or one per input.
 * @param bias - b.
 * @param activation - default 'tanh', as in the quizzes.
 * @throws RangeError for a non-finite weight or bias, an unknown activation, or an input of the wrong length.
 * @example
 * ```ts
 * const not = neuron(-10, 10);   // the quiz's NOT neuron
 * [not(0), not(1)];              // [≈ 1, 0]
 * neuron(1.3, -0.1)(1);          // 0.8336…
 * ```
 */
export function neuron(
  weights: number | readonly number[],
  bias: number,
  activation: Activation = 'tanh',
): (input: number | readonly number[]) => number {
  const w = typeof weights === 'number' ? [weights] : [...weights];
  w.forEach((v, i) => checkFinite('neuron(weights, bias)', `weights[${i}]`, v));
  checkFinite('neuron(weights, bias)', 'bias', bias);
  const act = checkActivation('neuron(weights, bias, activation)', activation);
  return (input) => {
    const a = typeof input === 'number' ? [input] : input;
    if (a.length !== w.length) {
      throw new RangeError(`neuron: input has ${a.length} values; expected ${w.length} (one per weight)`);
    }
    let z = bias;
    for (let i = 0; i < w.length; i++) z += w[i]! * a[i]!;
    return activate(act, z);
  };
}

/**
 * One layer of neurons, `a₁ = σ(W a₀ + b)` with W given as rows (one row per neuron).
 *
 * @throws RangeError for ragged weights, a bias count that differs from the rows, or an input of the wrong length.
 * @example
 * ```ts
 * const l = layer([[-2, 4, -1], [6, 0, -3]], [0.1, -2.5]);
 * l([0.3, 0.4, 0.1]); // tanh([1, -1]) ≈ [0.7616, -0.7616]
 * ```
 */
export function layer(
  weights: readonly (readonly number[])[],
  biases: readonly number[],
  activation: Activation = 'tanh',
): (input: readonly number[]) => number[] {
  if (weights.length !== biases.length) {
    throw new RangeError(`layer(weights, biases): ${weights.length} weight rows but ${biases.length} biases; expected one bias per row`);
  }
  const inputs = weights[0]?.length ?? 0;
  const neurons = weights.map((row, i) => {
    if (row.length !== inputs) {
      throw new RangeError(`layer(weights, biases): weights[${i}] has ${row.length} values; expected ${inputs} like weights[0]`);
    }
    return neuron(row, biases[i]!, activation);
  });
  return (input) => {
    if (input.length !== inputs) throw new RangeError(`layer: input has ${input.length} values; expected ${inputs}`);
    return neurons.map((f) => f(input));
  };
}
