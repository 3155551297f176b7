// Wrong on purpose: (x − μ)/σ² without the factor f.
export function dfdmu(x, mu, sig) {
  return x.map((xi) => (xi - mu) / sig ** 2);
}
