import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from './test-server.js';

/** Where `vitepress build` writes the site the browser tests run against. */
export const SITE_DIST = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
/** Where the browser tests write the screenshots they take. */
export const SCREENSHOTS = fileURLToPath(new URL('../.test-results/screenshots', import.meta.url));

/** The built site served on loopback and a Chromium to open it in. */
export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * For a browser test file: before its tests, checks that the site is built (that `page` exists
 * in it), serves it on 127.0.0.1 and launches Debian's Chromium (TOOLCHAIN.md §4.4; another
 * binary through CHROMIUM_PATH); after them, closes both. Returns the accessor the tests use.
 *
 * @example
 * ```ts
 * const site = useBuiltSite('week1.html');
 * it('…', async () => {
 *   const page = await site().browser.newPage();
 *   await page.goto(`${site().server.url}/week1.html`);
 * });
 * ```
 */
export function useBuiltSite(page: string): () => BuiltSite {
  let site: BuiltSite | undefined;
  beforeAll(async () => {
    if (!existsSync(`${SITE_DIST}/${page}`)) {
      throw new Error(`No built site at ${SITE_DIST} (no ${page}); run \`pnpm --filter @slope/docs build\` before the browser tests`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const server = await serveStatic(SITE_DIST);
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    site = { server, browser };
  });
  afterAll(async () => {
    await site?.browser.close();
    await site?.server.close();
  });
  return () => {
    if (site === undefined) throw new Error('useBuiltSite: the site is not up yet (its beforeAll has not run)');
    return site;
  };
}
