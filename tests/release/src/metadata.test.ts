import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraries, repoRoot, rootManifest } from './libraries.js';
import { readmeExample, relativeLinks } from './readme.js';

const root = rootManifest() as { repository: { url: string }; homepage: string; bugs: { url: string } };
const repoWeb = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const repoPrefixes = [`${repoWeb}/blob/main/`, `${repoWeb}/tree/main/`, `${repoWeb.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/`];

/** The repository path a URL into this repository's main branch names, if it is one. */
function repoPath(url: string): string | undefined {
  const prefix = repoPrefixes.find((p) => url.startsWith(p));
  return prefix === undefined ? undefined : decodeURIComponent(url.slice(prefix.length).replace(/[#?].*$/, ''));
}

type Manifest = {
  name: string;
  keywords?: unknown;
  homepage?: string;
  repository?: { type?: string; url?: string; directory?: string };
  bugs?: { url?: string };
  publishConfig?: { access?: string };
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  license?: string;
};

describe.each(libraries())('$manifest.name', ({ folder, dir, manifest }) => {
  const m = manifest as unknown as Manifest;

  it('carries the metadata a registry user expects', () => {
    expect(m.repository).toEqual({ type: 'git', url: root.repository.url, directory: `packages/${folder}` });
    expect(m.homepage?.startsWith(root.homepage)).toBe(true);
    expect(m.bugs).toEqual({ url: root.bugs.url });
    expect(Array.isArray(m.keywords) && m.keywords.length >= 3).toBe(true);
    expect(m.publishConfig).toEqual({ access: 'public' });
    expect(m.license).toBe('MIT');
    expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
    expect(m.files).toEqual(expect.arrayContaining(['dist', 'CHANGELOG.md', 'LICENSE']));
  });

  it('builds before it is packed, from a clean dist', () => {
    expect(m.scripts?.prepack).toMatch(/rmSync\('dist'.*&& tsc -p tsconfig\.build\.json/);
    expect(m.scripts?.build).toBe(m.scripts?.prepack);
  });

  it('asks for ranges of what a consumer shares, never exact pins', () => {
    for (const [dep, spec] of Object.entries({ ...m.dependencies, ...m.peerDependencies })) {
      if (spec.startsWith('workspace:')) continue;
      expect(spec, `${m.name} → ${dep}`).toMatch(/^\^\d+\.\d+\.\d+$/);
    }
  });

  it('has a README with absolute links and a runnable example with its output', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(relativeLinks(readme)).toEqual([]);
    const example = readmeExample(readme, m.name);
    expect(example.code).toMatch(new RegExp(`from '${m.name.replace('/', '\\/')}(/[a-z]+)?'`));
    expect(example.output.trim()).not.toBe('');
    // Links into this repository must name files that exist (a renamed file breaks the page).
    for (const url of readme.match(/https:\/\/[^\s)"]+/g) ?? []) {
      const path = repoPath(url);
      if (path !== undefined) expect(existsSync(join(repoRoot, path)), url).toBe(true);
    }
  });
});

describe('@slope/plot', () => {
  const plot = libraries().find((l) => l.folder === 'plot')!.manifest as unknown as Manifest;

  it('takes chart.js as a peer, since the user creates the Chart', () => {
    expect(plot.dependencies?.['chart.js']).toBeUndefined();
    expect(plot.peerDependencies?.['chart.js']).toMatch(/^\^4\./);
  });
});
