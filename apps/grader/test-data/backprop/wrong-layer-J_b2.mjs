// Wrong on purpose: δ3 is never carried back through W3, so this is J_b3.
export function J_b2(net, x, y) {
  const { z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  return net.scale(net.sum(d3, 1), 1 / net.size(x));
}
