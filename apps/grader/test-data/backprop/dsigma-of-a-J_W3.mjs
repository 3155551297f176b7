// Wrong on purpose: σ′(a3) instead of σ′(z3).
export function J_W3(net, x, y) {
  const { a2, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(a3));
  return net.scale(net.matmul(d3, net.transpose(a2)), 1 / net.size(x));
}
