// `pnpm --filter @slope/docs preview [--port N]`: serves the built site (.vitepress/dist) on
// 127.0.0.1 only. VitePress 1.6's own `preview` ignores `--host` and listens on every interface.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic } from '../src/test-server.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' }, root: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`preview: --port must be an integer in [0, 65535], got ${values.port}`);
  process.exit(2);
}
const root = values.root ?? fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
if (!existsSync(root)) {
  console.error(`preview: ${root} does not exist; build the site first (pnpm --filter @slope/docs build)`);
  process.exit(2);
}
const server = await serveStatic(root, port);
console.log(`Slope docs preview on ${server.url}/ (loopback only; Ctrl-C stops it)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
