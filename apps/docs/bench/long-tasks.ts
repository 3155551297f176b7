import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../src/test-server.js';

// Not a test: opens each new page of the built site in Chromium, drags every slider of every
// widget from one end to the other with the real mouse, and records the main thread's long
// tasks (PerformanceObserver 'longtask', ≥ 50 ms) and the slowest input-event handling
// ('event' timing) while dragging. Goal: no long task at all. Run after `pnpm build`.
const dist = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
if (!existsSync(`${dist}/index.html`)) throw new Error('No built site: run `pnpm --filter @slope/docs build` first');
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['week4', 'week5', 'week6'];

const server = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows: { page: string; widget: string; sliders: number; events: number; longTasks: number; worstLongTask: number; worstEvent: number }[] = [];
try {
  for (const name of pages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A widget that throws while dragging would look fast; report it loudly instead.
    page.on('pageerror', (e) => {
      console.error(`${name}: uncaught ${e.message}`);
      process.exitCode = 1;
    });
    await page.goto(`${server.url}/${name}.html`, { waitUntil: 'load' });
    const widgets = await page.$$('.slope-widget');
    for (const w of widgets) {
      await w.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => (el as HTMLElement).dataset['state'] === 'ready', w, { timeout: 30000 });
      const widget = (await w.getAttribute('data-widget')) ?? '?';
      const sliders = await w.$$('input[type="range"]');
      await page.evaluate(() => {
        const rec = { long: [] as number[], events: [] as number[] };
        (window as unknown as { __bench: typeof rec }).__bench = rec;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) rec.long.push(e.duration); }).observe({ type: 'longtask' });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.name === 'input' || e.name.startsWith('pointer')) rec.events.push(e.duration);
        }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      });
      for (const s of sliders) {
        if (!(await s.isVisible()) || (await s.isDisabled())) continue;
        await s.scrollIntoViewIfNeeded();
        const box = await s.boundingBox();
        if (box == null) continue;
        const y = box.y + box.height / 2;
        // Left end to right end and back, 30 pointer moves each way, like a hand drag.
        await page.mouse.move(box.x + 2, y);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width - 2, y, { steps: 30 });
        await page.mouse.move(box.x + 2, y, { steps: 30 });
        await page.mouse.up();
      }
      // Widgets with draggable points (linear regression) publish their handles' positions.
      for (const canvas of await w.$$('canvas[data-handles]')) {
        const handles = JSON.parse((await canvas.getAttribute('data-handles')) ?? '[]') as { left: number; top: number }[];
        const box = await canvas.boundingBox();
        const first = handles[0];
        if (box == null || first === undefined) continue;
        await page.mouse.move(box.x + first.left, box.y + first.top);
        await page.mouse.down();
        await page.mouse.move(box.x + first.left + 80, box.y + first.top - 120, { steps: 30 });
        await page.mouse.move(box.x + first.left, box.y + first.top, { steps: 30 });
        await page.mouse.up();
      }
      await page.waitForTimeout(300);
      const rec = await page.evaluate(() => (window as unknown as { __bench: { long: number[]; events: number[] } }).__bench);
      rows.push({
        page: name, widget, sliders: sliders.length, events: rec.events.length,
        longTasks: rec.long.length, worstLongTask: Math.round(Math.max(0, ...rec.long)), worstEvent: Math.round(Math.max(0, ...rec.events)),
      });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('page    widget              sliders  long tasks  worst long task/ms  slowest input event/ms (count of events ≥ 16 ms)');
for (const r of rows) {
  console.log(`${r.page.padEnd(8)}${r.widget.padEnd(20)}${String(r.sliders).padStart(7)}${String(r.longTasks).padStart(12)}${String(r.worstLongTask).padStart(20)}${String(r.worstEvent).padStart(26)} (${r.events})`);
}
const worst = Math.max(0, ...rows.map((r) => r.worstLongTask));
console.log(worst === 0 ? 'No main-thread task over 50 ms while dragging.' : `Worst task while dragging: ${worst} ms (goal: none over 50 ms).`);
