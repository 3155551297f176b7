// Wrong on purpose: J_W2 without the 1/N.
export function J_W2(net, x, y) {
  const { a1, z2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  const d2 = net.mul(net.matmul(net.transpose(net.W3), d3), net.dSigma(z2));
  return net.matmul(d2, net.transpose(a1));
}
