// Wrong on purpose: a2 · δ3ᵀ / N, the transpose of J_W3.
export function J_W3(net, x, y) {
  const { a2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  return net.scale(net.matmul(a2, net.transpose(d3)), 1 / net.size(x));
}
