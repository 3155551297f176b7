import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_REPORT_SEED0_2000 } from './backprop/cli-reference.js';
import { SCREENSHOTS, useBuiltSite } from './test-site.js';

// Browser tests against the BUILT site (`pnpm --filter @slope/docs build` first; turbo's
// test task depends on build). Real Chromium, driven by playwright-core (TOOLCHAIN.md §4.4a).
const shots = SCREENSHOTS;
const PAGES = ['index', 'getting-started', 'week1', 'week2', 'sandpit', 'week3', 'week4', 'week5', 'week6', 'integration', 'api/index', 'api/symbolic', 'api/autodiff', 'api/optim', 'api/models', 'api/plot'] as const;

// axe-core, injected into each page for the accessibility checks.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useBuiltSite('index.html');

/** A page that records every console error and uncaught exception. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await site().browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${site().server.url}${path}`, { waitUntil: 'load' });
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

/** Serious and critical axe-core violations on the page, as "rule (count): targets" lines. */
async function seriousViolations(page: Page, context = 'html'): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (ctx) => {
    type Result = { violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<Result> } }).axe;
    const r = await axe.run(ctx, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, context);
}

/**
 * Every KaTeX formula that is cut off: it sticks out of an ancestor that clips it (overflow
 * not visible) without that ancestor scrolling to it from the keyboard, or out of the window.
 */
async function clippedFormulas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const tolerance = 2;
    for (const k of Array.from(document.querySelectorAll('.katex'))) {
      const html = (k.querySelector(':scope > .katex-html') ?? k) as HTMLElement;
      const r = html.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const name = (k.querySelector('annotation')?.textContent ?? '').slice(0, 50);
      let scroller: Element | undefined;
      for (let a = k.parentElement; a != null && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const b = a.getBoundingClientRect();
        const outX = r.left < b.left - tolerance || r.right > b.right + tolerance;
        const outY = r.top < b.top - tolerance || r.bottom > b.bottom + tolerance;
        if (outY && cs.overflowY !== 'visible' && !(cs.overflowY === 'auto' || cs.overflowY === 'scroll')) problems.push(`${name}: cut off vertically by ${a.className}`);
        if (!outX) continue;
        const scrolls = (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && a.scrollWidth > a.clientWidth;
        if (!scrolls) problems.push(`${name}: cut off sideways by ${a.className}`);
        else if ((a as HTMLElement).tabIndex < 0) problems.push(`${name}: scrolls in ${a.className}, which the keyboard cannot reach`);
        else scroller = a;
      }
      if (scroller === undefined && (r.right > window.innerWidth + tolerance || r.left < -tolerance)) problems.push(`${name}: runs off the window`);
    }
    return problems;
  });
}

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

