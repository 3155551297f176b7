import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { nodeOutputFs, OutputError, prepareOutputFolder, type OutputFs } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'cli-kit-out-'));
// mkdtemp makes 0700 folders; the read-only check below runs a child as another user.
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = ['a.png', 'report.json'];
/** A path `<fresh parent>/out`: each test sees only its own siblings. */
const fresh = (label: string) => join(mkdtempSync(join(root, `${label}-`)), 'out');
const results = (tag: string) => [
  { name: 'a.png', data: new Uint8Array([1, 2, tag.length]) },
  { name: 'report.json', data: `{"run":"${tag}"}` },
];
const reportOf = (dir: string) => readFileSync(join(dir, 'report.json'), 'utf8');
/** Everything in the parent folder of the target, hidden files included. */
const around = (dir: string) => readdirSync(join(dir, '..')).sort();

describe('prepareOutputFolder(dir, { files })', () => {
  it('creates missing folders one level at a time and saves a complete set', () => {
    const dir = join(fresh('nested'), 'a', 'b');
    const out = prepareOutputFolder(dir, { files: FILES });
    expect(existsSync(dir)).toBe(false);
    const saved = out.save(results('first'));
    expect(saved).toEqual({ folder: dir, files: [join(dir, 'a.png'), join(dir, 'report.json')], previous: null });
    expect(readdirSync(dir).sort()).toEqual(FILES);
    expect(reportOf(dir)).toBe('{"run":"first"}');
    expect(around(dir)).toEqual(['b']);
    expect(readdirSync(join(dir, '..', '..', '..'))).toEqual(['out']);
  });

  it('keeps the previous results: renamed to the folder plus a timestamp', () => {
    const dir = fresh('again');
    prepareOutputFolder(dir, { files: FILES }).save(results('first'));
    const clock = () => new Date(2026, 11, 7, 21, 44, 3);
    const second = prepareOutputFolder(dir, { files: FILES, clock }).save(results('second'));
    expect(second.previous).toBe(`${dir}.2026-12-07_21-44-03`);
    expect(reportOf(dir)).toBe('{"run":"second"}');
    expect(reportOf(second.previous!)).toBe('{"run":"first"}');
    const third = prepareOutputFolder(dir, { files: FILES, clock }).save(results('third'));
    expect(third.previous).toBe(`${dir}.2026-12-07_21-44-03-2`);
    expect(reportOf(third.previous!)).toBe('{"run":"second"}');
  });

  it('gives the results folder, and the kept previous one, the permissions a plain mkdir gets (not a temp folder\'s private 0700)', () => {
    const dir = fresh('mode');
    const plain = join(dir, '..', 'plain');
    mkdirSync(plain);
    const want = statSync(plain).mode & 0o777;
    const out = prepareOutputFolder(dir, { files: FILES });
    out.save(results('first'));
    expect(statSync(dir).mode & 0o777).toBe(want);
    const { previous } = out.save(results('second'));
    expect(statSync(previous as string).mode & 0o777).toBe(want);
    expect(statSync(dir).mode & 0o777).toBe(want);
  });

  it('replaces an empty folder without keeping it', () => {
    const dir = fresh('empty');
    mkdirSync(dir);
    expect(prepareOutputFolder(dir, { files: FILES }).save(results('x')).previous).toBeNull();
    expect(around(dir)).toEqual(['out']);
  });

  it('resolves a relative folder against cwd', () => {
    const cwd = fresh('cwd');
    mkdirSync(cwd);
    const saved = prepareOutputFolder('out/run', { files: FILES, cwd }).save(results('x'));
    expect(saved.folder).toBe(join(cwd, 'out', 'run'));
  });

  test.each([
    ['a folder holding other files', (dir: string) => (mkdirSync(dir), writeFileSync(join(dir, 'notes.txt'), 'mine')), /holds "notes.txt", which this run does not write; give a new or empty folder/],
    ['a folder where report.json should be', (dir: string) => mkdirSync(join(dir, 'report.json'), { recursive: true }), /holds "report.json", which this run does not write/],
    ['a file where the folder should be', (dir: string) => writeFileSync(dir, 'x'), /: ".*" is a file, not a folder/],
    ['a file where a parent folder should be', (dir: string) => writeFileSync(dir, 'x'), /is a file, not a folder/, 'sub'],
  ])('refuses %s at once, in one line naming the path, and touches nothing', (_label, setUp, message, below?: string) => {
    const base = fresh('refused');
    setUp(base);
    const before = around(base);
    const dir = below === undefined ? base : join(base, below);
    expect(() => prepareOutputFolder(dir, { files: FILES })).toThrow(OutputError);
    expect(() => prepareOutputFolder(dir, { files: FILES })).toThrow(message);
    try {
      prepareOutputFolder(dir, { files: FILES });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toContain(JSON.stringify(dir));
    }
    expect(around(base)).toEqual(before);
  });

  it('fails at once on /proc/x, where a recursive mkdir never returns in Node 20', () => {
    const started = Date.now();
    expect(() => prepareOutputFolder('/proc/x', { files: FILES })).toThrow(/--out "\/proc\/x": cannot create folders in "\/proc" \(ENOENT/);
    expect(() => prepareOutputFolder('/proc/x/y/z', { files: FILES })).toThrow(/cannot create folders in "\/proc"/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a read-only folder: a folder must be creatable where the results go', () => {
    const dir = fresh('readonly');
    const readOnly: OutputFs = {
      ...nodeOutputFs,
      mkdtemp: () => {
        throw Object.assign(new Error('EACCES: permission denied, mkdtemp'), { code: 'EACCES' });
      },
    };
    expect(() => prepareOutputFolder(dir, { files: FILES, fs: readOnly })).toThrow(/cannot create folders in ".*readonly-\w+" \(EACCES: permission denied, mkdtemp\)/);
  });

  it('refuses a folder the process may not write, for real (as the user nobody when run as root, who may write anywhere)', () => {
    const parent = join(fresh('chmod'), '..');
    chmodSync(parent, 0o555);
    const program = [
      `import { prepareOutputFolder } from ${JSON.stringify(new URL('./index.ts', import.meta.url).pathname)};`,
      `try { prepareOutputFolder(${JSON.stringify(join(parent, 'out'))}, { files: ['a'] }); console.log('accepted'); }`,
      'catch (error) { console.log(error.name + ": " + error.message); }',
    ].join('\n');
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], {
      ...asNobody,
      cwd: new URL('..', import.meta.url).pathname,
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: new URL('../tsconfig.json', import.meta.url).pathname },
    });
    chmodSync(parent, 0o755);
    expect(child.stderr).toBe('');
    expect(child.stdout).toMatch(/^OutputError: --out ".*chmod-\w+\/out": cannot create folders in ".*chmod-\w+" \(EACCES/);
  });

  it('removes partial folders of earlier runs whose process is gone, and no others', () => {
    const dir = fresh('stale');
    const dead = join(dir, '..', '.out.partial-999999999-abc123');
    const living = join(dir, '..', `.out.partial-${process.pid}-def456`);
    mkdirSync(dead);
    mkdirSync(living);
    prepareOutputFolder(dir, { files: FILES });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(living)).toBe(true);
    rmSync(living, { recursive: true });
  });

  it('refuses to save a file it was not told about', () => {
    const out = prepareOutputFolder(fresh('undeclared'), { files: FILES });
    expect(() => out.save([{ name: 'other.txt', data: '' }])).toThrow(/"other.txt" is not one of the declared files/);
  });
});

