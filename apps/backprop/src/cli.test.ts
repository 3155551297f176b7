import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { EXIT, run, USAGE, type Report } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'backprop-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

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

function readOutputs(dir: string) {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
  const pngs = ['drawing.png', 'cost.png'].map((name) => readFileSync(join(dir, name)));
  return { report, pngs };
}

describe('run(argv, io)', () => {
  it('trains 300 seeded iterations end to end and writes drawing.png, cost.png and report.json', async () => {
    const out = join(root, 'short');
    const stdout = capture();
    const stderr = capture();
    const code = await run(['--iterations', '300', '--seed', '1', '--out', out], { stdout: stdout.sink, stderr: stderr.sink });
    expect(code).toBe(EXIT.ok);
    expect(stderr.text()).toBe('');
    expect(readdirSync(out).sort()).toEqual(['cost.png', 'drawing.png', 'report.json']);

    const { report, pngs } = readOutputs(out);
    for (const png of pngs) {
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.length).toBeGreaterThan(5000);
    }
    expect(report.settings).toMatchObject({ iterations: 300, aggression: 7, noise: 1, seed: 1, hidden: [6, 7], snapshotEvery: 100, engine: 'hand' });
    expect(report.seed).toBe(1);
    expect(report.updates).toBe(301);
    expect(report.interrupted).toBe(false);
    expect(report.engineCheck.maxRelativeDifference).toBeLessThan(1e-10);
    expect(report.costHistory.map((p) => p.updates)).toEqual([0, 1, 101, 201, 301]);
    expect(report.finalCost).toBeLessThan(report.initialCost);
    expect(report.costHistory.at(-1)!.cost).toBeLessThan(report.costHistory[0]!.cost);
    expect(report.finalParameters.W2!.shape).toEqual([7, 6]);
    expect(report.finalParameters.W2!.values).toHaveLength(7);
    expect(report.timings.trainingMs).toBeGreaterThan(0);

    expect(stdout.text()).toMatch(/engine check: .* largest relative difference \d\.\d\de-1\d/);
    expect(stdout.text()).toMatch(/cost +\d\.\d{3}e-\d → \d\.\d{3}e-\d/);
    expect(stdout.text()).toMatch(/it\/s/);
  });

  it('trains with the autodiff engine too', async () => {
    const out = join(root, 'autodiff');
    const code = await run(['--iterations', '20', '--snapshot-every', '10', '--engine', 'autodiff', '--out', out], { stdout: capture().sink, stderr: capture().sink });
    expect(code).toBe(EXIT.ok);
    const { report } = readOutputs(out);
    expect(report.settings.engine).toBe('autodiff');
    expect(report.updates).toBe(21);
  });

  it('stops cleanly when its signal is aborted and still writes all three files', async () => {
    const out = join(root, 'interrupted');
    const controller = new AbortController();
    const stdout = capture((text) => {
      if (/^ *\d+% /.test(text)) controller.abort();
    });
    const code = await run(['--iterations', '5000', '--out', out], { stdout: stdout.sink, stderr: capture().sink, signal: controller.signal });
    expect(code).toBe(EXIT.interrupted);
    const { report, pngs } = readOutputs(out);
    expect(report.interrupted).toBe(true);
    expect(report.updates).toBeGreaterThan(0);
    expect(report.updates).toBeLessThan(5001);
    expect(pngs).toHaveLength(2);
    expect(stdout.text()).toMatch(/interrupted after [\d,]+ of 5,001 updates/);
    expect(readdirSync(out).sort()).toEqual(['cost.png', 'drawing.png', 'report.json']);
  });

  it('--help prints every option and exits 0', async () => {
    const stdout = capture();
    expect(await run(['--help'], { stdout: stdout.sink, stderr: capture().sink })).toBe(EXIT.ok);
    expect(stdout.text()).toContain('--snapshot-every');
  });

  const blocker = join(root, 'a-file');
  writeFileSync(blocker, 'not a directory');

  test.each([
    ['an unknown flag', ['--epochs', '5'], /epochs/],
    ['a non-number', ['--aggression', 'fast'], /--aggression must be a number, got "fast"/],
    ['zero iterations', ['--iterations', '0'], /--iterations must be a positive integer/],
    ['negative iterations', ['--iterations=-10'], /--iterations must be a positive integer/],
    ['hidden sizes that are not positive integers', ['--hidden', '6,0'], /--hidden must be two positive integers/],
    ['an unwritable out dir', ['--out', join(blocker, 'sub')], /is not writable/],
  ])('%s → exit 2, one message and the usage line, no files', async (_label, argv, message) => {
    const out = join(root, `bad-${_label.replace(/\W+/g, '-')}`);
    const stdout = capture();
    const stderr = capture();
    const args = argv.includes('--out') ? argv : [...argv, '--out', out];
    expect(await run(args, { stdout: stdout.sink, stderr: stderr.sink })).toBe(EXIT.usage);
    const lines = stderr.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/^backprop: /);
    expect(lines[1]).toBe(USAGE);
    expect(stdout.text()).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });
});
