import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../src/test-server.js';

// Not a test: opens each page of the built site in Chromium, drags every slider of every
// widget end to end and back several times with the real mouse (and the regression widget's
// points), and measures the main thread while dragging in two ways:
//   - the browser's long-task observer (PerformanceObserver 'longtask', tasks ≥ 50 ms), and
//   - a Chromium trace of every main-thread task (RunTask), so the worst task is known even
//     when it stays under 50 ms;
// and, for input events (Event Timing, duration ≥ 16 ms), the slowest delay + handling.
// Goal: no task over 50 ms. Run after `pnpm build`.
//
// On week 3 it also trains the Backpropagation assignment for --train-ms (default 3000) at
// each speed and measures the main thread meanwhile (training runs in a worker; the page
// only draws its snapshots).
//
//   pnpm --filter @slope/docs bench [page …] [--drags N] [--train-ms MS] [--dist DIR] [--detail]
// --detail prints what the worst task of each widget spent its time on (trace events by name).
const LIMIT_MS = 50;
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const drags = Math.max(1, Number(option('--drags') ?? 3));
const trainFor = Math.max(500, Number(option('--train-ms') ?? 3000));
const detailAt = args.indexOf('--detail');
const detail = detailAt >= 0;
if (detail) args.splice(detailAt, 1);
const dist = resolve(option('--dist') ?? fileURLToPath(new URL('../.vitepress/dist', import.meta.url)));
const pages = args.length > 0 ? args : ['week3', 'week4', 'week5', 'week6'];
if (!existsSync(`${dist}/index.html`)) throw new Error(`No built site in ${dist}: run \`pnpm --filter @slope/docs build\` first`);

interface TraceEvent { readonly name: string; readonly ph: string; readonly pid: number; readonly tid: number; readonly ts: number; readonly dur?: number; readonly args?: { readonly name?: string } }

/**
 * Durations (ms) of every top-level task on the renderer main thread(s) of a Chromium trace,
 * and a breakdown of the longest one (the events inside it, by name, in ms).
 */
