import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { EXIT, MAX_STEPS, run, USAGE, type FitHeightsReport } from './index.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fit-heights-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
}

async function cli(argv: string[], outName: string): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const out = join(root, outName);
  const code = await run([...argv, '--out', outName], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
  });
  return { code, stdout, stderr, out };
}

async function report(out: string): Promise<FitHeightsReport> {
  return JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as FitHeightsReport;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('run(argv) with the course defaults', () => {
  let result: Outcome;
  beforeAll(async () => {
    result = await cli([], 'course');
  });

  it('run([]) exits 0 and prints the step table every 10 steps ending at the notebook\'s step 50', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const rows = result.stdout.split('\n').filter((line) => /^\d+\s+\d/.test(line));
    expect(rows.map((line) => Number(line.split(/\s+/)[0]))).toEqual([0, 10, 20, 30, 40, 50]);
    expect(rows[0]).toMatch(/^0\s+155\.0000\s+6\.0000\s+3\.23333e-2$/);
    // COURSE.md §2.5: step 50 is (178.5198, 7.5499) with χ² = 4.39245e-4.
    expect(rows[5]).toMatch(/^50\s+178\.5198\s+7\.5499\s+4\.39245e-4$/);
  });

  it('run([]) follows the notebook path step by step (COURSE.md §2.5)', async () => {
    const { runs } = await report(result.out);
    const path = runs.steepest.path;
    expect(path).toHaveLength(51);
    const notebook = [
      [155.926, 13.319],
      [157.277, 15.521],
      [158.512, 16.918],
      [159.632, 17.86],
      [160.659, 18.516],
    ];
    notebook.forEach(([mu, sigma], k) => {
      expect(path[k + 1]?.mu).toBeCloseTo(mu as number, 3);
      expect(path[k + 1]?.sigma).toBeCloseTo(sigma as number, 3);
    });
  });

  it('run([]) prints the comparison: Gauss–Newton and Levenberg–Marquardt reach the χ² minimum, beside the histogram moments', async () => {
    expect(result.stdout).toMatch(/Gauss–Newton\s+\d+\s+178\.5198\s+7\.5499\s+4\.39245e-4\s+converged/);
    expect(result.stdout).toMatch(/Levenberg–Marquardt\s+\d+\s+178\.5198\s+7\.5499\s+4\.39245e-4\s+converged/);
    // COURSE.md §2.4: the histogram's own mean 178.49 cm and standard deviation 7.545 cm.
    expect(result.stdout).toMatch(/histogram moments\s+-\s+178\.49\d\d\s+7\.54\d\d/);
    const { runs, moments } = await report(result.out);
    // The Nelder–Mead minimum (178.51982, 7.54991), χ² = 4.392454e-4, is independent of our code.
    for (const method of ['gauss-newton', 'levenberg-marquardt'] as const) {
      expect(runs[method].mu).toBeCloseTo(178.51982, 4);
      expect(runs[method].sigma).toBeCloseTo(7.54991, 4);
      expect(runs[method].chi2 / 4.392454e-4).toBeCloseTo(1, 5);
      expect(runs[method].iterations).toBeLessThan(50);
    }
    expect(moments.mean).toBeCloseTo(178.49, 2);
    expect(moments.sd).toBeCloseTo(7.545, 3);
  });

  it('run([]) writes histogram.png, contour.png and report.json, and nothing else', async () => {
    expect((await readdir(result.out)).sort()).toEqual(['contour.png', 'histogram.png', 'report.json']);
    expect(await pngSize(join(result.out, 'histogram.png'))).toEqual([1280, 480]);
    expect(await pngSize(join(result.out, 'contour.png'))).toEqual([900, 620]);
    const r = await report(result.out);
    expect(r).toMatchObject({
      app: '@slope/fit-heights',
      method: 'steepest',
      diverged: false,
      exitCode: 0,
      options: { dataset: 'course', data: null, start: [155, 6], aggression: 2000, steps: 50 },
      data: { name: 'course', bins: 100, binWidth: 2.5, citation: null },
      files: ['histogram.png', 'contour.png', 'report.json'],
    });
    expect(Object.keys(r.runs).sort()).toEqual(['gauss-newton', 'levenberg-marquardt', 'steepest']);
    expect(r.runs.steepest).toMatchObject({ iterations: 50, diverged: false, reason: 'max-iterations' });
    expect(r.runs.steepest.chi2).toBeCloseTo(4.39245e-4, 9);
  });
});

