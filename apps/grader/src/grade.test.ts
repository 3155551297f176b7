import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignments, formatReport, grade, solutionSource, starterSource } from './index.js';
import { importSource } from './test-load.js';

const solutions = {
  backprop: await importSource(solutionSource('backprop', 'js')),
  heights: await importSource(solutionSource('heights', 'js')),
};

describe('grade', () => {
  it('passes the reference solution of both assignments on every seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (seed) => {
        for (const id of ['backprop', 'heights'] as const) {
          const report = grade(id, solutions[id], { seed });
          expect(report.results.map((r) => r.status)).toEqual(assignments[id].functions.map(() => 'pass'));
          expect(report.passed).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('grades the starter as not written, except the worked examples J_W3 and J_W2, which pass', async () => {
    for (const id of ['backprop', 'heights'] as const) {
      const report = grade(id, await importSource(starterSource(id, 'js')));
      for (const [i, r] of report.results.entries()) {
        const spec = assignments[id].functions[i]!;
        expect(r.name).toBe(spec.name);
        expect(r.status).toBe(spec.given ? 'pass' : 'not-written');
      }
      expect(report.passed).toBe(false);
    }
    expect(assignments.backprop.functions.filter((f) => f.given).map((f) => f.name)).toEqual(['J_W3', 'J_W2']);
  });

  it('calls onFunction before each function, and grades only the functions asked for', () => {
    const seen: string[] = [];
    const report = grade('backprop', solutions.backprop, { onFunction: (name) => seen.push(name), functions: ['J_b1', 'J_W3'] });
    expect(seen).toEqual(['J_W3', 'J_b1']);
    expect(report.results.map((r) => r.name)).toEqual(['J_W3', 'J_b1']);
  });

  it('rejects unknown options, assignments, seeds and function names by name', () => {
    expect(() => grade('backprop', {}, { sed: 1 } as never)).toThrow(/unknown option "sed"; did you mean "seed"/);
    expect(() => grade('nope' as never, {})).toThrow(/"backprop" or "heights", got "nope"/);
    expect(() => grade('heights', {}, { seed: 0.5 })).toThrow(/seed must be a safe integer/);
    expect(() => grade('heights', {}, { functions: ['dfdx'] })).toThrow(/"dfdx" is not a graded function of heights; they are dfdmu, dfdsig, steepest_step/);
    expect(() => grade('heights', null as never)).toThrow(/impl must be the learner's module/);
  });

  it('is deterministic: the same seed gives the same report', () => {
    const wrong = { dfdmu: (x: number[], mu: number, sig: number) => x.map((v) => (v - mu) / sig) };
    expect(grade('heights', wrong, { seed: 3 })).toEqual(grade('heights', wrong, { seed: 3 }));
  });
});

describe('formatReport', () => {
  it('prints one line per function, then the hints, then a count', async () => {
    const text = formatReport(grade('backprop', await importSource(starterSource('backprop', 'js'))));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Backpropagation \(week 3\)/);
    expect(lines.slice(2, 8).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['pass J_W3', 'todo J_b3', 'pass J_W2', 'todo J_b2', 'todo J_W1', 'todo J_b1']);
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 of 6 functions pass, 4 not written yet.');
    const done = formatReport(grade('heights', solutions.heights));
    expect(done.trimEnd().split('\n').at(-1)).toBe('3 of 3 functions pass: all done.');
  });
});