describe('every page on a phone, in dark mode', () => {
  it.each(PAGES)('%s at 390×844 does not scroll sideways, cuts off no formula, and has no serious accessibility violation', async (name) => {
    const { page, errors } = await open(name === 'index' ? '/' : `/${name}.html`, { ...PHONE, colorScheme: 'dark' });
    try {
      await page.waitForSelector('.VPContent');
      await mountAllWidgets(page);
      // Let the scroll boxes and equal-aspect charts settle after the last widget drew.
      await page.waitForTimeout(300);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, 'page width').toBeLessThanOrEqual(widths.inner);
      expect(await clippedFormulas(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      // No chart is a white card: canvases sit on the dark page background and are not filled white.
      const white = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLCanvasElement>('.slope-chart canvas')).map((c) => {
        const bg = getComputedStyle(c).backgroundColor.match(/\d+/g)?.slice(0, 3).map(Number) ?? [255, 255, 255];
        const ctx = c.getContext('2d');
        let whitePixels = 0;
        if (ctx != null && c.width > 0 && c.height > 0) {
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200 && data[i]! > 235 && data[i + 1]! > 235 && data[i + 2]! > 235) whitePixels++;
        }
        return { background: bg.reduce((a, v) => a + v, 0) / 3, whiteShare: whitePixels / Math.max(1, c.width * c.height) };
      }));
      for (const c of white) {
        expect(c.background, 'canvas background in dark mode').toBeLessThan(60);
        expect(c.whiteShare, 'share of white pixels on a dark-mode chart').toBeLessThan(0.03);
      }
      if (!name.startsWith('api/')) await page.screenshot({ path: `${shots}/phone-dark-${name.replace('/', '-')}.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('every page on a desktop, in light mode', () => {
  it.each(PAGES)('%s at 1280×800 has no serious accessibility violation and no sideways scroll', async (name) => {
    const { page, errors } = await open(name === 'index' ? '/' : `/${name}.html`, { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    try {
      await page.waitForSelector('.VPContent');
      await mountAllWidgets(page);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await clippedFormulas(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('every control in the week 5 widgets shows a visible focus ring when reached with Tab', async () => {
    const { page, errors } = await open('/week5.html');
    try {
      await mountAllWidgets(page);
      const first = page.locator('.slope-widget select').first();
      await first.focus();
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (el == null || el.closest('.slope-widget') == null) return undefined;
          const cs = getComputedStyle(el);
          return { tag: `${el.tagName.toLowerCase()}${el.tagName === 'INPUT' ? `[${el.getAttribute('type') ?? 'text'}]` : ''}`, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2, shadow: cs.boxShadow !== 'none' };
        });
        if (focused !== undefined) {
          expect(focused.outline || focused.shadow, `${focused.tag} shows focus`).toBe(true);
          seen.push(focused.tag);
        }
        await page.keyboard.press('Tab');
      }
      // Selects, sliders, buttons, text inputs and the focusable charts were all visited.
      for (const tag of ['select', 'input[range]', 'button', 'input[number]', 'canvas']) expect(seen, tag).toContain(tag);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the Sandpit is played from the keyboard: arrows move the probe, Enter dips, and the phone is found', async () => {
    const { page, errors, widget } = await openWidget('/sandpit.html?landscape=intro&mode=0', 'sandpit');
    try {
      const pit = widget.locator('canvas[data-role="pit"]');
      await pit.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => widget.getAttribute('data-dips')).toBe('1');
      // From the probe's start (3, 3) to (1.2, 4.0), 0.1 m per press.
      for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
      expect(await widget.getAttribute('data-probe')).toBe('1.20,4.00');
      await page.keyboard.press('Enter');
      await expect.poll(() => widget.getAttribute('data-status')).toBe('won');
      expect(await seriousViolations(page, '[data-widget="sandpit"]')).toEqual([]);
      await pit.screenshot({ path: `${shots}/sandpit-keyboard-won.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Hurry up!" after 22 dips is readable (contrast ≥ 4.5:1) in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, widget } = await openWidget('/sandpit.html?landscape=intro&mode=1', 'sandpit', 0, { colorScheme });
      try {
        await widget.locator('canvas[data-role="pit"]').focus();
        for (let i = 0; i < 23; i++) await page.keyboard.press('Enter');
        await expect.poll(() => widget.locator('[data-role="message"]').getAttribute('data-kind')).toBe('hurry');
        expect(await seriousViolations(page, '[data-widget="sandpit"]')).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('a regression point moves with the arrow keys and the line follows', async () => {
    const { page, errors, widget } = await openWidget('/week6.html', 'linear-regression');
    try {
      const slope = Number(await widget.getAttribute('data-slope'));
      const canvas = widget.locator('canvas').first();
      await canvas.focus();
      // The last point (x = 10) moved up 3 units: the slope must rise.
      await page.keyboard.press('[');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowUp');
      await expect.poll(async () => Number(await widget.getAttribute('data-slope'))).toBeGreaterThan(slope + 0.1);
      expect(await widget.locator('[data-role="drag-status"]').textContent()).toMatch(/^point 10 of 10 at/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('reduced motion', () => {
  it('with prefers-reduced-motion the page\'s transitions are off', async () => {
    const { page, errors } = await open('/week1.html', { reducedMotion: 'reduce' });
    try {
      const durations = await page.evaluate(() => Array.from(document.querySelectorAll('*')).map((e) => parseFloat(getComputedStyle(e).transitionDuration) || 0));
      expect(Math.max(...durations)).toBeLessThan(0.001);
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

  it("trains seed 0 for 2,000 iterations in Chromium to the backprop CLI's report.json cost, bit for bit", async () => {
    const { settings, updates, finalCost } = CLI_REPORT_SEED0_2000;
    const query = `seed=${settings.seed}&hidden=${settings.hidden.join(',')}&aggression=${settings.aggression}&noise=${settings.noise}&iterations=${settings.iterations}`;
    const { page, errors } = await open(`/week3.html?${query}`);
    try {
      const widget = page.locator('[data-widget="backprop"]');
      await widget.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="backprop"][data-state="ready"]');
      await widget.locator('[data-role="play"]').click();
      await expect.poll(() => widget.getAttribute('data-iteration'), { timeout: 40000, interval: 250 }).toBe(String(updates));
      await expect.poll(() => widget.getAttribute('data-running')).toBe('false');
      // String(number) is the shortest text that reads back as the same double: equal text, equal bits.
      expect(await widget.getAttribute('data-cost')).toBe(String(finalCost));
      expect(Object.is(Number(await widget.getAttribute('data-cost')), finalCost)).toBe(true);
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

/** Opens a page and waits for one widget (the `index`-th of that name) to be ready. */
async function openWidget(path: string, name: string, index = 0, options: BrowserContextOptions = {}) {
  const opened = await open(path, options);
  const widget = opened.page.locator(`[data-widget="${name}"]`).nth(index);
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('data-state'), { timeout: 30000 }).toBe('ready');
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
      expect(await widget.locator('[data-role="polynomial"] annotation').first().textContent()).toMatch(/^(\\displaystyle )?f\(x\) \\approx\s*-\s*8\s*-\s*32\(x - 0\.5\)\^\{2\}/);
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

describe('issue 20: interaction and the missing course content', () => {
  it('week 1: the derivative explorer clears its result under a new error; the beast\'s working names the rule it uses; the matching quiz marks answers', async () => {
    const { page, errors, widget } = await openWidget('/week1.html', 'derivative-explorer', 0, PHONE);
    try {
      const input = widget.locator('[data-role="expr-input"]');
      await input.fill('x^3');
      await expect.poll(() => widget.locator('[data-role="derivative"]').getAttribute('data-value')).toBe('3*x^2');
      await input.fill('sin(x) + cos(x) * tan(x) + exp(x) * log(x) + sqrt(x) * 2 * *');
      const error = widget.locator('[data-role="parse-error"]');
      await expect.poll(() => error.isVisible()).toBe(true);
      expect(await widget.locator('[data-role="derivative"] .katex').count()).toBe(0);
      expect(await widget.locator('[data-role="steps"] li').count()).toBe(0);
      // The message wraps inside the widget: nothing of it is cut off.
      expect(await error.locator('p').evaluate((p) => p.scrollWidth <= p.clientWidth + 1)).toBe(true);
      expect(await clippedFormulas(page)).toEqual([]);

      const beast = page.locator('[data-widget="taming-beast"]');
      await beast.scrollIntoViewIfNeeded();
      await expect.poll(() => beast.getAttribute('data-first-rule')).toBe('product');
      expect(await beast.locator('[data-role="route"]').textContent()).toContain('product rule');
      await beast.locator('select').selectOption('quotient');
      await expect.poll(() => beast.getAttribute('data-first-rule')).toBe('quotient');
      expect(await beast.locator('[data-role="steps"] li').first().textContent()).toContain('quotient rule');

      const quiz = page.locator('[data-widget="function-matching"]');
      await quiz.scrollIntoViewIfNeeded();
      await expect.poll(() => quiz.getAttribute('data-state'), { timeout: 30000 }).toBe('ready');
      const stories = quiz.locator('[data-exercise="stories"]');
      for (const [prompt, letter] of [['pool', 'C'], ['tea', 'A'], ['ball', 'B'], ['flour', 'D']]) await stories.locator(`select[data-prompt="${prompt}"]`).selectOption(letter!);
      await stories.locator('[data-role="stories-check"]').click();
      expect(await stories.locator('[data-role="stories-feedback"]').textContent()).toBe('2 of 4 right: look again at the ones marked ✗.');
      for (const [prompt, letter] of [['ball', 'D'], ['flour', 'B']]) await stories.locator(`select[data-prompt="${prompt}"]`).selectOption(letter!);
      await stories.locator('[data-role="stories-check"]').click();
      expect(await stories.locator('[data-role="stories-feedback"]').textContent()).toBe('All 4 right.');
      await quiz.screenshot({ path: `${shots}/phone-week1-function-matching.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 2: the spherical Jacobian\'s determinant is r² sin θ at the point chosen', async () => {
    const { page, errors, widget } = await openWidget('/week2.html', 'jacobian-spherical');
    try {
      expect(Number(await widget.getAttribute('data-det'))).toBeCloseTo(4 * Math.sin(0.7), 10);
      await setRange(page, '[data-widget="jacobian-spherical"] input[name="θ"]', 1.5);
      await expect.poll(async () => Number(await widget.getAttribute('data-det'))).toBeCloseTo(4 * Math.sin(1.5), 10);
      expect(Number(await widget.getAttribute('data-expected'))).toBeCloseTo(4 * Math.sin(1.5), 12);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 3: the quiz\'s 2×3 layer gives a₁ = tanh([1, −1]); the 1-6-7-2 network has 62 weights and 15 biases', async () => {
    const { page, errors, widget } = await openWidget('/week3.html', 'neural-layer');
    try {
      expect(await widget.getAttribute('data-a')).toBe('0.7616,-0.7616');
      expect(await widget.getAttribute('data-z')).toBe('1.0000,-1.0000');
      expect(await widget.getAttribute('data-weights')).toBe('62');
      expect(await widget.getAttribute('data-biases')).toBe('15');
      await widget.locator('[data-role="layers"]').fill('3, 2');
      await expect.poll(() => widget.getAttribute('data-weights')).toBe('6');
      expect(await widget.getAttribute('data-biases')).toBe('2');
      await widget.locator('input[aria-label="a0 3"]').fill('0.2');
      // z₁ = −0.6 + 1.6 − 0.2 + 0.1 = 0.9, z₂ = 1.8 − 0.6 − 2.5 = −1.3.
      await expect.poll(() => widget.getAttribute('data-z')).toBe('0.9000,-1.3000');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 3: backprop trains one update per frame, continues past its budget without restarting, and the speed is the learner\'s', async () => {
    const { page, errors, widget } = await openWidget('/week3.html?seed=3&hidden=6,7&aggression=7&noise=1&iterations=1000', 'backprop');
    try {
      await widget.locator('[data-role="speed"]').selectOption('1');
      await widget.locator('[data-role="play"]').click();
      await expect.poll(async () => Number(await widget.getAttribute('data-iteration'))).toBeGreaterThan(5);
      await widget.locator('[data-role="play"]').click();
      await expect.poll(() => widget.getAttribute('data-running')).toBe('false');
      // At one update per frame (≤ 60 a second) a few seconds cannot reach a thousand.
      expect(Number(await widget.getAttribute('data-iteration'))).toBeLessThan(600);
      await widget.locator('[data-role="speed"]').selectOption('max');
      await widget.locator('[data-role="play"]').click();
      // 1,000 iterations: the notebook's loop (and the CLI) makes 1,001 updates.
      await expect.poll(() => widget.getAttribute('data-iteration'), { timeout: 40000 }).toBe('1001');
      expect(await widget.locator('[data-role="play"]').textContent()).toBe('Finished');
      const costAt1000 = Number(await widget.getAttribute('data-cost'));
      await widget.locator('[data-role="more"]').click();
      await expect.poll(async () => Number(await widget.getAttribute('data-iteration')), { timeout: 40000 }).toBeGreaterThan(3000);
      expect(await widget.getAttribute('data-total')).toBe('11001');
      expect(decodeURIComponent(page.url())).toContain('iterations=11000');
      // The noisy course trainer's cost is not monotone, so compare at a fixed point of the
      // run (its end), not whenever the poll happened to look.
      await expect.poll(() => widget.getAttribute('data-iteration'), { timeout: 90000 }).toBe('11001');
      expect(Number(await widget.getAttribute('data-cost'))).toBeLessThan(costAt1000);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 4: the expansion point drags and moves from the keyboard; ln x about 10 shows the quiz\'s Δ = 0.32 at x = 2', async () => {
    const { page, errors, widget } = await openWidget('/week4.html', 'taylor-series');
    try {
      expect(await widget.getAttribute('data-about')).toBe('1');
      const canvas = widget.locator('canvas').first();
      await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const [handle] = JSON.parse((await canvas.getAttribute('data-handles')) ?? '[]') as { left: number; top: number }[];
      const box = await canvas.boundingBox();
      if (box == null || handle === undefined) throw new Error('no draggable expansion point');
      await page.mouse.move(box.x + handle.left, box.y + handle.top);
      await page.mouse.down();
      await page.mouse.move(box.x + handle.left + 120, box.y + handle.top, { steps: 8 });
      await page.mouse.up();
      await expect.poll(async () => Number(await widget.getAttribute('data-about'))).toBeGreaterThan(1.5);
      const dragged = Number(await widget.getAttribute('data-about'));
      await canvas.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await widget.getAttribute('data-about'))).toBeCloseTo(dragged + 0.05, 6);
      // The slider reaches the quiz's points: 1/x about 4.
      await setRange(page, '[data-widget="taylor-series"] [data-role="about"]', 4);
      await expect.poll(() => widget.getAttribute('data-about')).toBe('4');
      expect(await widget.locator('[data-role="validity"]').textContent()).toContain('0 < x < 8');

      const ln = page.locator('[data-widget="taylor-series"]').nth(1);
      await ln.scrollIntoViewIfNeeded();
      await expect.poll(() => ln.getAttribute('data-state'), { timeout: 30000 }).toBe('ready');
      expect(await ln.getAttribute('data-about')).toBe('10');
      expect(Number(await ln.locator('[data-role="compare"]').getAttribute('data-difference'))).toBeCloseTo(-0.32, 12);
      await ln.screenshot({ path: `${shots}/week4-ln-about-10.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 4 and 5: the 2-D Taylor point and the Lagrange point move from the keyboard', async () => {
    const { page, errors, widget } = await openWidget('/week4.html', 'taylor-2d');
    try {
      const before = await widget.locator('[data-role="drag-status"]').textContent();
      await widget.locator('canvas').first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => widget.locator('[data-role="drag-status"]').textContent()).toBe('a = (-0.95, 2.00)');
      expect(before).toBe('');
    } finally {
      await page.close();
    }
    const lag = await openWidget('/week5.html', 'lagrange');
    try {
      const here = lag.widget.locator('[data-role="here"]');
      const before = await here.textContent();
      await lag.widget.locator('canvas').first().focus();
      await lag.page.keyboard.press('ArrowRight');
      await expect.poll(() => here.textContent()).not.toBe(before);
      expect(lag.errors).toEqual([]);
    } finally {
      await lag.page.close();
    }
    expect(errors).toEqual([]);
  });

  it('week 5: Newton–Raphson from 1.99 shows the jump to −36.47; the descent sandpit plots depth against iteration for every method', async () => {
    const { page, errors, widget } = await openWidget('/week5.html', 'newton-raphson');
    try {
      await widget.getByRole('button', { name: /1\.99/ }).click();
      await expect.poll(async () => Number(await widget.getAttribute('data-x-min'))).toBeLessThan(-36.47);
      expect(await widget.locator('[data-role="iterations"] tbody tr').nth(1).locator('td').nth(1).textContent()).toBe('-36.474613');
      await widget.screenshot({ path: `${shots}/week5-newton-1.99.png` });
      const descent = page.locator('[data-widget="descent-sandpit"]');
      await descent.scrollIntoViewIfNeeded();
      await expect.poll(() => descent.getAttribute('data-cost-curves'), { timeout: 30000 }).toBe('7');
      expect(await descent.locator('canvas').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 6: Anscombe\'s four sets share one fitted line, y = 3.00 + 0.500x, and R² = 0.67', async () => {
    const { page, errors, widget } = await openWidget('/week6.html', 'anscombe', 0, PHONE);
    try {
      const rows = await widget.locator('[data-role="summary"] tbody tr').allTextContents();
      expect(rows.length).toBe(4);
      const cells = await widget.locator('[data-role="summary"] tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))));
      for (const [meanX, meanY, varX, , m, c, r2] of cells) {
        expect(meanX).toBe(9);
        expect(meanY).toBeCloseTo(7.5, 2);
        expect(varX).toBe(11);
        expect(m).toBeCloseTo(0.5, 2);
        expect(c).toBeCloseTo(3, 2);
        expect(r2).toBeCloseTo(0.667, 2);
      }
      await widget.locator('select').selectOption('residuals');
      await expect.poll(() => widget.getAttribute('data-show')).toBe('residuals');
      await widget.screenshot({ path: `${shots}/phone-week6-anscombe.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
