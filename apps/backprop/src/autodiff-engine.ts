import { add, div, matmul, sigmoid, square, sub, sum, tensor, valueAndGrad, type Tensor } from '@slope/autodiff';
import type { CurveData } from './data.js';
import type { GradientEngine } from './engine.js';
import { PARAMETER_NAMES, parameterShape, type Network } from './network.js';

/** a3 = σ(W3 σ(W2 σ(W1 x + b1) + b2) + b3), all examples as columns. */
function networkFunction(W1: Tensor, W2: Tensor, W3: Tensor, b1: Tensor, b2: Tensor, b3: Tensor, x: Tensor): Tensor {
  const a1 = sigmoid(add(matmul(W1, x), b1));
  const a2 = sigmoid(add(matmul(W2, a1), b2));
  return sigmoid(add(matmul(W3, a2), b3));
}

/**
 * The reference engine: the same cost ‖a3 − y‖² / N written with `@slope/autodiff` tensors,
 * differentiated by `valueAndGrad` with respect to W1 … b3. Slow, but derived
 * independently of the hand-written Jacobians, so it checks them.
 *
 * @example
 * const engine = createAutodiffEngine(heartData(), [6, 7]);
 * const cost = engine.gradients(net, grads);
 */
export function createAutodiffEngine(data: CurveData, hidden: readonly [number, number]): GradientEngine {
  const x = tensor(data.x, [1, data.n]);
  const y = tensor(data.y, [2, data.n]);
  const n = data.n;
  const cost = (W1: Tensor, W2: Tensor, W3: Tensor, b1: Tensor, b2: Tensor, b3: Tensor): Tensor =>
    div(sum(square(sub(networkFunction(W1, W2, W3, b1, b2, b3, x), y))), n);
  const costAndJacobians = valueAndGrad(cost, { argnums: [0, 1, 2, 3, 4, 5] });
  const parameters = (net: Network): Tensor[] =>
    PARAMETER_NAMES.map((name) => tensor(net[name], parameterShape(name, hidden)));
  return {
    name: 'autodiff',
    gradients(net, grads) {
      const [value, jacobians] = costAndJacobians(...parameters(net));
      PARAMETER_NAMES.forEach((name, p) => grads[name].set(jacobians[p]!.data));
      return value.item();
    },
    cost(net) {
      const [W1, W2, W3, b1, b2, b3] = parameters(net) as [Tensor, Tensor, Tensor, Tensor, Tensor, Tensor];
      return cost(W1, W2, W3, b1, b2, b3).item();
    },
    outputs(net) {
      const [W1, W2, W3, b1, b2, b3] = parameters(net) as [Tensor, Tensor, Tensor, Tensor, Tensor, Tensor];
      return networkFunction(W1, W2, W3, b1, b2, b3, x).data.slice();
    },
  };
}
