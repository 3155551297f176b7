// `pnpm bench`: browser bundle size of single imports from each library, minified and gzipped.
import { BUNDLE_CASES, bundleSize } from '../src/bundle.js';

console.log('browser bundle of one import (esbuild --bundle --minify --platform=browser, gzip -9)');
console.log('import                                   minified     gzipped');
for (const c of BUNDLE_CASES) {
  const { minified, gzipped } = await bundleSize(c);
  console.log(`${`${c.name} from ${c.from}`.padEnd(38)} ${(minified / 1024).toFixed(1).padStart(8)} KB ${(gzipped / 1024).toFixed(1).padStart(8)} KB`);
}
