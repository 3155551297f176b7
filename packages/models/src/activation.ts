import { portableExp } from './portable-math.js';
import { portableTanh } from './portable-tanh.js';

/**
 * The activation functions a neuron can apply to z = W a + b. Every one gives the same bits on
 * every JavaScript engine (the sigmoid through `portableExp`, tanh through `portableTanh`), so
 * a seeded training run is the same run in Node and in a browser.
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

/**
 * The course's logistic function σ(z) = 1 / (1 + e^(−z)), with the portable exp: within 2 ulps
 * of the true value (exp's 1 ulp and two roundings), the same bits everywhere.
 *
 * @example
 * ```ts
 * portableSigmoid(0); // 0.5
 * ```
 */
export function portableSigmoid(z: number): number {
  return 1 / (1 + portableExp(-z));
}

export function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid':
      return 1 / (1 + portableExp(-z));
    case 'tanh':
      return portableTanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

// Whole-array forms with the switch hoisted out of the loop: the trainer spends most of its
// time here, and a per-element switch costs more than the arithmetic. `out` may be `z`.
export function activateInto(activation: Activation, z: Float64Array, out: Float64Array): void {
  const n = z.length;
  switch (activation) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + portableExp(-z[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = portableTanh(z[i]!);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = z[i]! > 0 ? z[i]! : 0;
      return;
    case 'linear':
      if (out !== z) out.set(z);
      return;
  }
}

/**
 * target ⊙= σ'(z), with a = σ(z). The sigmoid's slope is a(1 − a) (the notebook's
 * cosh(z/2)⁻²/4, the same function) and is applied as `target · a · (1 − a)`, left to right:
 * the fused course kernel multiplies in exactly this order, which keeps the two bit-identical.
 */
export function multiplySlope(activation: Activation, z: Float64Array, a: Float64Array, target: Float64Array): void {
  const n = target.length;
  switch (activation) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) target[i] = target[i]! * a[i]! * (1 - a[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) target[i] = target[i]! * (1 - a[i]! * a[i]!);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) if (!(z[i]! > 0)) target[i] = 0;
      return;
    case 'linear':
      return;
  }
}
