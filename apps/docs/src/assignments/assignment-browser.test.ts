import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solutionSource } from '@slope/grader';
import { type Locator, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBuiltSite } from '../test-site.js';

// The graded functions on the week 3 and week 6 pages, written, checked and trained with as a
// learner would, against the BUILT site (`pnpm --filter @slope/docs build` first) in Chromium.
const shots = SCREENSHOTS;

const site = useBuiltSite('week3.html');

async function openAssignment(week: 3 | 6, page?: Page): Promise<{ page: Page; errors: string[]; widget: Locator }> {
  const p = page ?? (await site().browser.newPage({ viewport: { width: 1280, height: 900 } }));
  const errors: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await p.goto(`${site().server.url}/week${week}.html`, { waitUntil: 'load' });
  const widget = p.locator('[data-widget="assignment"]');
  await widget.scrollIntoViewIfNeeded();
  await p.waitForSelector('[data-widget="assignment"][data-state="ready"]', { timeout: 30000 });
  return { page: p, errors, widget };
}

/** Replaces one function's code in its editor by typing, as a learner pasting their answer would. */
async function write(widget: Locator, name: string, code: string): Promise<void> {
  const content = widget.locator(`[data-function="${name}"] .cm-content`);
  await content.click();
  await widget.page().keyboard.press('Control+A');
  await widget.page().keyboard.insertText(code);
}

async function check(widget: Locator): Promise<string | null> {
  await widget.locator('[data-role="check"]').click();
  await expect.poll(() => widget.getAttribute('data-checked'), { timeout: 60000 }).not.toBe('running');
  return widget.getAttribute('data-checked');
}

const result = (widget: Locator, name: string): Locator => widget.locator(`[data-function="${name}"] [data-role="result"]`);

const WRONG_J_W3 = `export function J_W3(net, x, y) {
  const { a2, z3, a3 } = net.forward(x);
  const delta3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  return net.matmul(delta3, net.transpose(a2));
}
`;
const RIGHT_J_W3 = `export function J_W3(net, x, y) {
  const { a2, z3, a3 } = net.forward(x);
  const delta3 = net.mul(net.scale(net.sub(a3, y), 2), net.dSigma(z3));
  return net.scale(net.matmul(delta3, net.transpose(a2)), 1 / net.size(x));
}
`;

describe('the graded functions on the site', () => {
  it('week 3: a J_W3 without 1/N fails with the element and the diagnosed hint; the right one passes; the work survives a reload', async () => {
    const { page, errors, widget } = await openAssignment(3);
    try {
      const names = await widget.locator('[data-function]').evaluateAll((els) => els.map((el) => el.getAttribute('data-function')));
      expect(names).toEqual(['J_W3', 'J_b3', 'J_W2', 'J_b2', 'J_W1', 'J_b1']);

      await write(widget, 'J_W3', WRONG_J_W3);
      expect(await check(widget)).toBe('failed');
      expect(await result(widget, 'J_W3').getAttribute('data-status')).toBe('fail');
      expect(await result(widget, 'J_W3').locator('[data-role="hint"]').textContent()).toMatch(/N = \d+ times too big.*divide by N/);
      expect(await result(widget, 'J_W3').textContent()).toMatch(/expected .*, got /);
      // The starter's unwritten functions are reported as such, not as wrong.
      expect(await result(widget, 'J_b1').getAttribute('data-status')).toBe('not-written');
      expect(await widget.locator('[data-role="train"]').isDisabled()).toBe(true);
      await widget.locator('[data-function="J_W3"]').screenshot({ path: `${shots}/week3-grader-wrong-J_W3.png` });

      await write(widget, 'J_W3', RIGHT_J_W3);
      expect(await check(widget)).toBe('failed'); // the other four are still to write
      expect(await result(widget, 'J_W3').getAttribute('data-status')).toBe('pass');
      expect(await result(widget, 'J_W3').locator('[data-role="hint"]').count()).toBe(0);

      await page.reload({ waitUntil: 'load' });
      // Widgets mount as they come into view.
      await widget.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="assignment"][data-state="ready"]', { timeout: 30000 });
      expect(await widget.locator('[data-function="J_W3"] .cm-content').innerText()).toContain('1 / net.size(x)');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 3: the reference solution, loaded as the file the CLI accepts, passes and trains the network with it', async () => {
    const { page, errors, widget } = await openAssignment(3);
    try {
      const file = join(tmpdir(), `backprop-solution-${process.pid}.js`);
      writeFileSync(file, solutionSource('backprop', 'js'));
      await widget.locator('[data-role="upload"]').setInputFiles(file);
      await expect.poll(() => widget.locator('[data-role="status"]').textContent()).toMatch(/^Loaded/);
      expect(await check(widget)).toBe('passed');
      expect(await widget.locator('[data-role="train"]').isDisabled()).toBe(false);
      await widget.locator('[data-role="train"]').click();
      await expect.poll(() => widget.getAttribute('data-training'), { timeout: 120000 }).not.toBe('running');
      expect(await widget.getAttribute('data-training')).toBe('done');
      // 10,000 course updates from the course's N(0, 0.5²) start bring the cost well below its start (~0.2).
      const cost = Number(await widget.locator('[data-role="train-status"]').getAttribute('data-cost'));
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThan(0.05);
      await widget.locator('[data-role="train-section"]').screenshot({ path: `${shots}/week3-train-with-my-code.png` });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('week 6: a function that never returns is named after the time limit, and the others are still graded; the solution trains to the notebook\'s end point', async () => {
    const { page, errors, widget } = await openAssignment(6);
    try {
      const file = join(tmpdir(), `heights-solution-${process.pid}.js`);
      writeFileSync(file, solutionSource('heights', 'js'));
      await widget.locator('[data-role="upload"]').setInputFiles(file);
      await expect.poll(() => widget.locator('[data-role="status"]').textContent()).toMatch(/^Loaded/);

      await write(widget, 'dfdmu', 'export function dfdmu(x, mu, sig) {\n  for (;;) {}\n}\n');
      expect(await check(widget)).toBe('failed');
      expect(await result(widget, 'dfdmu').textContent()).toMatch(/dfdmu did not return within 5 s/);
      expect(await result(widget, 'dfdsig').getAttribute('data-status')).toBe('pass');

      await write(widget, 'dfdmu', 'export function dfdmu(x, mu, sig) {\n  return f(x, mu, sig).map((fi, i) => fi * (x[i] - mu) / sig ** 2);\n}\n');
      expect(await check(widget)).toBe('passed');
      await widget.locator('[data-role="train"]').click();
      await expect.poll(() => widget.getAttribute('data-training'), { timeout: 60000 }).not.toBe('running');
      expect(await widget.getAttribute('data-training')).toBe('done');
      // COURSE.md §2.5: step 50 of the notebook's path is (178.5198, 7.5499), χ² 4.39245e-4.
      const chi2 = Number(await widget.locator('[data-role="train-status"]').getAttribute('data-cost'));
      expect(chi2).toBeCloseTo(4.39245e-4, 8);
      const summary = (await widget.locator('[data-role="train-status"]').textContent()) ?? '';
      expect(summary, summary).toMatch(/μ = 178\.5198, σ = 7\.5499/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
