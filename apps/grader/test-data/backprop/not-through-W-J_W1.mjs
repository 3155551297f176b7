// Wrong on purpose: δ1 = δ2 ⊙ σ′(z1), without going back through W2ᵀ.
export function J_W1(net, x, y) {
  const { a0, z1, z2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  const d2 = net.mul(net.matmul(net.transpose(net.W3), d3), net.dSigma(z2));
  const d1 = net.mul(d2, net.dSigma(z1));
  return net.scale(net.matmul(d1, net.transpose(a0)), 1 / net.size(x));
}
