import { createRng, heartCurve, mlp, snapshotDue, type LayerParameters, type Mlp, type TrainProgress, type TrainResult } from '@slope/models/mlp';
import type { Snapshot } from './protocol.js';
import type { BackpropSettings } from './settings.js';

/**
 * Drawings and cost points are recorded where the notebook plots (and the CLI snapshots): after
 * the updates where its countdown is a multiple of this (`snapshotDue` of `@slope/models`).
 */
export const TRAIL_EVERY = 100;

/** A training session that advances on demand; the worker drives it, tests call it directly. */
export interface Trainer {
  readonly settings: BackpropSettings;
  /** Run up to `updates` updates (fewer if the budget runs out); returns how many were run. */
  advance(updates: number): number;
  /**
   * Sets the iteration budget without restarting (like the CLI's `--iterations`, `iterations`
   * makes iterations + 1 updates): more training continues from the current weights (the noise
   * stream too, so a run extended from 50 000 to 60 000 is the same run as one of 60 000); a
   * budget at or below the updates done stops it where it is.
   */
  setBudget(iterations: number): void;
  /** Everything the page draws, plus the cost points and drawings since the last snapshot. */
  snapshot(running: boolean): Snapshot;
  readonly iteration: number;
  /** The budget is spent or the cost diverged. */
  readonly done: boolean;
}

/** Updates per generator of `trainSteps`; a budget beyond it chains further generators on the same network. */
const SEGMENT = 10000;

function hiddenOutputs(net: Mlp, x: Float64Array): Float64Array[][] {
  const params: LayerParameters[] = net.parameters();
  const layers: Float64Array[][] = [];
  // A hidden layer's outputs are the outputs of the network cut off after that layer.
  for (let l = 1; l < net.layers.length - 1; l++) {
    const partial = mlp({ layers: net.layers.slice(0, l + 1), activation: net.activation, parameters: params.slice(0, l) });
    layers.push(partial.forward(x));
  }
  return layers;
}

/**
 * Creates the course's network on the heart curve and a stepper over `mlp().trainSteps`
 * (full batch, multiplicative gradient noise, COURSE.md §1.6), reporting every update. The
 * updates come from a chain of `trainSteps` generators on one network and one noise stream,
 * so the budget can grow after training has started. The trainer and seeding are the CLI's:
 * `createRng(seed)` draws the weights and its stream continues for the noise, and every
 * elementary function on the path is portable, so `seed`, `iterations` here give the CLI's
 * `report.json` cost for `--seed`, `--iterations`, to the last bit.
 *
 * @example
 * ```ts
 * const t = createTrainer(COURSE_SETTINGS);
 * t.advance(500);
 * t.snapshot(false).cost < t.snapshot(false).initialCost; // true
 * ```
 */
export function createTrainer(settings: BackpropSettings): Trainer {
  const { x, y } = heartCurve();
  // One seed, one stream: the weights are its first draws and the noise continues it.
  const net = mlp({ layers: [1, ...settings.hidden, 2], activation: 'sigmoid', rng: createRng(settings.seed) });
  const initialCost = net.cost(x, y);
  // Each generator's first report is its starting state (already reported); after that each
  // resume is one update. trainSteps runs iterations + 1 updates (the notebook's `while iterations >= 0`).
  const segment = (): Generator<TrainProgress, TrainResult> => {
    const g = net.trainSteps(x, y, { iterations: SEGMENT - 1, aggression: settings.aggression, noise: settings.noise, progressEvery: 1 });
    g.next();
    return g;
  };
  let steps = segment();
  let offset = 0;
  let budget = settings.iterations;
  // The notebook's loop, `while iterations >= 0`, makes iterations + 1 updates.
  const total = (): number => budget + 1;
  let iteration = 0;
  let cost = initialCost;
  let diverged = false;
  let costs: { iteration: number; cost: number }[] = [{ iteration: 0, cost: initialCost }];
  let trail: [Float64Array, Float64Array][] = [];
  const drawing = (): [Float64Array, Float64Array] => {
    const [a, b] = net.forward(x);
    return [a ?? new Float64Array(), b ?? new Float64Array()];
  };
  trail.push(drawing());
  const isDone = (): boolean => diverged || iteration >= total();
  return {
    settings,
    get iteration() { return iteration; },
    get done() { return isDone(); },
    setBudget(next) {
      if (!(Number.isInteger(next) && next >= 1)) throw new RangeError(`setBudget: the budget must be a whole number of iterations ≥ 1, got ${String(next)}`);
      budget = next;
    },
    advance(updates) {
      let ran = 0;
      while (ran < updates && !isDone()) {
        const next = steps.next();
        if (next.done === true) {
          if (next.value.reason === 'diverged') {
            diverged = true;
            break;
          }
          offset = iteration;
          steps = segment();
          continue;
        }
        iteration = offset + next.value.iteration;
        cost = next.value.cost;
        ran += 1;
        if (!Number.isFinite(cost)) diverged = true;
        if (snapshotDue(iteration, budget, TRAIL_EVERY)) {
          costs.push({ iteration, cost });
          trail.push(drawing());
        }
      }
      return ran;
    },
    snapshot(running) {
      const done = isDone();
      const out: Snapshot = {
        type: 'snapshot',
        iteration,
        total: total(),
        cost,
        initialCost,
        running: running && !done,
        done,
        costs: costs.at(-1)?.iteration === iteration ? costs : [...costs, { iteration, cost }],
        output: drawing(),
        trail,
        parameters: net.parameters(),
        hidden: hiddenOutputs(net, x),
      };
      costs = [];
      trail = [];
      return out;
    },
  };
}
