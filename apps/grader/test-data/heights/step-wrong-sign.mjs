// Wrong on purpose: step = +J · aggression (uphill).
const f = (x, mu, sig) => x.map((xi) => Math.exp(-((xi - mu) ** 2) / (2 * sig ** 2)) / (sig * Math.sqrt(2 * Math.PI)));
const dot = (a, b) => a.reduce((s, ai, i) => s + ai * b[i], 0);
export function dfdmu(x, mu, sig) {
  const fx = f(x, mu, sig);
  return x.map((xi, i) => (fx[i] * (xi - mu)) / sig ** 2);
}
export function dfdsig(x, mu, sig) {
  const fx = f(x, mu, sig);
  return x.map((xi, i) => fx[i] * ((xi - mu) ** 2 / sig ** 3 - 1 / sig));
}
export function steepest_step(x, y, mu, sig, aggression) {
  const fx = f(x, mu, sig);
  const r = y.map((yi, i) => yi - fx[i]);
  const J = [-2 * dot(r, dfdmu(x, mu, sig)), -2 * dot(r, dfdsig(x, mu, sig))];
  return [J[0] * aggression, J[1] * aggression];
}