describe('run(argv) on Galton\'s data', () => {
  it('run(["--dataset", "galton-sons"]) fits μ = 176.538, σ = 6.712 with the course settings (COURSE.md §5.1)', async () => {
    const { code, stdout, out } = await cli(['--dataset', 'galton-sons'], 'sons');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^50\s+176\.538\d\s+6\.712\d\s+1\.966\d\de-4$/m);
    expect(stdout).toContain('Galton');
    const r = await report(out);
    expect(r.runs.steepest.mu).toBeCloseTo(176.538, 3);
    expect(r.runs.steepest.sigma).toBeCloseTo(6.712, 3);
    expect(r.data).toMatchObject({ name: 'galton-sons', total: 481, bins: 20 });
  });

  it('run(["--data", raw inches, "--unit", "in"]) converts to cm and matches the built-in histogram', async () => {
    // The sons' counts (COURSE.md §5.1) written out as one raw height per line, in inches.
    const counts = [1, 0, 0, 6, 8, 21, 35, 47, 57, 67, 70, 73, 47, 31, 10, 4, 1, 1, 1, 1];
    const heights = counts.flatMap((n, i) => Array.from({ length: n }, () => String(60 + i)));
    await writeFile(join(root, 'sons-in.csv'), ['height', ...heights].join('\n'));
    const { code, out } = await cli(['--data', 'sons-in.csv', '--unit', 'in'], 'sons-raw');
    expect(code).toBe(0);
    const r = await report(out);
    expect(r.runs.steepest.mu).toBeCloseTo(176.538, 3);
    expect(r.runs.steepest.sigma).toBeCloseTo(6.712, 3);
    expect(r.data.total).toBe(481);
    expect(r.data.centres[0]).toBeCloseTo(152.4, 10);
  });
});

describe('run(argv) with bad input', () => {
  test.each([
    ['a non-numeric height', 'height\n170\n17O\n180\n', 3, /:3: "17O" is not a number/],
    ['a short centre,count row', 'centre,count\n170,4\n172.5\n175,9\n', 3, /:3: .*has 1 fields; expected 2/],
    ['a negative count', '170,4\n172.5,-2\n175,9\n', 2, /:2: "-2" is a negative count/],
  ])('run(["--data", file with %s]) exits 2 naming the line, and writes nothing', async (_what, text, line, message) => {
    const name = `bad-${line}-${text.length}.csv`;
    await writeFile(join(root, name), text);
    const { code, stderr, stdout, out } = await cli(['--data', name], `bad-${line}-${text.length}`);
    expect(code).toBe(2);
    expect(stderr).toContain(`${name}:${line}:`);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('run(["--data", missing file]) exits 2 naming the file', async () => {
    const { code, stderr } = await cli(['--data', 'nowhere.csv'], 'missing');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--data "nowhere\.csv": cannot read the file/);
  });

  it('run(["--data", a file of one bin]) exits 2: two parameters need three bins', async () => {
    await writeFile(join(root, 'one-bin.csv'), '170\n170.5\n');
    const { code, stderr } = await cli(['--data', 'one-bin.csv'], 'one-bin');
    expect(code).toBe(2);
    expect(stderr).toMatch(/1 bin\(s\).*expected at least 3/);
  });

  test.each([
    [['--steps', '0'], /--steps must be an integer from 1 to 100000, got "0"/],
    [['--steps', '1e300'], /--steps must be an integer from 1 to 100000, got "1e300"/],
    [['--steps', '0x10'], /--steps must be an integer from 1 to 100000, got "0x10"/],
    [['--method', 'newton'], /--method must be one of steepest, gauss-newton, levenberg-marquardt, got "newton"/],
    [['--steps', '5', '--steps', '6'], /--steps is given 2 times/],
    [['--frobnicate'], /unknown option --frobnicate/],
  ])('run(%j) exits 2 with the message and the usage line, before any work', async (argv, message) => {
    const { code, stderr, stdout, out } = await cli(argv, 'usage');
    expect(code).toBe(EXIT.usage);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^fit-heights: /);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe(USAGE);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    ['a file', async (p: string) => writeFile(p, 'x'), (p: string) => p, /--out ".*": ".*" is a file, not a folder/],
    ['a folder holding other files', async (p: string) => (await mkdir(p), await writeFile(join(p, 'mine.txt'), 'x')), (p: string) => p, /holds "mine.txt", which this run does not write/],
    ['a folder where report.json should be', async (p: string) => mkdir(join(p, 'report.json'), { recursive: true }), (p: string) => p, /holds "report.json"/],
    ['/proc/x', async () => undefined, () => '/proc/x', /--out "\/proc\/x": cannot create folders in "\/proc" \(ENOENT/],
  ])('run(["--out", %s]) exits 2 at once, one line naming the path, nothing written', async (_what, setUp, outOf, message) => {
    const base = join(await mkdtemp(join(root, 'bad-out-')), 'out');
    await setUp(base);
    const before = (await readdir(join(base, '..'))).sort();
    const target = outOf(base);
    let stdout = '';
    let stderr = '';
    const started = Date.now();
    const code = await run(['--out', target], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: root });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await readdir(join(base, '..'))).sort()).toEqual(before);
  });

  it('run(["--help"]) prints every option with its default, the output rule and the exit codes, and exits 0', async () => {
    for (const argv of [['--', '--help'], ['--steps', 'x', '-h']]) {
      let stdout = '';
      const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, cwd: root });
      expect(code).toBe(EXIT.ok);
      expect(stdout).toMatch(/--aggression A .*\(default 2000\)/);
      expect(stdout).toMatch(/--out DIR .*\(default out\/fit-heights\)/);
      expect(stdout).toMatch(/Previous results in --out are kept: renamed to --out plus a timestamp/);
      expect(stdout).toMatch(/exit codes:\n {2}0 {4}done/);
    }
  });
});

