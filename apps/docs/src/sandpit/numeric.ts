/** The Sandpit's finite-difference step (COURSE.md §3.1). */
export const SANDPIT_H = 0.01;

type Field = (x: number, y: number) => number;

/**
 * ∇f by central differences, [f(x+h,y) − f(x−h,y), f(x,y+h) − f(x,y−h)] / 2h.
 *
 * @example
 * ```ts
 * centralGradient((x, y) => x * x + y, 1, 0); // ≈ [2, 1]
 * ```
 */
export function centralGradient(f: Field, x: number, y: number, h = SANDPIT_H): [number, number] {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

/**
 * The Hessian by central differences of {@link centralGradient}, with the same step.
 *
 * @example
 * ```ts
 * centralHessian((x, y) => x * x * y, 1, 2); // ≈ [[4, 2], [2, 0]]
 * ```
 */
export function centralHessian(f: Field, x: number, y: number, h = SANDPIT_H): [[number, number], [number, number]] {
  const [gxp, gyp] = centralGradient(f, x + h, y, h);
  const [gxm, gym] = centralGradient(f, x - h, y, h);
  const [hxp, hyp] = centralGradient(f, x, y + h, h);
  const [hxm, hym] = centralGradient(f, x, y - h, h);
  const fxx = (gxp - gxm) / (2 * h);
  const fyy = (hyp - hym) / (2 * h);
  // Average the two mixed estimates so the matrix is exactly symmetric.
  const fxy = ((gyp - gym) / (2 * h) + (hxp - hxm) / (2 * h)) / 2;
  return [[fxx, fxy], [fxy, fyy]];
}
