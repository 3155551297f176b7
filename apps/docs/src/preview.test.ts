import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/preview.ts', import.meta.url));

describe('pnpm preview', () => {
  it('serves the site on 127.0.0.1 only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slope-preview-'));
    writeFileSync(join(root, 'index.html'), '<h1>Slope</h1>');
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /on (http:\/\/\S+)\//.exec(out);
          if (m) ok(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`preview exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/`)).text()).toBe('<h1>Slope</h1>');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a bad port with exit 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', 'http'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be an integer/);
  });
});
