// Wrong on purpose: δ2 · a2ᵀ, the layer's own output instead of its input a1.
export function J_W2(net, x, y) {
  const { a2, z2, z3, a3 } = net.forward(x);
  const d3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  const d2 = net.mul(net.matmul(net.transpose(net.W3), d3), net.dSigma(z2));
  return net.scale(net.matmul(d2, net.transpose(a2)), 1 / net.size(x));
}
