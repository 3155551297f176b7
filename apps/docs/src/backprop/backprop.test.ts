import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { layoutNetwork, weightWidth } from './diagram.js';
import { COURSE_SETTINGS, parseHidden, readBackpropSettings, writeBackpropSettings } from './settings.js';
import { CLI_REPORT_SEED0_2000 } from './cli-reference.js';
import { createTrainer, TRAIL_EVERY } from './trainer.js';

describe('settings', () => {
  test.each([
    ['6,7', [6, 7]],
    [' 8 , 8 ', [8, 8]],
    ['4', [4]],
    ['3,3,3', [3, 3, 3]],
  ])('parseHidden(%j) is %j', (text, hidden) => {
    expect(parseHidden(text)).toEqual({ ok: true, hidden });
  });

  test.each([
    ['', /at least one/],
    ['6,0', /layer 2 has "0" neurons/],
    ['6,x', /layer 2 has "x"/],
    ['1,2,3,4', /at most 3 hidden layers/],
    ['13', /from 1 to 12/],
  ])('parseHidden(%j) explains the problem', (text, message) => {
    const r = parseHidden(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('writeBackpropSettings then readBackpropSettings round-trips any valid run', () => {
    fc.assert(fc.property(
      fc.nat({ max: 1e6 }),
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
      fc.double({ min: 0.1, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.integer({ min: 1, max: 500000 }),
      (seed, hidden, aggression, noise, iterations) => {
        const s = { seed, hidden, aggression, noise, iterations };
        expect(readBackpropSettings(writeBackpropSettings(new URLSearchParams('page=3'), s))).toEqual(s);
      },
    ));
  });

  it('readBackpropSettings keeps the course defaults for missing or invalid values', () => {
    expect(readBackpropSettings(new URLSearchParams(''))).toEqual(COURSE_SETTINGS);
    expect(readBackpropSettings(new URLSearchParams('seed=-1&hidden=0&aggression=1e9&noise=-2&iterations=1.5'))).toEqual(COURSE_SETTINGS);
    expect(COURSE_SETTINGS).toMatchObject({ hidden: [6, 7], aggression: 7, noise: 1 });
  });
});

describe('createTrainer', () => {
  it('createTrainer(course settings) lowers the cost and reports drawings where the notebook plots them', () => {
    const t = createTrainer({ ...COURSE_SETTINGS, seed: 0 });
    const first = t.snapshot(false);
    expect(first.iteration).toBe(0);
    expect(first.initialCost).toBeGreaterThan(0.1);
    expect(first.parameters.map((p) => [p.weights.length, p.weights[0]!.length])).toEqual([[6, 1], [7, 6], [2, 7]]);
    expect(first.hidden.map((layer) => layer.length)).toEqual([6, 7]);
    expect(first.hidden[0]![0]!.length).toBe(100);
    expect(t.advance(1000)).toBe(1000);
    const s = t.snapshot(true);
    expect(s.iteration).toBe(1000);
    expect(s.cost).toBeLessThan(first.initialCost / 2);
    // The countdown 50000, 49999, … is a multiple of 100 after updates 1, 101, …, 901.
    expect(s.trail.length).toBe(1000 / TRAIL_EVERY);
    expect(s.costs.map((c) => c.iteration)).toEqual([...Array.from({ length: 10 }, (_, k) => k * TRAIL_EVERY + 1), 1000]);
    // Hidden outputs are logistic activations.
    expect(s.hidden.flat().every((row) => row.every((v) => v > 0 && v < 1))).toBe(true);
  });

  it('createTrainer(settings) is reproducible from the seed and stops at the iteration budget', () => {
    const a = createTrainer({ ...COURSE_SETTINGS, hidden: [3], iterations: 250 });
    const b = createTrainer({ ...COURSE_SETTINGS, hidden: [3], iterations: 250 });
    // 250 iterations: the notebook's loop makes 251 updates.
    expect(a.advance(1000)).toBe(251);
    b.advance(251);
    expect(a.done).toBe(true);
    expect(a.snapshot(false).cost).toBe(b.snapshot(false).cost);
    expect(a.snapshot(false).hidden.map((l) => l.length)).toEqual([3]);
  });
});

describe('the same run as the CLI', () => {
  it("seed 0, 2,000 iterations: the CLI report.json's final cost, bit for bit, whatever the chunking of the updates", () => {
    const { settings, updates, finalCost } = CLI_REPORT_SEED0_2000;
    const t = createTrainer({ ...settings, hidden: [...settings.hidden] });
    // Uneven chunks, as the worker runs them.
    while (!t.done) t.advance(37);
    const s = t.snapshot(false);
    expect(s.iteration).toBe(updates);
    expect(Object.is(s.cost, finalCost)).toBe(true);
  });
});

describe('network diagram', () => {
  it('layoutNetwork(layers) places one column per layer and one node per neuron', () => {
    const nodes = layoutNetwork([1, 6, 7, 2], 400, 240);
    expect(nodes.length).toBe(16);
    expect(new Set(nodes.map((n) => n.x)).size).toBe(4);
    expect(nodes.every((n) => n.y >= 0 && n.y <= 240 && n.x >= 0 && n.x <= 400)).toBe(true);
  });

  it('weightWidth(w, largest) grows with |w| and is largest for the largest weight', () => {
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (w) => {
      expect(weightWidth(w, 5)).toBeGreaterThanOrEqual(0.5);
      expect(weightWidth(w, 5)).toBeLessThanOrEqual(7);
      expect(weightWidth(w, 5)).toBe(weightWidth(-w, 5));
    }));
    expect(weightWidth(5, 5)).toBe(7);
  });
});

describe('training past the budget', () => {
  it('setBudget(more) continues from the current weights: 300 then 200 more is the run of 500', () => {
    const extended = createTrainer({ ...COURSE_SETTINGS, hidden: [4], iterations: 300 });
    expect(extended.advance(1000)).toBe(301);
    expect(extended.done).toBe(true);
    extended.setBudget(500);
    expect(extended.done).toBe(false);
    expect(extended.advance(1000)).toBe(200);
    const straight = createTrainer({ ...COURSE_SETTINGS, hidden: [4], iterations: 500 });
    straight.advance(1000);
    const a = extended.snapshot(false);
    const b = straight.snapshot(false);
    expect(a.iteration).toBe(501);
    expect(a.total).toBe(501);
    expect(a.cost).toBe(b.cost);
    expect(a.parameters).toEqual(b.parameters);
  });

  it('a budget longer than one trainSteps segment runs on through the next segment unchanged', () => {
    const t = createTrainer({ ...COURSE_SETTINGS, hidden: [2], iterations: 10050 });
    expect(t.advance(20000)).toBe(10051);
    expect(t.iteration).toBe(10051);
    expect(Number.isFinite(t.snapshot(false).cost)).toBe(true);
  });

  it('setBudget rejects a budget that is not a whole number ≥ 1', () => {
    const t = createTrainer({ ...COURSE_SETTINGS, hidden: [2], iterations: 10 });
    expect(() => t.setBudget(0)).toThrow(/whole number of iterations ≥ 1, got 0/);
    expect(() => t.setBudget(2.5)).toThrow(RangeError);
  });
});
