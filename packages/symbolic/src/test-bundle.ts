import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** esbuild as tsx (a root devDependency) brings it: no dependency of our own. */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx'))('esbuild') as Esbuild;

const SOURCE = fileURLToPath(new URL('./index.ts', import.meta.url));

/**
 * Bytes of a browser bundle (esbuild --bundle --minify --format=esm --platform=browser) of
 * `code`, which imports from '@slope/symbolic' (resolved to this package's source, or to
 * `entry` when given), before and after gzip.
 */
export async function bundleSize(code: string, entry = SOURCE): Promise<{ minified: number; gzipped: number }> {
  const result = await esbuild.build({
    stdin: { contents: code.replaceAll("'@slope/symbolic'", JSON.stringify(entry)), resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: out.length, gzipped: gzipSync(out).length };
}
