/**
 * The course loop in NumPy, as the notebook runs it (COURSE.md §1.6): full batch, six
 * Jacobians by the δ-recursion, a noise factor per Jacobian drawn in the order
 * J_W1, J_W2, J_W3, J_b1, J_b2, J_b3, iterations + 1 updates, the network's output kept
 * every 100 iterations. A reference for the benchmark only; never a test.
 * argv: seed iterations aggression noise. Prints one JSON line.
 */
export const NUMPY_COURSE_LOOP = String.raw`
import json, sys, time
import numpy as np
seed, iterations = int(sys.argv[1]), int(sys.argv[2])
aggression, noise = float(sys.argv[3]), float(sys.argv[4])
rng = np.random.RandomState(seed)
sigma = lambda z: 1 / (1 + np.exp(-z))
d_sigma = lambda z: np.cosh(z / 2) ** (-2) / 4
W1 = rng.randn(6, 1) / 2; W2 = rng.randn(7, 6) / 2; W3 = rng.randn(2, 7) / 2
b1 = rng.randn(6, 1) / 2; b2 = rng.randn(7, 1) / 2; b3 = rng.randn(2, 1) / 2
N = 100
x = np.arange(0, 1, 1 / N).reshape(1, N)
t = 2 * np.pi * x[0]
y = (np.vstack([16 * np.sin(t) ** 3, 13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)]) / 20 + 1) / 2
def network_function(a0):
    z1 = W1 @ a0 + b1; a1 = sigma(z1)
    z2 = W2 @ a1 + b2; a2 = sigma(z2)
    z3 = W3 @ a2 + b3; a3 = sigma(z3)
    return a0, z1, a1, z2, a2, z3, a3
def cost():
    return np.linalg.norm(network_function(x)[-1] - y) ** 2 / x.size
initial = cost()
snapshots = []
start = time.perf_counter()
countdown = iterations
while countdown >= 0:
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    d2 = (d3.T @ W3).T * d_sigma(z2)
    d1 = (d2.T @ W2).T * d_sigma(z1)
    J_W3 = d3 @ a2.T / x.size; J_b3 = np.sum(d3, axis=1, keepdims=True) / x.size
    J_W2 = d2 @ a1.T / x.size; J_b2 = np.sum(d2, axis=1, keepdims=True) / x.size
    J_W1 = d1 @ a0.T / x.size; J_b1 = np.sum(d1, axis=1, keepdims=True) / x.size
    j_W1 = J_W1 * (1 + rng.randn() * noise); j_W2 = J_W2 * (1 + rng.randn() * noise)
    j_W3 = J_W3 * (1 + rng.randn() * noise); j_b1 = J_b1 * (1 + rng.randn() * noise)
    j_b2 = J_b2 * (1 + rng.randn() * noise); j_b3 = J_b3 * (1 + rng.randn() * noise)
    W1 = W1 - j_W1 * aggression; W2 = W2 - j_W2 * aggression; W3 = W3 - j_W3 * aggression
    b1 = b1 - j_b1 * aggression; b2 = b2 - j_b2 * aggression; b3 = b3 - j_b3 * aggression
    if countdown % 100 == 0:
        snapshots.append(network_function(x)[-1])
    countdown -= 1
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "initialCost": initial, "finalCost": cost(), "snapshots": len(snapshots), "numpy": np.__version__}))
`;
