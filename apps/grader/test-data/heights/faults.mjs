// Faults the grader must name clearly.
export function dfdmu(x) {
  return x.length;
}
export function dfdsig(x) {
  return x.slice(1);
}
export function steepest_step() {
  return [undefined.length, 0];
}
