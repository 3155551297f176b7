import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignments, heightsStep, solutionSource, starterSource } from '../index.js';
import { checkCommand, exerciseCommand, gradeFile, LearnerSyntaxError, loadLearnerModule, writeStarter } from './index.js';

const testData = (relative: string): string => fileURLToPath(new URL(`../../test-data/${relative}`, import.meta.url));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'slope-grader-node-'));
}

function sink() {
  let text = '';
  return { write: (t: string) => (text += t), get text() { return text; } };
}

describe('gradeFile', () => {
  it('grades the reference solution written as TypeScript and as JavaScript: all pass', async () => {
    const dir = folder();
    for (const [id, language, ext] of [['backprop', 'ts', 'ts'], ['heights', 'js', 'mjs']] as const) {
      const path = join(dir, `${id}.${ext}`);
      writeFileSync(path, solutionSource(id, language));
      const report = await gradeFile(path, id);
      expect(report.results.map((r) => r.status), `${id} ${language}`).toEqual(assignments[id].functions.map(() => 'pass'));
      expect(report.passed).toBe(true);
    }
  });

  it('grades the TypeScript starter as written: not written, except the worked examples', async () => {
    const path = join(folder(), 'backprop-exercise.ts');
    writeStarter(path, 'backprop', 'ts');
    const report = await gradeFile(path, 'backprop');
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'not-written', 'pass', 'not-written', 'not-written', 'not-written']);
  });

  it('names a function that hangs and still grades the others', async () => {
    const report = await gradeFile(testData('heights/hangs.mjs'), 'heights', { timeoutMs: 300 });
    expect(report.results).toEqual([
      { name: 'dfdmu', status: 'error', message: 'dfdmu did not return within 0.3 s', hint: expect.stringMatching(/loop that never ends/) },
      expect.objectContaining({ name: 'dfdsig', status: 'pass' }),
      expect.objectContaining({ name: 'steepest_step', status: 'not-written' }),
    ]);
  });

  it('reports a syntax error with its line and column, in JavaScript and in TypeScript', async () => {
    const dir = folder();
    const js = join(dir, 'broken.mjs');
    writeFileSync(js, 'export function dfdmu(x, mu, sig) {\n  return x.map((xi) => xi - mu +);\n}\n');
    await expect(gradeFile(js, 'heights')).rejects.toThrow(new LearnerSyntaxError(js, 2, 33, 'Unexpected token'));
    const ts = join(dir, 'broken.ts');
    writeFileSync(ts, 'export function dfdmu(x: number[], mu: number, sig: number): number[] {\n  const s: number = sig;\n  let y = ;\n  return x;\n}\n');
    await expect(gradeFile(ts, 'heights')).rejects.toThrow(new LearnerSyntaxError(ts, 3, 11, 'Unexpected token'));
  });

  it('reports a missing file, a wrong extension and a module whose top level never ends', async () => {
    const dir = folder();
    await expect(gradeFile(join(dir, 'nope.ts'), 'heights')).rejects.toThrow(/nope\.ts: cannot read the file \(ENOENT\)/);
    writeFileSync(join(dir, 'a.py'), 'def f(): pass\n');
    await expect(gradeFile(join(dir, 'a.py'), 'heights')).rejects.toThrow(/must end in \.ts, \.mts, \.js or \.mjs .*got "\.py"/);
    const spin = join(dir, 'spin.mjs');
    writeFileSync(spin, 'while (true) {}\nexport const dfdmu = 1;\n');
    await expect(gradeFile(spin, 'heights', { timeoutMs: 300 })).rejects.toThrow(/spin\.mjs: the module did not finish loading within 0\.3 s/);
    await expect(gradeFile(spin, 'heights', { timeout: 1 } as never)).rejects.toThrow(/unknown option "timeout"; did you mean "timeoutMs"/);
  });
});

describe('loadLearnerModule', () => {
  it('imports a TypeScript file for a trainer', async () => {
    const path = join(folder(), 'h.ts');
    writeFileSync(path, solutionSource('heights', 'ts'));
    const step = heightsStep(await loadLearnerModule(path, { timeoutMs: 2000 }));
    const [dmu, dsig] = step([150, 160, 170], [0.01, 0.02, 0.01], 155, 6, 2000);
    expect(Number.isFinite(dmu) && Number.isFinite(dsig)).toBe(true);
  });
});