describe('OutputFolder.save under faults', () => {
  /**
   * An OutputFs that throws at the `failAt`-th call of any operation that changes the disk,
   * counting from when it is armed (after `prepareOutputFolder`'s probe).
   */
  function faulty(failAt: number, error: () => Error): { fs: OutputFs; arm: () => void } {
    let calls = 0;
    let armed = false;
    const hit = () => {
      if (!armed) return;
      calls++;
      if (calls === failAt) throw error();
    };
    return {
      fs: {
        ...nodeOutputFs,
        mkdir: (p) => (hit(), nodeOutputFs.mkdir(p)),
        mkdtemp: (p) => (hit(), nodeOutputFs.mkdtemp(p)),
        writeFile: (p, d) => (hit(), nodeOutputFs.writeFile(p, d)),
        rename: (a, b) => (hit(), nodeOutputFs.rename(a, b)),
      },
      arm: () => {
        armed = true;
      },
    };
  }

  // A first save of 2 files into an existing folder changes the disk 5 times: mkdtemp, 2
  // writes, rename the previous results aside, rename the new ones into place.
  test.each([1, 2, 3, 4, 5])('a disk error at change %i leaves the previous complete set and no partial folder', (failAt) => {
    const dir = fresh('fault');
    prepareOutputFolder(dir, { files: FILES }).save(results('previous'));
    const siblings = around(dir);
    const { fs, arm } = faulty(failAt, () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const out = prepareOutputFolder(dir, { files: FILES, fs });
    arm();
    expect(() => out.save(results('new'))).toThrow(/could not save the results \(ENOSPC: no space left on device\); the folder is as it was|cannot create a folder in .* \(ENOSPC/);
    expect(reportOf(dir)).toBe('{"run":"previous"}');
    expect(readdirSync(dir).sort()).toEqual(FILES);
    expect(around(dir)).toEqual(siblings);
  });

  test.each([1, 2, 3, 4, 5])('an exception that is not a disk error (a bug) at change %i passes through, and the folder is as it was', (failAt) => {
    const dir = fresh('bug');
    prepareOutputFolder(dir, { files: FILES }).save(results('previous'));
    const siblings = around(dir);
    const { fs, arm } = faulty(failAt, () => new TypeError('writer bug'));
    const out = prepareOutputFolder(dir, { files: FILES, fs });
    arm();
    expect(() => out.save(results('new'))).toThrow(TypeError);
    expect(reportOf(dir)).toBe('{"run":"previous"}');
    expect(around(dir)).toEqual(siblings);
  });

  test.each([1, 2, 3, 4])('a failure at change %i of a first run leaves nothing at all', (failAt) => {
    const dir = fresh('first-fault');
    const { fs, arm } = faulty(failAt, () => Object.assign(new Error('EIO'), { code: 'EIO' }));
    const out = prepareOutputFolder(dir, { files: FILES, fs });
    arm();
    expect(() => out.save(results('new'))).toThrow(OutputError);
    expect(existsSync(dir)).toBe(false);
    expect(around(dir)).toEqual([]);
  });

  it('moves the previous results back when the new ones cannot be moved into place', () => {
    const dir = fresh('restore');
    prepareOutputFolder(dir, { files: FILES }).save(results('previous'));
    let renames = 0;
    const fs: OutputFs = {
      ...nodeOutputFs,
      rename: (a, b) => {
        renames++;
        if (renames === 2) throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
        nodeOutputFs.rename(a, b);
      },
    };
    expect(() => prepareOutputFolder(dir, { files: FILES, fs }).save(results('new'))).toThrow(/could not save the results \(EXDEV/);
    expect(renames).toBe(3);
    expect(reportOf(dir)).toBe('{"run":"previous"}');
  });
});
