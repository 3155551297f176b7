import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './test-server.js';

// Browser tests against the BUILT site (`pnpm --filter @slope/docs build` first; turbo's
// test task depends on build). Real Chromium, driven by playwright-core (TOOLCHAIN.md §4.4a).
const dist = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
const shots = fileURLToPath(new URL('../.test-results/screenshots', import.meta.url));
const PAGES = ['index', 'getting-started', 'week1', 'week2', 'sandpit', 'week3', 'week4', 'week5', 'week6', 'api/index', 'api/symbolic', 'api/autodiff', 'api/optim', 'api/models', 'api/plot'] as const;

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
      const shot = name.replace('/', '-');
      for (const w of widgets) await page.locator(`[data-widget="${w.widget}"]`).first().screenshot({ path: `${shots}/${shot}--${w.widget}.png` });
      // The API pages are long; their first screen is enough to see them render.
      await page.screenshot({ path: `${shots}/${shot}.png`, fullPage: !name.startsWith('api/') });
      if (name.startsWith('api/') && name !== 'api/index') expect(await page.locator('.vp-doc h3').count()).toBeGreaterThan(10);
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

/** Sets a range input to `value` and fires the input event a drag would. */
async function setRange(page: Page, selector: string, value: number): Promise<void> {
  await page.locator(selector).first().evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Opens a page and waits for one widget to be ready. */
async function openWidget(path: string, name: string) {
  const opened = await open(path);
  const widget = opened.page.locator(`[data-widget="${name}"]`);
  await widget.scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`[data-widget="${name}"][data-state="ready"]`, { timeout: 30000 });
  return { ...opened, widget };
}

