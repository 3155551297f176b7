// Wrong on purpose: the σ′(z2) factor is left out of δ2.
export function J_W1(net, x, y) {
  const { a0, z1, z3, a3 } = net.forward(x);
  let d = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  d = net.matmul(net.transpose(net.W3), d);
  d = net.mul(net.matmul(net.transpose(net.W2), d), net.dSigma(z1));
  return net.scale(net.matmul(d, net.transpose(a0)), 1 / net.size(x));
}
