import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBuiltSite } from '../test-site.js';
import { questionsForWeek } from './questions/index.js';

// The practice questions at the end of each week page, answered as a learner would, against
// the BUILT site (`pnpm --filter @slope/docs build` first) in real Chromium, as site.test.ts.
const shots = SCREENSHOTS;

const site = useBuiltSite('week1.html');

async function openWeek(week: number): Promise<{ page: Page; errors: string[] }> {
  const page = await site().browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${site().server.url}/week${week}.html`, { waitUntil: 'load' });
  await page.waitForSelector(`[data-quiz="${week}"][data-state="ready"]`, { timeout: 30000 });
  return { page, errors };
}

/** Types `answer` into the question's only text field, checks it, and returns the question's result. */
async function answer(page: Page, id: string, typed: string): Promise<string | null> {
  const form = page.locator(`form[data-question="${id}"]`);
  await form.locator('[data-role="answer"]').fill(typed);
  const before = await form.getAttribute('data-attempts');
  await form.locator('[data-role="answer"]').press('Enter');
  await page.waitForFunction(
    ([q, n]) => document.querySelector(`form[data-question="${q}"]`)?.getAttribute('data-attempts') !== n,
    [id, before] as const,
  );
  return form.getAttribute('data-result');
}

describe('practice questions', () => {
  it('every week page ends with its questions, at least six, rendered without console errors', async () => {
    for (let week = 1; week <= 6; week++) {
      const { page, errors } = await openWeek(week);
      try {
        const ids = await page.locator(`[data-quiz="${week}"] form[data-question]`).evaluateAll((forms) => forms.map((f) => f.getAttribute('data-question')));
        expect(ids).toEqual(questionsForWeek(String(week)).map((q) => q.id));
        expect(ids.length).toBeGreaterThanOrEqual(6);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('a wrong derivative is marked wrong with the diagnosis of its mistake; an equivalent form of the right one passes', async () => {
    const { page, errors } = await openWeek(1);
    const id = 'w1-product-of-three';
    const form = page.locator(`form[data-question="${id}"]`);
    try {
      // The sign of (cos x)′ lost: the question's known mistake, diagnosed by value.
      expect(await answer(page, id, 'exp(x)*(3*x^2*cos(x) + x^3*sin(x) + x^3*cos(x))')).toBe('wrong');
      expect(await form.locator('[data-role="hint"]').textContent()).toContain('sign');
      expect(await form.locator('[data-role="solution"]').isVisible()).toBe(true);
      expect(await form.locator('[data-role="steps"] li').count()).toBeGreaterThan(1);
      expect(await page.locator('[data-role="score"]').getAttribute('data-right')).toBe('0');
      await form.screenshot({ path: `${shots}/week1-quiz-wrong.png` });

      // Not the form the question stores: factored differently, so only a check by value passes it.
      expect(await answer(page, id, 'x^2*exp(x)*(3*cos(x) - x*sin(x)) + x^3*cos(x)*exp(x)')).toBe('right');
      expect(await form.locator('[data-role="feedback"]').textContent()).toMatch(/^Right/);
      expect(await page.locator('[data-role="score"]').getAttribute('data-right')).toBe('1');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a number passes within its tolerance, fails outside it, and a typo gets a caret under the place, not the solution', async () => {
    const { page, errors } = await openWeek(1);
    const id = 'w1-power-sum-at-2';
    const form = page.locator(`form[data-question="${id}"]`);
    try {
      expect(await answer(page, id, '1.5*sqrt(2')).toBe('invalid');
      expect(await form.locator('[data-role="caret"]').textContent()).toContain('^');
      expect(await form.locator('[data-role="solution"]').isVisible()).toBe(false);

      expect(await answer(page, id, '14.7')).toBe('wrong');
      expect(await answer(page, id, '14.688')).toBe('right');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
