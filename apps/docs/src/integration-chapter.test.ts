import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBuiltSite } from './test-site.js';

// Browser tests of the chapter "Beyond the course: integration", against the BUILT site
// (`pnpm --filter @slope/docs build` first), in real Chromium via playwright-core, as site.test.ts.
const shots = SCREENSHOTS;
const WIDGETS = ['riemann-sums', 'fundamental-theorem', 'integral-explorer', 'gaussian-normalisation'] as const;

const site = useBuiltSite('integration.html');

/** The chapter at a viewport size, recording every console error and failed request. */
async function open(width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const page = await site().browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${site().server.url}/integration.html`, { waitUntil: 'load' });
  await page.waitForSelector('.VPContent');
  return { page, errors };
}

async function mountAll(page: Page): Promise<void> {
  for (const name of WIDGETS) {
    const w = page.locator(`[data-widget="${name}"]`);
    await w.scrollIntoViewIfNeeded();
    await page.waitForSelector(`[data-widget="${name}"][data-state="ready"]`, { timeout: 30000 });
  }
}

/** Inked (non-white, non-transparent) pixels of each canvas of a widget. */
async function ink(page: Page, name: string): Promise<number[]> {
  return page.locator(`[data-widget="${name}"]`).evaluate((el) =>
    Array.from(el.querySelectorAll('canvas')).map((c) => {
      const ctx = c.getContext('2d');
      if (ctx == null || c.width === 0) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && !(data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245)) n++;
      return n;
    }),
  );
}

describe('the integration chapter', () => {
  it('loads from the sidebar with no console errors; every widget draws, at 1280 × 800', async () => {
    const { page, errors } = await open();
    try {
      expect(await page.locator('.VPSidebar a[href$="/integration.html"], .VPSidebar a[href$="/integration"]').count()).toBeGreaterThan(0);
      expect(await page.locator('h1').textContent()).toContain('Beyond the course: integration');
      await mountAll(page);
      for (const name of WIDGETS) {
        const canvases = await ink(page, name);
        expect(canvases.length, name).toBeGreaterThan(0);
        for (const n of canvases) expect(n, `${name} canvas ink`).toBeGreaterThan(500);
        await page.locator(`[data-widget="${name}"]`).screenshot({ path: `${shots}/integration--${name}.png` });
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/integration-1280.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fits a 390 × 844 phone: no horizontal scroll, every widget ready', async () => {
    const { page, errors } = await open(390, 844);
    try {
      await mountAll(page);
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.view);
      // Nothing inside a widget sticks out of the screen, unless it is inside a box of its own
      // that scrolls (a long formula) and that box fits.
      const wide = await page.evaluate(() => Array.from(document.querySelectorAll('.slope-widget *')).filter((el) => {
        if (el.getBoundingClientRect().right <= window.innerWidth + 1) return false;
        for (let a = el.parentElement; a != null; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= window.innerWidth + 1) return false;
        }
        return true;
      }).map((el) => `${el.tagName}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`));
      expect(wide).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/integration-390.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Riemann sums: more rectangles (by keyboard) bring the sum to the exact integral from integrate', async () => {
    const { page, errors } = await open();
    try {
      const w = page.locator('[data-widget="riemann-sums"]');
      await w.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="riemann-sums"][data-state="ready"]');
      const readout = w.locator('[data-role="riemann-readout"]');
      const error = async (): Promise<number> => Math.abs(Number(await readout.getAttribute('data-sum')) - Number(await readout.getAttribute('data-exact')));
      expect(Number(await readout.getAttribute('data-exact'))).toBeCloseTo(8 / 3, 12);
      const before = await error();
      const n = w.locator('input[type="range"]');
      await n.focus();
      await page.keyboard.press('End');
      await expect.poll(async () => Number(await n.inputValue())).toBe(200);
      const after = await error();
      expect(after).toBeLessThan(before / 40);
      await w.locator('select').nth(1).selectOption('midpoint');
      await expect.poll(error).toBeLessThan(1e-4);
      expect(await readout.textContent()).toContain('exact, from integrate');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the fundamental theorem: moving the upper limit, the slope of the area is the curve', async () => {
    const { page, errors } = await open();
    try {
      const w = page.locator('[data-widget="fundamental-theorem"]');
      await w.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="fundamental-theorem"][data-state="ready"]');
      const readout = w.locator('[data-role="ftc-readout"]');
      const x0 = Number(await readout.getAttribute('data-x'));
      const slider = w.locator('input[type="range"]');
      await slider.focus();
      for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await readout.getAttribute('data-x'))).toBeCloseTo(x0 + 0.25, 6);
      const x = Number(await readout.getAttribute('data-x'));
      expect(Number(await readout.getAttribute('data-area'))).toBeCloseTo(Math.sin(x), 10);
      expect(Number(await readout.getAttribute('data-slope'))).toBeCloseTo(Math.cos(x), 6);
      expect(Number(await readout.getAttribute('data-f'))).toBeCloseTo(Math.cos(x), 12);
      // Dragging on the chart moves x too.
      const canvas = w.locator('canvas').first();
      const box = await canvas.boundingBox();
      if (box == null) throw new Error('no canvas box');
      await canvas.click({ position: { x: box.width * 0.8, y: box.height * 0.5 } });
      await expect.poll(async () => Number(await readout.getAttribute('data-x'))).toBeGreaterThan(x + 1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the integral explorer shows the working in KaTeX, definite integrals with quad\'s check, and points at parse errors', async () => {
    const { page, errors } = await open();
    try {
      const w = page.locator('[data-widget="integral-explorer"]');
      await w.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="integral-explorer"][data-state="ready"]');
      const input = w.locator('[data-role="integrand-input"]');
      const result = w.locator('[data-role="antiderivative"]');
      await input.fill('x*exp(x)');
      await expect.poll(() => result.getAttribute('data-value')).toBe('(x - 1)*exp(x)');
      const steps = w.locator('[data-role="steps"] li');
      expect(await steps.count()).toBe(3);
      expect(await steps.first().getAttribute('data-rule')).toBe('parts');
      expect(await steps.first().locator('.katex').count()).toBeGreaterThan(0);
      expect(await steps.first().textContent()).toContain('u = x, dv = exp(x) dx');

      await input.fill('1/(x^2 + 1)');
      await w.locator('[data-role="lower-bound"]').fill('0');
      await w.locator('[data-role="upper-bound"]').fill('inf');
      await expect.poll(() => result.getAttribute('data-definite')).toBe('pi/2');
      expect(await w.locator('[data-role="quad-check"]').textContent()).toContain('1.57079632679');
      await page.screenshot({ path: `${shots}/integration-explorer-definite.png` });

      await w.locator('[data-role="lower-bound"]').fill('');
      await w.locator('[data-role="upper-bound"]').fill('');
      await input.fill('x^2 + * 3');
      const error = w.locator('[data-role="parse-error"]');
      await expect.poll(() => error.getAttribute('data-position')).toBe('6');
      expect(await error.textContent()).toContain('x^2 + * 3\n      ^');
      await input.fill('exp(-x^2)');
      await expect.poll(() => error.getAttribute('data-kind')).toBe('refused');
      expect(await error.textContent()).toContain('no antiderivative');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the Gaussian: quad over ℝ and integrate agree on sqrt(2π)·σ as σ moves, and quad2d confirms π', async () => {
    const { page, errors } = await open();
    try {
      const w = page.locator('[data-widget="gaussian-normalisation"]');
      await w.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="gaussian-normalisation"][data-state="ready"]');
      const readout = w.locator('[data-role="gaussian-readout"]');
      const check = async (): Promise<void> => {
        const exact = Number(await readout.getAttribute('data-exact'));
        expect(Math.abs(Number(await readout.getAttribute('data-quad')) - exact)).toBeLessThan(1e-8 * exact);
        expect(Math.abs(Number(await readout.getAttribute('data-symbolic')) - exact)).toBeLessThan(1e-12 * exact);
      };
      expect(Number(await readout.getAttribute('data-exact'))).toBeCloseTo(Math.sqrt(2 * Math.PI) * 6, 12);
      await check();
      const sigma = w.locator('input[type="range"]').nth(1);
      await sigma.focus();
      for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await readout.getAttribute('data-exact'))).toBeCloseTo(Math.sqrt(2 * Math.PI) * 7.5, 10);
      await check();
      expect(Number(await w.locator('[data-role="cartesian"]').textContent())).toBeCloseTo(Math.PI, 8);
      expect(Number(await w.locator('[data-role="polar-value"]').textContent())).toBeCloseTo(Math.PI, 10);
      expect(await w.locator('[data-role="refusal"]').textContent()).toContain('no antiderivative of "exp(-x^2/2)"');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
