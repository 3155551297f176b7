// Wrong on purpose: W3 δ3 instead of W3ᵀ δ3.
export function J_b2(net, x, y) {
  const { z2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  const d2 = net.mul(net.matmul(net.W3, d3), net.dSigma(z2));
  return net.scale(net.sum(d2, 1), 1 / net.size(x));
}
