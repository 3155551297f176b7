import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solutionSource } from '@slope/grader';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, run } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'backprop-exercise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runIn(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { cwd: dir, stdout: { isTTY: false, write: (s: string) => ((out += s), true) }, stderr: { isTTY: false, write: (s: string) => ((err += s), true) } });
  return { code, out, err };
}

describe('backprop exercise / check', () => {
  it('run(["exercise", FILE]) writes the starter once; a second time refuses to overwrite it', async () => {
    const first = await runIn(['exercise', 'mine.mjs']);
    expect(first.code).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'mine.mjs'), 'utf8')).toMatch(/export function J_b3\(net, x, y\)[\s\S]*J_b3: not written yet/);
    const again = await runIn(['exercise', 'mine.mjs']);
    expect(again.code).toBe(EXIT.usage);
    expect(again.err).toContain('mine.mjs');
  });

  it('run(["check", FILE]) grades a wrong J_b3 (the 1/N forgotten) with exit 1 and the diagnosed hint, and the course solution with exit 0', async () => {
    const right = solutionSource('backprop', 'js');
    // The reference J_b3 divides its sum by N; drop that and nothing else.
    const wrong = right.replace(/(export function J_b3[\s\S]*?)net\.scale\(([^;]*?), 1 \/ net\.size\(x\)\)/, '$1$2');
    expect(wrong).not.toBe(right);
    writeFileSync(join(dir, 'wrong.mjs'), wrong);
    writeFileSync(join(dir, 'right.mjs'), right);
    const bad = await runIn(['check', 'wrong.mjs']);
    expect(bad.code).toBe(EXIT.failed);
    expect(bad.out).toMatch(/FAIL +J_b3/);
    expect(bad.out).toMatch(/J_b3: the result is N = \d+ times too big/);
    const good = await runIn(['check', 'right.mjs']);
    expect(good.code).toBe(EXIT.ok);
    expect(good.out).toMatch(/6 of 6 functions pass/);
  }, 60_000);

  it('run(["--engine", FILE]) grades the file first and refuses one that does not pass; a passing one trains to the hand engine\'s cost', async () => {
    const right = solutionSource('backprop', 'js');
    writeFileSync(join(dir, 'engine-right.mjs'), right);
    writeFileSync(join(dir, 'engine-wrong.mjs'), right.replace(/(export function J_b3[\s\S]*?)net\.scale\(([^;]*?), 1 \/ net\.size\(x\)\)/, '$1$2'));
    const refused = await runIn(['--engine', 'engine-wrong.mjs', '--iterations', '200', '--out', join(dir, 'out-wrong')]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toMatch(/not every graded function passes yet[\s\S]*FAIL +J_b3/);
    const mine = await runIn(['--engine', 'engine-right.mjs', '--iterations', '200', '--out', join(dir, 'out-mine')]);
    expect(mine.code).toBe(EXIT.ok);
    expect(mine.out).toContain('engine: your J_W1 … J_b3 from engine-right.mjs');
    const hand = await runIn(['--iterations', '200', '--out', join(dir, 'out-hand')]);
    expect(hand.code).toBe(EXIT.ok);
    const cost = (folder: string): number => (JSON.parse(readFileSync(join(dir, folder, 'report.json'), 'utf8')) as { finalCost: number }).finalCost;
    // The same formulas evaluated in another order: equal up to rounding, carried through 201 noisy updates.
    expect(Math.abs(cost('out-mine') - cost('out-hand'))).toBeLessThanOrEqual(1e-9 * cost('out-hand'));
  }, 120_000);
});
