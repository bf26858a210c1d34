import { createHash } from 'node:crypto';
import manifest from '../../assets.manifest.json' with { type: 'json' };
import { expect, sitePaths, test } from './fixtures.ts';

test.describe('the site', () => {
  test('every page answers 200 in both locales, without console errors or failed requests', async ({ page, request, problems }) => {
    const paths = await sitePaths(request);
    const english = paths.filter((p) => !p.startsWith('/ja/'));
    const japanese = paths.filter((p) => p.startsWith('/ja/'));
    expect(english.length).toBeGreaterThan(3);
    // Every English page has its Japanese twin and vice versa.
    expect(japanese.sort()).toEqual(english.map((p) => `/ja${p}`).sort());
    for (const path of paths) {
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1').first(), path).toBeVisible();
    }
    expect(problems.consoleErrors).toEqual([]);
  });

  test('pages are cross-origin isolated in both locales', async ({ page }) => {
    for (const path of ['/', '/ja/']) {
      const response = await page.goto(path);
      expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
      expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    }
  });

  test('every asset in the manifest is served with the bytes the manifest promises', async ({ request }) => {
    const all = [...manifest.models, ...manifest.derived, ...manifest.labels, ...manifest.images, ...manifest.dev];
    for (const asset of all) {
      const response = await request.get(`/${asset.file}`);
      expect(response.status(), asset.file).toBe(200);
      const body = await response.body();
      expect(body.byteLength, asset.file).toBe(asset.bytes);
      expect(createHash('sha256').update(body).digest('hex'), asset.file).toBe(asset.sha256);
      // Under COEP require-corp, assets must be loadable by the isolated page.
      expect(response.headers()['cross-origin-resource-policy'], asset.file).toBe('same-origin');
    }
  });

  test('the runtimes’ WASM files are served from the site itself', async ({ request }) => {
    for (const file of ['wasm/tfjs-tflite/tflite_web_api_cc_simd.wasm', 'wasm/tfjs-tflite/tflite_web_api_cc_simd_threaded.js', 'wasm/litert/litert_wasm_internal.wasm']) {
      const response = await request.get(`/${file}`);
      expect(response.status(), file).toBe(200);
    }
  });

  test('pages without demos load no runtime, WASM or model', async ({ page }) => {
    const heavy: string[] = [];
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (/^\/(wasm|models|imagenet-dev)\//.test(path) || /tflite|litert|tfjs/i.test(path)) heavy.push(path);
    });
    for (const path of ['/', '/ja/', '/reference/credits/', '/ja/reference/glossary/', '/lessons/tensorflow-and-keras/']) {
      await page.goto(path, { waitUntil: 'networkidle' });
    }
    expect(heavy).toEqual([]);
  });

  test('the language picker switches between the two versions of a page', async ({ page, baseURL }) => {
    // The picker is a custom element: select only once its script has attached the change handler.
    const pick = async (label: string) => {
      await page.waitForLoadState('load');
      await page.evaluate(() => customElements.whenDefined('starlight-lang-select'));
      await page.locator('starlight-lang-select select').first().selectOption({ label });
    };
    await page.goto('/reference/credits/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await pick('日本語');
    await expect(page).toHaveURL(`${baseURL}/ja/reference/credits/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('h1')).toHaveText('このサイトについて・クレジット');
    await pick('English');
    await expect(page).toHaveURL(`${baseURL}/reference/credits/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('About and credits');
  });

  test('the credits page lists every model, label file and photo from the manifest', async ({ page }) => {
    for (const prefix of ['', '/ja']) {
      await page.goto(`${prefix}/reference/credits/`);
      for (const asset of [...manifest.models, ...manifest.derived, ...manifest.labels, ...manifest.images, ...manifest.dev]) {
        await expect(page.locator(`[data-asset="${asset.id}"]`), asset.id).toHaveCount(1);
      }
    }
  });

  test('search finds pages in both languages', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /search/i }).first().click();
    await page.locator('#starlight__search input').fill('credits');
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible();
    await page.goto('/ja/');
    await page.locator('site-search button').first().click();
    await page.locator('#starlight__search input').fill('クレジット');
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible();
  });
});
