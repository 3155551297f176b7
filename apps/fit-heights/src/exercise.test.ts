import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solutionSource } from '@slope/grader';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, run } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fit-heights-exercise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runIn(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { cwd: dir, stdout: { isTTY: false, write: (s: string) => ((out += s), true) }, stderr: { isTTY: false, write: (s: string) => ((err += s), true) } });
  return { code, out, err };
}

describe('fit-heights exercise / check', () => {
  it('run(["exercise", FILE]) writes the starter once; a second time refuses to overwrite it', async () => {
    const first = await runIn(['exercise', 'mine.mjs']);
    expect(first.code).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'mine.mjs'), 'utf8')).toMatch(/export function dfdsig\(x, mu, sig\)[\s\S]*dfdsig: not written yet/);
    const again = await runIn(['exercise', 'mine.mjs']);
    expect(again.code).toBe(EXIT.usage);
    expect(again.err).toContain('mine.mjs');
  });

  it('run(["check", FILE]) grades a dfdsig without its −1/σ term with exit 1 and the diagnosed hint, and the course solution with exit 0', async () => {
    const right = solutionSource('heights', 'js');
    const wrong = right.replace(/(export function dfdsig[\s\S]*?) - 1 \/ sig/, '$1');
    expect(wrong).not.toBe(right);
    writeFileSync(join(dir, 'wrong.mjs'), wrong);
    writeFileSync(join(dir, 'right.mjs'), right);
    const bad = await runIn(['check', 'wrong.mjs']);
    expect(bad.code).toBe(EXIT.failed);
    expect(bad.out).toMatch(/FAIL +dfdsig/);
    expect(bad.out).toMatch(/dfdsig: the −1\/σ term is missing/);
    const good = await runIn(['check', 'right.mjs']);
    expect(good.code).toBe(EXIT.ok);
    expect(good.out).toMatch(/3 of 3 functions pass/);
  }, 60_000);
});