describe('writeStarter', () => {
  it('writes the starter whole and never overwrites a file', () => {
    const dir = folder();
    const path = join(dir, 'mine.mjs');
    writeStarter(path, 'heights', 'js');
    expect(readFileSync(path, 'utf8')).toBe(starterSource('heights', 'js'));
    writeFileSync(path, 'my work');
    expect(() => writeStarter(path, 'heights', 'js')).toThrow(`${path} already exists; the starter never overwrites a file: give another name, or move that file away`);
    expect(readFileSync(path, 'utf8')).toBe('my work');
    expect(readdirSync(dir)).toEqual(['mine.mjs']);
    expect(() => writeStarter(join(dir, 'no', 'such', 'x.ts'), 'heights', 'ts')).toThrow(/x\.ts: cannot write the starter there \(ENOENT\)/);
  });
});

describe('exerciseCommand and checkCommand', () => {
  it('exercise writes the starter and says what to do next; a second time it refuses (exit 2)', async () => {
    const cwd = folder();
    const stdout = sink();
    const stderr = sink();
    expect(await exerciseCommand('backprop', [], { cwd, stdout, stderr })).toBe(0);
    expect(stdout.text).toBe('wrote backprop-exercise.ts (TypeScript): write J_b3, J_b2, J_W1, J_b1 in it, then\n  check them:        corepack pnpm backprop check backprop-exercise.ts\n  run with them:     corepack pnpm backprop --engine backprop-exercise.ts\n');
    expect(existsSync(join(cwd, 'backprop-exercise.ts'))).toBe(true);
    expect(await exerciseCommand('backprop', [], { cwd, stdout, stderr })).toBe(2);
    expect(stderr.text).toMatch(/backprop-exercise\.ts already exists; the starter never overwrites a file/);
    expect(await exerciseCommand('heights', ['--language', 'js'], { cwd, stdout, stderr })).toBe(0);
    expect(existsSync(join(cwd, 'heights-exercise.mjs'))).toBe(true);
    expect(await exerciseCommand('heights', ['x.ts', '--language', 'js'], { cwd, stdout, stderr })).toBe(2);
    expect(await exerciseCommand('heights', ['--language', 'py'], { cwd, stdout, stderr })).toBe(2);
    expect(stderr.text).toMatch(/--language must be one of ts, js, got "py"/);
  });

  it('check prints the report: exit 1 with hints while wrong, 0 when all pass, 2 for a bad file', async () => {
    const cwd = folder();
    const out = sink();
    const err = sink();
    writeFileSync(join(cwd, 'h.mjs'), readFileSync(testData('heights/step-wrong-sign.mjs'), 'utf8'));
    expect(await checkCommand('heights', ['h.mjs', '--seed', '2'], { cwd, stdout: out, stderr: err })).toBe(1);
    expect(out.text).toMatch(/ {2}FAIL {3}steepest_step {2}steepest_step: element \[\d\] is /);
    expect(out.text).toMatch(/steepest_step: the step goes uphill/);
    writeFileSync(join(cwd, 'ok.mjs'), solutionSource('heights', 'js'));
    const ok = sink();
    expect(await checkCommand('heights', ['ok.mjs'], { cwd, stdout: ok, stderr: err })).toBe(0);
    expect(ok.text.trimEnd().split('\n').at(-1)).toBe('3 of 3 functions pass: all done.');
    writeFileSync(join(cwd, 'bad.mjs'), 'export function dfdmu(x) {\n  return x +* 2;\n}\n');
    const bad = sink();
    expect(await checkCommand('heights', ['bad.mjs'], { cwd, stdout: out, stderr: bad })).toBe(2);
    expect(bad.text).toMatch(/^fit-heights check FILE: bad\.mjs:2:13: syntax error: Unexpected token\n$/);
    const none = sink();
    expect(await checkCommand('backprop', [], { cwd, stdout: out, stderr: none })).toBe(2);
    expect(none.text).toMatch(/which file\? give it first: backprop check FILE/);
  });
});
