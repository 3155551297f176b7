// Wrong on purpose: δ3 = 2(a3 − y), the σ′(z3) factor left out.
export function J_b3(net, x, y) {
  const { a3 } = net.forward(x);
  const d3 = net.scale(net.sub(a3, y), 2);
  return net.scale(net.sum(d3, 1), 1 / net.size(x));
}
