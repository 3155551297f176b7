// Faults the grader must name clearly, one per function.
export function J_W3() {
  throw new TypeError('my own bug');
}
export function J_b3(net) {
  return [[NaN], [net.W1[0][0]]];
}
export function J_W2(net, x) {
  return x[0];
}
export async function J_b2() {
  return [[0]];
}
export const J_W1 = 42;
// J_b1 is missing.
