import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './test-server.js';

// Browser tests against the BUILT site (`pnpm --filter @slope/docs build` first; turbo's
// test task depends on build). Real Chromium, driven by playwright-core (TOOLCHAIN.md §4.4a).
const dist = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
const shots = fileURLToPath(new URL('../.test-results/screenshots', import.meta.url));
const PAGES = ['index', 'getting-started', 'week1', 'week2', 'sandpit', 'week3'] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`No built site at ${dist}; run \`pnpm --filter @slope/docs build\` before the browser tests`);
  }
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(dist);
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every console error and uncaught exception. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { page, errors };
}

/** Scrolls every widget into view and waits until each has drawn (or failed). */
async function mountAllWidgets(page: Page): Promise<void> {
  const widgets = await page.$$('.slope-widget');
  for (const w of widgets) {
    await w.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => ['ready', 'error'].includes((el as HTMLElement).dataset['state'] ?? ''), w, { timeout: 30000 });
  }
}

/** For each canvas in each widget: how many pixels carry ink (not transparent, not white). */
async function inkedPixels(page: Page): Promise<{ widget: string; state: string; canvases: number[] }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.slope-widget')).map((el) => {
      const w = el as HTMLElement;
      const canvases = Array.from(w.querySelectorAll('canvas')).map((c) => {
        const ctx = c.getContext('2d');
        if (ctx == null || c.width === 0 || c.height === 0) return 0;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a > 0 && !(r > 245 && g > 245 && b > 245)) inked++;
        }
        return inked;
      });
      return { widget: w.dataset['widget'] ?? '', state: w.dataset['state'] ?? '', canvases };
    }),
  );
}

describe('every page', () => {
  it.each(PAGES)('%s loads with no console errors, every widget draws pixels, and a screenshot is written', async (name) => {
    const { page, errors } = await open(name === 'index' ? '/' : `/${name}.html`);
    try {
      await page.waitForSelector('.VPContent');
      await mountAllWidgets(page);
      const widgets = await inkedPixels(page);
      for (const w of widgets) {
        expect(w.state, `widget ${w.widget}`).toBe('ready');
        expect(w.canvases.length, `widget ${w.widget} has a canvas`).toBeGreaterThan(0);
        for (const inked of w.canvases) expect(inked, `widget ${w.widget} canvas ink`).toBeGreaterThan(500);
      }
      for (const w of widgets) await page.locator(`[data-widget="${w.widget}"]`).first().screenshot({ path: `${shots}/${name}--${w.widget}.png` });
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('derivative explorer', () => {
  it('shows the derivative of x^3 and points at a parse error', async () => {
    const { page, errors } = await open('/week1.html');
    try {
      const widget = page.locator('[data-widget="derivative-explorer"]');
      await widget.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="derivative-explorer"][data-state="ready"]');
      const input = widget.locator('[data-role="expr-input"]');
      await input.fill('x^3');
      await expect.poll(() => widget.locator('[data-role="derivative"]').getAttribute('data-value')).toBe('3*x^2');
      await input.fill('x^2 + * 3');
      const error = widget.locator('[data-role="parse-error"]');
      await expect.poll(() => error.getAttribute('data-position')).toBe('6');
      expect(await error.isVisible()).toBe(true);
      expect(await error.textContent()).toContain('x^2 + * 3\n      ^');
      await page.screenshot({ path: `${shots}/week1-parse-error.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the Sandpit', () => {
  it('a scripted game on the intro landscape is won by clicking near the phone at (1.213, 4.009)', async () => {
    const { page, errors } = await open('/sandpit.html?landscape=intro&mode=0');
    try {
      const widget = page.locator('[data-widget="sandpit"]');
      await widget.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="sandpit"][data-state="ready"]');
      const pit = widget.locator('canvas[data-role="pit"]');
      const box = await pit.boundingBox();
      if (box == null) throw new Error('the pit canvas has no bounding box');
      const clickAt = (x: number, y: number) => page.mouse.click(box.x + (x / 6) * box.width, box.y + (1 - y / 6) * box.height);
      await clickAt(4, 2);
      await expect.poll(() => widget.getAttribute('data-dips')).toBe('1');
      expect(await widget.getAttribute('data-status')).toBe('playing');
      expect(await widget.locator('[data-role="message"]').textContent()).toMatch(/^1\) -\d\.\d\dm$/);
      await clickAt(1.213, 4.009);
      await expect.poll(() => widget.getAttribute('data-status')).toBe('won');
      expect(await widget.locator('[data-role="message"]').textContent()).toContain('found the phone in 2 dips');
      expect(page.url()).toContain('landscape=intro');
      await pit.screenshot({ path: `${shots}/sandpit-won.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the live Backpropagation assignment', () => {
  it('steps one iteration, trains in a worker until the cost has fallen, and keeps the run in the URL', async () => {
    const { page, errors } = await open('/week3.html?seed=3&hidden=6,7&aggression=7&noise=1&iterations=50000');
    try {
      const widget = page.locator('[data-widget="backprop"]');
      await widget.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="backprop"][data-state="ready"]');
      expect(await widget.getAttribute('data-iteration')).toBe('0');
      const initialCost = Number(await widget.getAttribute('data-initial-cost'));
      expect(initialCost).toBeGreaterThan(0.05);
      await widget.locator('[data-role="step"]').click();
      await expect.poll(() => widget.getAttribute('data-iteration')).toBe('1');
      await widget.locator('[data-role="play"]').click();
      await expect.poll(async () => Number(await widget.getAttribute('data-iteration')), { timeout: 40000, interval: 250 }).toBeGreaterThan(2000);
      await widget.locator('[data-role="play"]').click();
      await expect.poll(() => widget.getAttribute('data-running')).toBe('false');
      const cost = Number(await widget.getAttribute('data-cost'));
      expect(cost).toBeLessThan(initialCost / 2);
      // The page stayed responsive: the main thread answers promptly while the worker trains.
      expect(await page.evaluate(() => new Promise<number>((ok) => { const t = performance.now(); setTimeout(() => ok(performance.now() - t), 0); }))).toBeLessThan(500);
      expect(decodeURIComponent(page.url())).toContain('hidden=6,7');
      await widget.screenshot({ path: `${shots}/backprop-trained.png` });

      // Editing the hidden sizes restarts with the new shape, one per-neuron chart per hidden layer.
      await widget.locator('[data-role="hidden"]').fill('4');
      await widget.locator('[data-role="hidden"]').press('Enter');
      await expect.poll(() => widget.getAttribute('data-iteration')).toBe('0');
      expect(decodeURIComponent(page.url())).toContain('hidden=4');
      await expect.poll(() => widget.locator('.slope-charts').last().locator('canvas').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
