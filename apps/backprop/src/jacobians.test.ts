import { createRng, heartCurve, mlp } from '@slope/models/mlp';
import { describe, expect, it, test } from 'vitest';
import {
  checkJacobians,
  cost,
  courseData,
  courseJacobians,
  courseNetwork,
  J_b1,
  J_b2,
  J_b3,
  J_W1,
  J_W2,
  J_W3,
  jacobianCheckTolerance,
  jacobianScales,
  PARAMETER_NAMES,
  type CourseNetwork,
  type Matrix,
  type ParameterName,
} from './index.js';

const heart = heartCurve();
const data = courseData(heart.x, heart.y);
const network = (seed: number, hidden: [number, number] = [6, 7]) => mlp({ layers: [1, ...hidden, 2], rng: createRng(seed) });

/** Central finite difference of the cost in one entry: an independent reference. */
function finiteDifference(net: CourseNetwork, name: ParameterName, index: number, h = 1e-6): number {
  const shifted = (by: number): CourseNetwork => {
    const values = net[name].data.slice();
    values[index]! += by;
    return { ...net, [name]: { ...net[name], data: values } };
  };
  return (cost(shifted(h), data) - cost(shifted(-h), data)) / (2 * h);
}

const graded: [string, ParameterName, (net: CourseNetwork, d: typeof data) => Matrix][] = [
  ['J_W3', 'W3', J_W3],
  ['J_b3', 'b3', J_b3],
  ['J_W2', 'W2', J_W2],
  ['J_b2', 'b2', J_b2],
  ['J_W1', 'W1', J_W1],
  ['J_b1', 'b1', J_b1],
];

describe('the six graded Jacobians, as the course writes them', () => {
  test.each(graded)('%s(net, data) matches central finite differences of the cost and has the shape of its parameter', (_label, name, jacobian) => {
    const net = courseNetwork(network(3).parameters());
    const j = jacobian(net, data);
    expect([j.rows, j.cols]).toEqual([net[name].rows, net[name].cols]);
    j.data.forEach((value, i) => expect(value).toBeCloseTo(finiteDifference(net, name, i), 8));
  });

  it("equal the trainer's gradients (@slope/models' mlp) to rounding", () => {
    const net = network(4);
    const ours = courseJacobians(courseNetwork(net.parameters()), data);
    const trainer = courseNetwork(net.gradients(heart.x, heart.y));
    for (const name of PARAMETER_NAMES) ours[name].data.forEach((v, i) => expect(v).toBeCloseTo(trainer[name].data[i]!, 15));
  });
});

describe('checkJacobians(net, data)', () => {
  it('passes the course network for several seeds and hidden sizes, far inside the tolerance', () => {
    for (const [seed, hidden] of [[0, [6, 7]], [1, [6, 7]], [2, [3, 5]], [3, [20, 9]]] as const) {
      const check = checkJacobians(network(seed, [...hidden]), data);
      expect(check.passed).toBe(true);
      expect(check.course.scaledDifference).toBeLessThan(check.tolerance / 10);
      expect(check.trainer.scaledDifference).toBeLessThan(check.tolerance / 10);
      expect(check.courseCost).toBeCloseTo(check.autodiffCost, 14);
    }
  });

  it('fails Jacobians with a formula mistake: δ3 without σ\'(z3) in J_b3', () => {
    const forgetful = (net: CourseNetwork, d: typeof data) => {
      const right = courseJacobians(net, d);
      // J_b3 = Σ 2(a3 − y) / N: the learner's common slip.
      const a3 = network(0).forward(heart.x);
      const b3 = Float64Array.from([0, 1], (i) => a3[i]!.reduce((s, a, k) => s + 2 * (a - heart.y[i]![k]!), 0) / 100);
      return { ...right, b3: { rows: 2, cols: 1, data: b3 } };
    };
    const check = checkJacobians(network(0), data, forgetful);
    expect(check.passed).toBe(false);
    expect(check.course.worst.jacobian).toBe('J_b3');
    expect(check.course.scaledDifference).toBeGreaterThan(1e6 * check.tolerance);
    expect(check.trainer.scaledDifference).toBeLessThan(check.tolerance);
  });

  it('jacobianCheckTolerance grows with the examples and the widths; jacobianScales bound every entry', () => {
    expect(jacobianCheckTolerance(100, [6, 7])).toBeCloseTo(8 * 2 ** -53 * 115, 25);
    expect(jacobianCheckTolerance(200, [6, 7])).toBeGreaterThan(jacobianCheckTolerance(100, [6, 7]));
    const net = courseNetwork(network(5).parameters());
    const scales = jacobianScales(net, data);
    const jacobians = courseJacobians(net, data);
    for (const name of PARAMETER_NAMES) for (const v of jacobians[name].data) expect(Math.abs(v)).toBeLessThanOrEqual(scales[name] * (1 + 1e-12));
  });
});
