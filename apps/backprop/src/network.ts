/**
 * The course network 1 → n1 → n2 → 2 (COURSE.md §1.2): every matrix row-major in a
 * Float64Array, biases as column vectors. Shapes follow the notebook: W1 n1×1, W2 n2×n1,
 * W3 2×n2, b1 n1×1, b2 n2×1, b3 2×1.
 *
 * @example
 * const net: Network = initNetwork([6, 7], createRng(0));
 */
export interface Network {
  /** Hidden-layer sizes `[n1, n2]`. */
  readonly hidden: readonly [number, number];
  readonly W1: Float64Array;
  readonly W2: Float64Array;
  readonly W3: Float64Array;
  readonly b1: Float64Array;
  readonly b2: Float64Array;
  readonly b3: Float64Array;
}

/**
 * The six parameter names in the course's draw order (W1, W2, W3, b1, b2, b3).
 *
 * @example
 * for (const name of PARAMETER_NAMES) console.log(name, net[name].length);
 */
export const PARAMETER_NAMES = ['W1', 'W2', 'W3', 'b1', 'b2', 'b3'] as const;

/**
 * One of `W1 W2 W3 b1 b2 b3`.
 *
 * @example
 * const name: ParameterName = 'W2';
 */
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/**
 * A source of standard normal draws, e.g. `createRng(seed)` from `@slope/models`.
 *
 * @example
 * const zeros: NormalSource = { normal: () => 0 };
 */
export interface NormalSource {
  normal(): number;
}

/**
 * The shape `[rows, cols]` of one parameter of a network with hidden sizes `[n1, n2]`.
 *
 * @example
 * parameterShape('W2', [6, 7]); // [7, 6]
 */
export function parameterShape(name: ParameterName, hidden: readonly [number, number]): [number, number] {
  const [n1, n2] = hidden;
  switch (name) {
    case 'W1':
      return [n1, 1];
    case 'W2':
      return [n2, n1];
    case 'W3':
      return [2, n2];
    case 'b1':
      return [n1, 1];
    case 'b2':
      return [n2, 1];
    case 'b3':
      return [2, 1];
  }
}

/**
 * A fresh network as the notebook's `reset_network(n1, n2)`: every entry `normal() / 2`,
 * i.e. N(0, 0.5²), drawn in the order W1, W2, W3, b1, b2, b3, each matrix row by row.
 *
 * @example
 * const net = initNetwork([6, 7], createRng(0));
 * net.W2.length; // 42
 */
export function initNetwork(hidden: readonly [number, number], rng: NormalSource): Network {
  const draw = (name: ParameterName): Float64Array => {
    const [rows, cols] = parameterShape(name, hidden);
    const values = new Float64Array(rows * cols);
    for (let i = 0; i < values.length; i++) values[i] = rng.normal() / 2;
    return values;
  };
  const W1 = draw('W1');
  const W2 = draw('W2');
  const W3 = draw('W3');
  const b1 = draw('b1');
  const b2 = draw('b2');
  const b3 = draw('b3');
  return { hidden: [hidden[0], hidden[1]], W1, W2, W3, b1, b2, b3 };
}

/**
 * A deep copy, so training one copy leaves the other untouched.
 *
 * @example
 * const before = cloneNetwork(net);
 */
export function cloneNetwork(net: Network): Network {
  return {
    hidden: [net.hidden[0], net.hidden[1]],
    W1: net.W1.slice(),
    W2: net.W2.slice(),
    W3: net.W3.slice(),
    b1: net.b1.slice(),
    b2: net.b2.slice(),
    b3: net.b3.slice(),
  };
}
