import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static file server and its base URL. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The file a URL path maps to under `root`, VitePress-style (`/week1` → `week1.html`), or undefined. */
export function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const path = normalize(join(root, clean));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const candidates = clean.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Serves the built site from `root` on 127.0.0.1 only (loopback: nothing outside this machine
 * can reach it), at `port` or a free one — for the browser tests and `pnpm preview`.
 *
 * @example
 * ```ts
 * const server = await serveStatic('.vitepress/dist');
 * await page.goto(`${server.url}/week1.html`);
 * await server.close();
 * ```
 */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const file = resolveFile(base, req.url ?? '/');
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    close: () => new Promise<void>((ok, fail) => {
      server.closeAllConnections();
      server.close((e) => (e ? fail(e) : ok()));
    }),
  };
}
