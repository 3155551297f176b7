import { describe, expect, it } from 'vitest';
import { bundleSize } from './test-bundle.js';

describe('browser bundle size', () => {
  it('derivative alone, bundled for the browser with esbuild --minify, is at most 60 KB gzipped', async () => {
    const { gzipped } = await bundleSize("import { derivative } from '@slope/symbolic';\nconsole.log(derivative('x^2', 'x').toString());\n");
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });

  it('a bundle that never calls toMathNode leaves mathjs\'s evaluation functions out', async () => {
    const withoutNode = await bundleSize("import { parse } from '@slope/symbolic';\nconsole.log(parse('x').toString());\n");
    const withNode = await bundleSize("import { toMathNode } from '@slope/symbolic';\nconsole.log(toMathNode('x').toString());\n");
    expect(withNode.gzipped).toBeGreaterThan(withoutNode.gzipped + 1024);
  });
});