describe('week 4', () => {
  it('the Taylor widget shows where 1/x about 1 and 2/(x² − x) about 0.5 are valid, up to order 12', async () => {
    const { page, errors, widget } = await openWidget('/week4.html', 'taylor-series');
    try {
      await widget.locator('select').first().selectOption('1/x');
      await setRange(page, '[data-widget="taylor-series"] [data-role="order"]', 12);
      await expect.poll(() => widget.getAttribute('data-order'), { timeout: 5000 }).toBe('12');
      expect(await widget.locator('[data-role="validity"]').textContent()).toContain('0 < x < 2');
      await widget.locator('select').first().selectOption('2/(x^2 - x)');
      expect(await widget.locator('[data-role="validity"]').textContent()).toContain('0 < x < 1');
      expect(await widget.locator('[data-role="polynomial"] annotation').first().textContent()).toMatch(/^f\(x\) \\approx\s*-\s*8\s*-\s*32\(x - 0\.5\)\^\{2\}/);
      await widget.screenshot({ path: `${shots}/week4-taylor-2-over-x2-x.png` });
      const lin = page.locator('[data-widget="linearisation"]');
      await lin.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="linearisation"][data-state="ready"]');
      expect(Number(await lin.getAttribute('data-linear-slope'))).toBeCloseTo(2, 1);
      expect(Number(await lin.getAttribute('data-forward-slope'))).toBeCloseTo(1, 1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('week 5', () => {
  it('Newton–Raphson converges from x₀ = 1, cycles from 0 on x³ − 2x + 2, and a click on the chart restarts it', async () => {
    const { page, errors, widget } = await openWidget('/week5.html', 'newton-raphson');
    try {
      await expect.poll(() => widget.getAttribute('data-reason')).toBe('value-tolerance');
      expect(Number(await widget.getAttribute('data-root'))).toBeCloseTo(1.063071, 5);
      expect(await widget.locator('[data-role="iterations"] tbody tr').nth(1).locator('td').nth(1).textContent()).toBe('1.062500');
      await widget.locator('select').first().selectOption('x^3 - 2*x + 2');
      await widget.getByRole('button', { name: /cycles/ }).click();
      await expect.poll(() => widget.getAttribute('data-reason')).toBe('oscillating');
      const canvas = widget.locator('canvas');
      const box = await canvas.boundingBox();
      if (box == null) throw new Error('no canvas box');
      // Locator clicks wait until nothing (such as the sticky nav bar) covers the point.
      await canvas.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
      await expect.poll(async () => Number(await widget.locator('[data-role="x0"]').inputValue())).toBeLessThan(-0.5);
      await expect.poll(() => widget.getAttribute('data-reason')).toBe('value-tolerance');
      expect(Number(await widget.getAttribute('data-root'))).toBeCloseTo(-1.769292, 5);
      await widget.screenshot({ path: `${shots}/week5-newton-click.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the descent sandpit redraws while γ is dragged and runs a user-written Newton step like Newton', async () => {
    const { page, errors, widget } = await openWidget('/week5.html', 'descent-sandpit');
    try {
      expect(await widget.getAttribute('data-paths')).toBe('7');
      const steepest = widget.locator('li[data-strategy="steepest"]');
      const before = await steepest.textContent();
      await setRange(page, '[data-widget="descent-sandpit"] input[name="step γ"]', 0.1);
      await expect.poll(() => steepest.textContent()).not.toBe(before);
      await widget.locator('[data-role="step-x"]').fill('-gamma*');
      await expect.poll(() => widget.locator('[data-role="step-error"]').isVisible()).toBe(true);
      expect(await widget.locator('[data-role="step-error"]').textContent()).toContain('position 7');
      await widget.locator('[data-role="step-x"]').fill('-(H22*J1 - H12*J2)/detH');
      await widget.locator('[data-role="step-y"]').fill('-(H11*J2 - H21*J1)/detH');
      await expect.poll(() => widget.locator('[data-role="step-error"]').isVisible()).toBe(false);
      const end = (s: string | null) => /ends at \(([^)]*)\)/.exec(s ?? '')?.[1];
      expect(end(await widget.locator('li[data-strategy="yours"]').textContent())).toBe(end(await widget.locator('li[data-strategy="newton"]').textContent()));
      await widget.screenshot({ path: `${shots}/week5-descent-newton-step.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Lagrange multipliers find the quiz\'s four stationary points and its minimum at (0.93094, −1.21083)', async () => {
    const { page, errors, widget } = await openWidget('/week5.html', 'lagrange');
    try {
      expect(await widget.getAttribute('data-stationary')).toBe('4');
      expect(await widget.locator('[data-role="stationary"] li').first().textContent()).toBe('minimum: (x, y) = (0.93094, -1.21083), λ = -0.15232, f = 0.11494');
      await setRange(page, '[data-widget="lagrange"] input[type="range"]', 5.1);
      expect(await widget.locator('[data-role="here"]').textContent()).toContain('sin(angle');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('week 6', () => {
  it('dragging a point moves the regression line', async () => {
    const { page, errors, widget } = await openWidget('/week6.html', 'linear-regression');
    try {
      const slope = Number(await widget.getAttribute('data-slope'));
      const canvas = widget.locator('canvas').first();
      // Centre the chart so that the sticky nav bar cannot sit over the point being dragged.
      await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const handles = JSON.parse((await canvas.getAttribute('data-handles')) ?? '[]') as { left: number; top: number }[];
      const box = await canvas.boundingBox();
      const last = handles.at(-1);
      if (box == null || last === undefined) throw new Error('no draggable points');
      await page.mouse.move(box.x + last.left, box.y + last.top);
      await page.mouse.down();
      await page.mouse.move(box.x + last.left, box.y + last.top - 60, { steps: 6 });
      await page.mouse.up();
      await expect.poll(async () => Number(await widget.getAttribute('data-slope')), { timeout: 5000 }).toBeGreaterThan(slope + 0.05);
      await widget.screenshot({ path: `${shots}/week6-regression-dragged.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the typed model is fitted, and a model that does not parse says where', async () => {
    const { page, errors, widget } = await openWidget('/week6.html', 'nonlinear-fit');
    try {
      expect(Number((await widget.locator('li[data-parameter="b"]').textContent())?.split('=')[1]?.split('±')[0])).toBeCloseTo(0.5, 1);
      await widget.locator('[data-role="model"]').fill('a*exp(-b*');
      await widget.locator('[data-role="model"]').press('Enter');
      await expect.poll(() => widget.getAttribute('data-fit')).toBe('error');
      expect(await widget.locator('[data-role="fit-error"]').textContent()).toContain('position 9');
      await widget.locator('[data-role="model"]').fill('a*exp(-b*x) + c');
      await widget.locator('[data-role="model"]').press('Enter');
      await expect.poll(() => widget.getAttribute('data-fit')).toBe('ok');
      expect(await widget.locator('li[data-parameter]').count()).toBe(3);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the heights assignment reaches μ = 178.52, σ = 7.55 on the course data, then fits Galton\'s sons and a pasted CSV', async () => {
    const { page, errors, widget } = await openWidget('/week6.html', 'heights');
    try {
      expect(await widget.getAttribute('data-frame')).toBe('0');
      await widget.locator('[data-role="play"]').click();
      await expect.poll(() => widget.getAttribute('data-done'), { timeout: 20000 }).toBe('true');
      expect(await widget.getAttribute('data-mu')).toBe('178.52');
      expect(await widget.getAttribute('data-sigma')).toBe('7.55');
      expect(await widget.getAttribute('data-frame')).toBe('50');
      await widget.screenshot({ path: `${shots}/week6-heights-course.png` });
      await widget.locator('select').first().selectOption('galton-sons');
      await setRange(page, '[data-widget="heights"] input[name="step"]', 50);
      await expect.poll(() => widget.getAttribute('data-mu')).toBe('176.54');
      expect(await widget.getAttribute('data-sigma')).toBe('6.71');
      expect(await widget.locator('[data-role="provenance"]').textContent()).toContain('Galton');
      await widget.locator('select').first().selectOption('custom');
      await widget.locator('[data-role="csv"]').fill('centre,count\n170,2\n175,5\n180,4\n185,1');
      await widget.locator('select[name="unit"]').selectOption('cm');
      await widget.locator('[data-role="use-csv"]').click();
      await expect.poll(() => widget.getAttribute('data-frame')).toBe('0');
      expect(await widget.locator('[data-role="csv-error"]').isVisible()).toBe(false);
      await widget.locator('[data-role="csv"]').fill('centre,count\n170,2\n17x,5');
      await widget.locator('[data-role="use-csv"]').click();
      await expect.poll(() => widget.locator('[data-role="csv-error"]').textContent()).toContain('line 3');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
