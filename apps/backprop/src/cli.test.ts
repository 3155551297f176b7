import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { EXIT, MAX_DRAWN_SNAPSHOTS, progressSpacing, run, USAGE, type Report } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'backprop-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
/** `<fresh folder>/out`, so each test sees only its own siblings. */
const fresh = () => join(mkdtempSync(join(root, `t${counter++}-`)), 'out');

function capture(onWrite?: (text: string) => void) {
  let text = '';
  return {
    sink: {
      isTTY: false,
      write(chunk: string) {
        text += chunk;
        onWrite?.(chunk);
        return true;
      },
    },
    text: () => text,
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const FILES = ['cost.png', 'drawing.png', 'report.json'];

function readOutputs(dir: string) {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
  const pngs = ['drawing.png', 'cost.png'].map((name) => readFileSync(join(dir, name)));
  return { report, pngs };
}

async function runQuietly(argv: string[], signal?: AbortSignal) {
  const stdout = capture();
  const stderr = capture();
  const code = await run(argv, { stdout: stdout.sink, stderr: stderr.sink, ...(signal === undefined ? {} : { signal }) });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('progressSpacing(snapshotEvery)', () => {
  test.each([
    [100, 100],
    [1, 1],
    [1000, 250],
    [1024, 256],
    [7919, 1], // a prime above 256: every update is a progress point
    [7919 * 2, 2],
  ])('progressSpacing(%i) is %i, a divisor of it, so every snapshot point is a progress point', (every, spacing) => {
    expect(progressSpacing(every)).toBe(spacing);
    expect(every % spacing).toBe(0);
  });
});

describe('run(argv, io)', () => {
  it('trains 300 seeded iterations end to end and writes drawing.png, cost.png and report.json', async () => {
    const out = fresh();
    const { code, stdout, stderr } = await runQuietly(['--iterations', '300', '--seed', '1', '--out', out]);
    expect(code).toBe(EXIT.ok);
    expect(stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(FILES);

    const { report, pngs } = readOutputs(out);
    for (const png of pngs) {
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.length).toBeGreaterThan(5000);
    }
    expect(report.settings).toMatchObject({ iterations: 300, aggression: 7, noise: 1, seed: 1, hidden: [6, 7], snapshotEvery: 100, engine: 'hand' });
    expect(report.seed).toBe(1);
    expect(report.status).toBe('done');
    expect(report.updates).toBe(301);
    expect(report.interrupted).toBe(false);
    expect(report.diverged).toBe(false);
    expect(report.snapshots).toEqual({ drawn: 4, scheduled: 4, every: 100, limit: MAX_DRAWN_SNAPSHOTS });
    expect(report.jacobianCheck.passed).toBe(true);
    expect(report.jacobianCheck.course.maxRelativeDifference).toBeLessThan(1e-10);
    expect(report.jacobianCheck.trainer.maxRelativeDifference).toBeLessThan(1e-10);
    // The trainer's progress points: update 0, then where the countdown is a multiple of 100.
    expect(report.costHistory.map((p) => p.updates)).toEqual([0, 1, 101, 201, 301]);
    expect(report.finalCost).toBeLessThan(report.initialCost);
    expect(report.finalParameters.W2!.shape).toEqual([7, 6]);
    expect(report.finalParameters.W2!.values).toHaveLength(7);
    expect(report.timings.trainingMs).toBeGreaterThan(0);

    expect(stdout).toMatch(/jacobian check: J_W1…J_b3 as the course writes them, and the trainer's, vs @slope\/autodiff .* largest difference \d\.\d\de-\d+ of the terms summed .*rounding allows 1\.0\de-13/);
    expect(stdout).toMatch(/cost +\d\.\d{3}e-\d → \d\.\d{3}e-\d/);
    expect(stdout).toMatch(/\/s {2}ETA/);
    expect(stdout).toContain('snapshots 4, every 100 iterations');
    expect(stdout).not.toContain('kept ');
  });

  it('trains with the autodiff engine too', async () => {
    const out = fresh();
    const { code } = await runQuietly(['--iterations', '20', '--snapshot-every', '10', '--engine', 'autodiff', '--out', out]);
    expect(code).toBe(EXIT.ok);
    const { report } = readOutputs(out);
    expect(report.settings.engine).toBe('autodiff');
    expect(report.updates).toBe(21);
  });

  it('draws at most MAX_DRAWN_SNAPSHOTS snapshots with --snapshot-every 1, thinned evenly, and says so', async () => {
    const out = fresh();
    const { code, stdout } = await runQuietly(['--iterations', '1100', '--snapshot-every', '1', '--out', out]);
    expect(code).toBe(EXIT.ok);
    const { report } = readOutputs(out);
    expect(report.snapshots).toEqual({ drawn: 551, scheduled: 1101, every: 2, limit: MAX_DRAWN_SNAPSHOTS });
    expect(stdout).toContain(`snapshots 551 of 1,101 (every 2 iterations: at most ${MAX_DRAWN_SNAPSHOTS} are drawn, thinned evenly)`);
  });

  it('keeps the previous results, renamed with a timestamp, and says where', async () => {
    const out = fresh();
    // Noise 0: plain gradient descent, so ten updates surely lower the cost (exit 0).
    expect((await runQuietly(['--iterations', '10', '--noise', '0', '--seed', '1', '--out', out])).code).toBe(EXIT.ok);
    const first = readFileSync(join(out, 'report.json'), 'utf8');
    const second = await runQuietly(['--iterations', '10', '--noise', '0', '--seed', '2', '--out', out]);
    expect(second.code).toBe(EXIT.ok);
    const kept = readdirSync(join(out, '..')).filter((name) => name !== 'out');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^out\.\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d$/);
    expect(readFileSync(join(out, '..', kept[0]!, 'report.json'), 'utf8')).toBe(first);
    expect(readOutputs(out).report.seed).toBe(2);
    expect(second.stdout).toContain(`kept      the previous results as ${join(out, '..', kept[0]!)}`);
  });

  it('reports a cost that got worse (aggression 1e308) and exits 1, with the files written', async () => {
    const out = fresh();
    const { code, stdout, stderr } = await runQuietly(['--iterations', '200', '--aggression', '1e308', '--out', out]);
    expect(code).toBe(EXIT.failed);
    const { report } = readOutputs(out);
    expect(['cost-rose', 'diverged']).toContain(report.status);
    expect(report.finalCost == null || report.finalCost > report.initialCost).toBe(true);
    expect(stderr).toMatch(/^backprop: (the cost got worse|diverged)/);
    expect(stdout).toMatch(/^failed: /m);
    expect(stdout).not.toMatch(/^done/m);
  });

  it('stops cleanly when its signal is aborted and still writes all three files', async () => {
    const out = fresh();
    const controller = new AbortController();
    const stdout = capture((text) => {
      if (/^ *\d+% /.test(text)) controller.abort();
    });
    const code = await run(['--iterations', '5000', '--out', out], { stdout: stdout.sink, stderr: capture().sink, signal: controller.signal });
    expect(code).toBe(EXIT.interrupted);
    const { report, pngs } = readOutputs(out);
    expect(report.interrupted).toBe(true);
    expect(report.status).toBe('interrupted');
    expect(report.updates).toBeGreaterThan(0);
    expect(report.updates).toBeLessThan(5001);
    expect(pngs).toHaveLength(2);
    expect(stdout.text()).toMatch(/interrupted after [\d,]+ of 5,001 updates/);
    expect(readdirSync(out).sort()).toEqual(FILES);
  });

  it('writes nothing when interrupted before the first update, leaving the previous results', async () => {
    const out = fresh();
    await runQuietly(['--iterations', '10', '--out', out]);
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    const controller = new AbortController();
    controller.abort();
    const { code, stdout } = await runQuietly(['--iterations', '10', '--out', out], controller.signal);
    expect(code).toBe(EXIT.interrupted);
    expect(stdout).toContain('nothing to write');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });

  it('--help and -h print every option, the output rule and the exit codes, and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await runQuietly(['--iterations', '-1', flag]);
      expect(code).toBe(EXIT.ok);
      expect(stdout).toContain('--snapshot-every');
      expect(stdout).toContain('exit codes:');
    }
  });

  test.each([
    ['an unknown flag', ['--epochs', '5'], /unknown option --epochs/],
    ['a non-number', ['--aggression', 'fast'], /--aggression must be a number above 0, got "fast"/],
    ['zero iterations', ['--iterations', '0'], /--iterations must be an integer from 1 to 1e12/],
    ['a hexadecimal count', ['--iterations', '0x10'], /--iterations must be an integer from 1 to 1e12, got "0x10"/],
    ['negative iterations', ['--iterations=-10'], /--iterations must be an integer/],
    ['a repeated option', ['--seed', '1', '--seed', '2'], /--seed is given 2 times/],
    ['hidden sizes that are not positive integers', ['--hidden', '6,0'], /--hidden must be an integer from 1 to 10000/],
  ])('%s → exit 2, one message and the usage line, no files', async (_label, argv, message) => {
    const out = fresh();
    const { code, stdout, stderr } = await runQuietly([...argv, '--out', out]);
    expect(code).toBe(EXIT.usage);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/^backprop: /);
    expect(lines[1]).toBe(USAGE);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    ['a file where the folder should be', (dir: string) => writeFileSync(dir, 'x'), (dir: string) => join(dir, 'sub'), /is a file, not a folder/],
    ['a folder with other files', (dir: string) => (mkdirSync(dir), writeFileSync(join(dir, 'notes.txt'), 'mine')), (dir: string) => dir, /holds "notes.txt", which this run does not write/],
    ['report.json as a folder', (dir: string) => mkdirSync(join(dir, 'report.json'), { recursive: true }), (dir: string) => dir, /holds "report.json", which this run does not write/],
    ['a path under /proc', () => {}, () => '/proc/x', /--out "\/proc\/x": cannot create folders in "\/proc"/],
  ])('a bad --out (%s) fails at once: exit 2, one line naming the path, nothing trained or written', async (_label, setUp, outOf, message) => {
    const base = fresh();
    setUp(base);
    const before = readdirSync(join(base, '..')).sort();
    const out = outOf(base);
    const started = Date.now();
    const { code, stdout, stderr } = await runQuietly(['--iterations', '10', '--out', out]);
    expect(code).toBe(EXIT.usage);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain(JSON.stringify(out));
    expect(stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(join(base, '..')).sort()).toEqual(before);
  });
});
