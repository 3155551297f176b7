/**
 * The activation functions a neuron can apply to z = W a + b.
 *
 * @example
 * ```ts
 * const act: Activation = 'tanh';
 * neuron(1, 0, act)(0.5); // tanh(0.5)
 * ```
 */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear';

export const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'linear'];

export function checkActivation(where: string, activation: unknown): Activation {
  if (!ACTIVATIONS.includes(activation as Activation)) {
    throw new RangeError(`${where}: activation must be one of ${ACTIVATIONS.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(activation)}`);
  }
  return activation as Activation;
}

export function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

// Whole-array forms with the switch hoisted out of the loop: the trainer spends most of its
// time here, and a per-element switch costs more than the arithmetic.
export function activateInto(activation: Activation, z: Float64Array, out: Float64Array): void {
  const n = z.length;
  switch (activation) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]!);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = z[i]! > 0 ? z[i]! : 0;
      return;
    case 'linear':
      out.set(z);
      return;
  }
}

/** target ⊙= σ'(z), with a = σ(z). */
export function multiplySlope(activation: Activation, z: Float64Array, a: Float64Array, target: Float64Array): void {
  const n = target.length;
  switch (activation) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) target[i]! *= a[i]! * (1 - a[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) target[i]! *= 1 - a[i]! * a[i]!;
      return;
    case 'relu':
      for (let i = 0; i < n; i++) if (!(z[i]! > 0)) target[i] = 0;
      return;
    case 'linear':
      return;
  }
}
