// Accessibility: axe-core on every kind of page, in both languages, after the islands have hydrated.
// Serious and critical violations fail the test; the rest are printed so they are seen.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, hydrateAll, test } from './fixtures.ts';

const pages = [
  '',
  'lessons/quantization/',
  'lessons/running/',
  'labs/classifier/',
  'labs/inspector/',
  'labs/benchmark/',
  'labs/accuracy/',
  'labs/model-family/',
  'labs/quantization-explorer/',
  'labs/quantizer/',
  'reference/glossary/',
  'reference/credits/',
];

async function audit(page: Page, label: string) {
  // Expressive Code makes a code block that scrolls focusable (tabindex) from a ResizeObserver, 250 ms
  // after layout and then when idle: wait for it, or axe may look first (scrollable-region-focusable).
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.log(`${label}: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(blocking, label).toEqual([]);
}

for (const lang of ['en', 'ja'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${lang} ${theme}: no serious or critical axe violations on any kind of page`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      for (const path of pages) {
        const url = lang === 'en' ? `/${path}` : `/ja/${path}`;
        await page.goto(url);
        await hydrateAll(page);
        await audit(page, `${lang} ${theme} ${url}`);
      }
    });
  }

  test(`${lang}: a self-check answered wrong, the search dialog and the 404 page pass axe`, async ({ page, problems }) => {
    problems.allowFailedRequests.push(/no-such-page.* HTTP 404/);
    problems.allowConsole.push(/Failed to load resource.*404/);
    const prefix = lang === 'en' ? '/' : '/ja/';
    await page.goto(`${prefix}lessons/quantization/`);
    await hydrateAll(page);
    const item = page.getByTestId('self-check').locator('.self-check__item').first();
    await item.getByRole('radio').nth(1).check();
    await item.locator('.self-check__button').click();
    await expect(item.locator('.self-check__option[data-state]')).not.toHaveCount(0);
    await audit(page, `${lang} self-check answered`);

    await page.locator('site-search button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill(lang === 'en' ? 'quantization' : '量子化');
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible();
    await audit(page, `${lang} search dialog`);

    const response = await page.goto(`${prefix}no-such-page/`);
    expect(response?.status()).toBe(404);
    await audit(page, `${lang} 404`);
  });
}
