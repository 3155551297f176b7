import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './libraries.js';

/** One public function imported alone, as a browser app would. */
export interface BundleCase {
  readonly name: string;
  readonly from: string;
}

export const BUNDLE_CASES: readonly BundleCase[] = [
  { name: 'derivative', from: '@slope/symbolic' },
  { name: 'grad', from: '@slope/autodiff' },
  { name: 'leastSquares', from: '@slope/optim' },
  { name: 'curveFit', from: '@slope/models' },
  { name: 'lineChart', from: '@slope/plot' },
];

/** Bytes of the minified browser bundle of `import { name } from pkg`, raw and gzipped. */
export async function bundleSize({ name, from }: BundleCase): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: `import { ${name} } from '${from}';\nglobalThis.slopeKeep = ${name};\n`, resolveDir: `${repoRoot}tests/release`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The built dist is what a consumer's bundler sees; tsc's output of src is the same code.
    conditions: ['@slope/source'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}
