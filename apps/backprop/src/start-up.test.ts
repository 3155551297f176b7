import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('./', import.meta.url);
const shipped = readdirSync(SOURCE).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
const imports = (name: string) => [...readFileSync(new URL(name, SOURCE), 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)'([^'.][^']*)'/g)].map((m) => m[1]!);

describe('start-up', () => {
  it('imports only what the backprop path uses: @slope/models/mlp, never the package root (mathjs through @slope/symbolic), nor @slope/optim', () => {
    const packages = new Set(shipped.flatMap(imports));
    expect([...packages].filter((p) => p === '@slope/models' || p.startsWith('@slope/symbolic') || p.startsWith('@slope/optim') || p === 'mathjs')).toEqual([]);
    expect(packages).toContain('@slope/models/mlp');
  });

  it('loads chart.js and the canvas only when it draws: @slope/plot/node and the charts module are imported lazily by cli.ts', () => {
    const cli = readFileSync(new URL('cli.ts', SOURCE), 'utf8');
    expect(cli).toMatch(/import\('@slope\/plot\/node'\)/);
    expect(cli).toMatch(/import\('.\/charts.js'\)/);
    expect(cli).not.toMatch(/^import .*'@slope\/plot(\/node)?'/m);
    expect(cli).not.toMatch(/^import .*'\.\/charts\.js'/m);
  });
});
