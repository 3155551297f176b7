// Wrong on purpose: (μ − x), the sign flipped.
const f = (x, mu, sig) => x.map((xi) => Math.exp(-((xi - mu) ** 2) / (2 * sig ** 2)) / (sig * Math.sqrt(2 * Math.PI)));
export function dfdmu(x, mu, sig) {
  const fx = f(x, mu, sig);
  return x.map((xi, i) => (fx[i] * (mu - xi)) / sig ** 2);
}
