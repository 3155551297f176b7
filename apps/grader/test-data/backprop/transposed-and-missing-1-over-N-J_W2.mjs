// Wrong on purpose, twice: a1 · δ2ᵀ (transposed) and no 1/N.
export function J_W2(net, x, y) {
  const { a1, z2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  const d2 = net.mul(net.matmul(net.transpose(net.W3), d3), net.dSigma(z2));
  return net.matmul(a1, net.transpose(d2));
}
