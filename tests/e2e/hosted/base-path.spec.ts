// The site built under /tflite-lab/ and served by a plain static server: every page, link, asset,
// WASM file and model lives under the base path, and the demos work there.
import { expect, test } from '../fixtures.ts';
import { classifyFile, openClassifier } from '../classifier-helpers.ts';
import { BASE_PATH } from '../../../playwright.base.config.ts';
import { openIsolated } from './isolated.ts';

test.describe('under a base path', () => {
  test('every sitemap page answers 200 and every root-relative link on it stays under the base', async ({ page, request }) => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const paths: string[] = [];
    for (const sitemap of locs(await (await request.get('sitemap-index.xml')).text())) {
      expect(sitemap.startsWith(BASE_PATH), sitemap).toBe(true);
      paths.push(...locs(await (await request.get(sitemap)).text()));
    }
    expect(paths.length).toBeGreaterThan(10);
    const linked = new Set<string>();
    // The first visit installs the service worker, which reloads the page once.
    await openIsolated(page, '');
    for (const path of paths) {
      expect(path.startsWith(BASE_PATH), path).toBe(true);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
      );
      for (const url of urls.filter((u) => u.startsWith('/') && !u.startsWith('//'))) {
        expect(url.startsWith(BASE_PATH), `${url} on ${path}`).toBe(true);
        linked.add(url.split('#')[0]!);
      }
    }
    // Every page or file a page links to exists (lesson links, hero buttons, sidebar, photos).
    for (const url of linked) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
    }
  });

  test('the classifier classifies, loading runtime, WASM and models from under the base', async ({ page }) => {
    const outside: string[] = [];
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (!path.startsWith(BASE_PATH)) outside.push(path);
    });
    await openClassifier(page, {}, 'labs/classifier/');
    // With no ?runtime=, the default runtime: LiteRT.js.
    await expect(page.getByTestId('runtime-info')).toHaveAttribute('data-variant', /litert_wasm/);
    const results = await classifyFile(page, 'public/images/grace_hopper.jpg');
    expect(Object.keys(results)).toHaveLength(2);
    for (const top of Object.values(results)) expect(top.length).toBe(5);
    expect(outside).toEqual([]);
  });
});
