// Wrong on purpose: (a3 − y) without the 2 from the square.
export function J_b3(net, x, y) {
  const { z3, a3 } = net.forward(x);
  const d3 = net.mul(net.sub(a3, y), net.dSigma(z3));
  return net.scale(net.sum(d3, 1), 1 / net.size(x));
}