describe('run(argv) on large and out-of-unit data', () => {
  it('run(["--data", a file with one millimetre slip among centimetres]) exits 2 at once naming the line and the unit (it used to draw for > 300 s)', async () => {
    await writeFile(join(root, 'mixed-mm.csv'), '170\n172\n1720\n175\n168\n');
    const { code, stderr, out } = await cli(['--data', 'mixed-mm.csv'], 'mixed');
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^fit-heights: mixed-mm\.csv:3: "1720" is not a plausible height in centimetres; .*looks like millimetres \(1720 mm = 172 cm\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('run(["--data", 250,000 raw heights]) fits them', async () => {
    const lines = Array.from({ length: 250_000 }, (_, i) => (160 + ((i * 7919) % 400) / 10).toFixed(1));
    await writeFile(join(root, 'big.csv'), lines.join('\n'));
    const { code, stdout, out } = await cli(['--data', 'big.csv', '--method', 'levenberg-marquardt'], 'big');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('250000 heights');
    expect((await report(out)).data.total).toBe(250_000);
  });

  it(`run(["--steps", "${MAX_STEPS}"]) keeps the table, the drawn paths and the report bounded`, async () => {
    // Aggression 1 is slow enough not to reach a stationary point within the budget: every step is kept.
    const { code, stdout, out } = await cli(['--steps', String(MAX_STEPS), '--aggression', '1'], 'long');
    expect(code).toBe(EXIT.ok);
    const rows = stdout.split('\n').filter((line) => /^\d+\s+\d/.test(line));
    expect(rows.length).toBeLessThanOrEqual(21 + 3);
    const r = await report(out);
    expect(r.runs.steepest.pathLength).toBe(MAX_STEPS + 1);
    expect(r.runs.steepest.path.length).toBe(2000);
    expect(r.runs.steepest.path.at(-1)!.step).toBe(MAX_STEPS);
  });

  it('run twice into one folder keeps the first results, renamed with a timestamp', async () => {
    const first = await cli(['--steps', '5'], 'twice');
    expect(first.code).toBe(EXIT.ok);
    const before = await readFile(join(first.out, 'report.json'), 'utf8');
    const second = await cli(['--steps', '6'], 'twice');
    expect(second.code).toBe(EXIT.ok);
    const kept = (await readdir(root)).filter((name) => name.startsWith('twice.'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^twice\.\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d$/);
    expect(await readFile(join(root, kept[0]!, 'report.json'), 'utf8')).toBe(before);
    expect(second.stdout).toContain(`kept the previous results as ${join(root, kept[0]!)}`);
  });

  it('run(argv) with its signal aborted writes nothing and exits 130', async () => {
    const controller = new AbortController();
    controller.abort();
    let stdout = '';
    const code = await run(['--out', 'aborted'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, cwd: root, signal: controller.signal });
    expect(code).toBe(EXIT.interrupted);
    expect(stdout).toMatch(/interrupted .*: nothing written/);
    expect(existsSync(join(root, 'aborted'))).toBe(false);
  });
});

describe('run(argv) when the descent diverges', () => {
  it('run(["--aggression", "1e7"]) reports divergence with the best point, still writes the files, and exits 1', async () => {
    const { code, stdout, stderr, out } = await cli(['--aggression', '1e7'], 'diverged');
    expect(code).toBe(1);
    expect(stdout).toMatch(/steepest descent\s+50\s+155\.0000\s+6\.0000\s+3\.23333e-2\s+diverged \(best point, step 0\)/);
    expect(stdout).toMatch(/steepest descent diverged: .*larger than the whole span of the data/);
    expect(stdout).toMatch(/best point: step 0, μ = 155\.0000, σ = 6\.0000/);
    expect(stderr).toMatch(/steepest descent diverged; try a smaller --aggression/);
    expect((await readdir(out)).sort()).toEqual(['contour.png', 'histogram.png', 'report.json']);
    await pngSize(join(out, 'histogram.png'));
    await pngSize(join(out, 'contour.png'));
    const r = await report(out);
    expect(r).toMatchObject({ diverged: true, exitCode: 1 });
    expect(r.runs.steepest).toMatchObject({ diverged: true, converged: false, reason: 'diverged', mu: 155, sigma: 6 });
    expect(r.runs.steepest.best).toEqual({ step: 0, mu: 155, sigma: 6, chi2: expect.closeTo(0.0323333, 7) });
    expect(r.runs['levenberg-marquardt'].diverged).toBe(false);
  });
});
