// Wrong on purpose: 2(y − a3), the sign flipped.
export function J_b1(net, x, y) {
  const { z1, z2, z3, a3 } = net.forward(x);
  let d = net.mul(net.scale(net.sub(y, a3), 2), net.dSigma(z3));
  d = net.mul(net.matmul(net.transpose(net.W3), d), net.dSigma(z2));
  d = net.mul(net.matmul(net.transpose(net.W2), d), net.dSigma(z1));
  return net.scale(net.sum(d, 1), 1 / net.size(x));
}
