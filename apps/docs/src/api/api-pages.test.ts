import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Locator, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBuiltSite } from '../test-site.js';
import { API_PACKAGES } from './extract.js';

// The API pages in a real browser, against the BUILT site (turbo's test task builds first):
// every example shows its output, and every example can be edited and run in the page, in a
// Web Worker with a time limit (TOOLCHAIN.md §4.4a for the set-up).
const pagesDir = fileURLToPath(new URL('../../pages/api/', import.meta.url));
const shots = SCREENSHOTS;

const site = useBuiltSite('api/symbolic.html');

/** An API page once its examples are editable, with every console error and page error recorded. */
async function open(pkg: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await site().browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${site().server.url}/api/${pkg}.html`, { waitUntil: 'load' });
  await page.waitForSelector('.slope-example[data-ready="true"]');
  return { page, errors };
}

function example(page: Page, name: string): Locator {
  return page.locator(`.slope-example[data-example="${name}"]`);
}

/** The example's output as text, as a reader sees it. */
async function outputText(ex: Locator): Promise<string> {
  return (await ex.locator('[data-role="output"]').innerText()).trim();
}

/** Runs the example and waits for the run to end; returns the status line. */
async function run(ex: Locator): Promise<string> {
  await ex.locator('[data-role="run"]').click();
  await expect.poll(() => ex.getAttribute('data-state'), { timeout: 30000 }).not.toBe('running');
  return (await ex.locator('[data-role="status"]').innerText()).trim();
}

/** Opens the editor and replaces the code by typing it, as a reader would. */
async function edit(ex: Locator, code: string): Promise<void> {
  await ex.locator('[data-role="edit"]').click();
  const editor = ex.locator('[data-role="editor"]');
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
  await editor.fill(code);
}

/** The stored output of one example, as the generated page has it (its `<pre>` blocks and chart captions). */
function storedOutput(pkg: string, name: string): string {
  const md = readFileSync(`${pagesDir}${pkg}.md`, 'utf8');
  const start = md.indexOf(`<div class="slope-example" data-example="${name}">`);
  const block = md.slice(start, md.indexOf('\n</div>\n\n</div>', start));
  return Array.from(block.matchAll(/<code>([\s\S]*?)<\/code><\/pre>|<figcaption>([\s\S]*?)<\/figcaption>/g), (m) => m[1] ?? m[2]!)
    .join('\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Output text equal to the stored text, except that a printed number may differ in its last
 * few ulps: Math.exp, Math.sin … are not required to round correctly, and the V8 in Chromium
 * and the one in Node differ by an ulp on some inputs, so a full-precision result of quad or
 * taylor can print one digit differently. Everything else (words, digit counts of rounded
 * output, signs) must match exactly.
 */
function sameUpToUlps(got: string, want: string): boolean {
  const number = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;
  if (got.replace(number, '#') !== want.replace(number, '#')) return false;
  const a = got.match(number) ?? [];
  const b = want.match(number) ?? [];
  return a.every((x, i) => {
    const y = b[i]!;
    if (x === y) return true;
    const [u, v] = [Number(x), Number(y)];
    // Only a value printed at full precision may differ, by a few ulps (its neighbour may print shorter: 0.3 vs 0.30000000000000004).
    const digits = (t: string) => t.replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length;
    return Math.max(digits(x), digits(y)) >= 15 && Math.abs(u - v) <= 8 * Number.EPSILON * Math.max(Math.abs(u), Math.abs(v));
  });
}

/** Pixels of an image that are neither white nor transparent. */
async function inkedPixels(img: Locator): Promise<number> {
  return img.evaluate(async (el) => {
    const image = el as HTMLImageElement;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && !(data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245)) inked++;
    return inked;
  });
}

describe('API pages: every example shows its output', () => {
  it.each(API_PACKAGES)('@slope/%s: each example has its stored output on the page, a Run and an Edit button, and every chart image loads', async (pkg) => {
    const { page, errors } = await open(pkg);
    try {
      const md = readFileSync(`${pagesDir}${pkg}.md`, 'utf8');
      const expected = md.match(/<div class="slope-example" data-example=/g)?.length ?? 0;
      expect(expected).toBeGreaterThan(10);
      const report = await page.$$eval('.slope-example', (els) => els.map((el) => {
        const out = el.querySelector<HTMLElement>('[data-role="output"]')!;
        return {
          name: (el as HTMLElement).dataset['example'],
          text: out.innerText.trim(),
          images: Array.from(out.querySelectorAll('img'), (i) => i.getAttribute('src')),
          run: el.querySelector('[data-role="run"]')?.textContent,
          edit: el.querySelector('[data-role="edit"]')?.textContent,
        };
      }));
      expect(report.length).toBe(expected);
      for (const r of report) {
        expect(r.text !== '' || r.images.length > 0, `${r.name} shows output`).toBe(true);
        expect([r.run, r.edit], r.name).toEqual(['Run', 'Edit']);
      }
      for (const src of report.flatMap((r) => r.images)) {
        const status = await page.evaluate(async (url) => {
          const res = await fetch(url!);
          return `${res.status} ${res.headers.get('content-type')}`;
        }, src);
        expect(status, src!).toBe('200 image/png');
      }
      if (pkg === 'plot') {
        const img = example(page, 'contourChart').locator('img');
        await img.scrollIntoViewIfNeeded();
        expect(await inkedPixels(img)).toBeGreaterThan(2000);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('API pages: examples run in the page', () => {
  it.each(['symbolic', 'plot'])('running an example unchanged in the browser gives exactly the output stored at generation (every example of @slope/%s; charts by the digest of their data)', { timeout: 240_000 }, async (pkg) => {
    const { page, errors } = await open(pkg);
    try {
      const names = await page.$$eval('.slope-example', (els) => els.map((el) => (el as HTMLElement).dataset['example']!));
      for (const name of names) {
        const ex = example(page, name);
        const digests = (): Promise<(string | null)[]> => ex.locator('figure').evaluateAll((els) => els.map((el) => el.getAttribute('data-digest')));
        const stored = await digests();
        expect(await run(ex), name).toMatch(/^Ran in \d+ ms\.$/);
        expect(sameUpToUlps(await outputText(ex), storedOutput(pkg, name)), `${name}: ${await outputText(ex)} vs stored ${storedOutput(pkg, name)}`).toBe(true);
        expect(await digests(), name).toEqual(stored);
        if (stored.length > 0) await expect.poll(() => ex.locator('figure img[src^="blob:"]').count(), { timeout: 30000 }).toBe(stored.length);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an edited example runs with the new code and shows the new output; Reset brings back the original', async () => {
    const { page, errors } = await open('symbolic');
    try {
      const ex = example(page, 'evaluate');
      expect(await outputText(ex)).toBe('18');
      await edit(ex, "import { evaluate } from '@slope/symbolic';\n\nevaluate('x^2 * y', { x: 5, y: 2 });\nconsole.log('done');");
      await page.screenshot({ path: `${shots}/api-symbolic-editing.png` });
      expect(await run(ex)).toMatch(/^Ran in \d+ ms\.$/);
      expect(await outputText(ex)).toBe('50\ndone');
      // Output from a timer arrives after the module has finished, and is still shown.
      await ex.locator('[data-role="editor"]').fill("setTimeout(() => console.log('a tick later'), 50);\nconsole.log('first');");
      expect(await run(ex)).toMatch(/^Ran in \d+ ms\.$/);
      expect(await outputText(ex)).toBe('first\na tick later');
      await ex.screenshot({ path: `${shots}/api-symbolic-edited-run.png` });
      await ex.locator('[data-role="reset"]').click();
      expect(await outputText(ex)).toBe('18');
      expect(await ex.locator('[data-role="editor"]').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a plot builder run in the page draws its chart, with the same description as the stored one', async () => {
    const { page, errors } = await open('plot');
    try {
      const ex = example(page, 'lineChart');
      const stored = await ex.locator('figcaption').innerText();
      expect(await run(ex)).toMatch(/^Ran in \d+ ms\.$/);
      const img = ex.locator('figure img');
      await expect.poll(() => img.count()).toBe(1);
      expect(await img.getAttribute('src')).toMatch(/^blob:/);
      expect(await ex.locator('figcaption').innerText()).toBe(stored);
      expect(await inkedPixels(img)).toBeGreaterThan(1000);
      await edit(ex, "import { lineChart } from '@slope/plot';\n\nconst x = [0, 1, 2, 3, 4, 5];\nlineChart([{ x, y: x.map((t) => t * t), label: 'squares' }]);");
      expect(await run(ex)).toMatch(/^Ran in \d+ ms\.$/);
      await expect.poll(() => ex.locator('figure img').count()).toBe(1);
      expect(await ex.locator('figcaption').innerText()).toBe('scatter chart: squares (6 points).');
      await ex.screenshot({ path: `${shots}/api-plot-edited-chart.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an endless loop is stopped by the time limit and says so, with the output printed before it; the page stays responsive', async () => {
    const { page, errors } = await open('autodiff');
    try {
      const ex = example(page, 'scalar');
      await edit(ex, "console.log('before the loop');\nwhile (true) {}");
      await ex.locator('[data-role="run"]').click();
      await expect.poll(() => outputText(ex), { timeout: 10000 }).toBe('before the loop');
      // The loop runs in the worker: the page itself still answers at once.
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await expect.poll(() => ex.getAttribute('data-state'), { timeout: 30000 }).toBe('timeout');
      expect(await ex.locator('[data-role="status"]').innerText()).toBe('Stopped: still running after the 5 s time limit (an endless loop?), so its worker was terminated.');
      await ex.screenshot({ path: `${shots}/api-autodiff-endless-loop.png` });
      // A run after the stop works again.
      await ex.locator('[data-role="editor"]').fill("import { scalar } from '@slope/autodiff';\nscalar(3).item() * 2;");
      expect(await run(ex)).toMatch(/^Ran in/);
      expect(await outputText(ex)).toBe('6');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a thrown error shows its name, message and line; so do a library error, a syntax error and a bad import', async () => {
    const { page, errors } = await open('symbolic');
    try {
      const ex = example(page, 'parse');
      const cases: [string, string][] = [
        ["const x = 1;\nthrow new RangeError('x must be positive, got ' + x);", 'RangeError: x must be positive, got 1 (line 2)'],
        ["import { parse } from '@slope/symbolic';\n\nparse('2 * (x + 1');", 'ParseError'],
        ['const = 1;', 'SyntaxError'],
        ["import { parze } from '@slope/symbolic';\nparze('x');", "SyntaxError: @slope/symbolic has no export named 'parze' (line 1)"],
        ["import { renderPng } from '@slope/plot/node';\nrenderPng;", "cannot import '@slope/plot/node' here"],
      ];
      await edit(ex, cases[0]![0]);
      for (const [code, message] of cases) {
        await ex.locator('[data-role="editor"]').fill(code);
        expect(await run(ex), code).toMatch(/^Threw an error/);
        const shown = await ex.locator('.slope-example-error').innerText();
        expect(shown, code).toContain(message);
        if (code.includes('parse(')) expect(shown).toMatch(/\(line 3\)$/);
        if (code === 'const = 1;') expect(shown).toMatch(/\(line 1\)$/);
        if (code.includes('parse(')) await ex.screenshot({ path: `${shots}/api-symbolic-library-error.png` });
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('API pages: keyboard, accessibility and phones', () => {
  it('Edit, the editor and Run are reached and operated from the keyboard, each with a visible focus ring', async () => {
    const { page, errors } = await open('symbolic');
    try {
      const ex = example(page, 'evaluate');
      const outline = (l: Locator): Promise<string> => l.evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      const editButton = ex.locator('[data-role="edit"]');
      await editButton.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await editButton.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await outline(editButton)).toBe('solid 2px');
      await page.keyboard.press('Enter');
      const editor = ex.locator('[data-role="editor"]');
      expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await outline(editor)).toBe('solid 2px');
      expect(await editor.getAttribute('aria-label')).toBe('Code of the evaluate example');
      // Tab indents inside the editor; Escape then Tab leaves it for the Run button.
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type("console.log('typed');");
      expect(await editor.inputValue()).toMatch(/\n {2}console\.log\('typed'\);$/);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      const runButton = ex.locator('[data-role="run"]');
      expect(await runButton.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await outline(runButton)).toBe('solid 2px');
      await page.keyboard.press('Enter');
      await expect.poll(() => ex.getAttribute('data-state'), { timeout: 30000 }).toBe('done');
      expect(await outputText(ex)).toBe('18\ntyped');
      // Ctrl+Enter in the editor runs too.
      await editor.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' 42;');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => outputText(ex), { timeout: 30000 }).toBe('18\ntyped\n42');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('every control has a name and every output scroll box is focusable', async () => {
    const { page } = await open('optim');
    try {
      await example(page, 'newton').locator('[data-role="edit"]').click();
      const unnamed = await page.$$eval('.slope-example-bar button, .slope-example textarea', (els) =>
        els.filter((el) => !(el as HTMLElement).hidden && (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === '').length);
      expect(unnamed).toBe(0);
      const unfocusable = await page.$$eval('.slope-example-output pre', (els) => els.filter((el) => el.getAttribute('tabindex') !== '0').length);
      expect(unfocusable).toBe(0);
      expect(await page.locator('.slope-example [role="status"]').count()).toBe(await page.locator('.slope-example').count());
    } finally {
      await page.close();
    }
  });

  it.each(API_PACKAGES)('@slope/%s at phone width (390 px): no sideways page scroll, also with an editor open and a chart run', async (pkg) => {
    const { page, errors } = await open(pkg, { width: 390, height: 844 });
    try {
      const first = page.locator('.slope-example').first();
      const name = (await first.getAttribute('data-example'))!;
      await edit(first, `${storedCode(pkg, name)}\nconsole.log('a long line that is wider than a phone screen, to be scrolled inside its own box and not the page');`);
      await run(first);
      if (pkg === 'plot') await run(example(page, 'contourChart'));
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${pkg} page width`).toBeLessThanOrEqual(widths.inner);
      await first.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/api-${pkg}-phone-edited.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('screenshots of an API page with outputs at desktop and phone width', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page } = await open('optim', viewport);
      try {
        const ex = example(page, 'LagrangeMode');
        await ex.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/api-optim-${viewport.width}.png` });
        await edit(ex, storedCode('optim', 'LagrangeMode').replace("['maximize', 'minimize', 'stationary']", "['maximize']"));
        await run(ex);
        expect(await outputText(ex)).toMatch(/^maximize Float64Array\(2\) \[1\.63299/);
        await ex.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/api-optim-${viewport.width}-edited.png` });
      } finally {
        await page.close();
      }
    }
  });
});

/** The code of one example as the generated page shows it. */
function storedCode(pkg: string, name: string): string {
  const md = readFileSync(`${pagesDir}${pkg}.md`, 'utf8');
  const start = md.indexOf('```ts\n', md.indexOf(`<div class="slope-example" data-example="${name}">`)) + '```ts\n'.length;
  return md.slice(start, md.indexOf('\n```', start));
}
