// Wrong on purpose: δ3 summed down the rows (axis 0) instead of over the examples.
export function J_b3(net, x, y) {
  const { z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  return net.scale(net.sum(d3, 0), 1 / net.size(x));
}
