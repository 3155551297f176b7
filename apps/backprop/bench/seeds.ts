// Final costs of the course run (50,000 iterations, aggression 7, noise 1, 1→6→7→2) for
// seeds 0–4, to pick the default seed honestly. Run with `pnpm --filter @slope/backprop seeds`.
import { createRng, heartCurve, mlp } from '@slope/models/mlp';
import { DEFAULT_SETTINGS } from '../src/index.js';

const { iterations, aggression, noise, hidden } = DEFAULT_SETTINGS;
const seeds = process.argv.slice(2).map(Number);
const { x, y } = heartCurve();
const rows = [];
for (const seed of seeds.length > 0 ? seeds : [0, 1, 2, 3, 4]) {
  const began = performance.now();
  const result = mlp({ layers: [1, ...hidden, 2], rng: createRng(seed) }).train(x, y, { iterations, aggression, noise });
  rows.push({
    seed,
    'initial cost': Number(result.initialCost.toExponential(3)),
    'final cost': Number(result.finalCost.toExponential(3)),
    'below 1e-3': result.finalCost < 1e-3 ? 'yes' : 'no',
    'time (s)': Number(((performance.now() - began) / 1000).toFixed(2)),
  });
}
console.table(rows);
