import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraries, repoRoot, type Library } from './libraries.js';
import { fencedBlocks, readmeExample } from './readme.js';

/**
 * The release as a stranger meets it. From a copy of the source tree with no build output
 * (what a clean clone holds), apply the pending changesets, pack every library (prepack must
 * build it), then install the tarballs into a blank npm project outside the workspace and run
 * each README's example exactly as printed there.
 */

const pnpm = join(repoRoot, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const libs = libraries();

let work = '';
let tree = '';
let consumer = '';
const tarballs = new Map<string, string>();

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: error });
  }
}

/** The files git would put in a fresh clone of the working tree (tracked + new, minus ignored). */
function copySourceTree(to: string): void {
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot).split('\0');
  for (const file of files) {
    if (file === '' || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(to, file));
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'slope-release-'));
  tree = join(work, 'tree');
  consumer = join(work, 'consumer');
  copySourceTree(tree);
  for (const lib of libs) expect(existsSync(join(tree, 'packages', lib.folder, 'dist'))).toBe(false);
  run(process.execPath, [pnpm, 'install', '--offline', '--frozen-lockfile', '--filter', './packages/**', '--filter', '.'], tree, { CI: 'true' });
  run(join(tree, 'node_modules', '.bin', 'changeset'), ['version'], tree);
  const out = join(work, 'tarballs');
  mkdirSync(out);
  for (const lib of libs) {
    run(process.execPath, [pnpm, 'pack', '--pack-destination', out], join(tree, 'packages', lib.folder));
    const file = readdirSync(out).find((f) => f.startsWith(lib.manifest.name.slice(1).replace('/', '-') + '-'));
    if (file === undefined) throw new Error(`no tarball for ${lib.manifest.name}`);
    tarballs.set(lib.folder, join(out, file));
  }
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'slope-consumer', private: true, type: 'module' }, null, 2));
  // chart.js as a consumer would add it: the newest 4.x, beside @slope/plot.
  run('npm', ['install', '--no-audit', '--no-fund', ...tarballs.values(), 'chart.js@^4'], consumer);
});

afterAll(() => {
  if (work !== '' && process.env.SLOPE_KEEP_RELEASE_TMP === undefined) rmSync(work, { recursive: true, force: true });
});

function tarballFiles(lib: Library): string[] {
  return run('tar', ['-tzf', tarballs.get(lib.folder)!], work).split('\n').filter(Boolean);
}

describe.each(libs)('$manifest.name tarball', (lib) => {
  it('holds the built entry points, types, README, CHANGELOG and LICENSE', () => {
    const files = tarballFiles(lib);
    for (const need of ['dist/index.js', 'dist/index.d.ts', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) {
      expect(files, need).toContain(`package/${need}`);
    }
    expect(files.some((f) => f.endsWith('.test.ts') || f.endsWith('.test.js'))).toBe(false);
  });

  it('comes out as the first release, 0.1.0, with ranges on its siblings', () => {
    const manifest = JSON.parse(run('tar', ['-xzOf', tarballs.get(lib.folder)!, 'package/package.json'], work)) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    expect(manifest.version).toBe('0.1.0');
    for (const [dep, spec] of Object.entries(manifest.dependencies ?? {})) {
      if (dep.startsWith('@slope/')) expect(spec).toBe('^0.1.0');
    }
  });
});

function runExample(name: string, code: string): { stdout: string; stderr: string; status: number } {
  const file = join(consumer, `${name}.mjs`);
  writeFileSync(file, code);
  try {
    const stdout = execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, stderr: '', status: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', status: e.status ?? 1 };
  }
}

const lines = (text: string) => text.replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());

describe('a consumer outside the workspace', () => {
  it('@slope/plot/node without @napi-rs/canvas says which package to install', () => {
    const { stderr, status } = runExample('no-canvas', readmeExample(readFileSync(join(repoRoot, 'packages/plot/README.md'), 'utf8'), 'plot').code);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/renderPng needs the optional peer dependency "@napi-rs\/canvas".*npm install @napi-rs\/canvas/);
  });

  it.each(libs.map((l) => l.folder))('runs the %s README example as written and prints what the README says', (folder) => {
    if (folder === 'plot' && !existsSync(join(consumer, 'node_modules', '@napi-rs', 'canvas'))) {
      run('npm', ['install', '--no-audit', '--no-fund', '@napi-rs/canvas@^1.1.1'], consumer);
    }
    const example = readmeExample(readFileSync(join(repoRoot, 'packages', folder, 'README.md'), 'utf8'), folder);
    const result = runExample(`example-${folder}`, example.code);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual(lines(example.output));
  });

  it('keeps one copy of chart.js beside @slope/plot', () => {
    const tree = JSON.parse(run('npm', ['ls', 'chart.js', '--all', '--json'], consumer)) as unknown;
    const versions = new Set<string>();
    const walk = (node: { dependencies?: Record<string, { version?: string; resolved?: string; dependencies?: unknown }> }) => {
      for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
        if (name === 'chart.js' && dep.version !== undefined) versions.add(dep.version);
        walk(dep as Parameters<typeof walk>[0]);
      }
    };
    walk(tree as Parameters<typeof walk>[0]);
    expect([...versions]).toHaveLength(1);
    expect(run('find', ['node_modules', '-name', 'package.json', '-path', '*chart.js/package.json', '-not', '-path', '*/chart.js/*/*'], consumer).trim().split('\n')).toHaveLength(1);
  });

  it('type-checks the plot README\'s browser snippet: new Chart(canvas, lineChart(...))', () => {
    const readme = readFileSync(join(repoRoot, 'packages/plot/README.md'), 'utf8');
    const snippet = fencedBlocks(readme).find((b) => b.lang === 'ts' && b.body.includes('new Chart('));
    expect(snippet, 'the plot README shows a ```ts browser snippet with new Chart(...)').toBeDefined();
    writeFileSync(join(consumer, 'browser.ts'), snippet!.body);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], types: [], noEmit: true, skipLibCheck: false },
        files: ['browser.ts'],
      }),
    );
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
  });
});
