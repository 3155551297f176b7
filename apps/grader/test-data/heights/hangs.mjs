// dfdmu never returns; the others are right and must still be graded.
const f = (x, mu, sig) => x.map((xi) => Math.exp(-((xi - mu) ** 2) / (2 * sig ** 2)) / (sig * Math.sqrt(2 * Math.PI)));
export function dfdmu() {
  for (;;) {
    // spins
  }
}
export function dfdsig(x, mu, sig) {
  const fx = f(x, mu, sig);
  return x.map((xi, i) => fx[i] * ((xi - mu) ** 2 / sig ** 3 - 1 / sig));
}
export function steepest_step() {
  throw new Error('steepest_step: not written yet');
}
