// Reader-facing details across the site: skip links to demos, Japanese search strings, the 404 page,
// notes and credits on Japanese pages, and no claim about isolation before an island knows.
import { expect, test } from './fixtures.ts';

test('a skip link leads from the top of a lab page to its demo in two key presses', async ({ page }) => {
  for (const [path, name, id] of [
    ['/labs/classifier/', 'Skip to: Image classifier', 'demo-classifier'],
    ['/ja/labs/classifier/', '「画像分類」へ移動', 'demo-classifier'],
    ['/lessons/quantization/', 'Skip to: Quantization explorer', 'demo-quant-explorer'],
  ] as const) {
    await page.goto(path);
    await page.keyboard.press('Tab'); // Starlight's "skip to content"
    await page.keyboard.press('Tab');
    const link = page.locator(':focus');
    await expect(link).toHaveText(name);
    await page.keyboard.press('Enter');
    await expect(page.locator(`#${id}`)).toBeFocused();
    await expect(page.locator(`#${id}`)).toBeInViewport();
  }
  // Every demo on a lesson has its own link, the quiz included.
  await page.goto('/lessons/quantization/');
  await expect(page.locator('a.demo-skip-link')).toHaveText(['Skip to: Quantization explorer', 'Skip to: Self-check quiz']);
});

test('the search dialog speaks Japanese on Japanese pages', async ({ page }) => {
  await page.goto('/ja/');
  await page.locator('site-search button[data-open-modal]').first().click();
  await page.locator('#starlight__search input').fill('量子化');
  await expect(page.locator('#starlight__search .pagefind-ui__message')).toContainText(/「量子化」の検索結果：\d+ 件/);
  await expect(page.locator('#starlight__search .pagefind-ui__message')).not.toContainText('results for');
});

test('the 404 page answers 404, in both languages, with a link home for each', async ({ page, problems }) => {
  problems.allowFailedRequests.push(/no-such-page.* HTTP 404/);
  problems.allowConsole.push(/Failed to load resource.*404/);
  for (const path of ['/no-such-page/', '/ja/no-such-page/']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'お探しのページは見つかりませんでした' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the TFLite Lab home page' })).toHaveAttribute('href', '/');
    await expect(page.getByRole('link', { name: 'TFLite Lab のトップページ（日本語）へ' })).toHaveAttribute('href', '/ja/');
  }
  await page.getByRole('link', { name: 'TFLite Lab のトップページ（日本語）へ' }).click();
  await expect(page).toHaveURL(/\/ja\/$/);
});

test('Japanese pages say that class names are English and give photo credits in Japanese', async ({ page }) => {
  await page.goto('/ja/labs/classifier/');
  await expect(page.getByTestId('english-labels-note')).toContainText('英語名のまま');
  await page.goto('/labs/classifier/');
  await expect(page.getByTestId('english-labels-note')).toHaveCount(0);
  await page.goto('/ja/reference/credits/');
  await expect(page.locator('[data-asset="grace_hopper"]')).toContainText('パブリックドメイン');
  await expect(page.locator('[data-asset="grace_hopper"]')).toContainText('米海軍の写真');
});

test('no island claims the page is not cross-origin isolated before it has checked', async ({ request }) => {
  for (const path of ['/labs/benchmark/', '/labs/classifier/', '/ja/labs/benchmark/', '/ja/labs/classifier/']) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toMatch(/not cross-origin isolated|クロスオリジン分離されていない/);
  }
});
