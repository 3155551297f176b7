import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeOutputFs, type OutputFs } from '@slope/cli-kit';
import { afterAll, describe, expect, it, test } from 'vitest';
import { EXIT, run, type Report } from './index.js';

// The runner as a user starts it: its own process, from source (no build needed), so real
// signals reach real handlers.
const appDir = new URL('..', import.meta.url).pathname;
const main = new URL('./main.ts', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'backprop-faults-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = ['cost.png', 'drawing.png', 'report.json'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const digest = (dir: string) => createHash('sha1').update(FILES.map((name) => readFileSync(join(dir, name)).toString('base64')).join()).digest('hex');

/** The folder holds exactly one complete, readable set, and no partial or probe folder lies beside it. */
function expectCompleteSet(dir: string): Report {
  expect(readdirSync(dir).sort()).toEqual(FILES);
  for (const name of ['drawing.png', 'cost.png']) {
    const png = readFileSync(join(dir, name));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(-8).equals(PNG_END)).toBe(true);
  }
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
  expect(report.app).toBe('@slope/backprop');
  const siblings = readdirSync(join(dir, '..'));
  expect(siblings.filter((name) => name.includes('.partial-') || name.includes('.probe-'))).toEqual([]);
  for (const kept of siblings.filter((name) => name !== 'out')) expect(readdirSync(join(dir, '..', kept)).sort()).toEqual(FILES);
  return report;
}

/** A folder `<fresh>/out` holding a complete earlier run (seed 1, 20 iterations). */
async function previousRun(): Promise<{ out: string; before: string }> {
  const out = join(mkdtempSync(join(root, 'case-')), 'out');
  const quiet = { write: () => true };
  expect(await run(['--iterations', '20', '--noise', '0', '--seed', '1', '--out', out], { stdout: quiet, stderr: quiet })).toBe(EXIT.ok);
  return { out, before: digest(out) };
}

interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI and sends `signals` (in order, `gap` ms apart) once stdout matches `when` (at once for null). */
function runAndSignal(argv: string[], when: RegExp | null, signals: NodeJS.Signals[], gap = 100, user?: { uid: number; gid: number }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@slope/source', '--import', 'tsx', main, ...argv], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'], ...user });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const fire = () => {
      if (sent) return;
      sent = true;
      signals.forEach((signal, i) => setTimeout(() => child.kill(signal), i * gap));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (when != null && when.test(stdout)) fire();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (when == null) fire();
  });
}

describe('backprop under faults: the output folder holds the previous complete set or the new one, never a mix, and no temporary files', () => {
  // expect: 'previous' (nothing was done yet), 'new-interrupted', 'new-finished', or 'either'.
  test.each([
    ['SIGINT', 'at start-up', null, ['SIGINT'], '100', 'previous'],
    ['SIGTERM', 'at start-up', null, ['SIGTERM'], '100', 'previous'],
    ['SIGINT', 'while training with --snapshot-every 1', /\d+%/, ['SIGINT'], '1', 'new-interrupted'],
    ['SIGTERM', 'while training', /\d+%/, ['SIGTERM'], '100', 'new-interrupted'],
    ['SIGINT', 'twice while training (the second quits at once)', /\d+%/, ['SIGINT', 'SIGINT'], '100', 'either'],
    ['SIGTERM', 'after training, while drawing', / 100% /, ['SIGTERM'], '5', 'new-finished'],
    ['SIGINT', 'twice after training, while drawing or saving', / 100% /, ['SIGINT', 'SIGINT'], '5', 'either'],
  ] as const)('%s %s', async (_name, _when, when, signals, snapshotEvery, expected) => {
    const { out, before } = await previousRun();
    const iterations = expected === 'new-finished' || (when != null && when.source.includes('100')) ? '3000' : '200000';
    const result = await runAndSignal(['--iterations', iterations, '--snapshot-every', snapshotEvery, '--seed', '2', '--out', out], when, [...signals], 30);
    const report = expectCompleteSet(out);
    const unchanged = digest(out) === before;
    expect(report.seed).toBe(unchanged ? 1 : 2);
    if (expected === 'previous') expect(unchanged).toBe(true);
    if (expected === 'new-interrupted') {
      expect(result.code).toBe(EXIT.interrupted);
      expect(report.interrupted).toBe(true);
      expect(report.updates).toBeLessThan(report.totalUpdates);
    }
    if (expected === 'new-finished') {
      expect([EXIT.ok, EXIT.failed]).toContain(result.code);
      expect(report.interrupted).toBe(false);
      expect(report.updates).toBe(3001);
    }
    // Killed before the handlers were installed, stopped (130), or finished (0 / 1): never a crash.
    expect(result.signal != null || [EXIT.ok, EXIT.failed, EXIT.interrupted].includes(result.code as 0 | 1 | 130)).toBe(true);
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  /** An OutputFs that throws at the n-th change it makes (mkdtemp, each write, each rename). */
  function failingAt(n: number, error: () => Error): OutputFs {
    let changes = 0;
    const step = <T>(act: () => T): T => {
      if (++changes === n) throw error();
      return act();
    };
    return {
      ...nodeOutputFs,
      mkdir: (p) => step(() => nodeOutputFs.mkdir(p)),
      mkdtemp: (p) => step(() => nodeOutputFs.mkdtemp(p)),
      writeFile: (p, d) => step(() => nodeOutputFs.writeFile(p, d)),
      rename: (a, b) => step(() => nodeOutputFs.rename(a, b)),
    };
  }

  // Changes: 1 the probe folder (when checking --out), 2 the new folder, 3–5 the three files,
  // 6 the previous results moved aside, 7 the new ones moved into place.
  test.each([1, 2, 3, 4, 5, 6, 7])('a writer that fails at change %i: exit 2 (disk error) or 3 (a bug), the previous set intact', async (n) => {
    for (const [error, code] of [
      [() => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), EXIT.usage],
      [() => new TypeError('writer bug'), EXIT.internal],
    ] as const) {
      const { out, before } = await previousRun();
      let stderr = '';
      const exit = await run(['--iterations', '20', '--noise', '0', '--seed', '2', '--out', out], {
        stdout: { write: () => true },
        stderr: { write: (t: string) => (stderr += t) },
        fs: failingAt(n, error),
      });
      expect(exit).toBe(code);
      expect(stderr).toMatch(code === EXIT.usage ? /^backprop: --out ".*": (cannot create folders|could not save the results \(ENOSPC|cannot create a folder)/ : /^backprop: internal error/);
      expectCompleteSet(out);
      expect(digest(out)).toBe(before);
    }
  });

  it('a read-only folder fails at once with exit 2 and one line naming the path (as the user nobody when run as root)', async () => {
    const parent = mkdtempSync(join(root, 'readonly-'));
    chmodSync(parent, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const result = await runAndSignal(['--iterations', '10', '--out', join(parent, 'out')], null, [], 0, asUser);
    chmodSync(parent, 0o755);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(new RegExp(`^backprop: --out ".*readonly-\\w+/out": cannot create folders in ".*readonly-\\w+" \\(EACCES`));
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(readdirSync(parent)).toEqual([]);
  });
});
