// Wrong on purpose: σ³ instead of σ².
const f = (x, mu, sig) => x.map((xi) => Math.exp(-((xi - mu) ** 2) / (2 * sig ** 2)) / (sig * Math.sqrt(2 * Math.PI)));
export function dfdmu(x, mu, sig) {
  const fx = f(x, mu, sig);
  return x.map((xi, i) => (fx[i] * (xi - mu)) / sig ** 3);
}
