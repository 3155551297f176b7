// Wrong on purpose: the factor f left out.
export function dfdsig(x, mu, sig) {
  return x.map((xi) => (xi - mu) ** 2 / sig ** 3 - 1 / sig);
}