function mainThreadTasks(trace: Buffer): { durations: number[]; worst: string } {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const longest = tasks.reduce<TraceEvent | undefined>((a, e) => (a === undefined || (e.dur ?? 0) > (a.dur ?? 0) ? e : a), undefined);
  let worst = '';
  if (longest !== undefined) {
    const end = longest.ts + (longest.dur ?? 0);
    const byName = new Map<string, number>();
    for (const e of onMain) {
      if (e === longest || e.tid !== longest.tid || e.pid !== longest.pid || e.ts < longest.ts || e.ts > end) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    worst = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ');
  }
  return { durations: tasks.map((e) => (e.dur ?? 0) / 1000), worst };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // There and back, 30 pointer moves each way, like a hand drag.
  await page.mouse.move(to.x, to.y, { steps: 30 });
  await page.mouse.move(from.x, from.y, { steps: 30 });
  await page.mouse.up();
}

const server = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
interface Row { page: string; widget: string; sliders: number; drags: number; tasks: number; longTasks: number; worstLongTask: number; worstTask: number; p99: number; worstEvent: number; slowEvents: number }
const rows: Row[] = [];
try {
  for (const name of pages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A widget that throws while dragging would look fast; report it loudly instead.
    page.on('pageerror', (e) => {
      console.error(`${name}: uncaught ${e.message}`);
      process.exitCode = 1;
    });
    await page.goto(`${server.url}/${name}.html`, { waitUntil: 'load' });
    for (const w of await page.$$('.slope-widget')) {
      await w.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => (el as HTMLElement).dataset['state'] === 'ready', w, { timeout: 30000 });
      const widget = (await w.getAttribute('data-widget')) ?? '?';
      const sliders = await w.$$('input[type="range"]');
      await page.waitForTimeout(300);

      /** Runs `action` with the long-task observer, event timing and a trace recording, and adds a row. */
      const measure = async (label: string, action: () => Promise<number>): Promise<void> => {
        await page.evaluate(() => {
          const rec = { long: [] as number[], events: [] as number[], observers: [] as PerformanceObserver[] };
          (window as unknown as { __bench: typeof rec }).__bench = rec;
          const long = new PerformanceObserver((list) => { for (const e of list.getEntries()) rec.long.push(e.duration); });
          long.observe({ type: 'longtask' });
          const events = new PerformanceObserver((list) => {
            // Input delay plus handlers: the main thread's share. The entry's duration also waits
            // for the next painted frame, which after an event that changes nothing (a pointerup
            // at the end of a drag) can be the next drag, a second later.
            for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.name === 'input' || e.name.startsWith('pointer')) rec.events.push(e.processingEnd - e.startTime);
          });
          events.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
          rec.observers.push(long, events);
        });
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
        const dragged = await action();
        await page.waitForTimeout(300);
        const trace = await browser.stopTracing();
        const rec = await page.evaluate(() => {
          const r = (window as unknown as { __bench: { long: number[]; events: number[]; observers: PerformanceObserver[] } }).__bench;
          for (const o of r.observers) o.disconnect();
          return { long: r.long, events: r.events };
        });
        const measured = mainThreadTasks(trace);
        const tasks = measured.durations.sort((a, b) => a - b);
        if (detail) console.log(`${name} ${label}: worst task ${(tasks.at(-1) ?? 0).toFixed(1)} ms — ${measured.worst}`);
        rows.push({
          page: name, widget: label, sliders: sliders.length, drags: dragged, tasks: tasks.length,
          longTasks: rec.long.length, worstLongTask: Math.max(0, ...rec.long),
          worstTask: tasks.at(-1) ?? 0, p99: tasks[Math.floor(0.99 * (tasks.length - 1))] ?? 0,
          worstEvent: Math.max(0, ...rec.events), slowEvents: rec.events.length,
        });
      };

      await measure(widget, async () => {
        let dragged = 0;
        for (let round = 0; round < drags; round++) {
          for (const s of sliders) {
            if (!(await s.isVisible()) || (await s.isDisabled())) continue;
            // A slider that applies on release (backprop's settings restart training) is not a drag target.
            if ((await s.getAttribute('data-apply')) === 'change') continue;
            await s.scrollIntoViewIfNeeded();
            const box = await s.boundingBox();
            if (box == null) continue;
            const y = box.y + box.height / 2;
            await drag(page, { x: box.x + 2, y }, { x: box.x + box.width - 2, y });
            dragged++;
          }
          // Widgets with draggable points publish their handles' positions.
          for (const canvas of await w.$$('canvas[data-handles]')) {
            await canvas.scrollIntoViewIfNeeded();
            const handles = JSON.parse((await canvas.getAttribute('data-handles')) ?? '[]') as { left: number; top: number }[];
            const box = await canvas.boundingBox();
            const first = handles[0];
            if (box == null || first === undefined) continue;
            const from = { x: box.x + first.left, y: box.y + first.top };
            await drag(page, from, { x: from.x + 40, y: from.y - 40 });
            dragged++;
          }
        }
        return dragged;
      });

      // The live assignment: the main thread while the worker trains, at each speed offered
      // (a build without a speed control trains at its only speed).
      if (widget === 'backprop') {
        const speed = await w.$('[data-role="speed"]');
        for (const value of speed == null ? ['only'] : ['max', '1', '100']) {
          await measure(`backprop training (${value === 'only' ? 'one speed' : value === 'max' ? 'max speed' : `${value}/frame`}, ${trainFor / 1000} s)`, async () => {
            if (speed != null) await speed.selectOption(value);
            await (await w.$('[data-role="reset"]'))?.click();
            await page.waitForFunction((el) => (el as HTMLElement).dataset['iteration'] === '0', w);
            await (await w.$('[data-role="play"]'))?.click();
            await page.waitForTimeout(trainFor);
            await (await w.$('[data-role="play"]'))?.click();
            await page.waitForFunction((el) => (el as HTMLElement).dataset['running'] === 'false', w);
            const trained = Number(await w.getAttribute('data-iteration'));
            console.log(`${name} backprop at ${value}: ${trained} iterations in ${trainFor} ms`);
            return 0;
          });
        }
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const ms = (v: number): string => (v === 0 ? '—' : v.toFixed(0));
const header = ['page', 'widget', 'sliders', 'drags', 'tasks', 'p99/ms', 'worst task/ms', 'long tasks', 'worst long task/ms', 'slowest input handling/ms (events ≥16 ms)', 'result'];
const table = rows.map((r) => [
  r.page, r.widget, String(r.sliders), String(r.drags), String(r.tasks), ms(r.p99), ms(r.worstTask), String(r.longTasks), ms(r.worstLongTask),
  `${ms(r.worstEvent)} (${r.slowEvents})`, Math.max(r.worstTask, r.worstLongTask) < LIMIT_MS ? 'PASS' : 'FAIL',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`Dist: ${dist}; ${drags} drag(s) per slider, end to end and back; backprop trained ${trainFor} ms per speed`);
console.log(line(header));
for (const row of table) console.log(line(row));
const worst = rows.reduce((a, r) => (Math.max(r.worstTask, r.worstLongTask) > Math.max(a.worstTask, a.worstLongTask) ? r : a), rows[0]!);
const worstMs = worst === undefined ? 0 : Math.max(worst.worstTask, worst.worstLongTask);
const total = {
  tasks: rows.reduce((a, r) => a + r.tasks, 0), longTasks: rows.reduce((a, r) => a + r.longTasks, 0), drags: rows.reduce((a, r) => a + r.drags, 0),
};
console.log(`Total: ${rows.length} widgets, ${total.drags} drags, ${total.tasks} main-thread tasks, ${total.longTasks} long tasks (≥ ${LIMIT_MS} ms); worst task ${worstMs.toFixed(1)} ms (${worst?.page ?? '—'} ${worst?.widget ?? ''}).`);
if (worstMs < LIMIT_MS) {
  console.log(`PASS: no main-thread task reached ${LIMIT_MS} ms while dragging or training.`);
} else {
  console.log(`FAIL: ${rows.filter((r) => Math.max(r.worstTask, r.worstLongTask) >= LIMIT_MS).map((r) => r.widget).join(', ')} kept the main thread busy for ≥ ${LIMIT_MS} ms.`);
  process.exitCode = 1;
}
