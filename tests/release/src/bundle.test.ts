import { describe, expect, it } from 'vitest';
import { BUNDLE_CASES, bundleSize } from './bundle.js';

// A size is not a timing: it is the same on every run, so a bound on it belongs in a test.
describe('browser bundle sizes (esbuild --bundle --minify, gzipped)', () => {
  it('derivative alone stays within 60 KB gzipped (mathjs loads only its parser)', async () => {
    const size = await bundleSize(BUNDLE_CASES.find((c) => c.name === 'derivative')!);
    expect(size.gzipped).toBeLessThanOrEqual(60 * 1024);
  });

  it.each(BUNDLE_CASES)('$name alone from $from bundles for the browser', async (c) => {
    const size = await bundleSize(c);
    expect(size.minified).toBeGreaterThan(0);
  });
});
