// A `page` fixture that records console errors, page errors and failed or foreign requests,
// and fails the test when any occurred (opt out per message with `allowConsole`).
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  /** Regexes of console messages a test expects (e.g. a deliberately broken file). */
  allowConsole: RegExp[];
  /** Regexes of failed requests a test provokes on purpose (e.g. WASM routed to 404). */
  allowFailedRequests: RegExp[];
}

// Automatic: every test gets these checks, whether or not it names `problems` (it names it only to
// allow an expected console message or failed request).
export const test = base.extend<{ problems: PageProblems }>({
  problems: [async ({ page, baseURL }, use) => {
    const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], allowConsole: [], allowFailedRequests: [] };
    const origin = new URL(baseURL!).origin;
    // The site's Content-Security-Policy (astro.config.mjs): any violation is a console error, so it fails the test.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`),
      ),
    );
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.consoleErrors.push(`${msg.text()} (${msg.location().url || page.url()})`);
    });
    page.on('pageerror', (err) => problems.consoleErrors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? '';
      // Navigations away and aborted media fetches are not failures of the site.
      if (reason.includes('ERR_ABORTED')) return;
      problems.failedRequests.push(`${req.url()} ${reason}`);
    });
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
    });
    await use(problems);
    const unexpected = problems.consoleErrors.filter((m) => !problems.allowConsole.some((re) => re.test(m)));
    expect(unexpected, 'console errors').toEqual([]);
    const failed = problems.failedRequests.filter((r) => !problems.allowFailedRequests.some((re) => re.test(r)));
    expect(failed, 'failed requests').toEqual([]);
    expect(problems.foreignRequests, 'requests leaving the origin').toEqual([]);
  }, { auto: true }],
});

export { expect };

/**
 * Opens `path` and returns the island whose root has data-testid=`testId`, once it is interactive:
 * scrolled into view (client:visible hydrates on sight) and hydrated. Hydration is read from the
 * island's <astro-island> wrapper losing its `ssr` attribute: the only place the tests look at it.
 */
export async function openLab(page: Page, path: string, testId: string): Promise<Locator> {
  await page.goto(path);
  const island = page.getByTestId(testId);
  await island.waitFor({ state: 'attached' });
  // A plain DOM scroll: the island re-creates its DOM once on hydration, which a locator action can race.
  await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'start' }), testId);
  await page.waitForFunction((id) => {
    const wrapper = document.querySelector(`[data-testid="${id}"]`)?.closest('astro-island');
    return !!wrapper && !wrapper.hasAttribute('ssr');
  }, testId);
  return island;
}

/** Every page path the sitemap lists (both locales). Fetched without a page: XML views request /favicon.ico. */
export async function sitePaths(request: APIRequestContext): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths: string[] = [];
  for (const sitemap of locs(await (await request.get('/sitemap-index.xml')).text())) {
    paths.push(...locs(await (await request.get(sitemap)).text()));
  }
  return paths;
}

/** Scrolls to each island in turn so every client:visible island hydrates, and waits for each. */
export async function hydrateAll(page: Page): Promise<void> {
  const count = await page.locator('astro-island').count();
  for (let i = 0; i < count; i++) {
    // <astro-island> is display: contents (no box): scroll to its content.
    await page.evaluate((n) => {
      const island = document.querySelectorAll('astro-island')[n];
      (island?.firstElementChild ?? island)?.scrollIntoView({ block: 'center' });
    }, i);
    await page.waitForFunction((n) => !document.querySelectorAll('astro-island')[n]?.hasAttribute('ssr'), i);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
