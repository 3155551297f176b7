import { describe, expect, it, test } from 'vitest';
import { comparisonTable, formatChi2, formatMu, stepTable, tableSteps, type MethodRun, type PathPoint } from './index.js';

function path(steps: number): PathPoint[] {
  return Array.from({ length: steps + 1 }, (_, step) => ({ step, mu: 155 + step, sigma: 6 + step / 10, chi2: 1 / (step + 1) }));
}

function runOf(method: MethodRun['method'], points: PathPoint[], extra: Partial<MethodRun> = {}): MethodRun {
  const final = points[points.length - 1] as PathPoint;
  return { method, path: points, iterations: final.step, final, best: final, converged: false, diverged: false, reason: 'max-iterations', fitReason: 'max-iterations', message: '', ...extra };
}

describe('tableSteps(path, every)', () => {
  test.each([
    [50, [0, 10, 20, 30, 40, 50]],
    [55, [0, 10, 20, 30, 40, 50, 55]],
    [3, [0, 3]],
    [0, [0]],
  ])('tableSteps(path of %i steps) shows every 10th step and the last', (steps, expected) => {
    expect(tableSteps(path(steps)).map((p) => p.step)).toEqual(expected);
  });
});

describe('formatMu(value) and formatChi2(value)', () => {
  test.each([
    [178.519823, '178.5198'],
    [7.549912, '7.5499'],
    [Number.NaN, 'NaN'],
  ])('formatMu(%d) is %s', (value, text) => expect(formatMu(value)).toBe(text));

  test.each([
    [0.000439245412, '4.39245e-4'],
    [0.0323333, '3.23333e-2'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('formatChi2(%d) is %s', (value, text) => expect(formatChi2(value)).toBe(text));
});

describe('stepTable(run) and comparisonTable(runs, moments)', () => {
  it('stepTable(run) has a header, a rule and one row per shown step', () => {
    const lines = stepTable(runOf('steepest', path(50))).split('\n');
    expect(lines).toHaveLength(2 + 6);
    expect(lines[0]).toMatch(/^step\s+μ \/ cm\s+σ \/ cm\s+χ²$/);
    expect(lines[7]).toMatch(/^50\s+205\.0000\s+11\.0000\s+1\.96078e-2$/);
  });

  it('comparisonTable(runs, moments) lists each method, then the histogram moments', () => {
    const text = comparisonTable(
      [runOf('steepest', path(50)), runOf('gauss-newton', path(7), { converged: true, reason: 'step-tolerance' }), runOf('levenberg-marquardt', path(9))],
      { mean: 178.49, sd: 7.545 },
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^steepest descent\s+50\s+205\.0000/);
    expect(lines[3]).toMatch(/^Gauss–Newton\s+7\s+162\.0000\s+6\.7000.*converged$/);
    expect(lines[4]).toMatch(/^Levenberg–Marquardt\s+9\s+.*used every step$/);
    expect(lines[5]).toMatch(/^histogram moments\s+-\s+178\.4900\s+7\.5450/);
  });

  it('comparisonTable(runs, moments) shows a diverged run at its best point', () => {
    const points = path(5);
    const best = points[2] as PathPoint;
    const text = comparisonTable([runOf('steepest', points, { diverged: true, best, reason: 'diverged' })], { mean: 0, sd: 1 });
    expect(text).toMatch(/steepest descent\s+5\s+157\.0000\s+6\.2000\s+3\.33333e-1\s+diverged \(best point, step 2\)/);
  });
});
